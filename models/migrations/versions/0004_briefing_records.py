"""briefing records: travel legs, stays, counterparts, delegate details, dossiers

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 05:30:00

- ``itinerary_items``: a travel leg's arrival zone, carrier, service number, both ends (place,
  airport/station code, terminal), booking reference, seat class and meeting point; a stay's
  address and phone; a meeting's ask and offer.
- ``item_counterparts``: the people of the directory met at an item.
- ``people``: mobile abroad, passport number and expiry, visa status, dietary needs.
- ``organisations``: business, revenue, employees, presence in China and the Greater Bay Area.

Every new text column is NOT NULL with an empty default, so existing rows upgrade in place.
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

ITEM_TEXTS = (
    ('arrival_timezone', 64), ('carrier', 100), ('service_number', 20), ('from_place', 200),
    ('from_code', 10), ('from_terminal', 40), ('to_place', 200), ('to_code', 10),
    ('to_terminal', 40), ('booking_ref', 60), ('seat_class', 40), ('meeting_point', 200),
    ('address', 300), ('phone', 50),
)
PERSON_TEXTS = (('mobile_abroad', 50), ('passport_number', 30), ('visa_status', 200),
                ('dietary', 200))


def upgrade() -> None:
    with op.batch_alter_table('itinerary_items', schema=None) as batch_op:
        for name, length in ITEM_TEXTS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=False,
                                          server_default=''))
        batch_op.add_column(sa.Column('ask', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('offer', sa.Text(), nullable=False, server_default=''))
    with op.batch_alter_table('people', schema=None) as batch_op:
        for name, length in PERSON_TEXTS:
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=False,
                                          server_default=''))
        batch_op.add_column(sa.Column('passport_expires', sa.Date(), nullable=True))
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        for name in ('business', 'china_presence', 'gba_presence'):
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('revenue_cny', sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column('employees', sa.Integer(), nullable=True))
    op.create_table(
        'item_counterparts',
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['item_id'], ['itinerary_items.id'],
                                name=op.f('fk_item_counterparts_item_id_itinerary_items'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['person_id'], ['people.id'],
                                name=op.f('fk_item_counterparts_person_id_people'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('item_id', 'person_id', name=op.f('pk_item_counterparts')),
    )


def downgrade() -> None:
    # plain DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch copy of these referenced tables
    # would trip the foreign keys that stay on in SQLite
    op.drop_table('item_counterparts')
    for name in ('employees', 'revenue_cny', 'gba_presence', 'china_presence', 'business'):
        op.drop_column('organisations', name)
    op.drop_column('people', 'passport_expires')
    for name, _length in reversed(PERSON_TEXTS):
        op.drop_column('people', name)
    op.drop_column('itinerary_items', 'offer')
    op.drop_column('itinerary_items', 'ask')
    for name, _length in reversed(ITEM_TEXTS):
        op.drop_column('itinerary_items', name)
