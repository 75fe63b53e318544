"""SQLite online backup and restore: consistent copies, refusals, nothing overwritten unasked."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.backup import backup_database, check_backup, restore_database
from models.database import head_revision, open_database
from models.errors import DatabaseError, NotFoundError, ValidationError
from models.operations.trips import TripDraft, trip_draft, update_trip
from models.trips import Trip
from tests.factories import make_trip, make_world

pytestmark = pytest.mark.backends("sqlite")


def _titles(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as s:
        return list(s.scalars(select(Trip.title_zh).order_by(Trip.code)))


def test_backup_while_in_use_and_restore_over_a_changed_database(
    sessions: sessionmaker[Session], db_url: str, tmp_path: Path,
) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        code = make_trip(s, w).code
    open_session = sessions()  # someone keeps the database open, mid-read
    open_session.scalars(select(Trip)).all()
    target = backup_database(db_url, tmp_path / "备份" / "campaign-2023.db")
    open_session.close()
    assert check_backup(target) == head_revision()
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one standalone file
    assert not Path(f"{target}-wal").exists()

    with sessions.begin() as s:  # the work after the backup
        update_trip(s, code, _retitled(s, code, "备份之后的修改"))
        make_trip(s, w, title_zh="备份之后新建")
    with pytest.raises(ValidationError, match="--force"):
        restore_database(db_url, target)
    assert _titles(sessions) == ["备份之后的修改", "备份之后新建"]  # refused: nothing changed

    result = restore_database(db_url, target, force=True, now=datetime(2023, 5, 1, 9, 30))
    assert _titles(sessions) == ["欧洲新能源汽车推介"]  # the open engine sees the restored data
    assert result.replaced_copy is not None
    assert result.replaced_copy.name == "campaign.before-restore-20230501-093000.db"
    copy_engine, copy_sessions = open_database(str(result.replaced_copy))
    try:
        assert _titles(copy_sessions) == ["备份之后的修改", "备份之后新建"]  # nothing lost
    finally:
        copy_engine.dispose()


def _retitled(s: Session, code: str, title: str) -> TripDraft:
    return replace(trip_draft(s, code), title_zh=title)


def test_restore_into_a_new_file_needs_no_force(sessions: sessionmaker[Session], db_url: str,
                                                tmp_path: Path) -> None:
    with sessions.begin() as s:
        make_trip(s, make_world(s))
    target = backup_database(db_url, tmp_path / "b.db")
    fresh = tmp_path / "elsewhere" / "restored.db"
    result = restore_database(f"sqlite:///{fresh}", target)
    assert result.replaced_copy is None
    engine, restored = open_database(str(fresh))
    try:
        with restored() as s:
            assert s.scalar(select(func.count()).select_from(Trip)) == 1
    finally:
        engine.dispose()


def test_bad_backups_are_refused_and_nothing_is_written(sessions: sessionmaker[Session], db_url: str,
                                                        tmp_path: Path) -> None:
    with sessions.begin() as s:
        make_trip(s, make_world(s))
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("这不是数据库", encoding="utf-8")
    foreign = tmp_path / "invoices.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    future = backup_database(db_url, tmp_path / "future.db")
    with sqlite3.connect(future) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    for bad, message in ((not_a_db, "not a SQLite database"),
                         (foreign, "not a Campaign Planner database"),
                         (future, "newer Campaign Planner")):
        with pytest.raises(ValidationError, match=message):
            restore_database(db_url, bad, force=True)
    with pytest.raises(NotFoundError):
        restore_database(db_url, tmp_path / "missing.db")
    assert _titles(sessions) == ["欧洲新能源汽车推介"]
    assert sorted(p.name for p in tmp_path.iterdir() if "before-restore" in p.name) == []


def test_backup_refuses_itself_and_postgresql(db_url: str) -> None:
    engine, _ = open_database(db_url)
    engine.dispose()
    with pytest.raises(ValidationError):
        backup_database(db_url, db_url.removeprefix("sqlite:///"))
    with pytest.raises(DatabaseError, match="pg_dump"):
        backup_database("postgresql://planner@db.example/campaign", "x.db")
