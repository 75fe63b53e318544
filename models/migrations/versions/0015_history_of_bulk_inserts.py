"""the history of many inserted records written once per statement on PostgreSQL

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 10:45:00

PostgreSQL only (SQLite has no triggers of the history; the program writes it there):

- ``cp_audit_created``: the history of new records is written by an AFTER INSERT trigger FOR
  EACH STATEMENT, reading the inserted rows from a transition table (``REFERENCING NEW TABLE``):
  one ``INSERT INTO audit_log ... SELECT`` for a statement of 1,000 new organisations, the
  program's description of them (``campaign_planner.audit_notes``) read once per statement and
  joined by table and UUID, instead of read (and parsed whole) once per row. A row the program
  did not describe (an insert typed in psql) is described from its columns, as before. The
  per-row ``cp_audit`` triggers now fire on UPDATE and DELETE only.
- ``cp_audit_chain`` (replaced): the newest row this transaction chained is remembered in the
  transaction-local setting ``campaign_planner.chain_tip`` (the transaction's id and the row's
  id); the next row reads that row's hash by its id instead of reading ``audit_chain_head``,
  and the head is moved once per transaction, at its commit, to the newest row
  (``cp_audit_chain_head``, a deferred constraint trigger on ``audit_log`` that does nothing
  for the other rows). A head updated once per row left a dead version of its one row per
  history row until the transaction ended, and every next row stepped over all of them:
  20,000 new records took minutes. The first row of a transaction still continues from the
  head, under the same advisory lock, held to the commit. A tip set by hand can only make the
  next rows hash from another row, which ``history --verify`` reports as a broken chain.
"""

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION cp_audit_new_changes(relid oid, rec jsonb) RETURNS json
LANGUAGE plpgsql STABLE SET search_path = {schema}, pg_temp AS $$
-- a new row described from its columns (no description from the program), as cp_audit_record
-- describes a row it creates
DECLARE
  changes jsonb := '{{}}'::jsonb;
  key text;
  field text;
  ref text;
  nv jsonb;
