"""Trips, and trips with their itineraries, read column by column: the same frozen rows as
``row_builders.trip_row`` and ``trip_detail_row`` give of the mapped records, without building
an ORM object for any of them.

A calendar of ten years of history holds tens of thousands of itinerary items; loading each as a
mapped object (identity map, relationship collections, then a row built from it) cost more than
rendering it. Here each kind of row is one plain ``SELECT`` of the columns the rows hold, and
the rows are assembled from tuples: ten statements whatever the number of trips (twelve with
the targets' contacts and the items' counterparts).

The statements are written on the tables (:mod:`models.tables`), not on the mapped classes:
importing this module and reading through it configures no mapper (~45 ms, a sixth of a short
command's run such as ``list trips`` or ``show TRIP-…``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Column, ColumnElement, select
from sqlalchemy.orm import Session

from models import tables
from models.rows import (
    CityRow,
    ItemRow,
    MemberRow,
    OrganisationRow,
    PersonRow,
    Ref,
    RegionRow,
    TripDetail,
    TripRow,
)
from models.tables import (
    CAMPAIGN,
    CITY,
    INDUSTRY,
    ITEM,
    MEMBER,
    ORGANISATION,
    PERSON,
    REGION,
    TRIP,
    UNIT,
    item_attendees,
    item_counterparts,
    trip_cities,
    trip_industries,
    trip_targets,
)
from models.wording import city_in_english

# what a trip's row shows (TripRow), then what its detail adds
_TRIP_ROW = (TRIP.id, TRIP.uuid, TRIP.revision, TRIP.updated_at, TRIP.code, CAMPAIGN.year,
             TRIP.title_zh, TRIP.title_en, TRIP.region_id, TRIP.start_date, TRIP.end_date,
             TRIP.status, TRIP.leader_id, TRIP.host_unit_id)
_TRIP = (*_TRIP_ROW, TRIP.purpose, TRIP.key_messages, TRIP.logistics, TRIP.emergency_contacts,
         TRIP.cancel_reason, TRIP.notes)
_CITY = (CITY.id, CITY.name_zh, CITY.name_en, CITY.country_code, CITY.timezone, CITY.region_id)
_ITEM_CITY = tables.cities.alias("item_city")
_ITEM_ORGANISATION = tables.organisations.alias("item_organisation")
_ITEM = (ITEM.id, ITEM.trip_id, ITEM.uuid, ITEM.revision, ITEM.updated_at, ITEM.kind,
         ITEM.title_zh, ITEM.title_en, ITEM.starts_at, ITEM.ends_at, ITEM.timezone, ITEM.city_id,
         _ITEM_CITY.c.name_zh.label("city_zh"), _ITEM_CITY.c.name_en.label("city_en"),
         _ITEM_CITY.c.country_code.label("city_country"),
         _ITEM_CITY.c.timezone.label("city_zone"), _ITEM_CITY.c.region_id.label("city_region"),
         ITEM.place, ITEM.organisation_id,
         _ITEM_ORGANISATION.c.name_zh.label("organisation_zh"),
         _ITEM_ORGANISATION.c.name_en.label("organisation_en"),
         ITEM.notes, ITEM.outcome, ITEM.all_day, ITEM.external_uid, ITEM.arrival_timezone,
         ITEM.carrier, ITEM.service_number, ITEM.from_place, ITEM.from_code, ITEM.from_terminal,
         ITEM.to_place, ITEM.to_code, ITEM.to_terminal, ITEM.booking_ref, ITEM.seat_class,
         ITEM.meeting_point, ITEM.address, ITEM.phone, ITEM.ask, ITEM.offer)
_PERSON_UNIT = tables.units.alias("person_unit")
_PERSON_ORGANISATION = tables.organisations.alias("person_organisation")
_PERSON = (PERSON.id, PERSON.uuid, PERSON.revision, PERSON.name_zh, PERSON.name_en, PERSON.kind,
           PERSON.title_zh, PERSON.title_en, PERSON.unit_id, _PERSON_UNIT.c.name_zh,
           _PERSON_UNIT.c.name_en, PERSON.organisation_id, _PERSON_ORGANISATION.c.name_zh,
           _PERSON_ORGANISATION.c.name_en, PERSON.phone, PERSON.email, PERSON.languages,
           PERSON.notes, PERSON.mobile_abroad, PERSON.passport_number, PERSON.passport_expires,
           PERSON.visa_status, PERSON.dietary)
ORGANISATION_INDUSTRY = tables.industries.alias("organisation_industry")
ORGANISATION_COLUMNS = (  # an organisation without its contacts, for organisation_of
    ORGANISATION.id, ORGANISATION.uuid, ORGANISATION.revision, ORGANISATION.name_zh,
    ORGANISATION.name_en, ORGANISATION.kind, ORGANISATION.industry_id,
    ORGANISATION_INDUSTRY.c.name_zh, ORGANISATION_INDUSTRY.c.name_en, ORGANISATION_INDUSTRY.c.code,
    ORGANISATION.fortune_global_500_rank, ORGANISATION.china_top_500_rank, ORGANISATION.hq_city,
    ORGANISATION.hq_country, ORGANISATION.website, ORGANISATION.talking_points,
    ORGANISATION.notes, ORGANISATION.business, ORGANISATION.revenue_cny, ORGANISATION.employees,
    ORGANISATION.china_presence, ORGANISATION.gba_presence)


def ref_of(ident: int | None, name_zh: str | None, name_en: str | None, code: str | None = ""
           ) -> Ref | None:
    return None if ident is None else Ref(ident, name_zh or "", name_en or "", code or "")


def _person(r: Sequence[Any]) -> PersonRow:
    (ident, uuid, revision, name_zh, name_en, kind, title_zh, title_en, unit_id, unit_zh, unit_en,
     org_id, org_zh, org_en, phone, email, languages, notes, mobile_abroad, passport_number,
     passport_expires, visa_status, dietary) = r
    return PersonRow(ident, uuid, revision, name_zh, name_en, kind, title_zh, title_en,
                     ref_of(unit_id, unit_zh, unit_en), ref_of(org_id, org_zh, org_en), phone, email,
                     languages, notes, mobile_abroad=mobile_abroad,
                     passport_number=passport_number, passport_expires=passport_expires,
                     visa_status=visa_status, dietary=dietary)


def _people(session: Session, where: ColumnElement[bool]) -> list[PersonRow]:
    """The people for whom ``where`` holds, by id, each with its unit and organisation."""
    stmt = (select(*_PERSON).select_from(tables.people)
            .outerjoin(_PERSON_UNIT, _PERSON_UNIT.c.id == PERSON.unit_id)
            .outerjoin(_PERSON_ORGANISATION, _PERSON_ORGANISATION.c.id == PERSON.organisation_id)
            .where(where).order_by(PERSON.id))
    return [_person(r) for r in session.execute(stmt)]


def people_by_id(session: Session, ids: set[int]) -> dict[int, PersonRow]:
    if not ids:
        return {}
    return {p.id: p for p in _people(session, PERSON.id.in_(sorted(ids)))}


def contacts_of(session: Session, organisation_ids: set[int]) -> dict[int, tuple[PersonRow, ...]]:
    """Each organisation's contacts (its people, by id, as ``Organisation.contacts``)."""
    if not organisation_ids:
        return {}
    found: dict[int, list[PersonRow]] = defaultdict(list)
    for person in _people(session, PERSON.organisation_id.in_(sorted(organisation_ids))):
        assert person.organisation is not None
        found[person.organisation.id].append(person)
    return {org_id: tuple(people) for org_id, people in found.items()}


