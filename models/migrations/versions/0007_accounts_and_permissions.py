"""accounts and permissions: one login role per person, enforced by PostgreSQL

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10 09:00:00

- ``accounts`` (both back ends): login, name, role (admin, planner, unit, viewer), unit,
  enabled, created_at. On SQLite it stays empty: a file is one person's database.
- On PostgreSQL:
  - the database's four group roles ``<database>_admin|planner|unit|viewer`` (roles belong to
    the whole server: the database's name keeps two databases on one server apart);
  - the role running the migration (the one that ran ``init``, the tables' owner) is recorded
    as the first admin account;
  - functions ``cp_account_add|enable|set_role|password`` that create and change the login
    roles: they run as the owner and refuse anyone but an enabled admin;
  - grants: everyone signed in reads every table; admins and planners write every campaign
    table; units write their own records' tables (and add or edit organisations and people);
    viewers write nothing; history (``audit_log``): INSERT and SELECT only, never UPDATE or
    DELETE; ``accounts``: read only (changed through the functions);
  - row-level security on the unit-owned tables: a unit account's rows are those of trips and
    themed events its unit hosts (with their parts) and its unit's leads and HQ visits.
"""

import sqlalchemy as sa
from alembic import op

from models.accounts.names import AccountRole, group_role
from models.errors import DatabaseError

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

