"""Range queries for the calendar, the timeline and the dashboard: only what a view shows.

Each query selects columns (no ORM objects, no lazy loads), filtered in SQL by the date range
and the user's filters, and joins the few referenced names from small lookup tables. Ten years
of history (5,000 trips, 50,000 itinerary items, 5,000 events) cost a month's rows, not all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from operator import attrgetter
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, exists, or_, select
from sqlalchemy.orm import Session

from models import tables
from models.enums import PersonKind, VisitStatus
from models.rows import Ref, RegionRow
from models.tables import (
    AGENDA,
    CITY,
    EVENT,
    INDUSTRY,
    ITEM,
    MEMBER,
    ORGANISATION,
    PERSON,
    REGION,
    TARGET,
    TEAM,
    TRIP,
    UNIT,
    VISIT,
    event_industries,
    item_attendees,
    session_speakers,
    team_members,
    trip_industries,
)
from models.timeutil import BEIJING_TZ
from models.trip_columns import region_rows
from planning.entries import CalendarEntry, EntryKind

# The widest offsets a place can have: a day in any zone lies within these UTC bounds.
_EARLIEST_OFFSET = timedelta(hours=14)
_LATEST_OFFSET = timedelta(hours=12)


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the view to; ``None`` means everything."""

    region_id: int | None = None
    industry_id: int | None = None
    unit_id: int | None = None
    status: str | None = None  # a TripStatus / EventStatus value (the two share their values)
    person_id: int | None = None
    trips: bool = True
    items: bool = True
    events: bool = True
    visits: bool = True  # planned HQ visits of 百队千企

    @property
    def narrowed(self) -> bool:
        return any(v is not None for v in (self.region_id, self.industry_id, self.unit_id,
                                           self.status, self.person_id))


@dataclass(frozen=True)
class FilterChoices:
    """What the filter boxes offer."""

    regions: tuple[RegionRow, ...]
    industries: tuple[Ref, ...]
    units: tuple[Ref, ...]
    people: tuple[Ref, ...]  # leaders and staff first (kind order), then by name


@dataclass
class _Lookup:
    """The small reference tables, read once per query."""

    regions: dict[int, RegionRow]
    cities: dict[int, tuple[Ref, int]]  # city -> (name, region id)
    units: dict[int, Ref]
    industries: dict[int, Ref]

    @classmethod
    def load(cls, session: Session) -> _Lookup:
        return cls(
            region_rows(session),
            {cid: (Ref(cid, zh, en), rid) for cid, zh, en, rid in session.execute(
                select(CITY.id, CITY.name_zh, CITY.name_en, CITY.region_id))},
            {uid: Ref(uid, zh, en) for uid, zh, en in session.execute(
                select(UNIT.id, UNIT.name_zh, UNIT.name_en))},
            {iid: Ref(iid, zh, en, code) for iid, zh, en, code in session.execute(
                select(INDUSTRY.id, INDUSTRY.name_zh, INDUSTRY.name_en, INDUSTRY.code))},
        )

    def unit(self, unit_id: int | None) -> Ref | None:
        return self.units.get(unit_id) if unit_id is not None else None

    def city(self, city_id: int | None) -> Ref | None:
        return self.cities[city_id][0] if city_id is not None and city_id in self.cities else None


def filter_choices(session: Session) -> FilterChoices:
    lookup = _Lookup.load(session)
    regions = sorted(lookup.regions.values(), key=lambda r: r.id)
    positions = dict(session.execute(select(REGION.id, REGION.position)).all())
    regions.sort(key=lambda r: (positions.get(r.id, 0), r.id))
    industry_order = session.scalars(select(INDUSTRY.id).order_by(INDUSTRY.position, INDUSTRY.id))
    kinds = [PersonKind.CITY_LEADER, PersonKind.BUREAU_STAFF, PersonKind.UNIT_STAFF,
             PersonKind.DELEGATE]
    people = sorted(
        session.execute(select(PERSON.id, PERSON.name_zh, PERSON.name_en, PERSON.kind)
                        .where(PERSON.kind.in_(kinds))),
        key=lambda p: (kinds.index(p[3]), p[1], p[0]),
    )
    return FilterChoices(
        tuple(regions),
        tuple(lookup.industries[i] for i in industry_order),
        tuple(sorted(lookup.units.values(), key=lambda u: u.id)),
        tuple(Ref(pid, zh, en) for pid, zh, en, _ in people),
    )


