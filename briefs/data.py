"""What a brief prints, collected from the database in a few bulk queries, as frozen data.

``collect_*`` run inside the caller's session and return plain values only; the renderers never
touch the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from models import queries, tables
from models.checks import run_checks
from models.conflicts import Conflict, find_conflicts
from models.enums import EventStatus, TripStatus, UnitKind, VisitStatus
from models.errors import ValidationError
from models.language import Lang
from models.list_columns import lead_rows, organisation_rows
from models.progress import LeaderboardRow, Measure, Progress, campaign_progress, leaderboards
from models.rows import (
    CampaignRow,
    EventDetail,
    EventRow,
    LeadRow,
    OrganisationRow,
    Ref,
    TripDetail,
    TripRow,
    pick,
)
from models.tables import EVENT, INVITATION, ITEM, LEAD, TEAM, TRIP, UNIT, VISIT
from models.timeutil import local_date

HISTORY_SHOWN = 12  # earlier contacts printed per organisation (the latest ones)


@dataclass(frozen=True)
class ContactRecord:
    """One earlier contact with an organisation: a visit, an HQ visit or an event invitation."""

    on: date
    kind_zh: str
    kind_en: str
    code: str  # trip or event code, "" for an HQ visit outside a trip
    what_zh: str
    what_en: str
    result_zh: str  # outcome, notes or RSVP
    result_en: str

    def kind(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.kind_zh, self.kind_en, lang)

    def what(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.what_zh, self.what_en, lang)

    def result(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.result_zh, self.result_en, lang)


@dataclass(frozen=True)
class OrganisationProfile:
    organisation: OrganisationRow
    history: tuple[ContactRecord, ...]  # the latest earlier contacts, oldest first
    history_total: int  # how many earlier contacts there are in all
    leads: tuple[LeadRow, ...]


@dataclass(frozen=True)
class CityPitch:
    """The campaign the city is running: its targets, progress and key industries."""

    campaign: CampaignRow
    measures: tuple[Measure, ...]
    industries: tuple[Ref, ...]


@dataclass(frozen=True)
class TripBrief:
    trip: TripDetail
    pitch: CityPitch
    organisations: tuple[OrganisationProfile, ...]  # targets and every organisation visited
    conflicts: tuple[Conflict, ...]


@dataclass(frozen=True)
class EventBrief:
    event: EventDetail
    pitch: CityPitch
    organisations: tuple[OrganisationProfile, ...]  # invited organisations
    conflicts: tuple[Conflict, ...]


@dataclass(frozen=True)
class MonthBoard:
    month: int
    rows: tuple[LeaderboardRow, ...]  # units with results this month, best first


@dataclass(frozen=True)
class Totals:
    """The campaign's own totals, that every breakdown of the report reconciles with."""

    trips: int  # not cancelled
    events: int  # not cancelled
    leads: int  # every lead of the campaign
    signed_cny: int  # signed and later stages


@dataclass(frozen=True)
class CampaignReport:
    progress: Progress
    totals: Totals
    year_board: tuple[LeaderboardRow, ...]  # every unit, ranked on the whole year
    months: tuple[MonthBoard, ...]  # January to December
    trips: tuple[TripRow, ...]
    events: tuple[EventRow, ...]
    flagship_leads: tuple[LeadRow, ...]  # leads at or above the flagship threshold
    conflicts: tuple[Conflict, ...]


def collect_trip(session: Session, code: str) -> TripBrief:
    """Everything the delegation brief of trip ``code`` prints."""
    trip = queries.trip_detail(session, code)
    pitch = _pitch(session, trip.campaign_year)
    orgs = {o.id: o for o in trip.targets}
    visited = [i.organisation.id for i in trip.items
               if i.organisation is not None and i.organisation.id not in orgs]
    if visited:  # the organisations the items visit, after the targets, in the items' order
        found = {o.id: o for o in organisation_rows(
            session, [tables.organisations.c.id.in_(sorted(set(visited)))])}
        for ident in visited:
            orgs.setdefault(ident, found[ident])
    profiles = _profiles(session, list(orgs.values()), before=trip.start_date,
                         threshold=pitch.campaign.flagship_threshold_cny, skip_trip=trip.id)
    conflicts = [c for c in run_checks(session, trip_codes={trip.code}) if c.is_open]
    return TripBrief(trip, pitch, profiles, tuple(conflicts))


def collect_event(session: Session, code: str) -> EventBrief:
    """Everything the run-of-show of themed event ``code`` prints."""
    event = queries.event_detail(session, code)
    pitch = _pitch(session, event.campaign_year)
    profiles = _profiles(session, [i.organisation for i in event.invitations],
                         before=event.local_start.date(),
                         threshold=pitch.campaign.flagship_threshold_cny, skip_event=event.id)
    conflicts = [c for c in run_checks(session, event_codes={event.code}) if c.is_open]
    return EventBrief(event, pitch, profiles, tuple(conflicts))


