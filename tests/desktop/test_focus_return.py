"""The keyboard goes back to the window a dialog came from (no window manager does it on a
bare X display; tests/desktop/test_real_x_server.py drives the same on Xvfb)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop import focus_return


class Window(QWidget):
    """Counts how often it is activated again."""

    def __init__(self) -> None:
        super().__init__()
        self.activated = 0

    def activateWindow(self) -> None:  # noqa: N802
        self.activated += 1
        super().activateWindow()


def question(window: QWidget) -> QDialog:
    return QMessageBox(QMessageBox.Icon.Question, "删除", "删除 TRIP-2023-005？",
                       QMessageBox.StandardButton.Cancel, window)


def notice(window: QWidget) -> QDialog:
    """A dialog that only shows text: it takes the window's keyboard but no widget's focus
    (its window is watched until it hides)."""
    dialog = QDialog(window)
    QVBoxLayout(dialog).addWidget(QLabel("正在导出日历…"))
    return dialog


@pytest.fixture
def keeper() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = focus_return.install(app)
    yield
    focus_return.uninstall(app, installed)


@pytest.mark.parametrize("make_dialog", [question, notice])
def test_a_closed_dialog_gives_the_keyboard_back_to_its_window(
        qtbot: QtBot, keeper: None, make_dialog: Callable[[QWidget], QDialog]) -> None:
    window = Window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialog = make_dialog(window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    if make_dialog is notice:
        focused = QApplication.focusWidget()
        assert focused is None or focused.window() is not dialog  # no widget of it has it
    dialog.reject()
    qtbot.waitUntil(lambda: window.activated > 0)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