def organisation_of(r: Sequence[Any], seen: dict[int, OrganisationRow] | None = None,
                    contacts: dict[int, tuple[PersonRow, ...]] | None = None
                    ) -> OrganisationRow:
    """An organisation from a row that starts with its parent's id and then holds the columns of
    ``ORGANISATION_COLUMNS``, with its ``contacts`` (none when not given); the row already in
    ``seen`` for the same organisation (one row shared by every trip or event naming it), else
    a new one kept there."""
    if seen is not None:
        known = seen.get(r[1])
        if known is not None:
            return known
    (_trip_id, ident, uuid, revision, name_zh, name_en, kind, industry_id, industry_zh,
     industry_en, industry_code, fortune_rank, china_rank, hq_city, hq_country, website,
     talking_points, notes, business, revenue, employees, china_presence, gba_presence) = r
    row = OrganisationRow(
        ident, uuid, revision, name_zh, name_en, kind,
        ref_of(industry_id, industry_zh, industry_en, industry_code), fortune_rank, china_rank,
        hq_city, hq_country, website, talking_points, notes,
        contacts.get(ident, ()) if contacts is not None else (), business=business,
        revenue_cny=revenue, employees=employees, china_presence=china_presence,
        gba_presence=gba_presence, hq_city_en=city_in_english(hq_city))
    if seen is not None:
        seen[ident] = row
    return row


REGION_ROW = (REGION.id, REGION.code, REGION.name_zh, REGION.name_en, REGION.kind)  # RegionRow's


def region_rows(session: Session) -> dict[int, RegionRow]:
    """Every region (a few dozen) by id."""
    return {r.id: RegionRow(*r) for r in session.execute(select(*REGION_ROW))}


