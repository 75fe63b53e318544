"""The mappings: UTC storage, aware reads, UUIDs, revisions, cascades, Chinese text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from models import ItineraryItem, Person, Trip, TripMember
from models.base import UTCDateTime
from tests.factories import item_draft, make_trip, make_world


def test_times_are_stored_utc_and_returned_aware(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=[item_draft(w, day=24, start="09:00", end="10:00")])
    with sessions() as s:
        item = s.scalars(select(ItineraryItem)).one()
        assert item.starts_at.tzinfo is UTC
        assert item.starts_at == datetime(2023, 3, 24, 8, 0, tzinfo=UTC)  # 09:00 CET
        raw = s.execute(text("SELECT starts_at FROM itinerary_items")).scalar_one()
        assert str(raw).startswith("2023-03-24 08:00")
        assert item.trip.code == trip.code


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        UTCDateTime().process_bind_param(datetime(2023, 1, 1), None)  # type: ignore[arg-type]
    eight = timezone(timedelta(hours=8))
    stored = UTCDateTime().process_bind_param(datetime(2023, 1, 1, 8, tzinfo=eight), None)  # type: ignore[arg-type]
    assert stored == datetime(2023, 1, 1, 0, 0)


def test_every_editable_record_has_uuid_and_revision(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w)
    with sessions() as s:
        trip = s.scalars(select(Trip)).one()
        person = s.get_one(Person, w.leader_id)
        assert len(trip.uuid) == 36 and len(person.uuid) == 36
        assert trip.uuid != person.uuid
        assert trip.revision == 1


def test_revision_rises_and_stale_updates_fail(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        code = make_trip(s, w).code
    first, second = sessions(), sessions()
    a = first.scalars(select(Trip).where(Trip.code == code)).one()
    b = second.scalars(select(Trip).where(Trip.code == code)).one()
    a.title_zh = "改名一"
    first.commit()
    assert a.revision == 2
    b.title_zh = "改名二"
    with pytest.raises(StaleDataError):
        second.commit()
    second.rollback()
    first.close()
    second.close()
    with sessions() as s:
        assert s.scalars(select(Trip.title_zh)).one() == "改名一"


def test_deleting_a_trip_removes_its_itinerary_and_delegation(
    sessions: sessionmaker[Session],
) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w, items=[item_draft(w)])
    with sessions.begin() as s:
        s.delete(s.scalars(select(Trip)).one())
    with sessions() as s:
        assert s.scalars(select(ItineraryItem)).all() == []
        assert s.scalars(select(TripMember)).all() == []
        assert s.get(Person, w.leader_id) is not None


def test_chinese_and_emoji_round_trip(sessions: sessionmaker[Session]) -> None:
    title = "粤港澳大湾区·新能源汽车推介会 🚗「有空间、进莞来」<&>"
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w, title_zh=title)
    with sessions() as s:
        assert s.scalars(select(Trip.title_zh)).one() == title


def test_repr_names_the_record(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w)
    with sessions() as s:
        assert "TRIP-2023-001" in repr(s.scalars(select(Trip)).one())
