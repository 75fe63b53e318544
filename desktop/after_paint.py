"""Work that waits until a filled view has been painted.

Qt posts a widget's repaint as a low-priority event: a zero timer started as the view's rows
arrive runs *before* that paint. Work started there on a thread of its own (SQLAlchemy
configuring its mappers, ~45 ms of Python) then held the interpreter while the window's thread
laid out and painted the rows: the first filled paint came that much later."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget
from typing_extensions import override


class AfterPaint(QObject):
    """Calls ``then`` once: just after the first paint of any of ``widgets``, or after
    ``fallback_ms`` when none is painted (a minimised window)."""

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
        if event.type() == QEvent.Type.Paint and self.then is not None:
            QTimer.singleShot(0, self, self._run)  # once this paint is over
        return False

    def _run(self) -> None:
        then, self.then = self.then, None
        if then is None:
            return
        for widget in self.widgets:
            widget.removeEventFilter(self)
        then()


def after_next_paint(widgets: Sequence[QWidget | None], then: Callable[[], None],
                     fallback_ms: int = 1000) -> None:
    """``then`` once one of ``widgets`` (e.g. the window and its view) has been painted (the
    watcher belongs to the first of them, as a Qt child)."""
    AfterPaint([w for w in widgets if w is not None], then, fallback_ms)
