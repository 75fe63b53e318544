"""projects, teams and leaders: stage history, source meeting, 100 teams, target HQs, 挂点领导, 链长

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 06:00:00

- ``lead_stage_changes``: each stage a project (lead) reached, the day, who moved it there
  and, when it went back, why. Seeded from the leads already in the database: 接洽 on the
  first contact, 签约 on the signing date, the current stage on the last day known
  (the signing, the first contact, else the last edit).
- ``leads.source_item_id`` / ``leads.source_session_id``: the itinerary item or agenda
  session (the meeting) a project came from; ``leads.leader_id``: its 挂点领导.
- ``teams`` and ``team_members``: the 百队千企 teams. The free-text team names of the HQ visits
  become team records (``第 7 小分队`` and ``第7小分队（随团）`` are one team, 第7小分队) and
  ``hq_visits.team`` gives way to ``hq_visits.team_id``.
- ``hq_visits``: ``status`` (existing visits are done), ``place``, ``outcome``,
  ``follow_up_lead_id``.
- ``target_headquarters``: the campaign's target list (千企) by industry chain and region.
- ``chain_leaders``: the chain leader (链长) of each key industry in a campaign.
"""

import re
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

PIPELINE = ("contact", "negotiation", "signed", "construction", "funds_in", "production")
SEEDED_BY = "迁移 migration"


def upgrade() -> None:
    if 'lead_stage_changes' in sa.inspect(op.get_bind()).get_table_names():
        return  # a re-run over a schema that already has all of it
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

    _seed_stage_history(changes)
    _teams_and_targets()


def _seed_stage_history(changes: sa.Table) -> None:
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


