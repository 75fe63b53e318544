"""A PostgreSQL server for the tests.

The server named by ``CAMPAIGN_PLANNER_TEST_PG`` (a URL of a maintenance database on a server
where that role may create databases), or else a throw-away cluster started from Debian's
binaries (``/usr/lib/postgresql/*/bin``) in a temporary folder, on 127.0.0.1 and a free port.
127.0.0.1 trusts every role; the cluster's Unix socket asks for passwords (the accounts' tests
sign in there). ``initdb`` refuses to run as root: as root the cluster runs as the ``postgres`` user that
Debian's package creates. Each test then gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

PG_URL_VAR = "CAMPAIGN_PLANNER_TEST_PG"
SERVER_USER = "postgres"


class PgUnavailableError(Exception):
    """No PostgreSQL server can be used: the message says why."""


@dataclass
class PgServer:
    """A reachable server: ``admin_url`` names a database to issue CREATE DATABASE from."""

    admin_url: URL
    data_dir: Path | None = None  # set for a throw-away cluster that we started
    run_as: list[str] = field(default_factory=list)
    socket_dir: Path | None = None
    """Where a throw-away cluster listens on a Unix socket, which asks for passwords
    (scram-sha-256), while 127.0.0.1 trusts every role: the accounts' tests sign in there."""
    _names: itertools.count[int] = field(default_factory=itertools.count)

    def url_for(self, database: str) -> str:
        return self.admin_url.set(database=database).render_as_string(hide_password=False)

    def new_database_name(self) -> str:
        return f"cp_test_{os.getpid()}_{next(self._names)}"

    def create_database(self, name: str, template: str | None = None) -> str:
        clause = f' TEMPLATE "{template}"' if template else ""
        self._admin(f'CREATE DATABASE "{name}"{clause} ENCODING \'UTF8\'')
        return self.url_for(name)

    def password_url(self, database: str, login: str, password: str | None) -> str:
        """URL of ``database`` as ``login``, through the socket that asks for a password."""
        if self.socket_dir is None:
            raise PgUnavailableError("only a throw-away cluster has a socket that asks for passwords")
        url = self.admin_url.set(username=login, password=password, database=database, host=None,
                                 query={"host": str(self.socket_dir)})
        return url.render_as_string(hide_password=False)

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._drop_roles_of(name)

    def _drop_roles_of(self, database: str) -> None:
        """Roles belong to the whole server: drop the database's group roles (``<name>_admin``
        …, see models/accounts/names.py) and the login roles in them."""
        groups = [f"{database}_{role}" for role in ("admin", "planner", "unit", "viewer")]
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                members = conn.execute(text(
                    "SELECT DISTINCT m.rolname FROM pg_auth_members am "
                    "JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member "
                    "WHERE g.rolname = ANY(:groups) AND NOT m.rolsuper"), {"groups": groups}
                ).scalars().all()
                existing = conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:g)"),
                                        {"g": groups}).scalars().all()
                for role in [*members, *existing]:
                    conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        finally:
            engine.dispose()

    def terminate_connections(self, database: str) -> int:
        """Cut every connection to ``database`` (a server restart, as its clients see it)."""
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                rows = conn.execute(
                    text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE datname = :name AND pid <> pg_backend_pid()"),
                    {"name": database},
                ).all()
        finally:
            engine.dispose()
        return len(rows)

    def stop(self) -> None:
        if self.data_dir is None:
            return
        ctl = _binary("pg_ctl")
        subprocess.run([*self.run_as, str(ctl), "-D", str(self.data_dir), "-m", "immediate",
                        "stop"], capture_output=True, check=False)
        shutil.rmtree(self.data_dir.parent, ignore_errors=True)

    def _admin(self, sql: str) -> None:
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql(sql)
        finally:
            engine.dispose()


def find_server() -> PgServer:
    """The configured server, or a new throw-away cluster; raises PgUnavailableError."""
    configured = os.environ.get(PG_URL_VAR, "").strip()
    if configured:
        url = make_url(configured)
        if url.get_backend_name() != "postgresql":
            raise PgUnavailableError(f"{PG_URL_VAR}={configured!r} is not a postgresql:// URL")
        server = PgServer(url.set(drivername="postgresql+psycopg"))
        _check_reachable(server)
        return server
    return start_cluster()


def _bin_dirs() -> list[Path]:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                   key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)
    return [p for p in reversed(found) if (p / "initdb").exists()]


def _binary(name: str) -> Path:
    dirs = _bin_dirs()
    if not dirs:
        raise PgUnavailableError("no PostgreSQL binaries in /usr/lib/postgresql/*/bin "
                            f"(apt-get install postgresql, or set {PG_URL_VAR})")
    return dirs[0] / name


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(cmd: Sequence[str], what: str) -> None:
    done = subprocess.run(list(cmd), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PgUnavailableError(f"{what} failed ({done.returncode}): {done.stderr.strip() or done.stdout}")


def start_cluster() -> PgServer:
    """initdb + pg_ctl start in a temporary folder, trust authentication on 127.0.0.1 only."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    run_as: list[str] = []
    root = os.geteuid() == 0
    # as root the server user must reach the folder: /tmp, whatever TMPDIR says
    base = Path(tempfile.mkdtemp(prefix="campaign-planner-pg-", dir="/tmp" if root else None))
    if root:
        try:
            owner = pwd.getpwnam(SERVER_USER)
        except KeyError as exc:
            raise PgUnavailableError(f"running as root and there is no '{SERVER_USER}' user to run "
                                "the server as") from exc
        runuser = shutil.which("runuser")
        if runuser is None:
            raise PgUnavailableError("running as root and runuser is missing")
        os.chown(base, owner.pw_uid, owner.pw_gid)
        run_as = [runuser, "-u", SERVER_USER, "--"]
    data, log = base / "data", base / "server.log"
    port = _free_port()
    try:
        _run([*run_as, str(initdb), "-D", str(data), "-U", SERVER_USER, "--auth-host=trust",
              "--auth-local=scram-sha-256",
              "-E", "UTF8", "--no-locale", "--no-sync"], "initdb")
        options = (f"-h 127.0.0.1 -p {port} -k {base} -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=200")
        _run([*run_as, str(pg_ctl), "-D", str(data), "-l", str(log), "-o", options, "-w",
              "-t", "60", "start"], "pg_ctl start")
    except PgUnavailableError as exc:
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        raise PgUnavailableError(f"{exc}\n{detail}".strip()) from None
    url = URL.create("postgresql+psycopg", username=SERVER_USER, host="127.0.0.1", port=port,
                     database="postgres")
    server = PgServer(url, data_dir=data, run_as=run_as, socket_dir=base)
    _check_reachable(server)
    return server


def _check_reachable(server: PgServer) -> None:
    engine = create_engine(server.admin_url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        raise PgUnavailableError(f"cannot reach PostgreSQL at "
                            f"{server.admin_url.render_as_string(hide_password=True)}: {exc}") from exc
    finally:
        engine.dispose()
