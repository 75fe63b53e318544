"""The conflict finder: double bookings and plans that contradict themselves, with reasons."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, true
from sqlalchemy.orm import Session, joinedload, selectinload

from models.enums import ConflictKind, EventStatus, ItemKind, Severity, TripStatus
from models.events import ThemedEvent
from models.language import Lang
from models.people import Person
from models.timeutil import BEIJING_TZ, local_date, local_to_utc
from models.trips import ItineraryItem, Trip, TripMember


@dataclass(frozen=True)
class Conflict:
    """One finding. ``codes`` names the trips/events concerned, ``field`` the field to flag."""

    kind: ConflictKind
    severity: Severity
    codes: tuple[str, ...]
    field: str
    message_zh: str
    message_en: str
    person_id: int | None = None
    item_id: int | None = None

    def text(self, lang: Lang = Lang.ZH) -> str:
        return lang.pick(self.message_zh, self.message_en)


@dataclass(frozen=True)
class _Span:
    code: str
    label_zh: str
    label_en: str
    start: datetime
    end: datetime
    leads_trip: bool = False  # the person leads this trip (trip/event clashes: leader_away)
    is_event: bool = False


def _trip_span(trip: Trip) -> tuple[datetime, datetime]:
    """The instants a trip covers: its first day to the end of its last, in its cities' zones.

    A trip's dates are local dates; with cities in several zones, the span runs from the
    earliest local midnight of the first day to the latest local midnight after the last.
    """
    zones = {c.timezone for c in trip.cities} or {BEIJING_TZ}
    starts, ends = [], []
    for name in sorted(zones):
        zone = ZoneInfo(name)
        starts.append(datetime.combine(trip.start_date, time.min, zone).astimezone(UTC))
        ends.append(
            datetime.combine(trip.end_date + timedelta(days=1), time.min, zone).astimezone(UTC)
        )
    return min(starts), max(ends)


def find_conflicts(
    session: Session, *, trip_codes: set[str] | None = None, event_codes: set[str] | None = None,
    since: date | None = None,
) -> list[Conflict]:
    """All conflicts of the campaign, or only those touching the given trips or events.

    ``since``: only trips and events not over before that day (the open ones), so that ten
    years of history are not read to check the coming weeks. With codes, only the records
    whose dates overlap the wanted ones are read: every rule is about overlapping times.
    """
    window = _window(session, trip_codes, event_codes)
    if window is not None:
        first, last = window
        since = max(since, first) if since is not None else first
    trips = session.scalars(
        select(Trip)
        .where(Trip.status != TripStatus.CANCELLED)
        .where(Trip.end_date >= since if since is not None else true())
        .where(Trip.start_date <= last if window is not None else true())
        .options(
            selectinload(Trip.cities),
            selectinload(Trip.members).joinedload(TripMember.person),
            selectinload(Trip.items).selectinload(ItineraryItem.attendees),
            joinedload(Trip.leader),
        )
        .order_by(Trip.start_date, Trip.code)
    ).unique().all()
    events = session.scalars(
        select(ThemedEvent)
        .where(ThemedEvent.status != EventStatus.CANCELLED)
        .where(ThemedEvent.ends_at >= datetime.combine(since, time.min, UTC) - timedelta(days=1)
               if since is not None else true())
        .where(ThemedEvent.starts_at <= datetime.combine(last, time.max, UTC) + timedelta(days=1)
               if window is not None else true())
        .options(joinedload(ThemedEvent.lead_person), joinedload(ThemedEvent.city))
        .order_by(ThemedEvent.starts_at, ThemedEvent.code)
    ).unique().all()

    found: list[Conflict] = []
    found += _items_outside(trips)
    found += _people_double_booked(trips, events)
    found += _venues_double_booked(events)
    found += _leaders_away(trips, events)

    if trip_codes is None and event_codes is None:
        return found
    wanted = (trip_codes or set()) | (event_codes or set())
    return [c for c in found if wanted.intersection(c.codes)]


def open_conflicts(session: Session, start: date, end: date) -> list[Conflict]:
    """The conflicts that still matter between two days (Beijing time): those of the trips and
    events in that window that are neither cancelled nor done, errors first.

    A trip or event still under way on ``start`` counts; what happened before it does not.
    """
    trip_codes = set(session.scalars(
        select(Trip.code).where(Trip.end_date >= start, Trip.start_date <= end,
                                Trip.status.notin_([TripStatus.CANCELLED, TripStatus.DONE]))))
    since = local_to_utc(datetime.combine(start, time.min), BEIJING_TZ)
    until = local_to_utc(datetime.combine(end + timedelta(days=1), time.min), BEIJING_TZ)
    event_codes = set(session.scalars(
        select(ThemedEvent.code).where(
            ThemedEvent.ends_at >= since, ThemedEvent.starts_at < until,
            ThemedEvent.status.notin_([EventStatus.CANCELLED, EventStatus.DONE]))))
    if not trip_codes and not event_codes:
        return []
    found = find_conflicts(session, trip_codes=trip_codes, event_codes=event_codes, since=start)
    return sorted(found, key=lambda c: (c.severity is not Severity.ERROR, c.codes, c.message_zh))


def _window(
    session: Session, trip_codes: set[str] | None, event_codes: set[str] | None
) -> tuple[date, date] | None:
    """The days (with a day's margin for time zones) spanned by the wanted records."""
    if trip_codes is None and event_codes is None:
        return None
    days: list[date] = []
    if trip_codes:
        for start, end in session.execute(
            select(Trip.start_date, Trip.end_date).where(Trip.code.in_(trip_codes))
        ):
            days += [start, end]
    if event_codes:
        for start_at, end_at in session.execute(
            select(ThemedEvent.starts_at, ThemedEvent.ends_at)
            .where(ThemedEvent.code.in_(event_codes))
        ):
            days += [start_at.date(), end_at.date()]
    if not days:
        return date.max - timedelta(days=2), date.min + timedelta(days=2)  # matches nothing
    return min(days) - timedelta(days=1), max(days) + timedelta(days=1)


def _items_outside(trips: Sequence[Trip]) -> list[Conflict]:
    out = []
    for trip in trips:
        for item in trip.items:
            first = local_date(item.starts_at, item.timezone)
            last = local_date(item.ends_at, item.timezone)
            if first < trip.start_date or last > trip.end_date:
                out.append(Conflict(
                    ConflictKind.ITEM_OUTSIDE_TRIP, Severity.ERROR, (trip.code,), "items",
                    f"{trip.code}：行程“{item.title_zh}”（{first:%m-%d}）不在活动日期 "
                    f"{trip.start_date:%m-%d}—{trip.end_date:%m-%d} 之内",
                    f"{trip.code}: item '{item.title_en or item.title_zh}' ({first:%m-%d}) lies "
                    f"outside the trip's dates {trip.start_date:%m-%d}–{trip.end_date:%m-%d}",
                    item_id=item.id,
                ))
    return out


def _people_double_booked(trips: Sequence[Trip], events: Sequence[ThemedEvent]) -> list[Conflict]:
    """A person in two overlapping trips, two overlapping items, or a trip and an event."""
    busy: dict[int, list[_Span]] = defaultdict(list)
    names: dict[int, Person] = {}
    for trip in trips:
        start, end = _trip_span(trip)
        for member in trip.members:
            names[member.person_id] = member.person
            busy[member.person_id].append(
                _Span(trip.code, f"推广活动“{trip.title_zh}”",
                      f"trip '{trip.title_en or trip.title_zh}'", start, end,
                      leads_trip=member.person_id == trip.leader_id))
    for event in events:
        if event.lead_person is not None:
            names[event.lead_person.id] = event.lead_person
            busy[event.lead_person.id].append(
                _Span(event.code, f"专题活动“{event.title_zh}”",
                      f"event '{event.title_en or event.title_zh}'", event.starts_at,
                      event.ends_at, is_event=True))
    out: list[Conflict] = []
    for person_id, spans in busy.items():
        spans.sort(key=lambda s: s.start)
        for i, a in enumerate(spans):
            for b in spans[i + 1:]:
                if b.start >= a.end:
                    break
                if a.code == b.code or (a.leads_trip and b.is_event) or (
                    b.leads_trip and a.is_event
                ):
                    continue
                p = names[person_id]
                out.append(Conflict(
                    ConflictKind.PERSON_DOUBLE_BOOKED, Severity.ERROR, (a.code, b.code), "members",
                    f"{p.name_zh} 同时安排在{a.label_zh}（{a.code}）和{b.label_zh}（{b.code}）",
                    f"{p.name_en or p.name_zh} is booked on {a.label_en} ({a.code}) and "
                    f"{b.label_en} ({b.code}) at the same time",
                    person_id=person_id,
                ))
    # overlapping items within one trip, per attendee
    for trip in trips:
        per_person: dict[int, list[ItineraryItem]] = defaultdict(list)
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
                    ))
    return out


def _venues_double_booked(events: Sequence[ThemedEvent]) -> list[Conflict]:
    by_venue: dict[str, list[ThemedEvent]] = defaultdict(list)
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
                ))
    return out


def _leaders_away(trips: Sequence[Trip], events: Sequence[ThemedEvent]) -> list[Conflict]:
    """A trip's leader who also hosts an event at home while the trip is abroad."""
    out = []
    hosted: dict[int, list[ThemedEvent]] = defaultdict(list)
    for event in events:
        if event.lead_person_id is not None:
            hosted[event.lead_person_id].append(event)
    for trip in trips:
        if trip.leader is None:
            continue
        start, end = _trip_span(trip)
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
                ))
    return out
