"""The agenda: a list of days, each with its trips, itinerary items and events, in the chosen
time and the other one beside it (a leader at home reads Beijing time, a delegate local time)."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget
from typing_extensions import override

from desktop.calendar.style import (
    HEADER_BG,
    HOLIDAY_TEXT,
    MUTED_TEXT,
    ColourBy,
    base_colour,
    entry_tooltip,
    time_text,
)
from desktop.formatting import fmt_time, plain_tooltip
from desktop.undo.moves import Move
from models.language import Lang
from models.timeutil import BEIJING_TZ
from models.wording import utc_offset
from planning.dates import day_label, public_holidays
from planning.entries import CalendarEntry, TimeMode, sort_key


class EntryItem(QTreeWidgetItem):
    """A row of a list of entries that holds its entry (day headings are plain items)."""

    def __init__(self, parent: QTreeWidget, entry: CalendarEntry) -> None:
        super().__init__(parent)
        self.entry = entry


def same_clock_as_beijing(e: CalendarEntry) -> bool:
    """Hong Kong, Macau, Shanghai: local time reads the same as Beijing time then."""
    return e.starts_at.astimezone(ZoneInfo(e.timezone)).utcoffset() == \
        e.starts_at.astimezone(ZoneInfo(BEIJING_TZ)).utcoffset()


def _swatch(colour: QColor, dashed: bool) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if dashed:
        painter.setPen(colour)
        painter.drawRoundedRect(1, 1, 10, 10, 3, 3)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawRoundedRect(1, 1, 10, 10, 3, 3)
    painter.end()
    return QIcon(pixmap)


class AgendaView(QTreeWidget):
    open_requested = Signal(object)  # CalendarEntry
    move_requested = Signal(object, object, bool)  # CalendarEntry, Move, merge
    selection_changed = Signal(object)  # CalendarEntry | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = Lang.ZH
        self.mode = TimeMode.LOCAL
        self.colour_by = ColourBy.REGION
        self.first = date.today()
        self.last = date.today()
        self.today = date.today()
        self.entries: list[CalendarEntry] = []
        self.setColumnCount(6)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAllColumnsShowFocus(True)
        self.setIndentation(0)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 170), (2, 130), (3, 200), (4, 80), (5, 170)):
            self.setColumnWidth(column, width)
        self.itemDoubleClicked.connect(self._on_double_click)
        self.currentItemChanged.connect(self._on_current)

    def set_range(self, first: date, last: date, today: date) -> None:
        self.first, self.last, self.today = first, last, today

    def _labels(self) -> list[str]:
        here = self.tr("Beijing time") if self.mode is TimeMode.BEIJING else self.tr("Local time")
        other = self.tr("Local time") if self.mode is TimeMode.BEIJING else self.tr("Beijing time")
        return [here, self.tr("Title"), self.tr("Type"), self.tr("Place"), self.tr("Status"), other]

    def set_entries(self, entries: list[CalendarEntry]) -> None:
        keep = self.selected_entry()
        self.entries = entries
        self.blockSignals(True)
        self.clear()
        self.setHeaderLabels(self._labels())
        holidays = public_holidays(self.first, self.last, self.lang)
        by_day: dict[date, list[CalendarEntry]] = {}
        for e in sorted(entries, key=lambda e: sort_key(e, self.mode)):
            if not e.touches(self.first, self.last, self.mode):
                continue
            by_day.setdefault(max(e.first_day(self.mode), self.first), []).append(e)
        bold = QFont(self.font())
        bold.setBold(True)
        selected_item: QTreeWidgetItem | None = None
        day = self.first
        while day <= self.last:
            todays = by_day.get(day, [])
            if todays or day == self.today:
                head = QTreeWidgetItem(self)
                head.setText(0, day_label(day, self.lang, with_year=day.month == 1 and day.day == 1))
                if day in holidays:
                    head.setText(1, holidays[day])
                    head.setForeground(1, QBrush(HOLIDAY_TEXT))
                if day == self.today:
                    head.setText(5, self.tr("Today"))
                head.setFont(0, bold)
                for column in range(self.columnCount()):
                    head.setBackground(column, QBrush(HEADER_BG))
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                if not todays:
                    empty = QTreeWidgetItem(self)
                    empty.setText(1, self.tr("Nothing planned"))
                    empty.setForeground(1, QBrush(MUTED_TEXT))
                    empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
                for e in todays:
                    item = self._entry_item(e)
                    if keep is not None and e.key == keep.key:
                        selected_item = item
            day += timedelta(days=1)
        self.blockSignals(False)
        if selected_item is not None:
            self.setCurrentItem(selected_item)
        elif keep is not None:
            self.selection_changed.emit(None)

    def _entry_item(self, e: CalendarEntry) -> QTreeWidgetItem:
        item = EntryItem(self, e)
        when = time_text(e, self.mode, self.lang)
        if not e.all_day and self.mode is TimeMode.LOCAL and not same_clock_as_beijing(e):
            when += f" ({utc_offset(e.starts_at.astimezone(ZoneInfo(e.timezone)))})"
        item.setText(0, when)
        item.setText(1, f"{e.title(self.lang)} · {e.code_in(self.lang)}")
        item.setIcon(1, _swatch(base_colour(e, self.colour_by), e.status == "draft"))
        item.setText(2, e.type_label(self.lang))
        where = " · ".join(x for x in (e.city.name(self.lang) if e.city else "", e.place) if x)
        if e.all_day and e.region:
            where = e.region.name(self.lang)
        item.setText(3, where)
        item.setText(4, e.status_label(self.lang))
        item.setText(5, self._other_time(e))
        tip = entry_tooltip(e, self.mode, self.lang)
        for column in range(self.columnCount()):
            item.setToolTip(column, plain_tooltip(tip))
        if e.cancelled:
            font = QFont(self.font())
            font.setStrikeOut(True)
            for column in range(self.columnCount()):
                item.setFont(column, font)
                item.setForeground(column, QBrush(MUTED_TEXT))
        return item

    def _other_time(self, e: CalendarEntry) -> str:
        """The same moment on the other clock: ``16:00 (UTC+8)`` beside ``09:00`` Frankfurt."""
        if e.all_day or same_clock_as_beijing(e):
            return ""
        zone = ZoneInfo(e.timezone if self.mode is TimeMode.BEIJING else BEIJING_TZ)
        start = e.starts_at.astimezone(zone)
        end = e.ends_at.astimezone(zone)
        text = f"{fmt_time(start)}–{fmt_time(end)} ({utc_offset(start)})"
        if self.mode is TimeMode.BEIJING and e.city:
            text = f"{e.city.name(self.lang)} {text}"
        shown_day = e.first_day(self.mode)
        if start.date() != shown_day:
            text += f" {day_label(start.date(), self.lang, with_weekday=False)}"
        return text

    def selected_entry(self) -> CalendarEntry | None:
        item = self.currentItem()
        return item.entry if isinstance(item, EntryItem) else None

    def select(self, entry: CalendarEntry | None) -> None:
        if entry is None:
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())
            return
        for item in self._entry_items():
            if item.entry.key == entry.key:
                self.setCurrentItem(item)
                return

    def entry_rows(self) -> list[CalendarEntry]:
        """The entries listed, in order (days in order, each day's entries by time)."""
        return [item.entry for item in self._entry_items()]

    def _entry_items(self) -> list[EntryItem]:
        items = (self.topLevelItem(n) for n in range(self.topLevelItemCount()))
        return [item for item in items if isinstance(item, EntryItem)]

    def _on_current(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self.selection_changed.emit(current.entry if isinstance(current, EntryItem) else None)

    def _on_double_click(self, item: QTreeWidgetItem, _column: int) -> None:
        if isinstance(item, EntryItem):
            self.open_requested.emit(item.entry)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        entry = self.selected_entry()
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if entry is not None and alt and event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            days = -1 if event.key() == Qt.Key.Key_Left else 1
            self.move_requested.emit(entry, Move(days=days), True)
        elif entry is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit(entry)
        else:
            super().keyPressEvent(event)
