"""Read side: queries that load relations in bulk and return plain rows (models.rows)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, func, or_, select
from sqlalchemy.orm import QueryableAttribute, Session, joinedload, selectinload

from models import tables
from models.campaign import Campaign, City
from models.enums import EventStatus, TripStatus
from models.errors import NotFoundError
from models.event_columns import event_column_details, event_rows
from models.events import ThemedEvent
from models.leads import Lead
from models.organisations import Organisation
from models.people import Person
from models.row_builders import organisation_row
from models.rows import (
    CampaignRow,
    CityRow,
    EventDetail,
    EventRow,
    HqVisitRow,
    LeadChoice,
    LeadRow,
    OrganisationRow,
    PersonRow,
    Ref,
    RegionRow,
    TripDetail,
    TripRow,
    UnitRow,
)
from models.tables import EVENT, REGION, TRIP
from models.trip_columns import REGION_ROW, people_by_id, trip_column_details, trip_rows
from models.trips import ItineraryItem, Trip, TripMember
from models.visits import city_names, list_visits

# --- loader options -------------------------------------------------------------------------
# Built on first use, not at import: a loader option configures every mapper (about 0.1 s, the
# "self" time importtime gave this module), which only a query needs. What loads records to
# change them uses these; the lists and details read columns (models.trip_columns,
# models.event_columns, models.list_columns) and configure no mapper.


@cache
def _loader_options() -> dict[str, tuple[Any, ...]]:
    person_opts = (joinedload(Person.unit), joinedload(Person.organisation))
    trip_list_opts = (
        joinedload(Trip.campaign),
        joinedload(Trip.region),
        joinedload(Trip.leader).options(*person_opts),
        joinedload(Trip.host_unit),
    )
    trip_detail_opts = (
        *trip_list_opts,
        selectinload(Trip.cities),
        selectinload(Trip.industries),
        selectinload(Trip.targets).selectinload(Organisation.contacts).options(*person_opts),
        selectinload(Trip.targets).joinedload(Organisation.industry),
        selectinload(Trip.members).joinedload(TripMember.person).options(*person_opts),
        selectinload(Trip.items).options(
            joinedload(ItineraryItem.city),
            joinedload(ItineraryItem.organisation),
            selectinload(ItineraryItem.attendees).options(*person_opts),
            selectinload(ItineraryItem.counterparts).options(*person_opts),
        ),
    )
    # what saving a trip reads and replaces, and what its row shows after the save: its
    # campaign, region, leader and unit, its collections, the delegation's and the items'
    # people (the checks and the new values find them in the session, not read again)
    trip_save_opts = (
        *trip_list_opts,
        selectinload(Trip.cities),
        selectinload(Trip.industries),
        selectinload(Trip.targets),
        selectinload(Trip.members).joinedload(TripMember.person),
        selectinload(Trip.items).options(
            selectinload(ItineraryItem.attendees), selectinload(ItineraryItem.counterparts)),
    )
    event_list_opts = (
        joinedload(ThemedEvent.campaign),
        joinedload(ThemedEvent.city).joinedload(City.region),
        joinedload(ThemedEvent.host_unit),
        joinedload(ThemedEvent.lead_person).options(*person_opts),
    )
    return {
        "TRIP_LIST_OPTS": trip_list_opts,
        "TRIP_DETAIL_OPTS": trip_detail_opts,
        "TRIP_SAVE_OPTS": trip_save_opts,
        "EVENT_LIST_OPTS": event_list_opts,
    }


def loader_options(name: str) -> tuple[Any, ...]:
    """The loader options called ``name`` (``TRIP_LIST_OPTS``, ``EVENT_LIST_OPTS``…)."""
    return _loader_options()[name]


# --- queries --------------------------------------------------------------------------------


def _campaign_of(stmt: Select[Any], year: int | None) -> Select[Any]:
    """``stmt`` narrowed to the campaign of ``year``, or to the newest one."""
    column = tables.campaigns.c.year
    return (stmt.where(column == year) if year else stmt.order_by(column.desc())).limit(1)


def _no_campaign(session: Session, year: int | None) -> NotFoundError:
    if year:
        column = tables.campaigns.c.year
        years = "、".join(str(y) for y in session.scalars(select(column).order_by(column)))
        return NotFoundError(
            f"没有 {year} 年的招商活动计划（已有：{years or '无'}）",
            f"There is no campaign for {year} (there are: {years or 'none'})",
        )
    return NotFoundError(
        "数据库中还没有招商活动年度计划，请先运行 init --sample 或新建计划。",
        "The database holds no campaign yet: run 'init --sample' or create one.",
    )


def current_campaign(session: Session, year: int | None = None) -> Campaign:
    """The campaign of ``year``, or the newest one."""
    campaign = session.scalars(_campaign_of(select(Campaign), year)).first()
    if campaign is None:
        raise _no_campaign(session, year)
    return campaign


_CAMPAIGN_COLUMNS = tuple(tables.campaigns.c[f.name] for f in fields(CampaignRow))


def current_campaign_row(session: Session, year: int | None = None) -> CampaignRow:
    """:func:`current_campaign` as its row, read from the table: no mapper is configured."""
    found = session.execute(_campaign_of(select(*_CAMPAIGN_COLUMNS), year)).first()
    if found is None:
        raise _no_campaign(session, year)
    return CampaignRow(*found)


def newest_campaign_name(session: Session) -> tuple[str, str | None] | None:
    """The newest campaign's Chinese and English names, None when there is no campaign.

    Read from the table (``models.tables``), so that the window's start (its title, the
    first-run question) configures no mapper."""
    column = tables.campaigns.c
    stmt = select(column.name_zh, column.name_en).order_by(column.year.desc()).limit(1)
    found = session.execute(stmt).first()
    return None if found is None else (found.name_zh, found.name_en)


def campaigns(session: Session) -> list[CampaignRow]:
    return [CampaignRow(*r) for r in session.execute(
        select(*_CAMPAIGN_COLUMNS).order_by(tables.campaigns.c.year))]




def regions(session: Session) -> list[RegionRow]:
    stmt = select(*REGION_ROW).order_by(REGION.position, REGION.id)
    return [RegionRow(*r) for r in session.execute(stmt)]


def cities(session: Session) -> list[CityRow]:
    city = tables.cities.c
    return [CityRow(*r) for r in session.execute(
        select(city.id, city.name_zh, city.name_en, city.country_code, city.timezone,
               city.region_id).order_by(city.region_id, city.id))]


def units(session: Session) -> list[UnitRow]:
    unit = tables.units.c
    return [UnitRow(*r) for r in session.execute(
        select(unit.id, unit.name_zh, unit.name_en, unit.kind).order_by(unit.kind, unit.id))]


def industries(session: Session) -> list[Ref]:
    industry = tables.industries.c
    stmt = (select(industry.id, industry.name_zh, industry.name_en, industry.code)
            .order_by(industry.position, industry.id))
    return [Ref(*r) for r in session.execute(stmt)]


def find_region(session: Session, text: str) -> RegionRow:
    """A region by code, Chinese or English name (case-insensitive), read from the table."""
    needle = text.strip()
    stmt = select(*REGION_ROW).where(
        or_(
            func.lower(REGION.code) == needle.lower(),
            REGION.name_zh == needle,
            func.lower(REGION.name_en) == needle.lower(),
        )
    )
    region = session.execute(stmt).first()
    if region is None:
        known = ", ".join(f"{code} {zh}" for code, zh in session.execute(
            select(REGION.code, REGION.name_zh)))
        raise NotFoundError(f"没有名为“{needle}”的区域（可选：{known}）",
                            f"No region called '{needle}' (known: {known})")
    return RegionRow(*region)


def _trip_filters(
    region_id: int | None,
    statuses: Iterable[TripStatus] | None,
    start: date | None,
    end: date | None,
) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if region_id is not None:
        conds.append(TRIP.region_id == region_id)
    if statuses:
        conds.append(TRIP.status.in_(list(statuses)))
    if start is not None:
        conds.append(TRIP.end_date >= start)
    if end is not None:
        conds.append(TRIP.start_date <= end)
    return conds


def list_trips(
    session: Session,
    *,
    region_id: int | None = None,
    statuses: Iterable[TripStatus] | None = None,
    start: date | None = None,
    end: date | None = None,
    among: ColumnElement[bool] | None = None,
) -> list[TripRow]:
    """The trips by start and code; ``among``: only those for which it holds (a leader's, an
    industry's: a few of the 5,000 of ten years), written on ``tables.trips``' columns. Read as
    columns (:func:`models.trip_columns.trip_rows`): the rows ``row_builders.trip_row`` builds,
    no mapper configured."""
    conds = _trip_filters(region_id, statuses, start, end)
    if among is not None:
        conds.append(among)
    return trip_rows(session, conds)


def _titled_refs(session: Session, record: type[Trip] | type[ThemedEvent],
                 starts: QueryableAttribute[Any]) -> list[Ref]:
    """Every record as a ``Ref`` (its titles and code) by start and code, what a picker lists:
    one statement of four columns (5,000 trips or events at ten years, no mapped object)."""
    return [Ref(ident, zh, en, code) for ident, code, zh, en in session.execute(
        select(record.id, record.code, record.title_zh, record.title_en)
        .order_by(starts, record.code))]


def trip_refs(session: Session) -> list[Ref]:
    return _titled_refs(session, Trip, Trip.start_date)


def event_refs(session: Session) -> list[Ref]:
    return _titled_refs(session, ThemedEvent, ThemedEvent.starts_at)


def trip_details(
    session: Session,
    *,
    ids: Sequence[int] | None = None,
    region_id: int | None = None,
    statuses: Iterable[TripStatus] | None = None,
    start: date | None = None,
    end: date | None = None,
    contacts: bool = True,
) -> list[TripDetail]:
    """The trips' details by start and code; ``contacts=False`` leaves out the targets' contacts
    and the items' counterparts (a calendar shows neither: thousands of people fewer to read).
    Read as columns (:mod:`models.trip_columns`): the rows ``row_builders.trip_detail_row``
    builds, no mapper configured."""
    conds = _trip_filters(region_id, statuses, start, end)
    if ids is not None:
        conds.append(TRIP.id.in_(list(ids)))
    wanted = list(session.scalars(select(TRIP.id).where(*conds)))
    return trip_column_details(session, wanted, contacts=contacts)


def trip_calendar_details(session: Session, ids: Sequence[int]) -> list[TripDetail]:
    """``trip_details(ids=ids, contacts=False)``: what a calendar of ten years of itineraries
    needs (:mod:`models.trip_columns`)."""
    return trip_column_details(session, ids, contacts=False)


def get_trip(session: Session, code_or_id: str | int, *options: Any) -> Trip:
    """The trip of a code (any case) or an id; with loader ``options``, read with them in
    one statement (and its eager loads), an id too."""
    if isinstance(code_or_id, int) and not options:
        trip = session.get(Trip, code_or_id)
    else:
        where = (Trip.id == code_or_id if isinstance(code_or_id, int)
                 else func.upper(Trip.code) == code_or_id.strip().upper())
        trip = session.scalars(select(Trip).where(where).options(*options)).unique().first()
    if trip is None:
        raise _no_trip(code_or_id)
    return trip


def _no_trip(code_or_id: str | int) -> NotFoundError:
    return NotFoundError(f"找不到推广活动 {code_or_id}", f"No promotion trip {code_or_id}")


def _titled_ref(session: Session, table: Table, code_or_id: str | int) -> Ref | None:
    """The trip or event (``table``) of a code (any case) or an id as a ``Ref``, None when
    there is none: read from the table, no mapper configured."""
    column = table.c
    where = (column.id == code_or_id if isinstance(code_or_id, int)
             else func.upper(column.code) == code_or_id.strip().upper())
    found = session.execute(select(column.id, column.title_zh, column.title_en, column.code)
                            .where(where).limit(1)).first()
    return None if found is None else Ref(*found)


def trip_ref(session: Session, code_or_id: str | int) -> Ref:
    """:func:`get_trip` as the trip's id, titles and code (a ``Ref``: ``name_zh`` and
    ``name_en`` hold the titles), for what only finds or names the trip (a calendar)."""
    found = _titled_ref(session, tables.trips, code_or_id)
    if found is None:
        raise _no_trip(code_or_id)
    return found


def event_ref(session: Session, code_or_id: str | int) -> Ref:
    """:func:`get_event` as the event's id, titles and code (a ``Ref``), read from the table."""
    found = _titled_ref(session, tables.themed_events, code_or_id)
    if found is None:
        raise NotFoundError(f"找不到专题活动 {code_or_id}", f"No themed event {code_or_id}")
    return found


