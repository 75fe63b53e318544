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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from sys import intern
from typing import Any

from sqlalchemy import ColumnElement, Executable, Result, select
from sqlalchemy.orm import Session, aliased

from models.campaign import Campaign, City, Industry, Region, Unit
from models.events import AgendaSession, ThemedEvent
from models.leads import HqVisit, Lead, LeadStageChange
from models.organisations import Organisation
from models.people import Person
from models.row_builders import ROWS_PER_CHUNK, shared_ref
from models.rows import HqVisitRow, LeadRow, OrganisationRow, PersonRow, Ref, StageStep
from models.teams import Team
from models.trips import ItineraryItem, Trip
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
    return _refs(session, Unit.id, Unit.name_zh, Unit.name_en)


def industry_refs(session: Session) -> dict[int, Ref]:
    return _refs(session, Industry.id, Industry.name_zh, Industry.name_en, Industry.code)


def region_refs(session: Session) -> dict[int, Ref]:
    return _refs(session, Region.id, Region.name_zh, Region.name_en, Region.code)


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

_ORGANISATION = aliased(Organisation)
_LEADER = aliased(Person)
_EVENT_CITY = aliased(City)
_LEAD = (Lead.id, Lead.uuid, Lead.revision, Lead.code, Lead.title_zh, Lead.title_en,
         Lead.organisation_id, _ORGANISATION.name_zh, _ORGANISATION.name_en, Lead.industry_id,
         Lead.amount_cny, Lead.stage, Lead.unit_id, Trip.code, Trip.region_id,
         ThemedEvent.code, _EVENT_CITY.region_id,
         Lead.first_contact_on, Lead.signed_on, Lead.funds_in_cny, Lead.notes,
         Lead.source_item_id, ItineraryItem.title_zh, Lead.source_session_id,
         AgendaSession.title_zh, Lead.leader_id, _LEADER.name_zh, _LEADER.name_en,
         Lead.confirmed_at, Lead.confirmed_by)


