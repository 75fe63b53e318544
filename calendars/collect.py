"""From the database to plain calendar data: the trips and events a scope covers, loaded in bulk."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Table, exists, false, func, or_, select
from sqlalchemy.orm import Session

from calendars.scope import ExportScope
from models import queries, tables
from models.enums import TripStatus, VisitStatus
from models.errors import NotFoundError, ValidationError
from models.language import Lang
from models.rows import EventDetail, HqVisitRow, ItemRow, SessionRow, TripDetail
from models.tables import AGENDA, CITY, EVENT, TEAM, TRIP
from models.visits import get_team, list_visits


@dataclass(frozen=True)
class CalendarData:
    """Everything a calendar file shows, as plain frozen rows (no session needed to render)."""

    name_zh: str
    name_en: str
    trips: tuple[TripDetail, ...]  # each trip's ``items`` are the itinerary entries to export
    events: tuple[EventDetail, ...]  # each event's ``sessions`` are the agenda entries to export
    visits: tuple[HqVisitRow, ...] = ()  # HQ visits of 百队千企 (a team's, a person's teams')

    @property
    def entry_count(self) -> int:
        return (len(self.trips) + sum(len(t.items) for t in self.trips)
                + len(self.events) + sum(len(e.sessions) for e in self.events)
                + len(self.visits))

    def name(self, lang: Lang = Lang.ZH) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name_zh


def collect(session: Session, scope: ExportScope) -> CalendarData:
    """The calendar data of ``scope``. Unknown codes, people, regions or statuses raise."""
    statuses = _statuses(scope.statuses)
    region_id = queries.find_region(session, scope.region).id if scope.region else None
    _check_exists(session, scope)
    trip_ids = _trip_ids(session, scope, region_id, statuses)
    event_ids = _event_ids(session, scope, region_id, statuses)
    trips = queries.trip_calendar_details(session, trip_ids)  # columns, no ORM objects
    events = queries.event_calendar_details(session, event_ids)  # columns, no ORM objects
    name_zh, name_en = _name(session, scope)
    return CalendarData(
        name_zh=name_zh,
        name_en=name_en,
        trips=tuple(replace(t, items=tuple(i for i in t.items if _keep_item(i, scope)))
                    for t in trips),
        events=tuple(replace(e, sessions=tuple(s for s in e.sessions if _keep_session(s, e, scope)))
                     for e in events if _overlaps(e.local_start.date(), e.local_end.date(), scope)),
        visits=_visits(session, scope),
    )


def _visits(session: Session, scope: ExportScope) -> tuple[HqVisitRow, ...]:
    """The planned and done visits of the scope's team, or of the person's teams."""
    team_ids: set[int] = set()
    if scope.team_id is not None:
        team_ids.add(scope.team_id)
    if scope.person_id is not None:
        members = tables.team_members.c
        team_ids |= set(session.scalars(select(TEAM.id).where(or_(
            TEAM.leader_id == scope.person_id,
            exists().where(members.team_id == TEAM.id,
                           members.person_id == scope.person_id)))))
    if not team_ids:
        return ()
    return tuple(v for v in list_visits(session, statuses=(VisitStatus.PLANNED,
                                                             VisitStatus.DONE))
                 if v.team_id in team_ids and _overlaps(v.visited_on, v.visited_on, scope)
                 and (scope.unit_id is None or (v.unit is not None and v.unit.id == scope.unit_id))
                 and (scope.industry_id is None
                      or (v.industry is not None and v.industry.id == scope.industry_id)))


def _statuses(values: tuple[str, ...]) -> list[str]:
    known = {s.value for s in TripStatus}
    for value in values:
        if value not in known:
            raise ValidationError(
                "statuses", f"未知状态“{value}”（可选：{'、'.join(sorted(known))}）",
                f"Unknown status '{value}' (known: {', '.join(sorted(known))})",
            )
    return list(values)


def _check_exists(session: Session, scope: ExportScope) -> None:
    for code in scope.trip_codes:
        queries.trip_ref(session, code)
    for code in scope.event_codes:
        queries.event_ref(session, code)
    if scope.person_id is not None:
        queries.get_person(session, scope.person_id)
    if scope.industry_id is not None and not _exists(session, tables.industries,
                                                     scope.industry_id):
        raise NotFoundError(f"找不到产业 {scope.industry_id}", f"No industry {scope.industry_id}")
    if scope.unit_id is not None and not _exists(session, tables.units, scope.unit_id):
        raise NotFoundError(f"找不到责任单位 {scope.unit_id}", f"No unit {scope.unit_id}")


def _exists(session: Session, table: Table, ident: int) -> bool:
    return session.scalar(select(table.c.id).where(table.c.id == ident)) is not None


def _upper(codes: tuple[str, ...]) -> list[str]:
    return [c.strip().upper() for c in codes]


def _trip_ids(session: Session, scope: ExportScope, region_id: int | None,
              statuses: list[str]) -> list[int]:
    stmt = select(TRIP.id)
    if not scope.selects_everything:
        chosen: list[ColumnElement[bool]] = [false()]
        if scope.trip_codes:
            chosen.append(func.upper(TRIP.code).in_(_upper(scope.trip_codes)))
        if scope.person_id is not None:
            pid = scope.person_id
            member = tables.trip_members.c
            chosen.append(TRIP.leader_id == pid)
            chosen.append(exists().where(member.trip_id == TRIP.id, member.person_id == pid))
        stmt = stmt.where(or_(*chosen))
    if region_id is not None:
        stmt = stmt.where(TRIP.region_id == region_id)
    if scope.industry_id is not None:
        industry = tables.trip_industries.c
        stmt = stmt.where(exists().where(industry.trip_id == TRIP.id,
                                         industry.industry_id == scope.industry_id))
    if scope.unit_id is not None:
        stmt = stmt.where(TRIP.host_unit_id == scope.unit_id)
    if statuses:
        stmt = stmt.where(TRIP.status.in_(statuses))
    if scope.start is not None:
        stmt = stmt.where(TRIP.end_date >= scope.start)
    if scope.end is not None:
        stmt = stmt.where(TRIP.start_date <= scope.end)
    return list(session.scalars(stmt))


def _event_ids(session: Session, scope: ExportScope, region_id: int | None,
               statuses: list[str]) -> list[int]:
    stmt = select(EVENT.id)
    if not scope.selects_everything:
        chosen: list[ColumnElement[bool]] = [false()]
        if scope.event_codes:
            chosen.append(func.upper(EVENT.code).in_(_upper(scope.event_codes)))
        if scope.person_id is not None:
            pid = scope.person_id
            speaker = tables.session_speakers.c
            chosen.append(EVENT.lead_person_id == pid)
            chosen.append(exists().where(
                AGENDA.event_id == EVENT.id,
                exists().where(speaker.session_id == AGENDA.id, speaker.person_id == pid)))
        stmt = stmt.where(or_(*chosen))
    if region_id is not None:
        stmt = stmt.where(exists().where(CITY.id == EVENT.city_id, CITY.region_id == region_id))
    if scope.industry_id is not None:
        industry = tables.event_industries.c
        stmt = stmt.where(exists().where(industry.event_id == EVENT.id,
                                         industry.industry_id == scope.industry_id))
    if scope.unit_id is not None:
        stmt = stmt.where(EVENT.host_unit_id == scope.unit_id)
    if statuses:
        stmt = stmt.where(EVENT.status.in_(statuses))
    # the dates are local to each event's zone, the columns in UTC: a day's margin either side
    # (no zone is more than 14 hours off UTC), the exact overlap is checked on the rows
    if scope.start is not None:
        stmt = stmt.where(EVENT.ends_at >= datetime.combine(
            scope.start - timedelta(days=1), time(), UTC))
    if scope.end is not None:
        stmt = stmt.where(EVENT.starts_at < datetime.combine(
            scope.end + timedelta(days=2), time(), UTC))
    return list(session.scalars(stmt))


def _overlaps(first: date, last: date, scope: ExportScope) -> bool:
    return ((scope.start is None or last >= scope.start)
            and (scope.end is None or first <= scope.end))


def _keep_item(item: ItemRow, scope: ExportScope) -> bool:
    chosen_whole = scope.all_ or item.trip_code.upper() in _upper(scope.trip_codes)
    if (scope.person_id is not None and not chosen_whole
            and all(p.id != scope.person_id for p in item.attendees)):
        return False
    return _overlaps(item.local_start.date(), item.local_end.date(), scope)


def _keep_session(s: SessionRow, event: EventDetail, scope: ExportScope) -> bool:
    chosen_whole = scope.all_ or event.code.upper() in _upper(scope.event_codes)
    if (scope.person_id is not None and not chosen_whole
            and all(p.id != scope.person_id for p in s.speakers)):
        return False
    tz = event.local_start.tzinfo
    return _overlaps(s.starts_at.astimezone(tz).date(), s.ends_at.astimezone(tz).date(), scope)


def _name(session: Session, scope: ExportScope) -> tuple[str, str]:
    """The calendar's name (X-WR-CALNAME): what it shows, in Chinese and English."""
    parts_zh: list[str] = []
    parts_en: list[str] = []
    if scope.person_id is not None:
        person = queries.get_person(session, scope.person_id)
        parts_zh.append(f"{person.name_zh}的日程")
        parts_en.append(f"Schedule of {person.name_en or person.name_zh}")
    if scope.team_id is not None:
        team = get_team(session, scope.team_id)
        parts_zh.append(f"{team.name}总部拜访")
        parts_en.append(f"HQ visits of {team.label(Lang.EN)}")
    for code in scope.trip_codes:
        trip = queries.trip_ref(session, code)
        parts_zh.append(f"{trip.code} {trip.name_zh}")
        parts_en.append(f"{trip.code} {trip.name_en or trip.name_zh}")
    for code in scope.event_codes:
        event = queries.event_ref(session, code)
        parts_zh.append(f"{event.code} {event.name_zh}")
        parts_en.append(f"{event.code} {event.name_en or event.name_zh}")
    if scope.selects_everything:
        campaign = queries.newest_campaign_name(session)
        parts_zh.append(campaign[0] if campaign else "招商活动日程")
        parts_en.append(campaign[1] or campaign[0] if campaign
                        else "Investment promotion calendar")
    if scope.region:
        region = queries.find_region(session, scope.region)
        parts_zh.append(region.name_zh)
        parts_en.append(region.name_en or region.name_zh)
    return " · ".join(parts_zh), " · ".join(parts_en)