def loaded_trip(session: Session, code_or_id: str | int) -> Trip:
    """A trip with everything its detail and its draft (``trip_draft``) read, in a fixed
    number of statements however many items and years there are: while the caller holds it,
    reading the draft in the same session lazy-loads nothing (no statement per item)."""
    ident = code_or_id if isinstance(code_or_id, int) else get_trip(session, code_or_id).id
    trip = session.scalars(
        select(Trip).where(Trip.id == ident).options(*loader_options("TRIP_DETAIL_OPTS"))
    ).unique().first()
    if trip is None:
        raise NotFoundError(f"找不到推广活动 {code_or_id}", f"No promotion trip {code_or_id}")
    return trip


def trip_detail(session: Session, code_or_id: str | int) -> TripDetail:
    """A trip's detail, with its targets' contacts and its items' counterparts: the row
    ``row_builders.trip_detail_row`` builds of :func:`loaded_trip`, read as columns (no mapper
    configured)."""
    return trip_column_details(session, [trip_ref(session, code_or_id).id])[0]


def list_events(
    session: Session,
    *,
    region_id: int | None = None,
    statuses: Iterable[EventStatus] | None = None,
) -> list[EventRow]:
    """The events by start and code, read as columns (:func:`models.event_columns.event_rows`):
    the rows ``row_builders.event_row`` builds, no mapper configured."""
    conds: list[ColumnElement[bool]] = []
    if region_id is not None:  # an event without a city is in no region
        conds.append(tables.cities.c.region_id == region_id)
    if statuses:
        conds.append(EVENT.status.in_(list(statuses)))
    return event_rows(session, conds)


