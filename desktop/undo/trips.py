"""Undoable edits of promotion trips and their itinerary items."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.undo.base import (
    CancelCoded,
    CodedOps,
    CreateCoded,
    DeleteCoded,
    EditCoded,
    MoveCoded,
    PlannerCommand,
)
from models.changes import OpChanges, OpResult
from models.operations import items as item_ops
from models.operations import trips as trip_ops
from models.operations.items import ItemDraft
from models.operations.trips import TripDraft
from models.records import id_by_uuid, uuid_by_id
from models.rows import TripRow
from models.trips import ItineraryItem

translate = QCoreApplication.translate


def _trip_header(session: Session, code: str) -> TripDraft:
    return replace(trip_ops.trip_draft(session, code), items=None)


TRIP_OPS = CodedOps(create=trip_ops.create_trip, delete=trip_ops.delete_trip,
                    update=trip_ops.update_trip, revert=trip_ops.revert_trip,
                    header=_trip_header, cancel=trip_ops.cancel_trip, move=trip_ops.move_trip)


class CreateTrip(CreateCoded[TripDraft, TripRow]):
    """A new trip; undo deletes it, redo re-creates it with the same code and UUIDs."""

    ops = TRIP_OPS

    def __init__(self, ctx: AppContext, draft: TripDraft | None, text: str = "") -> None:
        super().__init__(ctx, draft, text or translate("CreateTrip", "New trip “%1”").replace(
            "%1", draft.title_zh if draft else ""))


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


class EditTrip(EditCoded[TripDraft, TripRow]):
    """Save the editor's draft (itinerary included) over ``before``; undo reverts to it."""

    ops = TRIP_OPS

    def __init__(self, ctx: AppContext, code: str, before: TripDraft, after: TripDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditTrip", "Edit trip %1").replace("%1", code),
                         code, before, after, revision)


class DeleteTrip(DeleteCoded[TripDraft, TripRow]):
    """Delete a trip; undo re-creates it from its draft (same code and UUIDs)."""

    ops = TRIP_OPS

    def __init__(self, ctx: AppContext, code: str) -> None:
        super().__init__(ctx, translate("DeleteTrip", "Delete trip %1").replace("%1", code), code)


class CancelTrip(CancelCoded[TripDraft, TripRow]):
    """Cancel a trip; undo reverts it to the status it was cancelled from."""

    ops = TRIP_OPS

    def __init__(self, ctx: AppContext, code: str, reason: str) -> None:
        super().__init__(ctx, translate("CancelTrip", "Cancel trip %1").replace("%1", code),
                         code, reason)


class MoveTrip(MoveCoded[TripDraft, TripRow]):
    """Shift a trip and its itinerary by whole days (local clock times kept)."""

    ops = TRIP_OPS

    def __init__(self, ctx: AppContext, code: str, days: int) -> None:
        super().__init__(ctx, translate("MoveTrip", "Move trip %1 by %2 days")
                         .replace("%1", code).replace("%2", str(days)), code, days)


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