def utc_window(first: date, last: date) -> tuple[datetime, datetime]:
    """UTC bounds holding every instant that falls on ``first``..``last`` in some zone."""
    lo = datetime.combine(first, time.min, UTC) - _EARLIEST_OFFSET
    hi = datetime.combine(last + timedelta(days=1), time.min, UTC) + _LATEST_OFFSET
    return lo, hi


def load_entries(session: Session, first: date, last: date,
                 filters: Filters | None = None) -> list[CalendarEntry]:
    """Trips, itinerary items and events touching ``first``..``last`` (inclusive).

    Items and events are returned when they touch the range in *some* zone; the view keeps
    those that touch it in the time mode it shows.
    """
    f = filters or Filters()
    lookup = _Lookup.load(session)
    people = _PeopleNames(session)
    entries: list[CalendarEntry] = []
    if f.trips:
        entries += _trips(session, first, last, f, lookup, people)
    if f.items:
        entries += _items(session, first, last, f, lookup, people)
    if f.events:
        entries += _events(session, first, last, f, lookup, people)
    if f.visits:
        entries += _visits(session, first, last, f, lookup, people)
    return entries


def _visits(session: Session, first: date, last: date, f: Filters, lookup: _Lookup,
            people: _PeopleNames) -> list[CalendarEntry]:
    """Planned HQ visits as whole days, titled by the company, coded by the team."""
    if f.status not in (None, VisitStatus.PLANNED.value):
        return []
    stmt = (select(VISIT.id, VISIT.uuid, VISIT.revision, VISIT.visited_on,
                   VISIT.place, VISIT.unit_id, ORGANISATION.name_zh, ORGANISATION.name_en,
                   ORGANISATION.industry_id, TEAM.name, TEAM.leader_id, TARGET.region_id,
                   TEAM.name_en)
            .join(tables.organisations, VISIT.organisation_id == ORGANISATION.id)
            .outerjoin(tables.teams, VISIT.team_id == TEAM.id)
            .outerjoin(tables.target_hqs, (TARGET.organisation_id == VISIT.organisation_id)
                       & (TARGET.campaign_id == VISIT.campaign_id))
            .where(VISIT.status == VisitStatus.PLANNED, VISIT.visited_on >= first,
                   VISIT.visited_on <= last)
            .order_by(VISIT.visited_on, VISIT.id))
    if f.unit_id is not None:
        stmt = stmt.where(VISIT.unit_id == f.unit_id)
    if f.industry_id is not None:
        stmt = stmt.where(ORGANISATION.industry_id == f.industry_id)
    if f.region_id is not None:
        stmt = stmt.where(TARGET.region_id == f.region_id)
    if f.person_id is not None:
        stmt = stmt.where(or_(TEAM.leader_id == f.person_id,
                              exists().where(team_members.c.team_id == TEAM.id,
                                             team_members.c.person_id == f.person_id)))
    rows = session.execute(stmt).all()
    people.fetch(r[10] for r in rows)
    beijing = ZoneInfo(BEIJING_TZ)
    return [
        CalendarEntry(EntryKind.VISIT, vid, uuid, rev, team or "",
                      f"拜访{org_zh}", f"Visit {org_en or org_zh}", "hq_visit",
                      VisitStatus.PLANNED.value, lookup.regions.get(region_id)
                      if region_id is not None else None, people.get(leader_id),
                      lookup.unit(unit_id), None, place, BEIJING_TZ,
                      datetime.combine(day, time.min, beijing).astimezone(UTC),
                      datetime.combine(day + timedelta(days=1), time.min, beijing).astimezone(UTC),
                      all_day=True,
                      industries=(lookup.industries[industry_id],)
                      if industry_id in lookup.industries else (), code_en=team_en or "")
        for (vid, uuid, rev, day, place, unit_id, org_zh, org_en, industry_id, team, leader_id,
             region_id, team_en) in rows
    ]


