"""Which trips and events a run of the checks reads: the wanted ones and those overlapping them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.checks.plan import PlanEvent, PlanTrip, read_plan
from models.tables import EVENT, TRIP
from models.timeutil import BEIJING_TZ, zone_info


@dataclass(frozen=True)
class Span:
    """The bounds :func:`load` reads between: the trips' days and the events' instants
    (``None``: open on that side)."""
    early: date | None
    late: date | None
    event_early: datetime | None
    event_late: datetime | None

    @classmethod
    def of(cls, since: date | None, last: date | None, margin_days: int = 1) -> Span:
        """The days ``since`` .. ``last`` widened by ``margin_days`` (events by a day at
        least, their instants being UTC)."""
        event_margin = timedelta(days=max(margin_days, 1))
        return cls(
            since - timedelta(days=margin_days) if since is not None else None,
            last + timedelta(days=margin_days) if last is not None else None,
            datetime.combine(since - event_margin, time.min, UTC) if since is not None else None,
            datetime.combine(last + event_margin, time.max, UTC) if last is not None else None)

    def has_trip(self, trip: PlanTrip) -> bool:
        return ((self.early is None or trip.end_date >= self.early)
                and (self.late is None or trip.start_date <= self.late))

    def has_event(self, event: PlanEvent) -> bool:
        return ((self.event_early is None or event.ends_at >= self.event_early)
                and (self.event_late is None or event.starts_at <= self.event_late))


@dataclass(frozen=True)
class Loaded:
    trips: Sequence[PlanTrip]
    events: Sequence[PlanEvent]

    def narrowed(self, since: date | None, last: date | None, margin_days: int = 1) -> Loaded:
        """What :func:`load` would read for these days, taken from what was loaded over wider
        ones (the dashboard's conflicts from its checks' read), in the same order."""
        span = Span.of(since, last, margin_days)
        return Loaded([t for t in self.trips if span.has_trip(t)],
                      [e for e in self.events if span.has_event(e)])


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
            select(TRIP.start_date, TRIP.end_date).where(TRIP.code.in_(trip_codes))
        ):
            days += [start, end]
    if event_codes:
        for start_at, end_at in session.execute(
            select(EVENT.starts_at, EVENT.ends_at).where(EVENT.code.in_(event_codes))
        ):
            days += [start_at.date(), end_at.date()]
    return days_window(days)


def days_window(days: Sequence[date]) -> tuple[date, date]:
    """The days (with a day's margin for time zones) spanned by the wanted records' first and
    last days (an event's as UTC dates), as :func:`window` reads them."""
    if not days:
        return date.max - timedelta(days=2), date.min + timedelta(days=2)  # matches nothing
    return min(days) - timedelta(days=1), max(days) + timedelta(days=1)


def load(session: Session, since: date | None, last: date | None, margin_days: int = 1) -> Loaded:
    """Trips and events (not cancelled) that touch the days ``since`` .. ``last`` (either open),
    as plain rows (:mod:`models.checks.plan`)."""
    span = Span.of(since, last, margin_days)
    trips, events = read_plan(session, span.early, span.late, span.event_early, span.event_late)
    return Loaded(trips, events)
