"""Fixtures of the spreadsheet tests: the small directory of ``sheet_world.py``, built once
and copied for each test (imports write)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.database import open_database
from tests.spreadsheets.sheet_world import SheetWorld, build_sheet_world


@pytest.fixture(scope="session")
def sheet_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SheetWorld]:
    path = tmp_path_factory.mktemp("sheets") / "template.db"
    engine, sessions = open_database(f"sqlite:///{path}")
    with sessions.begin() as session:
        world = build_sheet_world(session)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path, world


@pytest.fixture
def sheet_url(sheet_template: tuple[Path, SheetWorld], tmp_path: Path) -> str:
    target = tmp_path / "campaign.db"
    shutil.copyfile(sheet_template[0], target)
    return f"sqlite:///{target}"


@pytest.fixture
def sheet_db(sheet_url: str) -> Iterator[sessionmaker[Session]]:
    """A private copy of the small directory for one test."""
    engine, sessions = open_database(sheet_url)
    yield sessions
    engine.dispose()


@pytest.fixture
def sw(sheet_template: tuple[Path, SheetWorld]) -> SheetWorld:
    return sheet_template[1]

