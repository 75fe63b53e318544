"""Reads of the 百队千企 campaign: teams, visits, the target list and its coverage."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from models import tables
from models.campaign import Campaign
from models.enums import VisitStatus
from models.errors import NotFoundError
from models.leads import HqVisit
from models.row_builders import ref, shared_ref
from models.rows import CoverageRow, HqVisitRow, Ref, TargetRow, TeamRow
from models.teams import TargetHq, Team


def _campaign_id(session: Session) -> int | None:
    return session.scalar(select(Campaign.id).order_by(Campaign.year.desc()).limit(1))


def target_regions(session: Session) -> dict[int, Ref | None]:
    """The newest campaign's target organisations and their regions (read from the tables:
    no mapper is configured)."""
    campaign, target, region = tables.campaigns.c, tables.target_hqs.c, tables.regions.c
    newest = select(campaign.id).order_by(campaign.year.desc()).limit(1).scalar_subquery()
    stmt = (select(target.organisation_id, region.id, region.name_zh, region.name_en, region.code)
            .select_from(tables.target_hqs)
            .outerjoin(tables.regions, region.id == target.region_id)
            .where(target.campaign_id == newest))
    return {org_id: None if rid is None else shared_ref(rid, zh, en, code or "")
            for org_id, rid, zh, en, code in session.execute(stmt)}


def list_visits(session: Session, *, organisation_id: int | None = None,
                team_id: int | None = None, unit_id: int | None = None,
                statuses: Iterable[VisitStatus] | None = None) -> list[HqVisitRow]:
    """Visits by day, read as columns (:mod:`models.list_columns`): the rows
    ``row_builders.hq_visit_row`` builds."""
    from models.list_columns import visit_rows

    visit = tables.hq_visits.c
    criteria: list[ColumnElement[bool]] = []
    if organisation_id is not None:
        criteria.append(visit.organisation_id == organisation_id)
    if team_id is not None:
        criteria.append(visit.team_id == team_id)
    if unit_id is not None:
        criteria.append(visit.unit_id == unit_id)
    if statuses is not None:
        criteria.append(visit.status.in_(list(statuses)))
    return visit_rows(session, criteria)


def city_names(session: Session) -> dict[str, str]:
    """The cities directory: each city's Chinese name → its English name (where it has one)."""
    city = tables.cities.c
    return {zh: en for zh, en in session.execute(select(city.name_zh, city.name_en)) if en}


def _counts(session: Session) -> dict[tuple[int, VisitStatus], int]:
    rows = session.execute(select(HqVisit.team_id, HqVisit.status, func.count())
                           .where(HqVisit.team_id.is_not(None))
                           .group_by(HqVisit.team_id, HqVisit.status))
    return {(team, status): n for team, status, n in rows if team is not None}


def team_row(team: Team, counts: dict[tuple[int, VisitStatus], int]) -> TeamRow:
    return TeamRow(
        team.id, team.uuid, team.revision, team.name, ref(team.leader), ref(team.unit),
        tuple(r for r in (ref(p) for p in team.members) if r is not None), team.target_visits,
        counts.get((team.id, VisitStatus.DONE), 0), counts.get((team.id, VisitStatus.PLANNED), 0),
        team.notes, team.name_en,
    )


def list_teams(session: Session, *, unit_id: int | None = None) -> list[TeamRow]:
    stmt = select(Team).options(joinedload(Team.leader), joinedload(Team.unit),
                                selectinload(Team.members))
    if unit_id is not None:
        stmt = stmt.where(Team.unit_id == unit_id)
    counts = _counts(session)
    teams = session.scalars(stmt).unique()
    return sorted((team_row(t, counts) for t in teams), key=lambda r: _natural(r.name))


def _natural(name: str) -> tuple[str, int, str]:
    """第9小分队 before 第10小分队."""
    digits = "".join(c if c.isdigit() else " " for c in name).split()
    return (name.split(digits[0])[0] if digits else name, int(digits[0]) if digits else 0, name)


def find_team(session: Session, text: str) -> Team:
    """A team by its Chinese or English name (spaces and case ignored)."""
    wanted = "".join(text.split()).casefold()
    for team in session.scalars(select(Team).order_by(Team.id)) if wanted else ():
        if wanted in ("".join(team.name.split()).casefold(),
                      "".join(team.name_en.split()).casefold()):
            return team
    raise NotFoundError(f"找不到小分队“{text.strip()}”", f"No team named “{text.strip()}”")


