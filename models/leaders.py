"""The seed's way of steering: each city leader linked to key projects (挂点领导) and a chain
leader (链长) per key industry. A view per leader and per industry chain of its projects,
trips and HQ visits, for the window and ``show``."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from models import queries
from models.enums import PersonKind, VisitStatus
from models.errors import NotFoundError
from models.leads import SIGNED_STAGES
from models.list_columns import lead_rows, visit_rows
from models.row_builders import shared_ref
from models.rows import HqVisitRow, LeadRow, Ref, TripRow
from models.tables import (
    CAMPAIGN,
    INDUSTRY,
    LEAD,
    MEMBER,
    ORGANISATION,
    PERSON,
    TEAM,
    TRIP,
    VISIT,
    people,
    team_members,
    trip_industries,
)
from models.tables import chain_leaders as chain_leader_table

_VISITED = VISIT.status.in_([VisitStatus.PLANNED, VisitStatus.DONE])  # a steering view's visits


@dataclass(frozen=True)
class SteeringView:
    """A leader's or an industry chain's projects, trips and HQ visits."""

    subject: Ref  # the leader, or the industry
    leader: Ref | None  # the chain leader (an industry's view); None for a leader's own view
    chains: tuple[Ref, ...]  # the industries the leader is chain leader of
    projects: tuple[LeadRow, ...]
    trips: tuple[TripRow, ...]
    visits: tuple[HqVisitRow, ...]

    @property
    def signed_cny(self) -> int:
        return sum(p.amount_cny for p in self.projects if p.stage in SIGNED_STAGES)


def _campaign_id(session: Session) -> int | None:
    return session.scalar(select(CAMPAIGN.id).order_by(CAMPAIGN.year.desc()).limit(1))


def _person_ref(ident: int, name_zh: str, name_en: str) -> Ref:
    return shared_ref(ident, name_zh, name_en, "")


def chain_leaders(session: Session) -> dict[int, Ref]:
    """Industry id -> its chain leader, in the newest campaign."""
    chain = chain_leader_table.c
    rows = session.execute(
        select(chain.industry_id, PERSON.id, PERSON.name_zh, PERSON.name_en)
        .join(people, PERSON.id == chain.person_id)
        .where(chain.campaign_id == _campaign_id(session)).order_by(chain.industry_id))
    return {industry_id: _person_ref(*person) for industry_id, *person in rows}


def city_leaders(session: Session) -> list[Ref]:
    return [_person_ref(*r) for r in session.execute(
        select(PERSON.id, PERSON.name_zh, PERSON.name_en)
        .where(PERSON.kind == PersonKind.CITY_LEADER).order_by(PERSON.id))]


def find_leader(session: Session, text: str) -> Ref | None:
    """A city leader by exact Chinese or English name, or None."""
    wanted = text.strip()
    found = session.execute(select(PERSON.id, PERSON.name_zh, PERSON.name_en).where(
        PERSON.kind == PersonKind.CITY_LEADER,
        or_(PERSON.name_zh == wanted, PERSON.name_en == wanted)).order_by(PERSON.id)).first()
    return _person_ref(*found) if found is not None else None


def find_industry(session: Session, text: str) -> Ref | None:
    wanted = text.strip()
    found = session.execute(_INDUSTRY_REF.where(or_(
        INDUSTRY.code == wanted.upper(), INDUSTRY.name_zh == wanted,
        INDUSTRY.name_en == wanted)).order_by(INDUSTRY.id)).first()
    return shared_ref(*found) if found is not None else None


_INDUSTRY_REF = select(INDUSTRY.id, INDUSTRY.name_zh, INDUSTRY.name_en, INDUSTRY.code)


def leader_view(session: Session, person_id: int) -> SteeringView:
    found = session.execute(select(PERSON.id, PERSON.name_zh, PERSON.name_en)
                            .where(PERSON.id == person_id)).first()
    if found is None:
        raise NotFoundError(f"找不到人员 {person_id}", f"No person with id {person_id}")
    subject = _person_ref(*found)
    chain = chain_leader_table.c
    chains = tuple(shared_ref(*r) for r in session.execute(
        _INDUSTRY_REF.join(chain_leader_table, chain.industry_id == INDUSTRY.id)
        .where(chain.person_id == person_id, chain.campaign_id == _campaign_id(session))
        .order_by(INDUSTRY.position, INDUSTRY.id)))
    # each list filtered in SQL: at ten years 20,000 projects, 5,000 trips, 10,000 visits
    projects = tuple(lead_rows(session, [LEAD.leader_id == person_id]))
    trips = tuple(queries.list_trips(session, among=or_(
        TRIP.leader_id == person_id,
        exists().where(MEMBER.trip_id == TRIP.id, MEMBER.person_id == person_id))))
    teams = select(TEAM.id).where(or_(
        TEAM.leader_id == person_id,
        exists().where(team_members.c.team_id == TEAM.id, team_members.c.person_id == person_id)))
    visits = tuple(visit_rows(session, [_VISITED, VISIT.team_id.in_(teams)]))
    return SteeringView(subject, None, chains, projects, trips, visits)


def chain_view(session: Session, industry_id: int) -> SteeringView:
    found = session.execute(_INDUSTRY_REF.where(INDUSTRY.id == industry_id)).first()
    if found is None:
        raise NotFoundError(f"找不到产业 {industry_id}", f"No industry with id {industry_id}")
    subject = shared_ref(*found)
    projects = tuple(lead_rows(session, [LEAD.industry_id == industry_id]))
    trips = tuple(queries.list_trips(session, among=TRIP.id.in_(
        select(trip_industries.c.trip_id).where(trip_industries.c.industry_id == industry_id))))
    companies = select(ORGANISATION.id).where(ORGANISATION.industry_id == industry_id)
    visits = tuple(visit_rows(session, [_VISITED, VISIT.organisation_id.in_(companies)]))
    return SteeringView(subject, chain_leaders(session).get(industry_id), (), projects, trips,
                        visits)
