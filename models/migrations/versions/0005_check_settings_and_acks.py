"""check settings and acknowledged warnings

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 06:00:00

- ``check_settings``: the scheduling checks' settings (transfer times, business hours per
  country, weekends, blackout dates, trips a month), one JSON value per key.
- ``check_acks``: warnings someone acknowledged, with who, when, why and a fingerprint of the
  revisions of the records concerned (models/checks/acks.py).

New tables only: an existing database upgrades in place and keeps its data.
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # only the tables this revision owns, and only where missing: a database whose revision
    # was set back by hand (or re-chained at a merge) may hold them already
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if 'check_settings' not in existing:
        _create_settings()
    if 'check_acks' not in existing:
        _create_acks()


def _create_settings() -> None:
    op.create_table(
        'check_settings',
        sa.Column('key', sa.String(length=60), nullable=False),
        sa.Column('value', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_check_settings')),
    )


def _create_acks() -> None:
    op.create_table(
        'check_acks',
        sa.Column('finding_id', sa.String(length=40), nullable=False),
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('acked_by', sa.String(length=200), nullable=False),
        sa.Column('acked_at', sa.DateTime(), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('finding_id', name=op.f('pk_check_acks')),
    )


def downgrade() -> None:
    op.drop_table('check_acks')
    op.drop_table('check_settings')
