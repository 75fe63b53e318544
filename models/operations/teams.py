"""Operations of the 百队千企 campaign: teams, their headquarters visits (planned, then done
with an outcome and a follow-up project), the target list (千企) and the chain leaders (链长)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models import rules
from models.campaign import Campaign, Industry, Region, Unit
from models.changes import OpChanges, OpResult, RecordKind
from models.enums import PersonKind, VisitStatus
from models.errors import ConcurrentEditError, NotFoundError, ValidationError
from models.leads import HqVisit, Lead
from models.organisations import Organisation
from models.people import Person
from models.queries import current_campaign
from models.row_builders import hq_visit_row, ref
from models.rows import HqVisitRow, Ref, TeamRow
from models.teams import ChainLeader, TargetHq, Team
from models.trips import Trip
from models.visits import city_names, team_row


def _exists(session: Session, model: type, ident: int | None, field_name: str, zh: str,
            en: str) -> None:
    if ident is not None and session.get(model, ident) is None:
        raise ValidationError(field_name, f"{zh}不存在（编号 {ident}）", f"No such {en} (id {ident})")


def _campaign(session: Session, campaign_id: int | None) -> Campaign:
    if campaign_id is None:
        return current_campaign(session)
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise ValidationError("campaign_id", f"年度计划不存在（编号 {campaign_id}）",
                              f"No such campaign (id {campaign_id})")
    return campaign


# --- teams ------------------------------------------------------------------------------------


@dataclass
class TeamDraft:
    name: str
    leader_id: int | None = None
    unit_id: int | None = None
    member_ids: list[int] = field(default_factory=list)
    target_visits: int = 0
    notes: str = ""
    uuid: str | None = None
    campaign_id: int | None = None
    name_en: str = ""


def _team_name(name: str) -> str:
    return " ".join(name.split())


_NUMBERED = re.compile(r"^第(\d+)(?:小分队|分队|队)$")


def english_team_name(name_zh: str) -> str:
    """``Team 39`` for 第39小分队 (spaces ignored); empty when the name has no such pattern."""
    match = _NUMBERED.match("".join(name_zh.split()))
    return f"Team {int(match.group(1))}" if match else ""


def _check_team(session: Session, d: TeamDraft, team_id: int | None) -> None:
    rules.required_name("name", d.name, "小分队名称", "Team name")
    rules.non_negative("target_visits", d.target_visits, "目标拜访数", "The target visits")
    _exists(session, Person, d.leader_id, "leader_id", "带队领导", "leader")
    _exists(session, Unit, d.unit_id, "unit_id", "责任单位", "unit")
    for person_id in d.member_ids:
        _exists(session, Person, person_id, "member_ids", "成员", "member")
    same = session.scalar(select(Team.id).where(Team.name == _team_name(d.name)))
    if same is not None and same != team_id:
        raise ValidationError("name", f"已有名为“{_team_name(d.name)}”的小分队",
                              f"There is already a team named “{_team_name(d.name)}”")


def _apply_team(session: Session, team: Team, d: TeamDraft) -> None:
    team.name = _team_name(d.name)
    team.name_en = _team_name(d.name_en)
    team.leader_id = d.leader_id
    team.unit_id = d.unit_id
    team.target_visits = d.target_visits
    team.notes = d.notes
    people = {p.id: p for p in session.scalars(select(Person).where(
        Person.id.in_(d.member_ids)))}
    team.members = [people[i] for i in dict.fromkeys(d.member_ids)]


def _save_positions(session: Session, team: Team) -> None:
    from models.teams import team_members

    session.flush()
    for n, person in enumerate(team.members):
        session.execute(team_members.update().where(
            team_members.c.team_id == team.id, team_members.c.person_id == person.id
        ).values(position=n))


def create_team(session: Session, draft: TeamDraft) -> OpResult[TeamRow]:
    _check_team(session, draft, None)
    campaign = _campaign(session, draft.campaign_id)
    team = Team(campaign_id=campaign.id)
    if draft.uuid:
        team.uuid = draft.uuid
    _apply_team(session, team, draft)
    session.add(team)
    _save_positions(session, team)
    return OpResult(team_row(team, {}), OpChanges.of(RecordKind.TEAM, team.id))


def get_team(session: Session, team_id: int) -> Team:
    team = session.get(Team, team_id)
    if team is None:
        raise NotFoundError(f"找不到小分队 {team_id}", f"No team with id {team_id}")
    return team


def team_draft(session: Session, team_id: int) -> TeamDraft:
    t = get_team(session, team_id)
    return TeamDraft(t.name, t.leader_id, t.unit_id, [p.id for p in t.members], t.target_visits,
                     t.notes, t.uuid, t.campaign_id, t.name_en)


def update_team(session: Session, team_id: int, draft: TeamDraft,
                expected_revision: int | None = None) -> OpResult[TeamRow]:
    team = get_team(session, team_id)
    if expected_revision is not None and team.revision != expected_revision:
        raise ConcurrentEditError(f"小分队 {team.name}", expected_revision, team.revision)
    _check_team(session, draft, team_id)
    _apply_team(session, team, draft)
    _save_positions(session, team)
    return OpResult(team_row(team, {}), OpChanges.of(RecordKind.TEAM, team.id))


def delete_team(session: Session, team_id: int) -> OpResult[TeamDraft]:
    """Delete a team; its visits stay, without a team. The value re-creates it."""
    draft = team_draft(session, team_id)
    team = get_team(session, team_id)
    visits = list(session.scalars(select(HqVisit.id).where(HqVisit.team_id == team_id)))
    session.delete(team)
    session.flush()
    return OpResult(draft, OpChanges.of(RecordKind.TEAM, team_id)
                    | OpChanges.of(RecordKind.HQ_VISIT, *visits))


def team_by_name(session: Session, name: str, campaign: Campaign,
                 unit_id: int | None = None) -> Team:
    """The team of that name (spaces ignored), created when there is none yet."""
    wanted = "".join(name.split())
    for team in session.scalars(select(Team)):
        if "".join(team.name.split()) == wanted:
            return team
    team = Team(campaign_id=campaign.id, name=_team_name(name), name_en=english_team_name(name),
                unit_id=unit_id)
    session.add(team)
    session.flush()
    return team


# --- visits -----------------------------------------------------------------------------------


@dataclass
class VisitDraft:
    organisation_id: int
    visited_on: date  # the planned day, or the day it happened
    team_id: int | None = None
    status: VisitStatus = VisitStatus.PLANNED
    place: str = ""
    unit_id: int | None = None
    trip_id: int | None = None
    outcome: str = ""
    follow_up_lead_id: int | None = None
    notes: str = ""
    uuid: str | None = None
    campaign_id: int | None = None


def _check_visit(session: Session, d: VisitDraft) -> None:
    if not d.organisation_id:
        raise ValidationError("organisation_id", "请选择拜访的企业",
                              "Choose the company to visit")
    _exists(session, Organisation, d.organisation_id, "organisation_id", "机构", "organisation")
    _exists(session, Team, d.team_id, "team_id", "小分队", "team")
    _exists(session, Unit, d.unit_id, "unit_id", "责任单位", "unit")
    _exists(session, Trip, d.trip_id, "trip_id", "推广活动", "trip")
    _exists(session, Lead, d.follow_up_lead_id, "follow_up_lead_id", "跟进项目", "project")
    if d.status is not VisitStatus.DONE and (d.outcome.strip() or d.follow_up_lead_id):
        raise ValidationError("status", "只有已完成的拜访才能记录成果和跟进项目",
                              "Only a visit that took place has an outcome or a follow-up")


def _apply_visit(visit: HqVisit, d: VisitDraft, team: Team | None) -> None:
    visit.organisation_id = d.organisation_id
    visit.visited_on = d.visited_on
    visit.team_id = d.team_id
    visit.status = d.status
    visit.place = d.place.strip()
    # a visit is credited to its team's unit unless it names one
    visit.unit_id = d.unit_id if d.unit_id is not None else (team.unit_id if team else None)
    visit.trip_id = d.trip_id
    visit.outcome = d.outcome
    visit.follow_up_lead_id = d.follow_up_lead_id
    visit.notes = d.notes


def _target_of(session: Session, visit: HqVisit) -> dict[int, Ref | None]:
    """The visited organisation's place on the target list (empty when it is not on it)."""
    target = session.scalar(select(TargetHq).where(
        TargetHq.campaign_id == visit.campaign_id,
        TargetHq.organisation_id == visit.organisation_id))
    return {} if target is None else {target.organisation_id: ref(target.region)}


