"""Opening a campaign database: the default SQLite file, pragmas, and migrations on open."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from models.concurrency import PlannerSession
from models.errors import DatabaseError, DatabaseURLError, MissingDatabaseError, SignInError

if TYPE_CHECKING:
    from alembic.config import Config

ENV_VAR = "CAMPAIGN_PLANNER_DB"
APP_NAME = "CampaignPlanner"
APP_AUTHOR = "CampaignPlanner"
MIGRATIONS = Path(__file__).with_name("migrations")


def default_url() -> str:
    """The URL used when neither ``--db`` nor ``CAMPAIGN_PLANNER_DB`` says otherwise."""
    folder = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return f"sqlite:///{folder / 'campaign.db'}"


def resolve_url(url: str | None = None) -> str:
    """``--db`` first, then the environment variable, then the per-user SQLite file.

    A bare file path is accepted and taken as a SQLite file.
    """
    chosen = url or os.environ.get(ENV_VAR) or default_url()
    if "://" not in chosen:
        chosen = f"sqlite:///{Path(chosen).expanduser().resolve()}"
    return chosen


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


_PASSWORD_IN_URL = re.compile(r"(://[^:/@?#]*:)[^/?#]*@")


def shown_url(url: str) -> str:
    """``url`` as it may be shown or logged: never with its password
    (``postgresql://unit:***@10.20.1.5/campaign``), even when it is not a valid URL."""
    try:
        parsed = make_url(url)
        if parsed.password is None:
            return url  # nothing to hide; the text as typed (Chinese paths not %-encoded)
        return parsed.render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return _PASSWORD_IN_URL.sub(r"\1***@", url)


def create_db_engine(url: str) -> Engine:
    """An engine for ``url`` with the pragmas and settings the planner relies on."""
    try:
        parsed = make_url(url)
        parsed.get_dialect()
    except (ArgumentError, ValueError, NoSuchModuleError) as exc:
        shown = shown_url(url)
        raise DatabaseURLError(f"数据库地址无效：{shown}", f"Not a database URL: {shown}") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
    elif parsed.get_backend_name() == "postgresql":
        engine = create_engine(parsed, pool_pre_ping=True)
    else:
        engine = create_engine(parsed)
    event.listen(engine, "handle_error", _connection_trouble)
    return engine


def _connection_trouble(context: ExceptionContext) -> BaseException | None:
    """A refused, lost or busy connection becomes one clear DatabaseError.

    After a lost connection the pool drops it; the next action (a retry) reconnects, since
    PostgreSQL connections are checked before use (``pool_pre_ping``).
    """
    if context.is_pre_ping or not (context.is_disconnect or isinstance(
            context.sqlalchemy_exception, OperationalError)):
        return None
    where = context.engine.url.render_as_string(hide_password=True) if context.engine else ""
    detail = _first_line(context.original_exception)
    if context.is_disconnect:
        return DatabaseError(
            f"与数据库的连接已断开：{where}（{detail}）。未保存的内容仍在，请检查网络或服务器后重试。",
            f"The connection to the database {where} was lost ({detail}). Unsaved input is "
            "kept; check the network or the server and try again.",
        )
    if context.connection is None and ("no password supplied" in detail
                                       or "password authentication failed" in detail):
        wrong = "password authentication failed" in detail
        return SignInError(
            f"{'用户名或密码错误' if wrong else '服务器要求登录'}：{where}",
            f"{'Wrong login or password' if wrong else 'The server asks for a password'}: {where}",
            wrong_password=wrong)
    if context.connection is None:
        return DatabaseError(
            f"无法连接数据库：{where}（{detail}）", f"Cannot connect to the database {where}: {detail}"
        )
    if "locked" in detail or "busy" in detail:
        return DatabaseError(
            f"数据库正被他人写入，请稍后重试：{where}（{detail}）",
            f"The database {where} is busy with someone else's change; try again: {detail}",
        )
    return DatabaseError(f"数据库出错：{where}（{detail}）", f"The database {where} failed: {detail}")


def alembic_config(engine_url: str | None = None) -> Config:
    from alembic.config import Config  # Alembic only to migrate: a read opens without it

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine_url:
        cfg.set_main_option("sqlalchemy.url", engine_url.replace("%", "%%"))
    return cfg


def schema_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None when it has no schema yet."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*['\"]?([^'\"\s]*)['\"]?\s*$",
                            re.MULTILINE)


