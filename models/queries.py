"""Read side: queries that load relations in bulk and return plain rows (models.rows)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import QueryableAttribute, Session, joinedload, selectinload

from models import tables
from models.campaign import Campaign, City, Industry, Region, Unit
from models.enums import EventStatus, TripStatus
from models.errors import NotFoundError
from models.events import AgendaSession, Invitation, StaffPost, ThemedEvent, UnitDuty, VipSeat
from models.leads import Lead
from models.organisations import Organisation
from models.people import Person
from models.row_builders import (
    ROWS_PER_CHUNK,
    campaign_row,
    city_row,
    event_detail_row,
    event_row,
    organisation_row,
    person_row,
    region_row,
    trip_detail_row,
    trip_row,
    unit_row,
)
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
from models.trips import ItineraryItem, Trip, TripMember
from models.visits import city_names, list_visits

# --- loader options -------------------------------------------------------------------------
# Built on first use, not at import: a loader option configures every mapper (about 0.1 s, the
# "self" time importtime gave this module), which only a query needs.


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
    # what a calendar file shows of a trip: the targets' names without their contacts, the items
    # without their counterparts (thousands of people fewer to read at ten years of history)
    trip_calendar_opts = (
        *trip_list_opts,
        selectinload(Trip.cities),
        selectinload(Trip.industries),
        selectinload(Trip.targets).joinedload(Organisation.industry),
        selectinload(Trip.members).joinedload(TripMember.person).options(*person_opts),
        selectinload(Trip.items).options(
            joinedload(ItineraryItem.city),
            joinedload(ItineraryItem.organisation),
            selectinload(ItineraryItem.attendees).options(*person_opts),
        ),
    )
    event_list_opts = (
        joinedload(ThemedEvent.campaign),
        joinedload(ThemedEvent.city).joinedload(City.region),
        joinedload(ThemedEvent.host_unit),
        joinedload(ThemedEvent.lead_person).options(*person_opts),
    )
    run_of_show_opts = (  # the rows event_row reads, each kind in one statement
        selectinload(ThemedEvent.staff_posts).joinedload(StaffPost.person).options(*person_opts),
        selectinload(ThemedEvent.vip_seats).options(
            joinedload(VipSeat.person).options(*person_opts), joinedload(VipSeat.organisation)),
        selectinload(ThemedEvent.unit_duties).options(
            joinedload(UnitDuty.unit), joinedload(UnitDuty.contact).options(*person_opts)),
    )
    event_detail_opts = (
        *event_list_opts,
        selectinload(ThemedEvent.industries),
        selectinload(ThemedEvent.sessions).selectinload(AgendaSession.speakers).options(*person_opts),
        selectinload(ThemedEvent.invitations).joinedload(Invitation.organisation).options(
            joinedload(Organisation.industry),
            selectinload(Organisation.contacts).options(*person_opts),
        ),
        *run_of_show_opts,
    )
    # an event's details without the invited organisations' contacts (calendars: names only)
    event_calendar_opts = (
        *event_list_opts,
        selectinload(ThemedEvent.industries),
        selectinload(ThemedEvent.sessions).selectinload(AgendaSession.speakers).options(*person_opts),
        selectinload(ThemedEvent.invitations).joinedload(Invitation.organisation)
        .joinedload(Organisation.industry),
        *run_of_show_opts,
    )
    return {
        "TRIP_LIST_OPTS": trip_list_opts,
        "TRIP_DETAIL_OPTS": trip_detail_opts,
        "TRIP_CALENDAR_OPTS": trip_calendar_opts,
        "TRIP_SAVE_OPTS": trip_save_opts,
        "EVENT_LIST_OPTS": event_list_opts,
        "EVENT_DETAIL_OPTS": event_detail_opts,
        "EVENT_CALENDAR_OPTS": event_calendar_opts,
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
    return [campaign_row(c) for c in session.scalars(select(Campaign).order_by(Campaign.year))]


def regions(session: Session) -> list[RegionRow]:
    stmt = select(Region).order_by(Region.position, Region.id)
    return [region_row(r) for r in session.scalars(stmt)]


def cities(session: Session) -> list[CityRow]:
    return [city_row(c) for c in session.scalars(select(City).order_by(City.region_id, City.id))]


def units(session: Session) -> list[UnitRow]:
    return [unit_row(u) for u in session.scalars(select(Unit).order_by(Unit.kind, Unit.id))]


def industries(session: Session) -> list[Ref]:
    stmt = select(Industry).order_by(Industry.position, Industry.id)
    return [Ref(i.id, i.name_zh, i.name_en, i.code) for i in session.scalars(stmt)]


def find_region(session: Session, text: str) -> Region:
    """A region by code, Chinese or English name (case-insensitive)."""
    needle = text.strip()
    stmt = select(Region).where(
        or_(
            func.lower(Region.code) == needle.lower(),
            Region.name_zh == needle,
            func.lower(Region.name_en) == needle.lower(),
        )
    )
    region = session.scalars(stmt).first()
    if region is None:
        known = ", ".join(f"{r.code} {r.name_zh}" for r in session.scalars(select(Region)))
        raise NotFoundError(f"没有名为“{needle}”的区域（可选：{known}）",
                            f"No region called '{needle}' (known: {known})")
    return region


def _trip_filters(
    stmt: Select[Trip],
    region_id: int | None,
    statuses: Iterable[TripStatus] | None,
    start: date | None,
    end: date | None,
) -> Select[Trip]:
    if region_id is not None:
        stmt = stmt.where(Trip.region_id == region_id)
    if statuses:
        stmt = stmt.where(Trip.status.in_(list(statuses)))
    if start is not None:
        stmt = stmt.where(Trip.end_date >= start)
    if end is not None:
        stmt = stmt.where(Trip.start_date <= end)
    return stmt


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
    industry's: a few of the 5,000 of ten years)."""
    stmt = _trip_filters(select(Trip), region_id, statuses, start, end)
    if among is not None:
        stmt = stmt.where(among)
    stmt = stmt.options(*loader_options("TRIP_LIST_OPTS")).order_by(Trip.start_date, Trip.code)
    return [trip_row(t) for t in session.scalars(
        stmt.execution_options(yield_per=ROWS_PER_CHUNK))]  # objects let go chunk by chunk


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
    """The trips' details; ``contacts=False`` leaves out the targets' contacts and the items'
    counterparts (a calendar shows neither: thousands of people fewer to load)."""
    stmt = _trip_filters(select(Trip), region_id, statuses, start, end)
    if ids is not None:
        stmt = stmt.where(Trip.id.in_(list(ids)))
    stmt = stmt.options(*loader_options("TRIP_DETAIL_OPTS" if contacts else "TRIP_CALENDAR_OPTS"))
    stmt = stmt.order_by(Trip.start_date, Trip.code)
    return [trip_detail_row(t, contacts=contacts) for t in session.scalars(stmt).unique()]