def collect_campaign(session: Session, year: int | None = None) -> CampaignReport:
    """The progress report of the campaign of ``year`` (the newest when None)."""
    progress = campaign_progress(session, year)
    campaign = progress.campaign
    y = campaign.year
    year_board, boards = leaderboards(session, y)
    months = tuple(
        MonthBoard(m, tuple(r for r in boards[m]
                            if r.signed_leads or r.hq_visits or r.unconfirmed_leads
                            or r.unconfirmed_visits))
        for m in range(1, 13)
    )
    trips = [t for t in queries.list_trips(session, start=date(y, 1, 1), end=date(y, 12, 31))
             if t.campaign_year == y]
    events = [e for e in queries.list_events(session) if e.campaign_year == y]
    threshold = campaign.flagship_threshold_cny
    flagship = sorted(_lead_rows(session, threshold, LEAD.campaign_id == campaign.id,
                                 LEAD.amount_cny >= threshold),
                      key=lambda lead: (-lead.amount_cny, lead.code)) if threshold > 0 else []
    conflicts = find_conflicts(session, trip_codes={t.code for t in trips},
                               event_codes={e.code for e in events})
    measures = {m.key: m for m in progress.measures}
    totals = Totals(
        trips=measures["trips"].planned, events=measures["events"].planned,
        leads=session.scalar(select(func.count()).select_from(tables.leads)
                             .where(LEAD.campaign_id == campaign.id)) or 0,
        signed_cny=measures["investment_cny"].done,
    )
    return CampaignReport(progress, totals, tuple(year_board), months, tuple(trips),
                          tuple(events),
                          tuple(flagship), tuple(conflicts))


def _lead_rows(session: Session, threshold: int, *criteria: ColumnElement[bool]
               ) -> list[LeadRow]:
    """The projects for which every one of ``criteria`` holds, by code, flagged against the
    brief's campaign's ``threshold`` (``lead_rows`` flags them against the newest campaign's)."""
    return [r if r.is_flagship == (flagship := threshold > 0 and r.amount_cny >= threshold)
            else replace(r, is_flagship=flagship) for r in lead_rows(session, criteria)]


def _pitch(session: Session, year: int) -> CityPitch:
    progress = campaign_progress(session, year, breakdowns=False)  # the pitch shows neither
    return CityPitch(progress.campaign, progress.measures, tuple(queries.industries(session)))


def _profiles(
    session: Session,
    orgs: list[OrganisationRow],
    *,
    before: date,
    threshold: int,
    skip_trip: int | None = None,
    skip_event: int | None = None,
) -> tuple[OrganisationProfile, ...]:
    """Profiles of ``orgs`` (in that order): contacts before ``before``, and all their leads."""
    if not orgs:
        return ()
    org_ids = [o.id for o in orgs]
    history: dict[int, list[ContactRecord]] = defaultdict(list)
    for org_id, record in _earlier_contacts(session, org_ids, before, skip_trip, skip_event):
        history[org_id].append(record)
    leads: dict[int, list[LeadRow]] = defaultdict(list)
    for lead in _lead_rows(session, threshold, LEAD.organisation_id.in_(org_ids)):
        leads[lead.organisation.id].append(lead)
    profiles = []
    for o in orgs:
        records = sorted(history[o.id], key=lambda r: (r.on, r.code, r.what_zh))
        profiles.append(OrganisationProfile(o, tuple(records[-HISTORY_SHOWN:]), len(records),
                                            tuple(leads[o.id])))
    return tuple(profiles)


def _earlier_contacts(
    session: Session,
    org_ids: list[int],
    before: date,
    skip_trip: int | None,
    skip_event: int | None,
) -> Iterable[tuple[int, ContactRecord]]:
    items = session.execute(
        select(ITEM.organisation_id, ITEM.trip_id, ITEM.starts_at, ITEM.timezone, ITEM.kind,
               ITEM.title_zh, ITEM.title_en, ITEM.outcome, TRIP.code)
        .join(tables.trips, ITEM.trip_id == TRIP.id)
        .where(ITEM.organisation_id.in_(org_ids), TRIP.status != TripStatus.CANCELLED)
        .order_by(ITEM.id)
    ).all()
    for org_id, trip_id, starts_at, zone, kind, title_zh, title_en, outcome, code in items:
        day = local_date(starts_at, zone)
        if trip_id == skip_trip or day >= before or org_id is None:
            continue
        yield org_id, ContactRecord(day, kind.zh, kind.en, code, title_zh, title_en, outcome,
                                    outcome)
    visits = session.execute(
        select(VISIT.organisation_id, VISIT.visited_on, VISIT.notes, UNIT.name_zh, UNIT.name_en,
               TEAM.name, TEAM.name_en)
        .outerjoin(tables.units, UNIT.id == VISIT.unit_id)
        .outerjoin(tables.teams, TEAM.id == VISIT.team_id)
        .where(VISIT.organisation_id.in_(org_ids), VISIT.visited_on < before,
               VISIT.status == VisitStatus.DONE)
        .order_by(VISIT.id)
    ).all()
    for org_id, visited_on, notes, unit_zh, unit_en, team_zh, team_en in visits:
        team_name = team_zh or ""  # "" for a visit without a team (HqVisit.team_name)
        yield org_id, ContactRecord(
            visited_on, "总部拜访", "HQ visit", "",
            " ".join(x for x in (unit_zh or "", team_name) if x),
            " ".join(x for x in (pick(unit_zh, unit_en, Lang.EN) if unit_zh is not None else "",
                                 pick(team_name, team_en or "", Lang.EN)) if x),
            notes, notes,
        )
    invitations = session.execute(
        select(INVITATION.organisation_id, INVITATION.notes, INVITATION.rsvp, EVENT.id,
               EVENT.starts_at, EVENT.timezone, EVENT.code, EVENT.title_zh, EVENT.title_en)
        .join(tables.themed_events, INVITATION.event_id == EVENT.id)
        .where(INVITATION.organisation_id.in_(org_ids), EVENT.status != EventStatus.CANCELLED)
        .order_by(INVITATION.event_id, INVITATION.organisation_id)
    ).all()
    for (org_id, invitation_notes, rsvp, event_id, starts_at, zone, code, title_zh,
         title_en) in invitations:
        day = local_date(starts_at, zone)
        if event_id == skip_event or day >= before:
            continue
        notes = f"；{invitation_notes}" if invitation_notes else ""
        notes_en = f"; {invitation_notes}" if invitation_notes else ""
        yield org_id, ContactRecord(
            day, "受邀活动", "Event invitation", code, title_zh, title_en,
            rsvp.zh + notes, rsvp.en + notes_en,
        )


