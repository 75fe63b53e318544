"""The leader-in-delegation rule, and undo taking back a status step (never jumping)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.enums import MemberRole, TripStatus
from models.errors import ValidationError
from models.operations import trips
from models.queries import trip_detail
from tests.factories import World, make_trip, make_world, trip_draft


@pytest.fixture
def world(sessions: sessionmaker[Session]) -> World:
    with sessions.begin() as s:
        return make_world(s)


def test_the_leader_leads_the_delegation(world: World) -> None:
    draft = trip_draft(world, members=[(world.staff_id, MemberRole.LIAISON)])
    assert trips.delegation(draft) == [(world.leader_id, MemberRole.LEADER),
                                       (world.staff_id, MemberRole.LIAISON)]
    named = trip_draft(world, members=[(world.staff_id, MemberRole.LIAISON),
                                       (world.leader_id, MemberRole.MEMBER)])
    assert trips.delegation(named) == named.members  # already there: kept as given
    assert trips.delegation(replace(draft, leader_id=None)) == draft.members


def test_the_stored_delegation_is_the_rule_s(sessions: sessionmaker[Session],
                                             world: World) -> None:
    draft = trip_draft(world, members=[(world.delegate_id, MemberRole.MEMBER)])
    with sessions.begin() as s:
        code = trips.create_trip(s, draft).value.code
        stored = trips.trip_draft(s, code).members
    assert stored == trips.delegation(draft)


def _status(sessions: sessionmaker[Session], code: str, status: TripStatus,
            revert: bool = False) -> None:
    with sessions.begin() as s:
        draft = replace(trips.trip_draft(s, code), status=status)
        (trips.revert_trip if revert else trips.update_trip)(s, code, draft)


def _stored(sessions: sessionmaker[Session], code: str) -> TripStatus:
    with sessions() as s:
        return trip_detail(s, code).status


def test_revert_takes_back_a_step_of_the_flow(sessions: sessionmaker[Session],
                                              world: World) -> None:
    with sessions.begin() as s:
        code = make_trip(s, world).code
    for status in (TripStatus.PLANNED, TripStatus.APPROVED, TripStatus.UNDERWAY, TripStatus.DONE):
        _status(sessions, code, status)
    with pytest.raises(ValidationError) as caught:
        _status(sessions, code, TripStatus.UNDERWAY)  # an edit does not go backwards
    assert caught.value.field == "status"
    _status(sessions, code, TripStatus.UNDERWAY, revert=True)  # undo of UNDERWAY -> DONE
    assert _stored(sessions, code) is TripStatus.UNDERWAY


def test_revert_never_jumps(sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        code = make_trip(s, world).code
    for status in (TripStatus.PLANNED, TripStatus.APPROVED):
        _status(sessions, code, status)
    with pytest.raises(ValidationError) as caught:
        _status(sessions, code, TripStatus.DRAFT, revert=True)  # DRAFT -> APPROVED is no step
    assert caught.value.field == "status"
    assert _stored(sessions, code) is TripStatus.APPROVED


def test_revert_brings_a_cancelled_trip_back_to_where_it_was(sessions: sessionmaker[Session],
                                                             world: World) -> None:
    with sessions.begin() as s:
        code = make_trip(s, world).code
        trips.set_trip_status(s, code, TripStatus.PLANNED)
        before = trips.trip_draft(s, code)
        trips.cancel_trip(s, code, "签证未获批")
    with sessions.begin() as s:
        trips.revert_trip(s, code, before)
    with sessions() as s:
        trip = trip_detail(s, code)
    assert (trip.status, trip.cancel_reason) == (TripStatus.PLANNED, "")
