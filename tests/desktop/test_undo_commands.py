"""Each edit is one transaction, undone and redone through the model's operations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from desktop.context import AppContext
from desktop.editors.saving import save
from desktop.undo.directory import (
    CreateOrganisation,
    CreatePerson,
    DeleteOrganisation,
    DeletePerson,
    EditOrganisation,
    EditPerson,
)
from desktop.undo.events import CancelEvent, CreateEvent, DeleteEvent, DuplicateEvent, EditEvent, MoveEvent
from desktop.undo.trips import (
    AddItem,
    CancelTrip,
    CreateTrip,
    DeleteItem,
    DeleteTrip,
    DuplicateTrip,
    EditItem,
    EditTrip,
    MoveTrip,
)
from models import queries
from models.changes import OpChanges, RecordKind
from models.enums import EventStatus, PersonKind, TripStatus
from models.errors import NotFoundError
from models.operations.directory import (
    OrganisationDraft,
    PersonDraft,
    organisation_draft,
    person_draft,
)
from models.operations.events import event_draft
from models.operations.items import item_draft as item_draft_of
from models.operations.trips import trip_draft, update_trip
from models.trips import ItineraryItem
from tests.desktop.conftest import Small
from tests.desktop.conftest import event_draft as new_event_draft
from tests.factories import item_draft
from tests.factories import trip_draft as new_trip_draft


class Recorder:
    """Collects what ``save`` reports instead of an editor."""

    def __init__(self) -> None:
        self.fields: list[tuple[str, str]] = []
        self.problems: list[str] = []

    def clear_errors(self) -> None:
        self.fields.clear()
        self.problems.clear()

    def show_field_error(self, field: str, message: str) -> None:
        self.fields.append((field, message))

    def show_problem(self, message: str, retry_possible: bool) -> None:
        self.problems.append(message)


def trip_codes(ctx: AppContext) -> list[str]:
    with ctx.sessions() as session:
        return [t.code for t in queries.list_trips(session)]


def test_create_trip_undo_redo_keeps_code_and_uuid(ctx: AppContext, small: Small,
                                                   qtbot: QtBot) -> None:
    changes: list[OpChanges] = []
    ctx.data_changed.connect(changes.append)
    command = CreateTrip(ctx, new_trip_draft(small.world, title_zh="日韩推介", items=[
        item_draft(small.world)]))
    assert save(ctx, command, Recorder())
    assert ctx.undo_stack.count() == 1
    code = command.code
    with ctx.sessions() as session:
        first = queries.trip_detail(session, code)
    assert first.id in changes[-1].ids_of(RecordKind.TRIP)
    assert {i.id for i in first.items} == changes[-1].ids_of(RecordKind.ITEM)
    ctx.undo_stack.undo()
    assert code not in trip_codes(ctx)
    ctx.undo_stack.redo()
    with ctx.sessions() as session:
        again = queries.trip_detail(session, code)
    assert again.uuid == first.uuid
    assert [i.uuid for i in again.items] == [i.uuid for i in first.items]


def test_edit_trip_restores_status_on_undo(ctx: AppContext, small: Small, qtbot: QtBot) -> None:
    code = small.trip.code
    with ctx.sessions.begin() as session:
        update_trip(session, code, replace(trip_draft(session, code), status=TripStatus.PLANNED))
        update_trip(session, code, replace(trip_draft(session, code), status=TripStatus.APPROVED))
        update_trip(session, code, replace(trip_draft(session, code), status=TripStatus.UNDERWAY))
        before = trip_draft(session, code)
        revision = queries.trip_detail(session, code).revision
    after = replace(before, status=TripStatus.DONE, title_zh="已完成的推介")
    assert save(ctx, EditTrip(ctx, code, before, after, revision), Recorder())
    ctx.undo_stack.undo()  # DONE -> UNDERWAY is not a forward step: restored all the same
    with ctx.sessions() as session:
        trip = queries.trip_detail(session, code)
    assert (trip.status, trip.title_zh) == (TripStatus.UNDERWAY, before.title_zh)
    ctx.undo_stack.redo()
    with ctx.sessions() as session:
        assert queries.trip_detail(session, code).status is TripStatus.DONE


def test_edit_with_a_stale_revision_is_refused(ctx: AppContext, small: Small,
                                               qtbot: QtBot) -> None:
    code = small.trip.code
    with ctx.sessions() as session:
        before = trip_draft(session, code)
    recorder = Recorder()
    stale = EditTrip(ctx, code, before, replace(before, title_zh="新"), small.trip.revision - 1)
    assert not save(ctx, stale, recorder)
    assert "已被他人修改" in recorder.problems[0]
    assert ctx.undo_stack.count() == 0


def test_validation_error_reaches_the_field(ctx: AppContext, small: Small,
                                            qtbot: QtBot) -> None:
    recorder = Recorder()
    bad = new_trip_draft(small.world, start_date=date(2023, 5, 10), end_date=date(2023, 5, 1))
    assert not save(ctx, CreateTrip(ctx, bad), recorder)
    assert recorder.fields[0][0] == "end_date"
    assert ctx.undo_stack.count() == 0


def test_delete_cancel_move_duplicate_trip(ctx: AppContext, small: Small, qtbot: QtBot) -> None:
    code = small.trip.code
    stack = ctx.undo_stack
    assert save(ctx, CancelTrip(ctx, code, "合作方推迟"), Recorder())
    with ctx.sessions() as session:
        cancelled = queries.trip_detail(session, code)
    assert (cancelled.status, cancelled.cancel_reason) == (TripStatus.CANCELLED, "合作方推迟")
    stack.undo()
    with ctx.sessions() as session:
        restored = queries.trip_detail(session, code)
    assert (restored.status, restored.cancel_reason) == (TripStatus.DRAFT, "")

    assert save(ctx, MoveTrip(ctx, code, 3), Recorder())
    with ctx.sessions() as session:
        moved = queries.trip_detail(session, code)
    assert moved.start_date == date(2023, 3, 26)
    assert moved.items[0].local_start.hour == 9  # local clock kept across the DST change
    stack.undo()
    with ctx.sessions() as session:
        assert queries.trip_detail(session, code).start_date == date(2023, 3, 23)

    duplicate = DuplicateTrip(ctx, code, date(2023, 9, 4), "欧洲推介（九月）")
    assert save(ctx, duplicate, Recorder())
    with ctx.sessions() as session:
        copy = queries.trip_detail(session, duplicate.code)
    assert (copy.start_date, copy.title_zh, len(copy.items)) == (date(2023, 9, 4),
                                                                  "欧洲推介（九月）", 1)
    stack.undo()
    assert duplicate.code not in trip_codes(ctx)
    stack.redo()
    assert duplicate.code in trip_codes(ctx)

    with ctx.sessions() as session:
        uuid = queries.trip_detail(session, code).uuid
    assert save(ctx, DeleteTrip(ctx, code), Recorder())
    assert code not in trip_codes(ctx)
    stack.undo()
    with ctx.sessions() as session:
        back = queries.trip_detail(session, code)
    assert back.uuid == uuid and len(back.items) == 1


def test_item_commands_follow_the_item_through_delete_and_undo(ctx: AppContext, small: Small,
                                                               qtbot: QtBot) -> None:
    code = small.trip.code
    w = small.world
    add = AddItem(ctx, code, item_draft(w, day=25, title_zh="推介会"))
    assert save(ctx, add, Recorder())
    assert add.draft.uuid
    edited = replace(add.draft, title_zh="投资推介会")
    assert save(ctx, EditItem(ctx, code, add.draft, edited), Recorder())
    assert save(ctx, DeleteItem(ctx, code, edited), Recorder())

    def titles() -> list[str]:
        with ctx.sessions() as session:
            return [i.title_zh for i in queries.trip_detail(session, code).items]

    assert titles() == ["拜访博世"]
    ctx.undo_stack.undo()  # the item comes back with its UUID (and a new id)
    assert titles() == ["拜访博世", "投资推介会"]
    ctx.undo_stack.undo()
    assert titles() == ["拜访博世", "推介会"]
    ctx.undo_stack.undo()
    assert titles() == ["拜访博世"]
    for _ in range(3):
        ctx.undo_stack.redo()
    assert titles() == ["拜访博世"]


def test_event_commands(ctx: AppContext, small: Small, qtbot: QtBot) -> None:
    stack = ctx.undo_stack
    create = CreateEvent(ctx, new_event_draft(small.world, title_zh="投资东莞尊享会",
                                              venue="会展中心"))
    assert save(ctx, create, Recorder())
    code = create.code
    with ctx.sessions() as session:
        before = event_draft(session, code)
        revision = queries.event_detail(session, code).revision
    assert save(ctx, EditEvent(ctx, code, before, replace(before, capacity=80), revision),
                Recorder())
    assert save(ctx, MoveEvent(ctx, code, 2), Recorder())
    assert save(ctx, CancelEvent(ctx, code, "场地冲突"), Recorder())
    with ctx.sessions() as session:
        e = queries.event_detail(session, code)
    assert (e.capacity, e.local_start.day, e.status) == (80, 14, EventStatus.CANCELLED)
    stack.undo()
    stack.undo()
    stack.undo()
    with ctx.sessions() as session:
        e = queries.event_detail(session, code)
    assert (e.capacity, e.local_start.day, e.status) == (200, 12, EventStatus.DRAFT)
    duplicate = DuplicateEvent(ctx, code, 7)
    assert save(ctx, duplicate, Recorder())
    assert save(ctx, DeleteEvent(ctx, code), Recorder())
    with pytest.raises(NotFoundError), ctx.sessions() as session:
        queries.event_detail(session, code)
    stack.undo()
    with ctx.sessions() as session:
        assert queries.event_detail(session, code).sessions
        assert queries.event_detail(session, duplicate.code).local_start.day == 19


def test_person_and_organisation_commands(ctx: AppContext, small: Small, qtbot: QtBot) -> None:
    stack = ctx.undo_stack
    person = CreatePerson(ctx, PersonDraft("赵敏", PersonKind.DELEGATE, "Zhao Min"))
    assert save(ctx, person, Recorder())
    person_id = min(person.changes.ids_of(RecordKind.PERSON))
    with ctx.sessions() as session:
        before = person_draft(session, person_id)
    assert save(ctx, EditPerson(ctx, before, replace(before, phone="0769-1234"), 1), Recorder())
    with ctx.sessions() as session:
        draft = person_draft(session, person_id)
    assert save(ctx, DeletePerson(ctx, draft), Recorder())
    stack.undo()
    with ctx.sessions() as session:
        people = {p.name_zh: p for p in queries.list_people(session)}
    assert people["赵敏"].phone == "0769-1234"

    org = CreateOrganisation(ctx, OrganisationDraft("宁德时代", name_en="CATL"))
    assert save(ctx, org, Recorder())
    org_id = min(org.changes.ids_of(RecordKind.ORGANISATION))
    with ctx.sessions() as session:
        before_org = organisation_draft(session, org_id)
    assert save(ctx, EditOrganisation(ctx, before_org, replace(before_org, hq_country="CN"), 1),
                Recorder())
    stack.undo()
    stack.undo()
    with ctx.sessions() as session:
        assert "宁德时代" not in {o.name_zh for o in queries.list_organisations(session)}
    stack.redo()
    stack.redo()
    with ctx.sessions() as session:
        catl = next(o for o in queries.list_organisations(session) if o.name_zh == "宁德时代")
    assert catl.hq_country == "CN"


def test_deleting_a_person_in_a_delegation_is_refused(ctx: AppContext, small: Small,
                                                      qtbot: QtBot) -> None:
    with ctx.sessions() as session:
        leader = person_draft(session, small.world.leader_id)
        bosch = organisation_draft(session, small.world.org_id)
    recorder = Recorder()
    assert not save(ctx, DeletePerson(ctx, leader), recorder)
    assert "仍被引用" in recorder.fields[0][1]
    assert not save(ctx, DeleteOrganisation(ctx, bosch), recorder)
    assert ctx.undo_stack.count() == 0


def test_an_undo_that_cannot_be_done_is_reported_and_dropped(ctx: AppContext, small: Small,
                                                             qtbot: QtBot) -> None:
    failures: list[str] = []
    ctx.failed.connect(failures.append)
    command = MoveTrip(ctx, small.trip.code, 2)
    assert save(ctx, command, Recorder())
    with ctx.sessions.begin() as session:  # someone else deletes the trip meanwhile
        from models.operations.trips import delete_trip

        delete_trip(session, small.trip.code)
    ctx.undo_stack.undo()
    assert failures and small.trip.code in failures[0]
    assert ctx.undo_stack.count() == 0


def test_commands_forward_what_the_operations_changed(ctx: AppContext, small: Small,
                                                      qtbot: QtBot) -> None:
    heard: list[OpChanges] = []
    ctx.data_changed.connect(heard.append)
    with ctx.sessions() as session:
        item = queries.trip_detail(session, small.trip.code).items[0]
        before = item_draft_of(session.get_one(ItineraryItem, item.id))
    edit = EditItem(ctx, small.trip.code, before, replace(before, title_zh="拜访博世总部"))
    assert save(ctx, edit, Recorder())
    assert heard[-1] == edit.changes
    assert heard[-1].ids_of(RecordKind.ITEM) == {item.id}
    assert heard[-1].ids_of(RecordKind.TRIP) == {small.trip.id}  # its trip's revision moved
    assert save(ctx, DeleteTrip(ctx, small.trip.code), Recorder())
    assert heard[-1].ids_of(RecordKind.TRIP) == {small.trip.id}
    assert heard[-1].ids_of(RecordKind.ITEM) == {item.id}
    ctx.undo_stack.undo()  # re-created from its draft: a new id, the same code and UUIDs
    again = heard[-1].ids_of(RecordKind.TRIP)
    with ctx.sessions() as session:
        assert again == {queries.trip_detail(session, small.trip.code).id}
