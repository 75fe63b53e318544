"""Reads of the 百队千企 campaign: teams, visits, the target list and its coverage."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import Session, joinedload

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


def _counts(session: Session, team_ids: Iterable[int] | None = None
            ) -> dict[tuple[int, VisitStatus], int]:
    visit = tables.hq_visits.c
    where = visit.team_id.in_(list(team_ids)) if team_ids is not None else \
        visit.team_id.is_not(None)
    rows = session.execute(select(visit.team_id, visit.status, func.count())
                           .where(where).group_by(visit.team_id, visit.status))
    return {(team, status): n for team, status, n in rows if team is not None}


def team_row(team: Team, counts: dict[tuple[int, VisitStatus], int]) -> TeamRow:
    return TeamRow(
        team.id, team.uuid, team.revision, team.name, ref(team.leader), ref(team.unit),
        tuple(r for r in (ref(p) for p in team.members) if r is not None), team.target_visits,
        counts.get((team.id, VisitStatus.DONE), 0), counts.get((team.id, VisitStatus.PLANNED), 0),
        team.notes, team.name_en,
    )


def list_teams(session: Session, *, unit_id: int | None = None) -> list[TeamRow]:
    """The teams (of a unit), in their names' natural order, read from the tables: the rows
    :func:`team_row` builds from the records."""
    rows = _team_rows(session, tables.teams.c.unit_id == unit_id if unit_id is not None
                      else None)
    return sorted(rows, key=lambda r: _natural(r.name))


def _team_rows(session: Session, where: ColumnElement[bool] | None) -> list[TeamRow]:
    """Teams by id with their leader, unit, members (by position) and visits counted: three
    statements."""
    team, unit = tables.teams.c, tables.units.c
    leader = tables.people.alias("leader")
    stmt = (select(team.id, team.uuid, team.revision, team.name, team.leader_id,
                   leader.c.name_zh.label("leader_zh"), leader.c.name_en.label("leader_en"),
                   team.unit_id, unit.name_zh.label("unit_zh"), unit.name_en.label("unit_en"),
                   team.target_visits, team.notes, team.name_en)
            .outerjoin(leader, leader.c.id == team.leader_id)
            .outerjoin(tables.units, unit.id == team.unit_id).order_by(team.id))
    rows = session.execute(stmt if where is None else stmt.where(where)).all()
    ids = [r.id for r in rows]
    members: dict[int, list[Ref]] = defaultdict(list)
    person, member = tables.people.c, tables.team_members.c
    for team_id, person_id, name_zh, name_en in session.execute(
            select(member.team_id, person.id, person.name_zh, person.name_en)
            .join(tables.people, person.id == member.person_id)
            .where(member.team_id.in_(ids) if where is not None else true())
            .order_by(member.team_id, member.position, member.person_id)) if ids else ():
        members[team_id].append(shared_ref(person_id, name_zh, name_en, ""))
    counts = _counts(session, ids if where is not None else None) if ids else {}
    return [TeamRow(
        r.id, r.uuid, r.revision, r.name,
        shared_ref(r.leader_id, r.leader_zh, r.leader_en, "") if r.leader_id is not None
        else None,
        shared_ref(r.unit_id, r.unit_zh, r.unit_en, "") if r.unit_id is not None else None,
        tuple(members.get(r.id, ())), r.target_visits,
        counts.get((r.id, VisitStatus.DONE), 0), counts.get((r.id, VisitStatus.PLANNED), 0),
        r.notes, r.name_en) for r in rows]


def _natural(name: str) -> tuple[str, int, str]:
    """第9小分队 before 第10小分队."""
    digits = "".join(c if c.isdigit() else " " for c in name).split()
    return (name.split(digits[0])[0] if digits else name, int(digits[0]) if digits else 0, name)


def find_team(session: Session, text: str) -> TeamRow:
    """A team by its Chinese or English name (spaces and case ignored), read from the table."""
    wanted = "".join(text.split()).casefold()
    team = tables.teams.c
    for team_id, name, name_en in session.execute(
            select(team.id, team.name, team.name_en).order_by(team.id)) if wanted else ():
        if wanted in ("".join(name.split()).casefold(), "".join(name_en.split()).casefold()):
            return get_team(session, team_id)
    raise NotFoundError(f"找不到小分队“{text.strip()}”", f"No team named “{text.strip()}”")


def get_team(session: Session, team_id: int) -> TeamRow:
    """One team as :func:`list_teams` gives it."""
    found = _team_rows(session, tables.teams.c.id == team_id)
    if not found:
        raise NotFoundError(f"找不到小分队 {team_id}", f"No team with id {team_id}")
    return found[0]


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
