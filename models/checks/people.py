"""People and places: a person in two places at once (with the travel between them), a venue
booked twice, a leader abroad while hosting an event, a delegate on too many trips in a month."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from models.changes import RecordKind
from models.checks.finding import Concern, Conflict
from models.checks.plan import PlanEvent, PlanItem, PlanPerson, PlanTrip
from models.checks.scope import trip_span
from models.checks.settings import CheckSettings
from models.enums import ConflictKind, ItemKind, Severity
from models.timeutil import local_date


@dataclass(frozen=True)
class _Span:
    code: str
    concern: Concern
    label_zh: str
    label_en: str
    start: datetime
    end: datetime
    places: frozenset[tuple[str, int | None]]  # (country, city id) where the person is
    leads_trip: bool = False  # the person leads this trip (trip/event clashes: leader_away)
    is_event: bool = False


def _travel(a: _Span, b: _Span, settings: CheckSettings) -> timedelta:
    """The least time to get from ``a``'s places to ``b``'s."""
    if a.places & b.places or not a.places or not b.places:
        return timedelta(0)
    if not {c for c, _ in a.places} & {c for c, _ in b.places}:
        return timedelta(hours=settings.travel_hours_between_countries)
    return timedelta(minutes=settings.transfer_minutes_between_cities)


def people_double_booked(trips: Sequence[PlanTrip], events: Sequence[PlanEvent],
                         settings: CheckSettings) -> list[Conflict]:
    """A person in two overlapping trips, two overlapping items, or a trip and an event; or
    with too little time between them to travel from one city to the other."""
    busy: dict[int, list[_Span]] = defaultdict(list)
    names: dict[int, PlanPerson] = {}
    for trip in trips:
        start, end = trip_span(trip)
        places = frozenset((c.country_code, c.id) for c in trip.cities)
        for member in trip.members:
            names[member.person_id] = member.person
            busy[member.person_id].append(
                _Span(trip.code, Concern(RecordKind.TRIP, trip.id, "members"),
                      f"推广活动“{trip.title_zh}”", f"trip '{trip.title_en or trip.title_zh}'",
                      start, end, places, leads_trip=member.person_id == trip.leader_id))
    for event in events:
        if event.lead_person is not None:
            names[event.lead_person.id] = event.lead_person
            places = (frozenset({(event.city.country_code, event.city.id)})
                      if event.city is not None else frozenset())
            busy[event.lead_person.id].append(
                _Span(event.code, Concern(RecordKind.EVENT, event.id, "lead_person_id"),
                      f"专题活动“{event.title_zh}”", f"event '{event.title_en or event.title_zh}'",
                      event.starts_at, event.ends_at, places, is_event=True))
    longest = timedelta(hours=settings.travel_hours_between_countries,
                        minutes=settings.transfer_minutes_between_cities)
    out: list[Conflict] = []
    for person_id, spans in busy.items():
        spans.sort(key=lambda s: s.start)
        for i, a in enumerate(spans):
            for b in spans[i + 1:]:
                if b.start >= a.end + longest:
                    break
                if a.code == b.code or (a.leads_trip and b.is_event) or (
                    b.leads_trip and a.is_event
                ):
                    continue
                p = names[person_id]
                person = Concern(RecordKind.PERSON, person_id)
                if b.start < a.end:
                    out.append(Conflict(
                        ConflictKind.PERSON_DOUBLE_BOOKED, Severity.ERROR, (a.code, b.code),
                        "members",
                        f"{p.name_zh} 同时安排在{a.label_zh}（{a.code}）和{b.label_zh}（{b.code}）",
                        f"{p.name_en or p.name_zh} is booked on {a.label_en} ({a.code}) and "
                        f"{b.label_en} ({b.code}) at the same time",
                        person_id=person_id, concerns=(a.concern, b.concern, person),
                    ))
                    continue
                travel = _travel(a, b, settings)
                if b.start < a.end + travel:
                    hours = travel.total_seconds() / 3600
                    out.append(Conflict(
                        ConflictKind.PERSON_DOUBLE_BOOKED, Severity.WARNING, (a.code, b.code),
                        "members",
                        f"{p.name_zh} 结束{a.label_zh}（{a.code}）后，来不及赶到{b.label_zh}"
                        f"（{b.code}）：两地之间至少需要 {hours:g} 小时",
                        f"{p.name_en or p.name_zh} cannot get from {a.label_en} ({a.code}) to "
                        f"{b.label_en} ({b.code}) in time: the journey takes {hours:g} h or more",
                        person_id=person_id, concerns=(a.concern, b.concern, person),
                        key="travel",
                    ))
    out += _items_double_booked(trips, names)
    return out


def _items_double_booked(trips: Sequence[PlanTrip], names: dict[int, PlanPerson]) -> list[Conflict]:
    """Overlapping items within one trip, per attendee."""
    out: list[Conflict] = []
    for trip in trips:
        per_person: dict[int, list[PlanItem]] = defaultdict(list)
        for item in trip.items:
            for person in item.attendees:
                names[person.id] = person
                per_person[person.id].append(item)
        for person_id, items in per_person.items():
            items.sort(key=lambda x: x.starts_at)
            for n, first in enumerate(items):
                for second in items[n + 1:]:
                    if second.starts_at >= first.ends_at:
                        break
                    if ItemKind.HOTEL in (first.kind, second.kind):
                        continue
                    p = names[person_id]
                    out.append(Conflict(
                        ConflictKind.PERSON_DOUBLE_BOOKED, Severity.WARNING, (trip.code,), "items",
                        f"{trip.code}：{p.name_zh} 同时参加“{first.title_zh}”和“{second.title_zh}”",
                        f"{trip.code}: {p.name_en or p.name_zh} attends "
                        f"'{first.title_en or first.title_zh}' and "
                        f"'{second.title_en or second.title_zh}' at the same time",
                        person_id=person_id, item_id=second.id,
                        concerns=(Concern(RecordKind.ITEM, first.id, "attendees"),
                                  Concern(RecordKind.ITEM, second.id, "attendees"),
                                  Concern(RecordKind.TRIP, trip.id, "items")),
                    ))
    return out


def venues_double_booked(events: Sequence[PlanEvent]) -> list[Conflict]:
    by_venue: dict[str, list[PlanEvent]] = defaultdict(list)
    for event in events:
        key = event.venue.strip().casefold()
        if key:
            by_venue[key].append(event)
    out = []
    for group in by_venue.values():
        group.sort(key=lambda e: e.starts_at)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if b.starts_at >= a.ends_at:
                    break
                out.append(Conflict(
                    ConflictKind.VENUE_DOUBLE_BOOKED, Severity.ERROR, (a.code, b.code), "venue",
                    f"场地“{a.venue}”被“{a.title_zh}”（{a.code}）和“{b.title_zh}”（{b.code}）"
                    "同时占用",
                    f"The venue '{a.venue}' is booked by {a.code} and {b.code} at the same time",
                    concerns=(Concern(RecordKind.EVENT, a.id, "venue"),
                              Concern(RecordKind.EVENT, b.id, "venue")),
                ))
    return out


def leaders_away(trips: Sequence[PlanTrip], events: Sequence[PlanEvent]) -> list[Conflict]:
    """A trip's leader who also hosts an event at home while the trip is abroad."""
    out = []
    hosted: dict[int, list[PlanEvent]] = defaultdict(list)
    for event in events:
        if event.lead_person_id is not None:
            hosted[event.lead_person_id].append(event)
    for trip in trips:
        if trip.leader is None:
            continue
        start, end = trip_span(trip)
        for event in hosted.get(trip.leader.id, ()):
            if event.starts_at < end and start < event.ends_at:
                day: date = local_date(event.starts_at, event.timezone)
                out.append(Conflict(
                    ConflictKind.LEADER_AWAY, Severity.WARNING, (trip.code, event.code), "leader_id",
                    f"带队领导 {trip.leader.name_zh} 率团出访（{trip.code}）期间，"
                    f"{day:%m月%d日}还要主持“{event.title_zh}”（{event.code}）",
                    f"Leader {trip.leader.name_en or trip.leader.name_zh} heads trip {trip.code} "
                    f"while hosting '{event.title_en or event.title_zh}' ({event.code}) on "
                    f"{day:%d %b}",
                    person_id=trip.leader_id,
                    concerns=(Concern(RecordKind.TRIP, trip.id, "leader_id"),
                              Concern(RecordKind.EVENT, event.id, "lead_person_id")),
                ))
    return out


