"""Local hours: meetings, visits and events outside the business hours of their city, and
working items on the destination's weekend (Friday–Saturday where it applies; in China a moved
working day (调休) is a working day)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from models.changes import RecordKind
from models.checks.calendars import china_day, country_name
from models.checks.finding import Concern, Conflict
from models.checks.plan import PlanEvent, PlanTrip
from models.checks.settings import DAY_NAMES_ZH, CheckSettings
from models.enums import ConflictKind, ItemKind, Severity
from models.timeutil import in_zone

# banquets (lunch or evening), travel, hotels and free time keep their own hours
WORKING_KINDS = (ItemKind.COMPANY_VISIT, ItemKind.PROMOTION_MEETING, ItemKind.SIGNING)


def _is_weekend(country: str, day: date, settings: CheckSettings) -> bool:
    if country == "CN" and china_day(day).moved_workday:
        return False
    return day.weekday() in settings.weekend_days(country)


def outside_hours(trips: Sequence[PlanTrip], events: Sequence[PlanEvent],
                  settings: CheckSettings) -> list[Conflict]:
    out: list[Conflict] = []
    for trip in trips:
        for item in trip.items:
            if item.kind not in WORKING_KINDS or item.city is None:
                continue
            country = item.city.country_code.upper()
            opens, closes = settings.business_hours(country)
            start, end = in_zone(item.starts_at, item.timezone), in_zone(item.ends_at, item.timezone)
            concerns = (Concern(RecordKind.ITEM, item.id, "starts_at"),
                        Concern(RecordKind.TRIP, trip.id, "items"))
            title_en = item.title_en or item.title_zh
            if start.time() < opens or end.date() > start.date() or end.time() > closes:
                out.append(Conflict(
                    ConflictKind.OUTSIDE_HOURS, Severity.WARNING, (trip.code,), "items",
                    f"{trip.code}：“{item.title_zh}”安排在当地 {start:%H:%M}—{end:%H:%M}，"
                    f"超出{item.city.name_zh}的工作时间 {opens:%H:%M}—{closes:%H:%M}",
                    f"{trip.code}: '{title_en}' runs {start:%H:%M}–{end:%H:%M} local time, "
                    f"outside business hours in {item.city.name_en or item.city.name_zh} "
                    f"({opens:%H:%M}–{closes:%H:%M})",
                    item_id=item.id, concerns=concerns, key="hours",
                ))
            if _is_weekend(country, start.date(), settings):
                zh_country, en_country = country_name(country)
                out.append(Conflict(
                    ConflictKind.WEEKEND, Severity.WARNING, (trip.code,), "items",
                    f"{trip.code}：“{item.title_zh}”在 {start.month}月{start.day}日"
                    f"（{DAY_NAMES_ZH[start.weekday()]}），是{zh_country}的周末",
                    f"{trip.code}: '{title_en}' is on {start:%A %d %b}, a weekend day in "
                    f"{en_country}",
                    item_id=item.id, concerns=concerns, key="weekend",
                ))
    for event in events:
        country = event.city.country_code.upper() if event.city is not None else "CN"
        opens, closes = settings.business_hours(country)
        start = in_zone(event.starts_at, event.timezone)
        end = in_zone(event.ends_at, event.timezone)
        late = end.date() == start.date() and end.time() > closes
        if start.time() < opens or late:
            out.append(Conflict(
                ConflictKind.OUTSIDE_HOURS, Severity.WARNING, (event.code,), "starts_at",
                f"{event.code}：“{event.title_zh}”安排在当地 {start:%H:%M}—{end:%H:%M}，"
                f"超出工作时间 {opens:%H:%M}—{closes:%H:%M}",
                f"{event.code}: '{event.title_en or event.title_zh}' runs "
                f"{start:%H:%M}–{end:%H:%M} local time, outside business hours "
                f"({opens:%H:%M}–{closes:%H:%M})",
                concerns=(Concern(RecordKind.EVENT, event.id, "starts_at"),), key="hours",
            ))
    return out