def event_details(session: Session, ids: Sequence[int] | None = None, *,
                  contacts: bool = True) -> list[EventDetail]:
    """The events' details by start and code; ``contacts=False`` leaves out the invited
    organisations' contacts (a calendar names the organisations only: thousands of people fewer
    to read). Read as columns (:mod:`models.event_columns`): the rows
    ``row_builders.event_detail_row`` builds, no mapper configured."""
    stmt = select(EVENT.id)
    if ids is not None:
        stmt = stmt.where(EVENT.id.in_(list(ids)))
    return event_column_details(session, list(session.scalars(stmt)), contacts=contacts)


def event_calendar_details(session: Session, ids: Sequence[int]) -> list[EventDetail]:
    """``event_details(ids, contacts=False)`` (:mod:`models.event_columns`)."""
    return event_column_details(session, ids, contacts=False)


def get_event(session: Session, code_or_id: str | int) -> ThemedEvent:
    if isinstance(code_or_id, int):
        event = session.get(ThemedEvent, code_or_id)
    else:
        event = session.scalars(
            select(ThemedEvent).where(func.upper(ThemedEvent.code) == code_or_id.strip().upper())
        ).first()
    if event is None:
        raise NotFoundError(f"找不到专题活动 {code_or_id}", f"No themed event {code_or_id}")
    return event