def unit_refs_of(session: Session, ids: Iterable[int | None]) -> dict[int, Ref]:
    """The units ``ids`` (Nones left out) by id."""
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    return {r.id: Ref(r.id, r.name_zh, r.name_en, "") for r in session.execute(
        select(UNIT.id, UNIT.name_zh, UNIT.name_en).where(UNIT.id.in_(wanted)))}


def _trip_fields(t: Any, regions: dict[int, RegionRow], units: dict[int, Ref],
                 people: dict[int, PersonRow]) -> dict[str, Any]:
    """What a trip's row holds (``row_builders._trip_fields``), from a row of ``_TRIP_ROW``."""
    return dict(
        id=t.id, uuid=t.uuid, revision=t.revision, updated_at=t.updated_at, code=t.code,
        campaign_year=t.year, title_zh=t.title_zh, title_en=t.title_en,
        region=regions[t.region_id], start_date=t.start_date, end_date=t.end_date,
        status=t.status, leader=people[t.leader_id] if t.leader_id is not None else None,
        host_unit=units.get(t.host_unit_id) if t.host_unit_id is not None else None)


def trip_rows(session: Session, criteria: Iterable[ColumnElement[bool]] = ()) -> list[TripRow]:
    """The trips for which every one of ``criteria`` (on the tables' columns) holds, by start
    and code: rows equal to ``row_builders.trip_row`` of each, in four statements (the trips,
    the regions, their units, their leaders) whatever their number."""
    trips = session.execute(
        select(*_TRIP_ROW).select_from(tables.trips)
        .join(tables.campaigns, CAMPAIGN.id == TRIP.campaign_id)
        .where(*criteria).order_by(TRIP.start_date, TRIP.code)).all()
    if not trips:
        return []
    regions = region_rows(session)
    units = unit_refs_of(session, (t.host_unit_id for t in trips))
    people = people_by_id(session, {t.leader_id for t in trips if t.leader_id is not None})
    return [TripRow(**_trip_fields(t, regions, units, people)) for t in trips]


def trip_calendar_details(session: Session, ids: Sequence[int]) -> list[TripDetail]:
    """The trips ``ids`` with their itineraries, ordered by start date and code, without the
    targets' contacts and the items' counterparts (a calendar shows neither): rows equal to
    ``row_builders.trip_detail_row(trip, contacts=False)``, read in ten statements."""
    return trip_column_details(session, ids, contacts=False)


