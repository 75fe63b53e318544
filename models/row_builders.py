"""Row builders: ORM object -> plain row (models.rows). Call them inside the session that loaded
the object; the queries in :mod:`models.queries` load the relations they read in bulk."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from sys import intern  # one copy of a city or country that 20,000 rows name
from typing import Any

from models.campaign import Campaign, City, Industry, Region, Unit
from models.events import AgendaSession, ThemedEvent
from models.leads import HqVisit, Lead
from models.organisations import Organisation
from models.people import Person
from models.rows import (
    CampaignRow,
    CityRow,
    EventDetail,
    EventRow,
    HqVisitRow,
    InvitationRow,
    ItemRow,
    LeadRow,
    MemberRow,
    OrganisationRow,
    PersonRow,
    Ref,
    RegionRow,
    SessionRow,
    StaffPostRow,
    StageStep,
    TripDetail,
    TripRow,
    UnitDutyRow,
    VipSeatRow,
)
from models.trips import ItineraryItem, Trip
from models.wording import city_in_english

# lists of thousands of records are read this many at a time (``yield_per``): the ORM objects
# of one chunk are let go once its plain rows are built, so the peak memory does not grow
# with ten years of history (``queries.list_leads``, ``list_organisations``, ``list_visits``)
ROWS_PER_CHUNK = 1000


def ref(obj: Industry | Unit | Organisation | Region | Person | None) -> Ref | None:
    if obj is None:
        return None
    return shared_ref(obj.id, obj.name_zh, obj.name_en, getattr(obj, "code", "") or "")


@lru_cache(maxsize=4096)
def shared_ref(ident: int, name_zh: str, name_en: str, code: str) -> Ref:
    """One Ref for the same values: 20,000 projects refer to 70 units and 20 industries, and
    each row held its own copy of them (about 5 MiB of the projects' list at scale 1)."""
    return Ref(ident, name_zh, name_en, code)


def campaign_row(c: Campaign) -> CampaignRow:
    return CampaignRow(
        c.id, c.uuid, c.revision, c.year, c.name_zh, c.name_en, c.slogan, c.target_trips,
        c.target_events, c.target_hq_visits, c.target_investment_cny, c.flagship_threshold_cny,
        c.target_flagship_projects, c.duty_phone, c.slogan_en,
    )


def region_row(r: Region) -> RegionRow:
    return RegionRow(r.id, r.code, r.name_zh, r.name_en, r.kind)


def city_row(c: City) -> CityRow:
    return CityRow(c.id, c.name_zh, c.name_en, c.country_code, c.timezone, c.region_id)


def person_row(p: Person) -> PersonRow:
    return PersonRow(
        p.id, p.uuid, p.revision, p.name_zh, p.name_en, p.kind, p.title_zh, p.title_en,
        ref(p.unit), ref(p.organisation), p.phone, p.email, p.languages, p.notes,
        mobile_abroad=p.mobile_abroad, passport_number=p.passport_number,
        passport_expires=p.passport_expires, visa_status=p.visa_status, dietary=p.dietary,
    )


def organisation_row(o: Organisation, with_contacts: bool = False,
                     cities: Mapping[str, str] | None = None) -> OrganisationRow:
    """An organisation; ``cities`` maps the directory's Chinese city names to English ones
    (without it, CLDR's city names name its headquarters in English)."""
    return OrganisationRow(
        o.id, o.uuid, o.revision, o.name_zh, o.name_en, o.kind, ref(o.industry),
        o.fortune_global_500_rank, o.china_top_500_rank, intern(o.hq_city), intern(o.hq_country),
        o.website,
        o.talking_points, o.notes,
        tuple(person_row(p) for p in o.contacts) if with_contacts else (),
        business=o.business, revenue_cny=o.revenue_cny, employees=o.employees,
        china_presence=o.china_presence, gba_presence=o.gba_presence,
        hq_city_en=city_in_english(o.hq_city, cities),
    )


def item_row(i: ItineraryItem, trip: Trip, counterparts: bool = True) -> ItemRow:
    return ItemRow(
        i.id, i.uuid, i.revision, i.updated_at, trip.id, trip.uuid, trip.code, i.kind,
        i.title_zh, i.title_en, i.starts_at, i.ends_at, i.timezone,
        city_row(i.city) if i.city else None, i.place, ref(i.organisation),
        tuple(person_row(p) for p in i.attendees), i.notes, i.outcome, i.all_day,
        i.external_uid,
        arrival_timezone=i.arrival_timezone, carrier=i.carrier, service_number=i.service_number,
        from_place=i.from_place, from_code=i.from_code, from_terminal=i.from_terminal,
        to_place=i.to_place, to_code=i.to_code, to_terminal=i.to_terminal,
        booking_ref=i.booking_ref, seat_class=i.seat_class, meeting_point=i.meeting_point,
        address=i.address, phone=i.phone,
        counterparts=tuple(person_row(p) for p in i.counterparts) if counterparts else (),
        ask=i.ask, offer=i.offer,
    )


def _trip_fields(t: Trip) -> dict[str, Any]:
    return dict(
        id=t.id, uuid=t.uuid, revision=t.revision, updated_at=t.updated_at, code=t.code,
        campaign_year=t.campaign.year, title_zh=t.title_zh, title_en=t.title_en,
        region=region_row(t.region), start_date=t.start_date, end_date=t.end_date,
        status=t.status, leader=person_row(t.leader) if t.leader else None,
        host_unit=ref(t.host_unit),
    )


def trip_row(t: Trip) -> TripRow:
    return TripRow(**_trip_fields(t))


def trip_detail_row(t: Trip, contacts: bool = True) -> TripDetail:
    """``contacts=False``: the targets without their contacts, the items without their
    counterparts (what a calendar file leaves out)."""
    return TripDetail(
        **_trip_fields(t),
        cities=tuple(city_row(c) for c in t.cities),
        industries=tuple(r for r in map(ref, t.industries) if r),
        targets=tuple(organisation_row(o, with_contacts=contacts) for o in t.targets),
        members=tuple(MemberRow(person_row(m.person), m.role) for m in t.members),
        items=tuple(item_row(i, t, counterparts=contacts) for i in t.items),
        purpose=t.purpose,
        key_messages=t.key_messages,
        logistics=t.logistics,
        emergency_contacts=t.emergency_contacts,
        cancel_reason=t.cancel_reason,
        notes=t.notes,
    )


def _event_fields(e: ThemedEvent) -> dict[str, Any]:
    return dict(
        id=e.id, uuid=e.uuid, revision=e.revision, updated_at=e.updated_at, code=e.code,
        campaign_year=e.campaign.year, kind=e.kind, title_zh=e.title_zh, title_en=e.title_en,
        venue=e.venue, city=city_row(e.city) if e.city else None,
        region=region_row(e.city.region) if e.city else None, timezone=e.timezone,
        starts_at=e.starts_at, ends_at=e.ends_at, host_unit=ref(e.host_unit),
        lead_person=person_row(e.lead_person) if e.lead_person else None,
        capacity=e.capacity, status=e.status,
    )


def event_row(e: ThemedEvent) -> EventRow:
    return EventRow(**_event_fields(e))


def session_row(s: AgendaSession) -> SessionRow:
    return SessionRow(
        s.id, s.uuid, s.revision, s.updated_at, s.title_zh, s.title_en, s.starts_at, s.ends_at,
        s.room, tuple(person_row(p) for p in s.speakers), s.notes,
    )


def event_detail_row(e: ThemedEvent, contacts: bool = True) -> EventDetail:
    return EventDetail(
        **_event_fields(e),
        industries=tuple(r for r in map(ref, e.industries) if r),
        sessions=tuple(session_row(s) for s in e.sessions),
        invitations=tuple(
            InvitationRow(organisation_row(i.organisation, with_contacts=contacts), i.rsvp,
                          i.guests,
                          i.notes)
            for i in e.invitations
        ),
        description=e.description,
        responsibilities=e.responsibilities,
        cancel_reason=e.cancel_reason,
        notes=e.notes,
        external_uid=e.external_uid,
        staff_posts=tuple(
            StaffPostRow(p.post, p.room, person_row(p.person) if p.person else None,
                         p.starts_at, p.ends_at, p.duty, p.post_en, p.room_en, p.duty_en)
            for p in e.staff_posts
        ),
        vip_seats=tuple(
            VipSeatRow(person_row(v.person), ref(v.organisation), v.title, v.table_no, v.seat_no)
            for v in e.vip_seats
        ),
        unit_duties=tuple(
            UnitDutyRow(r, u.duty, person_row(u.contact) if u.contact else None)
            for u in e.unit_duties if (r := ref(u.unit)) is not None
        ),
    )


def lead_row(lead: Lead, flagship_threshold: int) -> LeadRow:
    org = ref(lead.organisation)
    assert org is not None
    return LeadRow(
        lead.id, lead.uuid, lead.revision, lead.code, lead.title_zh, lead.title_en, org,
        ref(lead.industry), lead.amount_cny, lead.stage, ref(lead.unit),
        lead.source_trip.code if lead.source_trip else None,
        lead.source_event.code if lead.source_event else None,
        lead.first_contact_on, lead.signed_on, lead.funds_in_cny,
        flagship_threshold > 0 and lead.amount_cny >= flagship_threshold, lead.notes,
        region=_lead_region(lead), source_item_id=lead.source_item_id,
        source_session_id=lead.source_session_id,
        source_meeting=(lead.source_item.title_zh if lead.source_item
                        else lead.source_session.title_zh if lead.source_session else ""),
        history=tuple(StageStep(c.stage, c.changed_on, c.changed_by, c.reason)
                      for c in lead.stage_changes),
        leader=ref(lead.leader), confirmed_at=lead.confirmed_at, confirmed_by=lead.confirmed_by,
    )


def _lead_region(lead: Lead) -> Ref | None:
    if lead.source_trip is not None:
        return ref(lead.source_trip.region)
    if lead.source_event is not None and lead.source_event.city is not None:
        return ref(lead.source_event.city.region)
    return None



def hq_visit_row(v: HqVisit, targets: dict[int, Ref | None] | None = None,
                 cities: Mapping[str, str] | None = None) -> HqVisitRow:
    """A visit; ``targets`` maps the target list's organisation ids to their regions,
    ``cities`` the directory's Chinese city names to their English ones."""
    org = ref(v.organisation)
    assert org is not None
    targets = targets or {}
    return HqVisitRow(
        v.id, org, ref(v.unit), v.visited_on, v.team_name,
        v.trip.code if v.trip is not None else None, v.notes, uuid=v.uuid,
        revision=v.revision, team_id=v.team_id, status=v.status, place=intern(v.place),
        outcome=v.outcome, follow_up_code=v.follow_up.code if v.follow_up is not None else None,
        industry=ref(v.organisation.industry), region=targets.get(v.organisation_id),
        is_target=v.organisation_id in targets, updated_at=v.updated_at,
        confirmed_at=v.confirmed_at,
        confirmed_by=intern(v.confirmed_by) if v.confirmed_by is not None else None,
        team_en=v.team.name_en if v.team is not None else "",
        place_en=city_in_english(v.place, cities),
    )
