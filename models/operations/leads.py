"""Operations on investment leads (projects, 招商项目) and headquarters visits.

Stage rules, checked on every create, edit and move:

- 签约 and every later stage need a signing date and a signed amount;
- 资金到位 and 投产 need the funds received;
- going back from 资金到位 or 投产 (to an earlier stage, or dropping the project) needs a reason.

Every stage a project reaches is kept in its stage history (the day, who moved it there, why).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from models import rules
from models.audit.actor import current_actor
from models.campaign import Campaign, Industry, Unit
from models.changes import OpChanges, OpResult, RecordKind
from models.enums import LeadStage, PersonKind, RsvpState, VisitStatus
from models.errors import ConcurrentEditError, NotFoundError, ValidationError
from models.events import AgendaSession, ThemedEvent
from models.leads import FUNDED_STAGES, SIGNED_STAGES, Lead, LeadStageChange, is_backwards
from models.operations.codes import next_code
from models.operations.teams import VisitDraft, plan_visit, team_by_name
from models.organisations import Organisation
from models.people import Person
from models.queries import current_campaign
from models.row_builders import lead_row, ref
from models.rows import LeadRow, Ref, StageStep
from models.timeutil import BEIJING
from models.trips import ItineraryItem, Trip


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
    source_item_id: int | None = None
    source_session_id: int | None = None
    leader_id: int | None = None  # 挂点领导: the city leader linked to the project
    # The stage history to write on create (sample, re-creating a deleted project); empty:
    # one step, the current stage, on ``stage_on``.
    history: tuple[StageStep, ...] = field(default=(), compare=False)
    stage_on: date | None = field(default=None, compare=False)  # the day of a stage change
    stage_reason: str = field(default="", compare=False)  # why it went back


def check_stage(stage: LeadStage, signed_on: date | None, amount_cny: int,
                funds_in_cny: int) -> None:
    """The rules a stage puts on the other fields (签约 needs a date and an amount, …)."""
    if stage in SIGNED_STAGES:
        if signed_on is None:
            raise ValidationError("signed_on", f"“{stage.zh}”阶段需要签约日期",
                                  f"The stage “{stage.en}” needs the signing date")
        if amount_cny <= 0:
            raise ValidationError("amount_cny", f"“{stage.zh}”阶段需要签约金额",
                                  f"The stage “{stage.en}” needs the signed amount")
    if stage in FUNDED_STAGES and funds_in_cny <= 0:
        raise ValidationError("funds_in_cny", f"“{stage.zh}”阶段需要到位资金",
                              f"The stage “{stage.en}” needs the funds received")


def check_move(before: LeadStage, after: LeadStage, reason: str) -> None:
    """Going back from 资金到位 or 投产 needs a reason."""
    if before in FUNDED_STAGES and is_backwards(before, after) and not reason.strip():
        raise ValidationError(
            "stage_reason", f"从“{before.zh}”退回“{after.zh}”需要填写原因",
            f"Going back from “{before.en}” to “{after.en}” needs a reason")


def today() -> date:
    """Today in Beijing: the day a stage change is dated when none is given."""
    return datetime.now(BEIJING).date()


def _check(session: Session, d: LeadDraft) -> None:
    rules.required_name("title_zh", d.title_zh, "项目名称", "Project title")
    if not d.organisation_id:
        raise ValidationError("organisation_id", "请选择项目的机构",
                              "Choose the project's organisation")
    rules.non_negative("amount_cny", d.amount_cny, "投资金额", "The amount")
    rules.non_negative("funds_in_cny", d.funds_in_cny, "到位资金", "Funds in")
    checks: list[tuple[str, type, int | None, str, str]] = [
        ("organisation_id", Organisation, d.organisation_id, "机构", "organisation"),
        ("industry_id", Industry, d.industry_id, "产业", "industry"),
        ("unit_id", Unit, d.unit_id, "责任单位", "unit"),
        ("source_trip_id", Trip, d.source_trip_id, "来源推广活动", "source trip"),
        ("source_event_id", ThemedEvent, d.source_event_id, "来源专题活动", "source event"),
        ("source_item_id", ItineraryItem, d.source_item_id, "来源日程", "source itinerary item"),
        ("source_session_id", AgendaSession, d.source_session_id, "来源议程",
         "source agenda session"),
        ("leader_id", Person, d.leader_id, "挂点领导", "linked leader"),
    ]
    for field_name, model, ident, zh, en in checks:
        if ident is not None and session.get(model, ident) is None:
            raise ValidationError(field_name, f"{zh}不存在（编号 {ident}）",
                                  f"No such {en} (id {ident})")
    if d.signed_on and d.first_contact_on and d.signed_on < d.first_contact_on:
        raise ValidationError("signed_on", "签约日期不能早于首次接洽日期",
                              "The signing date cannot be before the first contact")
    check_stage(d.stage, d.signed_on, d.amount_cny, d.funds_in_cny)


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
    lead.source_item_id = d.source_item_id
    lead.source_session_id = d.source_session_id
    lead.leader_id = d.leader_id


def _step(session: Session, lead: Lead, stage: LeadStage, on: date | None,
          reason: str = "") -> None:
    lead.stage_changes.append(LeadStageChange(
        stage=stage, changed_on=on or today(), changed_by=current_actor(session),
        reason=reason.strip()))


def _changes(lead: Lead) -> OpChanges:
    changes = OpChanges.of(RecordKind.LEAD, lead.id)
    if lead.source_trip_id is not None:
        changes = changes | OpChanges.of(RecordKind.TRIP, lead.source_trip_id)
    if lead.source_event_id is not None:
        changes = changes | OpChanges.of(RecordKind.EVENT, lead.source_event_id)
    return changes


def get_lead(session: Session, lead_id: int) -> Lead:
    lead = session.get(Lead, lead_id)
    if lead is None:
        raise NotFoundError(f"找不到项目 {lead_id}", f"No lead with id {lead_id}")
    return lead


def lead_draft(session: Session, lead_id: int) -> LeadDraft:
    """The draft that edits (or re-creates) a project, with its stage history."""
    lead = get_lead(session, lead_id)
    return LeadDraft(
        title_zh=lead.title_zh, organisation_id=lead.organisation_id, amount_cny=lead.amount_cny,
        stage=lead.stage, title_en=lead.title_en, industry_id=lead.industry_id,
        unit_id=lead.unit_id, source_trip_id=lead.source_trip_id,
        source_event_id=lead.source_event_id, first_contact_on=lead.first_contact_on,
        signed_on=lead.signed_on, funds_in_cny=lead.funds_in_cny, notes=lead.notes,
        code=lead.code, uuid=lead.uuid, campaign_id=lead.campaign_id,
        source_item_id=lead.source_item_id, source_session_id=lead.source_session_id,
        leader_id=lead.leader_id,
        history=tuple(StageStep(c.stage, c.changed_on, c.changed_by, c.reason)
                      for c in lead.stage_changes),
    )


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
    if draft.history:
        lead.stage_changes.extend(
            LeadStageChange(stage=h.stage, changed_on=h.on, changed_by=h.by, reason=h.reason)
            for h in draft.history)
    else:
        _step(session, lead, draft.stage,
              draft.stage_on or _natural_day(draft), draft.stage_reason)
    session.add(lead)
    session.flush()
    return OpResult(lead_row(lead, campaign.flagship_threshold_cny), _changes(lead))


def _natural_day(d: LeadDraft) -> date | None:
    """The day a new project reached its stage, when the draft says nothing else."""
    if d.stage is LeadStage.SIGNED and d.signed_on:
        return d.signed_on
    if d.stage is LeadStage.CONTACT and d.first_contact_on:
        return d.first_contact_on
    return None


def update_lead(session: Session, lead_id: int, draft: LeadDraft,
                expected_revision: int | None = None) -> OpResult[LeadRow]:
    """Edit every field; a new stage is checked like a move and added to the history."""
    lead = get_lead(session, lead_id)
    if expected_revision is not None and lead.revision != expected_revision:
        raise ConcurrentEditError(f"项目 {lead.code}", expected_revision, lead.revision)
    _check(session, draft)
    before = lead.stage
    if draft.stage != before:
        check_move(before, draft.stage, draft.stage_reason)
    changes = _changes(lead)
    _apply(lead, draft)
    if draft.stage != before:
        _step(session, lead, draft.stage, draft.stage_on, draft.stage_reason)
    session.flush()
    return OpResult(lead_row(lead, lead.campaign.flagship_threshold_cny), changes | _changes(lead))


def move_lead(session: Session, lead_id: int, stage: LeadStage, *, on: date | None = None,
              signed_on: date | None = None, amount_cny: int | None = None,
              funds_in_cny: int | None = None, reason: str = "",
              expected_revision: int | None = None) -> OpResult[LeadRow]:
    """Move a project to another stage (the pipeline board's drag), with what the stage needs:
    the signing date and amount for 签约, the funds received for 资金到位."""
    lead = get_lead(session, lead_id)
    if expected_revision is not None and lead.revision != expected_revision:
        raise ConcurrentEditError(f"项目 {lead.code}", expected_revision, lead.revision)
    if stage == lead.stage:
        return OpResult(lead_row(lead, lead.campaign.flagship_threshold_cny), OpChanges())
    check_move(lead.stage, stage, reason)
    new_signed = signed_on if signed_on is not None else lead.signed_on
    new_amount = amount_cny if amount_cny is not None else lead.amount_cny
    new_funds = funds_in_cny if funds_in_cny is not None else lead.funds_in_cny
    rules.non_negative("amount_cny", new_amount, "投资金额", "The amount")
    rules.non_negative("funds_in_cny", new_funds, "到位资金", "Funds in")
    check_stage(stage, new_signed, new_amount, new_funds)
    if new_signed and lead.first_contact_on and new_signed < lead.first_contact_on:
        raise ValidationError("signed_on", "签约日期不能早于首次接洽日期",
                              "The signing date cannot be before the first contact")
    lead.stage = stage
    lead.signed_on = new_signed
    lead.amount_cny = new_amount
    lead.funds_in_cny = new_funds
    day = on or (new_signed if stage is LeadStage.SIGNED and signed_on else None)
    _step(session, lead, stage, day, reason)
    session.flush()
    return OpResult(lead_row(lead, lead.campaign.flagship_threshold_cny), _changes(lead))


def unmove_lead(session: Session, lead_id: int, before: LeadDraft) -> OpResult[LeadRow]:
    """Undo a move: the fields as they were and the history without the steps added since."""
    lead = get_lead(session, lead_id)
    _apply(lead, before)
    lead.stage = before.stage
    del lead.stage_changes[len(before.history):]
    session.flush()
    return OpResult(lead_row(lead, lead.campaign.flagship_threshold_cny), _changes(lead))


def delete_lead(session: Session, lead_id: int) -> OpResult[LeadDraft]:
    """Delete a project; the value is the draft that re-creates it (undo)."""
    draft = lead_draft(session, lead_id)
    lead = get_lead(session, lead_id)
    changes = _changes(lead)
    session.delete(lead)
    session.flush()
    return OpResult(draft, changes)


# RSVP order of a meeting's organisations: those that came or will come first
_RSVP_ORDER = {RsvpState.ATTENDED: 0, RsvpState.ACCEPTED: 1, RsvpState.TENTATIVE: 2,
               RsvpState.INVITED: 3, RsvpState.DECLINED: 4}


def meeting_organisations(session: Session, *, item_id: int | None = None,
                          agenda_session_id: int | None = None) -> list[Ref]:
    """The organisations a project from this meeting most likely concerns, best first: an
    itinerary item's organisation, then its trip's targets; an agenda session's speakers'
    organisations, then the event's invitees (attended, accepted, tentative, invited,
    declined)."""
    found: list[Organisation] = []
    if item_id is not None:
        item = session.get(ItineraryItem, item_id)
        if item is None:
            raise NotFoundError(f"找不到日程 {item_id}", f"No itinerary item with id {item_id}")
        found = ([item.organisation] if item.organisation is not None else []) \
            + list(item.trip.targets)
    elif agenda_session_id is not None:
        agenda = session.get(AgendaSession, agenda_session_id)
        if agenda is None:
            raise NotFoundError(f"找不到议程 {agenda_session_id}",
                                f"No agenda session with id {agenda_session_id}")
        found = [p.organisation for p in agenda.speakers if p.organisation is not None]
        found += [i.organisation for i in sorted(agenda.event.invitations,
                                                 key=lambda i: _RSVP_ORDER[i.rsvp])
                  if i.organisation is not None]
    return [r for o in dict.fromkeys(found) if (r := ref(o)) is not None]


def _organisation(session: Session, organisation_id: int) -> Organisation:
    org = session.get(Organisation, organisation_id)
    if org is None:
        raise ValidationError("organisation_id", f"机构不存在（编号 {organisation_id}）",
                              f"No such organisation (id {organisation_id})")
    return org


def meeting_draft(session: Session, *, item_id: int | None = None,
                  agenda_session_id: int | None = None,
                  organisation_id: int | None = None) -> LeadDraft:
    """A new project prefilled from a meeting: an itinerary item of a trip or an agenda
    session of an event (organisation, source, unit, industry, the day of first contact).

    ``organisation_id`` is the organisation the user chose; without it an item's own
    organisation is taken, and a meeting that names none raises ValidationError (the window
    then asks, listing ``meeting_organisations`` first).
    """
    if item_id is not None:
        item = session.get(ItineraryItem, item_id)
        if item is None:
            raise NotFoundError(f"找不到日程 {item_id}", f"No itinerary item with id {item_id}")
        if organisation_id is None and item.organisation_id is None:
            raise ValidationError("organisation_id", "该日程没有关联机构，请选择项目的机构",
                                  "This itinerary item names no organisation: choose one")
        org = _organisation(session, organisation_id or item.organisation_id or 0)
        trip = item.trip
        return LeadDraft(
            title_zh=f"{org.name_zh}项目", title_en=f"{org.name_en} project" if org.name_en
            else "", organisation_id=org.id, amount_cny=0, industry_id=org.industry_id
            or (trip.industries[0].id if trip.industries else None),
            unit_id=trip.host_unit_id, source_trip_id=trip.id, source_item_id=item.id,
            first_contact_on=item.starts_at.astimezone(ZoneInfo(item.timezone)).date(),
            notes=item.outcome, campaign_id=trip.campaign_id, leader_id=trip.leader_id
            if trip.leader is not None and trip.leader.kind is PersonKind.CITY_LEADER else None)
    if agenda_session_id is not None:
        agenda = session.get(AgendaSession, agenda_session_id)
        if agenda is None:
            raise NotFoundError(f"找不到议程 {agenda_session_id}",
                                f"No agenda session with id {agenda_session_id}")
        if organisation_id is None:
            raise ValidationError("organisation_id", "请选择项目的机构",
                                  "Choose the project's organisation")
        org = _organisation(session, organisation_id)
        event = agenda.event
        return LeadDraft(
            title_zh=f"{org.name_zh}项目", title_en=f"{org.name_en} project" if org.name_en
            else "", organisation_id=org.id, amount_cny=0, industry_id=org.industry_id
            or (event.industries[0].id if event.industries else None),
            unit_id=event.host_unit_id, source_event_id=event.id,
            source_session_id=agenda.id,
            first_contact_on=agenda.starts_at.astimezone(ZoneInfo(event.timezone)).date(),
            campaign_id=event.campaign_id)
    raise ValidationError("source", "请选择一个日程或议程", "Choose an itinerary item or session")


def record_hq_visit(session: Session, organisation_id: int, visited_on: date,
                    unit_id: int | None = None, team: str = "", trip_id: int | None = None,
                    notes: str = "", *, uuid: str | None = None) -> OpResult[int]:
    """Record one headquarters visit that took place (in the newest campaign); ``team`` is the
    team's name, and a team of that name is created when there is none yet."""
    team_id = (team_by_name(session, team, current_campaign(session), unit_id).id
               if team.strip() else None)
    result = plan_visit(session, VisitDraft(
        organisation_id, visited_on, team_id, VisitStatus.DONE, unit_id=unit_id, trip_id=trip_id,
        notes=notes, uuid=uuid))
    return OpResult(result.value.id, result.changes)
