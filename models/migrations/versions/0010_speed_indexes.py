"""speed indexes: date ranges of events, itineraries and agendas in order, projects by stage

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 08:00:00

Indexes only (no data changes): see ``models/indexes.py`` for the query each one serves. An
existing database gains them in place; downgrading drops them.
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_themed_events_ends_starts", "themed_events", ["ends_at", "starts_at"]),
    ("ix_itinerary_items_trip_starts", "itinerary_items", ["trip_id", "starts_at"]),
    ("ix_agenda_sessions_event_starts", "agenda_sessions", ["event_id", "starts_at"]),
    ("ix_leads_campaign_stage", "leads", ["campaign_id", "stage"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
