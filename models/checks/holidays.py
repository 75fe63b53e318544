"""Holidays: public holidays at a trip's destinations on its days and in China on event days,
China's moved working days (调休), the years beyond China's announced calendar, and the
campaign's own blackout dates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Protocol

from models.changes import RecordKind
from models.checks.calendars import (
    GOLDEN_WEEKS,
    Holiday,
    calendar_last_year,
    china_day,
    country_name,
    public_holiday,
)
from models.checks.finding import Concern, Conflict
from models.checks.plan import PlanEvent, PlanTrip
from models.checks.settings import CheckSettings
from models.enums import ConflictKind, ItemKind, Severity
from models.timeutil import local_date

TRAVEL_KINDS = (ItemKind.FLIGHT, ItemKind.TRAIN, ItemKind.TRANSFER)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


class _City(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def country_code(self) -> str: ...


class _Item(Protocol):
    @property
    def kind(self) -> ItemKind: ...
    @property
    def starts_at(self) -> datetime: ...
    @property
    def timezone(self) -> str: ...
    @property
    def city_id(self) -> int | None: ...


class Placed(Protocol):
    """A trip as :func:`trip_places` reads it: a row of the checks or the mapped record."""

    @property
    def start_date(self) -> date: ...
    @property
    def end_date(self) -> date: ...
    @property
    def cities(self) -> Sequence[_City]: ...
    @property
    def items(self) -> Sequence[_Item]: ...


def trip_places(trip: Placed) -> dict[date, set[str]]:
    """The destination countries of each day of a trip: those of the day's items in a
    destination city, else every destination's."""
    destinations = {c.id: c.country_code.upper() for c in trip.cities}
    by_day: dict[date, set[str]] = defaultdict(set)
    for item in trip.items:
        if item.city_id in destinations and item.kind not in TRAVEL_KINDS:
            by_day[local_date(item.starts_at, item.timezone)].add(destinations[item.city_id])
    everywhere = set(destinations.values())
    return {day: by_day.get(day) or everywhere for day in _days(trip.start_date, trip.end_date)}


def _holiday_text(h: Holiday, days: list[date]) -> tuple[str, str]:
    zh_country, en_country = country_name(h.country)
    when_zh = "、".join(f"{d.month}月{d.day}日" for d in days)
    when_en = ", ".join(f"{d:%d %b}" for d in days)
    name_zh = h.name_zh if h.name_zh == h.name_en else f"{h.name_zh}（{h.name_en}）"
    week = GOLDEN_WEEKS.get(h.key) if h.country == "CN" else None
    extra_zh = f"，正值{week[0]}" if week else ""
    extra_en = f", during the {week[1]}" if week else ""
    return (f"{zh_country}公众假期“{name_zh}”：{when_zh}{extra_zh}，政府机关和企业多数休息",
            f"Public holiday in {en_country}, {h.name_en}: {when_en}{extra_en}; offices and "
            "companies are mostly closed")


def holidays_on_trips(trips: Sequence[PlanTrip]) -> list[Conflict]:
    out: list[Conflict] = []
    for trip in trips:
        found: dict[tuple[str, str], list[Holiday]] = defaultdict(list)
        places = trip_places(trip)
        for day, countries in places.items():
            for country in sorted(countries):
                h = public_holiday(country, day)
                if h is not None:
                    found[(country, h.key)].append(h)
        for group in found.values():
            days = [h.day for h in group]
            zh, en = _holiday_text(group[0], days)
            out.append(Conflict(
                ConflictKind.HOLIDAY, Severity.WARNING, (trip.code,), "start_date",
                f"{trip.code}：{zh}", f"{trip.code}: {en}",
                concerns=(Concern(RecordKind.TRIP, trip.id, "start_date"),),
                key=f"{group[0].country}:{group[0].key}:{days[0]}",
            ))
        out += _china_days(trip.code, Concern(RecordKind.TRIP, trip.id, "start_date"),
                           [d for d, c in places.items() if "CN" in c])
    return out


def holidays_on_events(events: Sequence[PlanEvent]) -> list[Conflict]:
    out: list[Conflict] = []
    for event in events:
        country = event.city.country_code.upper() if event.city is not None else "CN"
        days = _days(local_date(event.starts_at, event.timezone),
                     local_date(event.ends_at, event.timezone))
        concern = Concern(RecordKind.EVENT, event.id, "starts_at")
        found: dict[str, list[Holiday]] = defaultdict(list)
        for day in days:
            h = public_holiday(country, day)
            if h is not None:
                found[h.key].append(h)
        for group in found.values():
            zh, en = _holiday_text(group[0], [h.day for h in group])
            out.append(Conflict(
                ConflictKind.HOLIDAY, Severity.WARNING, (event.code,), "starts_at",
                f"{event.code}：{zh}", f"{event.code}: {en}", concerns=(concern,),
                key=f"{country}:{group[0].key}:{group[0].day}",
            ))
        if country == "CN":
            out += _china_days(event.code, concern, days)
    return out


def _china_days(code: str, concern: Concern, days: list[date]) -> list[Conflict]:
    """Moved working days, and years whose working days are not announced yet."""
    out: list[Conflict] = []
    unknown_years: set[int] = set()
    for day in days:
        info = china_day(day)
        if not info.known:
            unknown_years.add(day.year)
        elif info.moved_workday:
            weekday_zh = "周六" if day.weekday() == 5 else "周日"
            out.append(Conflict(
                ConflictKind.MOVED_WORKDAY, Severity.NOTE, (code,), concern.field,
                f"{code}：{day.month}月{day.day}日（{weekday_zh}）是调休上班日，国内按工作日安排，"
                "机关和企业照常上班",
                f"{code}: {day:%a %d %b} is a moved working day in China (调休): offices and "
                "companies work as on a weekday",
                concerns=(concern,), key=day.isoformat(),
            ))
    last = calendar_last_year()
    for year in sorted(unknown_years):
        out.append(Conflict(
            ConflictKind.CALENDAR_UNKNOWN, Severity.NOTE, (code,), concern.field,
            f"{code}：{year} 年的放假和调休安排尚未收录（chinese-calendar 只到 {last} 年），"
            "只按法定节日检查，调休上班日无法识别",
            f"{code}: China's {year} holiday and make-up working days are not known yet "
            f"(chinese-calendar ends with {last}); only statutory holidays are checked",
            concerns=(concern,), key=str(year),
        ))
    return out


def blackouts(trips: Sequence[PlanTrip], events: Sequence[PlanEvent],
              settings: CheckSettings) -> list[Conflict]:
    out: list[Conflict] = []
    spans: list[tuple[str, Concern, date, date]] = [
        (t.code, Concern(RecordKind.TRIP, t.id, "start_date"), t.start_date, t.end_date)
        for t in trips]
    spans += [(e.code, Concern(RecordKind.EVENT, e.id, "starts_at"),
               local_date(e.starts_at, e.timezone), local_date(e.ends_at, e.timezone))
              for e in events]
    for code, concern, first, last in spans:
        for b in settings.blackouts:
            if first <= b.end and b.start <= last:
                when = f"{b.start}" if b.start == b.end else f"{b.start}—{b.end}"
                out.append(Conflict(
                    ConflictKind.BLACKOUT, Severity.WARNING, (code,), concern.field,
                    f"{code}：{when} 是本年度计划的禁排日期（{b.reason}）",
                    f"{code}: {when} is a blackout date of the campaign ({b.reason})",
                    concerns=(concern,), key=b.start.isoformat(),
                ))
    return out
