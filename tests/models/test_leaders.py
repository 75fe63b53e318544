"""A leader's and an industry chain's steering view: its projects, trips and visits, each list
filtered in the database (ten years: 20,000 projects, 5,000 trips, 10,000 visits)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import queries
from models.campaign import Industry
from models.enums import VisitStatus
from models.leaders import chain_view, leader_view
from models.leads import Lead
from models.teams import Team
from models.trips import Trip
from models.visits import list_visits
from tests.statements import recorded


def test_the_views_hold_what_the_whole_lists_filtered_hold(
        loaded_sample: sessionmaker[Session]) -> None:
    with loaded_sample() as s:
        leads, trips = queries.list_leads(s), queries.list_trips(s)
        visits = list_visits(s, statuses=(VisitStatus.PLANNED, VisitStatus.DONE))
        people = {*s.scalars(select(Trip.leader_id)), *s.scalars(select(Lead.leader_id)),
                  *s.scalars(select(Team.leader_id))} - {None}
        industries = list(s.scalars(select(Industry.id)))
        seen = [0, 0, 0]
        for person in sorted(p for p in people if p is not None):
            view = leader_view(s, person)
            teams = set(s.scalars(select(Team.id).where(
                (Team.leader_id == person) | Team.members.any(id=person))))
            on_trip = set(s.scalars(select(Trip.id).where(
                (Trip.leader_id == person) | Trip.members.any(person_id=person))))
            assert view.projects == tuple(x for x in leads
                                          if x.leader is not None and x.leader.id == person)
            assert view.trips == tuple(t for t in trips if t.id in on_trip)
            assert view.visits == tuple(v for v in visits if v.team_id in teams)
            seen = [seen[0] + len(view.projects), seen[1] + len(view.trips),
                    seen[2] + len(view.visits)]
        for industry in industries:
            view = chain_view(s, industry)
            assert view.projects == tuple(x for x in leads
                                          if x.industry is not None and x.industry.id == industry)
            assert view.visits == tuple(v for v in visits
                                        if v.industry is not None and v.industry.id == industry)
            assert all(industry in {i.id for i in detail.industries}
                       for detail in queries.trip_details(s, ids=[t.id for t in view.trips]))
    assert all(seen)  # leaders with projects, trips and visits were compared


def test_a_view_reads_the_same_statements_however_long_its_lists(
        loaded_sample: sessionmaker[Session]) -> None:
    """No statement a project, trip or visit: every leader's view, every industry's, the same
    number of statements whatever their lengths."""
    with loaded_sample() as s:
        people = sorted({*s.scalars(select(Trip.leader_id).where(Trip.leader_id.is_not(None)))})
        industries = list(s.scalars(select(Industry.id)))
        counts: dict[str, set[int]] = {"leader": set(), "chain": set()}
        sizes: dict[str, set[int]] = {"leader": set(), "chain": set()}
        for key, subjects, view_of in (("leader", people, leader_view),
                                       ("chain", industries, chain_view)):
            for subject in subjects:
                with recorded(s) as seen:
                    view = view_of(s, subject)
                counts[key].add(len(seen))
                sizes[key].add(len(view.projects) + len(view.trips) + len(view.visits))
    assert len(sizes["leader"]) > 1 and len(sizes["chain"]) > 1  # lists of different lengths
    assert len(counts["leader"]) == 1 and len(counts["chain"]) == 1
