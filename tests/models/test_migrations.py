"""The schema comes from Alembic: fresh databases, existing ones, newer ones, foreign ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from models.base import Base
from models.database import (
    alembic_config,
    create_db_engine,
    head_revision,
    open_database,
    schema_revision,
)
from models.errors import DatabaseError


def test_fresh_database_is_created_at_head(db_url: str) -> None:
    engine, _ = open_database(db_url)
    try:
        assert schema_revision(engine) == head_revision()
        tables = set(inspect(engine).get_table_names())
        assert {"trips", "itinerary_items", "themed_events", "leads", "people"} <= tables
        if engine.dialect.name == "sqlite":
            with engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        engine.dispose()


def test_migrations_match_the_models(db_url: str) -> None:
    engine, _ = open_database(db_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_existing_database_is_upgraded_and_keeps_its_data(db_url: str) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    oldest = list(script.walk_revisions())[-1].revision
    engine = create_db_engine(db_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, oldest)
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO industries (code, name_zh, name_en, position) "
            "VALUES ('SEMI', '半导体及集成电路', 'Semiconductors', 3)"))
    engine.dispose()
    engine, _ = open_database(db_url)  # upgrades to head
    try:
        assert schema_revision(engine) == head_revision()
        with engine.connect() as conn:
            assert conn.execute(text("SELECT name_zh FROM industries")).scalar_one() == "半导体及集成电路"
    finally:
        engine.dispose()
    engine, _ = open_database(db_url)  # opening again is a no-op
    engine.dispose()


def test_database_from_a_newer_version_is_refused(db_url: str) -> None:
    engine, _ = open_database(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()
    with pytest.raises(DatabaseError) as caught:
        open_database(db_url)
    assert "newer" in caught.value.message_en and "更新版本" in caught.value.message_zh


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(DatabaseError, match="Not a Campaign Planner database"):
        open_database(f"sqlite:///{path}")


def test_bad_url_is_a_clear_error() -> None:
    with pytest.raises(DatabaseError, match="Not a database URL"):
        open_database("nonsense://::")


def test_bare_path_means_a_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "sub folder" / "计划.db"
    engine, _ = open_database(str(path))
    engine.dispose()
    assert path.exists()