def trip_calendar_details(session: Session, ids: Sequence[int]) -> list[TripDetail]:
    """``trip_details(ids=ids, contacts=False)`` read as columns, without ORM objects: what a
    calendar of ten years of itineraries needs (:mod:`models.trip_columns`)."""
    from models.trip_columns import trip_calendar_details as read

    return read(session, ids)


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
        raise NotFoundError(f"找不到推广活动 {code_or_id}", f"No promotion trip {code_or_id}")
    return trip


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
    return trip_detail_row(loaded_trip(session, code_or_id))


def list_events(
    session: Session,
    *,
    region_id: int | None = None,
    statuses: Iterable[EventStatus] | None = None,
) -> list[EventRow]:
    stmt = select(ThemedEvent).options(*loader_options("EVENT_LIST_OPTS"))
    if region_id is not None:
        stmt = stmt.join(ThemedEvent.city).where(City.region_id == region_id)
    if statuses:
        stmt = stmt.where(ThemedEvent.status.in_(list(statuses)))
    stmt = stmt.order_by(ThemedEvent.starts_at, ThemedEvent.code)
    return [event_row(e) for e in session.scalars(
        stmt.execution_options(yield_per=ROWS_PER_CHUNK))]  # objects let go chunk by chunk


def event_details(session: Session, ids: Sequence[int] | None = None, *,
                  contacts: bool = True) -> list[EventDetail]:
    """The events' details; ``contacts=False`` leaves out the invited organisations' contacts
    (a calendar names the organisations only: thousands of people fewer to load)."""
    stmt = select(ThemedEvent).options(
        *loader_options("EVENT_DETAIL_OPTS" if contacts else "EVENT_CALENDAR_OPTS"))
    if ids is not None:
        stmt = stmt.where(ThemedEvent.id.in_(list(ids)))
    stmt = stmt.order_by(ThemedEvent.starts_at, ThemedEvent.code)
    return [event_detail_row(e, contacts=contacts) for e in session.scalars(stmt).unique()]


def event_calendar_details(session: Session, ids: Sequence[int]) -> list[EventDetail]:
    """``event_details(ids, contacts=False)`` read as columns, without ORM objects
    (:mod:`models.event_columns`)."""
    from models.event_columns import event_calendar_details as read

    return read(session, ids)


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
    event = get_event(session, code_or_id)
    return event_details(session, ids=[event.id])[0]


def list_people(session: Session) -> list[PersonRow]:
    """Every person by kind then id, read as columns (:mod:`models.list_columns`): the rows
    ``row_builders.person_row`` builds."""
    from models.list_columns import person_rows

    return person_rows(session)


def get_person(session: Session, person_id: int) -> PersonRow:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"找不到人员 {person_id}", f"No person with id {person_id}")
    return person_row(person)


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

    criteria: list[ColumnElement[bool]] = []
    if organisation_id is not None:
        criteria.append(Lead.organisation_id == organisation_id)
    if unit_id is not None:
        criteria.append(Lead.unit_id == unit_id)
    sources = []
    if source_trip_code:
        sources.append(Lead.source_trip_id == select(Trip.id).where(
            Trip.code == source_trip_code).scalar_subquery())
    if source_event_code:
        sources.append(Lead.source_event_id == select(ThemedEvent.id).where(
            ThemedEvent.code == source_event_code).scalar_subquery())
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

    found = lead_rows(session, [Lead.id == lead_id])
    if not found:
        raise NotFoundError(f"找不到项目 {lead_id}", f"No lead with id {lead_id}")
    return found[0]


def list_hq_visits(session: Session, *, organisation_id: int | None = None) -> list[HqVisitRow]:
    return list_visits(session, organisation_id=organisation_id)
