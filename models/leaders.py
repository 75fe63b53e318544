"""The seed's way of steering: each city leader linked to key projects (挂点领导) and a chain
leader (链长) per key industry. A view per leader and per industry chain of its projects,
trips and HQ visits, for the window and ``show``."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models import queries
from models.campaign import Campaign, Industry
from models.enums import PersonKind, VisitStatus
from models.errors import NotFoundError
from models.leads import SIGNED_STAGES
from models.people import Person
from models.row_builders import ref
from models.rows import HqVisitRow, LeadRow, Ref, TripRow
from models.teams import ChainLeader, Team
from models.trips import Trip, TripMember, trip_industries
from models.visits import list_visits


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
    chains = tuple(r for c in session.scalars(select(ChainLeader).where(
        ChainLeader.person_id == person_id, ChainLeader.campaign_id == _campaign_id(session)))
        if (r := ref(c.industry)) is not None)
    projects = tuple(x for x in queries.list_leads(session)
                     if x.leader is not None and x.leader.id == person_id)
    trip_ids = set(session.scalars(select(Trip.id).where(or_(
        Trip.leader_id == person_id, Trip.members.any(TripMember.person_id == person_id)))))
    trips = tuple(t for t in queries.list_trips(session) if t.id in trip_ids)
    team_ids = set(session.scalars(select(Team.id).where(or_(
        Team.leader_id == person_id, Team.members.any(Person.id == person_id)))))
    visits = tuple(v for v in list_visits(session, statuses=(VisitStatus.PLANNED,
                                                               VisitStatus.DONE))
                   if v.team_id in team_ids)
    return SteeringView(subject, None, chains, projects, trips, visits)


def chain_view(session: Session, industry_id: int) -> SteeringView:
    industry = session.get(Industry, industry_id)
    if industry is None:
        raise NotFoundError(f"找不到产业 {industry_id}", f"No industry with id {industry_id}")
    subject = ref(industry)
    assert subject is not None
    projects = tuple(x for x in queries.list_leads(session)
                     if x.industry is not None and x.industry.id == industry_id)
    trip_ids = set(session.scalars(select(trip_industries.c.trip_id).where(
        trip_industries.c.industry_id == industry_id)))
    trips = tuple(t for t in queries.list_trips(session) if t.id in trip_ids)
    visits = tuple(v for v in list_visits(session, statuses=(VisitStatus.PLANNED,
                                                               VisitStatus.DONE))
                   if v.industry is not None and v.industry.id == industry_id)
    return SteeringView(subject, chain_leaders(session).get(industry_id), (), projects, trips,
                        visits)