def _visit_changes(visit: HqVisit) -> OpChanges:
    return (OpChanges.of(RecordKind.HQ_VISIT, visit.id)
            | OpChanges.of(RecordKind.TEAM, visit.team_id))


def plan_visit(session: Session, draft: VisitDraft) -> OpResult[HqVisitRow]:
    """A new visit: planned (the default) or already done."""
    _check_visit(session, draft)
    campaign = _campaign(session, draft.campaign_id)
    visit = HqVisit(campaign_id=campaign.id)
    if draft.uuid:
        visit.uuid = draft.uuid
    _apply_visit(visit, draft, session.get(Team, draft.team_id) if draft.team_id else None)
    session.add(visit)
    session.flush()
    return OpResult(hq_visit_row(visit, _target_of(session, visit), city_names(session)),
                    _visit_changes(visit))


def plan_visits(session: Session, drafts: list[VisitDraft]) -> OpResult[list[int]]:
    """Many visits under the same rules, written in one flush (an import, the sample): the
    value is their ids, in the order of ``drafts``."""
    campaigns: dict[int | None, Campaign] = {}
    teams: dict[int, Team | None] = {}
    made = []
    for draft in drafts:
        _check_visit(session, draft)
        if draft.campaign_id not in campaigns:
            campaigns[draft.campaign_id] = _campaign(session, draft.campaign_id)
        if draft.team_id is not None and draft.team_id not in teams:
            teams[draft.team_id] = session.get(Team, draft.team_id)
        visit = HqVisit(campaign_id=campaigns[draft.campaign_id].id)
        if draft.uuid:
            visit.uuid = draft.uuid
        _apply_visit(visit, draft, teams.get(draft.team_id) if draft.team_id else None)
        made.append(visit)
    session.add_all(made)
    session.flush()
    changes = OpChanges.of(RecordKind.HQ_VISIT, *(v.id for v in made)) | OpChanges.of(
        RecordKind.TEAM, *(v.team_id for v in made))
    return OpResult([v.id for v in made], changes)


