"""partners' calendar entries keep their shape

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 09:00:00

- ``itinerary_items.all_day``: an all-day entry (a fair, a holiday) stays all-day in the window,
  the briefs and the exported calendar.
- ``itinerary_items.external_uid`` and ``themed_events.external_uid``: the UID a partner's
  calendar gave an imported entry, written back on export so the partner's calendar updates its
  own entry instead of showing a copy beside it. Empty for the app's own records.

Existing rows keep their data: the new columns get their defaults.
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


NEW_COLUMNS = {
    'itinerary_items': (
        lambda: sa.Column('all_day', sa.Boolean(), nullable=False, server_default=sa.false()),
        lambda: sa.Column('external_uid', sa.String(length=500), nullable=False,
                          server_default=''),
    ),
    'themed_events': (
        lambda: sa.Column('external_uid', sa.String(length=500), nullable=False,
                          server_default=''),
    ),
}


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    for table, columns in NEW_COLUMNS.items():
        present = {c['name'] for c in inspector.get_columns(table)}
        wanted = [make() for make in columns]
        missing = [c for c in wanted if c.name not in present]  # a re-run finds them there
        if missing:
            with op.batch_alter_table(table) as batch:
                for column in missing:
                    batch.add_column(column)


def downgrade() -> None:
    with op.batch_alter_table('themed_events') as batch:
        batch.drop_column('external_uid')
    with op.batch_alter_table('itinerary_items') as batch:
        batch.drop_column('external_uid')
        batch.drop_column('all_day')
