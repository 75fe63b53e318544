"""Undoable edits of themed investment events."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.undo.base import PlannerCommand
from models.changes import OpChanges, OpResult
from models.operations import events as event_ops
from models.operations.events import EventDraft
from models.rows import EventRow

translate = QCoreApplication.translate


class CreateEvent(PlannerCommand):
    """A new event; undo deletes it, redo re-creates it with the same code and UUIDs."""

    def __init__(self, ctx: AppContext, draft: EventDraft | None, text: str = "") -> None:
        super().__init__(ctx, text or translate("CreateEvent", "New event “%1”").replace(
            "%1", draft.title_zh if draft else ""))
        self.draft = draft
        self.code = ""

    def first_step(self, session: Session) -> OpResult[EventRow]:
        assert self.draft is not None
        return event_ops.create_event(session, self.draft)

    def forward(self, session: Session) -> OpChanges:
        if not self.code:
            result = self.first_step(session)
            self.code = result.value.code
        else:
            assert self.draft is not None
            result = event_ops.create_event(session, self.draft)
        return result.changes

    def backward(self, session: Session) -> OpChanges:
        deleted = event_ops.delete_event(session, self.code)
        self.draft = deleted.value
        return deleted.changes


class DuplicateEvent(CreateEvent):
    def __init__(self, ctx: AppContext, source_code: str, days: int) -> None:
        super().__init__(ctx, None, translate("DuplicateEvent", "Duplicate event %1").replace(
            "%1", source_code))
        self.source_code = source_code
        self.days = days

    def first_step(self, session: Session) -> OpResult[EventRow]:
        return event_ops.duplicate_event(session, self.source_code, self.days)


class EditEvent(PlannerCommand):
    def __init__(self, ctx: AppContext, code: str, before: EventDraft, after: EventDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditEvent", "Edit event %1").replace("%1", code))
        self.code = code
        self.before = before
        self.after = after
        self.revision: int | None = revision  # checked on the first run only

    def _save(self, session: Session, draft: EventDraft) -> OpChanges:
        result = event_ops.update_event(session, self.code, draft,
                                        expected_revision=self.revision)
        self.code, self.revision = result.value.code, None
        return result.changes

    def forward(self, session: Session) -> OpChanges:
        return self._save(session, self.after)

    def backward(self, session: Session) -> OpChanges:
        return self._save(session, self.before)


class DeleteEvent(PlannerCommand):
    def __init__(self, ctx: AppContext, code: str) -> None:
        super().__init__(ctx, translate("DeleteEvent", "Delete event %1").replace("%1", code))
        self.code = code
        self.draft: EventDraft | None = None

    def forward(self, session: Session) -> OpChanges:
        deleted = event_ops.delete_event(session, self.code)
        self.draft = deleted.value
        return deleted.changes

    def backward(self, session: Session) -> OpChanges:
        assert self.draft is not None
        return event_ops.create_event(session, self.draft).changes


class CancelEvent(PlannerCommand):
    def __init__(self, ctx: AppContext, code: str, reason: str) -> None:
        super().__init__(ctx, translate("CancelEvent", "Cancel event %1").replace("%1", code))
        self.code = code
        self.reason = reason
        self.before: EventDraft | None = None

    def forward(self, session: Session) -> OpChanges:
        self.before = replace(event_ops.event_draft(session, self.code), sessions=None,
                              invitations=None)
        return event_ops.cancel_event(session, self.code, self.reason).changes

    def backward(self, session: Session) -> OpChanges:
        assert self.before is not None
        return event_ops.update_event(session, self.code, self.before).changes


class MoveEvent(PlannerCommand):
    """Shift an event and its agenda by whole days (local clock times kept)."""

    def __init__(self, ctx: AppContext, code: str, days: int) -> None:
        super().__init__(ctx, translate("MoveEvent", "Move event %1 by %2 days")
                         .replace("%1", code).replace("%2", str(days)))
        self.code = code
        self.days = days

    def forward(self, session: Session) -> OpChanges:
        return event_ops.move_event(session, self.code, days=self.days).changes

    def backward(self, session: Session) -> OpChanges:
        return event_ops.move_event(session, self.code, days=-self.days).changes
