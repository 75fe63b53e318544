"""the projects signed in a month and the trips of the days ahead found by their indexes

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03 16:20:00

Indexes only (no data changes), both read on the way to the first filled window:

- ``ix_leads_signed_on``: the dashboard's leaderboard and the progress of a month count the
  projects signed between two dates; without it SQLite read every project of ten years
  (20,000 rows at scale 1: ~2.5 ms of each dashboard read).
- ``ix_trips_ends_starts`` (end, then start date), as the events have: the checks' trips of the
  rest of the year (``end_date >= today AND start_date <= 31 December``). SQLite, knowing
  nothing of how the dates spread, read the trips by start date from the first of ten years
  (5,000 rows, ~2 ms); it now reads the few trips that end after today in the index alone.

Downgrading drops them.
"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_leads_signed_on", "leads", ["signed_on"])
    op.create_index("ix_trips_ends_starts", "trips", ["end_date", "start_date"])


def downgrade() -> None:
    op.drop_index("ix_trips_ends_starts", table_name="trips")
    op.drop_index("ix_leads_signed_on", table_name="leads")