def _months(first: date, last: date) -> list[tuple[int, int]]:
    months: list[tuple[int, int]] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def trips_per_month(trips: Sequence[PlanTrip], settings: CheckSettings) -> list[Conflict]:
    """A person on more than ``max_trips_per_month`` trips touching one month."""
    limit = settings.max_trips_per_month
    if limit <= 0:
        return []
    per: dict[tuple[int, tuple[int, int]], list[PlanTrip]] = defaultdict(list)
    names: dict[int, PlanPerson] = {}
    for trip in trips:
        for member in trip.members:
            names[member.person_id] = member.person
            for year_month in _months(trip.start_date, trip.end_date):
                per[(member.person_id, year_month)].append(trip)
    out = []
    for (person_id, (year, month)), group in sorted(per.items(), key=lambda kv: kv[0]):
        if len(group) <= limit:
            continue
        p = names[person_id]
        codes = tuple(t.code for t in group)
        out.append(Conflict(
            ConflictKind.TRIPS_PER_MONTH, Severity.WARNING, codes, "members",
            f"{p.name_zh} {year} 年 {month} 月参加 {len(group)} 次出访（{'、'.join(codes)}），"
            f"超过每月 {limit} 次",
            f"{p.name_en or p.name_zh} is on {len(group)} trips in {year}-{month:02d} "
            f"({', '.join(codes)}), more than {limit} a month",
            person_id=person_id, key=f"{year}-{month:02d}",
            concerns=(Concern(RecordKind.PERSON, person_id),
                      *(Concern(RecordKind.TRIP, t.id, "members") for t in group)),
        ))
    return out
