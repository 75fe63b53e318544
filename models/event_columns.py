"""Themed events, and themed events with their agendas, read column by column: the same frozen
rows as ``row_builders.event_row`` and ``event_detail_row`` give of the mapped records, without
building an ORM object for any of them (see :mod:`models.trip_columns`): twelve statements
whatever the number of events (thirteen with the invited organisations' contacts).

Written on the tables (:mod:`models.tables`): reading through it configures no mapper."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from models import tables
from models.rows import (
    CityRow,
    EventDetail,
    EventRow,
    InvitationRow,
    OrganisationRow,
    PersonRow,
    Ref,
    RegionRow,
    SessionRow,
    StaffPostRow,
    UnitDutyRow,
    VipSeatRow,
)
from models.tables import (
    AGENDA,
    CAMPAIGN,
    CITY,
    DUTY,
    EVENT,
    INDUSTRY,
    INVITATION,
    ORGANISATION,
    POST,
    SEAT,
    UNIT,
    event_industries,
    session_speakers,
)
from models.trip_columns import (
    ORGANISATION_COLUMNS,
    ORGANISATION_INDUSTRY,
    contacts_of,
    organisation_of,
    people_by_id,
    people_linked,
    ref_of,
    region_rows,
    unit_refs_of,
)

# what an event's row shows (EventRow), then what its detail adds
_EVENT_ROW = (EVENT.id, EVENT.uuid, EVENT.revision, EVENT.updated_at, EVENT.code, CAMPAIGN.year,
              EVENT.kind, EVENT.title_zh, EVENT.title_en, EVENT.venue, EVENT.city_id,
              EVENT.timezone, EVENT.starts_at, EVENT.ends_at, EVENT.host_unit_id,
              EVENT.lead_person_id, EVENT.capacity, EVENT.status)
_EVENT = (*_EVENT_ROW, EVENT.description, EVENT.responsibilities, EVENT.cancel_reason,
          EVENT.notes, EVENT.external_uid)
_SESSION = (AGENDA.id, AGENDA.event_id, AGENDA.uuid, AGENDA.revision, AGENDA.updated_at,
            AGENDA.title_zh, AGENDA.title_en, AGENDA.starts_at, AGENDA.ends_at, AGENDA.room,
            AGENDA.notes)


def _city_rows(session: Session, events: Sequence[Any]) -> dict[int, CityRow]:
    """The cities the events are in, by id."""
    city_ids = sorted({e.city_id for e in events if e.city_id is not None})
    if not city_ids:
        return {}
    return {r[0]: CityRow(*r) for r in session.execute(
        select(CITY.id, CITY.name_zh, CITY.name_en, CITY.country_code, CITY.timezone,
               CITY.region_id).where(CITY.id.in_(city_ids)))}


def _event_fields(e: Any, cities: dict[int, CityRow], regions: dict[int, RegionRow],
                  units: dict[int, Ref], people: dict[int, PersonRow]) -> dict[str, Any]:
    """What an event's row holds (``row_builders._event_fields``), from a row of
    ``_EVENT_ROW``."""
    city = cities.get(e.city_id) if e.city_id is not None else None
    return dict(
        id=e.id, uuid=e.uuid, revision=e.revision, updated_at=e.updated_at, code=e.code,
        campaign_year=e.year, kind=e.kind, title_zh=e.title_zh, title_en=e.title_en,
        venue=e.venue, city=city, region=regions[city.region_id] if city else None,
        timezone=e.timezone, starts_at=e.starts_at, ends_at=e.ends_at,
        host_unit=units.get(e.host_unit_id) if e.host_unit_id is not None else None,
        lead_person=people[e.lead_person_id] if e.lead_person_id is not None else None,
        capacity=e.capacity, status=e.status)


def event_rows(session: Session, criteria: Iterable[ColumnElement[bool]] = ()
               ) -> list[EventRow]:
    """The events for which every one of ``criteria`` (on the tables' columns, the events'
    and their cities') holds, by start and code: rows equal to ``row_builders.event_row`` of
    each, in five statements (the events, the regions, their cities, units and lead people)
    whatever their number."""
    events = session.execute(
        select(*_EVENT_ROW).select_from(tables.themed_events)
        .join(tables.campaigns, CAMPAIGN.id == EVENT.campaign_id)
        .outerjoin(tables.cities, CITY.id == EVENT.city_id)
        .where(*criteria).order_by(EVENT.starts_at, EVENT.code)).all()
    if not events:
        return []
    regions = region_rows(session)
    cities = _city_rows(session, events)
    units = unit_refs_of(session, (e.host_unit_id for e in events))
    people = people_by_id(session, {e.lead_person_id for e in events
                                    if e.lead_person_id is not None})
    return [EventRow(**_event_fields(e, cities, regions, units, people)) for e in events]


def event_calendar_details(session: Session, ids: Sequence[int]) -> list[EventDetail]:
    """The events ``ids`` with their agendas, invitations and run-of-show rows, ordered by start
    and code, the invited organisations without their contacts (a calendar names them only):
    rows equal to ``row_builders.event_detail_row(event, contacts=False)``, read as columns."""
    return event_column_details(session, ids, contacts=False)


def event_column_details(session: Session, ids: Sequence[int], *, contacts: bool = True
                         ) -> list[EventDetail]:
    """The events ``ids`` with their agendas, invitations and run-of-show rows, ordered by start
    and code: rows equal to ``row_builders.event_detail_row(event, contacts=contacts)`` of each,
    read as columns in twelve statements (thirteen with the invited organisations'
    contacts)."""
    if not ids:
        return []
    wanted = sorted(set(ids))
    events = session.execute(
        select(*_EVENT).select_from(tables.themed_events)
        .join(tables.campaigns, CAMPAIGN.id == EVENT.campaign_id)
        .where(EVENT.id.in_(wanted))
        .order_by(EVENT.starts_at, EVENT.code)).all()
    regions = region_rows(session)
    cities = _city_rows(session, events)
    industries: dict[int, list[Ref]] = defaultdict(list)
    for r in session.execute(select(event_industries.c.event_id, INDUSTRY.id, INDUSTRY.name_zh,
                                    INDUSTRY.name_en, INDUSTRY.code)
                             .join(tables.industries,
                                   INDUSTRY.id == event_industries.c.industry_id)
                             .where(event_industries.c.event_id.in_(wanted))
                             .order_by(event_industries.c.event_id, INDUSTRY.position,
                                       INDUSTRY.id)):
        industries[r[0]].append(Ref(r[1], r[2], r[3], r[4] or ""))
    speaking = people_linked(session, session_speakers.c.session_id,
                             session_speakers.c.person_id, AGENDA.event_id, wanted)
    invited = session.execute(
        select(INVITATION.event_id, *ORGANISATION_COLUMNS, INVITATION.rsvp,
               INVITATION.guests, INVITATION.notes)
        .join(tables.organisations, ORGANISATION.id == INVITATION.organisation_id)
        .outerjoin(ORGANISATION_INDUSTRY, ORGANISATION_INDUSTRY.c.id == ORGANISATION.industry_id)
        .where(INVITATION.event_id.in_(wanted))
        .order_by(INVITATION.event_id, INVITATION.organisation_id)).all()
    their_contacts = contacts_of(session, {r[1] for r in invited}) if contacts else None
    invitations: dict[int, list[InvitationRow]] = defaultdict(list)
    organisations: dict[int, OrganisationRow] = {}  # one row for each organisation invited
    for invitation in invited:
        values: tuple[Any, ...] = tuple(invitation)  # the event, the organisation, rsvp, guests, notes
        invitations[values[0]].append(InvitationRow(
            organisation_of(values[:-3], organisations, their_contacts), *values[-3:]))
    posts = session.execute(
        select(POST.event_id, POST.post, POST.room, POST.person_id, POST.starts_at,
               POST.ends_at, POST.duty, POST.post_en, POST.room_en, POST.duty_en)
        .where(POST.event_id.in_(wanted))
        .order_by(POST.event_id, POST.position, POST.id)).all()
    seats = session.execute(
        select(SEAT.event_id, SEAT.person_id, SEAT.organisation_id, ORGANISATION.name_zh,
               ORGANISATION.name_en, SEAT.title, SEAT.table_no, SEAT.seat_no)
        .select_from(tables.vip_seats)
        .outerjoin(tables.organisations, ORGANISATION.id == SEAT.organisation_id)
        .where(SEAT.event_id.in_(wanted))
        .order_by(SEAT.event_id, SEAT.position, SEAT.id)).all()
    duties = session.execute(
        select(DUTY.event_id, DUTY.unit_id, UNIT.name_zh, UNIT.name_en, DUTY.duty,
               DUTY.contact_person_id)
        .select_from(tables.unit_duties)
        .join(tables.units, UNIT.id == DUTY.unit_id)
        .where(DUTY.event_id.in_(wanted))
        .order_by(DUTY.event_id, DUTY.position, DUTY.id)).all()
    units = unit_refs_of(session, (e.host_unit_id for e in events))
    people = people_by_id(
        session, {e.lead_person_id for e in events if e.lead_person_id is not None}
        | {p for persons in speaking.values() for p in persons}
        | {p.person_id for p in posts if p.person_id is not None}
        | {s.person_id for s in seats}
        | {d.contact_person_id for d in duties if d.contact_person_id is not None})
    sessions_of: dict[int, list[SessionRow]] = defaultdict(list)
    for s in session.execute(  # built as the cursor gives them: the raw rows are not all held
            select(*_SESSION).where(AGENDA.event_id.in_(wanted))
            .order_by(AGENDA.event_id, AGENDA.starts_at, AGENDA.id)):
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
        details.append(EventDetail(
            **_event_fields(e, cities, regions, units, people),
            industries=tuple(industries.get(e.id, ())),
            sessions=tuple(sessions_of.get(e.id, ())),
            invitations=tuple(invitations.get(e.id, ())), description=e.description,
            responsibilities=e.responsibilities, cancel_reason=e.cancel_reason, notes=e.notes,
            external_uid=e.external_uid, staff_posts=tuple(posts_of.get(e.id, ())),
            vip_seats=tuple(seats_of.get(e.id, ())), unit_duties=tuple(duties_of.get(e.id, ())),
        ))
    return details
