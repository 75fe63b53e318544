"""How calendar entries look: colours by region or by type, status styles, chips, tooltips.

Shared by the month and week views, the agenda, the year timeline and the dashboard, so a
trip to Japan is the same purple everywhere and a draft always looks like a draft.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from desktop.formatting import fmt_time
from models.enums import EventKind, ItemKind, TripStatus
from models.language import Lang
from models.rows import RegionRow
from models.timeutil import BEIJING_TZ
from models.wording import utc_offset
from planning.dates import day_label, span_label
from planning.entries import CalendarEntry, EntryKind, TimeMode

translate = QCoreApplication.translate

class ColourBy(StrEnum):
    REGION = "region"
    TYPE = "type"


REGION_COLOURS = {
    "HKMO": "#d1495b",  # Hong Kong & Macau: red
    "JPKR": "#7b4fc9",  # Japan & Korea: purple
    "EUUS": "#2f6fdb",  # Europe & the US: blue
    "JJJ": "#c47a12",  # Beijing–Tianjin–Hebei: amber
    "YRD": "#2e9461",  # Yangtze River Delta: green
    "LOCAL": "#14889a",  # at home: teal
}
_SPARE = ("#8a5a44", "#5b6cc2", "#b3457e", "#4d8a2a", "#946b00", "#3c7d8c")

TYPE_COLOURS = {
    "trip": "#2f6fdb",
    EventKind.INDUSTRY_SUMMIT.value: "#d9721f",
    EventKind.MULTINATIONAL_TOUR.value: "#2e9461",
    EventKind.VIP_MEETING.value: "#7b4fc9",
    EventKind.GLOBAL_CONFERENCE.value: "#d1495b",
    EventKind.SIGNING_CEREMONY.value: "#14889a",
    EventKind.OTHER.value: "#66707c",
    ItemKind.FLIGHT.value: "#4a90c2",
    ItemKind.TRAIN.value: "#5a6fb0",
    ItemKind.TRANSFER.value: "#8896a5",
    ItemKind.COMPANY_VISIT.value: "#1f5fa8",
    ItemKind.PROMOTION_MEETING.value: "#c8553d",
    ItemKind.BANQUET.value: "#b3457e",
    ItemKind.SIGNING.value: "#0f7b6c",
    ItemKind.HOTEL.value: "#9aa5b1",
    ItemKind.FREE_TIME.value: "#7f9a4a",
    ItemKind.MEETING.value: "#3d8fa3",
    ItemKind.TRADE_FAIR.value: "#a3762b",
    "hq_visit": "#0d9488",  # planned HQ visits of 百队千企
}
VISIT_COLOUR = TYPE_COLOURS["hq_visit"]
NEUTRAL = "#66707c"
TODAY = QColor("#d1495b")
GRID = QColor("#d5dae0")
GRID_STRONG = QColor("#aeb6bf")
WEEKEND = QColor("#f5f6f8")
OTHER_MONTH = QColor("#fafbfc")
HEADER_BG = QColor("#f0f2f5")
MUTED_TEXT = QColor("#6b7580")
HOLIDAY_TEXT = QColor("#c0392b")
SELECTION = QColor("#1b1f24")


def region_colour(region: RegionRow | None) -> QColor:
    if region is None:
        return QColor(NEUTRAL)
    return QColor(REGION_COLOURS.get(region.code, _SPARE[region.id % len(_SPARE)]))


def base_colour(entry: CalendarEntry, colour_by: ColourBy) -> QColor:
    if entry.kind is EntryKind.VISIT:  # their own colour, whatever the colouring
        return QColor(VISIT_COLOUR)
    if colour_by is ColourBy.REGION:
        return region_colour(entry.region)
    return QColor(TYPE_COLOURS.get(entry.type_key, NEUTRAL))


def mix(colour: QColor, other: QColor, amount: float) -> QColor:
    """``colour`` moved ``amount`` (0..1) of the way towards ``other``."""
    return QColor.fromRgbF(
        colour.redF() + (other.redF() - colour.redF()) * amount,
        colour.greenF() + (other.greenF() - colour.greenF()) * amount,
        colour.blueF() + (other.blueF() - colour.blueF()) * amount,
    )


def readable_text(fill: QColor) -> QColor:
    """Near-black on light fills, white on dark ones (WCAG relative luminance)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = (0.2126 * channel(fill.redF()) + 0.7152 * channel(fill.greenF())
           + 0.0722 * channel(fill.blueF()))
    return QColor("#1b1f24") if lum > 0.36 else QColor("#ffffff")


