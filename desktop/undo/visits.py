"""Undoable edits of 百队千企: teams and their headquarters visits (found again by UUID)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.context import AppContext
from desktop.undo.base import CreateByUuid, DeleteByUuid, EditByUuid, UuidOps
from models.leads import HqVisit
from models.operations import teams
from models.operations.teams import TeamDraft, VisitDraft
from models.rows import HqVisitRow, TeamRow
from models.teams import Team

translate = QCoreApplication.translate

VISIT_OPS = UuidOps(model=HqVisit, create=teams.plan_visit, delete=teams.delete_visit,
                    update=teams.update_visit)
TEAM_OPS = UuidOps(model=Team, create=teams.create_team, delete=teams.delete_team,
                   update=teams.update_team)


class PlanVisit(CreateByUuid[VisitDraft, HqVisitRow]):
    ops = VISIT_OPS

    def __init__(self, ctx: AppContext, draft: VisitDraft, label: str) -> None:
        super().__init__(ctx, translate("PlanVisit", "Plan a visit to %1").replace("%1", label),
                         draft)


class EditVisit(EditByUuid[VisitDraft, HqVisitRow]):
    """An edit of a visit, recording it as done included."""

    ops = VISIT_OPS

    def __init__(self, ctx: AppContext, before: VisitDraft, after: VisitDraft, revision: int,
                 text: str) -> None:
        super().__init__(ctx, text, before, after, revision)


class DeleteVisit(DeleteByUuid[VisitDraft, HqVisitRow]):
    ops = VISIT_OPS

    def __init__(self, ctx: AppContext, draft: VisitDraft, label: str) -> None:
        super().__init__(ctx, translate("DeleteVisit", "Delete the visit to %1").replace(
            "%1", label), draft)


class CreateTeam(CreateByUuid[TeamDraft, TeamRow]):
    ops = TEAM_OPS

    def __init__(self, ctx: AppContext, draft: TeamDraft) -> None:
        super().__init__(ctx, translate("CreateTeam", "New team %1").replace(
            "%1", ctx.lang.pick(draft.name, draft.name_en)),
                         draft)


class EditTeam(EditByUuid[TeamDraft, TeamRow]):
    ops = TEAM_OPS

    def __init__(self, ctx: AppContext, before: TeamDraft, after: TeamDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditTeam", "Edit %1").replace(
            "%1", ctx.lang.pick(after.name, after.name_en)),
                         before, after, revision)
