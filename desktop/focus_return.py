"""The keyboard goes back to the window a dialog came from when the dialog closes.

A window manager usually does this; on a display without one (a kiosk, a remote X session,
Xvfb) the focus fell to nothing when a question, a file dialog or an editor closed, and the
window's shortcuts (Ctrl+N, Ctrl+Z, Ctrl+S) stopped working until a click.

It listens to the application's ``focusChanged`` signal, which Qt emits when the keyboard
focus moves, rather than filtering every event of the application: such a filter ran Python
for each paint, resize and timer event, and while a worker thread held the interpreter, each
of those events on the window's thread waited for it (~40 ms of the start at ten years of
history, while the dashboard is read on a worker)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class FocusReturn(QObject):
    """Connected to the application: when the focus leaves a dialog that has closed and no
    window is active, its parent's window is activated again."""

    def focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None or old is None:
            return
        dialog = old.window()
        parent = dialog.parentWidget()
        if isinstance(dialog, QDialog) and parent is not None:
            # the dialog still counts as visible while it hides: look once it has
            back = parent.window()
            QTimer.singleShot(0, lambda: self._activate(dialog, back))

    @staticmethod
    def _activate(dialog: QDialog, window: QWidget) -> None:
        try:
            closed = not dialog.isVisible()
        except RuntimeError:  # deleted as it closed
            closed = True
        try:
            visible = window.isVisible()
        except RuntimeError:  # deleted in the meantime
            return
        active = QApplication.activeWindow()
        if closed and visible and (active is None or not active.isVisible()):
            window.activateWindow()


def install(app: QApplication) -> FocusReturn:
    """Keep the keyboard in the window after dialogs; the keeper lives as long as ``app``."""
    keeper = FocusReturn(app)
    app.focusChanged.connect(keeper.focus_changed)
    return keeper