@dataclass(frozen=True)
class EntryStyle:
    fill: QColor
    border: QColor
    text: QColor
    accent: QColor  # the stripe on a timed block's left edge
    dashed: bool = False  # a draft
    strike: bool = False  # cancelled


def style_for(entry: CalendarEntry, colour_by: ColourBy) -> EntryStyle:
    return status_style(base_colour(entry, colour_by), entry.status)


def status_style(base: QColor, status: str) -> EntryStyle:
    """Approved and underway: solid. Planned: a tint. Draft: a paler tint, dashed. Done:
    greyed. Cancelled: grey and struck through."""
    white = QColor("#ffffff")
    if status == TripStatus.CANCELLED.value:
        return EntryStyle(QColor("#eceef1"), QColor("#b8bfc7"), QColor("#7b8490"),
                          QColor("#b8bfc7"), strike=True)
    if status == TripStatus.DRAFT.value:
        fill = mix(base, white, 0.86)
        return EntryStyle(fill, base, mix(base, QColor("#000000"), 0.45), base, dashed=True)
    if status == TripStatus.PLANNED.value:
        fill = mix(base, white, 0.72)
        return EntryStyle(fill, mix(base, white, 0.2), mix(base, QColor("#000000"), 0.5), base)
    if status == TripStatus.DONE.value:
        fill = mix(base, QColor("#9aa3ad"), 0.55)
        return EntryStyle(fill, fill.darker(115), readable_text(fill), fill.darker(125))
    return EntryStyle(base, base.darker(120), readable_text(base), base.darker(130))


def paint_entry(
    painter: QPainter,
    rect: QRectF,
    style: EntryStyle,
    text: str,
    *,
    open_left: bool = False,
    open_right: bool = False,
    selected: bool = False,
    accent: bool = False,
    lines: tuple[str, ...] = (),
    font: QFont | None = None,
) -> None:
    """A rounded chip (a bar's segment, a block in the time grid) with elided text.

    ``open_left``/``open_right``: the bar continues in the previous/next row (square end).
    ``lines``: further lines under the first (a block tall enough shows time and place).
    """
    painter.save()
    radius = min(4.0, rect.height() / 2)
    path = _chip_path(rect, radius, open_left, open_right)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(SELECTION if selected else style.border, 2.0 if selected else 1.0)
    if style.dashed and not selected:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(QBrush(style.fill))
    painter.drawPath(path)
    left = rect.left() + 4
    if accent and rect.width() > 10:
        painter.fillRect(QRectF(rect.left() + 1, rect.top() + 1, 3, rect.height() - 2), style.accent)
        left += 3
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    f = QFont(font) if font is not None else QFont(painter.font())
    f.setStrikeOut(style.strike)
    painter.setFont(f)
    painter.setPen(style.text)
    metrics = QFontMetricsF(f)
    line_height = metrics.height()
    inner = QRectF(left, rect.top(), max(rect.right() - 3 - left, 0), rect.height())
    top = inner.top() + max((min(rect.height(), line_height + 4) - line_height) / 2, 0)
    for n, line in enumerate((text, *lines)):
        if top + line_height > rect.bottom() + 2 and n > 0:
            break
        if n == 1:
            small = QFont(f)
            small.setPointSizeF(max(f.pointSizeF() - 1, 7))
            small.setBold(False)
            painter.setFont(small)
            metrics = QFontMetricsF(small)
        elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(QPointF(inner.left(), top + metrics.ascent()), elided)
        top += metrics.height()
    painter.restore()


def _chip_path(rect: QRectF, radius: float, open_left: bool, open_right: bool) -> QPainterPath:
    path = QPainterPath()
    r = radius
    left, right, top, bottom = rect.left(), rect.right(), rect.top(), rect.bottom()
    path.moveTo(left + (0 if open_left else r), top)
    path.lineTo(right - (0 if open_right else r), top)
    if open_right:
        path.lineTo(right, top)
        path.lineTo(right, bottom)
    else:
        path.quadTo(right, top, right, top + r)
        path.lineTo(right, bottom - r)
        path.quadTo(right, bottom, right - r, bottom)
    path.lineTo(left + (0 if open_left else r), bottom)
    if open_left:
        path.lineTo(left, bottom)
        path.lineTo(left, top)
    else:
        path.quadTo(left, bottom, left, bottom - r)
        path.lineTo(left, top + r)
        path.quadTo(left, top, left + r, top)
    path.closeSubpath()
    return path



