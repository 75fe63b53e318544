"""English run-of-show staff posts and the campaign's English slogan

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-10 06:00:00

- ``event_staff_posts.post_en``, ``room_en``, ``duty_en``: the post, its room and its duty in
  English, printed by the English run-of-show (the Chinese is printed where they are empty).
- ``campaigns.slogan_en``: the campaign's slogan in English.

NOT NULL text columns with an empty default, added in place: an existing database upgrades and
keeps its data; the English fields of existing rows start empty.
"""

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

COLUMNS: tuple[tuple[str, str, sa.types.TypeEngine], ...] = (
    ('event_staff_posts', 'post_en', sa.String(length=100)),
    ('event_staff_posts', 'room_en', sa.String(length=200)),
    ('event_staff_posts', 'duty_en', sa.Text()),
    ('campaigns', 'slogan_en', sa.String(length=200)),
)


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    for table, name, kind in COLUMNS:
        if name in {c['name'] for c in inspector.get_columns(table)}:
            continue  # a re-run over a schema that already has it
        # a plain ALTER TABLE, never a batch copy: on SQLite copying the table would drop it
        # and take the rows that refer to it by ON DELETE with it
        op.add_column(table, sa.Column(name, kind, nullable=False, server_default=''))
        if bind.dialect.name != 'sqlite':  # SQLite cannot drop a default in place
            op.alter_column(table, name, server_default=None)


def downgrade() -> None:
    for table, name, _kind in reversed(COLUMNS):
        op.drop_column(table, name)  # in place on SQLite too (3.35+)