def get_team(session: Session, team_id: int) -> TeamRow:
    team = session.get(Team, team_id)
    if team is None:
        raise NotFoundError(f"找不到小分队 {team_id}", f"No team with id {team_id}")
    return team_row(team, _counts(session))


def _visit_state(session: Session) -> tuple[set[int], set[int]]:
    """Organisations visited (done) and planned (only planned so far)."""
    done: set[int] = set()
    planned: set[int] = set()
    for org_id, status in session.execute(select(HqVisit.organisation_id, HqVisit.status)):
        (done if status is VisitStatus.DONE else planned if status is VisitStatus.PLANNED
         else set()).add(org_id)
    return done, planned - done


def list_targets(session: Session) -> list[TargetRow]:
    cid = _campaign_id(session)
    stmt = select(TargetHq).where(TargetHq.campaign_id == cid).options(
        joinedload(TargetHq.organisation), joinedload(TargetHq.industry),
        joinedload(TargetHq.region))
    targets = list(session.scalars(stmt))
    done, planned = _visit_state(session) if targets else (set(), set())
    rows = []
    for t in targets:
        org = ref(t.organisation)
        assert org is not None
        hq = ", ".join(x for x in (t.organisation.hq_city, t.organisation.hq_country) if x)
        rows.append(TargetRow(t.id, org, ref(t.industry), ref(t.region), hq,
                              t.organisation_id in done, t.organisation_id in planned))
    return sorted(rows, key=lambda r: (r.industry.id if r.industry else 0, r.organisation.name_zh))


def coverage(session: Session, by: str) -> list[CoverageRow]:
    """Target HQs visited, planned and not yet touched, ``by`` "industry", "region" or "team".

    By team: its target number of visits against the target HQs it visited or planned.
    """
    if by == "team":
        return _team_coverage(session, list_teams(session))
    if by not in ("industry", "region"):
        raise ValueError(by)
    return _coverage_of(list_targets(session), by)


def _team_coverage(session: Session, teams: list[TeamRow]) -> list[CoverageRow]:
    """Each of ``teams``' target number of visits against the target HQs it visited or
    planned."""
    per_team: dict[int, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    targets = set(target_regions(session))
    for team_id, org_id, status in session.execute(
            select(HqVisit.team_id, HqVisit.organisation_id, HqVisit.status)
            .where(HqVisit.team_id.is_not(None))) if targets else ():
        if team_id is not None and org_id in targets:
            visited, planned = per_team[team_id]
            if status is VisitStatus.DONE:
                visited.add(org_id)
            elif status is VisitStatus.PLANNED:
                planned.add(org_id)
    rows = []
    for team in teams:
        visited, planned = per_team.get(team.id, (set(), set()))
        rows.append(CoverageRow(Ref(team.id, team.name, team.name_en), team.target_visits,
                                len(visited), len(planned - visited)))
    return rows


def _coverage_of(targets: list[TargetRow], by: str) -> list[CoverageRow]:
    groups: dict[int, list[TargetRow]] = defaultdict(list)
    keys: dict[int, Ref] = {}
    none = Ref(0, "（未定）", "(none)")
    for row in targets:
        key = (row.industry if by == "industry" else row.region) or none
        groups[key.id].append(row)
        keys[key.id] = key
    return [CoverageRow(keys[k], len(rows), sum(r.visited for r in rows),
                        sum(r.planned for r in rows))
            for k, rows in sorted(groups.items(), key=lambda kv: (kv[0] == 0, kv[0]))]


@dataclass(frozen=True)
class VisitsOverview:
    """What the visits page shows beside the visits, read in one go (plain rows, any thread):
    the target HQs' coverage by team, industry and region, the teams and the target list."""

    by_team: list[CoverageRow]
    by_industry: list[CoverageRow]
    by_region: list[CoverageRow]
    teams: list[TeamRow]
    targets: list[TargetRow]


def visits_overview(session: Session) -> VisitsOverview:
    targets = list_targets(session)  # read once for the list and two of the coverages
    teams = list_teams(session)  # and the teams for the list and the coverage by team
    return VisitsOverview(_team_coverage(session, teams), _coverage_of(targets, "industry"),
                          _coverage_of(targets, "region"), teams, targets)