def time_text(entry: CalendarEntry, mode: TimeMode, lang: Lang) -> str:
    """When, as the view reads it: a trip's days, or times in the mode's zone."""
    if entry.all_day:
        return span_label(entry.first_day(mode), entry.last_day(mode), lang)
    start, end = entry.wall_span(mode)
    if start.date() == end.date() or ((end - start).total_seconds() <= 24 * 3600 and \
            end.hour == 0 and end.minute == 0):
        return f"{fmt_time(start)}–{fmt_time(end)}"
    return (f"{day_label(start.date(), lang, with_weekday=False)} {fmt_time(start)} – "
            f"{day_label(end.date(), lang, with_weekday=False)} {fmt_time(end)}")


def entry_tooltip(entry: CalendarEntry, mode: TimeMode, lang: Lang) -> str:
    """Everything a planner checks before moving something: rich text, user text escaped."""
    rows = [(translate("CalendarText", "Type"), entry.type_label(lang)),
            (translate("CalendarText", "Status"), entry.status_label(lang))]
    if entry.all_day:
        first, last = entry.first_day(mode), entry.last_day(mode)
        days = translate("CalendarText", "({n} days)").format(n=(last - first).days + 1)
        rows.append((translate("CalendarText", "Dates"),
                     f"{span_label(first, last, lang)}, {first.year} {days}"))
    else:
        local = ZoneInfo(entry.timezone)
        start_l, end_l = entry.starts_at.astimezone(local), entry.ends_at.astimezone(local)
        city = entry.city.name(lang) if entry.city else entry.timezone
        rows.append((translate("CalendarText", "Local time"),
                     f"{day_label(start_l.date(), lang)} {fmt_time(start_l)}–{fmt_time(end_l)} "
                     f"({city}, {utc_offset(start_l)})"))
        if entry.timezone != BEIJING_TZ:
            bj = ZoneInfo(BEIJING_TZ)
            start_b, end_b = entry.starts_at.astimezone(bj), entry.ends_at.astimezone(bj)
            rows.append((translate("CalendarText", "Beijing time"),
                         f"{day_label(start_b.date(), lang)} {fmt_time(start_b)}–{fmt_time(end_b)}"))
    if entry.place:
        rows.append((translate("CalendarText", "Place"), entry.place))
    if entry.region:
        rows.append((translate("CalendarText", "Region"), entry.region.name(lang)))
    if entry.leader:
        label = (translate("CalendarText", "Lead person") if entry.kind is EntryKind.EVENT
                 else translate("CalendarText", "Leader"))
        rows.append((label, entry.leader.name(lang)))
    if entry.host_unit:
        rows.append((translate("CalendarText", "Responsible unit"), entry.host_unit.name(lang)))
    if entry.industries:
        rows.append((translate("CalendarText", "Industries"),
                     "、".join(i.name(lang) for i in entry.industries)))
    if entry.kind is EntryKind.ITEM:
        rows.append((translate("CalendarText", "Trip"), entry.code))
    table = "".join(f"<tr><td style='color:#6b7580'>{html.escape(label)}</td>"
                    f"<td>{html.escape(value)}</td></tr>" for label, value in rows)
    title = html.escape(entry.title(lang))
    code = html.escape(entry.code_in(lang)) if entry.kind is not EntryKind.ITEM else ""
    hint = html.escape(translate("CalendarText", "Double-click to open · drag or Alt+←/→ to move"))
    return (f"<b>{title}</b> <span style='color:#6b7580'>{code}</span>"
            f"<table cellspacing=2>{table}</table><div style='color:#8a939d'>{hint}</div>")


def legend(colour_by: ColourBy, regions: list[RegionRow], lang: Lang) -> list[tuple[str, QColor]]:
    """What the colours mean, for the legend under a view."""
    visits = (translate("CalendarText", "Planned HQ visit"), QColor(VISIT_COLOUR))
    if colour_by is ColourBy.REGION:  # visits keep their own colour whatever the colouring
        return [*((r.name(lang), region_colour(r)) for r in regions), visits]
    kinds: list[tuple[str, str]] = [("trip", translate("CalendarText", "Promotion trip"))]
    kinds += [(k.value, k.label(lang)) for k in EventKind]
    kinds += [(k.value, k.label(lang)) for k in ItemKind]
    return [*((label, QColor(TYPE_COLOURS[key])) for key, label in kinds), visits]
