"""Which trips and events a run of the checks reads: the wanted ones and those overlapping them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.checks.plan import PlanEvent, PlanTrip, read_plan
from models.events import ThemedEvent
from models.timeutil import BEIJING_TZ, zone_info
from models.trips import Trip


@dataclass(frozen=True)
class Loaded:
    trips: Sequence[PlanTrip]
    events: Sequence[PlanEvent]


def trip_span(trip: PlanTrip) -> tuple[datetime, datetime]:
    """The instants a trip covers: its first day to the end of its last, in its cities' zones.

    A trip's dates are local dates; with cities in several zones, the span runs from the
    earliest local midnight of the first day to the latest local midnight after the last.
    """
    zones = {c.timezone for c in trip.cities} or {BEIJING_TZ}
    starts, ends = [], []
    for name in sorted(zones):
        zone = zone_info(name)
        starts.append(datetime.combine(trip.start_date, time.min, zone).astimezone(UTC))
        ends.append(
            datetime.combine(trip.end_date + timedelta(days=1), time.min, zone).astimezone(UTC)
        )
    return min(starts), max(ends)


def window(
    session: Session, trip_codes: set[str] | None, event_codes: set[str] | None
) -> tuple[date, date] | None:
    """The days (with a day's margin for time zones) spanned by the wanted records."""
    if trip_codes is None and event_codes is None:
        return None
    days: list[date] = []
    if trip_codes:
        for start, end in session.execute(
            select(Trip.start_date, Trip.end_date).where(Trip.code.in_(trip_codes))
        ):
            days += [start, end]
    if event_codes:
        for start_at, end_at in session.execute(
            select(ThemedEvent.starts_at, ThemedEvent.ends_at)
            .where(ThemedEvent.code.in_(event_codes))
        ):
            days += [start_at.date(), end_at.date()]
    if not days:
        return date.max - timedelta(days=2), date.min + timedelta(days=2)  # matches nothing
    return min(days) - timedelta(days=1), max(days) + timedelta(days=1)


def load(session: Session, since: date | None, last: date | None, margin_days: int = 1) -> Loaded:
    """Trips and events (not cancelled) that touch the days ``since`` .. ``last`` (either open),
    as plain rows (:mod:`models.checks.plan`)."""
    early = since - timedelta(days=margin_days) if since is not None else None
    late = last + timedelta(days=margin_days) if last is not None else None
    event_early = since - timedelta(days=max(margin_days, 1)) if since is not None else None
    event_late = last + timedelta(days=max(margin_days, 1)) if last is not None else None
    trips, events = read_plan(
        session, early, late,
        datetime.combine(event_early, time.min, UTC) if event_early is not None else None,
        datetime.combine(event_late, time.max, UTC) if event_late is not None else None)
    return Loaded(trips, events)