BEGIN
  FOR key IN SELECT jsonb_object_keys(rec) LOOP
    CONTINUE WHEN key IN ('id', 'uuid', 'revision', 'created_at', 'updated_at');
    nv := rec -> key;
    CONTINUE WHEN nv IS NULL OR nv IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb);
    field := key;
    ref := cp_audit_reference(relid, key);
    IF ref IS NOT NULL THEN
      field := regexp_replace(key, '_id$', '');
      nv := to_jsonb(cp_audit_label(ref, nv));
    ELSIF key LIKE '%\_at' AND jsonb_typeof(nv) = 'string' THEN
      nv := to_jsonb((nv #>> '{{}}') || '+00:00');  -- instants are kept in UTC without a zone
    END IF;
    changes := changes || jsonb_build_object(field, jsonb_build_array(NULL::jsonb, nv));
  END LOOP;
  RETURN changes::json;
END $$;

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
  INSERT INTO audit_log (at, actor, action, record_type, record_id, record_uuid, record_label,
                         parent_type, parent_id, revision, changes)
  SELECT clock_timestamp() AT TIME ZONE 'UTC', session_user, 'create', TG_TABLE_NAME,
         (n.rec ->> 'id')::integer, coalesce(n.rec ->> 'uuid', ''),
         left(coalesce(CASE WHEN json_typeof(d.note -> 'changes') = 'object'
                            THEN d.note ->> 'label' END,
                       nullif(n.rec ->> 'code', ''), nullif(n.rec ->> 'name_zh', ''),
                       nullif(n.rec ->> 'title_zh', ''), nullif(n.rec ->> 'name', ''),
                       '#' || (n.rec ->> 'id'), ''), 300),
         nullif(TG_ARGV[0], ''),
         CASE WHEN TG_ARGV[1] <> '' THEN (n.rec ->> TG_ARGV[1])::integer END,
         (n.rec ->> 'revision')::integer,
         CASE WHEN json_typeof(d.note -> 'changes') = 'object' THEN d.note -> 'changes'
              ELSE cp_audit_new_changes(TG_RELID, n.rec) END
    FROM (SELECT to_jsonb(t) AS rec FROM cp_new_rows t) AS n
    LEFT JOIN json_each(notes) AS d(key, note)
      ON d.key = TG_TABLE_NAME || ':' || coalesce(n.rec ->> 'uuid', '')
   ORDER BY (n.rec ->> 'id')::integer;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION cp_audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
  previous text;
  restoring boolean := cp_audit_restoring();
  tip text := coalesce(current_setting('campaign_planner.chain_tip', true), '');
  mine text := txid_current()::text || ':';
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('campaign_planner.audit_log'));
  IF restoring AND NEW.row_hash IS NOT NULL THEN  -- a loaded dump keeps its rows as they were
    UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.row_hash
     WHERE last_id <= NEW.id;
    PERFORM set_config('campaign_planner.chain_tip', '', true);
    RETURN NEW;
  END IF;
  IF NOT restoring THEN
    NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
    NEW.at := clock_timestamp() AT TIME ZONE 'UTC';
    NEW.actor := session_user;
  END IF;
  IF starts_with(tip, mine) THEN  -- this transaction chained a row already: go on from it
    SELECT row_hash INTO previous FROM audit_log
     WHERE id = substr(tip, length(mine) + 1)::integer;
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
  PERFORM set_config('campaign_planner.chain_tip', mine || NEW.id::text, true);
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION cp_audit_chain_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
  -- deferred to the commit: of this transaction's new rows, only the newest moves the head
  IF coalesce(current_setting('campaign_planner.chain_tip', true), '')
     = txid_current()::text || ':' || NEW.id::text THEN
    UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.row_hash WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
"""


def _schema() -> str:
    return str(op.get_bind().execute(sa.text("SELECT current_schema()")).scalar_one())


def _audited() -> dict[str, tuple[str, str]]:
    path = Path(__file__).with_name('0008_history_by_database.py')
    spec = importlib.util.spec_from_file_location('cp_migration_0008', path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.AUDITED)


def _functions_of(name: str) -> tuple[str, str]:
    path = Path(__file__).with_name(name)
    spec = importlib.util.spec_from_file_location(f'cp_migration_{name[:4]}', path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.FUNCTIONS), str(module.REFUSED)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    # straight to the driver (the functions' text holds colons), its percent signs doubled
    bind.exec_driver_sql(FUNCTIONS.format(schema=f'"{_schema()}"').replace('%', '%%'))
    for table, (parent, column) in _audited().items():
        op.execute(f'DROP TRIGGER IF EXISTS cp_audit ON "{table}"')
        op.execute(f'CREATE TRIGGER cp_audit AFTER UPDATE OR DELETE ON "{table}" '
                   f"FOR EACH ROW EXECUTE FUNCTION cp_audit_record('{parent}', '{column}')")
        op.execute(f'DROP TRIGGER IF EXISTS cp_audit_created ON "{table}"')
        op.execute(f'CREATE TRIGGER cp_audit_created AFTER INSERT ON "{table}" '
                   'REFERENCING NEW TABLE AS cp_new_rows FOR EACH STATEMENT '
                   f"EXECUTE FUNCTION cp_audit_created('{parent}', '{column}')")
    op.execute('DROP TRIGGER IF EXISTS cp_audit_chain_head ON audit_log')
    op.execute('CREATE CONSTRAINT TRIGGER cp_audit_chain_head AFTER INSERT ON audit_log '
               'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cp_audit_chain_head()')


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    op.execute('DROP TRIGGER IF EXISTS cp_audit_chain_head ON audit_log')
    for table, (parent, column) in _audited().items():
        op.execute(f'DROP TRIGGER IF EXISTS cp_audit_created ON "{table}"')
        op.execute(f'DROP TRIGGER IF EXISTS cp_audit ON "{table}"')
        op.execute(f'CREATE TRIGGER cp_audit AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                   f"FOR EACH ROW EXECUTE FUNCTION cp_audit_record('{parent}', '{column}')")
    for function in ('cp_audit_chain_head()', 'cp_audit_created()',
                     'cp_audit_new_changes(oid, jsonb)'):
        op.execute(f'DROP FUNCTION IF EXISTS {function}')
    # the chain trigger as 0014 wrote it (the head moved by each row)
    functions, refused = _functions_of('0014_history_chain_head.py')
    bind.exec_driver_sql(functions.format(schema=f'"{_schema()}"', refused=refused)
                         .replace('%', '%%'))
