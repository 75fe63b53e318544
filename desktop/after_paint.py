"""Work that waits until a filled view has been painted.

Qt posts a widget's repaint as a low-priority event: a zero timer started as the view's rows
arrive runs *before* that paint. Work started there on a thread of its own (SQLAlchemy
configuring its mappers, ~45 ms of Python) then held the interpreter while the window's thread
laid out and painted the rows: the first filled paint came that much later.

The window is told to repaint by an ``UpdateRequest`` event, which it receives whichever of
its widgets asked (a table's or a calendar's opaque viewport paints without its page or the
window getting a paint event of their own); the repaint happens while that event is handled."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget
from typing_extensions import override

PAINTING = (QEvent.Type.UpdateRequest, QEvent.Type.Paint)


class AfterPaint(QObject):
    """Calls ``then`` once: just after the next repaint of any of ``widgets`` (the window
    first), or after ``fallback_ms`` when none is repainted (a minimised window)."""

    def __init__(self, widgets: Sequence[QWidget], then: Callable[[], None],
                 fallback_ms: int) -> None:
        super().__init__(widgets[0])
        self.widgets = list(widgets)
        self.then: Callable[[], None] | None = then
        for widget in self.widgets:
            widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in PAINTING and self.then is not None:
            QTimer.singleShot(0, self, self._run)  # once this repaint is over
        return False

    def _run(self) -> None:
        then, self.then = self.then, None
        if then is None:
            return
        for widget in self.widgets:
            with suppress(RuntimeError):  # deleted in the meantime: nothing to remove
                widget.removeEventFilter(self)
        self.deleteLater()
        then()


def after_next_paint(widgets: Sequence[QWidget | None], then: Callable[[], None],
                     fallback_ms: int = 1000) -> None:
    """``then`` once the window (``widgets[0]``) or one of the other ``widgets`` has been
    repainted; at once when there is none to watch. The watcher belongs to the first widget,
    as a Qt child: it goes with the window."""
    watched = [w for w in widgets if w is not None]
    if not watched:
        then()
        return
    AfterPaint(watched, then, fallback_ms)
