"""Operations on investment leads and headquarters visits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from models import rules
from models.campaign import Campaign, Industry, Unit
from models.changes import OpChanges, OpResult, RecordKind
from models.enums import LeadStage
from models.errors import ConcurrentEditError, NotFoundError, ValidationError
from models.events import ThemedEvent
from models.leads import HqVisit, Lead
from models.operations.codes import next_code
from models.organisations import Organisation
from models.queries import current_campaign
from models.row_builders import lead_row
from models.rows import LeadRow
from models.trips import Trip


@dataclass
class LeadDraft:
    title_zh: str
    organisation_id: int
    amount_cny: int
    stage: LeadStage = LeadStage.CONTACT
    title_en: str = ""
    industry_id: int | None = None
    unit_id: int | None = None
    source_trip_id: int | None = None
    source_event_id: int | None = None
    first_contact_on: date | None = None
    signed_on: date | None = None
    funds_in_cny: int = 0
    notes: str = ""
    code: str | None = None
    uuid: str | None = None
    campaign_id: int | None = None  # None: the newest campaign


def _check(session: Session, d: LeadDraft) -> None:
    rules.required_name("title_zh", d.title_zh, "项目名称", "Project title")
    rules.non_negative("amount_cny", d.amount_cny, "投资金额", "The amount")
    rules.non_negative("funds_in_cny", d.funds_in_cny, "到位资金", "Funds in")
    checks: list[tuple[str, type, int | None, str, str]] = [
        ("organisation_id", Organisation, d.organisation_id, "机构", "organisation"),
        ("industry_id", Industry, d.industry_id, "产业", "industry"),
        ("unit_id", Unit, d.unit_id, "责任单位", "unit"),
        ("source_trip_id", Trip, d.source_trip_id, "来源推广活动", "source trip"),
        ("source_event_id", ThemedEvent, d.source_event_id, "来源专题活动", "source event"),
    ]
    for field_name, model, ident, zh, en in checks:
        if ident is not None and session.get(model, ident) is None:
            raise ValidationError(field_name, f"{zh}不存在（编号 {ident}）",
                                  f"No such {en} (id {ident})")
    if d.signed_on and d.first_contact_on and d.signed_on < d.first_contact_on:
        raise ValidationError("signed_on", "签约日期不能早于首次接洽日期",
                              "The signing date cannot be before the first contact")


def _apply(lead: Lead, d: LeadDraft) -> None:
    lead.title_zh = d.title_zh.strip()
    lead.title_en = d.title_en.strip()
    lead.organisation_id = d.organisation_id
    lead.amount_cny = d.amount_cny
    lead.stage = d.stage
    lead.industry_id = d.industry_id
    lead.unit_id = d.unit_id
    lead.source_trip_id = d.source_trip_id
    lead.source_event_id = d.source_event_id
    lead.first_contact_on = d.first_contact_on
    lead.signed_on = d.signed_on
    lead.funds_in_cny = d.funds_in_cny
    lead.notes = d.notes


def create_lead(session: Session, draft: LeadDraft) -> OpResult[LeadRow]:
    _check(session, draft)
    campaign = (session.get(Campaign, draft.campaign_id) if draft.campaign_id is not None
                else current_campaign(session))
    if campaign is None:
        raise ValidationError("campaign_id", f"年度计划不存在（编号 {draft.campaign_id}）",
                              f"No such campaign (id {draft.campaign_id})")
    code = (rules.code("code", draft.code) if draft.code
            else next_code(session, Lead.code, "LEAD", campaign.year))
    lead = Lead(code=code, campaign_id=campaign.id)
    if draft.uuid:
        lead.uuid = draft.uuid
    _apply(lead, draft)
    session.add(lead)
    session.flush()
    return OpResult(lead_row(lead, campaign.flagship_threshold_cny),
                    OpChanges.of(RecordKind.LEAD, lead.id))


def update_lead(session: Session, lead_id: int, draft: LeadDraft,
                expected_revision: int | None = None) -> OpResult[LeadRow]:
    lead = session.get(Lead, lead_id)
    if lead is None:
        raise NotFoundError(f"找不到项目 {lead_id}", f"No lead with id {lead_id}")
    if expected_revision is not None and lead.revision != expected_revision:
        raise ConcurrentEditError(f"项目 {lead.code}", expected_revision, lead.revision)
    _check(session, draft)
    _apply(lead, draft)
    session.flush()
    return OpResult(lead_row(lead, lead.campaign.flagship_threshold_cny),
                    OpChanges.of(RecordKind.LEAD, lead.id))


def record_hq_visit(session: Session, organisation_id: int, visited_on: date,
                    unit_id: int | None = None, team: str = "", trip_id: int | None = None,
                    notes: str = "", *, uuid: str | None = None) -> OpResult[int]:
    """Record one headquarters visit of the 百队千企 campaign (in the newest campaign)."""
    if session.get(Organisation, organisation_id) is None:
        raise ValidationError("organisation_id", f"机构不存在（编号 {organisation_id}）",
                              f"No such organisation (id {organisation_id})")
    if unit_id is not None and session.get(Unit, unit_id) is None:
        raise ValidationError("unit_id", f"责任单位不存在（编号 {unit_id}）",
                              f"No such unit (id {unit_id})")
    campaign = current_campaign(session)
    visit = HqVisit(campaign_id=campaign.id, organisation_id=organisation_id,
                    visited_on=visited_on, unit_id=unit_id, team=team, trip_id=trip_id,
                    notes=notes)
    if uuid:
        visit.uuid = uuid
    session.add(visit)
    session.flush()
    return OpResult(visit.id, OpChanges.of(RecordKind.HQ_VISIT, visit.id))