def event_detail(session: Session, code_or_id: str | int) -> EventDetail:
    """An event's detail, with the invited organisations' contacts, read as columns (no mapper
    configured)."""
    return event_column_details(session, [event_ref(session, code_or_id).id])[0]


def list_people(session: Session) -> list[PersonRow]:
    """Every person by kind then id, read as columns (:mod:`models.list_columns`): the rows
    ``row_builders.person_row`` builds."""
    from models.list_columns import person_rows

    return person_rows(session)


def get_person(session: Session, person_id: int) -> PersonRow:
    """One person's row, read as columns (:func:`models.trip_columns.people_by_id`)."""
    person = people_by_id(session, {person_id}).get(person_id)
    if person is None:
        raise NotFoundError(f"找不到人员 {person_id}", f"No person with id {person_id}")
    return person


def list_organisations(session: Session) -> list[OrganisationRow]:
    """Every organisation with its contacts, by id, read as columns
    (:mod:`models.list_columns`): the rows ``row_builders.organisation_row`` builds."""
    from models.list_columns import organisation_rows

    return organisation_rows(session)


def get_organisation(session: Session, org_id: int) -> OrganisationRow:
    org = session.get(Organisation, org_id)
    if org is None:
        raise NotFoundError(f"找不到机构 {org_id}", f"No organisation with id {org_id}")
    return organisation_row(org, with_contacts=True, cities=city_names(session))