def _teams_and_targets() -> None:
    op.create_table(
        'teams',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('campaign_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('leader_id', sa.Integer(), nullable=True),
        sa.Column('unit_id', sa.Integer(), nullable=True),
        sa.Column('target_visits', sa.Integer(), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'],
                                name=op.f('fk_teams_campaign_id_campaigns')),
        sa.ForeignKeyConstraint(['leader_id'], ['people.id'],
                                name=op.f('fk_teams_leader_id_people'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_teams_unit_id_units')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_teams')),
        sa.UniqueConstraint('name', name=op.f('uq_teams_name')),
        sa.UniqueConstraint('uuid', name=op.f('uq_teams_uuid')),
    )
    with op.batch_alter_table('teams', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_teams_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_teams_leader_id'), ['leader_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_teams_unit_id'), ['unit_id'], unique=False)
    op.create_table(
        'team_members',
        sa.Column('team_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['person_id'], ['people.id'],
                                name=op.f('fk_team_members_person_id_people'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['team_id'], ['teams.id'],
                                name=op.f('fk_team_members_team_id_teams'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('team_id', 'person_id', name=op.f('pk_team_members')),
    )
    with op.batch_alter_table('team_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_members_person_id'), ['person_id'],
                              unique=False)
    op.create_table(
        'target_headquarters',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('campaign_id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('industry_id', sa.Integer(), nullable=True),
        sa.Column('region_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'],
                                name=op.f('fk_target_headquarters_campaign_id_campaigns')),
        sa.ForeignKeyConstraint(['industry_id'], ['industries.id'],
                                name=op.f('fk_target_headquarters_industry_id_industries')),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'],
                                name=op.f('fk_target_headquarters_organisation_id_organisations'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['region_id'], ['regions.id'],
                                name=op.f('fk_target_headquarters_region_id_regions')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_target_headquarters')),
        sa.UniqueConstraint('campaign_id', 'organisation_id',
                            name='uq_target_headquarters_campaign_organisation'),
    )
    with op.batch_alter_table('target_headquarters', schema=None) as batch_op:
        for column in ('campaign_id', 'organisation_id', 'industry_id', 'region_id'):
            batch_op.create_index(batch_op.f(f'ix_target_headquarters_{column}'), [column],
                                  unique=False)
    op.create_table(
        'chain_leaders',
        sa.Column('campaign_id', sa.Integer(), nullable=False),
        sa.Column('industry_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'],
                                name=op.f('fk_chain_leaders_campaign_id_campaigns')),
        sa.ForeignKeyConstraint(['industry_id'], ['industries.id'],
                                name=op.f('fk_chain_leaders_industry_id_industries')),
        sa.ForeignKeyConstraint(['person_id'], ['people.id'],
                                name=op.f('fk_chain_leaders_person_id_people'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('campaign_id', 'industry_id', name=op.f('pk_chain_leaders')),
    )
    with op.batch_alter_table('chain_leaders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_chain_leaders_person_id'), ['person_id'],
                              unique=False)
    with op.batch_alter_table('leads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('leader_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_leads_leader_id'), ['leader_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_leads_leader_id_people'), 'people',
                                    ['leader_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('hq_visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('team_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column(
            'status', sa.Enum('planned', 'done', 'cancelled', name='visitstatus',
                              native_enum=False, length=32),
            nullable=False, server_default='done'))
        batch_op.add_column(sa.Column('place', sa.String(length=300), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('outcome', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('follow_up_lead_id', sa.Integer(), nullable=True))
    _teams_from_names()
    with op.batch_alter_table('hq_visits', schema=None) as batch_op:
        batch_op.alter_column('status', server_default=None)
        batch_op.alter_column('place', server_default=None)
        batch_op.alter_column('outcome', server_default=None)
        batch_op.drop_column('team')
        batch_op.create_index(batch_op.f('ix_hq_visits_team_id'), ['team_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hq_visits_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_hq_visits_follow_up_lead_id'),
                              ['follow_up_lead_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_hq_visits_team_id_teams'), 'teams',
                                    ['team_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_hq_visits_follow_up_lead_id_leads'),
                                    'leads', ['follow_up_lead_id'], ['id'], ondelete='SET NULL')


def team_name(text: str) -> str:
    """One team whatever the spelling: no spaces, no bracketed remark (（随团）)."""
    name = re.sub(r"[（(][^）)]*[）)]", "", text or "")
    name = re.sub(r"\s+", "", name)
    return name or re.sub(r"\s+", " ", (text or "").strip())


def _teams_from_names() -> None:
    conn = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None)
    team_ids: dict[str, int] = {}
    visits = conn.execute(sa.text(
        "SELECT id, campaign_id, team, unit_id FROM hq_visits ORDER BY visited_on, id")).all()
    for visit_id, campaign_id, text, unit_id in visits:
        name = team_name(text)
        if not name:
            continue
        if name not in team_ids:
            conn.execute(sa.text(
                "INSERT INTO teams (campaign_id, name, unit_id, target_visits, notes, uuid, "
                "revision, created_at, updated_at) VALUES (:c, :n, :u, 0, '', :uuid, 1, :t, :t)"
            ), {"c": campaign_id, "n": name, "u": unit_id, "uuid": str(uuid.uuid4()), "t": now})
            team_ids[name] = conn.execute(sa.text("SELECT id FROM teams WHERE name = :n"),
                                          {"n": name}).scalar_one()
        conn.execute(sa.text("UPDATE hq_visits SET team_id = :t WHERE id = :v"),
                     {"t": team_ids[name], "v": visit_id})


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
    with op.batch_alter_table('hq_visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('team', sa.String(length=100), nullable=False,
                                      server_default=''))
    op.execute("UPDATE hq_visits SET team = COALESCE((SELECT name FROM teams "
               "WHERE teams.id = hq_visits.team_id), '')")
    with op.batch_alter_table('hq_visits', schema=None) as batch_op:
        batch_op.alter_column('team', server_default=None)
        batch_op.drop_constraint(batch_op.f('fk_hq_visits_follow_up_lead_id_leads'),
                                 type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_hq_visits_team_id_teams'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_hq_visits_follow_up_lead_id'))
        batch_op.drop_index(batch_op.f('ix_hq_visits_status'))
        batch_op.drop_index(batch_op.f('ix_hq_visits_team_id'))
        for column in ('follow_up_lead_id', 'outcome', 'place', 'status', 'team_id'):
            batch_op.drop_column(column)
    with op.batch_alter_table('leads', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_leads_leader_id_people'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_leads_leader_id'))
        batch_op.drop_column('leader_id')
    op.drop_table('chain_leaders')
    op.drop_table('target_headquarters')
    op.drop_table('team_members')
    op.drop_table('teams')
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
