"""The checks' marks on calendar entries: a small badge at the end of a bar, red for an error,
amber for a warning, grey for a note (``planning.check_marks``)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from models.enums import Severity
from planning.check_marks import Mark

MARK_COLOURS = {Severity.ERROR: QColor("#c53030"), Severity.WARNING: QColor("#d69e2e"),
                Severity.NOTE: QColor("#718096")}
MARK_SIZE = 9.0


def paint_mark(painter: QPainter, rect: QRectF, mark: Mark) -> None:
    """A dot (error), triangle (warning) or ring (note) at the right end of ``rect``."""
    size = min(MARK_SIZE, rect.height() - 2)
    box = QRectF(rect.right() - size - 3, rect.center().y() - size / 2, size, size)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    colour = MARK_COLOURS[mark.severity]
    painter.setPen(QPen(QColor("#ffffff"), 1))
    painter.setBrush(QBrush(colour))
    if mark.severity is Severity.WARNING:
        painter.drawPolygon(QPolygonF([QPointF(box.center().x(), box.top()),
                                       QPointF(box.right(), box.bottom()),
                                       QPointF(box.left(), box.bottom())]))
    elif mark.severity is Severity.ERROR:
        painter.drawEllipse(box)
    else:
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(box.adjusted(1, 1, -1, -1))
    painter.restore()


def mark_tooltip(mark: Mark) -> str:
    """Rich-text lines of a record's open findings, for the end of its tooltip."""
    colour = MARK_COLOURS[mark.severity].name()
    lines = "".join(f"<li>{escape(text)}</li>" for text in mark.texts)
    return f"<hr/><div style='color:{colour}'><ul style='margin:0'>{lines}</ul></div>"
