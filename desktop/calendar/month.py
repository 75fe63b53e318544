"""The month view: six Monday-to-Sunday weeks, trips as bars across days, timed entries as
lines in their day, "+N more" where a day is full (like Outlook and Google calendars)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from desktop.calendar.canvas import CalendarCanvas
from desktop.calendar.marks import paint_mark
from desktop.calendar.style import (
    GRID,
    HEADER_BG,
    HOLIDAY_TEXT,
    MUTED_TEXT,
    OTHER_MONTH,
    SELECTION,
    TODAY,
    WEEKEND,
    base_colour,
    paint_entry,
    style_for,
)
from desktop.formatting import fmt_time
from desktop.undo.moves import Move
from planning.dates import china_make_up_workdays, public_holidays, weekday_name
from planning.entries import CalendarEntry, sort_key
from planning.layout import MONTH_WEEKS, WEEK_DAYS, month_grid, week_segments

HEADER_H = 24.0
DAY_H = 22.0
LANE_H = 19.0


SELECTED_DAY = QColor(58, 123, 213, 28)  # a light blue over the day clicked last


@dataclass(frozen=True)
class _Piece:
    """A drawable run of one entry in one week row."""

    entry: CalendarEntry
    rect: QRectF
    bar: bool  # a filled bar (trips, multi-day); otherwise a timed line
    open_left: bool
    open_right: bool


WORKDAY_MARK = QColor("#5f6b7a")  # 班: a working Saturday or Sunday


class MonthCanvas(CalendarCanvas):
    day_requested = Signal(object)  # date: show this day in the week view
    create_requested = Signal(object, object)  # date, None: a new entry on this day

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = date.today()
        self.year, self.month = today.year, today.month
        self.today = today
        self.days: list[date] = month_grid(self.year, self.month)
        self._pieces: list[_Piece] = []
        self._more: list[tuple[QRectF, date, int]] = []
        self._holidays: dict[date, str] = {}
        self.selected_day: date | None = None  # the day clicked last (the week view opens on it)
        self.workdays: set[date] = set()  # weekends China works (调休上班), marked 班
        self.setMinimumSize(560, 420)

    def set_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self.days = month_grid(year, month)

    # --- geometry -----------------------------------------------------------------------------

    def _cell(self, index: int) -> QRectF:
        col_w = self.width() / WEEK_DAYS
        row_h = (self.height() - HEADER_H) / MONTH_WEEKS
        row, col = divmod(index, WEEK_DAYS)
        return QRectF(col * col_w, HEADER_H + row * row_h, col_w, row_h)

    def day_at(self, pos: QPointF) -> date | None:
        if pos.y() < HEADER_H:
            return None
        col = min(max(int(pos.x() / (self.width() / WEEK_DAYS)), 0), WEEK_DAYS - 1)
        row_h = (self.height() - HEADER_H) / MONTH_WEEKS
        row = min(max(int((pos.y() - HEADER_H) / row_h), 0), MONTH_WEEKS - 1)
        return self.days[row * WEEK_DAYS + col]

    @override
    def relayout(self) -> None:
        self._holidays = public_holidays(self.days[0], self.days[-1], self.lang)
        self.workdays = china_make_up_workdays(self.days[0], self.days[-1])
        self._pieces, self._more, self.hits = [], [], []
        shown = sorted((e for e in self.entries
                        if e.touches(self.days[0], self.days[-1], self.mode)),
                       key=lambda e: sort_key(e, self.mode))
        spans = [(e.first_day(self.mode), e.last_day(self.mode)) for e in shown]
        row_h = (self.height() - HEADER_H) / MONTH_WEEKS
        max_lanes = max(int((row_h - DAY_H - 2) // LANE_H), 1)
        for row in range(MONTH_WEEKS):
            segments = week_segments(self.days[row * WEEK_DAYS], spans)
            busiest = [0] * WEEK_DAYS
            for seg in segments:
                for col in range(seg.first, seg.last + 1):
                    busiest[col] = max(busiest[col], seg.lane + 1)
            limit = [max_lanes if b <= max_lanes else max_lanes - 1 for b in busiest]
            hidden = [0] * WEEK_DAYS
            for seg in segments:
                entry = shown[seg.index]
                run: list[int] = []
                for col in range(seg.first, seg.last + 1):
                    if seg.lane < limit[col]:
                        run.append(col)
                        continue
                    hidden[col] += 1
                    self._add_run(entry, row, run, seg.lane, spans[seg.index])
                    run = []
                self._add_run(entry, row, run, seg.lane, spans[seg.index])
            for col in range(WEEK_DAYS):
                if hidden[col]:
                    cell = self._cell(row * WEEK_DAYS + col)
                    top = cell.top() + DAY_H + limit[col] * LANE_H
                    rect = QRectF(cell.left() + 3, top, cell.width() - 6, LANE_H - 2)
                    self._more.append((rect, self.days[row * WEEK_DAYS + col], hidden[col]))
        self.hits = [(p.rect, p.entry) for p in self._pieces]

    def _add_run(self, entry: CalendarEntry, row: int, cols: list[int], lane: int,
                 span: tuple[date, date]) -> None:
        if not cols:
            return
        first_cell = self._cell(row * WEEK_DAYS + cols[0])
        last_cell = self._cell(row * WEEK_DAYS + cols[-1])
        first_day = self.days[row * WEEK_DAYS + cols[0]]
        last_day = self.days[row * WEEK_DAYS + cols[-1]]
        starts, ends = span[0] == first_day, span[1] == last_day
        top = first_cell.top() + DAY_H + lane * LANE_H
        left = first_cell.left() + (3 if starts else 0)
        right = last_cell.right() - (3 if ends else 0)
        bar = entry.spans_days(self.mode)
        self._pieces.append(_Piece(entry, QRectF(left, top, right - left, LANE_H - 2), bar,
                                   not starts, not ends))

    # --- painting -----------------------------------------------------------------------------

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        self._paint_grid(painter)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 0.5, 8))
        for piece in self._pieces:
            self._paint_piece(painter, piece, font)
            mark = self.mark_of(piece.entry)
            if mark is not None and not piece.open_right:
                paint_mark(painter, piece.rect, mark)
        painter.setFont(font)
        for rect, _day, count in self._more:
            painter.setPen(MUTED_TEXT)
            painter.drawText(rect.adjusted(4, 0, 0, 0),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             self.tr("+{n} more").format(n=count))
        self._paint_drag(painter)
        painter.end()

    def _paint_grid(self, painter: QPainter) -> None:
        col_w = self.width() / WEEK_DAYS
        painter.fillRect(QRectF(0, 0, self.width(), HEADER_H), HEADER_BG)
        painter.setPen(MUTED_TEXT)
        for col in range(WEEK_DAYS):
            painter.drawText(QRectF(col * col_w, 0, col_w, HEADER_H), Qt.AlignmentFlag.AlignCenter,
                             weekday_name(self.days[col], self.lang))
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 7))
        for index, day in enumerate(self.days):
            cell = self._cell(index)
            if day.month != self.month:
                painter.fillRect(cell, OTHER_MONTH)
            elif (day.weekday() >= 5 and day not in self.workdays) or day in self._holidays:
                painter.fillRect(cell, WEEKEND)
            if day == self.selected_day:
                painter.fillRect(cell, SELECTED_DAY)
            self._paint_day_number(painter, cell, day, bold, small)
        painter.setPen(QPen(GRID, 1))
        for row in range(MONTH_WEEKS + 1):
            y = min(HEADER_H + row * (self.height() - HEADER_H) / MONTH_WEEKS, self.height() - 1)
            painter.drawLine(QPointF(0, y), QPointF(self.width(), y))
        for col in range(WEEK_DAYS + 1):
            x = min(col * col_w, self.width() - 1)
            painter.drawLine(QPointF(x, HEADER_H), QPointF(x, self.height()))

    def _paint_day_number(self, painter: QPainter, cell: QRectF, day: date, bold: QFont,
                          small: QFont) -> None:
        label = str(day.day) if day.day != 1 else (
            f"{day.month}月1日" if self.lang != "en" else day.strftime("1 %b"))
        painter.setFont(bold)
        metrics = QFontMetricsF(bold)
        width = metrics.horizontalAdvance(label) + 10
        badge = QRectF(cell.left() + 3, cell.top() + 2, max(width, DAY_H - 4), DAY_H - 4)
        if day == self.today:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setBrush(QBrush(TODAY))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QColor("#ffffff"))
        else:
            painter.setPen(QColor("#1b1f24") if day.month == self.month else QColor("#a3abb4"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        if day in self.workdays:
            badge = self._paint_workday(painter, badge, small)
        holiday = " · ".join([*filter(None, [self._holidays.get(day)]),
                              *self.marks.destination_holidays.get(day, ())])
        if holiday:
            painter.setFont(small)
            painter.setPen(HOLIDAY_TEXT)
            room = QRectF(badge.right() + 4, cell.top() + 2, cell.right() - badge.right() - 8,
                          DAY_H - 4)
            text = QFontMetricsF(small).elidedText(holiday, Qt.TextElideMode.ElideRight,
                                                   room.width())
            painter.drawText(room, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)

    def _paint_workday(self, painter: QPainter, badge: QRectF, small: QFont) -> QRectF:
        """班 beside the day number of a weekend China works (调休上班), as Chinese calendars
        mark it; returns the badge's new right edge for the holiday names."""
        text = self.lang.pick("班", "Work")
        painter.setFont(small)
        width = QFontMetricsF(small).horizontalAdvance(text) + 8
        mark = QRectF(badge.right() + 3, badge.top() + 1, width, badge.height() - 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(WORKDAY_MARK))
        painter.drawRoundedRect(mark, 3, 3)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(mark, Qt.AlignmentFlag.AlignCenter, text)
        return QRectF(badge.left(), badge.top(), mark.right() - badge.left(), badge.height())

    def _paint_piece(self, painter: QPainter, piece: _Piece, font: QFont) -> None:
        entry = piece.entry
        style = style_for(entry, self.colour_by)
        selected = self.is_selected(entry)
        if piece.bar:
            title = entry.title(self.lang)
            if not entry.all_day and not piece.open_left:
                title = f"{fmt_time(entry.wall_span(self.mode)[0])} {title}"
            paint_entry(painter, piece.rect, style, title, open_left=piece.open_left,
                        open_right=piece.open_right, selected=selected, font=font)
            return
        painter.save()
        rect = piece.rect
        if selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(SELECTION, 1.5))
            painter.setBrush(QBrush(QColor("#e8eef9")))
            painter.drawRoundedRect(rect, 3, 3)
        dot = QRectF(rect.left() + 3, rect.center().y() - 3.5, 7, 7)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(style.fill if entry.cancelled else base_colour(entry, self.colour_by)))
        if style.dashed:
            painter.setPen(QPen(style.border, 1, Qt.PenStyle.DotLine))
            painter.setBrush(QBrush(style.fill))
        painter.drawEllipse(dot)
        f = QFont(font)
        f.setStrikeOut(style.strike)
        painter.setFont(f)
        painter.setPen(MUTED_TEXT if entry.cancelled or style.dashed else QColor("#1b1f24"))
        text = f"{fmt_time(entry.wall_span(self.mode)[0])} {entry.title(self.lang)}"
        room = rect.adjusted(14, 0, -2, 0)
        painter.drawText(room, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         QFontMetricsF(f).elidedText(text, Qt.TextElideMode.ElideRight, room.width()))
        painter.restore()

    def _paint_drag(self, painter: QPainter) -> None:
        entry, move = self.dragging, self.drag_preview
        if entry is None or move is None:
            return
        first = entry.first_day(self.mode) + timedelta(days=move.days)
        last = entry.last_day(self.mode) + timedelta(days=move.days)
        colour = QColor(base_colour(entry, self.colour_by))
        colour.setAlpha(60)
        painter.setPen(QPen(base_colour(entry, self.colour_by), 2, Qt.PenStyle.DashLine))
        painter.setBrush(QBrush(colour))
        for index, day in enumerate(self.days):
            if first <= day <= last:
                painter.drawRect(self._cell(index).adjusted(2, 2, -2, -2))

    # --- interaction --------------------------------------------------------------------------

    @override
    def drag_move(self, entry: CalendarEntry, start: QPointF, pos: QPointF) -> Move | None:
        origin, target = self.day_at(start), self.day_at(pos)
        if origin is None or target is None:
            return None
        return Move(days=(target - origin).days)

    @override
    def empty_double_click(self, pos: QPointF) -> None:
        day = self.day_at(pos)
        if day is not None:
            self.selected_day = day
            self.update()
            self.create_requested.emit(day, None)

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        for rect, day, _count in self._more:
            if rect.contains(event.position()):
                self.day_requested.emit(day)
                return
        clicked = self.day_at(event.position())
        if clicked is not None and clicked != self.selected_day:
            self.selected_day = clicked
            self.update()
        super().mousePressEvent(event)

    def more_counts(self) -> dict[date, int]:
        """Days whose entries do not all fit, and how many are hidden (for tests and a11y)."""
        return {day: count for _rect, day, count in self._more}
