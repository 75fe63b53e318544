"""the history's chain head: removing the newest history rows is found too

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 09:30:00

- ``audit_chain_head``: one row (``id`` 1), the id and hash of the newest ``audit_log`` row,
  filled from the existing chain, so an upgraded database verifies intact. ``history --verify``
  reports the chain broken when its last row is not the head (models/audit/chain.py).
- PostgreSQL only:
  - ``cp_audit_chain`` (replaced): continues the chain from the head, not from whatever row is
    newest, and moves the head to the new row in the same statement, under the same advisory
    lock; a dump loaded by the owner (``campaign_planner.restoring``) moves it to its rows;
  - ``cp_audit_guard`` (replaced): the owner's ``load --force`` emptying the history empties
    the head too;
  - ``cp_audit_head_guard``: INSERT, UPDATE, DELETE and TRUNCATE of the head are refused, even
    for its owner, unless it is the UPDATE of one of the triggers above. The test is
    ``pg_trigger_depth() > 1``: a statement typed by anyone runs this guard at depth 1, the
    chain trigger's UPDATE runs it at depth 2 or more. Nobody else gets the head changed from
    inside a trigger: every account's INSERT, UPDATE, DELETE and TRUNCATE on it are revoked
    (from PUBLIC and from each grantee, the default privileges of 0007 included), no account
    owns a table to hang a trigger of its own on, and what such a trigger ran would run with
    that account's missing rights. Only the owner (or a superuser) could get round it, by
    dropping the guard, as with ``audit_log``'s own guard.
"""

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

REFUSED = "修改记录不可更改或删除 (the history cannot be changed or deleted)"

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION cp_audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
  previous text;
  restoring boolean := cp_audit_restoring();
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('campaign_planner.audit_log'));
  IF restoring AND NEW.row_hash IS NOT NULL THEN  -- a loaded dump keeps its rows as they were
    UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.row_hash
     WHERE last_id <= NEW.id;
    RETURN NEW;
  END IF;
  IF NOT restoring THEN
    NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
    NEW.at := clock_timestamp() AT TIME ZONE 'UTC';
    NEW.actor := session_user;
  END IF;
  -- from the head: newest rows removed behind the program's back stay missing from the chain
  SELECT last_hash INTO previous FROM audit_chain_head WHERE id = 1;
  NEW.row_hash := encode(sha256(convert_to(concat_ws(E'\x1f',
      coalesce(previous, ''), NEW.id::text, to_char(NEW.at, 'YYYY-MM-DD"T"HH24:MI:SS.US'),
      NEW.actor, NEW.action, NEW.record_type, NEW.record_id::text,
      coalesce(NEW.record_uuid, ''), coalesce(NEW.record_label, ''),
      coalesce(NEW.parent_type, ''), coalesce(NEW.parent_id::text, ''),
      coalesce(NEW.revision::text, ''), coalesce(NEW.changes::jsonb::text, 'null')),
    'UTF8')), 'hex');
  UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.row_hash WHERE id = 1;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION cp_audit_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' AND cp_audit_restoring() THEN
    -- the owner replacing the whole database with a dump (load --force): the history and its
    -- head start again empty; a row the dump loads moves the head on
    UPDATE audit_chain_head SET last_id = 0, last_hash = NULL WHERE id = 1;
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '{refused}' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE FUNCTION cp_audit_head_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = {schema}, pg_temp AS $$
BEGIN
  -- depth 1: a statement of its own, whoever typed it; 2 or more: the chain's triggers
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '{refused}' USING ERRCODE = 'insufficient_privilege';
END $$;
"""

REVOKE_WRITES = """
DO $$
DECLARE grantee text;
BEGIN
  FOR grantee IN
    SELECT DISTINCT pg_get_userbyid(a.grantee) FROM pg_class c, aclexplode(c.relacl) a
     WHERE c.oid = 'audit_chain_head'::regclass AND a.grantee <> 0 AND a.grantee <> c.relowner
       AND a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
  LOOP
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM %I',
                   grantee);
  END LOOP;
END $$;
"""


def _postgres_upgrade() -> None:
    bind = op.get_bind()
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    # straight to the driver (the functions' text holds colons), its percent signs doubled
    bind.exec_driver_sql(FUNCTIONS.format(schema=f'"{schema}"', refused=REFUSED).replace('%', '%%'))
    op.execute("CREATE TRIGGER cp_audit_head_guard BEFORE INSERT OR UPDATE OR DELETE "
               "ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION cp_audit_head_guard()")
    op.execute("CREATE TRIGGER cp_audit_head_no_truncate BEFORE TRUNCATE ON audit_chain_head "
               "FOR EACH STATEMENT EXECUTE FUNCTION cp_audit_head_guard()")
    op.execute("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM PUBLIC")
    bind.exec_driver_sql(REVOKE_WRITES.replace('%', '%%'))


def upgrade() -> None:
    bind = op.get_bind()
    if sa.inspect(bind).has_table('audit_chain_head'):
        return  # a re-run over a schema that already has it
    op.create_table(
        'audit_chain_head',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('last_id', sa.Integer(), nullable=False),
        sa.Column('last_hash', sa.String(length=64), nullable=True),
        sa.CheckConstraint('id = 1', name=op.f('ck_audit_chain_head_one_row')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_chain_head')),
    )
    # the head of the chain as it stands: the newest row, or nothing for an empty history
    op.execute("INSERT INTO audit_chain_head (id, last_id, last_hash) "
               "SELECT 1, coalesce(max(id), 0), (SELECT row_hash FROM audit_log "
               "ORDER BY id DESC LIMIT 1) FROM audit_log")
    if bind.dialect.name == 'postgresql':
        _postgres_upgrade()


def _functions_of_0008() -> str:
    path = Path(__file__).with_name('0008_history_by_database.py')
    spec = importlib.util.spec_from_file_location('cp_migration_0008', path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.FUNCTIONS)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        op.execute('DROP TRIGGER IF EXISTS cp_audit_head_guard ON audit_chain_head')
        op.execute('DROP TRIGGER IF EXISTS cp_audit_head_no_truncate ON audit_chain_head')
        op.execute('DROP FUNCTION IF EXISTS cp_audit_head_guard()')
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
        # the chain and guard triggers as 0008 wrote them (they no longer know of a head)
        bind.exec_driver_sql(_functions_of_0008().format(
            schema=f'"{schema}"', refused=REFUSED).replace('%', '%%'))
    op.drop_table('audit_chain_head')