def list_leads(
    session: Session, *, organisation_id: int | None = None, unit_id: int | None = None,
    source_trip_code: str | None = None, source_event_code: str | None = None,
) -> list[LeadRow]:
    """Projects by code; with source codes, only those from that trip or (or) that event
    (through the indexed source columns: a trip's editor reads its few, not 20,000). Read as
    columns (:mod:`models.list_columns`): the rows ``row_builders.lead_row`` builds."""
    from models.list_columns import lead_rows

    lead = tables.leads.c
    criteria: list[ColumnElement[bool]] = []
    if organisation_id is not None:
        criteria.append(lead.organisation_id == organisation_id)
    if unit_id is not None:
        criteria.append(lead.unit_id == unit_id)
    sources = []
    if source_trip_code:
        sources.append(lead.source_trip_id == select(TRIP.id).where(
            TRIP.code == source_trip_code).scalar_subquery())
    if source_event_code:
        sources.append(lead.source_event_id == select(EVENT.id).where(
            EVENT.code == source_event_code).scalar_subquery())
    if sources:
        criteria.append(or_(*sources))
    return lead_rows(session, criteria)


def lead_choices(session: Session) -> list[LeadChoice]:
    """Every project by code as a picker lists it: one statement of five columns (20,000
    projects at ten years of history, where :func:`list_leads` builds whole rows)."""
    return [LeadChoice(*row) for row in session.execute(
        select(Lead.id, Lead.code, Lead.title_zh, Lead.title_en, Lead.organisation_id)
        .order_by(Lead.code))]


def get_lead_row(session: Session, lead_id: int) -> LeadRow:
    """One project's row, as :func:`list_leads` gives it (its few statements, not 20,000 rows)."""
    from models.list_columns import lead_rows

    found = lead_rows(session, [tables.leads.c.id == lead_id])
    if not found:
        raise NotFoundError(f"找不到项目 {lead_id}", f"No lead with id {lead_id}")
    return found[0]


def list_hq_visits(session: Session, *, organisation_id: int | None = None) -> list[HqVisitRow]:
    return list_visits(session, organisation_id=organisation_id)
