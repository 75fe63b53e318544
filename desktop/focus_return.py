"""The keyboard goes back to the window a dialog came from when the dialog closes.

A window manager usually does this; on a display without one (a kiosk, a remote X session,
Xvfb) the focus fell to nothing when a question, a file dialog or an editor closed, and the
window's shortcuts (Ctrl+N, Ctrl+Z, Ctrl+S) stopped working until a click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from typing_extensions import override


class FocusReturn(QObject):
    """Installed on the application: when a dialog window hides while no window is active,
    its parent's window is activated again."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Hide and isinstance(watched, QDialog)
                and watched.isWindow()):
            parent = watched.parentWidget()
            if parent is not None:
                back = parent.window()
                QTimer.singleShot(0, lambda: self._activate(back))
        return False

    @staticmethod
    def _activate(window: QWidget) -> None:
        try:
            visible = window.isVisible()
        except RuntimeError:  # deleted in the meantime
            return
        active = QApplication.activeWindow()
        if visible and (active is None or not active.isVisible()):
            window.activateWindow()


def install(app: QApplication) -> FocusReturn:
    """Keep the keyboard in the window after dialogs; the filter lives as long as ``app``."""
    keeper = FocusReturn(app)
    app.installEventFilter(keeper)
    return keeper
