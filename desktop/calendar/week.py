"""The week view: seven day columns (five for the work week); trips and multi-day entries as
bars in the all-day band, itinerary items and events as blocks in a 24-hour time grid, in local
or Beijing time. A block's bottom edge drags its length; a double-click on an empty slot asks for
a new entry there."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget
from typing_extensions import override

from desktop.calendar.canvas import CalendarCanvas
from desktop.calendar.style import (
    GRID,
    GRID_STRONG,
    HEADER_BG,
    HOLIDAY_TEXT,
    MUTED_TEXT,
    TODAY,
    WEEKEND,
    ColourBy,
    base_colour,
    paint_entry,
    style_for,
)
from desktop.formatting import fmt_time
from desktop.undo.moves import Move
from models.language import Lang
from models.timeutil import BEIJING_TZ
from models.wording import utc_offset
from planning.dates import day_label, public_holidays
from planning.entries import CalendarEntry, TimeMode, sort_key
from planning.layout import WEEK_DAYS, overlap_columns, week_segments

GUTTER = 64.0
TITLE_H = 46.0
LANE_H = 20.0
HOUR_H = 44.0
SNAP_MINUTES = 15
MIN_BLOCK_H = 20.0
EDGE = 4.0  # how near an entry's bottom edge a press takes its length rather than the entry


class _WeekSurface(CalendarCanvas):
    """What both halves of the week view share: the week's days and column geometry."""

    create_requested = Signal(object, object)  # date, time or None: a new entry there

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = date.today() - timedelta(days=date.today().weekday())
        self.today = date.today()
        self.day_count = WEEK_DAYS  # 5: the work week, Monday to Friday

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=n) for n in range(self.day_count)]

    def col_width(self) -> float:
        return (self.width() - GUTTER) / self.day_count

    def col_left(self, col: int) -> float:
        return GUTTER + col * self.col_width()

    def col_at(self, x: float) -> int:
        return min(max(int((x - GUTTER) / self.col_width()), 0), self.day_count - 1)

    def paint_columns(self, painter: QPainter, top: float) -> None:
        """Weekend and today tints, and the column rules, from ``top`` down."""
        holidays = public_holidays(self.days[0], self.days[-1], self.lang)
        for col, day in enumerate(self.days):
            rect = QRectF(self.col_left(col), top, self.col_width(), self.height() - top)
            if day == self.today:
                painter.fillRect(rect, QColor("#fff6f6"))
            elif day.weekday() >= 5 or day in holidays:
                painter.fillRect(rect, WEEKEND)
        painter.setPen(QPen(GRID, 1))
        for col in range(self.day_count + 1):
            x = self.col_left(col)
            painter.drawLine(QPointF(x, top), QPointF(x, self.height()))