class _PeopleNames:
    """Names of the leaders the loaded rows refer to, fetched in one query per batch."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._names: dict[int, Ref] = {}

    def fetch(self, ids: Iterable[int | None]) -> None:
        wanted = {i for i in ids if i is not None and i not in self._names}
        if wanted:
            for pid, zh, en in self._session.execute(
                select(PERSON.id, PERSON.name_zh, PERSON.name_en).where(PERSON.id.in_(wanted))
            ):
                self._names[pid] = Ref(pid, zh, en)

    def get(self, person_id: int | None) -> Ref | None:
        return self._names.get(person_id) if person_id is not None else None


def _trip_conditions(f: Filters) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if f.region_id is not None:
        conds.append(TRIP.region_id == f.region_id)
    if f.unit_id is not None:
        conds.append(TRIP.host_unit_id == f.unit_id)
    if f.status is not None:
        conds.append(TRIP.status == f.status)
    if f.industry_id is not None:
        conds.append(exists().where(trip_industries.c.trip_id == TRIP.id,
                                    trip_industries.c.industry_id == f.industry_id))
    if f.person_id is not None:
        conds.append(or_(
            TRIP.leader_id == f.person_id,
            exists().where(MEMBER.trip_id == TRIP.id, MEMBER.person_id == f.person_id),
        ))
    return conds


def _industries_of(session: Session, table_column: ColumnElement[int],
                   industry_column: ColumnElement[int], ids: list[int],
                   lookup: _Lookup) -> dict[int, tuple[Ref, ...]]:
    found: dict[int, list[Ref]] = defaultdict(list)
    for chunk in _chunks(ids):
        for owner, industry in session.execute(
            select(table_column, industry_column).where(table_column.in_(chunk))
        ):
            if industry in lookup.industries:
                found[owner].append(lookup.industries[industry])
    return {k: tuple(v) for k, v in found.items()}


def _chunks(ids: list[int], size: int = 900) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _trips(session: Session, first: date, last: date, f: Filters, lookup: _Lookup,
           people: _PeopleNames) -> list[CalendarEntry]:
    found = session.execute(
        select(TRIP.id, TRIP.uuid, TRIP.revision, TRIP.code, TRIP.title_zh, TRIP.title_en, TRIP.status,
               TRIP.region_id, TRIP.leader_id, TRIP.host_unit_id, TRIP.start_date, TRIP.end_date)
        .where(TRIP.end_date >= first, TRIP.start_date <= last, *_trip_conditions(f))
    ).all()
    # ordered here: asked to order them, SQLite reads by start date from the first of ten
    # years instead of the few that end after ``first`` (models/indexes.py)
    rows = sorted(found, key=attrgetter("start_date", "code"))
    people.fetch(r[8] for r in rows)
    industries = _industries_of(session, trip_industries.c.trip_id,
                                trip_industries.c.industry_id, [r[0] for r in rows], lookup)
    beijing = ZoneInfo(BEIJING_TZ)
    return [
        CalendarEntry(EntryKind.TRIP, tid, uuid, rev, code, zh, en, "trip", status.value,
              lookup.regions.get(region_id), people.get(leader_id), lookup.unit(unit_id), None,
              "", BEIJING_TZ,
              datetime.combine(start, time.min, beijing).astimezone(UTC),
              datetime.combine(end + timedelta(days=1), time.min, beijing).astimezone(UTC),
              trip_id=tid, all_day=True, industries=industries.get(tid, ()))
        for tid, uuid, rev, code, zh, en, status, region_id, leader_id, unit_id, start, end in rows
    ]


def _items(session: Session, first: date, last: date, f: Filters, lookup: _Lookup,
           people: _PeopleNames) -> list[CalendarEntry]:
    lo, hi = utc_window(first, last)
    trip_conds = _trip_conditions(f)
    conds = list(trip_conds)
    if f.person_id is not None:
        # The person's own items, and the items of their trips that list no attendees
        # (the whole delegation goes).
        attends = exists().where(item_attendees.c.item_id == ITEM.id,
                                 item_attendees.c.person_id == f.person_id)
        anyone = exists().where(item_attendees.c.item_id == ITEM.id)
        conds.append(or_(attends, ~anyone))
    # The trips first (a date index on the trips' 5,000 rows), then their items by trip
    # (ix_itinerary_items_trip_starts): given the dates alone, SQLite read the items through
    # their start index, every item that starts before the window's end (all of them for a
    # recent month: 50,000 at ten years of history).
    near = (TRIP.end_date >= first - timedelta(days=1), TRIP.start_date <= last + timedelta(days=1))
    trip_ids = list(session.scalars(select(TRIP.id).where(*near, *trip_conds)))
    rows: list[Any] = []
    pieces = list(_chunks(trip_ids))
    for chunk in pieces:
        rows += session.execute(
            select(ITEM.id, ITEM.uuid, ITEM.revision,
                   ITEM.kind, ITEM.title_zh, ITEM.title_en,
                   ITEM.starts_at, ITEM.ends_at, ITEM.timezone,
                   ITEM.city_id, ITEM.place, TRIP.id, TRIP.code, TRIP.status,
                   TRIP.region_id, TRIP.leader_id, TRIP.host_unit_id)
            .join(tables.trips, ITEM.trip_id == TRIP.id)
            .where(ITEM.trip_id.in_(chunk), *near,
                   ITEM.starts_at < hi, ITEM.ends_at > lo, *conds)
            .order_by(ITEM.starts_at, ITEM.id)
        ).all()
    if len(pieces) > 1:  # read in chunks: one order again
        rows.sort(key=lambda r: (r[6], r[0]))
    people.fetch(r[15] for r in rows)
    return [
        CalendarEntry(EntryKind.ITEM, iid, uuid, rev, code, zh, en, kind.value, status.value,
              lookup.regions.get(region_id), people.get(leader_id), lookup.unit(unit_id),
              lookup.city(city_id), place, zone, starts, ends, trip_id=trip_id)
        for (iid, uuid, rev, kind, zh, en, starts, ends, zone, city_id, place, trip_id, code, status,
             region_id, leader_id, unit_id) in rows
    ]


def _event_conditions(f: Filters) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if f.region_id is not None:
        conds.append(CITY.region_id == f.region_id)
    if f.unit_id is not None:
        conds.append(EVENT.host_unit_id == f.unit_id)
    if f.status is not None:
        conds.append(EVENT.status == f.status)
    if f.industry_id is not None:
        conds.append(exists().where(event_industries.c.event_id == EVENT.id,
                                    event_industries.c.industry_id == f.industry_id))
    if f.person_id is not None:
        speaks = exists().where(
            AGENDA.event_id == EVENT.id,
            session_speakers.c.session_id == AGENDA.id,
            session_speakers.c.person_id == f.person_id,
        )
        conds.append(or_(EVENT.lead_person_id == f.person_id, speaks))
    return conds


def _events(session: Session, first: date, last: date, f: Filters, lookup: _Lookup,
            people: _PeopleNames) -> list[CalendarEntry]:
    lo, hi = utc_window(first, last)
    found = session.execute(
        select(EVENT.id, EVENT.uuid, EVENT.revision, EVENT.code, EVENT.kind,
               EVENT.title_zh, EVENT.title_en, EVENT.starts_at,
               EVENT.ends_at, EVENT.timezone, EVENT.city_id,
               EVENT.venue, EVENT.status, EVENT.lead_person_id,
               EVENT.host_unit_id)
        .outerjoin(tables.cities, EVENT.city_id == CITY.id)
        .where(and_(EVENT.starts_at < hi, EVENT.ends_at > lo), *_event_conditions(f))
    ).all()
    rows = sorted(found, key=attrgetter("starts_at", "code"))  # ordered here, as the trips are
    people.fetch(r[13] for r in rows)
    industries = _industries_of(session, event_industries.c.event_id,
                                event_industries.c.industry_id, [r[0] for r in rows], lookup)
    out = []
    for (eid, uuid, rev, code, kind, zh, en, starts, ends, zone, city_id, venue, status, lead_id,
         unit_id) in rows:
        region_id = lookup.cities[city_id][1] if city_id in lookup.cities else None
        out.append(CalendarEntry(
            EntryKind.EVENT, eid, uuid, rev, code, zh, en, kind.value, status.value,
            lookup.regions.get(region_id) if region_id is not None else None, people.get(lead_id),
            lookup.unit(unit_id), lookup.city(city_id), venue, zone, starts, ends,
            industries=industries.get(eid, ()),
        ))
    return out
