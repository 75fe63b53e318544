"""partners' calendar entries keep their shape

Revision ID: 0015
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

revision = '0015'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('itinerary_items') as batch:
        batch.add_column(sa.Column('all_day', sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column('external_uid', sa.String(length=500), nullable=False,
                                   server_default=''))
    with op.batch_alter_table('themed_events') as batch:
        batch.add_column(sa.Column('external_uid', sa.String(length=500), nullable=False,
                                   server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('themed_events') as batch:
        batch.drop_column('external_uid')
    with op.batch_alter_table('itinerary_items') as batch:
        batch.drop_column('external_uid')
        batch.drop_column('all_day')
