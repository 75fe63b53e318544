"""Trips and events read as columns (the lists, the details, a calendar's details): the same rows
as the ORM row builders give of the mapped records, no mapped object made, and the same
statements for one record or for every one, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bench import scale_data
from models import queries
from models.campaign import Region
from models.enums import EventStatus, TripStatus
from models.errors import NotFoundError
from models.event_columns import event_calendar_details, event_column_details
from models.events import ThemedEvent
from models.rows import EventDetail, TripDetail
from models.trip_columns import trip_calendar_details, trip_column_details
from models.trips import Trip
from tests.orm_rows import orm_event_details, orm_event_rows, orm_trip_details, orm_trip_rows
from tests.statements import recorded

T = TypeVar("T")


def _counted(session: Session, read: Callable[[], T]) -> tuple[int, T]:
    with recorded(session) as seen:
        result = read()
    return len(seen), result


def test_the_column_loader_gives_the_orm_loaders_rows(db_url: str,
                                                      sessions: sessionmaker[Session]) -> None:
    scale_data.generate(db_url, 0.002, seed=1)  # 10 trips of 10 years with items and people
    with sessions() as session:
        ids = list(session.scalars(select(Trip.id)))
        orm = orm_trip_details(session, ids, contacts=False)
        orm_full = orm_trip_details(session, ids)
        orm_rows = orm_trip_rows(session)
    with sessions() as session:
        columns = trip_calendar_details(session, ids)
        full = trip_column_details(session, ids)
        rows = queries.list_trips(session)
        assert len(session.identity_map) == 0  # not one mapped object was made
        assert trip_calendar_details(session, []) == []
    assert len(columns) == len(ids) >= 10
    assert sum(len(t.items) for t in columns) >= 50
    assert any(i.attendees for t in columns for i in t.items)
    assert any(t.members for t in columns) and any(t.targets for t in columns)
    assert columns == orm
    assert full == orm_full and any(o.contacts for t in full for o in t.targets)
    assert rows == orm_rows and any(t.leader for t in rows) and any(t.host_unit for t in rows)


def test_the_same_statements_for_one_trip_or_all(db_url: str,
                                                 sessions: sessionmaker[Session]) -> None:
    scale_data.generate(db_url, 0.002, seed=1)
    with sessions() as session:
        ids = list(session.scalars(select(Trip.id)))
        one: tuple[int, list[TripDetail]] = _counted(
            session, lambda: trip_calendar_details(session, ids[:1]))
        every: tuple[int, list[TripDetail]] = _counted(
            session, lambda: trip_calendar_details(session, ids))
        full_one: tuple[int, list[TripDetail]] = _counted(
            session, lambda: trip_column_details(session, ids[:1]))
        full_every: tuple[int, list[TripDetail]] = _counted(
            session, lambda: trip_column_details(session, ids))
        listed, _rows = _counted(session, lambda: queries.list_trips(session))
    assert len(one[1]) == 1 and len(every[1]) == len(ids)
    assert one[0] == every[0] == 10  # trips, regions, units, cities, industries, targets,
    #                                  members, items, attendees, people: each in one statement
    assert full_one[0] == full_every[0] == 12  # and the targets' contacts, the counterparts
    assert listed == 4  # trips, regions, units, leaders


def test_a_trips_detail_with_its_contacts_and_counterparts(
        loaded_sample: sessionmaker[Session]) -> None:
    """What ``show TRIP-…`` and the trips page show: the targets' contacts and the items'
    counterparts too, as the ORM builds them; the lists by region and status."""
    with loaded_sample() as session:
        ids = list(session.scalars(select(Trip.id)))
        orm = orm_trip_details(session, ids)
        region = session.scalars(select(Region).order_by(Region.id)).first()
        assert region is not None
        by_region = [t for t in orm_trip_rows(session) if t.region.id == region.id]
    with loaded_sample() as session:
        columns = queries.trip_details(session)
        one = queries.trip_detail(session, orm[0].code.lower())
        by_id = queries.trip_detail(session, orm[-1].id)
        listed = queries.list_trips(session, region_id=region.id)
        done = queries.list_trips(session, statuses=[TripStatus.DONE])
        assert len(session.identity_map) == 0
        with pytest.raises(NotFoundError):
            queries.trip_detail(session, "TRIP-1999-001")
    assert columns == orm and len(orm) >= 30
    assert any(i.counterparts for t in columns for i in t.items)
    assert any(o.contacts for t in columns for o in t.targets)
    assert one == orm[0] and by_id == orm[-1]
    assert listed == by_region and listed
    assert done and all(t.status is TripStatus.DONE for t in done)


def test_the_event_loader_gives_the_orm_loaders_rows(sessions: sessionmaker[Session]) -> None:
    """Run-of-show rows too (staff posts, VIP seats, units' duties), from the sample's events;
    the invited organisations with their contacts or without."""
    from models.sample import load_sample

    with sessions.begin() as session:
        load_sample(session)
    with sessions() as session:
        ids = list(session.scalars(select(ThemedEvent.id)))
        orm = orm_event_details(session, ids, contacts=False)
        orm_full = orm_event_details(session, ids)
        orm_rows = orm_event_rows(session)
        region_id = next(e.region.id for e in orm_rows if e.region is not None)
        orm_in_region = orm_event_rows(session, region_id=region_id)
    with sessions() as session:
        count, columns = _counted(session, lambda: event_calendar_details(session, ids))
        full_count, full = _counted(session, lambda: event_column_details(session, ids))
        rows = queries.list_events(session)
        in_region = queries.list_events(session, region_id=region_id)
        done = queries.list_events(session, statuses=[EventStatus.DONE])
        first = queries.event_detail(session, orm_full[0].code.lower())
        assert queries.event_details(session) == full
        assert len(session.identity_map) == 0
        assert event_calendar_details(session, []) == []
        one: tuple[int, list[EventDetail]] = _counted(
            session, lambda: event_calendar_details(session, ids[:1]))
        with pytest.raises(NotFoundError):
            queries.event_detail(session, "EVT-1999-001")
    assert len(columns) == len(ids) >= 30
    assert all(any(getattr(e, part) for e in columns)
               for part in ("sessions", "invitations", "staff_posts", "vip_seats", "unit_duties"))
    assert any(s.speakers for e in columns for s in e.sessions)
    assert columns == orm
    assert full == orm_full and any(i.organisation.contacts for e in full for i in e.invitations)
    assert first == orm_full[0]
    assert count == one[0] == 12 and len(one[1]) == 1 and full_count == 13
    assert rows == orm_rows and in_region == orm_in_region and 0 < len(in_region) < len(rows)
    assert done and all(e.status is EventStatus.DONE for e in done)


def test_the_teams_read_as_columns_are_the_records_rows(db_url: str,
                                                        sessions: sessionmaker[Session]) -> None:
    """``list_teams``, ``get_team`` and ``find_team`` read the tables: the rows ``team_row``
    builds from the records, in three statements for one team or a hundred."""
    from models.leads import HqVisit
    from models.sample import load_sample
    from models.teams import Team
    from models.visits import _natural, find_team, get_team, list_teams, team_row

    with sessions.begin() as session:
        load_sample(session)  # 100 teams with their leaders, members and visits
    with sessions() as session:
        counts = {(t, s): n for t, s, n in session.execute(
            select(HqVisit.team_id, HqVisit.status, func.count())
            .where(HqVisit.team_id.is_not(None)).group_by(HqVisit.team_id, HqVisit.status))
            if t is not None}
        orm = sorted((team_row(t, counts) for t in session.scalars(select(Team))),
                     key=lambda r: _natural(r.name))
        assert len(orm) >= 10 and any(r.members for r in orm) and any(r.done_visits for r in orm)
        statements, columns = _counted(session, lambda: list_teams(session))
        assert columns == orm and statements == 3  # the teams, their members, their visits
        unit = next(r.unit for r in orm if r.unit is not None)
        assert list_teams(session, unit_id=unit.id) == [r for r in orm if r.unit == unit]
        for row in orm[:5]:
            assert get_team(session, row.id) == row
            assert find_team(session, f" {row.name_en or row.name} ".upper()) == row
        with pytest.raises(NotFoundError):
            get_team(session, 10**6)
