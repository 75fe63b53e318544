"""The search box's matches (in SQL, with a LIMIT), and the trip or event a code names."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.changes import RecordKind
from models.enums import EventKind
from models.language import Lang
from models.operations.events import EventDraft, create_event
from models.search import CodeTarget, SearchEntry, find_entries, trip_or_event
from models.timeutil import at
from tests.factories import World, make_trip, make_world

pytestmark = pytest.mark.backends("sqlite", "postgresql")  # LIKE, ILIKE and LIMIT on both


def _summit(city_id: int) -> EventDraft:
    return EventDraft(kind=EventKind.INDUSTRY_SUMMIT, title_zh="新能源汽车产业峰会",
                      title_en="NEV summit", timezone="Asia/Shanghai", city_id=city_id,
                      starts_at=at(date(2023, 4, 10), "09:00", "Asia/Shanghai"),
                      ends_at=at(date(2023, 4, 10), "17:00", "Asia/Shanghai"))


def _rows_read(session: Session) -> list[int]:
    """Counts the rows each ``session.execute`` returns."""
    counts: list[int] = []
    execute = session.execute

    def counting(*args: Any, **kwargs: Any) -> Any:
        frozen = execute(*args, **kwargs).freeze()
        counts.append(len(frozen.data))
        return frozen()

    session.execute = counting  # type: ignore[method-assign]
    return counts


def test_trips_newest_first_then_events_people_and_organisations(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        march = make_trip(s, w)
        may = make_trip(s, w, title_zh="五月推介", title_en="", start_date=date(2023, 5, 2),
                        end_date=date(2023, 5, 6))
        summit = create_event(s, _summit(w.dongguan_id)).value
    with sessions() as s:
        roadshows = find_entries(s, "推介")
        nev = find_entries(s, "nev")
        leader = find_entries(s, "王建国")
        bosch = find_entries(s, "BOSCH")
    assert [(e.kind, e.id) for e in roadshows] == [
        (RecordKind.TRIP, may.id), (RecordKind.TRIP, march.id)]
    assert roadshows[1] == SearchEntry(RecordKind.TRIP, march.id, march.code, "欧洲新能源汽车推介",
                                       "Europe NEV roadshow")
    # "NEV summit" begins with the word: it comes before the trip that only holds it
    assert [(e.kind, e.id) for e in nev] == [(RecordKind.EVENT, summit.id),
                                            (RecordKind.TRIP, march.id)]
    assert nev[0].code == summit.code and nev[0].name_en == "NEV summit"
    assert [(e.kind, e.id) for e in leader] == [(RecordKind.PERSON, w.leader_id)]
    assert (leader[0].code, leader[0].name_zh, leader[0].position(Lang.ZH),
            leader[0].position(Lang.EN)) == ("", "王建国", "副市长", "Vice Mayor")
    assert bosch == [SearchEntry(RecordKind.ORGANISATION, w.org_id, "", "博世集团", "Bosch")]


def test_every_word_must_match_somewhere(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        march = make_trip(s, w)
    with sessions() as s:
        assert [e.id for e in find_entries(s, "europe 推介")] == [march.id]
        assert find_entries(s, "europe 峰会") == []
        assert [e.id for e in find_entries(s, "vice mayor")] == [w.leader_id]  # a position


def test_codes_beginning_with_the_text_come_first(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        coded = make_trip(s, w, title_zh="东京推介")
        named = make_trip(s, w, title_zh=f"{coded.code}后续对接", title_en="",
                          start_date=date(2023, 6, 1), end_date=date(2023, 6, 3))
    with sessions() as s:
        found = find_entries(s, coded.code.lower())
    # the newer trip only names the code in its title: it comes after the code itself
    assert [e.id for e in found] == [coded.id, named.id]


def test_wildcards_typed_match_only_themselves(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w)
        sale = make_trip(s, w, title_zh="九五折_推介%", title_en="", start_date=date(2023, 6, 1),
                         end_date=date(2023, 6, 3))
    with sessions() as s:
        assert [e.id for e in find_entries(s, "%")] == [sale.id]
        assert [e.id for e in find_entries(s, "_")] == [sale.id]


def test_nothing_typed_or_nothing_stored_finds_nothing(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        assert find_entries(s, "推介") == []
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w)
    with sessions() as s:
        assert find_entries(s, "") == []
        assert find_entries(s, "   ") == []


def _roadshows(s: Session, w: World, year: int, count: int) -> None:
    for n in range(count):
        make_trip(s, w, title_zh=f"{year}年第{n + 1}次推介", title_en="",
                  start_date=date(year, 3, 1 + n), end_date=date(year, 3, 2 + n))


def test_the_search_reads_at_most_its_limit_however_much_matches(
        sessions: sessionmaker[Session]) -> None:
    """The LIMIT is in SQL: a year or ten years of matching trips read the same rows."""
    with sessions.begin() as s:
        w = make_world(s)
        _roadshows(s, w, 2023, 8)
    with sessions() as s:
        before = _rows_read(s)
        one_year = find_entries(s, "推介", limit=5)
    with sessions.begin() as s:
        for year in range(2014, 2023):
            _roadshows(s, w, year, 3)
    with sessions() as s:
        after = _rows_read(s)
        ten_years = find_entries(s, "推介", limit=5)
        everything = find_entries(s, "推介", limit=100)
    assert len(before) == 4 and len(after) == 8  # one statement a kind
    assert before == after[:4] == [5, 0, 0, 0]  # trips read: the limit, not the 8 or 35 matching
    assert [e.name_zh for e in one_year] == [e.name_zh for e in ten_years] == [
        f"2023年第{n}次推介" for n in (8, 7, 6, 5, 4)]  # the newest first
    assert len(everything) == 35


def test_a_code_names_a_trip_or_an_event(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w)
        summit = create_event(s, _summit(w.dongguan_id)).value
    with sessions() as s:
        assert trip_or_event(s, trip.code) == CodeTarget(RecordKind.TRIP, trip.id)
        assert trip_or_event(s, summit.code) == CodeTarget(RecordKind.EVENT, summit.id)
        assert trip_or_event(s, "TRIP-1999-001") is None