def get_visit(session: Session, visit_id: int) -> HqVisit:
    visit = session.get(HqVisit, visit_id)
    if visit is None:
        raise NotFoundError(f"找不到总部拜访 {visit_id}", f"No HQ visit with id {visit_id}")
    return visit


def visit_draft(session: Session, visit_id: int) -> VisitDraft:
    v = get_visit(session, visit_id)
    return VisitDraft(v.organisation_id, v.visited_on, v.team_id, v.status, v.place, v.unit_id,
                      v.trip_id, v.outcome, v.follow_up_lead_id, v.notes, v.uuid, v.campaign_id)


def update_visit(session: Session, visit_id: int, draft: VisitDraft,
                 expected_revision: int | None = None) -> OpResult[HqVisitRow]:
    visit = get_visit(session, visit_id)
    if expected_revision is not None and visit.revision != expected_revision:
        raise ConcurrentEditError("总部拜访", expected_revision, visit.revision)
    _check_visit(session, draft)
    changes = _visit_changes(visit)
    _apply_visit(visit, draft, session.get(Team, draft.team_id) if draft.team_id else None)
    session.flush()
    return OpResult(hq_visit_row(visit, _target_of(session, visit), city_names(session)),
                    changes | _visit_changes(visit))


def record_visit(session: Session, visit_id: int, *, visited_on: date | None = None,
                 outcome: str = "", follow_up_lead_id: int | None = None,
                 expected_revision: int | None = None) -> OpResult[HqVisitRow]:
    """Record a planned visit as done, with its outcome and follow-up project."""
    draft = visit_draft(session, visit_id)
    draft.status = VisitStatus.DONE
    draft.visited_on = visited_on or draft.visited_on
    draft.outcome = outcome
    draft.follow_up_lead_id = follow_up_lead_id
    return update_visit(session, visit_id, draft, expected_revision)


def move_visit(session: Session, uuid: str, days: int,
               expected_revision: int | None = None) -> OpResult[HqVisitRow]:
    """Move a visit by whole days (a drag in the calendar)."""
    visit = session.scalar(select(HqVisit).where(HqVisit.uuid == uuid))
    if visit is None:
        raise NotFoundError("该拜访已不存在（可能已被他人删除）",
                            "The visit no longer exists (someone may have deleted it)")
    draft = visit_draft(session, visit.id)
    draft.visited_on = draft.visited_on + timedelta(days=days)
    return update_visit(session, visit.id, draft, expected_revision)


def delete_visit(session: Session, visit_id: int) -> OpResult[VisitDraft]:
    draft = visit_draft(session, visit_id)
    visit = get_visit(session, visit_id)
    changes = _visit_changes(visit)
    session.delete(visit)
    session.flush()
    return OpResult(draft, changes)


# --- the target list and the chain leaders ------------------------------------------------


