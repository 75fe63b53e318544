"""Table cells cut with "…" show their whole text in a tooltip, as plain text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QToolTip
from typing_extensions import override

from desktop.formatting import plain_tooltip


class ElidedTipDelegate(QStyledItemDelegate):
    """A cell whose own tooltip is empty and whose text does not fit gets the text as tooltip."""

    @override
    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid() and not index.data(
                Qt.ItemDataRole.ToolTipRole):
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            margin = 2 * view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin) + 8
            if text and option.fontMetrics.horizontalAdvance(text) + margin > option.rect.width():
                QToolTip.showText(event.globalPos(), plain_tooltip(text), view)
                return True
            QToolTip.hideText()
            return True
        return super().helpEvent(event, view, option, index)
