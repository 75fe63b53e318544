"""The conflict finder: the clashes a plan cannot have (a person or a venue booked twice, an
item outside its trip, a leader away while hosting), and the open findings of all the checks
(``models.checks``) between two days."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import tables
from models.checks import checks_plan, run_checks
from models.checks.acks import apply_acks
from models.checks.finding import Concern, Conflict
from models.checks.people import leaders_away, people_double_booked, venues_double_booked
from models.checks.scope import Loaded, days_window, load, window
from models.checks.settings import CheckSettings, load_settings
from models.checks.targets import targets
from models.checks.travel import items_outside
from models.enums import EventStatus, Severity, TripStatus
from models.timeutil import BEIJING_TZ, local_to_utc

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}

__all__ = [
    "Concern", "Conflict", "find_conflicts", "open_checks", "open_conflicts", "open_findings",
]


def find_conflicts(
    session: Session, *, trip_codes: set[str] | None = None, event_codes: set[str] | None = None,
    since: date | None = None, span: tuple[date, date] | None = None,
) -> list[Conflict]:
    """The clashes of the campaign, or only those touching the given trips or events.

    ``since``: only trips and events not over before that day (the open ones), so that ten
    years of history are not read to check the coming weeks. With codes, only the records
    whose dates overlap the wanted ones are read: every rule is about overlapping times.
    The scheduling checks (holidays, hours, travel legs, targets) are :func:`run_checks`.
    ``span``: the days the codes' records span when the caller read them with the codes
    (:func:`models.checks.scope.days_window`), not read again.
    """
    if span is None:
        span = window(session, trip_codes, event_codes)
    since, last = _conflict_days(span, since)
    return _clashes(load(session, since, last, margin_days=0), load_settings(session),
                    trip_codes, event_codes)


def _conflict_days(span: tuple[date, date] | None,
                   since: date | None) -> tuple[date | None, date | None]:
    """The days the clashes of records spanning ``span`` are looked for in, from ``since``."""
    if span is None:
        return since, None
    first, last = span
    return (max(since, first) if since is not None else first), last


def _clashes(loaded: Loaded, settings: CheckSettings, trip_codes: set[str] | None,
             event_codes: set[str] | None) -> list[Conflict]:
    trips, events = loaded.trips, loaded.events
    found: list[Conflict] = []
    found += items_outside(trips)
    found += people_double_booked(trips, events, settings)
    found += venues_double_booked(events)
    found += leaders_away(trips, events)

    if trip_codes is None and event_codes is None:
        return found
    wanted = (trip_codes or set()) | (event_codes or set())
    return [c for c in found if wanted.intersection(c.codes)]


def _open_records(session: Session, start: date,
                  end: date) -> tuple[set[str], set[str], tuple[date, date]]:
    """The codes of the trips and events between two days (Beijing time) neither cancelled nor
    done, and the days they span as :func:`window` gives them, read with the codes (not a
    second time by code for the window)."""
    trip, event = tables.trips.c, tables.themed_events.c
    days: list[date] = []
    trip_codes: set[str] = set()
    for code, first, last in session.execute(
            select(trip.code, trip.start_date, trip.end_date).where(
                trip.end_date >= start, trip.start_date <= end,
                trip.status.notin_([TripStatus.CANCELLED, TripStatus.DONE]))):
        trip_codes.add(code)
        days += [first, last]
    since = local_to_utc(datetime.combine(start, time.min), BEIJING_TZ)
    until = local_to_utc(datetime.combine(end + timedelta(days=1), time.min), BEIJING_TZ)
    event_codes: set[str] = set()
    for code, starts_at, ends_at in session.execute(
            select(event.code, event.starts_at, event.ends_at).where(
                event.ends_at >= since, event.starts_at < until,
                event.status.notin_([EventStatus.CANCELLED, EventStatus.DONE]))):
        event_codes.add(code)
        days += [starts_at.date(), ends_at.date()]
    return trip_codes, event_codes, days_window(days)


def _by_severity(found: list[Conflict]) -> list[Conflict]:
    return sorted(found, key=lambda c: (c.severity is not Severity.ERROR, c.codes, c.message_zh))


def open_conflicts(session: Session, start: date, end: date) -> list[Conflict]:
    """The clashes that still matter between two days (Beijing time): those of the trips and
    events in that window that are neither cancelled nor done, errors first.

    A trip or event still under way on ``start`` counts; what happened before it does not.
    """
    trip_codes, event_codes, days = _open_records(session, start, end)
    if not trip_codes and not event_codes:
        return []
    return _by_severity(find_conflicts(session, trip_codes=trip_codes, event_codes=event_codes,
                                       since=start, span=days))


def _findings(session: Session, start: date, end: date, found: list[Conflict]) -> list[Conflict]:
    """The open ones of ``found`` and of the targets of the years ``start`` .. ``end``,
    errors first, then warnings, then notes."""
    found = found + apply_acks(session, targets(session, list(range(start.year, end.year + 1))))
    return sorted((c for c in found if c.is_open), key=lambda c: _ORDER[c.severity])


def open_findings(session: Session, start: date, end: date) -> list[Conflict]:
    """Every check's findings nobody acknowledged, for the trips and events still to come
    between two days (as :func:`open_conflicts`), errors first, then warnings, then notes."""
    trip_codes, event_codes, days = _open_records(session, start, end)
    found: list[Conflict] = []
    if trip_codes or event_codes:
        loaded, _span = checks_plan(session, trip_codes, event_codes, since=start, span=days)
        found = run_checks(session, trip_codes=trip_codes, event_codes=event_codes, since=start,
                           loaded=loaded)
    return _findings(session, start, end, found)


def open_checks(session: Session, start: date,
                end: date) -> tuple[list[Conflict], list[Conflict]]:
    """:func:`open_conflicts` and :func:`open_findings` of the same days, the plan read once
    (the dashboard shows both): the clashes are looked for in what the checks read."""
    trip_codes, event_codes, days = _open_records(session, start, end)
    if not trip_codes and not event_codes:
        return [], _findings(session, start, end, [])
    settings = load_settings(session)
    loaded, span = checks_plan(session, trip_codes, event_codes, since=start, span=days)
    found = run_checks(session, trip_codes=trip_codes, event_codes=event_codes, since=start,
                       settings=settings, loaded=loaded)
    since, last = _conflict_days(span, start)
    clashes = _clashes(loaded.narrowed(since, last, margin_days=0), settings, trip_codes,
                       event_codes)
    return _by_severity(clashes), _findings(session, start, end, found)
