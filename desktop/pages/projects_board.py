"""The pipeline board of the Projects page: one column per stage, 终止 (dropped) apart.

Each card is a project: organisation, amount in 亿元, unit, industry, a ★ for a flagship
project, and the stage history in its tooltip. Dragging a card onto another column asks the
page to move the project (``move_requested``); the board itself changes nothing, it is drawn
again from the rows once the move is saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from desktop.formatting import plain_tooltip
from desktop.tables.leads import history_text
from models.enums import LeadStage
from models.language import Lang
from models.leads import PIPELINE
from models.rows import LeadRow
from models.wording import money

MIME = "application/x-campaign-planner-lead"
LEAD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CARD_WIDTH = 100  # the narrowest a column gets
CARD_HEIGHT = 66
CARD_PAGE = 100  # cards made at a time in a column, more as it is scrolled to its end


def card_text(row: LeadRow, lang: Lang) -> str:
    first = row.organisation.name(lang) + ("  ★" if row.is_flagship else "")
    second = money(row.amount_cny, lang)
    third = " · ".join(x for x in (row.unit.name(lang) if row.unit else "",
                                   row.industry.name(lang) if row.industry else "") if x)
    return "\n".join(x for x in (first, second, third) if x)


def card_tooltip(row: LeadRow, lang: Lang) -> str:
    head = f"{row.code}  {row.title(lang)}"
    source = (row.source_code or "") + (f"（{row.source_meeting}）" if row.source_meeting else "")
    return "\n".join(x for x in (head, source, history_text(row, lang)) if x)


class StageList(QListWidget):
    """The cards of one stage; a drop of another stage's card asks for a move."""

    dropped = Signal(int, str)  # lead id, stage value

    def __init__(self, stage: LeadStage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setSpacing(3)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)

    @override
    def mimeTypes(self) -> list[str]:
        return [MIME]

    @override
    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        ids = ",".join(str(item.data(LEAD_ID_ROLE)) for item in items)
        data.setData(MIME, QByteArray(ids.encode("ascii")))
        return data

    @override
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def _accepts(self, data: QMimeData | None) -> bool:
        return data is not None and data.hasFormat(MIME)

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    @override
    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event.mimeData()) and event.source() is not self:
            event.acceptProposedAction()
        else:
            event.ignore()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        if not self._accepts(data) or event.source() is self:
            event.ignore()
            return
        # the card is not moved here: the board is drawn again once the move is saved
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        for text in bytes(data.data(MIME).data()).decode("ascii").split(","):
            if text.strip().isdigit():
                self.dropped.emit(int(text), self.stage.value)


