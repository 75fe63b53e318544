"""the history of a statement's many rows reads each row once on PostgreSQL

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-03 08:10:00

PostgreSQL only (SQLite has no triggers of the history). The history rows written, their
order and their hashes stay as 0015 and 0016 write them; what changes is how often the
database works each row out:

- ``cp_audit_created`` and ``cp_audit_updated`` (replaced): each inserted or edited row is
  turned into ``jsonb`` once per statement (a ``MATERIALIZED`` CTE over the transition
  table). The planner had folded the subquery ``SELECT to_jsonb(t) AS rec`` into the query,
  so ``to_jsonb`` of the whole row ran again for every use of ``rec``: about ten times a row
  for a new record, more for an edit (its old and its new row, and the join on their ids as
  ``jsonb``). Old and new rows are now joined on their integer ids.
- ``cp_audit_chain`` (replaced): the transaction-local ``campaign_planner.chain_tip`` now
  holds the hash of the row chained last beside its id (``<transaction>:<id>:<hash>``): the
  next row of the same transaction hashes from it without looking that row up. Otherwise as
  0015: the first row of a transaction goes on from the head, under the same advisory lock,
  held to the commit, and a tip set by hand can only make the next rows hash from another
  hash, which ``history --verify`` reports as a broken chain. Two calls a row are gone: the
  ``id`` column's sequence is named in the function (found once, at the upgrade, instead of
  ``pg_get_serial_sequence`` a row: the ids are the same), and ``cp_audit_restoring()`` is
  asked only when ``campaign_planner.restoring`` is on (its answer is false otherwise). A tip
  of 0015's form that the upgrading transaction set is given its row's hash (and a downgrade
  takes the hash off).
- ``cp_audit_chain_head`` (replaced): reads the tip in its new form (the newest row of the
  transaction moves the head at commit, as before).
"""

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION cp_audit_created() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
  notes json;  -- json, not jsonb: the program's order of keys is kept
BEGIN
  IF cp_audit_restoring() THEN RETURN NULL; END IF;
  BEGIN
    notes := nullif(current_setting('campaign_planner.audit_notes', true), '')::json;
  EXCEPTION WHEN others THEN
    notes := NULL;
  END;
  IF json_typeof(notes) IS DISTINCT FROM 'object' THEN
    notes := '{{}}'::json;
  END IF;
  WITH n AS MATERIALIZED (  -- each new row as jsonb once, not once a use
    SELECT r.rec, (r.rec ->> 'id')::integer AS id,
           TG_TABLE_NAME || ':' || coalesce(r.rec ->> 'uuid', '') AS key
      FROM (SELECT to_jsonb(t) AS rec FROM cp_new_rows t) AS r),
  d AS MATERIALIZED (
    SELECT key, note, json_typeof(note -> 'changes') = 'object' AS described
      FROM json_each(notes) AS j(key, note))
  INSERT INTO audit_log (at, actor, action, record_type, record_id, record_uuid, record_label,
                         parent_type, parent_id, revision, changes)
  SELECT clock_timestamp() AT TIME ZONE 'UTC', session_user, 'create', TG_TABLE_NAME,
         n.id, coalesce(n.rec ->> 'uuid', ''),
         left(coalesce(CASE WHEN d.described THEN d.note ->> 'label' END,
                       nullif(n.rec ->> 'code', ''), nullif(n.rec ->> 'name_zh', ''),
                       nullif(n.rec ->> 'title_zh', ''), nullif(n.rec ->> 'name', ''),
                       '#' || (n.rec ->> 'id'), ''), 300),
         nullif(TG_ARGV[0], ''),
         CASE WHEN TG_ARGV[1] <> '' THEN (n.rec ->> TG_ARGV[1])::integer END,
         (n.rec ->> 'revision')::integer,
         CASE WHEN d.described THEN d.note -> 'changes'
              ELSE cp_audit_new_changes(TG_RELID, n.rec) END
    FROM n LEFT JOIN d ON d.key = n.key
   ORDER BY n.id;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION cp_audit_updated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
  notes json;  -- json, not jsonb: the program's order of keys is kept
BEGIN
  IF cp_audit_restoring() THEN RETURN NULL; END IF;
  BEGIN
    notes := nullif(current_setting('campaign_planner.audit_notes', true), '')::json;
  EXCEPTION WHEN others THEN
    notes := NULL;
  END;
  IF json_typeof(notes) IS DISTINCT FROM 'object' THEN
    notes := '{{}}'::json;
  END IF;
  WITH n AS MATERIALIZED (  -- each row as jsonb once, not once a use
    SELECT r.rec, (r.rec ->> 'id')::integer AS id,
           TG_TABLE_NAME || ':' || coalesce(r.rec ->> 'uuid', '') AS key
      FROM (SELECT to_jsonb(t) AS rec FROM cp_new_rows t) AS r),
  o AS MATERIALIZED (
    SELECT r.rec, (r.rec ->> 'id')::integer AS id
      FROM (SELECT to_jsonb(t) AS rec FROM cp_old_rows t) AS r),
  d AS MATERIALIZED (
    SELECT key, note FROM json_each(notes) AS j(key, note)
     WHERE json_typeof(note -> 'changes') = 'object'),
  e AS MATERIALIZED (
    SELECT n.rec, n.id, d.note, d.note IS NOT NULL AS described,
           CASE WHEN d.note IS NOT NULL THEN d.note -> 'changes'
                ELSE cp_audit_update_changes(TG_RELID, o.rec, n.rec) END AS changes
      FROM n JOIN o ON o.id = n.id
      LEFT JOIN d ON d.key = n.key)
  INSERT INTO audit_log (at, actor, action, record_type, record_id, record_uuid, record_label,
                         parent_type, parent_id, revision, changes)
  SELECT clock_timestamp() AT TIME ZONE 'UTC', session_user, 'update', TG_TABLE_NAME,
         e.id, coalesce(e.rec ->> 'uuid', ''),
         left(coalesce(CASE WHEN e.described THEN e.note ->> 'label' END,
                       nullif(e.rec ->> 'code', ''), nullif(e.rec ->> 'name_zh', ''),
                       nullif(e.rec ->> 'title_zh', ''), nullif(e.rec ->> 'name', ''),
                       '#' || (e.rec ->> 'id'), ''), 300),
         nullif(TG_ARGV[0], ''),
         CASE WHEN TG_ARGV[1] <> '' THEN (e.rec ->> TG_ARGV[1])::integer END,
         (e.rec ->> 'revision')::integer, e.changes
    FROM e
   WHERE e.described OR e.changes::jsonb <> '{{}}'::jsonb
   ORDER BY e.id;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION cp_audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
  previous text;
  restoring boolean := false;
  tip text := coalesce(current_setting('campaign_planner.chain_tip', true), '');
  mine text := txid_current()::text || ':';
