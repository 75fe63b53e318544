"""Undoable confirmations of counted results: a signed project, a done HQ visit.

The record is found again by its UUID; undo takes the confirmation back (or gives it again).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.undo.base import PlannerCommand
from models.changes import OpChanges, OpResult
from models.leads import HqVisit, Lead
from models.operations import confirmations
from models.records import id_by_uuid

translate = QCoreApplication.translate


class ConfirmResult(PlannerCommand):
    """Confirm (``confirm=True``) or unconfirm a project's or a visit's result."""

    def __init__(self, ctx: AppContext, model: type[Lead] | type[HqVisit], uuid: str,
                 label: str, confirm: bool = True) -> None:
        text = (translate("ConfirmResult", "Confirm %1") if confirm
                else translate("ConfirmResult", "Unconfirm %1")).replace("%1", label)
        super().__init__(ctx, text)
        self.model = model
        self.uuid = uuid
        self.confirm = confirm

    def _set(self, session: Session, confirm: bool) -> OpChanges:
        ident = id_by_uuid(session, self.model, self.uuid)
        op: Callable[[Session, int], OpResult[int]]
        if self.model is Lead:
            op = confirmations.confirm_lead if confirm else confirmations.unconfirm_lead
        else:
            op = confirmations.confirm_visit if confirm else confirmations.unconfirm_visit
        return op(session, ident).changes

    def forward(self, session: Session) -> OpChanges:
        return self._set(session, self.confirm)

    def backward(self, session: Session) -> OpChanges:
        return self._set(session, not self.confirm)
