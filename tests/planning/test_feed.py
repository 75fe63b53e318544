"""Range queries: only what touches the range, filtered in SQL, as plain entries."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.enums import EventKind, EventStatus, ItemKind, TripStatus
from models.operations.events import EventDraft, create_event
from models.operations.items import add_item
from models.timeutil import at
from planning.entries import EntryKind, TimeMode
from planning.feed import Filters, filter_choices, load_entries, utc_window
from tests.factories import World, item_draft, make_trip, make_world

pytestmark = pytest.mark.backends("sqlite", "postgresql")  # the range queries on both


def _world(sessions: sessionmaker[Session]) -> World:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w)  # 23–30 March, Frankfurt
        add_item(s, trip.id, item_draft(w, day=24))
        # 25 March 23:30 in Frankfurt is already 26 March in Beijing
        add_item(s, trip.id, item_draft(w, day=25, start="22:30", end="23:30",
                                        title_zh="晚宴", kind=ItemKind.BANQUET))
        make_trip(s, w, title_zh="四月的推介", start_date=date(2023, 4, 20),
                  end_date=date(2023, 4, 22), status=TripStatus.PLANNED, members=[],
                  leader_id=None)
        create_event(s, EventDraft(
            EventKind.INDUSTRY_SUMMIT, "新能源汽车产业峰会", at(date(2023, 3, 28), "09:00",
                                                           "Asia/Shanghai"),
            at(date(2023, 3, 29), "17:00", "Asia/Shanghai"), "Asia/Shanghai",
            city_id=w.dongguan_id, lead_person_id=w.staff_id, industry_ids=[w.industry_id],
            venue="东莞会展中心", status=EventStatus.PLANNED))
    return w


def test_a_month_holds_its_trips_items_and_events(sessions: sessionmaker[Session]) -> None:
    _world(sessions)
    with sessions() as s:
        entries = load_entries(s, date(2023, 3, 1), date(2023, 3, 31))
    kinds = sorted((e.kind.value, e.title_zh) for e in entries)
    assert kinds == [("event", "新能源汽车产业峰会"), ("item", "拜访博世"), ("item", "晚宴"),
                     ("trip", "欧洲新能源汽车推介")]
    trip = next(e for e in entries if e.kind is EntryKind.TRIP)
    assert trip.all_day and trip.region is not None and trip.region.code == "EUUS"
    assert trip.leader is not None and trip.leader.name_zh == "王建国"
    assert [i.name_zh for i in trip.industries] == ["新能源汽车"]
    assert (trip.first_day(TimeMode.BEIJING), trip.last_day(TimeMode.LOCAL)) == (
        date(2023, 3, 23), date(2023, 3, 30))
    event = next(e for e in entries if e.kind is EntryKind.EVENT)
    assert event.region is not None and event.region.code == "LOCAL"
    assert event.days(TimeMode.LOCAL) == 2 and event.spans_days(TimeMode.LOCAL)


def test_items_fall_on_their_local_or_beijing_day(sessions: sessionmaker[Session]) -> None:
    _world(sessions)
    with sessions() as s:
        entries = load_entries(s, date(2023, 3, 26), date(2023, 3, 26))
    dinner = next(e for e in entries if e.title_zh == "晚宴")
    assert not dinner.touches(date(2023, 3, 26), date(2023, 3, 26), TimeMode.LOCAL)
    assert dinner.touches(date(2023, 3, 26), date(2023, 3, 26), TimeMode.BEIJING)
    assert dinner.wall_span(TimeMode.LOCAL)[0] == datetime(2023, 3, 25, 22, 30)
    assert dinner.wall_span(TimeMode.BEIJING)[0] == datetime(2023, 3, 26, 5, 30)
    assert dinner.trip_id is not None and dinner.code.startswith("TRIP-2023-")


def test_nothing_outside_the_range(sessions: sessionmaker[Session]) -> None:
    _world(sessions)
    with sessions() as s:
        assert load_entries(s, date(2023, 5, 1), date(2023, 5, 31)) == []
        april = load_entries(s, date(2023, 4, 1), date(2023, 4, 30))
    assert [e.title_zh for e in april] == ["四月的推介"]


def test_filters_narrow_every_kind(sessions: sessionmaker[Session]) -> None:
    w = _world(sessions)
    march = (date(2023, 3, 1), date(2023, 4, 30))
    with sessions() as s:
        def titles(f: Filters) -> list[str]:
            return sorted(e.title_zh for e in load_entries(s, *march, f))

        assert titles(Filters(region_id=w.home_region_id)) == ["新能源汽车产业峰会"]
        assert titles(Filters(status="planned")) == ["四月的推介", "新能源汽车产业峰会"]
        assert titles(Filters(person_id=w.staff_id)) == ["新能源汽车产业峰会", "欧洲新能源汽车推介"]
        assert titles(Filters(person_id=w.leader_id)) == ["拜访博世", "晚宴", "欧洲新能源汽车推介"]
        assert titles(Filters(industry_id=w.industry_id, items=False)) == [
            "四月的推介", "新能源汽车产业峰会", "欧洲新能源汽车推介"]
        assert titles(Filters(unit_id=w.unit_id, events=False, items=False)) == [
            "四月的推介", "欧洲新能源汽车推介"]
        assert titles(Filters(trips=False, items=False)) == ["新能源汽车产业峰会"]


def test_filter_choices_list_reference_data(sessions: sessionmaker[Session]) -> None:
    w = _world(sessions)
    with sessions() as s:
        choices = filter_choices(s)
    assert [r.code for r in choices.regions] == ["EUUS", "LOCAL"]
    assert [i.id for i in choices.industries] == [w.industry_id]
    assert [p.name_zh for p in choices.people] == ["王建国", "李晓敏", "陈志强"]


def test_utc_window_covers_every_zone() -> None:
    lo, hi = utc_window(date(2023, 3, 26), date(2023, 3, 26))
    assert (hi - lo).total_seconds() == (24 + 26) * 3600


def _rows_read(session: Session) -> list[int]:
    """Counts the rows each ``session.execute`` of the feed returns."""
    counts: list[int] = []
    execute = session.execute

    def counting(*args: Any, **kwargs: Any) -> Any:
        frozen = execute(*args, **kwargs).freeze()
        counts.append(len(frozen.data))
        return frozen()

    session.execute = counting  # type: ignore[method-assign]
    return counts


def test_a_month_reads_the_same_rows_whatever_the_years_of_history(
        sessions: sessionmaker[Session]) -> None:
    """The windowing is in SQL: the trips, items and events of other years are never read."""
    w = _world(sessions)
    with sessions() as s:
        before = _rows_read(s)
        march = load_entries(s, date(2023, 3, 1), date(2023, 3, 31))
    with sessions.begin() as s:
        for year in range(2014, 2023):  # nine more years, each with a March trip and its items
            trip = make_trip(s, w, title_zh=f"{year}年欧洲推介", start_date=date(year, 3, 23),
                             end_date=date(year, 3, 30))
            for day in (24, 25):
                add_item(s, trip.id, item_draft(
                    w, starts_at=at(date(year, 3, day), "09:00", "Europe/Berlin"),
                    ends_at=at(date(year, 3, day), "11:00", "Europe/Berlin")))
    with sessions() as s:
        after = _rows_read(s)
        again = load_entries(s, date(2023, 3, 1), date(2023, 3, 31))
        everything = load_entries(s, date(2014, 1, 1), date(2023, 12, 31))
    assert sorted(e.title_zh for e in again) == sorted(e.title_zh for e in march)
    assert sum(before) >= len(march) > 0
    assert after[:len(before)] == before  # the same rows read for March 2023
    assert len([e for e in everything if e.kind is EntryKind.TRIP]) == 11
    assert sum(after[len(before):]) >= sum(before) + 27  # ten years read 9 trips, 18 items more


def test_a_month_s_items_are_read_through_their_trips(sessions: sessionmaker[Session]) -> None:
    """The items are found by their trips (the trips' date index, then the items' (trip,
    start) index), never by scanning every item that starts before the month ends (all of
    them for a recent month)."""
    from tests.models.test_speed_indexes import FULL_SCANS, captured, plan

    _world(sessions)
    action = lambda s: load_entries(s, date(2023, 3, 1), date(2023, 3, 31))  # noqa: E731
    items = [(statement, parameters)
             for statement, parameters in captured(sessions, action, "itinerary_items")]
    assert len(items) == 1
    found = plan(sessions, *items[0])
    if "SEARCH" in found or "SCAN" in found:  # SQLite
        assert "ix_itinerary_items_trip_starts" in found, found
    assert not any(scan in found for scan in (*FULL_SCANS, "SCAN itinerary_items")), found
    with sessions() as s:
        march = load_entries(s, date(2023, 3, 1), date(2023, 3, 31))
    assert len([e for e in march if e.kind is EntryKind.ITEM]) == 2  # both of the trip's