def mark_targets(session: Session, organisation_ids: list[int], industry_id: int | None = None,
                 region_id: int | None = None, campaign_id: int | None = None) -> OpResult[int]:
    """Put organisations on the campaign's target list (for an industry chain and a region;
    the organisation's own industry when none is given). Returns how many were added."""
    campaign = _campaign(session, campaign_id)
    _exists(session, Industry, industry_id, "industry_id", "产业", "industry")
    _exists(session, Region, region_id, "region_id", "区域", "region")
    present = dict(session.execute(select(TargetHq.organisation_id, TargetHq.id).where(
        TargetHq.campaign_id == campaign.id)).all())
    added = 0
    for org_id in dict.fromkeys(organisation_ids):
        org = session.get(Organisation, org_id)
        if org is None:
            raise ValidationError("organisation_id", f"机构不存在（编号 {org_id}）",
                                  f"No such organisation (id {org_id})")
        if org_id in present:
            target = session.get(TargetHq, present[org_id])
            assert target is not None
            target.industry_id = industry_id or target.industry_id
            target.region_id = region_id or target.region_id
            continue
        session.add(TargetHq(campaign_id=campaign.id, organisation_id=org_id,
                             industry_id=industry_id or org.industry_id, region_id=region_id))
        added += 1
    session.flush()
    return OpResult(added, OpChanges.of(RecordKind.TARGET)
                    | OpChanges.of(RecordKind.ORGANISATION, *organisation_ids))


def unmark_targets(session: Session, organisation_ids: list[int],
                   campaign_id: int | None = None) -> OpResult[int]:
    campaign = _campaign(session, campaign_id)
    result = session.execute(delete(TargetHq).where(
        TargetHq.campaign_id == campaign.id, TargetHq.organisation_id.in_(organisation_ids)))
    return OpResult(int(getattr(result, "rowcount", 0) or 0),
                    OpChanges.of(RecordKind.TARGET)
                    | OpChanges.of(RecordKind.ORGANISATION, *organisation_ids))


@dataclass(frozen=True)
class TargetState:
    """An organisation's place on the target list: on it (for an industry chain and a region)
    or not. What undo puts back."""

    organisation_id: int
    on_list: bool
    industry_id: int | None = None
    region_id: int | None = None


def target_states(session: Session, organisation_ids: list[int],
                  campaign_id: int | None = None) -> list[TargetState]:
    """Where each organisation stands on the campaign's target list."""
    campaign = _campaign(session, campaign_id)
    present = {t.organisation_id: t for t in session.scalars(select(TargetHq).where(
        TargetHq.campaign_id == campaign.id, TargetHq.organisation_id.in_(organisation_ids)))}
    return [TargetState(i, True, present[i].industry_id, present[i].region_id)
            if i in present else TargetState(i, False)
            for i in dict.fromkeys(organisation_ids)]


def restore_targets(session: Session, states: list[TargetState],
                    campaign_id: int | None = None) -> OpResult[int]:
    """Put organisations back where ``states`` says (undo of a mark or an unmark)."""
    campaign = _campaign(session, campaign_id)
    ids = [s.organisation_id for s in states]
    session.execute(delete(TargetHq).where(TargetHq.campaign_id == campaign.id,
                                           TargetHq.organisation_id.in_(ids)))
    back = [TargetHq(campaign_id=campaign.id, organisation_id=s.organisation_id,
                     industry_id=s.industry_id, region_id=s.region_id)
            for s in states if s.on_list]
    session.add_all(back)
    session.flush()
    return OpResult(len(back), OpChanges.of(RecordKind.TARGET)
                    | OpChanges.of(RecordKind.ORGANISATION, *ids))


def set_chain_leader(session: Session, industry_id: int, person_id: int | None,
                     campaign_id: int | None = None) -> OpResult[None]:
    """Name (or, with None, remove) the chain leader (链长) of a key industry."""
    campaign = _campaign(session, campaign_id)
    _exists(session, Industry, industry_id, "industry_id", "产业", "industry")
    person = session.get(Person, person_id) if person_id is not None else None
    if person_id is not None and person is None:
        raise ValidationError("person_id", f"人员不存在（编号 {person_id}）",
                              f"No such person (id {person_id})")
    if person is not None and person.kind is not PersonKind.CITY_LEADER:
        raise ValidationError("person_id", "链长须为市领导", "A chain leader is a city leader")
    current = session.get(ChainLeader, (campaign.id, industry_id))
    previous = current.person_id if current is not None else None
    if person is None:
        if current is not None:
            session.delete(current)
    elif current is None:
        session.add(ChainLeader(campaign_id=campaign.id, industry_id=industry_id,
                                person_id=person.id))
    else:
        current.person_id = person.id
    session.flush()
    return OpResult(None, OpChanges.of(RecordKind.CAMPAIGN, campaign.id)
                    | OpChanges.of(RecordKind.PERSON, person_id, previous))
