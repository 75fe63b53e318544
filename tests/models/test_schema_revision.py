"""A database at the newest schema is recognised without Alembic: the migrations folder's
revisions, read from the files, are Alembic's own; older databases are upgraded, newer ones
refused with the same message as before."""

from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from models.database import (
    alembic_config,
    create_db_engine,
    head_revision,
    known_revisions,
    migrate,
    open_database,
    schema_revision,
)
from models.errors import DatabaseError
from tests.statements import recorded


def test_the_revisions_read_from_the_files_are_alembics() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    revisions, head = known_revisions()
    assert revisions == {r.revision for r in script.walk_revisions()}
    assert head == head_revision() == script.get_current_head()


def test_a_database_at_the_newest_schema_opens_with_one_look_at_its_revision(db_url: str) -> None:
    engine, _ = open_database(db_url)
    engine.dispose()
    engine = create_db_engine(db_url)
    try:
        with recorded(engine) as statements:
            migrate(engine)  # SQLite's table_info pragma looks for the table, PostgreSQL's catalog
        assert [s for s in statements if "alembic_version" in s
                and not s.startswith("PRAGMA")] == [
            "SELECT version_num FROM alembic_version"]
        assert schema_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_a_newer_schema_is_refused_by_the_quick_look_too(db_url: str) -> None:
    engine, _ = open_database(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(DatabaseError) as caught:
        open_database(db_url)
    assert "9999" in str(caught.value) and "newer" in caught.value.text()
