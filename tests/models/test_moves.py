"""Moving an item, a trip or an event: whole days keep the local clock, a delta is exact,
a trip moves by whole days only, and the revision guards the move."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.changes import RecordKind
from models.enums import EventKind
from models.errors import ConcurrentEditError, ValidationError
from models.events import AgendaSession, ThemedEvent
from models.operations import events, items, trips
from models.operations.events import EventDraft, SessionDraft
from models.queries import trip_detail
from models.timeutil import at, in_zone
from models.trips import ItineraryItem, Trip
from tests.factories import World, item_draft, make_trip, make_world

BERLIN = "Europe/Berlin"  # summer time begins on 26 March 2023


@pytest.fixture
def world(sessions: sessionmaker[Session]) -> World:
    with sessions.begin() as s:
        return make_world(s)


def _one_item(sessions: sessionmaker[Session], world: World) -> tuple[int, int]:
    """A trip 23–30 March with one item on the 24th, 09:00–11:00 Berlin: (trip id, item id)."""
    with sessions.begin() as s:
        trip = make_trip(s, world, items=[item_draft(world, day=24)])
        return trip.id, trip_detail(s, trip.id).items[0].id


def _local(sessions: sessionmaker[Session], item_id: int) -> tuple[str, str]:
    with sessions() as s:
        item = s.get_one(ItineraryItem, item_id)
        return (in_zone(item.starts_at, item.timezone).strftime("%m-%d %H:%M"),
                in_zone(item.ends_at, item.timezone).strftime("%m-%d %H:%M"))


def test_an_item_moved_by_days_keeps_its_local_clock_across_dst(
        sessions: sessionmaker[Session], world: World) -> None:
    trip_id, item_id = _one_item(sessions, world)
    with sessions.begin() as s:
        moved = items.move_item(s, item_id, days=3)
    assert _local(sessions, item_id) == ("03-27 09:00", "03-27 11:00")
    assert moved.changes.ids_of(RecordKind.ITEM) == {item_id}
    assert moved.changes.ids_of(RecordKind.TRIP) == {trip_id}


def test_an_item_moved_by_days_and_a_delta(sessions: sessionmaker[Session],
                                           world: World) -> None:
    _trip_id, item_id = _one_item(sessions, world)
    with sessions.begin() as s:
        items.move_item(s, item_id, days=1, delta=timedelta(minutes=-30))
    assert _local(sessions, item_id) == ("03-25 08:30", "03-25 10:30")
    with sessions.begin() as s:  # an exact duration: across the change the clock shows it
        items.move_item(s, item_id, delta=timedelta(days=1))
    assert _local(sessions, item_id) == ("03-26 09:30", "03-26 11:30")


def test_an_item_moved_outside_its_trip_is_refused(sessions: sessionmaker[Session],
                                                   world: World) -> None:
    _trip_id, item_id = _one_item(sessions, world)
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        items.move_item(s, item_id, days=-5)
    assert caught.value.field == "starts_at"
    assert _local(sessions, item_id) == ("03-24 09:00", "03-24 11:00")


def test_an_item_move_is_guarded_by_its_revision(sessions: sessionmaker[Session],
                                                 world: World) -> None:
    _trip_id, item_id = _one_item(sessions, world)
    with sessions() as s:
        revision = s.get_one(ItineraryItem, item_id).revision
    with sessions.begin() as s:
        items.move_item(s, item_id, days=1, expected_revision=revision)
    with pytest.raises(ConcurrentEditError), sessions.begin() as s:
        items.move_item(s, item_id, days=1, expected_revision=revision)  # now stale
    assert _local(sessions, item_id) == ("03-25 09:00", "03-25 11:00")


def test_a_trip_moves_by_whole_days_only(sessions: sessionmaker[Session], world: World) -> None:
    trip_id, item_id = _one_item(sessions, world)
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        trips.move_trip(s, trip_id, days=1, delta=timedelta(hours=2))
    assert caught.value.field == "start_date"
    assert "整天" in caught.value.message_zh
    with sessions() as s:
        revision = s.get_one(Trip, trip_id).revision
    with sessions.begin() as s:
        moved = trips.move_trip(s, trip_id, days=3, expected_revision=revision)
    assert (moved.value.start_date, moved.value.end_date) == (date(2023, 3, 26), date(2023, 4, 2))
    assert _local(sessions, item_id) == ("03-27 09:00", "03-27 11:00")
    assert moved.changes.ids_of(RecordKind.ITEM) == {item_id}
    with pytest.raises(ConcurrentEditError), sessions.begin() as s:
        trips.move_trip(s, trip_id, days=-3, expected_revision=revision)


def test_an_event_and_its_agenda_move_together(sessions: sessionmaker[Session],
                                               world: World) -> None:
    day = date(2023, 3, 24)
    with sessions.begin() as s:
        event = events.create_event(s, EventDraft(
            kind=EventKind.INDUSTRY_SUMMIT, title_zh="中德新能源论坛",
            starts_at=at(day, "09:00", BERLIN), ends_at=at(day, "17:00", BERLIN), timezone=BERLIN,
            sessions=[SessionDraft("开幕式", at(day, "09:00", BERLIN), at(day, "10:00", BERLIN))],
        )).value
    with sessions.begin() as s:
        moved = events.move_event(s, event.code, days=3, delta=timedelta(minutes=30),
                                  expected_revision=event.revision)
    assert moved.changes.ids_of(RecordKind.EVENT) == {event.id}
    with sessions() as s:
        stored = s.get_one(ThemedEvent, event.id)
        agenda = s.scalars(select(AgendaSession)).one()
        assert in_zone(stored.starts_at, BERLIN).strftime("%m-%d %H:%M") == "03-27 09:30"
        assert in_zone(agenda.ends_at, BERLIN).strftime("%m-%d %H:%M") == "03-27 10:30"
    with pytest.raises(ConcurrentEditError), sessions.begin() as s:
        events.move_event(s, event.code, days=1, expected_revision=event.revision)


def test_an_item_s_length_changes_with_its_end_alone(sessions: sessionmaker[Session],
                                                     world: World) -> None:
    _trip_id, item_id = _one_item(sessions, world)
    with sessions.begin() as s:
        items.move_item(s, item_id, end_delta=timedelta(minutes=45))
    assert _local(sessions, item_id) == ("03-24 09:00", "03-24 11:45")
    with pytest.raises(ValidationError) as refused, sessions.begin() as s:
        items.move_item(s, item_id, end_delta=timedelta(hours=-3))
    assert refused.value.field == "ends_at"
    assert _local(sessions, item_id) == ("03-24 09:00", "03-24 11:45")  # nothing half-applied


def test_an_event_s_length_changes_and_its_agenda_stays(sessions: sessionmaker[Session],
                                                         world: World) -> None:
    day = date(2023, 3, 24)
    with sessions.begin() as s:
        event = events.create_event(s, EventDraft(
            kind=EventKind.INDUSTRY_SUMMIT, title_zh="中德新能源论坛",
            starts_at=at(day, "09:00", BERLIN), ends_at=at(day, "17:00", BERLIN), timezone=BERLIN,
            sessions=[SessionDraft("开幕式", at(day, "09:00", BERLIN), at(day, "10:00", BERLIN))],
        )).value
    with sessions.begin() as s:
        events.move_event(s, event.code, end_delta=timedelta(hours=-2))
    with sessions() as s:
        stored = s.get_one(ThemedEvent, event.id)
        agenda = s.scalars(select(AgendaSession)).one()
        assert in_zone(stored.ends_at, BERLIN).strftime("%H:%M") == "15:00"
        assert in_zone(agenda.ends_at, BERLIN).strftime("%H:%M") == "10:00"
    with pytest.raises(ValidationError), sessions.begin() as s:
        events.move_event(s, event.code, end_delta=timedelta(hours=-6))
