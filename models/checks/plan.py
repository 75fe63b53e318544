"""The plan as the checks read it: plain rows of the trips, their items and people, and the
events, read a few columns at a time in a fixed number of statements (no ORM graph).

Ten years of trips are 50,000 items and their attendees: as mapped records with their
relationships they took half of ``check``'s 20 s and most of its 400 MiB at scale 1; as these
rows, under a second and ~41 MiB (tracemalloc).
The rows carry the same attribute names as the records, so a check reads either; they are
named tuples, made several times faster than (frozen) dataclasses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import attrgetter
from typing import NamedTuple

from sqlalchemy import ColumnElement, ScalarSelect, select, true
from sqlalchemy.orm import Session

from models import tables
from models.enums import EventStatus, ItemKind, RegionKind, TripStatus
from models.tables import CITY, EVENT, ITEM, MEMBER, PERSON, REGION, TRIP, item_attendees, trip_cities

MAX_LISTED_IDS = 900  # below SQLite's oldest limit of 999 parameters a statement


class PlanCity(NamedTuple):
    id: int
    name_zh: str
    name_en: str
    country_code: str
    timezone: str


class PlanPerson(NamedTuple):
    id: int
    name_zh: str
    name_en: str


class PlanRegion(NamedTuple):
    kind: RegionKind


class PlanMember(NamedTuple):
    person_id: int
    person: PlanPerson


class PlanItem(NamedTuple):
    id: int
    kind: ItemKind
    title_zh: str
    title_en: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    city_id: int | None
    city: PlanCity | None
    place: str
    attendees: tuple[PlanPerson, ...] = ()  # by id, as the record's relationship


class PlanTrip(NamedTuple):
    id: int
    code: str
    title_zh: str
    title_en: str
    start_date: date
    end_date: date
    leader_id: int | None
    leader: PlanPerson | None
    region: PlanRegion | None
    cities: tuple[PlanCity, ...] = ()  # by id
    members: tuple[PlanMember, ...] = ()  # by position
    items: tuple[PlanItem, ...] = ()  # by start (then id)


class PlanEvent(NamedTuple):
    id: int
    code: str
    title_zh: str
    title_en: str
    venue: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    city: PlanCity | None
    lead_person_id: int | None
    lead_person: PlanPerson | None


@dataclass
class _People:
    """One row per person however often read (members, attendees, leaders)."""

    by_id: dict[int, PlanPerson] = field(default_factory=dict)

    def add(self, person_id: int, name_zh: str | None, name_en: str | None) -> PlanPerson:
        row = self.by_id[person_id] = PlanPerson(person_id, name_zh or "", name_en or "")
        return row

    def get(self, person_id: int | None, name_zh: str | None,
            name_en: str | None) -> PlanPerson | None:
        if person_id is None:
            return None
        return self.by_id.get(person_id) or self.add(person_id, name_zh, name_en)


def _cities(session: Session) -> dict[int, PlanCity]:
    """Every city (a few hundred at most): one statement, one row each."""
    conn = session.connection()
    return {r.id: PlanCity(r.id, r.name_zh, r.name_en, r.country_code, r.timezone)
            for r in conn.execute(select(CITY.id, CITY.name_zh, CITY.name_en,
                                            CITY.country_code, CITY.timezone))}


def read_trips(session: Session, early: date | None, late: date | None,
               cities: dict[int, PlanCity] | None = None,
               people: _People | None = None) -> list[PlanTrip]:
    """The trips (not cancelled) that touch the days ``early`` .. ``late`` (either open), by
    start and code, with their cities, members, items and attendees: five statements."""
    cities = _cities(session) if cities is None else cities
    people = people or _People()
    known = people.by_id
    conn = session.connection()
    where: list[ColumnElement[bool]] = [
        TRIP.status != TripStatus.CANCELLED,
        TRIP.end_date >= early if early is not None else true(),
        TRIP.start_date <= late if late is not None else true(),
    ]
    found = conn.execute(
        select(TRIP.id, TRIP.code, TRIP.title_zh, TRIP.title_en, TRIP.start_date,
               TRIP.end_date, TRIP.leader_id, PERSON.name_zh, PERSON.name_en, REGION.kind)
        .outerjoin(tables.people, PERSON.id == TRIP.leader_id)
        .outerjoin(tables.regions, REGION.id == TRIP.region_id)
        .where(*where)).all()
    # ordered here: asked to order them, SQLite reads by start date from the first of ten
    # years instead of the few that end after ``early`` (models/indexes.py)
    trip_rows = sorted(found, key=attrgetter("start_date", "code"))
    # the trips' ids as they are when a few hundred at most (the dashboard's weeks): the
    # database then reads no trip again, where it scanned ten years of trips for each of the
    # four statements below; the whole plan (ten thousand ids) keeps the subquery
    ids: Sequence[int] | ScalarSelect[int] = (
        [r.id for r in trip_rows] if len(trip_rows) <= MAX_LISTED_IDS
        else select(TRIP.id).where(*where).scalar_subquery())
    trip_cities_: dict[int, list[PlanCity]] = defaultdict(list)
    for trip_id, city_id in conn.execute(
            select(trip_cities.c.trip_id, trip_cities.c.city_id)
            .where(trip_cities.c.trip_id.in_(ids))
            .order_by(trip_cities.c.trip_id, trip_cities.c.city_id)):
        trip_cities_[trip_id].append(cities[city_id])
    members: dict[int, list[PlanMember]] = defaultdict(list)
    for trip_id, person_id, name_zh, name_en in conn.execute(
            select(MEMBER.trip_id, MEMBER.person_id, PERSON.name_zh, PERSON.name_en)
            .join(tables.people, PERSON.id == MEMBER.person_id)
            .where(MEMBER.trip_id.in_(ids))
            .order_by(MEMBER.trip_id, MEMBER.position, MEMBER.person_id)):
        person = known.get(person_id) or people.add(person_id, name_zh, name_en)
        members[trip_id].append(PlanMember(person_id, person))
    attendees: dict[int, list[PlanPerson]] = defaultdict(list)
    for item_id, person_id, name_zh, name_en in conn.execute(
            select(item_attendees.c.item_id, PERSON.id, PERSON.name_zh, PERSON.name_en)
            .join(tables.people, PERSON.id == item_attendees.c.person_id)
            .join(tables.itinerary_items, ITEM.id == item_attendees.c.item_id)
            .where(ITEM.trip_id.in_(ids))
            .order_by(item_attendees.c.item_id, PERSON.id)):
        person = known.get(person_id) or people.add(person_id, name_zh, name_en)
        attendees[item_id].append(person)
    items: dict[int, list[PlanItem]] = defaultdict(list)
    for trip_id, item_id, kind, title_zh, title_en, starts_at, ends_at, zone, city_id, place \
            in conn.execute(
            select(ITEM.trip_id, ITEM.id, ITEM.kind,
                   ITEM.title_zh, ITEM.title_en, ITEM.starts_at,
                   ITEM.ends_at, ITEM.timezone, ITEM.city_id,
                   ITEM.place)
            .where(ITEM.trip_id.in_(ids))
            .order_by(ITEM.trip_id, ITEM.starts_at, ITEM.id)):
        items[trip_id].append(PlanItem(
            item_id, kind, title_zh, title_en, starts_at, ends_at, zone, city_id,
            cities.get(city_id) if city_id is not None else None, place,
            tuple(attendees.pop(item_id, ()))))
    regions: dict[RegionKind, PlanRegion] = {}
    out: list[PlanTrip] = []
    for r in trip_rows:
        region = regions.setdefault(r.kind, PlanRegion(r.kind)) if r.kind is not None else None
        out.append(PlanTrip(
            r.id, r.code, r.title_zh, r.title_en, r.start_date, r.end_date, r.leader_id,
            people.get(r.leader_id, r.name_zh, r.name_en), region,
            tuple(trip_cities_.get(r.id, ())), tuple(members.get(r.id, ())),
            tuple(items.get(r.id, ()))))
    return out


def read_events(session: Session, early: datetime | None, late: datetime | None,
                cities: dict[int, PlanCity] | None = None,
                people: _People | None = None) -> list[PlanEvent]:
    """The events (not cancelled) ending from ``early`` and starting by ``late`` (either
    open), by start and code: one statement."""
    cities = _cities(session) if cities is None else cities
    people = people or _People()
    conn = session.connection()
    out: list[PlanEvent] = []
    rows = conn.execute(
        select(EVENT.id, EVENT.code, EVENT.title_zh, EVENT.title_en,
               EVENT.venue, EVENT.starts_at, EVENT.ends_at,
               EVENT.timezone, EVENT.city_id, EVENT.lead_person_id,
               PERSON.name_zh, PERSON.name_en)
        .outerjoin(tables.people, PERSON.id == EVENT.lead_person_id)
        .where(EVENT.status != EventStatus.CANCELLED)
        .where(EVENT.ends_at >= early if early is not None else true())
        .where(EVENT.starts_at <= late if late is not None else true())).all()
    for r in sorted(rows, key=attrgetter("starts_at", "code")):  # as the trips are
        out.append(PlanEvent(
            r.id, r.code, r.title_zh, r.title_en, r.venue, r.starts_at, r.ends_at, r.timezone,
            cities.get(r.city_id) if r.city_id is not None else None, r.lead_person_id,
            people.get(r.lead_person_id, r.name_zh, r.name_en)))
    return out


def read_plan(session: Session, early: date | None, late: date | None,
              event_early: datetime | None, event_late: datetime | None,
              ) -> tuple[Sequence[PlanTrip], Sequence[PlanEvent]]:
    """The trips and events of a run of the checks: seven statements however many.

    Read through the session's connection (Core rows, no ORM loading step): ~25 % less time
    at scale than through the session. What the session holds unflushed is flushed first, as
    its own queries would."""
    if session.autoflush:
        session.flush()
    cities = _cities(session)
    people = _People()
    return (read_trips(session, early, late, cities, people),
            read_events(session, event_early, event_late, cities, people))