@dataclass(frozen=True)
class BoardRow:
    """One unit on the monthly leaderboard: the month's results and the year to date."""

    rank: int
    unit: Ref
    kind: UnitKind
    signed_leads: int
    signed_cny: int
    hq_visits: int
    funds_in_cny: int
    trips_hosted: int  # promotion trips of the month the unit is responsible for
    events_hosted: int  # themed events of the month it hosts
    year_signed_cny: int  # January to the end of the month
    year_rank: int
    # signed or done this month, awaiting a planner's confirmation: not ranked
    unconfirmed_leads: int = 0
    unconfirmed_cny: int = 0
    unconfirmed_visits: int = 0


@dataclass(frozen=True)
class MonthlyLeaderboard:
    """英雄榜: the units ranked on one month, as the bureau publishes it."""

    campaign: CampaignRow
    year: int
    month: int
    rows: tuple[BoardRow, ...]  # every unit, best first

    @property
    def scoring(self) -> tuple[BoardRow, ...]:
        """The units with any result this month."""
        return tuple(r for r in self.rows if r.signed_leads or r.hq_visits or r.trips_hosted
                     or r.events_hosted or r.unconfirmed_leads or r.unconfirmed_visits)


def collect_leaderboard(session: Session, year: int, month: int) -> MonthlyLeaderboard:
    """The leaderboard of ``month`` of ``year`` (the campaign of that year must exist)."""
    if not 1 <= month <= 12:
        raise ValidationError("month", f"月份应为 1–12：{month}", f"the month must be 1 to 12: {month}")
    campaign = queries.current_campaign_row(session, year)
    _, boards = leaderboards(session, year)
    board = boards[month]
    to_date: dict[int, list[int]] = defaultdict(lambda: [0])
    for m in range(1, month + 1):
        for r in boards[m]:
            to_date[r.unit.id][0] += r.signed_cny
    ranked = sorted(to_date.items(), key=lambda kv: -kv[1][0])
    year_rank: dict[int, int] = {}
    previous, rank = None, 0
    for position, (unit_id, (amount,)) in enumerate(ranked, start=1):
        if amount != previous:
            rank, previous = position, amount
        year_rank[unit_id] = rank
    first = date(year, month, 1)
    after = date(year + (month == 12), month % 12 + 1, 1)
    trips: dict[int, int] = defaultdict(int)
    for host_id, n in session.execute(
        select(TRIP.host_unit_id, func.count())
        .where(TRIP.campaign_id == campaign.id, TRIP.status != TripStatus.CANCELLED,
               TRIP.start_date >= first, TRIP.start_date < after)
        .group_by(TRIP.host_unit_id)
    ):
        if host_id is not None:
            trips[host_id] += n
    events: dict[int, int] = defaultdict(int)
    for event_host, starts_at, zone in session.execute(
        select(EVENT.host_unit_id, EVENT.starts_at, EVENT.timezone)
        .where(EVENT.campaign_id == campaign.id, EVENT.status != EventStatus.CANCELLED)
    ):
        if event_host is not None and first <= local_date(starts_at, zone) < after:
            events[event_host] += 1
    rows = tuple(
        BoardRow(r.rank, r.unit, UnitKind(r.kind), r.signed_leads, r.signed_cny, r.hq_visits,
                 r.funds_in_cny, trips[r.unit.id], events[r.unit.id],
                 to_date[r.unit.id][0], year_rank.get(r.unit.id, len(board)),
                 r.unconfirmed_leads, r.unconfirmed_cny, r.unconfirmed_visits)
        for r in board
    )
    return MonthlyLeaderboard(campaign, year, month, rows)
