"""Travel legs: items outside the trip's dates, an item that starts before the delegation can
get there, a flight or train that arrives after the next meeting began, a change of city with
no flight, train or transfer, and a night without a stay.

Instants are compared in UTC, so overnight flights and flights across the date line count
right; times are told in the local zone of the place they happen (a flight's arrival in the
zone of the item that follows it).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from itertools import pairwise

from models.changes import RecordKind
from models.checks.finding import Concern, Conflict
from models.checks.plan import PlanItem, PlanTrip
from models.checks.settings import CheckSettings
from models.enums import ConflictKind, ItemKind, RegionKind, Severity
from models.timeutil import in_zone, local_date, zone_info

JOURNEYS = (ItemKind.FLIGHT, ItemKind.TRAIN)
MOVES = (ItemKind.FLIGHT, ItemKind.TRAIN, ItemKind.TRANSFER)
IGNORED = (ItemKind.FREE_TIME,)


def _title_en(item: PlanItem) -> str:
    return item.title_en or item.title_zh


def _concerns(trip: PlanTrip, *items: PlanItem) -> tuple[Concern, ...]:
    return (*(Concern(RecordKind.ITEM, i.id, "starts_at") for i in items),
            Concern(RecordKind.TRIP, trip.id, "items"))


def arrival_zone(item: PlanItem, items: Sequence[PlanItem]) -> str:
    """The zone a flight or train arrives in: that of the first item after it somewhere else
    (an item records one zone, its departure's); other items end where they start."""
    if item.kind not in JOURNEYS:
        return item.timezone
    later = [i for i in items if i.starts_at >= item.ends_at or
             (i.starts_at > item.starts_at and i.city_id != item.city_id)]
    return min(later, key=lambda i: i.starts_at).timezone if later else item.timezone


def items_outside(trips: Sequence[PlanTrip]) -> list[Conflict]:
    out = []
    for trip in trips:
        for item in trip.items:
            first = local_date(item.starts_at, item.timezone)
            last = local_date(item.ends_at, arrival_zone(item, trip.items))
            if first < trip.start_date or last > trip.end_date:
                out.append(Conflict(
                    ConflictKind.ITEM_OUTSIDE_TRIP, Severity.ERROR, (trip.code,), "items",
                    f"{trip.code}：行程“{item.title_zh}”（{first:%m-%d}）不在活动日期 "
                    f"{trip.start_date:%m-%d}—{trip.end_date:%m-%d} 之内",
                    f"{trip.code}: item '{_title_en(item)}' ({first:%m-%d}) lies "
                    f"outside the trip's dates {trip.start_date:%m-%d}–{trip.end_date:%m-%d}",
                    item_id=item.id, concerns=_concerns(trip, item),
                ))
    return out


def _same_place(a: PlanItem, b: PlanItem) -> bool:
    def norm(text: str) -> str:
        return re.sub(r"[（(].*?[)）]", "", text).strip().casefold()

    pa, pb = norm(a.place), norm(b.place)
    return bool(pa and pb and (pa in pb or pb in pa))


def _when(instant: datetime, zone: str) -> str:
    return f"{in_zone(instant, zone):%m-%d %H:%M}"


def legs(trips: Sequence[PlanTrip], settings: CheckSettings) -> list[Conflict]:
    out: list[Conflict] = []
    for trip in trips:
        items = sorted((i for i in trip.items if i.kind not in IGNORED),
                       key=lambda i: (i.starts_at, i.ends_at))
        out += _late_arrivals(trip, items)
        out += _tight(trip, items, settings)
        out += _city_changes(trip, items)
        out += _nights(trip, items)
    return out


def _late_arrivals(trip: PlanTrip, items: list[PlanItem]) -> list[Conflict]:
    """Something planned to begin while the delegation is still on a flight or train."""
    out = []
    for n, journey in enumerate(items):
        if journey.kind not in JOURNEYS:
            continue
        for later in items[n + 1:]:
            if later.starts_at >= journey.ends_at:
                break
            if later.kind in MOVES or later.kind is ItemKind.HOTEL:
                continue
            zone = later.timezone
            out.append(Conflict(
                ConflictKind.LANDS_LATE, Severity.ERROR, (trip.code,), "items",
                f"{trip.code}：“{journey.title_zh}”当地时间 {_when(journey.ends_at, zone)} 才到达，"
                f"晚于 {_when(later.starts_at, zone)} 开始的“{later.title_zh}”",
                f"{trip.code}: '{_title_en(journey)}' arrives at {_when(journey.ends_at, zone)} "
                f"local time, after '{_title_en(later)}' begins at {_when(later.starts_at, zone)}",
                item_id=later.id, concerns=_concerns(trip, journey, later),
            ))
    return out


def _tight(trip: PlanTrip, items: list[PlanItem], settings: CheckSettings) -> list[Conflict]:
    """Too little time between two items to get from one to the other."""
    out = []
    steps = [i for i in items if i.kind is not ItemKind.HOTEL]
    for prev, nxt in pairwise(steps):
        if prev.kind in MOVES or nxt.kind in MOVES:
            continue  # the journey itself is the way there; late arrivals are found above
        other_city = (prev.city_id is not None and nxt.city_id is not None
                      and prev.city_id != nxt.city_id)
        if _same_place(prev, nxt) and not other_city:
            continue
        need = timedelta(minutes=settings.transfer_minutes_between_cities if other_city
                         else settings.transfer_minutes)
        gap = nxt.starts_at - prev.ends_at
        if gap >= need or (gap < timedelta(0) and not other_city):
            continue  # overlaps in one city are a double booking of its attendees
        minutes = int(gap.total_seconds() // 60)
        severity = Severity.ERROR if gap < timedelta(0) else Severity.WARNING
        out.append(Conflict(
            ConflictKind.TOO_TIGHT, severity, (trip.code,), "items",
            f"{trip.code}：“{prev.title_zh}”结束后只有 {minutes} 分钟就开始“{nxt.title_zh}”，"
            f"至少需要 {int(need.total_seconds() // 60)} 分钟赶到",
            f"{trip.code}: '{_title_en(nxt)}' starts {minutes} min after '{_title_en(prev)}' "
            f"ends; getting there takes {int(need.total_seconds() // 60)} min",
            item_id=nxt.id, concerns=_concerns(trip, prev, nxt),
        ))
    return out


def _city_changes(trip: PlanTrip, items: list[PlanItem]) -> list[Conflict]:
    out = []
    last: PlanItem | None = None
    moved = False
    for item in items:
        if item.kind in MOVES:
            moved = True
            continue
        if item.city_id is None:
            continue
        if last is not None and last.city_id != item.city_id and not moved:
            a = last.city.name_zh if last.city else ""
            b = item.city.name_zh if item.city else ""
            a_en = (last.city.name_en or a) if last.city else ""
            b_en = (item.city.name_en or b) if item.city else ""
            out.append(Conflict(
                ConflictKind.CITY_CHANGE, Severity.WARNING, (trip.code,), "items",
                f"{trip.code}：从{a}（“{last.title_zh}”）到{b}（“{item.title_zh}”）之间没有安排航班、"
                "火车或接送",
                f"{trip.code}: from {a_en} ('{_title_en(last)}') to {b_en} ('{_title_en(item)}') "
                "with no flight, train or transfer between",
                item_id=item.id, concerns=_concerns(trip, last, item),
            ))
        last, moved = item, False
    return out


def _nights(trip: PlanTrip, items: list[PlanItem]) -> list[Conflict]:
    """Each night of a trip abroad or away needs a hotel in the city the delegation is in, or a
    flight or train through the night."""
    if not items or trip.region is None or trip.region.kind is RegionKind.LOCAL:
        return []
    out: list[Conflict] = []
    missing: list[date] = []
    zone = next((c.timezone for c in trip.cities), items[0].timezone)
    starts = [i.starts_at for i in items]  # items are in order of start
    journeys = [i for i in items if i.kind in JOURNEYS]
    day = trip.start_date
    while day < trip.end_date:
        # the items begun by 03:00 the next morning: a prefix of them
        before = items[:bisect_left(
            starts, datetime.combine(day + timedelta(days=1), time(3), zone_info(zone)))]
        if before:
            zone = before[-1].timezone
        night = datetime.combine(day + timedelta(days=1), time(3), zone_info(zone))
        travelling = any(i.starts_at <= night < i.ends_at for i in journeys)
        located = next((i for i in reversed(before)
                        if i.city_id is not None and i.kind not in MOVES), None)
        city_id = located.city_id if located is not None else None
        hotel = next((i for i in reversed(before) if i.kind is ItemKind.HOTEL), None)
        stay = hotel is not None and hotel.city_id == city_id
        if not travelling and not stay:
            missing.append(day)
        day += timedelta(days=1)
    runs: list[list[date]] = []
    for missed in missing:  # consecutive nights make one finding
        if runs and runs[-1][-1] + timedelta(days=1) == missed:
            runs[-1].append(missed)
        else:
            runs.append([missed])
    for run in runs:
        first, last = run[0], run[-1]
        when_zh = (f"{first.month}月{first.day}日晚" if first == last else
                   f"{first.month}月{first.day}日至{last.month}月{last.day}日晚（{len(run)} 晚）")
        when_en = (f"the night of {first:%d %b}" if first == last else
                   f"the nights of {first:%d %b}–{last:%d %b} ({len(run)} nights)")
        out.append(Conflict(
            ConflictKind.NIGHT_WITHOUT_STAY, Severity.WARNING, (trip.code,), "items",
            f"{trip.code}：{when_zh}没有安排住宿（酒店）",
            f"{trip.code}: no stay (hotel) for {when_en}",
            concerns=(Concern(RecordKind.TRIP, trip.id, "items"),), key=first.isoformat(),
        ))
    return out
