"""Undoable edits. Each command calls the model's operations in one transaction per step.

A command is run once by :func:`desktop.editors.saving.save` (errors reach the editor, nothing is
pushed when it fails) and then pushed on the undo stack, whose first ``redo`` it skips.
Records are found again by code (trips, events) or UUID (items, people, organisations),
which survive a delete and its undo; database ids do not. The first run of an edit is guarded
by the revision the editor loaded (someone else's newer change is never overwritten); undo and
redo then put back the states this window saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.context import AppContext
from desktop.errors_text import describe
from models.errors import NotFoundError, PlannerError
from models.operations import directory
from models.operations import events as event_ops
from models.operations import trips as trip_ops
from models.operations.directory import OrganisationDraft, PersonDraft, UnitDraft
from models.operations.events import EventDraft
from models.operations.trips import ItemDraft, TripDraft
from models.organisations import Organisation
from models.people import Person
from models.queries import get_event, get_trip
from models.trips import ItineraryItem

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

Step = Callable[[Session], None]


def id_by_uuid(session: Session, model: type[Person | Organisation | ItineraryItem],
               uuid: str) -> int:
    found = session.scalar(select(model.id).where(model.uuid == uuid))
    if found is None:
        raise NotFoundError("该记录已不存在（可能已被他人删除）",
                            "The record no longer exists (someone may have deleted it)")
    return found


class PlannerCommand(QUndoCommand):
    """Base of every edit: ``forward`` does it, ``backward`` undoes it, each in one transaction."""

    kind = "all"  # what DataChange tells the views

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.ids: set[int] = set()  # ids touched by the last step (refresh hints)
        self._skip_redo = False

    def forward(self, session: Session) -> None:
        raise NotImplementedError

    def backward(self, session: Session) -> None:
        raise NotImplementedError

    def execute(self) -> None:
        """Do the edit the first time. Raises the model's error; nothing is written then."""
        self._step(self.forward)
        self._skip_redo = True

    def _step(self, step: Step) -> None:
        self.ids = set()
        with self.ctx.sessions.begin() as session:
            step(session)
        self.ctx.notify(self.kind, self.ids)

    def _guarded(self, step: Step) -> None:
        try:
            self._step(step)
        except (PlannerError, StaleDataError, SQLAlchemyError) as exc:
            log.warning("%s failed: %s", self.text(), exc)
            self.setObsolete(True)
            self.ctx.failed.emit(
                translate("PlannerCommand", "Could not undo or redo “%1”: %2")
                .replace("%1", self.text()).replace("%2", describe(exc, self.ctx.lang)))

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guarded(self.forward)

    def undo(self) -> None:
        self._guarded(self.backward)


# --- trips ----------------------------------------------------------------------------------


class _TripCommand(PlannerCommand):
    kind = "trip"

    def _touch(self, session: Session, code: str) -> None:
        self.ids.add(get_trip(session, code).id)


class CreateTrip(_TripCommand):
    """A new trip; undo deletes it, redo re-creates it with the same code and UUIDs."""

    def __init__(self, ctx: AppContext, draft: TripDraft | None, text: str = "") -> None:
        super().__init__(ctx, text or translate("CreateTrip", "New trip “%1”").replace(
            "%1", draft.title_zh if draft else ""))
        self.draft = draft
        self.code = ""

    def first_step(self, session: Session) -> str:
        assert self.draft is not None
        return trip_ops.create_trip(session, self.draft).code

    def forward(self, session: Session) -> None:
        if not self.code:
            self.code = self.first_step(session)
        else:
            assert self.draft is not None
            trip_ops.create_trip(session, self.draft)
        self._touch(session, self.code)

    def backward(self, session: Session) -> None:
        self.ids.add(get_trip(session, self.code).id)
        self.draft = trip_ops.delete_trip(session, self.code)


class DuplicateTrip(CreateTrip):
    """A copy of a trip as a template (a new draft starting on ``start``)."""

    def __init__(self, ctx: AppContext, source_code: str, start: date, title_zh: str) -> None:
        super().__init__(ctx, None, translate("DuplicateTrip", "Duplicate trip %1").replace(
            "%1", source_code))
        self.source_code = source_code
        self.start = start
        self.title_zh = title_zh

    def first_step(self, session: Session) -> str:
        return trip_ops.duplicate_trip(session, self.source_code, self.start,
                                       self.title_zh or None).code


