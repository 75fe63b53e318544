"""Fixtures of the brief tests: the small campaign of ``tests/briefs/world.py``, built once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.database import open_database
from tests.briefs.world import BriefWorld, build_brief_world


@pytest.fixture(scope="session")
def brief_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[
        tuple[sessionmaker[Session], BriefWorld]]:
    """The world above, built once: brief tests only read it (they vary data as plain rows)."""
    path = tmp_path_factory.mktemp("briefs") / "briefs.db"
    engine, sessions = open_database(f"sqlite:///{path}")
    with sessions.begin() as session:
        world = build_brief_world(session)
    yield sessions, world
    engine.dispose()
