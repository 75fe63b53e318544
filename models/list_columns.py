"""The big tables' rows read as columns: projects, HQ visits, organisations and people, the
same frozen rows as the ORM row builders (``row_builders.lead_row``, ``hq_visit_row``,
``organisation_row(with_contacts=True)``, ``person_row``) without building a mapped object
for any of them.

At ten years of history the projects page read 20,000 leads as ORM objects with nine joined
relations each (and their stage histories in twenty more statements): seconds of identity-map
and attribute work for a table that shows a few columns. Here each read is a fixed number of
plain ``SELECT``s of the columns the rows hold, the names joined in; the small tables (units,
industries, regions) are read whole once and each of their records is one shared ``Ref``.
The main statement is still read a chunk at a time (``yield_per``): the tuples of one chunk
are let go once its rows are built.

Every statement is written on the tables (:mod:`models.tables`), not on the mapped classes:
importing this module and reading through it configures no mapper (a sixth of a short
command's run), and the ``criteria`` given are the tables' columns too (``tables.leads.c``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from sys import intern
from typing import Any

from sqlalchemy import ColumnElement, Executable, Result, select
from sqlalchemy.orm import Session

from models import tables
from models.row_builders import ROWS_PER_CHUNK, shared_ref
from models.rows import HqVisitRow, LeadRow, OrganisationRow, PersonRow, Ref, StageStep
from models.tables import (
    AGENDA,
    CAMPAIGN,
    EVENT,
    INDUSTRY,
    ITEM,
    LEAD,
    ORGANISATION,
    PERSON,
    REGION,
    STEP,
    TEAM,
    TRIP,
    UNIT,
    VISIT,
)
from models.visits import city_names, target_regions
from models.wording import city_in_english


def _execute(session: Session, stmt: Executable) -> Result[*tuple[Any, ...]]:
    """``stmt``'s rows through the session's connection: plain Core rows, without the ORM's
    result layer (a third of the time of 20,000 rows of columns). Pending changes are flushed
    first, as ``session.execute`` would (unless autoflush is off)."""
    if session.autoflush:
        session.flush()
    return session.connection().execute(stmt)


def _refs(session: Session, *columns: Any) -> dict[int, Ref]:
    """Each record of a small table (columns: id, name_zh, name_en[, code]) as one shared Ref
    (the one ``row_builders.ref`` gives for the same values)."""
    return {r[0]: shared_ref(r[0], r[1], r[2], (r[3] if len(r) > 3 else "") or "")
            for r in _execute(session, select(*columns))}


def unit_refs(session: Session) -> dict[int, Ref]:
    return _refs(session, UNIT.id, UNIT.name_zh, UNIT.name_en)


def industry_refs(session: Session) -> dict[int, Ref]:
    return _refs(session, INDUSTRY.id, INDUSTRY.name_zh, INDUSTRY.name_en, INDUSTRY.code)


def region_refs(session: Session) -> dict[int, Ref]:
    return _refs(session, REGION.id, REGION.name_zh, REGION.name_en, REGION.code)


class _Named:
    """Refs to records of a big table (organisations, people) met in one read: one Ref a
    record however many rows name it."""

    def __init__(self) -> None:
        self._by_id: dict[int, Ref] = {}

    def __call__(self, ident: int | None, name_zh: str | None, name_en: str | None) -> Ref | None:
        if ident is None:
            return None
        found = self._by_id.get(ident)
        if found is None:
            found = self._by_id[ident] = Ref(ident, name_zh or "", name_en or "", "")
        return found


def _english(cities: dict[str, str]) -> Callable[[str], str]:
    """``city_in_english`` with the directory ``cities``, worked out once a place."""
    seen: dict[str, str] = {}

    def english(place: str) -> str:
        found = seen.get(place)
        if found is None:
            found = seen[place] = city_in_english(place, cities)
        return found

    return english


# --- projects -------------------------------------------------------------------------------

_ORGANISATION = tables.organisations.alias("lead_organisation")
_LEADER = tables.people.alias("lead_leader")
_EVENT_CITY = tables.cities.alias("event_city")
_LEAD = (LEAD.id, LEAD.uuid, LEAD.revision, LEAD.code, LEAD.title_zh, LEAD.title_en,
         LEAD.organisation_id, _ORGANISATION.c.name_zh, _ORGANISATION.c.name_en,
         LEAD.industry_id, LEAD.amount_cny, LEAD.stage, LEAD.unit_id, TRIP.code, TRIP.region_id,
         EVENT.code, _EVENT_CITY.c.region_id,
         LEAD.first_contact_on, LEAD.signed_on, LEAD.funds_in_cny, LEAD.notes,
         LEAD.source_item_id, ITEM.title_zh, LEAD.source_session_id,
         AGENDA.title_zh, LEAD.leader_id, _LEADER.c.name_zh, _LEADER.c.name_en,
         LEAD.confirmed_at, LEAD.confirmed_by)


def lead_rows(session: Session, criteria: Iterable[ColumnElement[bool]] = ()) -> list[LeadRow]:
    """The projects for which every one of ``criteria`` holds, by code: rows equal to
    ``row_builders.lead_row`` of each (the newest campaign's flagship threshold), in six
    statements whatever their number."""
    where = list(criteria)
    threshold = session.scalar(select(CAMPAIGN.flagship_threshold_cny)
                               .order_by(CAMPAIGN.year.desc()).limit(1)) or 0
    units, industries, regions = unit_refs(session), industry_refs(session), region_refs(session)
    steps = select(STEP.lead_id, STEP.stage, STEP.changed_on, STEP.changed_by, STEP.reason)
    if where:
        steps = steps.where(STEP.lead_id.in_(select(LEAD.id).where(*where)))
    history: dict[int, list[StageStep]] = defaultdict(list)
    for lead_id, stage, on, by, reason in _execute(session, steps.order_by(
            STEP.lead_id, STEP.changed_on, STEP.id)):
        history[lead_id].append(StageStep(stage, on, by, reason))
    stmt = (select(*_LEAD).select_from(tables.leads)
            .join(_ORGANISATION, _ORGANISATION.c.id == LEAD.organisation_id)
            .outerjoin(tables.trips, TRIP.id == LEAD.source_trip_id)
            .outerjoin(tables.themed_events, EVENT.id == LEAD.source_event_id)
            .outerjoin(_EVENT_CITY, _EVENT_CITY.c.id == EVENT.city_id)
            .outerjoin(tables.itinerary_items, ITEM.id == LEAD.source_item_id)
            .outerjoin(tables.agenda_sessions, AGENDA.id == LEAD.source_session_id)
            .outerjoin(_LEADER, _LEADER.c.id == LEAD.leader_id)
            .where(*where).order_by(LEAD.code)
            .execution_options(yield_per=ROWS_PER_CHUNK))
    organisation, leader = _Named(), _Named()
    rows = []
    for (ident, uuid, revision, code, title_zh, title_en, org_id, org_zh, org_en, industry_id,
         amount, stage, unit_id, trip_code, trip_region, event_code, event_region,
         first_contact_on, signed_on, funds_in, notes, item_id, item_title, session_id,
         session_title, leader_id, leader_zh, leader_en, confirmed_at,
         confirmed_by) in _execute(session, stmt):
        region_id = trip_region if trip_code is not None else event_region
        org = organisation(org_id, org_zh, org_en)
        assert org is not None
        rows.append(LeadRow(
            ident, uuid, revision, code, title_zh, title_en, org,
            industries.get(industry_id) if industry_id is not None else None, amount, stage,
            units.get(unit_id) if unit_id is not None else None, trip_code, event_code,
            first_contact_on, signed_on, funds_in, threshold > 0 and amount >= threshold, notes,
            region=regions.get(region_id) if region_id is not None else None,
            source_item_id=item_id, source_session_id=session_id,
            source_meeting=(item_title if item_title is not None
                            else session_title if session_title is not None else ""),
            history=tuple(history.get(ident, ())),
            leader=leader(leader_id, leader_zh, leader_en), confirmed_at=confirmed_at,
            confirmed_by=confirmed_by))
    return rows


# --- HQ visits ------------------------------------------------------------------------------

_VISITED = tables.organisations.alias("visited")
_FOLLOW_UP = tables.leads.alias("follow_up")
_VISIT = (VISIT.id, VISIT.organisation_id, _VISITED.c.name_zh, _VISITED.c.name_en,
          _VISITED.c.industry_id, VISIT.unit_id, VISIT.visited_on, VISIT.team_id, TEAM.name,
          TEAM.name_en, TRIP.code, VISIT.notes, VISIT.uuid, VISIT.revision,
          VISIT.status, VISIT.place, VISIT.outcome, _FOLLOW_UP.c.code, VISIT.updated_at,
          VISIT.confirmed_at, VISIT.confirmed_by)


def visit_rows(session: Session, criteria: Iterable[ColumnElement[bool]] = ()) -> list[HqVisitRow]:
    """The visits for which every one of ``criteria`` holds, by day and id: rows equal to
    ``row_builders.hq_visit_row`` of each (the newest campaign's targets, the cities directory),
    in five statements whatever their number."""
    targets = target_regions(session)
    english = _english(city_names(session))
    units, industries = unit_refs(session), industry_refs(session)
    stmt = (select(*_VISIT).select_from(tables.hq_visits)
            .join(_VISITED, _VISITED.c.id == VISIT.organisation_id)
            .outerjoin(tables.teams, TEAM.id == VISIT.team_id)
            .outerjoin(tables.trips, TRIP.id == VISIT.trip_id)
            .outerjoin(_FOLLOW_UP, _FOLLOW_UP.c.id == VISIT.follow_up_lead_id)
            .where(*criteria).order_by(VISIT.visited_on, VISIT.id)
            .execution_options(yield_per=ROWS_PER_CHUNK))
    organisation = _Named()
    rows = []
    for (ident, org_id, org_zh, org_en, industry_id, unit_id, visited_on, team_id, team,
         team_en, trip_code, notes, uuid, revision, status, place, outcome, follow_up_code,
         updated_at, confirmed_at, confirmed_by) in _execute(session, stmt):
        org = organisation(org_id, org_zh, org_en)
        assert org is not None
        rows.append(HqVisitRow(
            ident, org, units.get(unit_id) if unit_id is not None else None, visited_on,
            team or "", trip_code, notes,
            uuid=uuid, revision=revision, team_id=team_id, status=status,
            place=intern(place), outcome=outcome, follow_up_code=follow_up_code,
            industry=industries.get(industry_id) if industry_id is not None else None,
            region=targets.get(org_id), is_target=org_id in targets, updated_at=updated_at,
            confirmed_at=confirmed_at,
            confirmed_by=intern(confirmed_by or ""),
            team_en=team_en or "",
            place_en=english(place)))
    return rows


# --- organisations --------------------------------------------------------------------------

_PERSON_UNIT = tables.units.alias("person_unit")
_EMPLOYER = tables.organisations.alias("employer")
_CONTACT = (PERSON.id, PERSON.uuid, PERSON.revision, PERSON.name_zh, PERSON.name_en, PERSON.kind,
            PERSON.title_zh, PERSON.title_en, PERSON.unit_id, _PERSON_UNIT.c.name_zh,
            _PERSON_UNIT.c.name_en, PERSON.organisation_id, _EMPLOYER.c.name_zh,
            _EMPLOYER.c.name_en, PERSON.phone, PERSON.email, PERSON.languages, PERSON.notes,
            PERSON.mobile_abroad, PERSON.passport_number, PERSON.passport_expires,
            PERSON.visa_status, PERSON.dietary)
_ORGANISATION_ROW = (
    ORGANISATION.id, ORGANISATION.uuid, ORGANISATION.revision, ORGANISATION.name_zh,
    ORGANISATION.name_en, ORGANISATION.kind, ORGANISATION.industry_id,
    ORGANISATION.fortune_global_500_rank, ORGANISATION.china_top_500_rank, ORGANISATION.hq_city,
    ORGANISATION.hq_country, ORGANISATION.website, ORGANISATION.talking_points,
    ORGANISATION.notes, ORGANISATION.business, ORGANISATION.revenue_cny, ORGANISATION.employees,
    ORGANISATION.china_presence, ORGANISATION.gba_presence)


def organisation_rows(session: Session, criteria: Iterable[ColumnElement[bool]] = ()
                      ) -> list[OrganisationRow]:
    """The organisations for which every one of ``criteria`` holds, by id, with their contacts:
    rows equal to ``row_builders.organisation_row(with_contacts=True)`` of each (the cities
    directory), in four statements whatever their number."""
    where = list(criteria)
    english = _english(city_names(session))
    industries = industry_refs(session)
    contacts = _contacts(session, where)
    stmt = (select(*_ORGANISATION_ROW).where(*where).order_by(ORGANISATION.id)
            .execution_options(yield_per=ROWS_PER_CHUNK))
    rows = []
    for (ident, uuid, revision, name_zh, name_en, kind, industry_id, fortune_rank, china_rank,
         hq_city, hq_country, website, talking_points, notes, business, revenue, employees,
         china_presence, gba_presence) in _execute(session, stmt):
        rows.append(OrganisationRow(
            ident, uuid, revision, name_zh, name_en, kind,
            industries.get(industry_id) if industry_id is not None else None, fortune_rank,
            china_rank, intern(hq_city), intern(hq_country), website, talking_points, notes,
            tuple(contacts.get(ident, ())), business=business, revenue_cny=revenue,
            employees=employees, china_presence=china_presence, gba_presence=gba_presence,
            hq_city_en=english(hq_city)))
    return rows


def _contacts(session: Session, where: list[ColumnElement[bool]]) -> dict[int, list[PersonRow]]:
    """The people of the organisations ``where`` holds for (all with none), by id."""
    stmt = (select(*_CONTACT).select_from(tables.people)
            .join(_EMPLOYER, _EMPLOYER.c.id == PERSON.organisation_id)
            .outerjoin(_PERSON_UNIT, _PERSON_UNIT.c.id == PERSON.unit_id))
    if where:
        stmt = stmt.where(PERSON.organisation_id.in_(select(ORGANISATION.id).where(*where)))
    out: dict[int, list[PersonRow]] = defaultdict(list)
    for row in _person_rows(session, stmt.order_by(PERSON.id)):
        assert row.organisation is not None  # joined to its organisation
        out[row.organisation.id].append(row)
    return out


def person_rows(session: Session) -> list[PersonRow]:
    """Every person, by kind then id: rows equal to ``row_builders.person_row`` of each, in
    one statement (the people page at ten years: 3,000 rows, no mapped object)."""
    stmt = (select(*_CONTACT).select_from(tables.people)
            .outerjoin(_EMPLOYER, _EMPLOYER.c.id == PERSON.organisation_id)
            .outerjoin(_PERSON_UNIT, _PERSON_UNIT.c.id == PERSON.unit_id)
            .order_by(PERSON.kind, PERSON.id)
            .execution_options(yield_per=ROWS_PER_CHUNK))
    return list(_person_rows(session, stmt))


def _person_rows(session: Session, stmt: Executable) -> Iterator[PersonRow]:
    """The rows of a statement selecting ``_CONTACT``."""
    unit, employer = _Named(), _Named()
    for (ident, uuid, revision, name_zh, name_en, kind, title_zh, title_en, unit_id, unit_zh,
         unit_en, org_id, org_zh, org_en, phone, email, languages, notes, mobile_abroad,
         passport_number, passport_expires, visa_status, dietary) in _execute(session, stmt):
        yield PersonRow(
            ident, uuid, revision, name_zh, name_en, kind, title_zh, title_en,
            unit(unit_id, unit_zh, unit_en), employer(org_id, org_zh, org_en), phone, email,
            languages, notes, mobile_abroad=mobile_abroad, passport_number=passport_number,
            passport_expires=passport_expires, visa_status=visa_status, dietary=dietary)
