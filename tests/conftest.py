"""Shared fixtures: a fresh database per test, and the sample campaign (loaded once, copied)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.database import open_database

PG_URL_VAR = "CAMPAIGN_PLANNER_TEST_PG"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """URL of a fresh (not yet created) SQLite database for this test."""
    return f"sqlite:///{tmp_path / 'campaign.db'}"


@pytest.fixture
def sessions(db_url: str) -> Iterator[sessionmaker[Session]]:
    """A sessionmaker on a fresh, migrated, empty database."""
    engine, factory = open_database(db_url)
    yield factory
    engine.dispose()


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the sample campaign, built once per test run."""
    from models.sample import load_sample

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    engine, factory = open_database(f"sqlite:///{path}")
    with factory.begin() as session:
        load_sample(session)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def sample_url(sample_template: Path, tmp_path: Path) -> str:
    """URL of a private copy of the sample campaign database for this test."""
    target = tmp_path / "sample.db"
    shutil.copyfile(sample_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def sample_sessions(sample_url: str) -> Iterator[sessionmaker[Session]]:
    engine, factory = open_database(sample_url)
    yield factory
    engine.dispose()
