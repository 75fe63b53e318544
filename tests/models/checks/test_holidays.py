"""Holidays: at the destination on trip days, in China on event days, 调休, blackout dates."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from models.changes import RecordKind
from models.checks import run_checks
from models.checks.calendars import china_day, public_holiday
from models.checks.finding import Concern
from models.checks.holidays import _china_days
from models.checks.settings import add_blackout, remove_blackout
from models.enums import ConflictKind, ItemKind, Severity
from models.operations.events import create_event
from tests.factories import make_trip, make_world
from tests.models.checks.places import add_city, event, item


def test_holiday_names_in_chinese_and_english() -> None:
    national = public_holiday("CN", date(2023, 10, 3))
    assert national is not None and (national.name_zh, national.name_en) == ("国庆节", "National Day")
    hk = public_holiday("HK", date(2023, 7, 1))
    assert hk is not None and "香港特别行政区成立纪念日" in hk.name_zh and "Establishment" in hk.name_en
    chuseok = public_holiday("KR", date(2023, 9, 29))
    assert chuseok is not None and chuseok.name_en == "Chuseok"  # no Chinese name: English
    assert public_holiday("DE", date(2023, 3, 28)) is None


def test_a_trip_over_chuseok_is_warned_with_the_days(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        seoul = add_city(s, w, "首尔", "Seoul", "KR", "Asia/Seoul")
        trip = make_trip(s, w, start_date=date(2023, 9, 27), end_date=date(2023, 9, 30),
                         city_ids=[seoul])
    with sessions() as s:
        found = [c for c in run_checks(s, trip_codes=[trip.code]) if c.kind is ConflictKind.HOLIDAY]
    # Korea names the three days apart: the day before, Chuseok, the second day
    assert len(found) == 3 and all(c.severity is Severity.WARNING for c in found)
    (chuseok,) = [c for c in found if "Public holiday in Korea, Chuseok:" in c.message_en]
    assert "韩国公众假期" in chuseok.message_zh and "9月29日" in chuseok.message_zh
    assert chuseok.concerns == (Concern(RecordKind.TRIP, trip.id, "start_date"),)


def test_golden_week_is_called_out_for_an_event_in_china(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        summit = create_event(s, event(w, date(2023, 10, 3), venue="松山湖")).value
    with sessions() as s:
        (found,) = [c for c in run_checks(s, event_codes=[summit.code])
                    if c.kind is ConflictKind.HOLIDAY]
    assert "国庆节" in found.message_zh and "国庆黄金周" in found.message_zh
    assert "National Day Golden Week" in found.message_en


def test_a_moved_working_sunday_is_a_working_day(sessions: sessionmaker[Session]) -> None:
    """8 October 2023 was a Sunday worked in exchange for the National Day holiday (调休)."""
    assert china_day(date(2023, 10, 8)).moved_workday
    with sessions.begin() as s:
        w = make_world(s)
        beijing = add_city(s, w, "北京", "Beijing", "CN", "Asia/Shanghai")
        trip = make_trip(s, w, start_date=date(2023, 10, 8), end_date=date(2023, 10, 15),
                         city_ids=[beijing], items=[
                             item(w, date(2023, 10, 8), "10:00", "11:00", "Asia/Shanghai", beijing,
                                  title="拜访（调休上班日）"),
                             item(w, date(2023, 10, 15), "10:00", "11:00", "Asia/Shanghai",
                                  beijing, title="拜访（周日）")])
        summit = create_event(s, event(w, date(2023, 10, 8))).value
    with sessions() as s:
        found = run_checks(s, trip_codes=[trip.code], event_codes=[summit.code])
    weekends = [c for c in found if c.kind is ConflictKind.WEEKEND]
    assert [("周日" in c.message_zh, "15 Oct" in c.message_en) for c in weekends] == [(True, True)]
    moved = [c for c in found if c.kind is ConflictKind.MOVED_WORKDAY]
    assert {c.codes for c in moved} == {(trip.code,), (summit.code,)}
    assert all(c.severity is Severity.NOTE and "调休上班日" in c.message_zh for c in moved)


def test_a_year_beyond_the_chinese_calendar_table_says_so() -> None:
    day = date(2099, 10, 1)
    assert not china_day(day).known
    (note,) = _china_days("EVT-2099-001", Concern(RecordKind.EVENT, 1, "starts_at"), [day])
    assert note.kind is ConflictKind.CALENDAR_UNKNOWN and note.severity is Severity.NOTE
    assert "2099 年的放假和调休安排尚未收录" in note.message_zh and "not known yet" in note.message_en


def test_blackout_dates_are_settable(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w)  # 23–30 March
        add_blackout(s, date(2023, 3, 29), date(2023, 4, 2), "全市招商工作会议")
    with sessions() as s:
        (found,) = [c for c in run_checks(s, trip_codes=[trip.code])
                    if c.kind is ConflictKind.BLACKOUT]
    assert "全市招商工作会议" in found.message_zh and "blackout" in found.message_en
    with sessions.begin() as s:
        remove_blackout(s, date(2023, 3, 29))
    with sessions() as s:
        assert not [c for c in run_checks(s, trip_codes=[trip.code])
                    if c.kind is ConflictKind.BLACKOUT]


def test_holidays_follow_the_city_of_each_day(sessions: sessionmaker[Session]) -> None:
    """Tokyo then Seoul: Korea's holiday on a day spent in Tokyo is not the delegation's."""
    with sessions.begin() as s:
        w = make_world(s)
        tokyo = add_city(s, w, "东京", "Tokyo", "JP", "Asia/Tokyo")
        seoul = add_city(s, w, "首尔", "Seoul", "KR", "Asia/Seoul")
        trip = make_trip(s, w, start_date=date(2023, 3, 1), end_date=date(2023, 3, 3),
                         city_ids=[tokyo, seoul], items=[
                             item(w, date(2023, 3, 1), "10:00", "11:00", "Asia/Tokyo", tokyo),
                             item(w, date(2023, 3, 2), "08:00", "10:00", "Asia/Tokyo", tokyo,
                                  kind=ItemKind.FLIGHT, title="东京—首尔航班"),
                             item(w, date(2023, 3, 2), "14:00", "15:00", "Asia/Seoul", seoul)])
    with sessions() as s:
        holidays = [c for c in run_checks(s, trip_codes=[trip.code])
                    if c.kind is ConflictKind.HOLIDAY]
    assert holidays == []  # 1 March (Korea's Independence Movement Day) is spent in Tokyo