BEGIN
  -- cp_audit_restoring() (its checks cost, a call a row) only when the setting asks for it
  IF coalesce(current_setting('campaign_planner.restoring', true), '') = 'on' THEN
    restoring := cp_audit_restoring();
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('campaign_planner.audit_log'));
  IF restoring AND NEW.row_hash IS NOT NULL THEN  -- a loaded dump keeps its rows as they were
    UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.row_hash
     WHERE last_id <= NEW.id;
    PERFORM set_config('campaign_planner.chain_tip', '', true);
    RETURN NEW;
  END IF;
  IF NOT restoring THEN
    NEW.id := nextval({sequence}::regclass);  -- the id column's own, found at the upgrade
    NEW.at := clock_timestamp() AT TIME ZONE 'UTC';
    NEW.actor := session_user;
  END IF;
  IF starts_with(tip, mine) THEN  -- this transaction chained a row already: go on from it
    previous := split_part(substr(tip, length(mine) + 1), ':', 2);
  ELSE  -- from the head: newest rows removed behind the program's back stay missing
    SELECT last_hash INTO previous FROM audit_chain_head WHERE id = 1;
  END IF;
  NEW.row_hash := encode(sha256(convert_to(concat_ws(E'\x1f',
      coalesce(previous, ''), NEW.id::text, to_char(NEW.at, 'YYYY-MM-DD"T"HH24:MI:SS.US'),
      NEW.actor, NEW.action, NEW.record_type, NEW.record_id::text,
      coalesce(NEW.record_uuid, ''), coalesce(NEW.record_label, ''),
      coalesce(NEW.parent_type, ''), coalesce(NEW.parent_id::text, ''),
      coalesce(NEW.revision::text, ''), coalesce(NEW.changes::jsonb::text, 'null')),
    'UTF8')), 'hex');
  PERFORM set_config('campaign_planner.chain_tip',
                     mine || NEW.id::text || ':' || NEW.row_hash, true);
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION cp_audit_chain_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
  -- deferred to the commit: of this transaction's new rows, only the newest moves the head
  IF starts_with(coalesce(current_setting('campaign_planner.chain_tip', true), ''),
                 txid_current()::text || ':' || NEW.id::text || ':') THEN
    UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.row_hash WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
"""


def _schema() -> str:
    return str(op.get_bind().execute(sa.text("SELECT current_schema()")).scalar_one())


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _functions_of(name: str) -> str:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f'cp_migration_{name[:4]}', path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.FUNCTIONS)


# a tip this transaction set before the upgrade (``<transaction>:<id>``) given its row's hash
TIP_WITH_HASH = r"""
SELECT set_config('campaign_planner.chain_tip', t.tip || ':' || a.row_hash, true)
  FROM (SELECT current_setting('campaign_planner.chain_tip', true) AS tip) AS t
  JOIN audit_log a ON a.id = CASE WHEN t.tip ~ '^[0-9]+:[0-9]+$'
                                  THEN split_part(t.tip, ':', 2)::integer END
"""
# and back to 0015's form on a downgrade
TIP_WITHOUT_HASH = r"""
SELECT set_config('campaign_planner.chain_tip', substring(t.tip from '^[0-9]+:[0-9]+'), true)
  FROM (SELECT current_setting('campaign_planner.chain_tip', true) AS tip) AS t
 WHERE t.tip ~ '^[0-9]+:[0-9]+:'
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    # straight to the driver (the functions' text holds colons), its percent signs doubled
    sequence = bind.execute(sa.text("SELECT pg_get_serial_sequence('audit_log', 'id')")).scalar_one()
    bind.exec_driver_sql(FUNCTIONS.format(schema=f'"{_schema()}"', sequence=_literal(sequence))
                         .replace('%', '%%'))
    bind.exec_driver_sql(TIP_WITH_HASH)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    # the functions as 0015 and 0016 wrote them (the triggers that call them are unchanged)
    for name in ('0015_history_of_bulk_inserts.py', '0016_history_of_bulk_updates.py'):
        bind.exec_driver_sql(_functions_of(name).format(schema=f'"{_schema()}"')
                             .replace('%', '%%'))
    bind.exec_driver_sql(TIP_WITHOUT_HASH)
