"""Scheduling sense: the checks of a plan, one module per family, each finding a frozen
:class:`Conflict` with its kind, severity, a plain explanation in Chinese and English and the
records it concerns.

- ``holidays``: public holidays at destinations and in China, 调休, blackout dates;
- ``local_hours``: business hours and weekends of the place;
- ``travel``: items outside the trip, transfer times, late arrivals, city changes, nights;
- ``people``: double bookings (with travel time), venues, leaders away, trips a month;
- ``targets``: the plan against the campaign's targets.

``run_checks`` runs them over the whole campaign or a scope and marks the acknowledged ones.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.checks import holidays, local_hours, people, targets, travel
from models.checks.acks import acknowledge, apply_acks, unacknowledge
from models.checks.finding import Acknowledgement, Concern, Conflict
from models.checks.scope import Loaded, load, window
from models.checks.settings import CheckSettings, load_settings
from models.enums import Severity
from models.errors import NotFoundError
from models.events import ThemedEvent
from models.timeutil import BEIJING
from models.trips import Trip

__all__ = [
    "Acknowledgement", "CheckSettings", "Concern", "Conflict", "acknowledge", "checks_plan",
    "find_finding", "run_checks", "unacknowledge",
]

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def checks_plan(
    session: Session, trip_codes: Collection[str] | None = None,
    event_codes: Collection[str] | None = None, since: date | None = None,
    until: date | None = None, span: tuple[date, date] | None = None,
) -> tuple[Loaded, tuple[date, date] | None]:
    """What :func:`run_checks` reads for these records or days, and the days (with a day's
    margin) the wanted records span (``None`` for no codes); ``span``: those days when the
    caller read them with the codes (:func:`models.checks.scope.days_window`), not read
    again."""
    if span is None:
        span = window(session, {*trip_codes} if trip_codes is not None else None,
                      {*event_codes} if event_codes is not None else None)
    first, last = since, until
    if span is not None:
        first = max(first, span[0]) if first else span[0]
        last = min(last, span[1]) if last else span[1]
    # per-month limits read whole months; travel between places reads a day on either side
    return load(session, _month_start(first) if first else None,
                _month_end(last) if last else None), span


def run_checks(
    session: Session, *, trip_codes: Collection[str] | None = None,
    event_codes: Collection[str] | None = None, since: date | None = None,
    until: date | None = None, settings: CheckSettings | None = None,
    loaded: Loaded | None = None,
) -> list[Conflict]:
    """Every finding of the campaign, or those of the given trips and events, or of the
    trips and events between two days (Beijing dates); errors first, acknowledged marked.

    ``loaded``: what :func:`checks_plan` read for the same arguments, not read again."""
    settings = settings or load_settings(session)
    codes = ({*trip_codes} if trip_codes is not None else None,
             {*event_codes} if event_codes is not None else None)
    scoped = codes != (None, None)
    if loaded is None:
        loaded, _span = checks_plan(session, trip_codes, event_codes, since, until)
    trips, events = loaded.trips, loaded.events
    found: list[Conflict] = []
    found += travel.items_outside(trips)
    found += travel.legs(trips, settings)
    found += holidays.holidays_on_trips(trips)
    found += holidays.holidays_on_events(events)
    found += holidays.blackouts(trips, events, settings)
    found += local_hours.outside_hours(trips, events, settings)
    found += people.people_double_booked(trips, events, settings)
    found += people.venues_double_booked(events)
    found += people.leaders_away(trips, events)
    found += people.trips_per_month(trips, settings)
    if not scoped:
        years = None
        if since is not None or until is not None:
            years = list(range((since or until or date.today()).year,
                               (until or since or date.today()).year + 1))
        found += targets.targets(session, years)

    wanted: set[str] | None = None
    if scoped:
        wanted = (codes[0] or set()) | (codes[1] or set())
    elif since is not None or until is not None:
        wanted = _codes_between(session, since, until)
        wanted |= {str(y) for y in range((since or until or date.today()).year,
                                         (until or since or date.today()).year + 1)}
    if wanted is not None:
        found = [c for c in found if wanted.intersection(c.codes)]
    unique = list({c.id: c for c in found}.values())
    unique.sort(key=lambda c: (_ORDER[c.severity], c.codes, c.kind.value, c.message_zh))
    return apply_acks(session, unique)


def _codes_between(session: Session, since: date | None, until: date | None) -> set[str]:
    trips = select(Trip.code)
    events = select(ThemedEvent.code)
    if since is not None:
        trips = trips.where(Trip.end_date >= since)
        events = events.where(ThemedEvent.ends_at >= datetime.combine(
            since, time.min, BEIJING).astimezone(UTC))
    if until is not None:
        trips = trips.where(Trip.start_date <= until)
        events = events.where(ThemedEvent.starts_at < datetime.combine(
            until + timedelta(days=1), time.min, BEIJING).astimezone(UTC))
    return set(session.scalars(trips)) | set(session.scalars(events))


def find_finding(session: Session, finding_id: str) -> Conflict:
    """The current finding with this id (as ``check`` lists it)."""
    for finding in run_checks(session):
        if finding.id == finding_id.strip().lower():
            return finding
    raise NotFoundError(f"没有编号为 {finding_id} 的检查结果（请先运行 check 查看编号）",
                        f"No finding {finding_id} (run check to see the ids)")
