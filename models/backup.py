"""Backing up and restoring a SQLite campaign database while it is in use.

``backup`` takes a consistent copy with SQLite's online backup API (other people may keep
working) and writes it atomically as one self-contained file. ``restore`` checks the backup
first (a SQLite file, intact, a Campaign Planner schema this version knows), refuses to
overwrite a database that holds data unless forced, and then keeps a copy of what it replaces
before copying the backup in through the same API, so open connections see either the old
or the new database, never a mixture. A PostgreSQL server is backed up with ``pg_dump`` (or
``dump FILE.json``); see the README.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from models.atomic_write import write_bytes_atomic
from models.database import alembic_config, open_database, resolve_url
from models.errors import DatabaseError, NotFoundError, ValidationError

BUSY_TIMEOUT_S = 10.0
HEADER_WRITE_VERSION, HEADER_READ_VERSION = 18, 19  # file-format bytes: 1 rollback journal, 2 WAL


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    replaced_copy: Path | None  # what the database held before, kept beside it


def sqlite_file(url: str | None) -> Path:
    """The file of a SQLite database URL; anything else is refused with the way to go."""
    resolved = resolve_url(url)
    parsed = make_url(resolved)
    if parsed.get_backend_name() != "sqlite":
        raise DatabaseError(
            "备份与恢复只适用于 SQLite 数据库文件；PostgreSQL 服务器请用 pg_dump / pg_restore，"
            "或用 dump / load 导出导入 JSON。",
            "backup and restore work on a SQLite database file; back up a PostgreSQL server "
            "with pg_dump / pg_restore, or move the data with dump / load (JSON).",
        )
    database = parsed.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        raise DatabaseError(f"不是数据库文件：{resolved}", f"Not a database file: {resolved}")
    return Path(database).expanduser().resolve()


def backup_database(url: str | None, target: str | Path) -> Path:
    """Copy the live database at ``url`` to the file ``target`` (replaced atomically)."""
    source = sqlite_file(url)
    if not source.exists():
        raise NotFoundError(f"数据库文件不存在：{source}", f"No database file at {source}")
    destination = Path(target).expanduser().resolve()
    if destination == source:
        raise ValidationError("file", "备份文件不能是数据库本身", "The backup cannot be the database itself")
    if destination.is_dir():
        raise ValidationError("file", f"{destination} 是文件夹，请给出文件名",
                              f"{destination} is a folder: give a file name")
    with closing(_connect(source)) as src, closing(sqlite3.connect(":memory:")) as copy:
        src.backup(copy)
        image = bytearray(copy.serialize())
    if len(image) > HEADER_READ_VERSION:  # a standalone file: no WAL side files needed
        image[HEADER_WRITE_VERSION] = image[HEADER_READ_VERSION] = 1
    destination.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(destination, bytes(image))
    check_backup(destination)
    return destination


def check_backup(path: str | Path) -> str:
    """Refuse anything but an intact Campaign Planner database; returns its schema revision."""
    file = Path(path).expanduser()
    if not file.is_file():
        raise NotFoundError(f"找不到备份文件：{file}", f"No backup file at {file}")
    try:
        with closing(sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise ValidationError("file", f"{file.name} 不是 SQLite 数据库文件（{exc}）",
                              f"{file.name} is not a SQLite database file ({exc})") from exc
    if verdict != "ok":
        raise ValidationError("file", f"备份文件已损坏：{file.name}（{verdict}）",
                              f"The backup {file.name} is damaged ({verdict})")
    if "trips" not in tables or revision is None:
        raise ValidationError("file", f"{file.name} 不是 Campaign Planner 数据库",
                              f"{file.name} is not a Campaign Planner database")
    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except Exception as exc:
        raise ValidationError(
            "file", f"{file.name} 由更新版本的 Campaign Planner 创建（版本 {revision}），请先升级本程序",
            f"{file.name} was written by a newer Campaign Planner (schema {revision}); "
            "upgrade the program first") from exc
    return str(revision)


def holds_data(path: Path) -> bool:
    """True when the database file exists and any of its tables has a row."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    with closing(_connect(path)) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name <> 'alembic_version'")]
        return any(conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() for name in names)


def restore_database(url: str | None, source: str | Path, force: bool = False,
                     now: datetime | None = None) -> RestoreResult:
    """Replace the database at ``url`` with the backup ``source``.

    A database that holds data is only replaced with ``force``; its content is first saved as
    ``<name>.before-restore-<time>.db`` beside it.
    """
    target = sqlite_file(url)
    backup = Path(source).expanduser().resolve()
    if backup == target:
        raise ValidationError("file", "不能用数据库自身来恢复", "Cannot restore a database from itself")
    check_backup(backup)
    replaced = None
    if holds_data(target):
        if not force:
            raise ValidationError(
                "force",
                f"数据库 {target} 中已有数据，恢复会覆盖它。确认覆盖请加 --force（原数据会另存一份）。",
                f"The database {target} holds data that the restore would overwrite. Add --force "
                "to overwrite it (a copy of it is kept).")
        stamp = f"{(now or datetime.now()):%Y%m%d-%H%M%S}"
        replaced = backup_database(url, target.with_name(f"{target.stem}.before-restore-{stamp}.db"))
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)) as src, \
            closing(_connect(target)) as dst:
        src.backup(dst)
    engine, _ = open_database(f"sqlite:///{target}")  # an older backup is brought up to date
    engine.dispose()
    return RestoreResult(target, replaced)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    return conn