class StageColumn(QFrame):
    def __init__(self, stage: LeadStage, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.lang = lang
        apart = stage is LeadStage.DROPPED
        self.setObjectName("stageColumn")
        self.setStyleSheet(
            "QFrame#stageColumn { background: %s; border-radius: 6px; }"
            "QListWidget { background: transparent; border: none; }"
            "QListWidget::item { background: white; border: 1px solid #d5dbe3; "
            "border-radius: 4px; padding: 5px; color: #1f2a37; }"
            "QListWidget::item:selected { border: 1px solid #2f6fb3; background: #eaf2fb; }"
            "QScrollBar:vertical { background: transparent; width: 8px; margin: 0; }"
            "QScrollBar::handle:vertical { background: #c3cad3; border-radius: 4px; "
            "min-height: 24px; }"
            "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }"
            "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"
            % ("#eceef1" if apart else "#f3f5f8"))
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: 600; padding: 4px 2px 0 2px;"
                                 + (" color: #6b7280;" if apart else " color: #1d3d63;"))
        self.summary = QLabel(self)
        self.summary.setStyleSheet("color: #5f6b7a; padding: 0 2px 2px 2px;")
        self.summary.setWordWrap(True)
        self.cards = StageList(stage, self)
        self.setMinimumWidth(CARD_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.cards, 1)
        self.rows: list[LeadRow] = []
        self.shown = 0  # the cards made so far (the first rows)
        bar = self.cards.verticalScrollBar()
        bar.valueChanged.connect(self._scrolled)

    def show_rows(self, rows: list[LeadRow], flagship_mark: str) -> None:
        self.title.setText(self.stage.label(self.lang))
        total = sum(r.amount_cny for r in rows)
        flagships = sum(1 for r in rows if r.is_flagship)
        self.summary.setText(
            f"{len(rows)} · {money(total, self.lang)}"
            + (f" · ★{flagships}" if flagships else ""))
        self.summary.setToolTip(flagship_mark)
        self.cards.clear()
        self.rows, self.shown = rows, 0
        self.more_cards()
        self._fill()

    def _fill(self) -> None:
        """Cards enough to fill the column's height and scroll (a tall window, a short page)."""
        while (self.shown < len(self.rows)
               and self.shown * CARD_HEIGHT < self.cards.viewport().height() + CARD_HEIGHT):
            self.more_cards()

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fill()

    def more_cards(self, up_to: int = 0) -> None:
        """Make the next page of cards (or those up to row ``up_to``): ten years of projects
        are 20,000 cards, of which a column shows a dozen; scrolling near its end adds more."""
        last = min(len(self.rows), max(self.shown + CARD_PAGE, up_to + 1))
        for row in self.rows[self.shown:last]:
            item = QListWidgetItem(card_text(row, self.lang))
            item.setData(LEAD_ID_ROLE, row.id)
            item.setToolTip(plain_tooltip(card_tooltip(row, self.lang)))
            item.setSizeHint(QSize(CARD_WIDTH - 30, CARD_HEIGHT))
            self.cards.addItem(item)
        self.shown = max(self.shown, last)

    def _scrolled(self, value: int) -> None:
        bar = self.cards.verticalScrollBar()
        if self.shown < len(self.rows) and value >= bar.maximum() - bar.pageStep():
            self.more_cards()

    def card_of(self, lead_id: int) -> QListWidgetItem | None:
        """The card of project ``lead_id`` in this column (made if not yet), or None."""
        number = next((n for n, r in enumerate(self.rows) if r.id == lead_id), -1)
        if number < 0:
            return None
        if number >= self.shown:
            self.more_cards(number)
        return self.cards.item(number)


class PipelineBoard(QWidget):
    """The stages side by side; ``move_requested(lead id, stage value)`` on a drop,
    ``open_requested(lead id)`` on a double click or Enter."""

    move_requested = Signal(int, str)
    open_requested = Signal(int)

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.columns: dict[LeadStage, StageColumn] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(6)
        for stage in (*PIPELINE, LeadStage.DROPPED):
            if stage is LeadStage.DROPPED:
                layout.addSpacing(18)  # dropped projects stand apart from the pipeline
            column = StageColumn(stage, lang, self)
            column.cards.dropped.connect(lambda ident, value: self.move_requested.emit(
                ident, value))
            column.cards.itemActivated.connect(
                lambda item: self.open_requested.emit(int(item.data(LEAD_ID_ROLE))))
            column.cards.itemDoubleClicked.connect(
                lambda item: self.open_requested.emit(int(item.data(LEAD_ID_ROLE))))
            self.columns[stage] = column
            layout.addWidget(column, 1)

    def set_rows(self, rows: Sequence[LeadRow], flagship_mark: str = "") -> None:
        for stage, column in self.columns.items():
            column.show_rows([r for r in rows if r.stage is stage], flagship_mark)

    def selected_id(self) -> int | None:
        for column in self.columns.values():
            items = column.cards.selectedItems()
            if items and column.cards.hasFocus():
                return int(items[0].data(LEAD_ID_ROLE))
        for column in self.columns.values():
            items = column.cards.selectedItems()
            if items:
                return int(items[0].data(LEAD_ID_ROLE))
        return None

    def card(self, lead_id: int) -> tuple[StageList, QListWidgetItem] | None:
        for column in self.columns.values():
            item = column.card_of(lead_id)
            if item is not None:
                return column.cards, item
        return None