def lead_rows(session: Session, criteria: Iterable[ColumnElement[bool]] = ()) -> list[LeadRow]:
    """The projects for which every one of ``criteria`` holds, by code: rows equal to
    ``row_builders.lead_row`` of each (the newest campaign's flagship threshold), in six
    statements whatever their number."""
    where = list(criteria)
    threshold = session.scalar(select(Campaign.flagship_threshold_cny)
                               .order_by(Campaign.year.desc()).limit(1)) or 0
    units, industries, regions = unit_refs(session), industry_refs(session), region_refs(session)
    steps = select(LeadStageChange.lead_id, LeadStageChange.stage, LeadStageChange.changed_on,
                   LeadStageChange.changed_by, LeadStageChange.reason)
    if where:
        steps = steps.where(LeadStageChange.lead_id.in_(select(Lead.id).where(*where)))
    history: dict[int, list[StageStep]] = defaultdict(list)
    for lead_id, stage, on, by, reason in _execute(session, steps.order_by(
            LeadStageChange.lead_id, LeadStageChange.changed_on, LeadStageChange.id)):
        history[lead_id].append(StageStep(stage, on, by, reason))
    stmt = (select(*_LEAD)
            .join(_ORGANISATION, _ORGANISATION.id == Lead.organisation_id)
            .outerjoin(Trip, Trip.id == Lead.source_trip_id)
            .outerjoin(ThemedEvent, ThemedEvent.id == Lead.source_event_id)
            .outerjoin(_EVENT_CITY, _EVENT_CITY.id == ThemedEvent.city_id)
            .outerjoin(ItineraryItem, ItineraryItem.id == Lead.source_item_id)
            .outerjoin(AgendaSession, AgendaSession.id == Lead.source_session_id)
            .outerjoin(_LEADER, _LEADER.id == Lead.leader_id)
            .where(*where).order_by(Lead.code)
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

_VISITED = aliased(Organisation)
_FOLLOW_UP = aliased(Lead)
_VISIT = (HqVisit.id, HqVisit.organisation_id, _VISITED.name_zh, _VISITED.name_en,
          _VISITED.industry_id, HqVisit.unit_id, HqVisit.visited_on, HqVisit.team_id, Team.name,
          Team.name_en, Trip.code, HqVisit.notes, HqVisit.uuid, HqVisit.revision,
          HqVisit.status, HqVisit.place, HqVisit.outcome, _FOLLOW_UP.code, HqVisit.updated_at,
          HqVisit.confirmed_at, HqVisit.confirmed_by)


def visit_rows(session: Session, criteria: Iterable[ColumnElement[bool]] = ()) -> list[HqVisitRow]:
    """The visits for which every one of ``criteria`` holds, by day and id: rows equal to
    ``row_builders.hq_visit_row`` of each (the newest campaign's targets, the cities directory),
    in six statements whatever their number."""
    targets = target_regions(session)
    english = _english(city_names(session))
    units, industries = unit_refs(session), industry_refs(session)
    stmt = (select(*_VISIT)
            .join(_VISITED, _VISITED.id == HqVisit.organisation_id)
            .outerjoin(Team, Team.id == HqVisit.team_id)
            .outerjoin(Trip, Trip.id == HqVisit.trip_id)
            .outerjoin(_FOLLOW_UP, _FOLLOW_UP.id == HqVisit.follow_up_lead_id)
            .where(*criteria).order_by(HqVisit.visited_on, HqVisit.id)
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

_PERSON_UNIT = aliased(Unit)
_EMPLOYER = aliased(Organisation)
_CONTACT = (Person.id, Person.uuid, Person.revision, Person.name_zh, Person.name_en, Person.kind,
            Person.title_zh, Person.title_en, Person.unit_id, _PERSON_UNIT.name_zh,
            _PERSON_UNIT.name_en, Person.organisation_id, _EMPLOYER.name_zh, _EMPLOYER.name_en,
            Person.phone, Person.email, Person.languages, Person.notes, Person.mobile_abroad,
            Person.passport_number, Person.passport_expires, Person.visa_status,
            Person.dietary)
_ORGANISATION_ROW = (
    Organisation.id, Organisation.uuid, Organisation.revision, Organisation.name_zh,
    Organisation.name_en, Organisation.kind, Organisation.industry_id,
    Organisation.fortune_global_500_rank, Organisation.china_top_500_rank, Organisation.hq_city,
    Organisation.hq_country, Organisation.website, Organisation.talking_points,
    Organisation.notes, Organisation.business, Organisation.revenue_cny, Organisation.employees,
    Organisation.china_presence, Organisation.gba_presence)


def organisation_rows(session: Session, criteria: Iterable[ColumnElement[bool]] = ()
                      ) -> list[OrganisationRow]:
    """The organisations for which every one of ``criteria`` holds, by id, with their contacts:
    rows equal to ``row_builders.organisation_row(with_contacts=True)`` of each (the cities
    directory), in four statements whatever their number."""
    where = list(criteria)
    english = _english(city_names(session))
    industries = industry_refs(session)
    contacts = _contacts(session, where)
    stmt = (select(*_ORGANISATION_ROW).where(*where).order_by(Organisation.id)
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
    stmt = (select(*_CONTACT)
            .join(_EMPLOYER, _EMPLOYER.id == Person.organisation_id)
            .outerjoin(_PERSON_UNIT, _PERSON_UNIT.id == Person.unit_id))
    if where:
        stmt = stmt.where(Person.organisation_id.in_(select(Organisation.id).where(*where)))
    out: dict[int, list[PersonRow]] = defaultdict(list)
    for row in _person_rows(session, stmt.order_by(Person.id)):
        assert row.organisation is not None  # joined to its organisation
        out[row.organisation.id].append(row)
    return out


def person_rows(session: Session) -> list[PersonRow]:
    """Every person, by kind then id: rows equal to ``row_builders.person_row`` of each, in
    one statement (the people page at ten years: 3,000 rows, no mapped object)."""
    stmt = (select(*_CONTACT)
            .outerjoin(_EMPLOYER, _EMPLOYER.id == Person.organisation_id)
            .outerjoin(_PERSON_UNIT, _PERSON_UNIT.id == Person.unit_id)
            .order_by(Person.kind, Person.id)
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
