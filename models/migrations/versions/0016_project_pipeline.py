"""project pipeline: stage history of leads, their source meeting

Revision ID: 0016
Revises: 0002
Create Date: 2026-12-02 06:00:00

- ``lead_stage_changes``: each stage a project (lead) reached, the day, who moved it there
  and, when it went back, why. Seeded from the leads already in the database: 接洽 on the
  first contact, 签约 on the signing date, the current stage on the last day known
  (the signing, the first contact, else the last edit).
- ``leads.source_item_id`` / ``leads.source_session_id``: the itinerary item or agenda
  session (the meeting) a project came from.
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0002'
branch_labels = None
depends_on = None

PIPELINE = ("contact", "negotiation", "signed", "construction", "funds_in", "production")
SEEDED_BY = "迁移 migration"


def upgrade() -> None:
    changes = op.create_table(
        'lead_stage_changes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('lead_id', sa.Integer(), nullable=False),
        sa.Column('stage', sa.Enum('contact', 'negotiation', 'signed', 'construction',
                                   'funds_in', 'production', 'dropped', name='leadstage',
                                   native_enum=False, length=32), nullable=False),
        sa.Column('changed_on', sa.Date(), nullable=False),
        sa.Column('changed_by', sa.String(length=200), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['lead_id'], ['leads.id'],
                                name=op.f('fk_lead_stage_changes_lead_id_leads'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_lead_stage_changes')),
    )
    with op.batch_alter_table('lead_stage_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lead_stage_changes_lead_id'), ['lead_id'],
                              unique=False)
    with op.batch_alter_table('leads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_item_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('source_session_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_leads_source_item_id'), ['source_item_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_leads_source_session_id'), ['source_session_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_leads_source_item_id_itinerary_items'),
                                    'itinerary_items', ['source_item_id'], ['id'],
                                    ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_leads_source_session_id_agenda_sessions'),
                                    'agenda_sessions', ['source_session_id'], ['id'],
                                    ondelete='SET NULL')

    conn = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = []
    for lead_id, stage, first, signed, updated in conn.execute(sa.text(
            "SELECT id, stage, first_contact_on, signed_on, updated_at FROM leads ORDER BY id")):
        first = _day(first)
        signed = _day(signed)
        steps = []
        if first is not None:
            steps.append(("contact", first))
        if signed is not None and stage in PIPELINE[2:]:
            steps.append(("signed", signed))
        if not steps or steps[-1][0] != stage:
            # the day it reached its current stage is not known: the last day that is
            steps.append((stage, steps[-1][1] if steps else _day(updated)))
        rows.extend({"lead_id": lead_id, "stage": s, "changed_on": d, "changed_by": SEEDED_BY,
                     "reason": "", "recorded_at": now} for s, d in steps)
    if rows:
        op.bulk_insert(changes, rows)


def _day(value: object) -> object:
    """A date from what the driver returns (SQLite gives text)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return datetime.fromisoformat(value[:10]).date()
    if isinstance(value, datetime):
        return value.date()
    return value


def downgrade() -> None:
    with op.batch_alter_table('leads', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_leads_source_session_id_agenda_sessions'),
                                 type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_leads_source_item_id_itinerary_items'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_leads_source_session_id'))
        batch_op.drop_index(batch_op.f('ix_leads_source_item_id'))
        batch_op.drop_column('source_session_id')
        batch_op.drop_column('source_item_id')
    with op.batch_alter_table('lead_stage_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lead_stage_changes_lead_id'))
    op.drop_table('lead_stage_changes')
