"""Undoable edits of promotion trips and their itinerary items."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.undo.base import PlannerCommand
from models.changes import OpChanges, OpResult
from models.operations import items as item_ops
from models.operations import trips as trip_ops
from models.operations.items import ItemDraft
from models.operations.trips import TripDraft
from models.records import id_by_uuid, uuid_by_id
from models.rows import TripRow
from models.trips import ItineraryItem

translate = QCoreApplication.translate


class CreateTrip(PlannerCommand):
    """A new trip; undo deletes it, redo re-creates it with the same code and UUIDs."""

    def __init__(self, ctx: AppContext, draft: TripDraft | None, text: str = "") -> None:
        super().__init__(ctx, text or translate("CreateTrip", "New trip “%1”").replace(
            "%1", draft.title_zh if draft else ""))
        self.draft = draft
        self.code = ""

    def first_step(self, session: Session) -> OpResult[TripRow]:
        assert self.draft is not None
        return trip_ops.create_trip(session, self.draft)

    def forward(self, session: Session) -> OpChanges:
        if not self.code:
            result = self.first_step(session)
            self.code = result.value.code
        else:
            assert self.draft is not None
            result = trip_ops.create_trip(session, self.draft)
        return result.changes

    def backward(self, session: Session) -> OpChanges:
        deleted = trip_ops.delete_trip(session, self.code)
        self.draft = deleted.value
        return deleted.changes


class DuplicateTrip(CreateTrip):
    """A copy of a trip as a template (a new draft starting on ``start``)."""

    def __init__(self, ctx: AppContext, source_code: str, start: date, title_zh: str) -> None:
        super().__init__(ctx, None, translate("DuplicateTrip", "Duplicate trip %1").replace(
            "%1", source_code))
        self.source_code = source_code
        self.start = start
        self.title_zh = title_zh

    def first_step(self, session: Session) -> OpResult[TripRow]:
        return trip_ops.duplicate_trip(session, self.source_code, self.start,
                                       self.title_zh or None)


class EditTrip(PlannerCommand):
    """Save the editor's draft (itinerary included) over ``before``; undo reverts to it."""

    def __init__(self, ctx: AppContext, code: str, before: TripDraft, after: TripDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditTrip", "Edit trip %1").replace("%1", code))
        self.code = code
        self.before = before
        self.after = after
        self.revision: int | None = revision  # checked on the first run only

    def forward(self, session: Session) -> OpChanges:
        result = trip_ops.update_trip(session, self.code, self.after,
                                      expected_revision=self.revision)
        self.code, self.revision = result.value.code, None
        return result.changes

    def backward(self, session: Session) -> OpChanges:
        result = trip_ops.revert_trip(session, self.code, self.before)
        self.code = result.value.code
        return result.changes


class DeleteTrip(PlannerCommand):
    """Delete a trip; undo re-creates it from its draft (same code and UUIDs)."""

    def __init__(self, ctx: AppContext, code: str) -> None:
        super().__init__(ctx, translate("DeleteTrip", "Delete trip %1").replace("%1", code))
        self.code = code
        self.draft: TripDraft | None = None

    def forward(self, session: Session) -> OpChanges:
        deleted = trip_ops.delete_trip(session, self.code)
        self.draft = deleted.value
        return deleted.changes

    def backward(self, session: Session) -> OpChanges:
        assert self.draft is not None
        return trip_ops.create_trip(session, self.draft).changes


class CancelTrip(PlannerCommand):
    """Cancel a trip; undo reverts it to the status it was cancelled from."""

    def __init__(self, ctx: AppContext, code: str, reason: str) -> None:
        super().__init__(ctx, translate("CancelTrip", "Cancel trip %1").replace("%1", code))
        self.code = code
        self.reason = reason
        self.before: TripDraft | None = None

    def forward(self, session: Session) -> OpChanges:
        self.before = replace(trip_ops.trip_draft(session, self.code), items=None)
        return trip_ops.cancel_trip(session, self.code, self.reason).changes

    def backward(self, session: Session) -> OpChanges:
        assert self.before is not None
        return trip_ops.revert_trip(session, self.code, self.before).changes


class MoveTrip(PlannerCommand):
    """Shift a trip and its itinerary by whole days (local clock times kept)."""

    def __init__(self, ctx: AppContext, code: str, days: int) -> None:
        super().__init__(ctx, translate("MoveTrip", "Move trip %1 by %2 days")
                         .replace("%1", code).replace("%2", str(days)))
        self.code = code
        self.days = days

    def forward(self, session: Session) -> OpChanges:
        return trip_ops.move_trip(session, self.code, days=self.days).changes

    def backward(self, session: Session) -> OpChanges:
        return trip_ops.move_trip(session, self.code, days=-self.days).changes


# --- itinerary items ------------------------------------------------------------------------


class _ItemCommand(PlannerCommand):
    def __init__(self, ctx: AppContext, text: str, trip_code: str) -> None:
        super().__init__(ctx, text)
        self.trip_code = trip_code

    def _add(self, session: Session, draft: ItemDraft) -> tuple[str, OpChanges]:
        """Add ``draft`` to the trip; the new item's UUID and what changed."""
        added = item_ops.add_item(session, self.trip_code, draft)
        return uuid_by_id(session, ItineraryItem, added.value), added.changes

    def _delete(self, session: Session, uuid: str) -> OpResult[ItemDraft]:
        return item_ops.delete_item(session, id_by_uuid(session, ItineraryItem, uuid))


class AddItem(_ItemCommand):
    def __init__(self, ctx: AppContext, trip_code: str, draft: ItemDraft) -> None:
        super().__init__(ctx, translate("AddItem", "Add “%1” to %2").replace(
            "%1", draft.title_zh).replace("%2", trip_code), trip_code)
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        self.draft.uuid, changes = self._add(session, self.draft)
        return changes

    def backward(self, session: Session) -> OpChanges:
        assert self.draft.uuid
        deleted = self._delete(session, self.draft.uuid)
        self.draft = deleted.value
        return deleted.changes


class EditItem(_ItemCommand):
    def __init__(self, ctx: AppContext, trip_code: str, before: ItemDraft,
                 after: ItemDraft) -> None:
        super().__init__(ctx, translate("EditItem", "Edit “%1”").replace("%1", after.title_zh),
                         trip_code)
        assert before.uuid
        self.uuid = before.uuid
        self.before = before
        self.after = after

    def _save(self, session: Session, draft: ItemDraft) -> OpChanges:
        item_id = id_by_uuid(session, ItineraryItem, self.uuid)
        return item_ops.update_item(session, item_id, draft).changes

    def forward(self, session: Session) -> OpChanges:
        return self._save(session, self.after)

    def backward(self, session: Session) -> OpChanges:
        return self._save(session, self.before)


class DeleteItem(_ItemCommand):
    def __init__(self, ctx: AppContext, trip_code: str, draft: ItemDraft) -> None:
        super().__init__(ctx, translate("DeleteItem", "Delete “%1”").replace(
            "%1", draft.title_zh), trip_code)
        assert draft.uuid
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        assert self.draft.uuid
        deleted = self._delete(session, self.draft.uuid)
        self.draft = deleted.value
        return deleted.changes

    def backward(self, session: Session) -> OpChanges:
        return self._add(session, self.draft)[1]