class EditTrip(_TripCommand):
    """Save the editor's draft (itinerary included) over ``before``."""

    def __init__(self, ctx: AppContext, code: str, before: TripDraft, after: TripDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditTrip", "Edit trip %1").replace("%1", code))
        self.code = code
        self.before = before
        self.after = after
        self.revision: int | None = revision  # checked on the first run only

    def _save(self, session: Session, draft: TripDraft, restore: bool) -> None:
        row = trip_ops.update_trip(session, self.code, draft, expected_revision=self.revision,
                                   restore=restore)
        self.code, self.revision = row.code, None
        self.ids.add(row.id)

    def forward(self, session: Session) -> None:
        self._save(session, self.after, restore=False)

    def backward(self, session: Session) -> None:
        self._save(session, self.before, restore=True)


class DeleteTrip(_TripCommand):
    def __init__(self, ctx: AppContext, code: str) -> None:
        super().__init__(ctx, translate("DeleteTrip", "Delete trip %1").replace("%1", code))
        self.code = code
        self.draft: TripDraft | None = None

    def forward(self, session: Session) -> None:
        self._touch(session, self.code)
        self.draft = trip_ops.delete_trip(session, self.code)

    def backward(self, session: Session) -> None:
        assert self.draft is not None
        self.ids.add(trip_ops.create_trip(session, self.draft).id)


class CancelTrip(_TripCommand):
    def __init__(self, ctx: AppContext, code: str, reason: str) -> None:
        super().__init__(ctx, translate("CancelTrip", "Cancel trip %1").replace("%1", code))
        self.code = code
        self.reason = reason
        self.before: TripDraft | None = None

    def forward(self, session: Session) -> None:
        self.before = replace(trip_ops.trip_draft(session, self.code), items=None)
        self.ids.add(trip_ops.cancel_trip(session, self.code, self.reason).id)

    def backward(self, session: Session) -> None:
        assert self.before is not None
        self.ids.add(trip_ops.update_trip(session, self.code, self.before, restore=True).id)


class MoveTrip(_TripCommand):
    """Shift a trip and its itinerary by whole days (local clock times kept)."""

    def __init__(self, ctx: AppContext, code: str, days: int) -> None:
        super().__init__(ctx, translate("MoveTrip", "Move trip %1 by %2 days")
                         .replace("%1", code).replace("%2", str(days)))
        self.code = code
        self.days = days

    def forward(self, session: Session) -> None:
        self.ids.add(trip_ops.move_trip(session, self.code, self.days).id)

    def backward(self, session: Session) -> None:
        self.ids.add(trip_ops.move_trip(session, self.code, -self.days).id)


# --- itinerary items ------------------------------------------------------------------------


class _ItemCommand(PlannerCommand):
    kind = "item"

    def __init__(self, ctx: AppContext, text: str, trip_code: str) -> None:
        super().__init__(ctx, text)
        self.trip_code = trip_code

    def _add(self, session: Session, draft: ItemDraft) -> str:
        item_id = trip_ops.add_item(session, self.trip_code, draft)
        self.ids.add(item_id)
        return session.get_one(ItineraryItem, item_id).uuid

    def _delete(self, session: Session, uuid: str) -> ItemDraft:
        item_id = id_by_uuid(session, ItineraryItem, uuid)
        self.ids.add(item_id)
        return trip_ops.delete_item(session, item_id)


class AddItem(_ItemCommand):
    def __init__(self, ctx: AppContext, trip_code: str, draft: ItemDraft) -> None:
        super().__init__(ctx, translate("AddItem", "Add “%1” to %2").replace(
            "%1", draft.title_zh).replace("%2", trip_code), trip_code)
        self.draft = draft

    def forward(self, session: Session) -> None:
        self.draft.uuid = self._add(session, self.draft)

    def backward(self, session: Session) -> None:
        assert self.draft.uuid
        self.draft = self._delete(session, self.draft.uuid)


class EditItem(_ItemCommand):
    def __init__(self, ctx: AppContext, trip_code: str, before: ItemDraft,
                 after: ItemDraft) -> None:
        super().__init__(ctx, translate("EditItem", "Edit “%1”").replace("%1", after.title_zh),
                         trip_code)
        assert before.uuid
        self.uuid = before.uuid
        self.before = before
        self.after = after

    def _save(self, session: Session, draft: ItemDraft) -> None:
        item_id = id_by_uuid(session, ItineraryItem, self.uuid)
        trip_ops.update_item(session, item_id, draft)
        self.ids.add(item_id)

    def forward(self, session: Session) -> None:
        self._save(session, self.after)

    def backward(self, session: Session) -> None:
        self._save(session, self.before)


class DeleteItem(_ItemCommand):
    def __init__(self, ctx: AppContext, trip_code: str, draft: ItemDraft) -> None:
        super().__init__(ctx, translate("DeleteItem", "Delete “%1”").replace(
            "%1", draft.title_zh), trip_code)
        assert draft.uuid
        self.draft = draft

    def forward(self, session: Session) -> None:
        assert self.draft.uuid
        self.draft = self._delete(session, self.draft.uuid)

    def backward(self, session: Session) -> None:
        self._add(session, self.draft)


# --- events ---------------------------------------------------------------------------------


class _EventCommand(PlannerCommand):
    kind = "event"

    def _touch(self, session: Session, code: str) -> None:
        self.ids.add(get_event(session, code).id)


class CreateEvent(_EventCommand):
    def __init__(self, ctx: AppContext, draft: EventDraft | None, text: str = "") -> None:
        super().__init__(ctx, text or translate("CreateEvent", "New event “%1”").replace(
            "%1", draft.title_zh if draft else ""))
        self.draft = draft
        self.code = ""

    def first_step(self, session: Session) -> str:
        assert self.draft is not None
        return event_ops.create_event(session, self.draft).code

    def forward(self, session: Session) -> None:
        if not self.code:
            self.code = self.first_step(session)
        else:
            assert self.draft is not None
            event_ops.create_event(session, self.draft)
        self._touch(session, self.code)

    def backward(self, session: Session) -> None:
        self._touch(session, self.code)
        self.draft = event_ops.delete_event(session, self.code)


class DuplicateEvent(CreateEvent):
    def __init__(self, ctx: AppContext, source_code: str, days: int) -> None:
        super().__init__(ctx, None, translate("DuplicateEvent", "Duplicate event %1").replace(
            "%1", source_code))
        self.source_code = source_code
        self.days = days

    def first_step(self, session: Session) -> str:
        return event_ops.duplicate_event(session, self.source_code, self.days).code


class EditEvent(_EventCommand):
    def __init__(self, ctx: AppContext, code: str, before: EventDraft, after: EventDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditEvent", "Edit event %1").replace("%1", code))
        self.code = code
        self.before = before
        self.after = after
        self.revision: int | None = revision  # checked on the first run only

    def _save(self, session: Session, draft: EventDraft) -> None:
        row = event_ops.update_event(session, self.code, draft, expected_revision=self.revision)
        self.code, self.revision = row.code, None
        self.ids.add(row.id)

    def forward(self, session: Session) -> None:
        self._save(session, self.after)

    def backward(self, session: Session) -> None:
        self._save(session, self.before)


class DeleteEvent(_EventCommand):
    def __init__(self, ctx: AppContext, code: str) -> None:
        super().__init__(ctx, translate("DeleteEvent", "Delete event %1").replace("%1", code))
        self.code = code
        self.draft: EventDraft | None = None

    def forward(self, session: Session) -> None:
        self._touch(session, self.code)
        self.draft = event_ops.delete_event(session, self.code)

    def backward(self, session: Session) -> None:
        assert self.draft is not None
        self.ids.add(event_ops.create_event(session, self.draft).id)


class CancelEvent(_EventCommand):
    def __init__(self, ctx: AppContext, code: str, reason: str) -> None:
        super().__init__(ctx, translate("CancelEvent", "Cancel event %1").replace("%1", code))
        self.code = code
        self.reason = reason
        self.before: EventDraft | None = None

    def forward(self, session: Session) -> None:
        self.before = replace(event_ops.event_draft(session, self.code), sessions=None,
                              invitations=None)
        self.ids.add(event_ops.cancel_event(session, self.code, self.reason).id)

    def backward(self, session: Session) -> None:
        assert self.before is not None
        self.ids.add(event_ops.update_event(session, self.code, self.before).id)


class MoveEvent(_EventCommand):
    """Shift an event and its agenda by whole days (local clock times kept)."""

    def __init__(self, ctx: AppContext, code: str, days: int) -> None:
        super().__init__(ctx, translate("MoveEvent", "Move event %1 by %2 days")
                         .replace("%1", code).replace("%2", str(days)))
        self.code = code
        self.days = days

    def forward(self, session: Session) -> None:
        self.ids.add(event_ops.move_event(session, self.code, self.days).id)

    def backward(self, session: Session) -> None:
        self.ids.add(event_ops.move_event(session, self.code, -self.days).id)


# --- people and organisations ---------------------------------------------------------------


class CreatePerson(PlannerCommand):
    kind = "person"

    def __init__(self, ctx: AppContext, draft: PersonDraft) -> None:
        super().__init__(ctx, translate("CreatePerson", "New person %1").replace(
            "%1", draft.name_zh))
        self.draft = draft

    def forward(self, session: Session) -> None:
        row = directory.create_person(session, self.draft)
        self.draft.uuid = row.uuid
        self.ids.add(row.id)

    def backward(self, session: Session) -> None:
        assert self.draft.uuid
        person_id = id_by_uuid(session, Person, self.draft.uuid)
        self.ids.add(person_id)
        self.draft = directory.delete_person(session, person_id)


class EditPerson(PlannerCommand):
    kind = "person"

    def __init__(self, ctx: AppContext, before: PersonDraft, after: PersonDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditPerson", "Edit %1").replace("%1", after.name_zh))
        assert before.uuid
        self.uuid = before.uuid
        self.before = before
        self.after = after
        self.revision: int | None = revision  # checked on the first run only

    def _save(self, session: Session, draft: PersonDraft) -> None:
        person_id = id_by_uuid(session, Person, self.uuid)
        directory.update_person(session, person_id, draft, expected_revision=self.revision)
        self.revision = None
        self.ids.add(person_id)

    def forward(self, session: Session) -> None:
        self._save(session, self.after)

    def backward(self, session: Session) -> None:
        self._save(session, self.before)


class DeletePerson(PlannerCommand):
    kind = "person"

    def __init__(self, ctx: AppContext, draft: PersonDraft) -> None:
        super().__init__(ctx, translate("DeletePerson", "Delete %1").replace("%1", draft.name_zh))
        assert draft.uuid
        self.draft = draft

    def forward(self, session: Session) -> None:
        assert self.draft.uuid
        person_id = id_by_uuid(session, Person, self.draft.uuid)
        self.ids.add(person_id)
        self.draft = directory.delete_person(session, person_id)

    def backward(self, session: Session) -> None:
        self.ids.add(directory.create_person(session, self.draft).id)


class CreateOrganisation(PlannerCommand):
    kind = "organisation"

    def __init__(self, ctx: AppContext, draft: OrganisationDraft) -> None:
        super().__init__(ctx, translate("CreateOrganisation", "New organisation %1").replace(
            "%1", draft.name_zh))
        self.draft = draft

    def forward(self, session: Session) -> None:
        row = directory.create_organisation(session, self.draft)
        self.draft.uuid = row.uuid
        self.ids.add(row.id)

    def backward(self, session: Session) -> None:
        assert self.draft.uuid
        org_id = id_by_uuid(session, Organisation, self.draft.uuid)
        self.ids.add(org_id)
        self.draft = directory.delete_organisation(session, org_id)


class EditOrganisation(PlannerCommand):
    kind = "organisation"

    def __init__(self, ctx: AppContext, before: OrganisationDraft, after: OrganisationDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditOrganisation", "Edit %1").replace(
            "%1", after.name_zh))
        assert before.uuid
        self.uuid = before.uuid
        self.before = before
        self.after = after
        self.revision: int | None = revision  # checked on the first run only

    def _save(self, session: Session, draft: OrganisationDraft) -> None:
        org_id = id_by_uuid(session, Organisation, self.uuid)
        directory.update_organisation(session, org_id, draft, expected_revision=self.revision)
        self.revision = None
        self.ids.add(org_id)

    def forward(self, session: Session) -> None:
        self._save(session, self.after)

    def backward(self, session: Session) -> None:
        self._save(session, self.before)


class DeleteOrganisation(PlannerCommand):
    kind = "organisation"

    def __init__(self, ctx: AppContext, draft: OrganisationDraft) -> None:
        super().__init__(ctx, translate("DeleteOrganisation", "Delete %1").replace(
            "%1", draft.name_zh))
        assert draft.uuid
        self.draft = draft

    def forward(self, session: Session) -> None:
        assert self.draft.uuid
        org_id = id_by_uuid(session, Organisation, self.draft.uuid)
        self.ids.add(org_id)
        self.draft = directory.delete_organisation(session, org_id)

    def backward(self, session: Session) -> None:
        self.ids.add(directory.create_organisation(session, self.draft).id)


# --- responsible units ----------------------------------------------------------------------
# A unit has no UUID; its Chinese name is unique, so undo and redo find it again by name.


class CreateUnit(PlannerCommand):
    kind = "unit"

    def __init__(self, ctx: AppContext, draft: UnitDraft) -> None:
        super().__init__(ctx, translate("CreateUnit", "New unit %1").replace(
            "%1", draft.name_zh.strip()))
        self.draft = draft

    def forward(self, session: Session) -> None:
        self.ids.add(directory.add_unit(session, self.draft))

    def backward(self, session: Session) -> None:
        unit_id = directory.unit_id_by_name(session, self.draft.name_zh)
        self.ids.add(unit_id)
        self.draft = directory.delete_unit(session, unit_id)


class EditUnit(PlannerCommand):
    kind = "unit"

    def __init__(self, ctx: AppContext, before: UnitDraft, after: UnitDraft) -> None:
        super().__init__(ctx, translate("EditUnit", "Edit %1").replace("%1", after.name_zh.strip()))
        self.before = before
        self.after = after

    def _save(self, session: Session, old: UnitDraft, new: UnitDraft) -> None:
        unit_id = directory.unit_id_by_name(session, old.name_zh)
        directory.update_unit(session, unit_id, new)
        self.ids.add(unit_id)

    def forward(self, session: Session) -> None:
        self._save(session, self.before, self.after)

    def backward(self, session: Session) -> None:
        self._save(session, self.after, self.before)
