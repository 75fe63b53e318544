"""What a brief prints, collected from the database in a few bulk queries, as frozen data.

``collect_*`` run inside the caller's session and return plain values only; the renderers never
touch the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from models import queries
from models.checks import run_checks
from models.conflicts import Conflict, find_conflicts
from models.enums import EventStatus, TripStatus
from models.events import Invitation, ThemedEvent
from models.language import Lang
from models.leads import HqVisit, Lead
from models.progress import LeaderboardRow, Measure, Progress, campaign_progress, leaderboard
from models.row_builders import lead_row
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
from models.timeutil import local_date
from models.trips import ItineraryItem, Trip

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
class CampaignReport:
    progress: Progress
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
    for item in trip.items:
        if item.organisation is not None and item.organisation.id not in orgs:
            orgs[item.organisation.id] = queries.get_organisation(session, item.organisation.id)
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
    year_board = leaderboard(session, y)
    months = tuple(
        MonthBoard(m, tuple(r for r in leaderboard(session, y, m)
                            if r.signed_leads or r.hq_visits))
        for m in range(1, 13)
    )
    trips = [t for t in queries.list_trips(session, start=date(y, 1, 1), end=date(y, 12, 31))
             if t.campaign_year == y]
    events = [e for e in queries.list_events(session) if e.campaign_year == y]
    threshold = campaign.flagship_threshold_cny
    flagship = session.scalars(
        select(Lead)
        .where(Lead.campaign_id == campaign.id, Lead.amount_cny >= threshold)
        .options(*_LEAD_OPTS)
        .order_by(Lead.amount_cny.desc(), Lead.code)
    ).unique().all() if threshold > 0 else []
    conflicts = find_conflicts(session, trip_codes={t.code for t in trips},
                               event_codes={e.code for e in events})
    return CampaignReport(progress, tuple(year_board), months, tuple(trips), tuple(events),
                          tuple(lead_row(x, threshold) for x in flagship),
                          tuple(conflicts))


_LEAD_OPTS = (
    joinedload(Lead.organisation), joinedload(Lead.industry), joinedload(Lead.unit),
    joinedload(Lead.source_trip), joinedload(Lead.source_event),
)


def _pitch(session: Session, year: int) -> CityPitch:
    progress = campaign_progress(session, year)
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
    for lead in session.scalars(
        select(Lead).where(Lead.organisation_id.in_(org_ids)).options(*_LEAD_OPTS)
        .order_by(Lead.code)
    ).unique():
        leads[lead.organisation_id].append(lead_row(lead, threshold))
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
        select(ItineraryItem, Trip.code)
        .join(Trip, ItineraryItem.trip_id == Trip.id)
        .where(ItineraryItem.organisation_id.in_(org_ids), Trip.status != TripStatus.CANCELLED)
    ).all()
    for item, code in items:
        day = local_date(item.starts_at, item.timezone)
        if item.trip_id == skip_trip or day >= before or item.organisation_id is None:
            continue
        yield item.organisation_id, ContactRecord(
            day, item.kind.zh, item.kind.en, code, item.title_zh, item.title_en, item.outcome,
            item.outcome,
        )
    visits = session.scalars(
        select(HqVisit).where(HqVisit.organisation_id.in_(org_ids), HqVisit.visited_on < before)
        .options(joinedload(HqVisit.unit))
    ).unique()
    for visit in visits:
        unit = visit.unit
        yield visit.organisation_id, ContactRecord(
            visit.visited_on, "总部拜访", "HQ visit", "",
            " ".join(x for x in (unit.name_zh if unit else "", visit.team) if x),
            " ".join(x for x in (pick(unit.name_zh, unit.name_en, Lang.EN) if unit else "",
                                 visit.team) if x),
            visit.notes, visit.notes,
        )
    invitations = session.execute(
        select(Invitation, ThemedEvent)
        .join(ThemedEvent, Invitation.event_id == ThemedEvent.id)
        .where(Invitation.organisation_id.in_(org_ids),
               ThemedEvent.status != EventStatus.CANCELLED)
    ).all()
    for invitation, event in invitations:
        day = local_date(event.starts_at, event.timezone)
        if event.id == skip_event or day >= before:
            continue
        notes = f"；{invitation.notes}" if invitation.notes else ""
        notes_en = f"; {invitation.notes}" if invitation.notes else ""
        yield invitation.organisation_id, ContactRecord(
            day, "受邀活动", "Event invitation", event.code, event.title_zh, event.title_en,
            invitation.rsvp.zh + notes, invitation.rsvp.en + notes_en,
        )