def trip_column_details(session: Session, ids: Sequence[int], *, contacts: bool = True
                        ) -> list[TripDetail]:
    """The trips ``ids`` with their itineraries, ordered by start date and code: rows equal to
    ``row_builders.trip_detail_row(trip, contacts=contacts)`` of each, read as columns in ten
    statements (twelve with the targets' contacts and the items' counterparts)."""
    if not ids:
        return []
    wanted = sorted(set(ids))
    trips = session.execute(
        select(*_TRIP).select_from(tables.trips)
        .join(tables.campaigns, CAMPAIGN.id == TRIP.campaign_id)
        .where(TRIP.id.in_(wanted)).order_by(TRIP.start_date, TRIP.code)).all()
    regions = region_rows(session)
    units = unit_refs_of(session, (t.host_unit_id for t in trips))
    cities: dict[int, list[CityRow]] = defaultdict(list)
    for c in session.execute(select(trip_cities.c.trip_id, *_CITY)
                             .join(tables.cities, CITY.id == trip_cities.c.city_id)
                             .where(trip_cities.c.trip_id.in_(wanted))
                             .order_by(trip_cities.c.trip_id, CITY.id)):
        cities[c[0]].append(CityRow(*c[1:]))
    industries: dict[int, list[Ref]] = defaultdict(list)
    for r in session.execute(select(trip_industries.c.trip_id, INDUSTRY.id, INDUSTRY.name_zh,
                                    INDUSTRY.name_en, INDUSTRY.code)
                             .join(tables.industries, INDUSTRY.id == trip_industries.c.industry_id)
                             .where(trip_industries.c.trip_id.in_(wanted))
                             .order_by(trip_industries.c.trip_id, INDUSTRY.position, INDUSTRY.id)):
        industries[r[0]].append(Ref(r[1], r[2], r[3], r[4] or ""))
    target_rows = session.execute(
        select(trip_targets.c.trip_id, *ORGANISATION_COLUMNS)
        .join(tables.organisations, ORGANISATION.id == trip_targets.c.organisation_id)
        .outerjoin(ORGANISATION_INDUSTRY, ORGANISATION_INDUSTRY.c.id == ORGANISATION.industry_id)
        .where(trip_targets.c.trip_id.in_(wanted))
        .order_by(trip_targets.c.trip_id, ORGANISATION.id)).all()
    their_contacts = contacts_of(session, {r[1] for r in target_rows}) if contacts else None
    targets: dict[int, list[OrganisationRow]] = defaultdict(list)
    organisations: dict[int, OrganisationRow] = {}  # one row for each organisation
    for target in target_rows:
        targets[target[0]].append(organisation_of(target, organisations, their_contacts))
    members = session.execute(
        select(MEMBER.trip_id, MEMBER.person_id, MEMBER.role)
        .where(MEMBER.trip_id.in_(wanted))
        .order_by(MEMBER.trip_id, MEMBER.position, MEMBER.person_id)).all()
    attending = people_linked(session, item_attendees.c.item_id, item_attendees.c.person_id,
                              ITEM.trip_id, wanted)
    meeting = people_linked(session, item_counterparts.c.item_id,
                            item_counterparts.c.person_id, ITEM.trip_id, wanted) \
        if contacts else {}
    people = people_by_id(session, {t.leader_id for t in trips if t.leader_id is not None}
                          | {m.person_id for m in members}
                          | {p for persons in attending.values() for p in persons}
                          | {p for persons in meeting.values() for p in persons})
    members_of: dict[int, list[MemberRow]] = defaultdict(list)
    for m in members:
        members_of[m.trip_id].append(MemberRow(people[m.person_id], m.role))
    trip_keys = {t.id: (t.uuid, t.code) for t in trips}
    items_of: dict[int, list[ItemRow]] = defaultdict(list)
    cities_by_id: dict[int, CityRow] = {}  # one row for each city the items name
    for i in session.execute(  # built as the cursor gives them: the raw rows are not all held
            select(*_ITEM).select_from(tables.itinerary_items)
            .outerjoin(_ITEM_CITY, _ITEM_CITY.c.id == ITEM.city_id)
            .outerjoin(_ITEM_ORGANISATION, _ITEM_ORGANISATION.c.id == ITEM.organisation_id)
            .where(ITEM.trip_id.in_(wanted))
            .order_by(ITEM.trip_id, ITEM.starts_at, ITEM.id)):
        trip_uuid, trip_code = trip_keys[i.trip_id]
        city = None
        if i.city_id is not None:
            city = cities_by_id.get(i.city_id)
            if city is None:
                city = cities_by_id[i.city_id] = CityRow(
                    i.city_id, i.city_zh, i.city_en, i.city_country, i.city_zone, i.city_region)
        items_of[i.trip_id].append(ItemRow(
            i.id, i.uuid, i.revision, i.updated_at, i.trip_id, trip_uuid, trip_code, i.kind,
            i.title_zh, i.title_en, i.starts_at, i.ends_at, i.timezone, city, i.place,
            ref_of(i.organisation_id, i.organisation_zh, i.organisation_en),
            tuple(people[p] for p in attending.get(i.id, ())), i.notes, i.outcome, i.all_day,
            i.external_uid, arrival_timezone=i.arrival_timezone, carrier=i.carrier,
            service_number=i.service_number, from_place=i.from_place, from_code=i.from_code,
            from_terminal=i.from_terminal, to_place=i.to_place, to_code=i.to_code,
            to_terminal=i.to_terminal, booking_ref=i.booking_ref, seat_class=i.seat_class,
            meeting_point=i.meeting_point, address=i.address, phone=i.phone,
            counterparts=tuple(people[p] for p in meeting.get(i.id, ())), ask=i.ask,
            offer=i.offer))
    return [TripDetail(
        **_trip_fields(t, regions, units, people),
        cities=tuple(cities.get(t.id, ())), industries=tuple(industries.get(t.id, ())),
        targets=tuple(targets.get(t.id, ())), members=tuple(members_of.get(t.id, ())),
        items=tuple(items_of.get(t.id, ())), purpose=t.purpose, key_messages=t.key_messages,
        logistics=t.logistics, emergency_contacts=t.emergency_contacts,
        cancel_reason=t.cancel_reason, notes=t.notes,
    ) for t in trips]


def people_linked(session: Session, child: Column[int], person: Column[int],
                  parent: Column[int], parent_ids: Sequence[int]) -> dict[int, list[int]]:
    """Child id → the ids of its people, by id as the records' relationships order them,
    through an association table's ``child`` and ``person`` columns, for the children whose
    ``parent`` column (of the child's table) is one of ``parent_ids``: an itinerary item's
    attendees or counterparts for some trips, an agenda session's speakers for some events."""
    children = parent.table
    child_id = children.c.id
    found: dict[int, list[int]] = defaultdict(list)
    for child_key, person_id in session.execute(
            select(child, person).join(children, child_id == child)
            .where(parent.in_(parent_ids)).order_by(child, person)):
        found[child_key].append(person_id)
    return found
