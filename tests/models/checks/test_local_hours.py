"""Local hours: business hours per country, banquets allowed, weekends where they fall."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from models.checks import run_checks
from models.checks.settings import load_settings, set_hours, set_weekend
from models.enums import ConflictKind, ItemKind
from tests.factories import make_trip, make_world
from tests.models.checks.places import add_city, item


def _kinds(sessions: sessionmaker[Session], code: str) -> list[tuple[ConflictKind, str]]:
    with sessions() as s:
        return [(c.kind, c.message_en) for c in run_checks(s, trip_codes=[code])
                if c.kind in (ConflictKind.OUTSIDE_HOURS, ConflictKind.WEEKEND)]


def test_early_meeting_flagged_banquet_not(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=[
            item(w, date(2023, 3, 24), "07:30", "08:30", "Europe/Berlin", w.berlin_id,
                 title="早餐会", title_en="Breakfast meeting"),
            item(w, date(2023, 3, 24), "12:00", "13:30", "Europe/Berlin", w.berlin_id,
                 kind=ItemKind.BANQUET, title="午宴"),
            item(w, date(2023, 3, 24), "19:00", "21:00", "Europe/Berlin", w.berlin_id,
                 kind=ItemKind.BANQUET, title="晚宴")])
    found = _kinds(sessions, trip.code)
    assert [k for k, _ in found] == [ConflictKind.OUTSIDE_HOURS]
    assert "'Breakfast meeting' runs 07:30–08:30 local time" in found[0][1]
    with sessions.begin() as s:  # settable per country
        set_hours(s, "DE", "07:00-17:00")
        assert load_settings(s).business_hours("de")[0].hour == 7
    assert _kinds(sessions, trip.code) == []


def test_hours_on_a_daylight_saving_day_are_local(sessions: sessionmaker[Session]) -> None:
    """Monday 27 March 2023, the first day of summer time in Frankfurt: 09:00 CEST is 07:00 UTC,
    which a fixed winter offset would read as 08:00."""
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=[
            item(w, date(2023, 3, 27), "09:00", "10:00", "Europe/Berlin", w.berlin_id),
            item(w, date(2023, 3, 27), "17:30", "18:30", "Europe/Berlin", w.berlin_id,
                 place="Werk 2", title="晚会见", title_en="Late visit")])
    found = _kinds(sessions, trip.code)
    assert [k for k, _ in found] == [ConflictKind.OUTSIDE_HOURS]
    assert "17:30–18:30" in found[0][1]


def test_friday_saturday_weekend(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        riyadh = add_city(s, w, "利雅得", "Riyadh", "SA", "Asia/Riyadh")
        trip = make_trip(s, w, start_date=date(2023, 3, 23), end_date=date(2023, 3, 27),
                         city_ids=[riyadh], items=[
                             item(w, date(2023, 3, 24), "10:00", "11:00", "Asia/Riyadh", riyadh,
                                  title="周五拜访", title_en="Friday visit"),
                             item(w, date(2023, 3, 26), "10:00", "11:00", "Asia/Riyadh", riyadh,
                                  title="周日拜访", title_en="Sunday visit", place="B")])
    found = _kinds(sessions, trip.code)
    assert found == [(ConflictKind.WEEKEND, f"{trip.code}: 'Friday visit' is on Friday 24 Mar, a "
                      "weekend day in Saudi Arabia")]
    with sessions.begin() as s:
        set_weekend(s, "SA", "sat,sun")
    assert [m for _, m in _kinds(sessions, trip.code)] == [
        f"{trip.code}: 'Sunday visit' is on Sunday 26 Mar, a weekend day in Saudi Arabia"]
