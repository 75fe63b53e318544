"""planners confirm: only planners and admins confirm the results the leaderboard counts

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-12 09:00:00

PostgreSQL only (a SQLite file is one person's):

- ``cp_confirms()``: whether the role signed in (``session_user``) confirms results: a member of
  the database's planner or admin group role, an enabled admin or planner account, or a
  superuser;
- ``cp_confirm_guard``: BEFORE INSERT OR UPDATE on ``leads`` and ``hq_visits``. A change of
  ``confirmed_at`` / ``confirmed_by`` by anyone else is refused (``insufficient_privilege``),
  except clearing the confirmation together with a change of a counted field (a unit edits its
  confirmed project: the app clears the confirmation, and the database lets it). A counted field
  changed without touching the confirmation (``psql``) clears it too, whoever changes it, and a
  confirmation records the role signed in as ``confirmed_by``. The counted fields are the
  trigger's arguments (those of ``models/operations/confirmations.py``). Loading a dump
  (``campaign_planner.restoring``) keeps the rows as they are.
"""

from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

# table -> the fields whose change clears a confirmation (LEAD_COUNTED, VISIT_COUNTED)
COUNTED = {
    "leads": ("stage", "amount_cny", "signed_on", "unit_id", "campaign_id"),
    "hq_visits": ("status", "visited_on", "unit_id", "campaign_id"),
}
REFUSED = "只有计划员和管理员可以确认成果 (only planners and admins confirm results)"

FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION cp_confirms() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT pg_has_role(session_user, cp_group('planner'), 'MEMBER')
      OR pg_has_role(session_user, cp_group('admin'), 'MEMBER')
      OR EXISTS (SELECT 1 FROM accounts WHERE login = session_user
                 AND role IN ('admin', 'planner') AND enabled)
      OR cp_is_admin()
$$;

CREATE OR REPLACE FUNCTION cp_confirm_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  counted boolean := false;
  field text;
BEGIN
  IF cp_audit_restoring() THEN RETURN NEW; END IF;
  IF TG_OP = 'INSERT' THEN
    IF (NEW.confirmed_at IS NOT NULL OR coalesce(NEW.confirmed_by, '') <> '')
       AND NOT cp_confirms() THEN
      RAISE EXCEPTION '{REFUSED}' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.confirmed_at IS NOT NULL THEN NEW.confirmed_by := session_user; END IF;
    RETURN NEW;
  END IF;
  FOREACH field IN ARRAY TG_ARGV LOOP
    IF (to_jsonb(NEW) -> field) IS DISTINCT FROM (to_jsonb(OLD) -> field) THEN
      counted := true;
    END IF;
  END LOOP;
  IF NEW.confirmed_at IS NOT DISTINCT FROM OLD.confirmed_at
     AND NEW.confirmed_by IS NOT DISTINCT FROM OLD.confirmed_by THEN
    IF counted AND OLD.confirmed_at IS NOT NULL THEN  -- a counted change clears it
      NEW.confirmed_at := NULL;
      NEW.confirmed_by := '';
    END IF;
    RETURN NEW;
  END IF;
  IF cp_confirms() THEN
    IF NEW.confirmed_at IS NOT NULL THEN NEW.confirmed_by := session_user; END IF;
    RETURN NEW;
  END IF;
  IF counted AND NEW.confirmed_at IS NULL AND coalesce(NEW.confirmed_by, '') = '' THEN
    RETURN NEW;  -- a unit's counted change, cleared by the app
  END IF;
  RAISE EXCEPTION '{REFUSED}' USING ERRCODE = 'insufficient_privilege';
END $$;
"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    bind.exec_driver_sql(FUNCTIONS)
    for table, fields in COUNTED.items():
        args = ", ".join(f"'{f}'" for f in fields)
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS cp_confirm_guard ON {table}")
        bind.exec_driver_sql(
            f"CREATE TRIGGER cp_confirm_guard BEFORE INSERT OR UPDATE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION cp_confirm_guard({args})")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    for table in COUNTED:
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS cp_confirm_guard ON {table}")
    bind.exec_driver_sql("DROP FUNCTION IF EXISTS cp_confirm_guard()")
    bind.exec_driver_sql("DROP FUNCTION IF EXISTS cp_confirms()")

