"""The audit history: who, when, which fields, old and new values, for a sequence of edits."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, configure_mappers, sessionmaker

from models.audit import actor
from models.audit.history import AuditRow, find_record, record_history
from models.audit.inspection import tracked_collections
from models.audit.labels import PART_TABLES, describe_value, field_label
from models.audit.table import AuditEntry
from models.base import Base
from models.enums import EventKind, MemberRole, RsvpState, TripStatus
from models.errors import NotFoundError, ValidationError
from models.language import Lang
from models.operations.directory import PersonDraft, person_draft, update_person
from models.operations.events import EventDraft, create_event, set_rsvp
from models.operations.items import add_item, delete_item, move_item
from models.operations.trips import delete_trip, trip_draft, update_trip
from models.record_types import RecordType
from models.rows import EventRow
from models.timeutil import at
from models.trips import Trip
from tests.factories import World, item_draft, make_trip, make_world


def make_event(s: Session, w: World) -> EventRow:
    return create_event(s, EventDraft(
        kind=EventKind.VIP_MEETING, title_zh="投资东莞尊享会",
        starts_at=at(date(2023, 4, 10), "14:00", "Asia/Shanghai"),
        ends_at=at(date(2023, 4, 10), "17:00", "Asia/Shanghai"), timezone="Asia/Shanghai",
        venue="东莞国际会展中心", city_id=w.dongguan_id)).value


@pytest.fixture(autouse=True)
def _actor() -> Iterator[None]:
    actor.set_actor("李晓敏@松山湖")
    yield
    actor.set_actor(None)


def signed_in_role(s: Session) -> str | None:
    """On PostgreSQL the history's actor is the role signed in (the database records it)."""
    if s.get_bind().dialect.name != "postgresql":
        return None
    return str(s.execute(text("SELECT session_user")).scalar_one())


def changes_of(entry: AuditRow) -> dict[str, tuple[object, object]]:
    return {c.field: (c.old, c.new) for c in entry.changes}


def test_a_sequence_of_edits_is_recorded_field_by_field(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=[item_draft(w)])
    with sessions.begin() as s:
        draft = trip_draft(s, trip.code)
        draft = replace(draft, title_zh="欧洲新能源汽车及储能推介", status=TripStatus.PLANNED,
                        members=[(w.leader_id, MemberRole.LEADER), (w.delegate_id, MemberRole.MEMBER)],
                        city_ids=[w.berlin_id, w.dongguan_id])
        update_trip(s, trip.code, draft, expected_revision=1)
    with sessions.begin() as s:
        actor.set_actor("王五@市投促局")
        item_id = add_item(s, trip.code, item_draft(w, day=25, title_zh="储能企业座谈")).value
    with sessions.begin() as s:
        move_item(s, item_id, delta=timedelta(hours=2))
    with sessions.begin() as s:
        delete_item(s, item_id)

    with sessions() as s:
        history = record_history(s, RecordType.TRIPS, trip.id)
        signed_in = signed_in_role(s)
    assert [(e.action, e.record_type) for e in history] == [
        ("create", "trips"), ("create", "itinerary_items"), ("update", "trips"),
        ("create", "itinerary_items"), ("update", "itinerary_items"), ("delete", "itinerary_items"),
    ]
    created, _, edited, added, moved, deleted = history
    assert created.actor == (signed_in or "李晓敏@松山湖") and created.revision == 1
    assert changes_of(created)["title_zh"] == (None, "欧洲新能源汽车推介")
    assert changes_of(created)["leader"] == (None, "王建国")
    assert changes_of(created)["members"][1] == [
        {"person": "王建国", "role": "leader"}, {"person": "李晓敏", "role": "liaison"}]

    assert edited.revision == 2 and edited.actor == (signed_in or "李晓敏@松山湖")
    assert changes_of(edited) == {
        "title_zh": ("欧洲新能源汽车推介", "欧洲新能源汽车及储能推介"),
        "status": ("draft", "planned"),
        "cities": (["法兰克福"], ["东莞", "法兰克福"]),
        "members": ([{"person": "王建国", "role": "leader"}, {"person": "李晓敏", "role": "liaison"}],
                    [{"person": "王建国", "role": "leader"}, {"person": "陈志强", "role": "member"}]),
    }
    assert added.actor == (signed_in or "王五@市投促局") and added.parent_id == trip.id
    assert changes_of(moved) == {
        "starts_at": ("2023-03-25T09:00:00+01:00", "2023-03-25T11:00:00+01:00"),
        "ends_at": ("2023-03-25T11:00:00+01:00", "2023-03-25T13:00:00+01:00"),
    }
    assert changes_of(deleted)["title_zh"] == ("储能企业座谈", None)  # the content is kept
    assert all(e.at.tzinfo is not None for e in history)
    assert [e.at for e in history] == sorted(e.at for e in history)


