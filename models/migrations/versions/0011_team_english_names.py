"""team English names: ``teams.name_en``, filled from the Chinese pattern where it can

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-09 06:00:00

- ``teams.name_en``: the team's English name, shown in an English session. Existing teams
  named like ``第39小分队`` get ``Team 39``; others stay empty (the window then shows the
  Chinese name).
"""

import re

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

NUMBERED = re.compile(r"^第\s*(\d+)\s*(?:小分队|分队|队)$")


def english_name(name_zh: str) -> str:
    """``Team 39`` for 第39小分队; empty when the name does not follow the pattern."""
    match = NUMBERED.match("".join(name_zh.split()))
    return f"Team {int(match.group(1))}" if match else ""


def upgrade() -> None:
    bind = op.get_bind()
    columns = {c['name'] for c in sa.inspect(bind).get_columns('teams')}
    if 'name_en' not in columns:
        # a plain ALTER TABLE, never a batch copy: on SQLite copying ``teams`` would drop the
        # old table and its ON DELETE SET NULL would take every HQ visit's team with it
        op.add_column('teams', sa.Column('name_en', sa.String(length=100), nullable=False,
                                         server_default=''))
        if bind.dialect.name != 'sqlite':  # SQLite cannot drop a default in place
            op.alter_column('teams', 'name_en', server_default=None)
    teams = sa.table('teams', sa.column('id', sa.Integer()), sa.column('name', sa.String()),
                     sa.column('name_en', sa.String()))
    conn = op.get_bind()
    for ident, name, name_en in conn.execute(sa.select(teams.c.id, teams.c.name,
                                                        teams.c.name_en)).all():
        english = english_name(name or "")
        if english and not name_en:
            conn.execute(teams.update().where(teams.c.id == ident).values(name_en=english))


def downgrade() -> None:
    op.drop_column('teams', 'name_en')  # in place on SQLite too (3.35+), keeping the visits' teams
