"""Trips with their itineraries read column by column: the same frozen rows as
``queries.trip_details(contacts=False)`` without building an ORM object for any of them.

A calendar of ten years of history holds tens of thousands of itinerary items; loading each as a
mapped object (identity map, relationship collections, then a row built from it) cost more than
rendering it. Here each kind of row is one plain ``SELECT`` of the columns the rows hold, and
the rows are assembled from tuples: ten statements whatever the number of trips.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from models.campaign import Campaign, City, Industry, Region, Unit
from models.organisations import Organisation
from models.people import Person
from models.rows import CityRow, ItemRow, MemberRow, OrganisationRow, PersonRow, Ref, RegionRow, TripDetail
from models.trips import (
    ItineraryItem,
    Trip,
    TripMember,
    item_attendees,
    trip_cities,
    trip_industries,
    trip_targets,
)
from models.wording import city_in_english

_TRIP = (Trip.id, Trip.uuid, Trip.revision, Trip.updated_at, Trip.code, Campaign.year,
         Trip.title_zh, Trip.title_en, Trip.region_id, Trip.start_date, Trip.end_date, Trip.status,
         Trip.leader_id, Trip.host_unit_id, Trip.purpose, Trip.key_messages, Trip.logistics,
         Trip.emergency_contacts, Trip.cancel_reason, Trip.notes)
_CITY = (City.id, City.name_zh, City.name_en, City.country_code, City.timezone, City.region_id)
_ITEM_CITY = aliased(City)
_ITEM_ORGANISATION = aliased(Organisation)
_ITEM = (ItineraryItem.id, ItineraryItem.trip_id, ItineraryItem.uuid, ItineraryItem.revision,
         ItineraryItem.updated_at, ItineraryItem.kind, ItineraryItem.title_zh,
         ItineraryItem.title_en, ItineraryItem.starts_at, ItineraryItem.ends_at,
         ItineraryItem.timezone, ItineraryItem.city_id, _ITEM_CITY.name_zh.label("city_zh"),
         _ITEM_CITY.name_en.label("city_en"), _ITEM_CITY.country_code.label("city_country"),
         _ITEM_CITY.timezone.label("city_zone"), _ITEM_CITY.region_id.label("city_region"),
         ItineraryItem.place, ItineraryItem.organisation_id,
         _ITEM_ORGANISATION.name_zh.label("organisation_zh"),
         _ITEM_ORGANISATION.name_en.label("organisation_en"),
         ItineraryItem.notes, ItineraryItem.outcome, ItineraryItem.all_day,
         ItineraryItem.external_uid, ItineraryItem.arrival_timezone, ItineraryItem.carrier,
         ItineraryItem.service_number, ItineraryItem.from_place, ItineraryItem.from_code,
         ItineraryItem.from_terminal, ItineraryItem.to_place, ItineraryItem.to_code,
         ItineraryItem.to_terminal, ItineraryItem.booking_ref, ItineraryItem.seat_class,
         ItineraryItem.meeting_point, ItineraryItem.address, ItineraryItem.phone,
         ItineraryItem.ask, ItineraryItem.offer)
_PERSON_UNIT = aliased(Unit)
_PERSON_ORGANISATION = aliased(Organisation)
_PERSON = (Person.id, Person.uuid, Person.revision, Person.name_zh, Person.name_en, Person.kind,
           Person.title_zh, Person.title_en, Person.unit_id, _PERSON_UNIT.name_zh,
           _PERSON_UNIT.name_en, Person.organisation_id, _PERSON_ORGANISATION.name_zh,
           _PERSON_ORGANISATION.name_en, Person.phone, Person.email, Person.languages,
           Person.notes, Person.mobile_abroad, Person.passport_number, Person.passport_expires,
           Person.visa_status, Person.dietary)
ORGANISATION_INDUSTRY = aliased(Industry)
ORGANISATION_COLUMNS = (  # an organisation without its contacts, for organisation_of
    Organisation.id, Organisation.uuid, Organisation.revision, Organisation.name_zh,
    Organisation.name_en, Organisation.kind, Organisation.industry_id,
    ORGANISATION_INDUSTRY.name_zh, ORGANISATION_INDUSTRY.name_en, ORGANISATION_INDUSTRY.code,
    Organisation.fortune_global_500_rank, Organisation.china_top_500_rank, Organisation.hq_city,
    Organisation.hq_country, Organisation.website, Organisation.talking_points,
    Organisation.notes, Organisation.business, Organisation.revenue_cny, Organisation.employees,
    Organisation.china_presence, Organisation.gba_presence)


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


def people_by_id(session: Session, ids: set[int]) -> dict[int, PersonRow]:
    if not ids:
        return {}
    stmt = (select(*_PERSON)
            .outerjoin(_PERSON_UNIT, _PERSON_UNIT.id == Person.unit_id)
            .outerjoin(_PERSON_ORGANISATION, _PERSON_ORGANISATION.id == Person.organisation_id)
            .where(Person.id.in_(sorted(ids))))
    return {r[0]: _person(r) for r in session.execute(stmt)}


def organisation_of(r: Sequence[Any], seen: dict[int, OrganisationRow] | None = None
                    ) -> OrganisationRow:
    """An organisation (without contacts) from a row that starts with its parent's id and
    then holds the columns of ``ORGANISATION_COLUMNS``; the row already in ``seen`` for the
    same organisation (one row shared by every trip or event naming it), else a new one kept
    there."""
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
        hq_city, hq_country, website, talking_points, notes, (), business=business,
        revenue_cny=revenue, employees=employees, china_presence=china_presence,
        gba_presence=gba_presence, hq_city_en=city_in_english(hq_city))
    if seen is not None:
        seen[ident] = row
    return row


def trip_calendar_details(session: Session, ids: Sequence[int]) -> list[TripDetail]:
    """The trips ``ids`` with their itineraries, ordered by start date and code: rows equal to
    ``queries.trip_details(ids=ids, contacts=False)`` (the targets without their contacts, the
    items without their counterparts), read as columns in ten statements."""
    if not ids:
        return []
    wanted = sorted(set(ids))
    trips = session.execute(
        select(*_TRIP).join(Campaign, Campaign.id == Trip.campaign_id)
        .where(Trip.id.in_(wanted)).order_by(Trip.start_date, Trip.code)).all()
    regions = {r.id: RegionRow(r.id, r.code, r.name_zh, r.name_en, r.kind) for r in
               session.execute(select(Region.id, Region.code, Region.name_zh, Region.name_en,
                                      Region.kind))}
    unit_ids = sorted({t.host_unit_id for t in trips if t.host_unit_id is not None})
    units = {r.id: Ref(r.id, r.name_zh, r.name_en, "") for r in session.execute(
        select(Unit.id, Unit.name_zh, Unit.name_en).where(Unit.id.in_(unit_ids)))} \
        if unit_ids else {}
    cities: dict[int, list[CityRow]] = defaultdict(list)
    for r in session.execute(select(trip_cities.c.trip_id, *_CITY)
                             .join(City, City.id == trip_cities.c.city_id)
                             .where(trip_cities.c.trip_id.in_(wanted))
                             .order_by(trip_cities.c.trip_id, City.id)):
        cities[r[0]].append(CityRow(*r[1:]))
    industries: dict[int, list[Ref]] = defaultdict(list)
    for r in session.execute(select(trip_industries.c.trip_id, Industry.id, Industry.name_zh,
                                    Industry.name_en, Industry.code)
                             .join(Industry, Industry.id == trip_industries.c.industry_id)
                             .where(trip_industries.c.trip_id.in_(wanted))
                             .order_by(trip_industries.c.trip_id, Industry.position, Industry.id)):
        industries[r[0]].append(Ref(r[1], r[2], r[3], r[4] or ""))
    targets: dict[int, list[OrganisationRow]] = defaultdict(list)
    organisations: dict[int, OrganisationRow] = {}  # one row for each organisation
    for r in session.execute(select(trip_targets.c.trip_id, *ORGANISATION_COLUMNS)
                             .join(Organisation, Organisation.id == trip_targets.c.organisation_id)
                             .outerjoin(ORGANISATION_INDUSTRY,
                                        ORGANISATION_INDUSTRY.id == Organisation.industry_id)
                             .where(trip_targets.c.trip_id.in_(wanted))
                             .order_by(trip_targets.c.trip_id, Organisation.id)):
        targets[r[0]].append(organisation_of(r, organisations))
    members = session.execute(
        select(TripMember.trip_id, TripMember.person_id, TripMember.role)
        .where(TripMember.trip_id.in_(wanted))
        .order_by(TripMember.trip_id, TripMember.position, TripMember.person_id)).all()
    attending: dict[int, list[int]] = defaultdict(list)
    for item_id, person_id in session.execute(
            select(item_attendees.c.item_id, item_attendees.c.person_id)
            .join(ItineraryItem, ItineraryItem.id == item_attendees.c.item_id)
            .where(ItineraryItem.trip_id.in_(wanted))
            .order_by(item_attendees.c.item_id, item_attendees.c.person_id)):
        attending[item_id].append(person_id)
    people = people_by_id(session, {t.leader_id for t in trips if t.leader_id is not None}
                     | {m.person_id for m in members}
                     | {p for persons in attending.values() for p in persons})
    members_of: dict[int, list[MemberRow]] = defaultdict(list)
    for m in members:
        members_of[m.trip_id].append(MemberRow(people[m.person_id], m.role))
    trip_keys = {t.id: (t.uuid, t.code) for t in trips}
    items_of: dict[int, list[ItemRow]] = defaultdict(list)
    cities_by_id: dict[int, CityRow] = {}  # one row for each city the items name
    for i in session.execute(  # built as the cursor gives them: the raw rows are not all held
            select(*_ITEM).outerjoin(_ITEM_CITY, _ITEM_CITY.id == ItineraryItem.city_id)
            .outerjoin(_ITEM_ORGANISATION, _ITEM_ORGANISATION.id == ItineraryItem.organisation_id)
            .where(ItineraryItem.trip_id.in_(wanted))
            .order_by(ItineraryItem.trip_id, ItineraryItem.starts_at, ItineraryItem.id)):
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
            meeting_point=i.meeting_point, address=i.address, phone=i.phone, ask=i.ask,
            offer=i.offer))
    return [TripDetail(
        id=t.id, uuid=t.uuid, revision=t.revision, updated_at=t.updated_at, code=t.code,
        campaign_year=t.year, title_zh=t.title_zh, title_en=t.title_en,
        region=regions[t.region_id], start_date=t.start_date, end_date=t.end_date,
        status=t.status, leader=people[t.leader_id] if t.leader_id is not None else None,
        host_unit=units.get(t.host_unit_id) if t.host_unit_id is not None else None,
        cities=tuple(cities.get(t.id, ())), industries=tuple(industries.get(t.id, ())),
        targets=tuple(targets.get(t.id, ())), members=tuple(members_of.get(t.id, ())),
        items=tuple(items_of.get(t.id, ())), purpose=t.purpose, key_messages=t.key_messages,
        logistics=t.logistics, emergency_contacts=t.emergency_contacts,
        cancel_reason=t.cancel_reason, notes=t.notes,
    ) for t in trips]
