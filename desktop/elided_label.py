"""A one-line label for user text: plain text (never rich text), elided, full in a tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget
from typing_extensions import override

from desktop.formatting import plain_tooltip


class ElidedLabel(QLabel):
    """Shows ``text`` on one line, cut with "…" when the label is narrower than the text.

    A title of 5,000 characters or ``<b>markup</b>`` cannot widen a window or turn bold:
    the text is plain, the size hint is modest, and the tooltip holds the whole text.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    @override
    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(plain_tooltip(text) if self.elided_text() != text else "")
        self.update()

    def elided_text(self, width: int | None = None) -> str:
        """The text as drawn in ``width`` pixels (the label's width when not given)."""
        room = self.contentsRect().width() if width is None else width
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, max(room, 0))

    @override
    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), 480), hint.height())

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    @override
    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        text = self.text()
        self.setToolTip(plain_tooltip(text) if self.elided_text() != text else "")

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
                         self.elided_text())
