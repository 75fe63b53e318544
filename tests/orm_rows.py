"""The rows the ORM row builders (``models.row_builders``) give of the mapped records: what the
column readers (``models.trip_columns``, ``models.event_columns``) are checked against. The
records are loaded as a user's edit loads them and their relations lazily: slow, and plain."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.campaign import City
from models.events import ThemedEvent
from models.row_builders import event_detail_row, event_row, trip_detail_row, trip_row
from models.rows import EventDetail, EventRow, TripDetail, TripRow
from models.trips import Trip


def _trips(session: Session, ids: Sequence[int] | None) -> list[Trip]:
    stmt = select(Trip).order_by(Trip.start_date, Trip.code)
    if ids is not None:
        stmt = stmt.where(Trip.id.in_(list(ids)))
    return list(session.scalars(stmt))


def _events(session: Session, ids: Sequence[int] | None, region_id: int | None = None
            ) -> list[ThemedEvent]:
    stmt = select(ThemedEvent).order_by(ThemedEvent.starts_at, ThemedEvent.code)
    if ids is not None:
        stmt = stmt.where(ThemedEvent.id.in_(list(ids)))
    if region_id is not None:
        stmt = stmt.join(ThemedEvent.city).where(City.region_id == region_id)
    return list(session.scalars(stmt))


def orm_trip_rows(session: Session, ids: Sequence[int] | None = None) -> list[TripRow]:
    return [trip_row(t) for t in _trips(session, ids)]


def orm_trip_details(session: Session, ids: Sequence[int] | None = None, *,
                     contacts: bool = True) -> list[TripDetail]:
    return [trip_detail_row(t, contacts=contacts) for t in _trips(session, ids)]


def orm_event_rows(session: Session, ids: Sequence[int] | None = None,
                   region_id: int | None = None) -> list[EventRow]:
    return [event_row(e) for e in _events(session, ids, region_id)]


def orm_event_details(session: Session, ids: Sequence[int] | None = None, *,
                      contacts: bool = True) -> list[EventDetail]:
    return [event_detail_row(e, contacts=contacts) for e in _events(session, ids)]
