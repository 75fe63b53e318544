"""Confirmed results: a planner confirms what the leaderboard counts.

Only planners and admins confirm or take a confirmation back
(:func:`models.accounts.permissions.check_confirm`, asked before anything changes; on
PostgreSQL migration 0012 refuses it too).

A project (lead) at 签约 or a later stage (its signed amount, and so its flagship mark) and an
HQ visit that is done are counted as confirmed once a planner confirms them. The confirmation
is cleared by itself when a counted field changes afterwards (:func:`_clear_on_change`, run
before every flush, whatever the path: an editor, an import, an undo, psql excepted).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from models.accounts.permissions import check_confirm
from models.audit.actor import signed_in_actor
from models.base import utcnow
from models.changes import OpChanges, OpResult, RecordKind
from models.concurrency import PlannerSession
from models.enums import VisitStatus
from models.errors import NotFoundError, ValidationError
from models.leads import SIGNED_STAGES, HqVisit, Lead
from models.operations.teams import get_visit

# the fields whose change clears a confirmation
LEAD_COUNTED = ("stage", "amount_cny", "signed_on", "unit_id", "campaign_id")
VISIT_COUNTED = ("status", "visited_on", "unit_id", "campaign_id")


def find_lead(session: Session, code: str) -> Lead:
    lead = session.scalars(select(Lead).where(Lead.code == code.strip().upper())).one_or_none()
    if lead is None:
        raise NotFoundError(f"找不到项目 {code}", f"No project (lead) with the code {code}")
    return lead


def confirm_lead(session: Session, lead_id: int) -> OpResult[int]:
    """Confirm a signed project's result (its stage, amount, flagship mark)."""
    lead = session.get(Lead, lead_id)
    if lead is None:
        raise NotFoundError(f"找不到项目 {lead_id}", f"No lead with id {lead_id}")
    check_confirm(session, lead)
    if lead.stage not in SIGNED_STAGES:
        raise ValidationError(
            "stage", f"项目 {lead.code} 尚未签约（{lead.stage.zh}），没有可确认的成果",
            f"The project {lead.code} is not signed ({lead.stage.en}): nothing to confirm")
    lead.confirmed_at, lead.confirmed_by = utcnow(), signed_in_actor(session)
    session.flush()
    return OpResult(lead.id, OpChanges.of(RecordKind.LEAD, lead.id))


def unconfirm_lead(session: Session, lead_id: int) -> OpResult[int]:
    lead = session.get(Lead, lead_id)
    if lead is None:
        raise NotFoundError(f"找不到项目 {lead_id}", f"No lead with id {lead_id}")
    check_confirm(session, lead)
    lead.confirmed_at, lead.confirmed_by = None, ""
    session.flush()
    return OpResult(lead.id, OpChanges.of(RecordKind.LEAD, lead.id))


def confirm_visit(session: Session, visit_id: int) -> OpResult[int]:
    """Confirm that an HQ visit was done."""
    visit = get_visit(session, visit_id)
    check_confirm(session, visit)
    if visit.status is not VisitStatus.DONE:
        raise ValidationError(
            "status", f"总部拜访 {visit_id} 尚未完成（{visit.status.zh}），没有可确认的成果",
            f"The HQ visit {visit_id} is not done ({visit.status.en}): nothing to confirm")
    visit.confirmed_at, visit.confirmed_by = utcnow(), signed_in_actor(session)
    session.flush()
    return OpResult(visit.id, OpChanges.of(RecordKind.HQ_VISIT, visit.id))


def unconfirm_visit(session: Session, visit_id: int) -> OpResult[int]:
    visit = get_visit(session, visit_id)
    check_confirm(session, visit)
    visit.confirmed_at, visit.confirmed_by = None, ""
    session.flush()
    return OpResult(visit.id, OpChanges.of(RecordKind.HQ_VISIT, visit.id))


def _counted_change(obj: object, fields: Iterable[str]) -> bool:
    attrs = inspect(obj).attrs
    if attrs["confirmed_at"].history.has_changes():
        return False  # this flush confirms or unconfirms it
    for name in fields:
        hist = attrs[name].history
        if hist.has_changes() and (hist.deleted or [None])[0] != (hist.added or [None])[0]:
            return True
    return False


def _clear_on_change(session: Session, _context: UOWTransaction,
                     _instances: Iterable[object] | None) -> None:
    for obj in session.dirty:
        if isinstance(obj, Lead) and obj.confirmed_at is not None:
            counted = _counted_change(obj, LEAD_COUNTED)
        elif isinstance(obj, HqVisit) and obj.confirmed_at is not None:
            counted = _counted_change(obj, VISIT_COUNTED)
        else:
            continue
        if counted:
            obj.confirmed_at, obj.confirmed_by = None, ""


# first among the flush listeners, so that the history records the cleared confirmation too
event.listen(PlannerSession, "before_flush", _clear_on_change, insert=True)
