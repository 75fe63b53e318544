"""The keyboard goes back to the window a dialog came from when the dialog closes.

A window manager usually does this; on a display without one (a kiosk, a remote X session,
Xvfb) the focus fell to nothing when a question, a file dialog or an editor closed, and the
window's shortcuts (Ctrl+N, Ctrl+Z, Ctrl+S) stopped working until a click.

It listens to the application's ``focusWindowChanged`` signal, which Qt emits only when the
keyboard moves to another window, rather than filtering every event of the application: such
a filter ran Python for each paint, resize and timer event, and while a worker thread held the
interpreter, each of those events on the window's thread waited for it (~40 ms of the start at
ten years of history, while the dashboard is read on a worker).

The dialog that becomes the active window is watched until its window hides
(``visibleChanged``), whether or not anything in it can take the focus. It is found after the
signal, as ``activeWindow()``: nothing is read of the widgets while Qt changes the focus (a
window may be going away meanwhile; reading every top-level widget there crashed once)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QDialog, QWidget

WATCHED = "campaignPlannerFocusReturn"  # set on a dialog once its window is watched


class FocusReturn(QObject):
    """Connected to the application: when a dialog has closed and no window is active, its
    parent's window is activated again."""

    def focus_window_changed(self, window: QWindow | None) -> None:
        if window is not None:  # looked at once Qt is done changing the focus
            QTimer.singleShot(0, self._watch_active)

    def _watch_active(self) -> None:
        dialog = QApplication.activeWindow()
        if not isinstance(dialog, QDialog) or dialog.property(WATCHED):
            return
        parent, handle = dialog.parentWidget(), dialog.windowHandle()
        if parent is None or handle is None:
            return
        dialog.setProperty(WATCHED, True)
        back = parent.window()
        handle.visibleChanged.connect(
            lambda visible: None if visible else self._soon(dialog, back))

    def _soon(self, dialog: QDialog, window: QWidget) -> None:
        # the dialog still counts as visible while it hides: look once it has
        QTimer.singleShot(0, lambda: self._activate(dialog, window))

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
    app.focusWindowChanged.connect(keeper.focus_window_changed)
    return keeper


def uninstall(app: QApplication, keeper: FocusReturn) -> None:
    """Undo :func:`install` (tests)."""
    app.focusWindowChanged.disconnect(keeper.focus_window_changed)
