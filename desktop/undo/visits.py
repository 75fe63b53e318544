"""Undoable edits of 百队千企: teams and their headquarters visits (found again by UUID)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.undo.base import PlannerCommand
from models.changes import OpChanges
from models.leads import HqVisit
from models.operations import teams
from models.operations.teams import TeamDraft, VisitDraft
from models.records import id_by_uuid
from models.teams import Team

translate = QCoreApplication.translate


class PlanVisit(PlannerCommand):
    def __init__(self, ctx: AppContext, draft: VisitDraft, label: str) -> None:
        super().__init__(ctx, translate("PlanVisit", "Plan a visit to %1").replace("%1", label))
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        created = teams.plan_visit(session, self.draft)
        self.draft = replace(self.draft, uuid=created.value.uuid)
        return created.changes

    def backward(self, session: Session) -> OpChanges:
        assert self.draft.uuid
        deleted = teams.delete_visit(session, id_by_uuid(session, HqVisit, self.draft.uuid))
        self.draft = deleted.value
        return deleted.changes


class EditVisit(PlannerCommand):
    """An edit of a visit, recording it as done included."""

    def __init__(self, ctx: AppContext, before: VisitDraft, after: VisitDraft, revision: int,
                 text: str) -> None:
        super().__init__(ctx, text)
        assert before.uuid
        self.uuid = before.uuid
        self.before = before
        self.after = after
        self.revision: int | None = revision

    def _save(self, session: Session, draft: VisitDraft) -> OpChanges:
        result = teams.update_visit(session, id_by_uuid(session, HqVisit, self.uuid), draft,
                                    expected_revision=self.revision)
        self.revision = None
        return result.changes

    def forward(self, session: Session) -> OpChanges:
        return self._save(session, self.after)

    def backward(self, session: Session) -> OpChanges:
        return self._save(session, self.before)


class DeleteVisit(PlannerCommand):
    def __init__(self, ctx: AppContext, draft: VisitDraft, label: str) -> None:
        super().__init__(ctx, translate("DeleteVisit", "Delete the visit to %1").replace(
            "%1", label))
        assert draft.uuid
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        assert self.draft.uuid
        deleted = teams.delete_visit(session, id_by_uuid(session, HqVisit, self.draft.uuid))
        self.draft = deleted.value
        return deleted.changes

    def backward(self, session: Session) -> OpChanges:
        return teams.plan_visit(session, self.draft).changes


class CreateTeam(PlannerCommand):
    def __init__(self, ctx: AppContext, draft: TeamDraft) -> None:
        super().__init__(ctx, translate("CreateTeam", "New team %1").replace("%1", draft.name))
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        created = teams.create_team(session, self.draft)
        self.draft = replace(self.draft, uuid=created.value.uuid)
        return created.changes

    def backward(self, session: Session) -> OpChanges:
        assert self.draft.uuid
        deleted = teams.delete_team(session, id_by_uuid(session, Team, self.draft.uuid))
        self.draft = deleted.value
        return deleted.changes


class EditTeam(PlannerCommand):
    def __init__(self, ctx: AppContext, before: TeamDraft, after: TeamDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditTeam", "Edit %1").replace("%1", after.name))
        assert before.uuid
        self.uuid = before.uuid
        self.before = before
        self.after = after
        self.revision: int | None = revision

    def _save(self, session: Session, draft: TeamDraft) -> OpChanges:
        result = teams.update_team(session, id_by_uuid(session, Team, self.uuid), draft,
                                   expected_revision=self.revision)
        self.revision = None
        return result.changes

    def forward(self, session: Session) -> OpChanges:
        return self._save(session, self.after)

    def backward(self, session: Session) -> OpChanges:
        return self._save(session, self.before)
