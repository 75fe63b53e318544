"""The keyboard goes back to the window a dialog came from (no window manager does it on a
bare X display; tests/desktop/test_real_x_server.py drives the same on Xvfb)."""

from __future__ import annotations

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


def test_a_closed_dialog_gives_the_keyboard_back_to_its_window(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    keeper = focus_return.install(app)
    try:
        window = Window()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        box = QMessageBox(QMessageBox.Icon.Question, "删除", "删除 TRIP-2023-005？",
                          QMessageBox.StandardButton.Cancel, window)
        box.open()
        qtbot.waitExposed(box)
        box.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
        box.reject()
        qtbot.waitUntil(lambda: window.activated > 0)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    finally:
        focus_return.uninstall(app, keeper)


def test_a_dialog_with_nothing_to_focus_gives_the_keyboard_back_too(qtbot: QtBot) -> None:
    """A dialog that only shows text takes the window's keyboard but no widget's focus: its
    window is watched until it hides."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    keeper = focus_return.install(app)
    try:
        window = Window()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        notice = QDialog(window)
        QVBoxLayout(notice).addWidget(QLabel("正在导出日历…"))
        notice.open()
        qtbot.waitExposed(notice)
        notice.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is notice)
        focused = QApplication.focusWidget()
        assert focused is None or focused.window() is not notice  # no widget of it has the focus
        notice.reject()
        qtbot.waitUntil(lambda: window.activated > 0)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    finally:
        focus_return.uninstall(app, keeper)
