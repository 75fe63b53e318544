"""The key under a calendar view: what each colour and each status style means."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from desktop.calendar.style import MUTED_TEXT, EntryStyle, paint_entry, status_style

SWATCH = 12.0
GAP = 14.0
ROW_H = 20.0


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours: list[tuple[str, QColor]] = []
        self._statuses: list[tuple[str, EntryStyle]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_items(self, colours: list[tuple[str, QColor]], statuses: list[tuple[str, str]]) -> None:
        """``colours``: (label, colour); ``statuses``: (label, status value) shown in grey."""
        self._colours = colours
        grey = QColor("#66707c")
        self._statuses = [(label, status_style(grey, value)) for label, value in statuses]
        self.updateGeometry()
        self.update()

    def _layout(self, width: float) -> list[tuple[QRectF, str, QColor | EntryStyle]]:
        metrics = QFontMetricsF(self.font())
        placed: list[tuple[QRectF, str, QColor | EntryStyle]] = []
        x, y = 4.0, 2.0
        items: list[tuple[str, QColor | EntryStyle]] = [*self._colours, *self._statuses]
        for n, (label, look) in enumerate(items):
            chip_w = SWATCH if isinstance(look, QColor) else 34.0
            w = chip_w + 5 + metrics.horizontalAdvance(label)
            if n == len(self._colours) and self._colours:
                x += GAP  # a wider gap between colours and statuses
            if x + w > width - 4 and x > 4:
                x, y = 4.0, y + ROW_H
            placed.append((QRectF(x, y, w, ROW_H - 4), label, look))
            x += w + GAP
        return placed

    @override
    def sizeHint(self) -> QSize:
        rows = {r.top() for r, _, _ in self._layout(max(self.width(), 400))}
        return QSize(400, int(len(rows or {0}) * ROW_H + 4))

    @override
    def hasHeightForWidth(self) -> bool:
        return True

    @override
    def heightForWidth(self, width: int) -> int:
        rows = {r.top() for r, _, _ in self._layout(width)}
        return int(len(rows or {0}) * ROW_H + 4)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        for rect, label, look in self._layout(self.width()):
            if isinstance(look, QColor):
                chip = QRectF(rect.left(), rect.center().y() - SWATCH / 2, SWATCH, SWATCH)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(look)
                painter.drawRoundedRect(chip, 3, 3)
                text_left = chip.right() + 5
            else:
                chip = QRectF(rect.left(), rect.top() + 1, 34, rect.height() - 2)
                paint_entry(painter, chip, look, "")
                text_left = chip.right() + 5
            painter.setPen(MUTED_TEXT if not isinstance(look, QColor) else QColor("#1b1f24"))
            painter.drawText(QRectF(text_left, rect.top(), rect.right() - text_left + 2,
                                    rect.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
        painter.end()
