"""The seed's way of steering: each city leader linked to key projects (挂点领导) and a chain
leader (链长) per key industry. A view per leader and per industry chain of its projects,
trips and HQ visits, for the window and ``show``."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from models import queries
from models.campaign import Campaign, Industry
from models.enums import PersonKind, VisitStatus
from models.errors import NotFoundError
from models.leads import SIGNED_STAGES
from models.list_columns import lead_rows, visit_rows
from models.people import Person
from models.row_builders import ref
from models.rows import HqVisitRow, LeadRow, Ref, TripRow
from models.tables import LEAD, MEMBER, ORGANISATION, TEAM, TRIP, VISIT, team_members, trip_industries
from models.teams import ChainLeader

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
    return session.scalar(select(Campaign.id).order_by(Campaign.year.desc()).limit(1))


def chain_leaders(session: Session) -> dict[int, Ref]:
    """Industry id -> its chain leader, in the newest campaign."""
    stmt = select(ChainLeader).where(ChainLeader.campaign_id == _campaign_id(session))
    return {c.industry_id: r for c in session.scalars(stmt) if (r := ref(c.person)) is not None}


def city_leaders(session: Session) -> list[Ref]:
    people = session.scalars(select(Person).where(Person.kind == PersonKind.CITY_LEADER)
                             .order_by(Person.id))
    return [r for p in people if (r := ref(p)) is not None]


def find_leader(session: Session, text: str) -> Person | None:
    """A city leader by exact Chinese or English name, or None."""
    wanted = text.strip()
    return session.scalars(select(Person).where(
        Person.kind == PersonKind.CITY_LEADER,
        or_(Person.name_zh == wanted, Person.name_en == wanted))).first()


def find_industry(session: Session, text: str) -> Industry | None:
    wanted = text.strip()
    return session.scalars(select(Industry).where(or_(
        Industry.code == wanted.upper(), Industry.name_zh == wanted,
        Industry.name_en == wanted))).first()


def leader_view(session: Session, person_id: int) -> SteeringView:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"找不到人员 {person_id}", f"No person with id {person_id}")
    subject = ref(person)
    assert subject is not None
    chains = tuple(r for industry in session.scalars(
        select(Industry).join(ChainLeader, ChainLeader.industry_id == Industry.id)
        .where(ChainLeader.person_id == person_id,
               ChainLeader.campaign_id == _campaign_id(session))
        .order_by(Industry.position, Industry.id))
        if (r := ref(industry)) is not None)
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
    industry = session.get(Industry, industry_id)
    if industry is None:
        raise NotFoundError(f"找不到产业 {industry_id}", f"No industry with id {industry_id}")
    subject = ref(industry)
    assert subject is not None
    projects = tuple(lead_rows(session, [LEAD.industry_id == industry_id]))
    trips = tuple(queries.list_trips(session, among=TRIP.id.in_(
        select(trip_industries.c.trip_id).where(trip_industries.c.industry_id == industry_id))))
    companies = select(ORGANISATION.id).where(ORGANISATION.industry_id == industry_id)
    visits = tuple(visit_rows(session, [_VISITED, VISIT.organisation_id.in_(companies)]))
    return SteeringView(subject, chain_leaders(session).get(industry_id), (), projects, trips,
                        visits)
