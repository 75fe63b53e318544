"""The undoable edit of the campaign's own settings: undo saves back the settings it read."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.undo.base import PlannerCommand
from models.changes import OpChanges
from models.operations.campaign import CampaignDraft, update_campaign

translate = QCoreApplication.translate


class EditCampaign(PlannerCommand):
    """The first run is guarded by the revision the dialog loaded."""

    def __init__(self, ctx: AppContext, year: int, before: CampaignDraft, after: CampaignDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditCampaign", "Edit the campaign settings"))
        self.year, self.before, self.after, self.revision = year, before, after, revision
        self._guard: int | None = revision

    def forward(self, session: Session) -> OpChanges:
        guard, self._guard = self._guard, None  # undo and redo put back this window's states
        return update_campaign(session, self.after, self.year, guard).changes

    def backward(self, session: Session) -> OpChanges:
        return update_campaign(session, self.before, self.year).changes
