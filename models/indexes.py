"""Indexes for the queries that ten years of history make slow: date ranges and filters.

Each index serves a query of the views, the checks or the exports (checked with ``EXPLAIN`` on
SQLite and PostgreSQL in ``tests/models/test_speed_indexes.py``); migration 0010 creates them
in a database that already exists.

- events overlapping a range (``ends_at >= … AND starts_at < …``: the checks, the dashboard,
  the export of a year; trips have an index on each of their dates already);
- a trip's itinerary and an event's agenda in time order (editors, briefs, exports);
- projects of a campaign by stage (the dashboard's pipeline, the leaderboard).
"""

from sqlalchemy import Index

from models.events import AgendaSession, ThemedEvent
from models.leads import Lead
from models.trips import ItineraryItem

SPEED_INDEXES = (
    Index("ix_themed_events_ends_starts", ThemedEvent.ends_at, ThemedEvent.starts_at),
    Index("ix_itinerary_items_trip_starts", ItineraryItem.trip_id, ItineraryItem.starts_at),
    Index("ix_agenda_sessions_event_starts", AgendaSession.event_id, AgendaSession.starts_at),
    Index("ix_leads_campaign_stage", Lead.campaign_id, Lead.stage),
)
