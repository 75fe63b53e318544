"""the history of many updated records written once per statement on PostgreSQL

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 12:05:00

PostgreSQL only (SQLite has no triggers of the history; the program writes it there):

- ``cp_audit_updated``: the history of edited records is written by an AFTER UPDATE trigger FOR
  EACH STATEMENT, reading the rows before and after from transition tables (``REFERENCING OLD
  TABLE ... NEW TABLE``) joined by id: one ``INSERT INTO audit_log ... SELECT`` for a sheet
  import's UPDATE of 1,000 organisations, the program's description of them
  (``campaign_planner.audit_notes``) read once per statement and joined by table and UUID,
  instead of read (and parsed whole) once per row by the per-row trigger. A row the program
  did not describe (an UPDATE typed in psql) is described from its columns, its changed fields
  old -> new with linked records by their labels, and a row whose columns did not change
  leaves no history, as before (``cp_audit_update_changes``). The per-row ``cp_audit``
  triggers now fire on DELETE only.
"""

import importlib.util
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION cp_audit_update_changes(relid oid, old_row jsonb, new_row jsonb)
RETURNS json
LANGUAGE plpgsql STABLE SET search_path = {schema}, pg_temp AS $$
-- an edited row described from its columns (no description from the program), as
-- cp_audit_record describes an UPDATE: '{{}}' when no field changed
DECLARE
  changes jsonb := '{{}}'::jsonb;
  key text;
  field text;
  ref text;
  ov jsonb;
  nv jsonb;
BEGIN
  FOR key IN SELECT jsonb_object_keys(new_row) LOOP
    CONTINUE WHEN key IN ('id', 'uuid', 'revision', 'created_at', 'updated_at');
    ov := old_row -> key;
    nv := new_row -> key;
    CONTINUE WHEN ov IS NOT DISTINCT FROM nv;
    field := key;
    ref := cp_audit_reference(relid, key);
    IF ref IS NOT NULL THEN
      field := regexp_replace(key, '_id$', '');
      ov := to_jsonb(cp_audit_label(ref, ov));
      nv := to_jsonb(cp_audit_label(ref, nv));
    ELSIF key LIKE '%\_at' THEN  -- instants are kept in UTC without a zone
      IF jsonb_typeof(ov) = 'string' THEN ov := to_jsonb((ov #>> '{{}}') || '+00:00'); END IF;
      IF jsonb_typeof(nv) = 'string' THEN nv := to_jsonb((nv #>> '{{}}') || '+00:00'); END IF;
    END IF;
    changes := changes || jsonb_build_object(field, jsonb_build_array(ov, nv));
  END LOOP;
  RETURN changes::json;
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
  INSERT INTO audit_log (at, actor, action, record_type, record_id, record_uuid, record_label,
                         parent_type, parent_id, revision, changes)
  SELECT clock_timestamp() AT TIME ZONE 'UTC', session_user, 'update', TG_TABLE_NAME,
         (e.rec ->> 'id')::integer, coalesce(e.rec ->> 'uuid', ''),
         left(coalesce(CASE WHEN e.described THEN e.note ->> 'label' END,
                       nullif(e.rec ->> 'code', ''), nullif(e.rec ->> 'name_zh', ''),
                       nullif(e.rec ->> 'title_zh', ''), nullif(e.rec ->> 'name', ''),
                       '#' || (e.rec ->> 'id'), ''), 300),
         nullif(TG_ARGV[0], ''),
         CASE WHEN TG_ARGV[1] <> '' THEN (e.rec ->> TG_ARGV[1])::integer END,
         (e.rec ->> 'revision')::integer, e.changes
    FROM (SELECT n.rec, d.note, d.note IS NOT NULL AS described,
                 CASE WHEN d.note IS NOT NULL THEN d.note -> 'changes'
                      ELSE cp_audit_update_changes(TG_RELID, o.rec, n.rec) END AS changes
            FROM (SELECT to_jsonb(t) AS rec FROM cp_new_rows t) AS n
            JOIN (SELECT to_jsonb(t) AS rec FROM cp_old_rows t) AS o
              ON (o.rec -> 'id') = (n.rec -> 'id')
            LEFT JOIN (SELECT key, note FROM json_each(notes) AS j(key, note)
                        WHERE json_typeof(note -> 'changes') = 'object') AS d
              ON d.key = TG_TABLE_NAME || ':' || coalesce(n.rec ->> 'uuid', '')) AS e
   WHERE e.described OR e.changes::jsonb <> '{{}}'::jsonb
   ORDER BY (e.rec ->> 'id')::integer;
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


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    # straight to the driver (the functions' text holds colons), its percent signs doubled
    bind.exec_driver_sql(FUNCTIONS.format(schema=f'"{_schema()}"').replace('%', '%%'))
    for table, (parent, column) in _audited().items():
        op.execute(f'DROP TRIGGER IF EXISTS cp_audit ON "{table}"')
        op.execute(f'CREATE TRIGGER cp_audit AFTER DELETE ON "{table}" '
                   f"FOR EACH ROW EXECUTE FUNCTION cp_audit_record('{parent}', '{column}')")
        op.execute(f'DROP TRIGGER IF EXISTS cp_audit_updated ON "{table}"')
        op.execute(f'CREATE TRIGGER cp_audit_updated AFTER UPDATE ON "{table}" '
                   'REFERENCING OLD TABLE AS cp_old_rows NEW TABLE AS cp_new_rows '
                   'FOR EACH STATEMENT '
                   f"EXECUTE FUNCTION cp_audit_updated('{parent}', '{column}')")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    for table, (parent, column) in _audited().items():
        op.execute(f'DROP TRIGGER IF EXISTS cp_audit_updated ON "{table}"')
        op.execute(f'DROP TRIGGER IF EXISTS cp_audit ON "{table}"')
        op.execute(f'CREATE TRIGGER cp_audit AFTER UPDATE OR DELETE ON "{table}" '
                   f"FOR EACH ROW EXECUTE FUNCTION cp_audit_record('{parent}', '{column}')")
    for function in ('cp_audit_updated()', 'cp_audit_update_changes(oid, jsonb, jsonb)'):
        op.execute(f'DROP FUNCTION IF EXISTS {function}')
