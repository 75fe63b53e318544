"""Trips and events for a calendar read as columns: the same rows as the ORM loaders, no mapped
object made, and the same statements for one record or for every one, on SQLite and
PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bench import scale_data
from models import queries
from models.event_columns import event_calendar_details
from models.events import ThemedEvent
from models.rows import EventDetail, TripDetail
from models.trip_columns import trip_calendar_details
from models.trips import Trip
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
        orm = queries.trip_details(session, ids=ids, contacts=False)
    with sessions() as session:
        columns = trip_calendar_details(session, ids)
        assert len(session.identity_map) == 0  # not one mapped object was made
        assert trip_calendar_details(session, []) == []
    assert len(columns) == len(ids) >= 10
    assert sum(len(t.items) for t in columns) >= 50
    assert any(i.attendees for t in columns for i in t.items)
    assert any(t.members for t in columns) and any(t.targets for t in columns)
    assert columns == orm


def test_the_same_statements_for_one_trip_or_all(db_url: str,
                                                 sessions: sessionmaker[Session]) -> None:
    scale_data.generate(db_url, 0.002, seed=1)
    with sessions() as session:
        ids = list(session.scalars(select(Trip.id)))
        one: tuple[int, list[TripDetail]] = _counted(
            session, lambda: trip_calendar_details(session, ids[:1]))
        every: tuple[int, list[TripDetail]] = _counted(
            session, lambda: trip_calendar_details(session, ids))
    assert len(one[1]) == 1 and len(every[1]) == len(ids)
    assert one[0] == every[0] == 10  # trips, regions, units, cities, industries, targets,
    #                                  members, items, attendees, people: each in one statement


def test_the_event_loader_gives_the_orm_loaders_rows(sessions: sessionmaker[Session]) -> None:
    """Run-of-show rows too (staff posts, VIP seats, units' duties), from the sample's events."""
    from models.sample import load_sample

    with sessions.begin() as session:
        load_sample(session)
    with sessions() as session:
        ids = list(session.scalars(select(ThemedEvent.id)))
        orm = queries.event_details(session, ids=ids, contacts=False)
    with sessions() as session:
        count, columns = _counted(session, lambda: event_calendar_details(session, ids))
        assert len(session.identity_map) == 0
        assert event_calendar_details(session, []) == []
        one: tuple[int, list[EventDetail]] = _counted(
            session, lambda: event_calendar_details(session, ids[:1]))
    assert len(columns) == len(ids) >= 30
    assert all(any(getattr(e, part) for e in columns)
               for part in ("sessions", "invitations", "staff_posts", "vip_seats", "unit_duties"))
    assert any(s.speakers for e in columns for s in e.sessions)
    assert columns == orm
    assert count == one[0] == 12 and len(one[1]) == 1
