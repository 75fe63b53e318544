"""Every validation rule raises one ValidationError, names the field, and writes nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.enums import EventKind, LeadStage, MemberRole, PersonKind, TripStatus
from models.errors import ConcurrentEditError, ValidationError
from models.events import ThemedEvent
from models.language import Lang
from models.operations import directory, events, leads, trips
from models.operations.events import EventDraft, SessionDraft
from models.operations.leads import LeadDraft
from models.timeutil import at, local_to_utc
from models.trips import ItineraryItem, Trip
from tests.factories import World, item_draft, make_trip, make_world


@pytest.fixture
def world(sessions: sessionmaker[Session]) -> World:
    with sessions.begin() as s:
        return make_world(s)


def _count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def _refused(sessions: sessionmaker[Session], field: str, action: Any) -> ValidationError:
    """Run ``action(session)`` in a transaction; it must raise on ``field`` and write nothing."""
    before = (_count(sessions, Trip), _count(sessions, ItineraryItem), _count(sessions, ThemedEvent))
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        action(s)
    assert caught.value.field == field
    assert caught.value.message_zh and caught.value.message_en
    after = (_count(sessions, Trip), _count(sessions, ItineraryItem), _count(sessions, ThemedEvent))
    assert after == before
    return caught.value


def _event(w: World, **overrides: Any) -> EventDraft:
    values: dict[str, Any] = dict(
        kind=EventKind.INDUSTRY_SUMMIT, title_zh="新能源汽车产业峰会",
        starts_at=at(date(2023, 6, 1), "09:00", "Asia/Shanghai"),
        ends_at=at(date(2023, 6, 1), "17:00", "Asia/Shanghai"), timezone="Asia/Shanghai",
        venue="东莞国际会展中心", city_id=w.dongguan_id, host_unit_id=w.unit_id,
    )
    values.update(overrides)
    return EventDraft(**values)


def test_empty_trip_title(sessions: sessionmaker[Session], world: World) -> None:
    err = _refused(sessions, "title_zh", lambda s: make_trip(s, world, title_zh="  "))
    assert "不能为空" in err.message_zh


def test_mojibake_in_a_name_is_refused(sessions: sessionmaker[Session], world: World) -> None:
    _refused(sessions, "title_zh", lambda s: make_trip(s, world, title_zh="推介\ufffd\ufffd会"))


def test_trip_end_before_start(sessions: sessionmaker[Session], world: World) -> None:
    _refused(sessions, "end_date",
             lambda s: make_trip(s, world, start_date=date(2023, 3, 5), end_date=date(2023, 3, 1)))


def test_trip_of_more_than_sixty_days(sessions: sessionmaker[Session], world: World) -> None:
    _refused(sessions, "end_date",
             lambda s: make_trip(s, world, start_date=date(2023, 1, 1), end_date=date(2023, 6, 1)))


def test_item_end_before_start(sessions: sessionmaker[Session], world: World) -> None:
    bad = item_draft(world, start="11:00", end="09:00")
    _refused(sessions, "ends_at",
             lambda s: make_trip(s, world, items=[bad]))


def test_unknown_time_zone(sessions: sessionmaker[Session], world: World) -> None:
    bad = item_draft(world)
    bad.timezone = "CST"
    err = _refused(sessions, "timezone", lambda s: make_trip(s, world, items=[bad]))
    assert "IANA" in err.message_en


def test_time_skipped_by_daylight_saving_is_refused() -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        local_to_utc(datetime(2023, 3, 26, 2, 30), "Europe/Berlin")


def test_item_outside_its_trip(sessions: sessionmaker[Session], world: World) -> None:
    late = item_draft(world, day=31)
    err = _refused(sessions, "starts_at", lambda s: make_trip(s, world, items=[late]))
    assert err.message_zh == ("行程事项“拜访博世”（03-31—03-31，当地时间）超出了"
                              "推广活动 TRIP-2023-001 的日期 03-23—03-30")


def test_item_outside_trip_uses_local_date(sessions: sessionmaker[Session], world: World) -> None:
    """23:30 in Frankfurt on the last day is the next morning in Beijing, yet still inside."""
    with sessions.begin() as s:
        make_trip(s, world, items=[item_draft(world, day=30, start="22:00", end="23:30")])
    assert _count(sessions, ItineraryItem) == 1


def test_shortening_a_trip_that_would_strand_items(
    sessions: sessionmaker[Session], world: World
) -> None:
    with sessions.begin() as s:
        code = make_trip(s, world, items=[item_draft(world, day=29)]).code

    def shorten(s: Session) -> None:
        draft = trips.trip_draft(s, code)
        draft.end_date = date(2023, 3, 25)
        draft.items = None
        trips.update_trip(s, code, draft)

    _refused(sessions, "starts_at", shorten)


def test_duplicate_trip_code(sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        make_trip(s, world, code="TRIP-2023-007")
    err = _refused(sessions, "code", lambda s: make_trip(s, world, code="trip-2023-007"))
    assert "TRIP-2023-007" in err.message_zh


def test_malformed_code(sessions: sessionmaker[Session], world: World) -> None:
    _refused(sessions, "code", lambda s: make_trip(s, world, code="第七团"))


def test_delegate_who_is_not_a_person(sessions: sessionmaker[Session], world: World) -> None:
    _refused(sessions, "members",
             lambda s: make_trip(s, world, members=[(9999, MemberRole.MEMBER)]))


def test_leader_who_is_not_a_person(sessions: sessionmaker[Session], world: World) -> None:
    _refused(sessions, "leader_id", lambda s: make_trip(s, world, leader_id=424242))


def test_delegate_listed_twice(sessions: sessionmaker[Session], world: World) -> None:
    twice = [(world.staff_id, MemberRole.MEMBER), (world.staff_id, MemberRole.LIAISON)]
    _refused(sessions, "members", lambda s: make_trip(s, world, members=twice))


def test_attendee_outside_the_delegation(sessions: sessionmaker[Session], world: World) -> None:
    bad = item_draft(world, attendee_ids=[world.delegate_id])
    err = _refused(sessions, "attendee_ids", lambda s: make_trip(s, world, items=[bad]))
    assert "陈志强" in err.message_zh


def test_unknown_region(sessions: sessionmaker[Session], world: World) -> None:
    _refused(sessions, "region_id", lambda s: make_trip(s, world, region_id=77))


def test_status_must_follow_the_flow(sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        code = make_trip(s, world).code
    _refused(sessions, "status", lambda s: trips.set_trip_status(s, code, TripStatus.DONE))
    with sessions.begin() as s:
        trips.set_trip_status(s, code, TripStatus.PLANNED)
        trips.set_trip_status(s, code, TripStatus.APPROVED)
        row = trips.set_trip_status(s, code, TripStatus.UNDERWAY).value
    assert row.status is TripStatus.UNDERWAY


def test_cancelling_needs_a_reason(sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        code = make_trip(s, world).code
    _refused(sessions, "cancel_reason", lambda s: trips.cancel_trip(s, code, " "))
    with sessions.begin() as s:
        row = trips.cancel_trip(s, code, "签证未获批").value
    assert row.status is TripStatus.CANCELLED


def test_stale_revision_is_a_concurrent_edit(sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        code = make_trip(s, world).code
    with sessions.begin() as s:
        draft = trips.trip_draft(s, code)
        draft.title_zh = "第一次修改"
        trips.update_trip(s, code, draft, expected_revision=1)
    with pytest.raises(ConcurrentEditError) as caught, sessions.begin() as s:
        draft = trips.trip_draft(s, code)
        trips.update_trip(s, code, draft, expected_revision=1)
    assert caught.value.actual == 2


def test_event_rules(sessions: sessionmaker[Session], world: World) -> None:
    w = world
    _refused(sessions, "title_zh", lambda s: events.create_event(s, _event(w, title_zh="")))
    _refused(sessions, "ends_at", lambda s: events.create_event(
        s, _event(w, ends_at=at(date(2023, 6, 1), "08:00", "Asia/Shanghai"))))
    _refused(sessions, "timezone", lambda s: events.create_event(s, _event(w, timezone="GMT+8")))
    _refused(sessions, "capacity", lambda s: events.create_event(s, _event(w, capacity=-5)))
    _refused(sessions, "lead_person_id",
             lambda s: events.create_event(s, _event(w, lead_person_id=31337)))
    outside = SessionDraft("主旨演讲", at(date(2023, 6, 2), "09:00", "Asia/Shanghai"),
                           at(date(2023, 6, 2), "10:00", "Asia/Shanghai"))
    _refused(sessions, "sessions", lambda s: events.create_event(s, _event(w, sessions=[outside])))
    with sessions.begin() as s:
        events.create_event(s, _event(w, code="EVT-2023-012"))
    _refused(sessions, "code", lambda s: events.create_event(s, _event(w, code="EVT-2023-012")))


def test_person_and_organisation_rules(sessions: sessionmaker[Session], world: World) -> None:
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        directory.create_person(s, directory.PersonDraft("", PersonKind.DELEGATE))
    assert caught.value.field == "name_zh"
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        directory.create_person(s, directory.PersonDraft("张三", email="not-an-email"))
    assert caught.value.field == "email"
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        directory.create_organisation(s, directory.OrganisationDraft("博世集团"))
    assert caught.value.field == "name_zh"  # duplicate name
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        directory.create_organisation(
            s, directory.OrganisationDraft("某公司", fortune_global_500_rank=501))
    assert caught.value.field == "fortune_global_500_rank"


def test_lead_rules(sessions: sessionmaker[Session], world: World) -> None:
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        leads.create_lead(s, LeadDraft("电池工厂", world.org_id, amount_cny=-1))
    assert caught.value.field == "amount_cny"
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        leads.create_lead(s, LeadDraft("电池工厂", 999, amount_cny=1))
    assert caught.value.field == "organisation_id"
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        leads.create_lead(s, LeadDraft("电池工厂", world.org_id, amount_cny=1,
                                       first_contact_on=date(2023, 5, 1),
                                       signed_on=date(2023, 4, 1)))
    assert caught.value.field == "signed_on"
    with sessions.begin() as s:
        row = leads.create_lead(s, LeadDraft("电池工厂", world.org_id, 6_000_000_000,
                                             LeadStage.NEGOTIATION)).value
    assert row.code == "LEAD-2023-001" and row.is_flagship


def test_messages_read_as_one_line(sessions: sessionmaker[Session], world: World) -> None:
    err = _refused(sessions, "end_date", lambda s: make_trip(
        s, world, start_date=date(2023, 3, 5), end_date=date(2023, 3, 1)))
    assert "\n" not in str(err)
    assert str(err) == f"{err.message_zh} ({err.message_en})"
    assert err.text(Lang.EN) == err.message_en


def test_draft_round_trip_and_delete_undo(sessions: sessionmaker[Session], world: World) -> None:
    """delete_trip returns a draft that re-creates the same trip (what undo relies on)."""
    with sessions.begin() as s:
        row = make_trip(s, world, items=[item_draft(world), item_draft(world, day=27)])
    with sessions.begin() as s:
        draft = trips.delete_trip(s, row.code).value
    assert _count(sessions, Trip) == 0
    with sessions.begin() as s:
        again = trips.create_trip(s, draft).value
    assert (again.code, again.uuid) == (row.code, row.uuid)
    assert _count(sessions, ItineraryItem) == 2


def test_move_trip_keeps_local_clock_across_dst(
    sessions: sessionmaker[Session], world: World
) -> None:
    with sessions.begin() as s:
        code = make_trip(s, world, items=[item_draft(world, day=24, start="09:00", end="10:00")]).code
    with sessions.begin() as s:
        trips.move_trip(s, code, days=3)
    with sessions() as s:
        item = s.scalars(select(ItineraryItem)).one()
        assert item.starts_at.isoformat() == "2023-03-27T07:00:00+00:00"  # 09:00 CEST
        trip = s.scalars(select(Trip)).one()
        assert trip.start_date == date(2023, 3, 26)


def test_duplicate_trip_as_template(sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        code = make_trip(s, world, items=[item_draft(world)]).code
        trips.cancel_trip(s, code, "改期")
    with sessions.begin() as s:
        copy = trips.duplicate_trip(s, code, date(2023, 9, 10)).value
    assert copy.code == "TRIP-2023-002"
    assert copy.status is TripStatus.DRAFT
    assert copy.end_date - copy.start_date == timedelta(days=7)
