"""history by the database: triggers record every change on PostgreSQL, a hash chain, confirmations

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 07:40:00

- ``audit_log.row_hash``: sha256(previous row's hash || the row's content) (models/audit/chain.py).
  The rows already there are chained in id order, so an upgraded database verifies intact.
- ``leads`` and ``hq_visits``: ``confirmed_at`` / ``confirmed_by``, a planner's confirmation of
  the results the leaderboard counts.
- PostgreSQL only:
  - ``cp_audit_record``: an AFTER INSERT/UPDATE/DELETE trigger on every audited table writes
    the history row itself, with ``session_user`` as the actor and the server's clock. The
    program describes its changes (field labels, the labels of linked records) in the
    transaction-local setting ``campaign_planner.audit_notes``; a change made without the
    program (psql) is described from the row's columns;
  - ``cp_audit_part``: the same on the parts that are not records of their own (a delegation's
    members, an event's invitations, a trip's cities): a change made without the program is
    recorded as a change of the record they belong to;
  - ``cp_audit_chain``: BEFORE INSERT on ``audit_log``: under ``pg_advisory_xact_lock`` it
    numbers the row, stamps the actor and the time, and computes ``row_hash``;
  - ``cp_audit_guard``: UPDATE, DELETE and TRUNCATE of ``audit_log`` are refused, even for its
    owner; ``REVOKE UPDATE, DELETE, TRUNCATE ... FROM PUBLIC``, and INSERT too from every
    account's role (0007 let writers insert the program's rows; the triggers write them now);
  - ``campaign_planner.restoring = on`` lets the owner (or a superuser) load a dump as it is
    (``load``): its rows, ids, actors and hashes kept, the tables' own triggers quiet.
"""

import sqlalchemy as sa
from alembic import op

from models.audit.chain import chain_unhashed

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# audited table -> (its parent's table, the column naming the parent)
AUDITED = {
    'campaigns': ('', ''), 'trips': ('', ''), 'itinerary_items': ('trips', 'trip_id'),
    'themed_events': ('', ''), 'agenda_sessions': ('themed_events', 'event_id'),
    'people': ('', ''), 'organisations': ('', ''), 'leads': ('', ''), 'hq_visits': ('', ''),
    'teams': ('', ''),
}
# a part that is not a record of its own (a delegation member, an invitation, a city of a trip)
# -> (the record it belongs to, the column naming it, the field it is, the record's own parent
# and the column naming that); changed without the program, it is a change of that record
PARTS = {
    'trip_members': ('trips', 'trip_id', 'members', '', ''),
    'trip_cities': ('trips', 'trip_id', 'cities', '', ''),
    'trip_industries': ('trips', 'trip_id', 'industries', '', ''),
    'trip_targets': ('trips', 'trip_id', 'targets', '', ''),
    'item_attendees': ('itinerary_items', 'item_id', 'attendees', 'trips', 'trip_id'),
    'item_counterparts': ('itinerary_items', 'item_id', 'counterparts', 'trips', 'trip_id'),
    'event_industries': ('themed_events', 'event_id', 'industries', '', ''),
    'invitations': ('themed_events', 'event_id', 'invitations', '', ''),
    'session_speakers': ('agenda_sessions', 'session_id', 'speakers', 'themed_events',
                         'event_id'),
    'team_members': ('teams', 'team_id', 'members', '', ''),
    'lead_stage_changes': ('leads', 'lead_id', 'stage_changes', '', ''),
}
REFUSED = "修改记录不可更改或删除 (the history cannot be changed or deleted)"

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION cp_audit_restoring() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
  SELECT coalesce(current_setting('campaign_planner.restoring', true), '') = 'on'
     AND (pg_has_role(session_user, (SELECT relowner FROM pg_class
                                     WHERE oid = 'audit_log'::regclass), 'MEMBER')
          OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false))
$$;

