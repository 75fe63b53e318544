"""People: travel time between a trip abroad and an event at home, trips a month."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from models.checks import run_checks
from models.checks.settings import set_number
from models.enums import ConflictKind, MemberRole, Severity
from models.operations.events import create_event
from tests.factories import make_trip, make_world
from tests.models.checks.places import event


def test_no_time_to_fly_home_for_an_event(sessions: sessionmaker[Session]) -> None:
    """Frankfurt until the end of 30 March, and hosting a meeting in Dongguan on the 31st at
    14:00 Beijing time: eight hours after midnight in Frankfurt, twelve are needed."""
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w)  # 23–30 March, Li Xiaomin is a member, not the leader
        meeting = create_event(s, event(w, date(2023, 3, 31), lead_person_id=w.staff_id)).value
    with sessions() as s:
        found = [c for c in run_checks(s, trip_codes=[trip.code])
                 if c.kind is ConflictKind.PERSON_DOUBLE_BOOKED]
    assert [(c.severity, c.codes) for c in found] == [(Severity.WARNING, (trip.code, meeting.code))]
    assert "来不及赶到" in found[0].message_zh and "at least" not in found[0].message_en
    assert "the journey takes 12 h or more" in found[0].message_en
    with sessions.begin() as s:
        set_number(s, "travel_hours_between_countries", 6)
    with sessions() as s:
        assert not [c for c in run_checks(s, trip_codes=[trip.code])
                    if c.kind is ConflictKind.PERSON_DOUBLE_BOOKED]


def test_a_delegate_on_too_many_trips_in_a_month(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        codes = [make_trip(s, w, start_date=date(2023, 5, d), end_date=date(2023, 5, d + 2),
                           leader_id=None, members=[(w.delegate_id, MemberRole.MEMBER)]).code
                 for d in (2, 12, 22)]
    with sessions() as s:
        found = [c for c in run_checks(s, trip_codes=codes[:1])
                 if c.kind is ConflictKind.TRIPS_PER_MONTH]
    assert [c.codes for c in found] == [tuple(codes)]
    assert "陈志强 2023 年 5 月参加 3 次出访" in found[0].message_zh
    assert "more than 2 a month" in found[0].message_en
    with sessions.begin() as s:
        set_number(s, "max_trips_per_month", 3)
    with sessions() as s:
        assert not [c for c in run_checks(s) if c.kind is ConflictKind.TRIPS_PER_MONTH]
