"""Indexes for the queries that ten years of history make slow: date ranges and filters.

Each index serves a query of the views, the checks or the exports (checked with ``EXPLAIN`` on
SQLite and PostgreSQL in ``tests/models/test_speed_indexes.py``); migration 0010 creates them
in a database that already exists.

- events and trips overlapping a range (``ends_at >= … AND starts_at < …``: the checks, the
  dashboard, the export of a year; trips have an index on their start date as well, which the
  queries ordered by start date use; migration 0019 adds the trips' pair, and 0021 drops the
  end date's own index, which the pair begins with);
- a trip's itinerary and an event's agenda in time order (editors, briefs, exports; with the
  next, it serves a trip's items, so the trip's own index went in migration 0021);
- a campaign's trips' items of one kind (the progress's company visits; migration 0020);
- projects of a campaign by stage (the dashboard's pipeline, the leaderboard);
- projects signed in a month (the leaderboard, a month's progress; migration 0019);
- the history rows not yet in the hash chain, found at once after each save
  (``chain_unhashed``) instead of by reading the whole history in id order: partial, so only
  the few rows waiting for their hash are in it (migration 0017). It is here, not in the
  table's arguments, because naming a PostgreSQL option loads SQLAlchemy's PostgreSQL dialect
  with every driver's module (~25 ms), which a window or a command on SQLite does not need.
"""

from sqlalchemy import Index, text

from models.audit.table import AuditEntry
from models.events import AgendaSession, ThemedEvent
from models.leads import Lead
from models.trips import ItineraryItem, Trip

SPEED_INDEXES = (
    Index("ix_themed_events_ends_starts", ThemedEvent.ends_at, ThemedEvent.starts_at),
    Index("ix_trips_ends_starts", Trip.end_date, Trip.start_date),
    Index("ix_itinerary_items_trip_starts", ItineraryItem.trip_id, ItineraryItem.starts_at),
    Index("ix_itinerary_items_trip_kind", ItineraryItem.trip_id, ItineraryItem.kind),
    Index("ix_agenda_sessions_event_starts", AgendaSession.event_id, AgendaSession.starts_at),
    Index("ix_leads_campaign_stage", Lead.campaign_id, Lead.stage),
    Index("ix_leads_signed_on", Lead.signed_on),
    Index("ix_audit_log_unhashed", AuditEntry.id, sqlite_where=text("row_hash IS NULL"),
          postgresql_where=text("row_hash IS NULL")),
)
