"""Undoable edits of themed investment events."""

from __future__ import annotations

from dataclasses import replace

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
)
from models.changes import OpResult
from models.operations import events as event_ops
from models.operations.events import EventDraft
from models.rows import EventRow

translate = QCoreApplication.translate


def _event_header(session: Session, code: str) -> EventDraft:
    return replace(event_ops.event_draft(session, code), sessions=None, invitations=None)


EVENT_OPS = CodedOps(create=event_ops.create_event, delete=event_ops.delete_event,
                     update=event_ops.update_event, revert=event_ops.update_event,
                     header=_event_header, cancel=event_ops.cancel_event,
                     move=event_ops.move_event)


class CreateEvent(CreateCoded[EventDraft, EventRow]):
    """A new event; undo deletes it, redo re-creates it with the same code and UUIDs."""

    ops = EVENT_OPS

    def __init__(self, ctx: AppContext, draft: EventDraft | None, text: str = "") -> None:
        super().__init__(ctx, draft, text or translate("CreateEvent", "New event “%1”").replace(
            "%1", draft.title_zh if draft else ""))


class DuplicateEvent(CreateEvent):
    def __init__(self, ctx: AppContext, source_code: str, days: int) -> None:
        super().__init__(ctx, None, translate("DuplicateEvent", "Duplicate event %1").replace(
            "%1", source_code))
        self.source_code = source_code
        self.days = days

    def first_step(self, session: Session) -> OpResult[EventRow]:
        return event_ops.duplicate_event(session, self.source_code, self.days)


class EditEvent(EditCoded[EventDraft, EventRow]):
    ops = EVENT_OPS

    def __init__(self, ctx: AppContext, code: str, before: EventDraft, after: EventDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditEvent", "Edit event %1").replace("%1", code),
                         code, before, after, revision)


class DeleteEvent(DeleteCoded[EventDraft, EventRow]):
    ops = EVENT_OPS

    def __init__(self, ctx: AppContext, code: str) -> None:
        super().__init__(ctx, translate("DeleteEvent", "Delete event %1").replace("%1", code),
                         code)


class CancelEvent(CancelCoded[EventDraft, EventRow]):
    ops = EVENT_OPS

    def __init__(self, ctx: AppContext, code: str, reason: str) -> None:
        super().__init__(ctx, translate("CancelEvent", "Cancel event %1").replace("%1", code),
                         code, reason)


class MoveEvent(MoveCoded[EventDraft, EventRow]):
    """Shift an event and its agenda by whole days (local clock times kept)."""

    ops = EVENT_OPS

    def __init__(self, ctx: AppContext, code: str, days: int) -> None:
        super().__init__(ctx, translate("MoveEvent", "Move event %1 by %2 days")
                         .replace("%1", code).replace("%2", str(days)), code, days)