ROLES = [r.value for r in AccountRole]
MY_UNIT = "cp_my_unit()"
OWN_ROWS = {
    # table: the condition a unit account's rows meet
    "trips": f"host_unit_id = {MY_UNIT}",
    "themed_events": f"host_unit_id = {MY_UNIT}",
    "leads": f"unit_id = {MY_UNIT}",
    "hq_visits": f"unit_id = {MY_UNIT}",
    "itinerary_items": "cp_unit_trip(trip_id)",
    "trip_members": "cp_unit_trip(trip_id)",
    "trip_cities": "cp_unit_trip(trip_id)",
    "trip_industries": "cp_unit_trip(trip_id)",
    "trip_targets": "cp_unit_trip(trip_id)",
    "item_attendees": "cp_unit_item(item_id)",
    "item_counterparts": "cp_unit_item(item_id)",
    "agenda_sessions": "cp_unit_event(event_id)",
    "event_industries": "cp_unit_event(event_id)",
    "invitations": "cp_unit_event(event_id)",
    "session_speakers": "cp_unit_session(session_id)",
    "lead_stage_changes": "cp_unit_lead(lead_id)",
}
UNIT_ADDS_AND_EDITS = ("organisations", "people", "code_counters")
NOT_WRITTEN_BY_ACCOUNTS = ("accounts", "alembic_version", "audit_log")
FUNCTIONS = ("cp_account_add(text, text, text, integer, text)", "cp_account_enable(text, boolean)",
             "cp_account_set_role(text, text, integer)", "cp_account_password(text, text)",
             "cp_is_admin()", "cp_my_unit()", "cp_group(text)", "cp_unit_trip(integer)",
             "cp_unit_item(integer)", "cp_unit_event(integer)", "cp_unit_session(integer)",
             "cp_unit_lead(integer)")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def upgrade() -> None:
    bind = op.get_bind()
    if 'accounts' not in sa.inspect(bind).get_table_names():
        op.create_table(
            'accounts',
            sa.Column('id', sa.Integer(), nullable=False),
            sa.Column('login', sa.String(length=63), nullable=False),
            sa.Column('name', sa.String(length=100), nullable=False),
            sa.Column('role', sa.Enum('admin', 'planner', 'unit', 'viewer', name='accountrole',
                                      native_enum=False, length=32), nullable=False),
            sa.Column('unit_id', sa.Integer(), nullable=True),
            sa.Column('enabled', sa.Boolean(), nullable=False),
            sa.Column('created_at', sa.DateTime(), nullable=False),
            sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_accounts_unit_id_units')),
            sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
            sa.UniqueConstraint('login', name=op.f('uq_accounts_login')),
        )
        with op.batch_alter_table('accounts', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_accounts_unit_id'), ['unit_id'], unique=False)
    if bind.dialect.name == 'postgresql':
        _server_side(bind)


def _server_side(bind: sa.engine.Connection) -> None:
    database, owner, schema, may_create = bind.execute(sa.text(
        "SELECT current_database(), current_user, current_schema(), rolsuper OR rolcreaterole "
        "FROM pg_roles WHERE rolname = current_user")).one()
    if not may_create:
        raise DatabaseError(
            f"升级需要创建角色的权限：请先以 postgres 运行 ALTER ROLE {_q(owner)} CREATEROLE，再重新打开",
            f"The upgrade creates roles: run ALTER ROLE {_q(owner)} CREATEROLE as postgres first, "
            "then open the database again")
    groups = {role: group_role(database, role) for role in ROLES}
    for name in groups.values():
        if bind.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is None:
            bind.exec_driver_sql(f"CREATE ROLE {_q(name)} NOLOGIN")
    if bind.execute(sa.text("SELECT 1 FROM accounts WHERE login = :n"), {"n": owner}).first() is None:
        bind.execute(sa.text(
            "INSERT INTO accounts (login, name, role, unit_id, enabled, created_at) "
            "VALUES (:n, :n, 'admin', NULL, true, now() AT TIME ZONE 'UTC')"), {"n": owner})
    _functions(bind, groups)
    _grants(bind, groups, schema, owner)
    _row_security(bind, groups)


def _functions(bind: sa.engine.Connection, groups: dict[str, str]) -> None:
    cases = " ".join(f"WHEN '{role}' THEN '{name}'" for role, name in groups.items())
    helper = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT"
    definer = "LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT"
    refuse = ("IF NOT cp_is_admin() THEN RAISE EXCEPTION 'only admins manage accounts' "
              "USING ERRCODE = 'insufficient_privilege'; END IF;")
    known = ("IF NOT EXISTS (SELECT 1 FROM accounts WHERE login = p_login) OR p_login = current_user "
             "OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login AND rolsuper) THEN "
             "RAISE EXCEPTION 'not an account this function may change: %', p_login "
             "USING ERRCODE = 'insufficient_privilege'; END IF;")
    statements = [
        f"""CREATE OR REPLACE FUNCTION cp_group(p_role text) RETURNS text LANGUAGE sql IMMUTABLE
            AS $$ SELECT CASE p_role {cases} END $$""",
        f"""CREATE OR REPLACE FUNCTION cp_is_admin() RETURNS boolean {helper} AS $$
            SELECT EXISTS (SELECT 1 FROM accounts WHERE login = session_user AND role = 'admin'
                           AND enabled)
                OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper) $$""",
        f"""CREATE OR REPLACE FUNCTION cp_my_unit() RETURNS integer {helper} AS $$
            SELECT unit_id FROM accounts WHERE login = session_user AND role = 'unit'
            AND enabled $$""",
        f"""CREATE OR REPLACE FUNCTION cp_unit_trip(p_id integer) RETURNS boolean {helper} AS $$
            SELECT EXISTS (SELECT 1 FROM trips WHERE id = p_id AND host_unit_id = cp_my_unit()) $$""",
        f"""CREATE OR REPLACE FUNCTION cp_unit_event(p_id integer) RETURNS boolean {helper} AS $$
            SELECT EXISTS (SELECT 1 FROM themed_events WHERE id = p_id
                           AND host_unit_id = cp_my_unit()) $$""",
        f"""CREATE OR REPLACE FUNCTION cp_unit_item(p_id integer) RETURNS boolean {helper} AS $$
            SELECT EXISTS (SELECT 1 FROM itinerary_items WHERE id = p_id
                           AND cp_unit_trip(trip_id)) $$""",
        f"""CREATE OR REPLACE FUNCTION cp_unit_session(p_id integer) RETURNS boolean {helper} AS $$
            SELECT EXISTS (SELECT 1 FROM agenda_sessions WHERE id = p_id
                           AND cp_unit_event(event_id)) $$""",
        f"""CREATE OR REPLACE FUNCTION cp_unit_lead(p_id integer) RETURNS boolean {helper} AS $$
            SELECT EXISTS (SELECT 1 FROM leads WHERE id = p_id AND unit_id = cp_my_unit()) $$""",
        f"""CREATE OR REPLACE FUNCTION cp_account_add(p_login text, p_name text, p_role text,
                p_unit integer, p_password text) RETURNS void {definer} AS $$
            BEGIN
              {refuse}
              IF cp_group(p_role) IS NULL THEN
                RAISE EXCEPTION 'not a role: %', p_role USING ERRCODE = 'invalid_parameter_value';
              END IF;
              EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_login, p_password,
                             cp_group(p_role));
              INSERT INTO accounts (login, name, role, unit_id, enabled, created_at)
              VALUES (p_login, p_name, p_role, p_unit, true, now() AT TIME ZONE 'UTC');
            END $$""",
        f"""CREATE OR REPLACE FUNCTION cp_account_enable(p_login text, p_enabled boolean)
                RETURNS void {definer} AS $$
            BEGIN
              {refuse}
              {known}
              EXECUTE format('ALTER ROLE %I ' || CASE WHEN p_enabled THEN 'LOGIN' ELSE 'NOLOGIN' END,
                             p_login);
              UPDATE accounts SET enabled = p_enabled WHERE login = p_login;
            END $$""",
        f"""CREATE OR REPLACE FUNCTION cp_account_set_role(p_login text, p_role text, p_unit integer)
                RETURNS void {definer} AS $$
            DECLARE old_role text;
            BEGIN
              {refuse}
              {known}
              IF cp_group(p_role) IS NULL THEN
                RAISE EXCEPTION 'not a role: %', p_role USING ERRCODE = 'invalid_parameter_value';
              END IF;
              SELECT role INTO old_role FROM accounts WHERE login = p_login;
              IF old_role <> p_role THEN
                EXECUTE format('REVOKE %I FROM %I', cp_group(old_role), p_login);
                EXECUTE format('GRANT %I TO %I', cp_group(p_role), p_login);
              END IF;
              UPDATE accounts SET role = p_role, unit_id = p_unit WHERE login = p_login;
            END $$""",
        f"""CREATE OR REPLACE FUNCTION cp_account_password(p_login text, p_password text)
                RETURNS void {definer} AS $$
            BEGIN
              {refuse}
              {known}
              EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password);
            END $$""",
    ]
    for sql in statements:
        bind.exec_driver_sql(sql.replace("%", "%%"))  # the driver's placeholders are %
    for name in ("cp_account_add(text, text, text, integer, text)",
                 "cp_account_enable(text, boolean)", "cp_account_set_role(text, text, integer)",
                 "cp_account_password(text, text)"):
        bind.exec_driver_sql(f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC")
        bind.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {name} TO {_q(groups['admin'])}")


def _grants(bind: sa.engine.Connection, groups: dict[str, str], schema: str, owner: str) -> None:
    everyone = ", ".join(_q(g) for g in groups.values())
    planners = f"{_q(groups['admin'])}, {_q(groups['planner'])}"
    writers = f"{planners}, {_q(groups['unit'])}"
    tables = sorted(t for t in sa.inspect(bind).get_table_names(schema=schema))
    fixed = [t for t in tables if t not in NOT_WRITTEN_BY_ACCOUNTS]
    sql = [
        f"GRANT USAGE ON SCHEMA {_q(schema)} TO {everyone}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {_q(schema)} TO {everyone}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {_q(schema)} TO {writers}",
        f"GRANT INSERT ON audit_log TO {writers}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(_q(t) for t in fixed)} TO {planners}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(_q(t) for t in OWN_ROWS)} TO {_q(groups['unit'])}",
        f"GRANT INSERT, UPDATE ON {', '.join(UNIT_ADDS_AND_EDITS)} TO {_q(groups['unit'])}",
        # tables later migrations add: readable by all, written by planners and admins
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {_q(owner)} IN SCHEMA {_q(schema)} "
        f"GRANT SELECT ON TABLES TO {everyone}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {_q(owner)} IN SCHEMA {_q(schema)} "
        f"GRANT INSERT, UPDATE, DELETE ON TABLES TO {planners}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {_q(owner)} IN SCHEMA {_q(schema)} "
        f"GRANT USAGE, SELECT ON SEQUENCES TO {writers}",
    ]
    for statement in sql:
        bind.exec_driver_sql(statement)


def _row_security(bind: sa.engine.Connection, groups: dict[str, str]) -> None:
    planners = f"{_q(groups['admin'])}, {_q(groups['planner'])}"
    for table, own in OWN_ROWS.items():
        for policy in ("cp_read", "cp_planners", "cp_unit"):
            bind.exec_driver_sql(f"DROP POLICY IF EXISTS {policy} ON {table}")
        bind.exec_driver_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        bind.exec_driver_sql(f"CREATE POLICY cp_read ON {table} FOR SELECT USING (true)")
        bind.exec_driver_sql(f"CREATE POLICY cp_planners ON {table} FOR ALL TO {planners} "
                             "USING (true) WITH CHECK (true)")
        bind.exec_driver_sql(f"CREATE POLICY cp_unit ON {table} FOR ALL TO {_q(groups['unit'])} "
                             f"USING ({own}) WITH CHECK ({own})")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'postgresql':
        database, schema = bind.execute(sa.text("SELECT current_database(), current_schema()")).one()
        for table in OWN_ROWS:
            for policy in ("cp_read", "cp_planners", "cp_unit"):
                bind.exec_driver_sql(f"DROP POLICY IF EXISTS {policy} ON {table}")
            bind.exec_driver_sql(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for name in FUNCTIONS:
            bind.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name}")
        for role in ROLES:
            group = group_role(database, role)
            bind.exec_driver_sql(f"DROP OWNED BY {_q(group)}")  # its grants in this database
    op.drop_table('accounts')