CREATE OR REPLACE FUNCTION cp_audit_reference(relid oid, col text) RETURNS text
LANGUAGE sql STABLE SET search_path = {schema}, pg_temp AS $$
  SELECT target.relname::text FROM pg_constraint k
    JOIN pg_class target ON target.oid = k.confrelid
    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
   WHERE k.conrelid = relid AND k.contype = 'f' AND cardinality(k.conkey) = 1
     AND a.attname = col
   LIMIT 1
$$;

CREATE OR REPLACE FUNCTION cp_audit_label(tbl text, ident jsonb) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = {schema}, pg_temp AS $$
DECLARE found jsonb;
BEGIN
  IF ident IS NULL OR jsonb_typeof(ident) = 'null' THEN RETURN NULL; END IF;
  EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE id = $1', tbl)
     INTO found USING (ident #>> '{{}}')::integer;
  RETURN coalesce(nullif(found ->> 'code', ''), nullif(found ->> 'name_zh', ''),
                  nullif(found ->> 'title_zh', ''), nullif(found ->> 'name', ''),
                  '#' || (ident #>> '{{}}'));
END $$;

CREATE OR REPLACE FUNCTION cp_audit_record() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
  new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
  old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
  rec jsonb := coalesce(new_row, old_row);
  act text := CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END;
  notes json;  -- json, not jsonb: the program's order of keys is kept
  note json;
  described json;
  changes jsonb := '{{}}'::jsonb;
  label text;
  key text;
  field text;
  ref text;
  ov jsonb;
  nv jsonb;
BEGIN
  IF cp_audit_restoring() THEN RETURN NULL; END IF;
  BEGIN
    notes := nullif(current_setting('campaign_planner.audit_notes', true), '')::json;
  EXCEPTION WHEN others THEN
    notes := NULL;
  END;
  note := notes -> (TG_TABLE_NAME || ':' || coalesce(rec ->> 'uuid', ''));
  IF note IS NOT NULL AND json_typeof(note -> 'changes') = 'object' THEN
    described := note -> 'changes';
    label := note ->> 'label';
  ELSE
    FOR key IN SELECT jsonb_object_keys(rec) LOOP
      CONTINUE WHEN key IN ('id', 'uuid', 'revision', 'created_at', 'updated_at');
      ov := old_row -> key;
      nv := new_row -> key;
      CONTINUE WHEN ov IS NOT DISTINCT FROM nv;
      CONTINUE WHEN act <> 'update'
                AND coalesce(nv, ov) IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb);
      field := key;
      ref := cp_audit_reference(TG_RELID, key);
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
    IF act = 'update' AND changes = '{{}}'::jsonb THEN RETURN NULL; END IF;
    label := coalesce(nullif(rec ->> 'code', ''), nullif(rec ->> 'name_zh', ''),
                      nullif(rec ->> 'title_zh', ''), nullif(rec ->> 'name', ''),
                      '#' || (rec ->> 'id'));
    described := changes::json;
  END IF;
  INSERT INTO audit_log (at, actor, action, record_type, record_id, record_uuid, record_label,
                         parent_type, parent_id, revision, changes)
  VALUES (clock_timestamp() AT TIME ZONE 'UTC', session_user, act, TG_TABLE_NAME,
          (rec ->> 'id')::integer, coalesce(rec ->> 'uuid', ''), left(coalesce(label, ''), 300),
          nullif(TG_ARGV[0], ''),
          CASE WHEN TG_ARGV[1] <> '' THEN (rec ->> TG_ARGV[1])::integer END,
          (rec ->> 'revision')::integer, described);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION cp_audit_part_text(relid oid, part json, own text) RETURNS json
LANGUAGE sql STABLE SET search_path = {schema}, pg_temp AS $$
  -- [{{"person": "王建国", "role": "leader"}}]: the part in its columns' order, linked records
  -- by their labels, without the column naming its record; [] for none
  SELECT CASE WHEN part IS NULL THEN '[]'::json ELSE json_build_array(coalesce((
    SELECT json_object_agg(
             CASE WHEN ref IS NULL THEN e.key ELSE regexp_replace(e.key, '_id$', '') END,
             CASE WHEN ref IS NULL THEN e.value
                  ELSE to_json(cp_audit_label(ref, e.value::jsonb)) END
             ORDER BY e.n)
      FROM json_each(part) WITH ORDINALITY AS e(key, value, n),
           LATERAL (SELECT cp_audit_reference(relid, e.key) AS ref) AS r
     WHERE e.key NOT IN (own, 'id', 'position')), '{{}}'::json)) END
$$;

CREATE OR REPLACE FUNCTION cp_audit_part() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
  new_row json := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE row_to_json(NEW) END;
  old_row json := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE row_to_json(OLD) END;
  owner_table text := TG_ARGV[0];
  owner_column text := TG_ARGV[1];
  field text := TG_ARGV[2];
  owner_id integer := (coalesce(new_row, old_row) ->> owner_column)::integer;
  owner jsonb;
  notes json;
  before json;
  after json;
BEGIN
  IF cp_audit_restoring() THEN RETURN NULL; END IF;
  EXECUTE format('SELECT to_jsonb(t) FROM %I t WHERE id = $1', owner_table)
     INTO owner USING owner_id;
  IF owner IS NULL THEN RETURN NULL; END IF;  -- the record itself is gone: its delete says it
  BEGIN
    notes := nullif(current_setting('campaign_planner.audit_notes', true), '')::json;
  EXCEPTION WHEN others THEN
    notes := NULL;
  END;
  IF notes -> (owner_table || ':' || (owner ->> 'uuid')) IS NOT NULL THEN
    RETURN NULL;  -- the program describes this change in the record's own row
  END IF;
  before := cp_audit_part_text(TG_RELID, old_row, owner_column);
  after := cp_audit_part_text(TG_RELID, new_row, owner_column);
  IF before::jsonb = after::jsonb THEN RETURN NULL; END IF;
  INSERT INTO audit_log (at, actor, action, record_type, record_id, record_uuid, record_label,
                         parent_type, parent_id, revision, changes)
  VALUES (clock_timestamp() AT TIME ZONE 'UTC', session_user, 'update', owner_table, owner_id,
          coalesce(owner ->> 'uuid', ''),
          left(coalesce(nullif(owner ->> 'code', ''), nullif(owner ->> 'name_zh', ''),
                        nullif(owner ->> 'title_zh', ''), nullif(owner ->> 'name', ''),
                        '#' || owner_id), 300),
          nullif(TG_ARGV[3], ''),
          CASE WHEN TG_ARGV[4] <> '' THEN (owner ->> TG_ARGV[4])::integer END,
          (owner ->> 'revision')::integer, json_build_object(field, json_build_array(before, after)));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION cp_audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
DECLARE
  previous text;
  restoring boolean := cp_audit_restoring();
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('campaign_planner.audit_log'));
  IF restoring AND NEW.row_hash IS NOT NULL THEN
    RETURN NEW;  -- a loaded dump keeps its rows as they were
  END IF;
  IF NOT restoring THEN
    NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
    NEW.at := clock_timestamp() AT TIME ZONE 'UTC';
    NEW.actor := session_user;
  END IF;
  SELECT row_hash INTO previous FROM audit_log ORDER BY id DESC LIMIT 1;
  NEW.row_hash := encode(sha256(convert_to(concat_ws(E'\x1f',
      coalesce(previous, ''), NEW.id::text, to_char(NEW.at, 'YYYY-MM-DD"T"HH24:MI:SS.US'),
      NEW.actor, NEW.action, NEW.record_type, NEW.record_id::text,
      coalesce(NEW.record_uuid, ''), coalesce(NEW.record_label, ''),
      coalesce(NEW.parent_type, ''), coalesce(NEW.parent_id::text, ''),
      coalesce(NEW.revision::text, ''), coalesce(NEW.changes::jsonb::text, 'null')),
    'UTF8')), 'hex');
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION cp_audit_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
BEGIN
  IF TG_OP = 'DELETE' AND cp_audit_restoring() THEN
    RETURN OLD;  -- the owner replacing the whole database with a dump (load --force)
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
     WHERE c.oid = 'audit_log'::regclass AND a.grantee <> 0 AND a.grantee <> c.relowner
       AND a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
  LOOP
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM %I', grantee);
  END LOOP;
END $$;
"""


def _postgres_upgrade() -> None:
    bind = op.get_bind()
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar_one()
    # straight to the driver (the functions' text holds colons), its percent signs doubled
    bind.exec_driver_sql(FUNCTIONS.format(schema=f'"{schema}"', refused=REFUSED).replace('%', '%%'))
    for table, (parent, column) in AUDITED.items():
        op.execute(f'DROP TRIGGER IF EXISTS cp_audit ON "{table}"')
        op.execute(f'CREATE TRIGGER cp_audit AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                   f"FOR EACH ROW EXECUTE FUNCTION cp_audit_record('{parent}', '{column}')")
    for table, (owner, column, field, grand, grand_column) in PARTS.items():
        op.execute(f'DROP TRIGGER IF EXISTS cp_audit ON "{table}"')
        op.execute(f'CREATE TRIGGER cp_audit AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
                   f"FOR EACH ROW EXECUTE FUNCTION cp_audit_part('{owner}', '{column}', "
                   f"'{field}', '{grand}', '{grand_column}')")
    op.execute("CREATE TRIGGER cp_audit_chain BEFORE INSERT ON audit_log "
               "FOR EACH ROW EXECUTE FUNCTION cp_audit_chain()")
    op.execute("CREATE TRIGGER cp_audit_guard BEFORE UPDATE OR DELETE ON audit_log "
               "FOR EACH ROW EXECUTE FUNCTION cp_audit_guard()")
    op.execute("CREATE TRIGGER cp_audit_no_truncate BEFORE TRUNCATE ON audit_log "
               "FOR EACH STATEMENT EXECUTE FUNCTION cp_audit_guard()")
    op.execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC")
    # the triggers write the history now: no account inserts, changes or deletes a row itself
    bind.exec_driver_sql(REVOKE_WRITES.replace('%', '%%'))


def upgrade() -> None:
    bind = op.get_bind()
    columns = {c['name'] for c in sa.inspect(bind).get_columns('audit_log')}
    if 'row_hash' in columns:
        return  # a re-run over a schema that already has all of it
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('row_hash', sa.String(length=64), nullable=True))
    for table in ('leads', 'hq_visits'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('confirmed_at', sa.DateTime(), nullable=True))
            batch_op.add_column(sa.Column('confirmed_by', sa.String(length=200), nullable=False,
                                          server_default=''))
    chain_unhashed(bind, head=False)  # the history so far, chained in id order (no head yet)
    if bind.dialect.name == 'postgresql':
        _postgres_upgrade()


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        for table in (*AUDITED, *PARTS):
            op.execute(f'DROP TRIGGER IF EXISTS cp_audit ON "{table}"')
        for trigger in ('cp_audit_chain', 'cp_audit_guard', 'cp_audit_no_truncate'):
            op.execute(f'DROP TRIGGER IF EXISTS {trigger} ON audit_log')
        for function in ('cp_audit_record()', 'cp_audit_part()', 'cp_audit_chain()',
                         'cp_audit_guard()', 'cp_audit_part_text(oid, json, text)',
                         'cp_audit_label(text, jsonb)', 'cp_audit_reference(oid, text)',
                         'cp_audit_restoring()'):
            op.execute(f'DROP FUNCTION IF EXISTS {function}')
    for table in ('hq_visits', 'leads'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('confirmed_by')
            batch_op.drop_column('confirmed_at')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_column('row_hash')