class WeekHeader(_WeekSurface):
    """Day titles (date, holiday, the time zones of the day) and the all-day band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lanes = 1
        self._zones: dict[date, str] = {}
        self._segments: list[tuple[QRectF, CalendarEntry, bool, bool]] = []
        self.setFixedHeight(int(TITLE_H + LANE_H + 8))

    def set_zone_notes(self, notes: dict[date, str]) -> None:
        self._zones = notes

    @override
    def relayout(self) -> None:
        shown = sorted((e for e in self.entries if e.touches(self.days[0], self.days[-1], self.mode)),
                       key=lambda e: sort_key(e, self.mode))
        spans = [(e.first_day(self.mode), e.last_day(self.mode)) for e in shown]
        segments = week_segments(self.start, spans, self.day_count)
        self._lanes = max((s.lane + 1 for s in segments), default=1)
        self.hits = []
        self._segments = []
        for seg in segments:
            left = self.col_left(seg.first) + (3 if seg.starts_here else 0)
            right = self.col_left(seg.last + 1) - (3 if seg.ends_here else 0)
            rect = QRectF(left, TITLE_H + 4 + seg.lane * LANE_H, right - left, LANE_H - 3)
            self.hits.append((rect, shown[seg.index]))
            self._segments.append((rect, shown[seg.index], not seg.starts_here, not seg.ends_here))
        height = int(TITLE_H + self._lanes * LANE_H + 8)
        if height != self.height():
            self.setFixedHeight(height)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.fillRect(QRectF(0, 0, self.width(), TITLE_H), HEADER_BG)
        self.paint_columns(painter, TITLE_H)
        holidays = public_holidays(self.days[0], self.days[-1], self.lang)
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 7))
        painter.setFont(small)
        painter.setPen(MUTED_TEXT)
        mode_label = self.tr("Beijing time") if self.mode is TimeMode.BEIJING else self.tr("Local time")
        painter.drawText(QRectF(2, 0, GUTTER - 4, TITLE_H), Qt.AlignmentFlag.AlignCenter
                         | Qt.TextFlag.TextWordWrap, mode_label)
        painter.drawText(QRectF(2, TITLE_H, GUTTER - 4, LANE_H + 4), Qt.AlignmentFlag.AlignCenter,
                         self.tr("All day"))
        for col, day in enumerate(self.days):
            cell = QRectF(self.col_left(col) + 4, 2, self.col_width() - 8, TITLE_H / 2)
            painter.setFont(bold)
            painter.setPen(TODAY if day == self.today else QColor("#1b1f24"))
            title = day_label(day, self.lang)
            painter.drawText(cell, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             QFontMetricsF(bold).elidedText(title, Qt.TextElideMode.ElideRight,
                                                            cell.width()))
            note = holidays.get(day, "")
            zones = self._zones.get(day, "")
            painter.setFont(small)
            line = QRectF(cell.left(), TITLE_H / 2, cell.width(), TITLE_H / 2 - 2)
            metrics = QFontMetricsF(small)
            if note:
                painter.setPen(HOLIDAY_TEXT)
                painter.drawText(line, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 metrics.elidedText(note, Qt.TextElideMode.ElideRight, line.width()))
                line.setLeft(line.left() + metrics.horizontalAdvance(note) + 6)
            if zones and line.width() > 20:
                painter.setPen(MUTED_TEXT)
                painter.drawText(line, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                                 metrics.elidedText(zones, Qt.TextElideMode.ElideRight, line.width()))
        painter.setPen(QPen(GRID_STRONG, 1))
        painter.drawLine(QPointF(0, self.height() - 1), QPointF(self.width(), self.height() - 1))
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 0.5, 8))
        for rect, shown, open_left, open_right in self._segments:
            paint_entry(painter, rect, style_for(shown, self.colour_by), shown.title(self.lang),
                        open_left=open_left, open_right=open_right,
                        selected=self.is_selected(shown), font=font)
        self._paint_drag(painter)
        painter.end()

    def _paint_drag(self, painter: QPainter) -> None:
        entry, move = self.dragging, self.drag_preview
        if entry is not None and move is not None:
            first = (entry.first_day(self.mode) - self.start).days + move.days
            last = (entry.last_day(self.mode) - self.start).days + move.days
            first, last = max(first, 0), min(last, self.day_count - 1)
            if first <= last:
                colour = QColor(base_colour(entry, self.colour_by))
                painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
                colour.setAlpha(50)
                painter.setBrush(QBrush(colour))
                painter.drawRect(QRectF(self.col_left(first) + 2, TITLE_H + 2,
                                        self.col_left(last + 1) - self.col_left(first) - 4,
                                        self.height() - TITLE_H - 5))

    @override
    def drag_move(self, entry: CalendarEntry, start: QPointF, pos: QPointF) -> Move | None:
        return Move(days=self.col_at(pos.x()) - self.col_at(start.x()))

    @override
    def empty_double_click(self, pos: QPointF) -> None:
        if pos.x() >= GUTTER:
            self.create_requested.emit(self.days[self.col_at(pos.x())], None)


class WeekBody(_WeekSurface):
    """The 24-hour time grid: timed entries of one day as blocks, overlaps side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(int(24 * HOUR_H) + 1)
        self.setMinimumWidth(int(GUTTER + 5 * 90))
        self._blocks: list[tuple[QRectF, CalendarEntry]] = []
        self.resizing = False  # the drag holds an entry's bottom edge: its length changes

    def time_at(self, y: float) -> time:
        """The wall-clock time at height ``y``, to the quarter hour."""
        minutes = int(y / HOUR_H * 60 // SNAP_MINUTES * SNAP_MINUTES)
        minutes = min(max(minutes, 0), 24 * 60 - SNAP_MINUTES)
        return time(minutes // 60, minutes % 60)

    def on_bottom_edge(self, pos: QPointF) -> CalendarEntry | None:
        """The entry whose bottom edge is under ``pos`` (a few pixels either side)."""
        for rect, entry in reversed(self.hits):
            if rect.left() <= pos.x() <= rect.right() and abs(rect.bottom() - pos.y()) <= EDGE:
                return entry
        return None

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        edge = self.on_bottom_edge(event.position())
        super().mousePressEvent(event)
        if edge is not None and event.button() == Qt.MouseButton.LeftButton:
            self.select(edge)
            self._press = (event.position(), edge)
        self.resizing = edge is not None

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        over_edge = self._press is None and self.on_bottom_edge(event.position()) is not None
        if over_edge or (self.resizing and self.dragging is not None):
            self.setCursor(Qt.CursorShape.SizeVerCursor)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.resizing = False

    @override
    def empty_double_click(self, pos: QPointF) -> None:
        if pos.x() >= GUTTER:
            self.create_requested.emit(self.days[self.col_at(pos.x())], self.time_at(pos.y()))

    def y_of(self, moment: datetime) -> float:
        return (moment.hour + moment.minute / 60) * HOUR_H

    @override
    def relayout(self) -> None:
        self.hits = []
        for col, day in enumerate(self.days):
            todays = [e for e in self.entries if e.first_day(self.mode) == day]
            todays.sort(key=lambda e: sort_key(e, self.mode))
            spans = []
            for e in todays:
                start, end = e.wall_span(self.mode)
                top = self.y_of(start)
                bottom = max(top + MIN_BLOCK_H, 24 * HOUR_H if end.date() > day else self.y_of(end))
                spans.append((top, bottom))
            columns = overlap_columns(spans)
            width = self.col_width() - 6
            for e, (top, bottom), column in zip(todays, spans, columns, strict=True):
                w = width / column.count
                left = self.col_left(col) + 2 + column.index * w
                self.hits.append((QRectF(left, top + 1, w - 1, bottom - top - 2), e))

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        self.paint_columns(painter, 0)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1, 7))
        painter.setFont(small)
        for hour in range(24):
            y = hour * HOUR_H
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(GUTTER - 6, y), QPointF(self.width(), y))
            painter.setPen(QPen(QColor("#eceff2"), 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(GUTTER, y + HOUR_H / 2), QPointF(self.width(), y + HOUR_H / 2))
            if hour:
                painter.setPen(MUTED_TEXT)
                painter.drawText(QRectF(0, y - 8, GUTTER - 10, 16),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 f"{hour:02d}:00")
        self._paint_now(painter)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 0.5, 8))
        for rect, entry in self.hits:
            start, end = entry.wall_span(self.mode)
            where = entry.place or (entry.city.name(self.lang) if entry.city else "")
            lines = (f"{fmt_time(start)}–{fmt_time(end)}", where)
            paint_entry(painter, rect, style_for(entry, self.colour_by), entry.title(self.lang),
                        selected=self.is_selected(entry), accent=True, lines=lines, font=font)
        self._paint_drag(painter)
        painter.end()

    def _paint_now(self, painter: QPainter) -> None:
        if self.mode is not TimeMode.BEIJING:
            return
        now = datetime.now(ZoneInfo(BEIJING_TZ))
        if now.date() not in self.days:
            return
        col = self.days.index(now.date())
        y = self.y_of(now)
        painter.setPen(QPen(TODAY, 2))
        painter.drawLine(QPointF(self.col_left(col), y), QPointF(self.col_left(col + 1), y))

    def _paint_drag(self, painter: QPainter) -> None:
        entry, move = self.dragging, self.drag_preview
        if entry is not None and move is not None and move.end_delta:
            self._paint_resize(painter, entry, move)
            return
        if entry is None or move is None or move.to_wall is None:
            return
        start, end = entry.wall_span(self.mode)
        new_start = move.to_wall
        col = (new_start.date() - self.start).days
        if not 0 <= col < self.day_count:
            return
        top = self.y_of(new_start)
        height = max((end - start).total_seconds() / 3600 * HOUR_H, MIN_BLOCK_H)
        rect = QRectF(self.col_left(col) + 2, top, self.col_width() - 6, height)
        colour = QColor(base_colour(entry, self.colour_by))
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        colour.setAlpha(50)
        painter.setBrush(QBrush(colour))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor("#1b1f24"))
        painter.drawText(rect.adjusted(6, 2, -2, 0), Qt.AlignmentFlag.AlignLeft
                         | Qt.AlignmentFlag.AlignTop, fmt_time(new_start))

    def zone_name(self, entry: CalendarEntry) -> str:
        return BEIJING_TZ if self.mode is TimeMode.BEIJING else entry.timezone

    def _paint_resize(self, painter: QPainter, entry: CalendarEntry, move: Move) -> None:
        """The entry's new length, dashed, with its new end time."""
        start, end = entry.wall_span(self.mode)
        col = (start.date() - self.start).days
        if not 0 <= col < self.day_count:
            return
        new_end = end + move.end_delta
        top = self.y_of(start)
        height = max((new_end - start).total_seconds() / 3600 * HOUR_H, MIN_BLOCK_H)
        rect = QRectF(self.col_left(col) + 2, top, self.col_width() - 6, height)
        colour = QColor(base_colour(entry, self.colour_by))
        painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
        colour.setAlpha(50)
        painter.setBrush(QBrush(colour))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor("#1b1f24"))
        painter.drawText(rect.adjusted(6, 0, -2, -2), Qt.AlignmentFlag.AlignLeft
                         | Qt.AlignmentFlag.AlignBottom, f"–{fmt_time(new_end)}")

    @override
    def drag_move(self, entry: CalendarEntry, start: QPointF, pos: QPointF) -> Move | None:
        if self.resizing:
            steps = round((pos.y() - start.y()) / HOUR_H * 60 / SNAP_MINUTES)
            begin, end = entry.wall_span(self.mode)
            shortest = SNAP_MINUTES - int((end - begin).total_seconds() // 60)  # a quarter hour
            length = max(steps * SNAP_MINUTES, shortest)
            return Move(end_delta=timedelta(minutes=length)) if length else None
        days = self.col_at(pos.x()) - self.col_at(start.x())
        minutes = (pos.y() - start.y()) / HOUR_H * 60
        minutes = round(minutes / SNAP_MINUTES) * SNAP_MINUTES
        if not days and not minutes:
            return None
        wall = entry.wall_span(self.mode)[0] + timedelta(days=days, minutes=minutes)
        return Move(to_wall=wall, zone=self.zone_name(entry))

    @override
    def vertical_move(self, entry: CalendarEntry, steps: int) -> Move | None:
        return Move(delta=timedelta(minutes=SNAP_MINUTES * steps))

    def first_hour(self) -> int:
        """The hour to scroll to: the earliest entry of the week, or seven o'clock."""
        hours = [int(r.top() // HOUR_H) for r, _ in self.hits]
        return max(min([*hours, 7]) - 1, 0)


class WeekView(QWidget):
    """The header and the scrolled time grid, kept aligned, acting as one surface."""

    open_requested = Signal(object)
    move_requested = Signal(object, object, bool)
    selection_changed = Signal(object)
    create_requested = Signal(object, object)  # date, time or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = WeekHeader()
        self.body = WeekBody()
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.body)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(0)
        top.addWidget(self.header)
        self._spacer = QWidget()
        self._spacer.setFixedWidth(self.scroller.verticalScrollBar().sizeHint().width())
        top.addWidget(self._spacer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.scroller, 1)
        for surface in (self.header, self.body):
            surface.create_requested.connect(self.create_requested)
            surface.open_requested.connect(self.open_requested)
            surface.move_requested.connect(self.move_requested)
            surface.selection_changed.connect(self._on_selection)
        self._scrolled = False

    def surfaces(self) -> tuple[WeekHeader, WeekBody]:
        return (self.header, self.body)

    def set_week(self, start: date, today: date, day_count: int = WEEK_DAYS) -> None:
        for s in self.surfaces():
            s.start = start
            s.today = today
            s.day_count = day_count

    def configure(self, lang: Lang, mode: TimeMode, colour_by: ColourBy) -> None:
        for s in self.surfaces():
            s.lang = lang
            s.mode = mode
            s.colour_by = colour_by

    def set_entries(self, entries: list[CalendarEntry]) -> None:
        mode = self.header.mode
        days = self.header.days
        shown = [e for e in entries if e.touches(days[0], days[-1], mode)]
        self.header.set_zone_notes(zone_notes(shown, days, mode, self.header.lang))
        self.header.set_entries([e for e in shown if e.spans_days(mode)])
        self.body.set_entries([e for e in shown if not e.spans_days(mode)])

    def scroll_to_first(self) -> None:
        """Scroll the time grid to the week's first entry (or seven o'clock)."""
        self.scroller.verticalScrollBar().setValue(int(self.body.first_hour() * HOUR_H))

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._scrolled:
            self._scrolled = True
            self.scroll_to_first()

    def selected_entry(self) -> CalendarEntry | None:
        return self.header.selected_entry() or self.body.selected_entry()

    def select(self, entry: CalendarEntry | None) -> None:
        in_header = entry is not None and entry in self.header.entries
        self.header.select(entry if in_header else None)
        self.body.select(entry if not in_header else None)

    def reveal(self, entry: CalendarEntry) -> None:
        """Scroll the time grid to ``entry`` (a whole-day entry is always in view)."""
        if entry in self.body.entries:
            self.body.reveal(entry)

    def _on_selection(self, entry: CalendarEntry | None) -> None:
        if entry is not None:
            other = self.body if self.sender() is self.header else self.header
            other.select(None)
        self.selection_changed.emit(entry)


def zone_notes(entries: list[CalendarEntry], days: list[date], mode: TimeMode, lang: Lang) -> dict[date, str]:
    """Per day, the places' zones and offsets (``法兰克福 UTC+1→+2`` on a DST morning).

    In Beijing time every block is on Beijing's clock: the note says so once, on no day.
    """
    if mode is TimeMode.BEIJING:
        return {}
    notes: dict[date, str] = {}
    for day in days:
        seen: dict[str, str] = {}
        for e in entries:
            if e.all_day or e.timezone == BEIJING_TZ or not e.touches(day, day, mode):
                continue
            zone = ZoneInfo(e.timezone)
            morning = datetime.combine(day, datetime.min.time(), zone)
            night = datetime.combine(day, datetime.max.time(), zone)
            before, after = utc_offset(morning), utc_offset(night)
            offset = before if before == after else f"{before}→{after.removeprefix('UTC')}"
            name = e.city.name(lang) if e.city else e.timezone.rsplit("/", 1)[-1]
            seen.setdefault(e.timezone, f"{name} {offset}")
        if seen:
            notes[day] = " · ".join(seen.values())
    return notes
