"""What the bureau has done with one organisation: trips, events, leads, HQ visits."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from models import queries
from models.enums import RsvpState
from models.events import Invitation, ThemedEvent
from models.row_builders import event_row, trip_row
from models.rows import EventRow, HqVisitRow, LeadRow, TripRow
from models.trips import ItineraryItem, Trip, trip_targets


@dataclass(frozen=True)
class OrganisationHistory:
    """Everything the bureau has done with one organisation, as rows."""

    trips: tuple[TripRow, ...]
    events: tuple[tuple[EventRow, RsvpState, int], ...]  # event, RSVP, guests
    leads: tuple[LeadRow, ...]
    visits: tuple[HqVisitRow, ...]


def organisation_history(session: Session, org_id: int) -> OrganisationHistory:
    """The trips that target or visit the organisation, the events it was invited to (with its
    answer and guests), its leads and its HQ visits."""
    trip_ids = union(
        select(trip_targets.c.trip_id).where(trip_targets.c.organisation_id == org_id),
        select(ItineraryItem.trip_id).where(ItineraryItem.organisation_id == org_id),
    )
    trips = session.scalars(
        select(Trip).where(Trip.id.in_(trip_ids)).options(*queries.loader_options("TRIP_LIST_OPTS"))
        .order_by(Trip.start_date)
    ).unique()
    invited = session.execute(
        select(ThemedEvent, Invitation.rsvp, Invitation.guests)
        .join(Invitation, Invitation.event_id == ThemedEvent.id)
        .where(Invitation.organisation_id == org_id)
        .options(*queries.loader_options("EVENT_LIST_OPTS")).order_by(ThemedEvent.starts_at)
    ).unique()
    return OrganisationHistory(
        trips=tuple(trip_row(t) for t in trips),
        events=tuple((event_row(e), rsvp, guests) for e, rsvp, guests in invited),
        leads=tuple(queries.list_leads(session, organisation_id=org_id)),
        visits=tuple(queries.list_hq_visits(session, organisation_id=org_id)),
    )
