"""The year timeline's painted parts: the bars (one row per region or leader), the month
header and the row labels, which stay in place while the bars scroll under them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from desktop.calendar.canvas import CalendarCanvas
from desktop.calendar.marks import paint_mark
from desktop.calendar.style import (
    GRID,
    GRID_STRONG,
    HEADER_BG,
    HOLIDAY_TEXT,
    MUTED_TEXT,
    SELECTION,
    TODAY,
    WEEKEND,
    EntryStyle,
    base_colour,
    paint_entry,
    region_colour,
    style_for,
)
from desktop.undo.moves import Move
from models.language import Lang
from models.rows import RegionRow
from planning.check_marks import Mark
from planning.dates import public_holidays, short_month
from planning.entries import CalendarEntry, EntryKind, TimeMode
from planning.layout import days_in_month
from planning.timeline import Bar, Grouping, TimelineRow, timeline_rows

LANE_H = 26.0
ROW_PAD = 6.0
HEADER_H = 44.0
LABEL_W = 150.0
MIN_BAR_W = 8.0
LABEL_GAP = 6.0
LABEL_ROOM = 14.0  # space after a label before the next bar in its lane
MARK_ROOM = 12.0  # a check's mark drawn just after a bar too narrow to hold it (paint_mark)
NARROW = 12.0  # bars narrower than this are drawn as diamonds (events) and carry marks outside
MIN_ROW_H = 44.0  # room for the row's name and its counts
BOTTOM_ROOM = 22.0  # below the last row: its last lane clear of the edge, a dragged bar's dates


PAINT_MARGIN = 10.0  # what a bar paints outside its rectangle: a diamond's points, a pen


@dataclass(frozen=True)
class LayoutKey:
    """What a year's layout depends on besides its entries and the bars' font."""

    year: int
    px_per_day: float
    grouping: Grouping
    mode: TimeMode
    lang: Lang
    regions: tuple[RegionRow, ...]


@dataclass(frozen=True)
class YearLayout:
    """Where a year's bars and their labels go, in canvas pixels: plain values, made on any
    thread (the bars' font is measured with ``QFontMetricsF``, which needs no widget)."""

    key: LayoutKey
    rows: list[TimelineRow]
    row_tops: list[float]  # each row's top, then the bottom of the last
    bars: list[tuple[QRectF, Bar, QRectF | None]]  # a bar, its label beside it (or None)
    lanes: list[tuple[int, int]]  # each bar's (row, lane)
    spans: list[QRectF]  # all that each bar paints: bar, label, mark, a margin for pens
    by_top: list[int]  # the bars' indexes by the tops of their spans (to find exposed bars)
    tops: list[float]  # those tops, in that order
    widths: dict[str, float]  # each title's width in the bars' font, plus the label's padding
    width: int
    height: int


def lay_out_year(entries: Sequence[CalendarEntry], key: LayoutKey, font: QFont,
                 widths: dict[str, float] | None = None) -> YearLayout:
    """Rows, lanes, bars and the labels beside them for the entries of ``key.year``.

    Pure geometry from plain values: the window lays a year out on the worker thread that read
    it, and again on the UI thread only when the zoom or the rows change. ``widths``: titles
    already measured in ``font`` (kept between zooms)."""
    first_day, last_day = date(key.year, 1, 1), date(key.year, 12, 31)
    day_count = (date(key.year + 1, 1, 1) - first_day).days
    px = key.px_per_day
    year_w = day_count * px
    known = dict(widths or {})
    metrics = QFontMetricsF(font)

    def x_of(day: date) -> float:
        return (day - first_day).days * px

    def label_width(entry: CalendarEntry) -> float:
        title = entry.title(key.lang)
        width = known.get(title)
        if width is None:
            width = known[title] = metrics.horizontalAdvance(title) + 10
        return width

    def label_place(entry: CalendarEntry) -> tuple[float, float]:
        """Where a label too long for its bar goes: after the bar, or before it when it would
        run past the end of the year. In pixels: (before, after)."""
        bar_w = max(entry.days(key.mode) * px, MIN_BAR_W)
        text_w = label_width(entry)
        if text_w <= bar_w:
            return (0.0, 0.0)
        needed = text_w + LABEL_GAP + LABEL_ROOM
        end = x_of(min(entry.last_day(key.mode), last_day) + timedelta(days=1))
        mark = MARK_ROOM if bar_w < NARROW else 0.0  # the label starts after a narrow bar's mark
        if end + mark + needed > year_w:
            return (needed, 0.0)
        return (0.0, needed + mark)

    places: dict[tuple[EntryKind, int], tuple[float, float]] = {}

    def label_reach(entry: CalendarEntry) -> tuple[float, float]:
        before, after = places[entry.key] = label_place(entry)
        return (before / px, after / px)

    shown = [e for e in entries if e.touches(first_day, last_day, key.mode)]
    rows = timeline_rows(shown, key.grouping, key.regions, key.mode, label_reach)
    row_tops: list[float] = []
    bars: list[tuple[QRectF, Bar, QRectF | None]] = []
    lanes: list[tuple[int, int]] = []
    top = 0.0
    for row_n, row in enumerate(rows):
        row_tops.append(top)
        row_h = max(row.lanes * LANE_H + ROW_PAD, MIN_ROW_H)
        lanes_top = top + (row_h - row.lanes * LANE_H) / 2
        for bar in row.bars:
            left = x_of(max(bar.first, first_day))
            right = x_of(min(bar.last, last_day) + timedelta(days=1))
            width = max(right - left, MIN_BAR_W)
            rect = QRectF(left, lanes_top + bar.lane * LANE_H + 3, width, LANE_H - 6)
            before, after = places[bar.entry.key]
            text_w = label_width(bar.entry)
            outside = None
            if after:
                mark = MARK_ROOM if width < NARROW else 0.0
                outside = QRectF(rect.right() + mark + LABEL_GAP, rect.top(), text_w,
                                 rect.height())
            elif before:
                outside = QRectF(rect.left() - LABEL_GAP - text_w, rect.top(), text_w,
                                 rect.height())
            lanes.append((row_n, bar.lane))
            bars.append((rect, bar, outside))
        top += row_h
    row_tops.append(top)
    _fit_labels(bars, lanes, year_w)
    spans = []
    for rect, _bar, outside in bars:
        span = rect.adjusted(0, 0, MARK_ROOM, 0)
        if outside is not None:
            span = span.united(outside)
        spans.append(span.adjusted(-PAINT_MARGIN, -PAINT_MARGIN, PAINT_MARGIN, PAINT_MARGIN))
    span_tops = [span.top() for span in spans]
    by_top = sorted(range(len(spans)), key=span_tops.__getitem__)
    return YearLayout(key, rows, row_tops, bars, lanes, spans, by_top,
                      [span_tops[n] for n in by_top], known, int(year_w) + 1,
                      int(top + BOTTOM_ROOM) + 1)


def _fit_labels(bars: list[tuple[QRectF, Bar, QRectF | None]], lanes: list[tuple[int, int]],
                year_w: float) -> None:
    """Shorten each outside label to the room left in its lane: it ends before the next bar
    (and that bar's own label before it), starts after the previous one and its mark, and
    stays inside the year. The full title is in the tooltip over the label."""
    by_lane: dict[tuple[int, int], list[int]] = {}
    for n, lane in enumerate(lanes):
        by_lane.setdefault(lane, []).append(n)
    for members in by_lane.values():
        members.sort(key=lambda n: bars[n][0].left())
        for pos, n in enumerate(members):
            rect, bar, outside = bars[n]
            if outside is None:
                continue
            if outside.left() > rect.left():  # after the bar: up to the next one
                limit = year_w
                for m in members[pos + 1:]:
                    other, _, other_out = bars[m]
                    left = other.left()
                    if other_out is not None and other_out.left() < left:
                        left = other_out.left()
                    limit = min(limit, left - LABEL_GAP)
                width = max(min(outside.width(), limit - outside.left()), 0.0)
                fitted = QRectF(outside.left(), outside.top(), width, outside.height())
            else:  # before the bar: back to the previous one and its mark
                limit = 0.0
                for m in members[:pos]:
                    other, _, other_out = bars[m]
                    right = other.right() + (MARK_ROOM if other.width() < NARROW else 0.0)
                    if other_out is not None and other_out.right() > right:
                        right = other_out.right()
                    limit = max(limit, right + LABEL_GAP)
                left = max(outside.left(), limit)
                fitted = QRectF(left, outside.top(), max(outside.right() - left, 0.0),
                                outside.height())
            bars[n] = (rect, bar, fitted)


class TimelineCanvas(CalendarCanvas):
    """Bars for a year, ``px_per_day`` wide per day; dragging a bar moves it by whole days."""

    zoom_requested = Signal(int, float)  # wheel steps, the x (in the canvas) to keep in place

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = date.today().year
        self.today = date.today()
        self.px_per_day = 3.0
        self.grouping = Grouping.REGION
        self.regions: list[RegionRow] = []
        self.rows: list[TimelineRow] = []
        self.row_tops: list[float] = []
        self._bars: list[tuple[QRectF, Bar, QRectF | None]] = []  # bar, its outside label
        self._lane_of: dict[int, tuple[int, int]] = {}  # index in _bars -> (row, lane)
        self._spans: list[QRectF] = []  # all that each bar paints (culling the exposed bars)
        self._by_top: list[int] = []  # the bars' indexes by the top of their spans
        self._tops: list[float] = []  # ... and those tops, for bisecting
        self._widths: dict[str, float] = {}  # titles measured in the bars' font
        self._ready: YearLayout | None = None  # made on the worker thread, for set_entries
        self._styles: dict[int, EntryStyle] = {}  # each bar's colours, once painted
        self._styles_by = self.colour_by
        self._elided: dict[int, str] = {}  # each outside label's shortened text, once painted
        self._font = QFont(self.font())
        self._font.setPointSizeF(max(self._font.pointSizeF() - 0.5, 8))

    def bar_font(self) -> QFont:
        """The bars' font (a copy: a worker thread measures titles with it)."""
        return QFont(self._font)

    # --- geometry -----------------------------------------------------------------------------

    @property
    def first_day(self) -> date:
        return date(self.year, 1, 1)

    @property
    def day_count(self) -> int:
        return (date(self.year + 1, 1, 1) - self.first_day).days

    def x_of(self, day: date) -> float:
        return (day - self.first_day).days * self.px_per_day

    def day_at(self, x: float) -> date:
        return self.first_day + timedelta(days=int(x // self.px_per_day))

    def _label(self, entry: CalendarEntry) -> str:
        return entry.title(self.lang)

    def layout_key(self) -> LayoutKey:
        """What the bars' places depend on besides the entries and the font."""
        return LayoutKey(self.year, self.px_per_day, self.grouping, self.mode, self.lang,
                         tuple(self.regions))

    def set_entries(self, entries: list[CalendarEntry],
                    layout: YearLayout | None = None) -> None:
        """Show ``entries``; ``layout``, made from them on a worker thread, is taken as it is
        when it was made for what the canvas shows now (year, zoom, rows, language), else
        the bars are laid out again here."""
        self._ready = layout
        super().set_entries(entries)

    @override
    def relayout(self) -> None:
        ready, self._ready = self._ready, None
        if ready is None or ready.key != self.layout_key():
            ready = lay_out_year(self.entries, self.layout_key(), self._font, self._widths)
        self._apply(ready)

    def _apply(self, layout: YearLayout) -> None:
        self._widths = layout.widths  # zooming measures no title again
        self.rows, self.row_tops = layout.rows, layout.row_tops
        self._bars, self._lane_of = layout.bars, dict(enumerate(layout.lanes))
        self._spans, self._by_top, self._tops = layout.spans, layout.by_top, layout.tops
        self._styles.clear()
        self._elided.clear()
        self.hits = [(rect, bar.entry) for rect, bar, _ in self._bars]
        size = QSize(layout.width, layout.height)
        if size != self.size():
            self.setFixedSize(size)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        QWidget.resizeEvent(self, event)  # the size follows from the layout, not the reverse

    def label_rects(self) -> list[tuple[QRectF, CalendarEntry]]:
        """Each label drawn beside its bar and its entry (tests and tooltips)."""
        return [(out, bar.entry) for _rect, bar, out in self._bars if out is not None]

    @override
    def hit(self, pos: QPointF) -> CalendarEntry | None:
        """A bar, or the label beside it: pointing at a shortened label shows the full title."""
        entry = super().hit(pos)
        if entry is not None:
            return entry
        for rect, label_entry in self.label_rects():
            if rect.contains(pos):
                return label_entry
        return None

    @override
    def sizeHint(self) -> QSize:
        return QSize(int(self.day_count * self.px_per_day) + 1,
                     int(self.row_tops[-1] + BOTTOM_ROOM) + 1 if self.row_tops else 100)

    # --- painting -----------------------------------------------------------------------------

    def exposed_bars(self, exposed: QRectF) -> list[int]:
        """The bars (indexes, in painting order) that paint something inside ``exposed``:
        found by bisecting their tops, so a frame costs what it shows, not the whole year."""
        low = bisect_left(self._tops, exposed.top() - LANE_H - 2 * PAINT_MARGIN)
        high = bisect_right(self._tops, exposed.bottom())
        return sorted(n for n in self._by_top[low:high] if self._spans[n].intersects(exposed))

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        exposed = QRectF(event.rect())
        painter.fillRect(exposed, QColor("#ffffff"))
        for n, (top, bottom) in enumerate(zip(self.row_tops, self.row_tops[1:], strict=False)):
            if n % 2 and bottom >= exposed.top() and top <= exposed.bottom():
                painter.fillRect(QRectF(exposed.left(), top, exposed.width(), bottom - top),
                                 QColor("#fafbfc"))
        self._paint_days(painter, exposed)
        painter.setPen(QPen(GRID, 1))
        for top in self.row_tops[1:]:
            painter.drawLine(QPointF(exposed.left(), top - 0.5), QPointF(exposed.right(), top - 0.5))
        painter.setFont(self._font)
        if self._styles_by is not self.colour_by:
            self._styles.clear()
            self._styles_by = self.colour_by
        for n in self.exposed_bars(exposed):
            self._paint_bar(painter, n)
        self._paint_today(painter)
        self._paint_drag(painter)
        painter.end()

    def _paint_bar(self, painter: QPainter, n: int) -> None:
        """Bar ``n``: its chip (or an event's diamond), its check's mark, its label beside it."""
        rect, bar, outside = self._bars[n]
        entry = bar.entry
        style = self._styles.get(n)
        if style is None:
            style = self._styles[n] = style_for(entry, self.colour_by)
        selected = self.is_selected(entry)
        if rect.width() < NARROW and entry.kind is EntryKind.EVENT:
            self._paint_diamond(painter, rect, style.fill, style.border, selected)
        else:
            inside = self._label(entry) if outside is None else ""
            open_left = bar.first < self.first_day
            open_right = bar.last > date(self.year, 12, 31)
            paint_entry(painter, rect, style, inside, open_left=open_left,
                        open_right=open_right, selected=selected, font=self._font)
        mark: Mark | None = self.mark_of(entry)
        if mark is not None:
            paint_mark(painter, rect if rect.width() >= NARROW else rect.adjusted(
                0, 0, MARK_ROOM, 0), mark)
        if outside is not None:
            text = self._elided.get(n)
            if text is None:
                text = self._elided[n] = QFontMetricsF(self._font).elidedText(
                    self._label(entry), Qt.TextElideMode.ElideRight, outside.width())
            painter.setFont(self._font)
            painter.setPen(QColor("#1b1f24") if not entry.cancelled else MUTED_TEXT)
            painter.drawText(outside, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             text)

    def _paint_days(self, painter: QPainter, exposed: QRectF) -> None:
        bottom = self.row_tops[-1] if self.row_tops else self.height()
        if self.px_per_day >= 6:
            holidays = public_holidays(self.first_day, date(self.year, 12, 31), self.lang)
            for n in range(self.day_count):
                day = self.first_day + timedelta(days=n)
                if day.weekday() >= 5 or day in holidays:
                    x = n * self.px_per_day
                    if exposed.left() - self.px_per_day <= x <= exposed.right():
                        painter.fillRect(QRectF(x, 0, self.px_per_day, bottom), WEEKEND)
        if self.px_per_day >= 4:
            painter.setPen(QPen(QColor("#eef0f3"), 1))
            day = self.first_day + timedelta(days=(7 - self.first_day.weekday()) % 7)
            while day.year == self.year:
                x = self.x_of(day)
                painter.drawLine(QPointF(x, 0), QPointF(x, bottom))
                day += timedelta(days=7)
        painter.setPen(QPen(GRID_STRONG, 1))
        for month in range(1, 13):
            x = self.x_of(date(self.year, month, 1))
            painter.drawLine(QPointF(x, 0), QPointF(x, bottom))

    def _paint_today(self, painter: QPainter) -> None:
        if self.today.year != self.year:
            return
        x = self.x_of(self.today) + self.px_per_day / 2
        painter.setPen(QPen(TODAY, 2))
        painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))

    def _paint_diamond(self, painter: QPainter, rect: QRectF, fill: QColor, border: QColor,
                       selected: bool) -> None:
        centre = QPointF(rect.left() + min(rect.width(), self.px_per_day) / 2, rect.center().y())
        r = rect.height() / 2
        path = QPainterPath()
        path.moveTo(centre.x(), centre.y() - r)
        path.lineTo(centre.x() + r * 0.75, centre.y())
        path.lineTo(centre.x(), centre.y() + r)
        path.lineTo(centre.x() - r * 0.75, centre.y())
        path.closeSubpath()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(SELECTION if selected else border, 2 if selected else 1))
        painter.setBrush(QBrush(fill))
        painter.drawPath(path)
        painter.restore()

    def _paint_drag(self, painter: QPainter) -> None:
        entry, move = self.dragging, self.drag_preview
        if entry is None or move is None:
            return
        for rect in self.rects_of(entry):
            ghost = rect.translated(move.days * self.px_per_day, 0)
            colour = QColor(base_colour(entry, self.colour_by))
            painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
            colour.setAlpha(60)
            painter.setBrush(QBrush(colour))
            painter.drawRoundedRect(ghost, 4, 4)
            first = entry.first_day(self.mode) + timedelta(days=move.days)
            last = entry.last_day(self.mode) + timedelta(days=move.days)
            painter.setPen(QColor("#1b1f24"))
            painter.drawText(QRectF(ghost.left(), ghost.bottom() + 1, 220, 16),
                             Qt.AlignmentFlag.AlignLeft,
                             f"{first:%m-%d} – {last:%m-%d}  ({move.days:+d})")

    # --- interaction --------------------------------------------------------------------------

    @override
    def drag_move(self, entry: CalendarEntry, start: QPointF, pos: QPointF) -> Move | None:
        return Move(days=round((pos.x() - start.x()) / self.px_per_day))

    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() // 120 or (1 if event.angleDelta().y() > 0 else -1)
            self.zoom_requested.emit(steps, event.position().x())
            event.accept()
        else:
            super().wheelEvent(event)

    def bar_rects(self) -> list[tuple[QRectF, CalendarEntry, int]]:
        """Each bar's rectangle, entry and row index (tests and accessibility)."""
        out = []
        for rect, bar, _ in self._bars:
            row = next(n for n, top in enumerate(self.row_tops[1:]) if rect.top() < top)
            out.append((rect, bar.entry, row))
        return out


