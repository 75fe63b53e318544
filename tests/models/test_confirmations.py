"""Confirmed results: a planner confirms a signed project or a done HQ visit; a later change of
what the leaderboard counts clears the confirmation (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.audit.actor import set_actor
from models.audit.history import record_history
from models.changes import RecordKind
from models.enums import LeadStage, VisitStatus
from models.errors import ValidationError
from models.leads import HqVisit, Lead
from models.operations.confirmations import (
    confirm_lead,
    confirm_visit,
    find_lead,
    unconfirm_lead,
    unconfirm_visit,
)
from models.operations.leads import LeadDraft, create_lead, lead_draft, update_lead
from models.operations.teams import VisitDraft, plan_visit, update_visit, visit_draft
from models.record_types import RecordType
from tests.factories import World, make_world


def _signed(s: Session, w: World, **overrides: object) -> int:
    draft = LeadDraft("储能电池工厂", w.org_id, 6_000_000_000, LeadStage.SIGNED,
                      signed_on=date(2023, 5, 8), first_contact_on=date(2023, 3, 1))
    return create_lead(s, replace(draft, **overrides)).value.id


def test_a_signed_project_is_confirmed_and_a_counted_change_clears_it(
        sessions: sessionmaker[Session]) -> None:
    set_actor("陈主任@投促局")
    try:
        with sessions.begin() as s:
            lead_id = _signed(s, make_world(s))
        with sessions.begin() as s:
            result = confirm_lead(s, lead_id)
            assert result.value == lead_id and result.changes.ids_of(RecordKind.LEAD) == {lead_id}
        with sessions.begin() as s:
            lead = s.get(Lead, lead_id)
            assert lead is not None and lead.confirmed_at is not None and lead.confirmed_by
            update_lead(s, lead_id, replace(lead_draft(s, lead_id), notes="只改备注"))
        with sessions.begin() as s:
            lead = s.get(Lead, lead_id)
            assert lead is not None and lead.confirmed_at is not None  # notes do not count
            update_lead(s, lead_id, replace(lead_draft(s, lead_id), amount_cny=7_000_000_000))
        with sessions() as s:
            lead = s.get(Lead, lead_id)
            assert lead is not None and lead.confirmed_at is None and lead.confirmed_by == ""
            history = record_history(s, RecordType.LEADS, lead_id)
        last = {c.field: (c.old, c.new) for c in history[-1].changes}
        assert last["amount_cny"] == (6_000_000_000, 7_000_000_000)
        assert last["confirmed_at"][1] is None and last["confirmed_by"][1] in ("", None)
    finally:
        set_actor(None)


def test_confirming_an_unsigned_project_or_a_planned_visit_is_refused(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        lead_id = _signed(s, w, stage=LeadStage.NEGOTIATION, signed_on=None)
        visit_id = plan_visit(s, VisitDraft(w.org_id, date(2023, 6, 2))).value.id
    with sessions.begin() as s, pytest.raises(ValidationError, match=r"尚未签约.*not signed"):
        confirm_lead(s, lead_id)
    with sessions.begin() as s, pytest.raises(ValidationError, match=r"尚未完成.*not done"):
        confirm_visit(s, visit_id)
    with sessions() as s:
        assert s.get(Lead, lead_id).confirmed_at is None  # type: ignore[union-attr]
        assert s.get(HqVisit, visit_id).confirmed_at is None  # type: ignore[union-attr]


def test_a_done_visit_is_confirmed_unconfirmed_and_cleared_by_a_change(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        visit_id = plan_visit(s, VisitDraft(w.org_id, date(2023, 6, 2),
                                            status=VisitStatus.DONE)).value.id
        lead_id = _signed(s, w)
    with sessions.begin() as s:
        confirm_visit(s, visit_id)
        confirm_lead(s, find_lead(s, s.get(Lead, lead_id).code).id)  # type: ignore[union-attr]
    with sessions.begin() as s:
        assert s.get(HqVisit, visit_id).confirmed_at is not None  # type: ignore[union-attr]
        unconfirm_lead(s, lead_id)
        update_visit(s, visit_id, replace(visit_draft(s, visit_id), visited_on=date(2023, 6, 3)))
    with sessions() as s:
        assert s.get(HqVisit, visit_id).confirmed_at is None  # type: ignore[union-attr]
        assert s.get(Lead, lead_id).confirmed_at is None  # type: ignore[union-attr]
    with sessions.begin() as s:
        confirm_visit(s, visit_id)
        unconfirm_visit(s, visit_id)
    with sessions() as s:
        assert s.get(HqVisit, visit_id).confirmed_by == ""  # type: ignore[union-attr]
