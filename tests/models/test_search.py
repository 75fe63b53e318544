"""The search box's index, and the trip or event a code names."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from models.changes import RecordKind
from models.enums import EventKind
from models.language import Lang
from models.operations.events import EventDraft, create_event
from models.search import CodeTarget, SearchEntry, search_entries, trip_or_event
from models.timeutil import at
from tests.factories import make_trip, make_world


def _summit(city_id: int) -> EventDraft:
    return EventDraft(kind=EventKind.INDUSTRY_SUMMIT, title_zh="新能源汽车产业峰会",
                      title_en="NEV summit", timezone="Asia/Shanghai", city_id=city_id,
                      starts_at=at(date(2023, 4, 10), "09:00", "Asia/Shanghai"),
                      ends_at=at(date(2023, 4, 10), "17:00", "Asia/Shanghai"))


def test_trips_and_events_newest_first_then_people_and_organisations(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        march = make_trip(s, w)
        may = make_trip(s, w, title_zh="五月推介", title_en="", start_date=date(2023, 5, 2),
                        end_date=date(2023, 5, 6))
        summit = create_event(s, _summit(w.dongguan_id)).value
    with sessions() as s:
        entries = search_entries(s)
    assert [(e.kind, e.id) for e in entries[:3]] == [
        (RecordKind.TRIP, may.id), (RecordKind.TRIP, march.id), (RecordKind.EVENT, summit.id)]
    assert entries[1] == SearchEntry(RecordKind.TRIP, march.id, march.code, "欧洲新能源汽车推介",
                                     "Europe NEV roadshow")
    assert entries[2].code == summit.code and entries[2].name_en == "NEV summit"
    people = [e for e in entries if e.kind is RecordKind.PERSON]
    assert {e.id for e in people} == {w.leader_id, w.staff_id, w.delegate_id}
    leader = next(e for e in people if e.id == w.leader_id)
    assert (leader.code, leader.name_zh, leader.position(Lang.ZH), leader.position(Lang.EN)) == (
        "", "王建国", "副市长", "Vice Mayor")
    assert entries[-1] == SearchEntry(RecordKind.ORGANISATION, w.org_id, "", "博世集团", "Bosch")


def test_an_empty_database_has_nothing_to_find(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        assert search_entries(s) == []


def test_a_code_names_a_trip_or_an_event(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w)
        summit = create_event(s, _summit(w.dongguan_id)).value
    with sessions() as s:
        assert trip_or_event(s, trip.code) == CodeTarget(RecordKind.TRIP, trip.id)
        assert trip_or_event(s, summit.code) == CodeTarget(RecordKind.EVENT, summit.id)
        assert trip_or_event(s, "TRIP-1999-001") is None
