"""Undoable edits of projects (招商项目): create, edit, delete, and moves on the pipeline board.

A project is found again by its UUID, which survives a delete and its undo.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.undo.base import PlannerCommand
from models.changes import OpChanges
from models.enums import LeadStage
from models.leads import Lead
from models.operations import leads
from models.operations.leads import LeadDraft
from models.records import id_by_uuid

translate = QCoreApplication.translate


class CreateLead(PlannerCommand):
    def __init__(self, ctx: AppContext, draft: LeadDraft) -> None:
        super().__init__(ctx, translate("CreateLead", "New project %1").replace(
            "%1", draft.title_zh))
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        created = leads.create_lead(session, self.draft)
        self.draft = replace(self.draft, uuid=created.value.uuid, code=created.value.code)
        return created.changes

    def backward(self, session: Session) -> OpChanges:
        assert self.draft.uuid
        deleted = leads.delete_lead(session, id_by_uuid(session, Lead, self.draft.uuid))
        self.draft = deleted.value
        return deleted.changes


class EditLead(PlannerCommand):
    def __init__(self, ctx: AppContext, before: LeadDraft, after: LeadDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditLead", "Edit %1").replace("%1", after.title_zh))
        assert before.uuid
        self.uuid = before.uuid
        self.before = before
        self.after = after
        self.revision: int | None = revision  # checked on the first run only

    def forward(self, session: Session) -> OpChanges:
        lead_id = id_by_uuid(session, Lead, self.uuid)
        result = leads.update_lead(session, lead_id, self.after,
                                   expected_revision=self.revision)
        self.revision = None
        return result.changes

    def backward(self, session: Session) -> OpChanges:
        return leads.unmove_lead(session, id_by_uuid(session, Lead, self.uuid),
                                 self.before).changes


class DeleteLead(PlannerCommand):
    def __init__(self, ctx: AppContext, draft: LeadDraft) -> None:
        super().__init__(ctx, translate("DeleteLead", "Delete %1").replace("%1", draft.title_zh))
        assert draft.uuid
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        assert self.draft.uuid
        deleted = leads.delete_lead(session, id_by_uuid(session, Lead, self.draft.uuid))
        self.draft = deleted.value
        return deleted.changes

    def backward(self, session: Session) -> OpChanges:
        return leads.create_lead(session, self.draft).changes


class MoveLead(PlannerCommand):
    """A drag on the pipeline board: the project to another stage, with what that stage needs."""

    def __init__(self, ctx: AppContext, before: LeadDraft, stage: LeadStage, *,
                 on: date | None = None, signed_on: date | None = None,
                 amount_cny: int | None = None, funds_in_cny: int | None = None,
                 reason: str = "", revision: int | None = None) -> None:
        super().__init__(ctx, translate("MoveLead", "Move %1 to %2").replace(
            "%1", before.title_zh).replace("%2", stage.label(ctx.lang)))
        assert before.uuid
        self.uuid = before.uuid
        self.before = before
        self.stage = stage
        self.on = on
        self.signed_on = signed_on
        self.amount_cny = amount_cny
        self.funds_in_cny = funds_in_cny
        self.reason = reason
        self.revision = revision

    def forward(self, session: Session) -> OpChanges:
        result = leads.move_lead(
            session, id_by_uuid(session, Lead, self.uuid), self.stage, on=self.on,
            signed_on=self.signed_on, amount_cny=self.amount_cny,
            funds_in_cny=self.funds_in_cny, reason=self.reason,
            expected_revision=self.revision)
        self.revision = None
        if self.on is None and result.value.history:
            self.on = result.value.history[-1].on  # redo dates the step as the first run did
        return result.changes

    def backward(self, session: Session) -> OpChanges:
        return leads.unmove_lead(session, id_by_uuid(session, Lead, self.uuid),
                                 self.before).changes
