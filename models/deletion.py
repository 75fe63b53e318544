"""What goes with a trip or an event when it is deleted: the counts the confirmation names.

Plain Python over one session, shared by the window's question and anything else that deletes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from models.enums import EventStatus, TripStatus
from models.events import AgendaSession, Invitation, ThemedEvent
from models.leads import Lead
from models.queries import get_event, get_trip
from models.trips import ItineraryItem, Trip, TripMember, trip_targets


@dataclass(frozen=True)
class TripDeletion:
    """A trip and what is deleted with it (items, delegation, targets), and the projects
    that keep existing but lose it as their source."""

    code: str
    title_zh: str
    title_en: str
    status: TripStatus
    items: int
    delegates: int
    targets: int
    projects: int


@dataclass(frozen=True)
class EventDeletion:
    """An event and what is deleted with it (agenda, invitations), and the projects that
    lose it as their source."""

    code: str
    title_zh: str
    title_en: str
    status: EventStatus
    sessions: int
    invitations: int
    projects: int


def _count(session: Session, stmt: Select[int]) -> int:
    return int(session.scalar(stmt) or 0)


def trip_deletion(session: Session, code_or_id: str | int) -> TripDeletion:
    trip: Trip = get_trip(session, code_or_id)
    return TripDeletion(
        trip.code, trip.title_zh, trip.title_en, trip.status,
        items=_count(session, select(func.count()).select_from(ItineraryItem)
                     .where(ItineraryItem.trip_id == trip.id)),
        delegates=_count(session, select(func.count()).select_from(TripMember)
                         .where(TripMember.trip_id == trip.id)),
        targets=_count(session, select(func.count()).select_from(trip_targets)
                       .where(trip_targets.c.trip_id == trip.id)),
        projects=_count(session, select(func.count()).select_from(Lead)
                        .where(Lead.source_trip_id == trip.id)),
    )


def event_deletion(session: Session, code_or_id: str | int) -> EventDeletion:
    event: ThemedEvent = get_event(session, code_or_id)
    return EventDeletion(
        event.code, event.title_zh, event.title_en, event.status,
        sessions=_count(session, select(func.count()).select_from(AgendaSession)
                        .where(AgendaSession.event_id == event.id)),
        invitations=_count(session, select(func.count()).select_from(Invitation)
                           .where(Invitation.event_id == event.id)),
        projects=_count(session, select(func.count()).select_from(Lead)
                        .where(Lead.source_event_id == event.id)),
    )
