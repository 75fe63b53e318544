"""Themed events with their agendas read column by column: the same frozen rows as
``queries.event_details(contacts=False)`` without building an ORM object for any of them (see
:mod:`models.trip_columns`): twelve statements whatever the number of events."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.campaign import Campaign, City, Industry, Region, Unit
from models.events import (
    AgendaSession,
    Invitation,
    StaffPost,
    ThemedEvent,
    UnitDuty,
    VipSeat,
    event_industries,
    session_speakers,
)
from models.organisations import Organisation
from models.rows import (
    CityRow,
    EventDetail,
    InvitationRow,
    OrganisationRow,
    Ref,
    RegionRow,
    SessionRow,
    StaffPostRow,
    UnitDutyRow,
    VipSeatRow,
)
from models.trip_columns import (
    ORGANISATION_COLUMNS,
    ORGANISATION_INDUSTRY,
    organisation_of,
    people_by_id,
    ref_of,
)

_EVENT = (ThemedEvent.id, ThemedEvent.uuid, ThemedEvent.revision, ThemedEvent.updated_at,
          ThemedEvent.code, Campaign.year, ThemedEvent.kind, ThemedEvent.title_zh,
          ThemedEvent.title_en, ThemedEvent.venue, ThemedEvent.city_id, ThemedEvent.timezone,
          ThemedEvent.starts_at, ThemedEvent.ends_at, ThemedEvent.host_unit_id,
          ThemedEvent.lead_person_id, ThemedEvent.capacity, ThemedEvent.status,
          ThemedEvent.description, ThemedEvent.responsibilities, ThemedEvent.cancel_reason,
          ThemedEvent.notes, ThemedEvent.external_uid)
_SESSION = (AgendaSession.id, AgendaSession.event_id, AgendaSession.uuid, AgendaSession.revision,
            AgendaSession.updated_at, AgendaSession.title_zh, AgendaSession.title_en,
            AgendaSession.starts_at, AgendaSession.ends_at, AgendaSession.room,
            AgendaSession.notes)


def event_calendar_details(session: Session, ids: Sequence[int]) -> list[EventDetail]:
    """The events ``ids`` with their agendas, invitations and run-of-show rows, ordered by start
    and code: rows equal to ``queries.event_details(ids, contacts=False)``, read as columns."""
    if not ids:
        return []
    wanted = sorted(set(ids))
    events = session.execute(
        select(*_EVENT).join(Campaign, Campaign.id == ThemedEvent.campaign_id)
        .where(ThemedEvent.id.in_(wanted))
        .order_by(ThemedEvent.starts_at, ThemedEvent.code)).all()
    regions = {r.id: RegionRow(r.id, r.code, r.name_zh, r.name_en, r.kind) for r in
               session.execute(select(Region.id, Region.code, Region.name_zh, Region.name_en,
                                      Region.kind))}
    city_ids = sorted({e.city_id for e in events if e.city_id is not None})
    cities = {r[0]: CityRow(*r) for r in session.execute(
        select(City.id, City.name_zh, City.name_en, City.country_code, City.timezone,
               City.region_id).where(City.id.in_(city_ids)))} if city_ids else {}
    industries: dict[int, list[Ref]] = defaultdict(list)
    for r in session.execute(select(event_industries.c.event_id, Industry.id, Industry.name_zh,
                                    Industry.name_en, Industry.code)
                             .join(Industry, Industry.id == event_industries.c.industry_id)
                             .where(event_industries.c.event_id.in_(wanted))
                             .order_by(event_industries.c.event_id, Industry.position,
                                       Industry.id)):
        industries[r[0]].append(Ref(r[1], r[2], r[3], r[4] or ""))
    speaking: dict[int, list[int]] = defaultdict(list)
    for session_id, person_id in session.execute(
            select(session_speakers.c.session_id, session_speakers.c.person_id)
            .join(AgendaSession, AgendaSession.id == session_speakers.c.session_id)
            .where(AgendaSession.event_id.in_(wanted))
            .order_by(session_speakers.c.session_id, session_speakers.c.person_id)):
        speaking[session_id].append(person_id)
    invitations: dict[int, list[InvitationRow]] = defaultdict(list)
    organisations: dict[int, OrganisationRow] = {}  # one row for each organisation invited
    for r in session.execute(
            select(Invitation.event_id, *ORGANISATION_COLUMNS, Invitation.rsvp,
                   Invitation.guests, Invitation.notes)
            .join(Organisation, Organisation.id == Invitation.organisation_id)
            .outerjoin(ORGANISATION_INDUSTRY, ORGANISATION_INDUSTRY.id == Organisation.industry_id)
            .where(Invitation.event_id.in_(wanted))
            .order_by(Invitation.event_id, Invitation.organisation_id)):
        values: tuple[Any, ...] = tuple(r)  # the event, the organisation, rsvp, guests, notes
        invitations[values[0]].append(InvitationRow(organisation_of(values[:-3], organisations),
                                                       *values[-3:]))
    posts = session.execute(
        select(StaffPost.event_id, StaffPost.post, StaffPost.room, StaffPost.person_id,
               StaffPost.starts_at, StaffPost.ends_at, StaffPost.duty, StaffPost.post_en,
               StaffPost.room_en, StaffPost.duty_en)
        .where(StaffPost.event_id.in_(wanted))
        .order_by(StaffPost.event_id, StaffPost.position, StaffPost.id)).all()
    seats = session.execute(
        select(VipSeat.event_id, VipSeat.person_id, VipSeat.organisation_id, Organisation.name_zh,
               Organisation.name_en, VipSeat.title, VipSeat.table_no, VipSeat.seat_no)
        .outerjoin(Organisation, Organisation.id == VipSeat.organisation_id)
        .where(VipSeat.event_id.in_(wanted))
        .order_by(VipSeat.event_id, VipSeat.position, VipSeat.id)).all()
    duties = session.execute(
        select(UnitDuty.event_id, UnitDuty.unit_id, Unit.name_zh, Unit.name_en, UnitDuty.duty,
               UnitDuty.contact_person_id)
        .join(Unit, Unit.id == UnitDuty.unit_id)
        .where(UnitDuty.event_id.in_(wanted))
        .order_by(UnitDuty.event_id, UnitDuty.position, UnitDuty.id)).all()
    unit_ids = sorted({e.host_unit_id for e in events if e.host_unit_id is not None})
    units = {r.id: Ref(r.id, r.name_zh, r.name_en, "") for r in session.execute(
        select(Unit.id, Unit.name_zh, Unit.name_en).where(Unit.id.in_(unit_ids)))} \
        if unit_ids else {}
    people = people_by_id(
        session, {e.lead_person_id for e in events if e.lead_person_id is not None}
        | {p for persons in speaking.values() for p in persons}
        | {p.person_id for p in posts if p.person_id is not None}
        | {s.person_id for s in seats}
        | {d.contact_person_id for d in duties if d.contact_person_id is not None})
    sessions_of: dict[int, list[SessionRow]] = defaultdict(list)
    for s in session.execute(  # built as the cursor gives them: the raw rows are not all held
            select(*_SESSION).where(AgendaSession.event_id.in_(wanted))
            .order_by(AgendaSession.event_id, AgendaSession.starts_at, AgendaSession.id)):
        sessions_of[s.event_id].append(SessionRow(
            s.id, s.uuid, s.revision, s.updated_at, s.title_zh, s.title_en, s.starts_at,
            s.ends_at, s.room, tuple(people[p] for p in speaking.get(s.id, ())), s.notes))
    posts_of: dict[int, list[StaffPostRow]] = defaultdict(list)
    for p in posts:
        posts_of[p.event_id].append(StaffPostRow(
            p.post, p.room, people[p.person_id] if p.person_id is not None else None,
            p.starts_at, p.ends_at, p.duty, p.post_en, p.room_en, p.duty_en))
    seats_of: dict[int, list[VipSeatRow]] = defaultdict(list)
    for v in seats:
        seats_of[v.event_id].append(VipSeatRow(
            people[v.person_id], ref_of(v.organisation_id, v.name_zh, v.name_en), v.title,
            v.table_no, v.seat_no))
    duties_of: dict[int, list[UnitDutyRow]] = defaultdict(list)
    for d in duties:
        duties_of[d.event_id].append(UnitDutyRow(
            Ref(d.unit_id, d.name_zh, d.name_en, ""), d.duty,
            people[d.contact_person_id] if d.contact_person_id is not None else None))
    details = []
    for e in events:
        city = cities.get(e.city_id) if e.city_id is not None else None
        details.append(EventDetail(
            id=e.id, uuid=e.uuid, revision=e.revision, updated_at=e.updated_at, code=e.code,
            campaign_year=e.year, kind=e.kind, title_zh=e.title_zh, title_en=e.title_en,
            venue=e.venue, city=city, region=regions[city.region_id] if city else None,
            timezone=e.timezone, starts_at=e.starts_at, ends_at=e.ends_at,
            host_unit=units.get(e.host_unit_id) if e.host_unit_id is not None else None,
            lead_person=people[e.lead_person_id] if e.lead_person_id is not None else None,
            capacity=e.capacity, status=e.status, industries=tuple(industries.get(e.id, ())),
            sessions=tuple(sessions_of.get(e.id, ())),
            invitations=tuple(invitations.get(e.id, ())), description=e.description,
            responsibilities=e.responsibilities, cancel_reason=e.cancel_reason, notes=e.notes,
            external_uid=e.external_uid, staff_posts=tuple(posts_of.get(e.id, ())),
            vip_seats=tuple(seats_of.get(e.id, ())), unit_duties=tuple(duties_of.get(e.id, ())),
        ))
    return details