def test_history_reads_in_both_languages(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w)
        update_trip(s, trip.code, replace(trip_draft(s, trip.code), status=TripStatus.PLANNED))
    with sessions() as s:
        edited = record_history(s, RecordType.TRIPS, trip.id)[-1]
    change = edited.changes[0]
    assert field_label(change.field) == "状态" and field_label(change.field, Lang.EN) == "status"
    assert describe_value("trips", "status", change.new) == TripStatus.PLANNED.zh
    assert describe_value("trips", "status", change.new, Lang.EN) == TripStatus.PLANNED.en
    assert describe_value("itinerary_items", "starts_at", "2023-03-24T09:00:00+01:00") == (
        "2023-03-24 09:00 (UTC+01:00)")
    assert edited.what() == f"推广活动 {trip.code}" and edited.what(Lang.EN) == f"trip {trip.code}"
    assert field_label("title_zh", Lang.ZH, RecordType.PEOPLE) == "职务"


def test_a_rolled_back_save_leaves_no_history(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w)
    with sessions() as s:
        before = s.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(ValidationError), sessions.begin() as s:
        update_trip(s, trip.code, replace(trip_draft(s, trip.code), title_zh="新名称"))
        raise ValidationError("title_zh", "模拟失败", "simulated failure")
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == before
        assert s.scalars(select(Trip.title_zh)).one() == "欧洲新能源汽车推介"


def test_parts_of_a_record_raise_its_revision(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w)
        event = make_event(s, w)
    with sessions.begin() as s:
        add_item(s, trip.code, item_draft(w))
    with sessions.begin() as s:
        draft = replace(trip_draft(s, trip.code), target_ids=[])  # only a link table changes
        update_trip(s, trip.code, draft)
    with sessions.begin() as s:
        set_rsvp(s, event.code, w.org_id, RsvpState.ACCEPTED, guests=3)
    with sessions() as s:
        assert s.scalars(select(Trip.revision)).one() == 3
        history = record_history(s, RecordType.TRIPS, trip.id)
        assert changes_of(history[-1])["targets"] == (["博世集团"], [])
        event_history = record_history(s, RecordType.THEMED_EVENTS, event.id)
    invitations = changes_of(event_history[-1])["invitations"]
    assert invitations[1] == [{"organisation": "博世集团", "rsvp": "accepted", "guests": 3, "notes": ""}]
    assert describe_value("themed_events", "invitations", invitations[1]) == (
        f"博世集团（{RsvpState.ACCEPTED.zh}，3）")


def test_a_deleted_trip_keeps_its_history(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=[item_draft(w)])
    with sessions.begin() as s:
        delete_trip(s, trip.code)
    with sessions() as s:
        record_type, record_id, label = find_record(s, trip.code.lower())
        assert (record_type, record_id, label) == (RecordType.TRIPS, trip.id, trip.code)
        history = record_history(s, RecordType.TRIPS, trip.id)
        with pytest.raises(NotFoundError):
            find_record(s, "TRIP-2023-999")
    assert [e.action for e in history] == ["create", "create", "delete", "delete"]
    gone = next(e for e in history if e.action == "delete" and e.record_type == "trips")
    assert changes_of(gone)["purpose"] == ("拜访博世总部，推介松山湖。", None)


# on PostgreSQL the database says who (the role signed in): tests/models/test_history_by_database.py
@pytest.mark.backends("sqlite")
def test_who_comes_from_the_session_the_program_or_the_system(
    sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch,
) -> None:
    with sessions.begin() as s:
        make_world(s)
    with sessions.begin() as s:
        s.info["actor"] = "张三"
        update_person(s, 1, replace(person_draft(s, 1), phone="0769-12345678"))
    actor.set_actor(None)
    monkeypatch.setenv(actor.ACTOR_VAR, "前台电脑")
    with sessions.begin() as s:
        update_person(s, 1, replace(person_draft(s, 1), phone="0769-87654321"))
    monkeypatch.delenv(actor.ACTOR_VAR)
    with sessions.begin() as s:
        update_person(s, 1, PersonDraft("王建国", person_draft(s, 1).kind, email="w@dg.gov.cn"))
    with sessions() as s:
        actors = [e.actor for e in record_history(s, RecordType.PEOPLE, 1)]
    assert actors[:3] == ["李晓敏@松山湖", "张三", "前台电脑"]
    assert actors[3] == actor.default_actor() and "@" in actors[3]


def test_unknown_kind_of_record_is_refused(sessions: sessionmaker[Session]) -> None:
    with sessions() as s, pytest.raises(NotFoundError):
        record_history(s, "invoices", 1)


def test_the_written_out_part_tables_are_the_mappings_collections_of_parts() -> None:
    """``labels.PART_TABLES`` (read without configuring the mappers) is what the mappings say:
    every collection the history records as parts, and the table of its parts."""
    configure_mappers()
    found = {(mapper.local_table.name, rel.key): rel.mapper.local_table.name
             for mapper in Base.registry.mappers for rel in tracked_collections(mapper)
             if rel.secondary is None}
    assert found == PART_TABLES
    assert describe_value("trips", "members", [{"person": "王建国", "role": "leader"}]) == (
        "王建国（团长）")  # the role read as the parts table's enum
