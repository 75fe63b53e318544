"""run-of-show records: staff posts, VIP seating and duties per unit of a themed event

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 07:30:00

- ``event_staff_posts``: a post (registration desk, VIP lounge…), its room, the person on it,
  from and to (UTC instants, the event's zone beside them on the event), the duty.
- ``event_vip_seats``: a guest of honour (a person of the directory), the organisation and
  title printed on the seating list, table and seat number.
- ``event_unit_duties``: what a responsible unit does for the event and its contact person.

- ``campaigns.duty_phone``: the bureau's 24-hour duty phone that delegation briefs print.

New tables and one NOT NULL text column with an empty default: an existing database upgrades
in place and keeps its data (the events' free-text ``responsibilities`` stay as they are).
"""

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def _event_table(name: str, *columns: sa.Column, people: tuple[str, ...] = (),
                 others: tuple[tuple[str, str], ...] = ()) -> None:
    keys = [sa.ForeignKeyConstraint(['event_id'], ['themed_events.id'],
                                    name=op.f(f'fk_{name}_event_id_themed_events'),
                                    ondelete='CASCADE')]
    keys += [sa.ForeignKeyConstraint([c], ['people.id'], name=op.f(f'fk_{name}_{c}_people'))
             for c in people]
    keys += [sa.ForeignKeyConstraint([c], [f'{t}.id'], name=op.f(f'fk_{name}_{c}_{t}'))
             for c, t in others]
    op.create_table(
        name,
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        *columns,
        *keys,
        sa.PrimaryKeyConstraint('id', name=op.f(f'pk_{name}')),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        for c in ('event_id', *people, *(c for c, _t in others)):
            batch_op.create_index(batch_op.f(f'ix_{name}_{c}'), [c], unique=False)


def upgrade() -> None:
    if 'event_staff_posts' in sa.inspect(op.get_bind()).get_table_names():
        return  # a re-run over a schema that already has them
    with op.batch_alter_table('campaigns', schema=None) as batch_op:
        batch_op.add_column(sa.Column('duty_phone', sa.String(length=50), nullable=False,
                                      server_default=''))
    _event_table(
        'event_staff_posts',
        sa.Column('post', sa.String(length=100), nullable=False),
        sa.Column('room', sa.String(length=200), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=True),
        sa.Column('starts_at', sa.DateTime(), nullable=False),
        sa.Column('ends_at', sa.DateTime(), nullable=False),
        sa.Column('duty', sa.Text(), nullable=False),
        people=('person_id',),
    )
    _event_table(
        'event_vip_seats',
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=True),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('table_no', sa.String(length=20), nullable=False),
        sa.Column('seat_no', sa.String(length=20), nullable=False),
        people=('person_id',), others=(('organisation_id', 'organisations'),),
    )
    _event_table(
        'event_unit_duties',
        sa.Column('unit_id', sa.Integer(), nullable=False),
        sa.Column('duty', sa.Text(), nullable=False),
        sa.Column('contact_person_id', sa.Integer(), nullable=True),
        people=('contact_person_id',), others=(('unit_id', 'units'),),
    )


def downgrade() -> None:
    for name in ('event_unit_duties', 'event_vip_seats', 'event_staff_posts'):
        op.drop_table(name)
    op.drop_column('campaigns', 'duty_phone')  # plain DROP COLUMN: campaigns is referenced