class TimelineHeader(QWidget):
    """Months over the bars, with week numbers or days as the zoom allows; scrolls sideways."""

    def __init__(self, canvas: TimelineCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.offset = 0
        self.setFixedHeight(int(HEADER_H))

    def set_offset(self, x: int) -> None:
        self.offset = x
        self.update()

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        c = self.canvas
        painter = QPainter(self)
        painter.fillRect(self.rect(), HEADER_BG)
        painter.translate(-self.offset, 0)
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 7))
        half = HEADER_H / 2
        for month in range(1, 13):
            left = c.x_of(date(c.year, month, 1))
            width = days_in_month(c.year, month) * c.px_per_day
            painter.setPen(QPen(GRID_STRONG, 1))
            painter.drawLine(QPointF(left, 0), QPointF(left, HEADER_H))
            painter.setFont(bold)
            painter.setPen(QColor("#1b1f24"))
            label = short_month(month, c.lang)  # the year stands in the corner beside
            painter.drawText(QRectF(left + 4, 0, width - 6, half),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
        painter.setFont(small)
        painter.setPen(MUTED_TEXT)
        holidays = public_holidays(c.first_day, date(c.year, 12, 31), c.lang)
        if c.px_per_day >= 16:
            for n in range(c.day_count):
                day = c.first_day + timedelta(days=n)
                x = n * c.px_per_day
                painter.setPen(HOLIDAY_TEXT if day in holidays or day.weekday() >= 5 else MUTED_TEXT)
                painter.drawText(QRectF(x, half, c.px_per_day, half), Qt.AlignmentFlag.AlignCenter,
                                 str(day.day))
        elif c.px_per_day >= 3:
            day = c.first_day + timedelta(days=(7 - c.first_day.weekday()) % 7)
            while day.year == c.year:
                x = c.x_of(day)
                week = day.isocalendar().week
                text = f"W{week}" if c.px_per_day >= 5 or week % 2 == 0 else ""
                painter.drawText(QRectF(x + 2, half, 7 * c.px_per_day, half),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
                day += timedelta(days=7)
        if c.today.year == c.year:
            x = c.x_of(c.today) + c.px_per_day / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(TODAY))
            path = QPainterPath()
            path.moveTo(x - 5, HEADER_H - 7)
            path.lineTo(x + 5, HEADER_H - 7)
            path.lineTo(x, HEADER_H)
            path.closeSubpath()
            painter.drawPath(path)
        painter.resetTransform()
        painter.setPen(QPen(GRID_STRONG, 1))
        painter.drawLine(QPointF(0, HEADER_H - 1), QPointF(self.width(), HEADER_H - 1))
        painter.end()


class TimelineLabels(QWidget):
    """The row names (region or leader, with how many trips and events), scrolling with the rows."""

    def __init__(self, canvas: TimelineCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.offset = 0
        self.setFixedWidth(int(LABEL_W))

    def set_offset(self, y: int) -> None:
        self.offset = y
        self.update()

    def name_top(self, row: int) -> float:
        """Where row ``row``'s name and counts are drawn (canvas y): at the row's top, or at the
        top of the view while the row's top is scrolled away, so that a tall row (the city's
        own events) keeps its name in sight down to its last lane."""
        top, bottom = self.canvas.row_tops[row], self.canvas.row_tops[row + 1]
        return max(top, min(float(self.offset), bottom - MIN_ROW_H))

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        c = self.canvas
        painter = QPainter(self)
        painter.fillRect(self.rect(), HEADER_BG)
        painter.translate(0, -self.offset)
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 7))
        for n, (row, top, bottom) in enumerate(zip(c.rows, c.row_tops, c.row_tops[1:],
                                                    strict=False)):
            rect = QRectF(10, top, LABEL_W - 14, bottom - top)
            name_top = self.name_top(n)
            painter.setFont(bold)
            painter.setPen(QColor("#1b1f24"))
            title = QFontMetricsF(bold).elidedText(row.label(c.lang), Qt.TextElideMode.ElideRight,
                                                   rect.width())
            painter.drawText(QRectF(rect.left(), name_top + 4, rect.width(), 20),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
            trips = sum(1 for b in row.bars if b.entry.kind.value == "trip")
            events = len(row.bars) - trips
            painter.setFont(small)
            painter.setPen(MUTED_TEXT)
            counts = self.tr("trips: {trips} · events: {events}").format(trips=trips, events=events)
            painter.drawText(QRectF(rect.left(), name_top + 22, rect.width(), 16),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, counts)
            if c.grouping is Grouping.REGION and row.key.startswith("region:"):
                region = next((r for r in c.regions if f"region:{r.id}" == row.key), None)
                if region is not None:
                    painter.fillRect(QRectF(0, top + 2, 4, bottom - top - 4), region_colour(region))
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(0, bottom - 0.5), QPointF(LABEL_W, bottom - 0.5))
        painter.resetTransform()
        painter.setPen(QPen(GRID_STRONG, 1))
        painter.drawLine(QPointF(LABEL_W - 1, 0), QPointF(LABEL_W - 1, self.height()))
        painter.end()
