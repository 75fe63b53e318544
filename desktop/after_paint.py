"""Work that waits until a filled view has been painted.

Qt posts a widget's repaint as a low-priority event: a zero timer started as the view's rows
arrive runs *before* that paint. Work started there on a thread of its own (SQLAlchemy
configuring its mappers, ~45 ms of Python) then held the interpreter while the window's thread
laid out and painted the rows: the first filled paint came that much later.

The window is told to repaint by an ``UpdateRequest`` event, whichever of its widgets asked
(a table's or a calendar's opaque viewport paints without its page or the window getting a
paint event of their own), and the repaint happens while that event is handled: the work is
started by a zero timer from there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget
from typing_extensions import override


class AfterPaint(QObject):
    """Calls ``then`` once: just after the window's next repaint, or after ``fallback_ms``
    when it is not repainted (minimised). A Qt child of the window: it goes with it, and
    then so does the work."""

    def __init__(self, window: QWidget, then: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(window)
        self.window = window
        self.then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest and self.then is not None:
            QTimer.singleShot(0, self, self._run)  # once this repaint is over
        return False

    def _run(self) -> None:
        then, self.then = self.then, None
        if then is None:
            return
        self.window.removeEventFilter(self)
        self.deleteLater()
        then()


def after_next_paint(window: QWidget, then: Callable[[], None], fallback_ms: int = 1000) -> None:
    """``then`` once ``window`` (a top-level window) has been repainted."""
    AfterPaint(window, then, fallback_ms)
