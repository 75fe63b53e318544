"""Two people, one record: conflicts are detected, nothing is silently overwritten, codes differ."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from models.concurrency import StaleEditError
from models.database import alembic_config, create_db_engine, open_database
from models.errors import ConcurrentEditError
from models.operations.items import add_item, move_item
from models.operations.trips import trip_draft, update_trip
from models.trips import Trip
from tests.factories import item_draft, make_trip, make_world

THREADS = 6


def _load(session: Session, code: str) -> Trip:
    return session.scalars(select(Trip).where(Trip.code == code)).one()


def test_two_sessions_editing_one_trip_conflict_and_nothing_is_lost(
    sessions: sessionmaker[Session],
) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        code = make_trip(s, w).code
    mine, theirs = sessions(), sessions()
    try:
        a, b = _load(mine, code), _load(theirs, code)
        assert a.revision == b.revision == 1
        b.purpose = "先保存的人：拜访博世、大众"
        theirs.commit()
        a.purpose = "后保存的人：拜访博世"
        with pytest.raises(ConcurrentEditError) as caught:
            mine.commit()
        mine.rollback()
    finally:
        mine.close()
        theirs.close()
    error = caught.value
    assert isinstance(error, StaleEditError) and isinstance(error, StaleDataError)
    assert (error.expected, error.actual, error.record_type) == (1, 2, "trips")
    assert code in error.message_zh and "已被他人修改" in error.message_zh
    assert "changed by someone else" in error.message_en
    with sessions() as s:
        trip = _load(s, code)
        assert (trip.purpose, trip.revision) == ("先保存的人：拜访博世、大众", 2)


def test_saving_a_deleted_trip_is_a_conflict(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        code = make_trip(s, w).code
    mine, theirs = sessions(), sessions()
    try:
        a, b = _load(mine, code), _load(theirs, code)
        theirs.delete(b)
        theirs.commit()
        a.title_zh = "还在编辑"
        with pytest.raises(StaleEditError) as caught:
            mine.flush()
        mine.rollback()
    finally:
        mine.close()
        theirs.close()
    assert (caught.value.expected, caught.value.actual) == (1, 0)


def test_a_stale_draft_is_refused_by_the_operation(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        code = make_trip(s, w).code
    with sessions() as s:  # the editor opens the trip and copies it out
        draft, revision = trip_draft(s, code), _load(s, code).revision
    with sessions.begin() as s:  # meanwhile someone else saves
        update_trip(s, code, replace(trip_draft(s, code), notes="他人的备注"), expected_revision=1)
    with pytest.raises(ConcurrentEditError) as caught, sessions.begin() as s:
        update_trip(s, code, replace(draft, title_zh="我的标题"), expected_revision=revision)
    assert (caught.value.expected, caught.value.actual) == (1, 2)
    with sessions() as s:
        trip = _load(s, code)
        assert (trip.title_zh, trip.notes) == ("欧洲新能源汽车推介", "他人的备注")


def test_an_itinerary_change_makes_a_whole_trip_draft_stale(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        code = make_trip(s, w).code
        item_id = add_item(s, code, item_draft(w)).value
    with sessions() as s:
        draft, revision = trip_draft(s, code), _load(s, code).revision
    with sessions.begin() as s:  # someone drags the item in the calendar
        move_item(s, item_id, delta=timedelta(hours=1))
    with pytest.raises(ConcurrentEditError), sessions.begin() as s:
        update_trip(s, code, draft, expected_revision=revision)  # would put the item back
    with sessions() as s:
        trip = _load(s, code)
        assert trip.items[0].starts_at == draft.items[0].starts_at + timedelta(hours=1)  # type: ignore[index]


def test_codes_are_unique_when_many_create_at_once(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
    start = threading.Barrier(THREADS)
    codes: list[str] = []
    errors: list[BaseException] = []

    def create(n: int) -> None:
        try:
            start.wait(timeout=30)
            with sessions.begin() as s:
                codes.append(make_trip(s, w, title_zh=f"并发创建 {n}", members=[]).code)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=create, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert sorted(codes) == [f"TRIP-2023-{n:03d}" for n in range(1, THREADS + 1)]


def test_codes_continue_above_typed_and_rolled_back_ones(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        assert make_trip(s, w).code == "TRIP-2023-001"
        assert make_trip(s, w, code="TRIP-2023-050").code == "TRIP-2023-050"
        assert make_trip(s, w).code == "TRIP-2023-051"
    with pytest.raises(RuntimeError), sessions.begin() as s:
        assert make_trip(s, w).code == "TRIP-2023-052"
        raise RuntimeError("the save fails after the code was given")
    with sessions.begin() as s:
        assert make_trip(s, w).code == "TRIP-2023-052"  # no gap left by the rolled-back one


def test_counters_start_from_the_codes_of_an_upgraded_database(db_url: str) -> None:
    engine = create_db_engine(db_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    engine.dispose()
    engine, sessions = open_database(db_url)
    try:
        with sessions.begin() as s:
            w = make_world(s)
            s.execute(text("DELETE FROM code_counters"))  # as if the trips came from 0001
            make_trip(s, w, code="TRIP-2023-007")
        with engine.begin() as conn:  # back to 0001, through every later migration's downgrade
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
    finally:
        engine.dispose()
    engine, sessions = open_database(db_url)  # upgrades to head, seeding the counters
    try:
        with sessions.begin() as s:
            assert s.execute(text("SELECT last FROM code_counters")).scalar_one() == 7
            assert make_trip(s, w, title_zh="升级后").code == "TRIP-2023-008"
    finally:
        engine.dispose()

