"""Acknowledged warnings: who, when, why; open again when the records concerned change."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.checks import acknowledge, find_finding, run_checks, unacknowledge
from models.enums import ConflictKind, MemberRole
from models.errors import ValidationError
from models.operations.trips import trip_draft, update_trip
from tests.factories import make_trip, make_world
from tests.models.checks.places import item

WHEN = datetime(2023, 3, 1, 9, 0, tzinfo=UTC)


def _weekend(sessions: sessionmaker[Session], code: str) -> list:
    with sessions() as s:
        return [c for c in run_checks(s, trip_codes=[code]) if c.kind is ConflictKind.WEEKEND]


def test_an_acknowledged_warning_reopens_when_its_trip_changes(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=[item(w, date(2023, 3, 25), "10:00", "11:00",
                                           "Europe/Berlin", w.berlin_id)])  # a Saturday
    (warning,) = _weekend(sessions, trip.code)
    with sessions.begin() as s:
        ack = acknowledge(s, find_finding(s, warning.id), "对方周六专门接待", by="张敏", at=WHEN)
    assert (ack.by, ack.reason) == ("张敏", "对方周六专门接待")
    (acked,) = _weekend(sessions, trip.code)
    assert acked.id == warning.id and acked.ack == ack and not acked.is_open
    with sessions.begin() as s:  # an edit elsewhere in the plan leaves it acknowledged
        make_trip(s, w, title_zh="另一次出访", start_date=date(2023, 6, 1),
                  end_date=date(2023, 6, 3), members=[(w.delegate_id, MemberRole.MEMBER)])
    assert not _weekend(sessions, trip.code)[0].is_open
    with sessions.begin() as s:  # the trip changes: the warning opens again
        draft = trip_draft(s, trip.code)
        update_trip(s, trip.code, replace(draft, purpose="改为拜访大众汽车"))
    (reopened,) = _weekend(sessions, trip.code)
    assert reopened.id == warning.id and reopened.is_open


def test_errors_cannot_be_acknowledged_and_reasons_are_required(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=[item(w, date(2023, 3, 25), "10:00", "11:00",
                                           "Europe/Berlin", w.berlin_id)])
        make_trip(s, w, title_zh="重叠出访", start_date=date(2023, 3, 28), end_date=date(2023, 4, 2))
    with sessions.begin() as s:
        found = run_checks(s, trip_codes=[trip.code])
        error = next(c for c in found if c.kind is ConflictKind.PERSON_DOUBLE_BOOKED)
        with pytest.raises(ValidationError, match="不能确认忽略"):
            acknowledge(s, error, "理由")
        warning = next(c for c in found if c.kind is ConflictKind.WEEKEND)
        with pytest.raises(ValidationError, match="理由"):
            acknowledge(s, warning, "  ")
        acknowledge(s, warning, "已确认", by="李晓敏")
    with sessions.begin() as s:
        unacknowledge(s, warning.id)
    assert _weekend(sessions, trip.code)[0].is_open
