"""drop the two one-column indexes that the pairs of migrations 0019 and 0020 begin with

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03 18:50:00

Indexes only (no data changes). ``ix_trips_end_date`` is the first column of
``ix_trips_ends_starts`` (0019), and ``ix_itinerary_items_trip_id`` the first column of
``ix_itinerary_items_trip_starts`` (0010) and of ``ix_itinerary_items_trip_kind`` (0020): every
query that could use one of them uses the pair as well (``EXPLAIN`` in
``tests/models/test_speed_indexes.py``), and each was one more index to write on every saved
trip or itinerary entry, and one more to build in an import. Downgrading creates them again.
"""

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_trips_end_date", table_name="trips")
    op.drop_index("ix_itinerary_items_trip_id", table_name="itinerary_items")


def downgrade() -> None:
    op.create_index("ix_itinerary_items_trip_id", "itinerary_items", ["trip_id"])
    op.create_index("ix_trips_end_date", "trips", ["end_date"])
