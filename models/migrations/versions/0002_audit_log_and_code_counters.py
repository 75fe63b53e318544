"""audit log and code counters

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 13:10:00

- ``audit_log``: one row per change of an editable record (models/audit.py).
- ``code_counters``: the last number given out per code stem (models/operations/codes.py),
  seeded from the codes already in the database.
"""

import re

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

CODED_TABLES = ("trips", "themed_events", "leads")
CODE = re.compile(r"^(.+-\d{4}-)(\d+)$")


def upgrade() -> None:
    op.create_table(
        'audit_log',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('actor', sa.String(length=200), nullable=False),
        sa.Column('action', sa.String(length=10), nullable=False),
        sa.Column('record_type', sa.String(length=40), nullable=False),
        sa.Column('record_id', sa.Integer(), nullable=False),
        sa.Column('record_uuid', sa.String(length=36), nullable=False),
        sa.Column('record_label', sa.String(length=300), nullable=False),
        sa.Column('parent_type', sa.String(length=40), nullable=True),
        sa.Column('parent_id', sa.Integer(), nullable=True),
        sa.Column('revision', sa.Integer(), nullable=True),
        sa.Column('changes', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_log_record', ['record_type', 'record_id'], unique=False)
        batch_op.create_index('ix_audit_log_parent', ['parent_type', 'parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_record_label'), ['record_label'],
                              unique=False)

    counters = op.create_table(
        'code_counters',
        sa.Column('stem', sa.String(length=40), nullable=False),
        sa.Column('last', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('stem', name=op.f('pk_code_counters')),
    )
    conn = op.get_bind()
    last: dict[str, int] = {}
    for table in CODED_TABLES:
        for (code,) in conn.execute(sa.text(f"SELECT code FROM {table}")):
            found = CODE.match(code or "")
            if found:
                stem, number = found.group(1), int(found.group(2))
                last[stem] = max(last.get(stem, 0), number)
    if last:
        op.bulk_insert(counters, [{"stem": s, "last": n} for s, n in sorted(last.items())])


def downgrade() -> None:
    op.drop_table('code_counters')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_record_label'))
        batch_op.drop_index('ix_audit_log_parent')
        batch_op.drop_index('ix_audit_log_record')
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))
    op.drop_table('audit_log')