@cache
def known_revisions() -> tuple[frozenset[str], str]:
    """Every revision of the migrations folder, and the head: read from the files' own
    ``revision = "…"`` and ``down_revision = "…"`` lines, without loading Alembic (a few
    milliseconds; a test checks the answer against Alembic's)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((name, value) for name, value in _REVISION_LINE.findall(
            path.read_text(encoding="utf-8")))
        if found.get("revision"):
            revisions.add(found["revision"])
            if found.get("down_revision") not in (None, "", "None"):
                parents.add(found["down_revision"])
    heads = revisions - parents
    if len(heads) != 1:  # not a straight line of migrations: let Alembic say what is wrong
        from alembic.script import ScriptDirectory

        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert head is not None
        return frozenset(revisions), head
    return frozenset(revisions), heads.pop()


def head_revision() -> str:
    return known_revisions()[1]


def _stored_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return stored_revision(conn)


def stored_revision(conn: Connection) -> str | None:
    """The revision in ``alembic_version`` by one plain query (what Alembic's own
    ``get_current_revision`` reads, without loading Alembic); None when there is no such
    table or no single row (a new or a foreign database: :func:`migrate` looks closer)."""
    if not conn.dialect.has_table(conn, "alembic_version"):
        return None
    found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return str(found[0]) if len(found) == 1 else None


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; refuse a database made by a newer version.

    A database already at the newest revision is recognised by one query, without Alembic."""
    revisions, head = known_revisions()
    try:
        stored = _stored_revision(engine)
    except OperationalError as exc:
        raise DatabaseError(
            f"无法打开数据库：{_describe(engine)}（{_first_line(exc)}）",
            f"Cannot open the database {_describe(engine)}: {_first_line(exc)}",
        ) from exc
    if stored == head:
        return
    if stored is not None and stored not in revisions:
        raise _newer_database(stored)
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    try:
        current = schema_revision(engine)
    except OperationalError as exc:
        raise DatabaseError(
            f"无法打开数据库：{_describe(engine)}（{_first_line(exc)}）",
            f"Cannot open the database {_describe(engine)}: {_first_line(exc)}",
        ) from exc
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise _newer_database(current) from exc
    elif inspect(engine).get_table_names():
        tables = set(inspect(engine).get_table_names())
        if "trips" not in tables:
            raise DatabaseError(
                f"该数据库不是 Campaign Planner 数据库：{_describe(engine)}",
                f"Not a Campaign Planner database: {_describe(engine)}",
            )
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _newer_database(revision: str) -> DatabaseError:
    return DatabaseError(
        f"该数据库由更新版本的 Campaign Planner 创建（版本 {revision}），请升级本程序后再打开。",
        f"This database was written by a newer Campaign Planner (schema {revision}); "
        "upgrade the program to open it.",
    )


def refuse_missing_database(url: str) -> None:
    """Raise :class:`~models.errors.MissingDatabaseError` when ``url`` names a SQLite file that
    does not exist: every command but ``init`` works on an existing database."""
    missing = missing_sqlite_file(url)
    if missing is not None:
        raise MissingDatabaseError(str(missing))


def missing_sqlite_file(url: str) -> Path | None:
    """The file a SQLite ``url`` names when that file does not exist yet, else None.

    In-memory and ``file:`` URIs, and every other back end, are never "missing".
    """
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:" \
            or database.startswith("file:"):
        return None
    path = Path(database).expanduser()
    return None if path.exists() else path


def open_database(url: str | None = None, *, create: bool = True) -> tuple[Engine, sessionmaker[Session]]:
    """Create the engine for ``url`` (see :func:`resolve_url`), migrate it, return a sessionmaker.

    With ``create=False`` a SQLite file that does not exist is refused
    (:class:`~models.errors.MissingDatabaseError`) instead of being created with its folders.
    """
    resolved = resolve_url(url)
    if not create:
        missing = missing_sqlite_file(resolved)
        if missing is not None:
            raise MissingDatabaseError(str(missing))
    engine = create_db_engine(resolved)
    try:
        migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseError(
            f"无法连接数据库：{_describe(engine)}（{_first_line(exc)}）",
            f"Cannot connect to the database {_describe(engine)}: {_first_line(exc)}",
        ) from exc
    except DatabaseError:
        engine.dispose()
        raise
    return engine, sessionmaker(engine, class_=PlannerSession, expire_on_commit=False)


def _describe(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
