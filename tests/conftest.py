"""Shared fixtures: a fresh database per test, and the sample campaign (loaded once, copied).

Both SQLite templates (the migrated empty database, the sample campaign) are built once per
test run under ``tmp_path_factory``; each test works on its own copy of the file.

The database fixtures (``db_url``, ``sessions``) run on the back end named by the ``backend``
fixture. Tests under ``tests/models/`` run on both SQLite and PostgreSQL; elsewhere on SQLite,
unless marked ``@pytest.mark.backends("sqlite", "postgresql")``. PostgreSQL comes from
``CAMPAIGN_PLANNER_TEST_PG`` or a throw-away cluster (see tests/pgserver.py); without one the
PostgreSQL cases are skipped, except under CI (``CI=true``) where they fail.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from models.database import open_database
from models.user_cache import CACHE_ENV
from tests.pgserver import PgServer, PgUnavailableError, find_server

BACKENDS = ("sqlite", "postgresql")
TESTS = Path(__file__).parent
BOTH_BACKENDS_UNDER = ("models",)


_CACHE_FOLDERS: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    # the holiday tables the tests ask for are kept in a folder of the run, not the user's cache
    _CACHE_FOLDERS.append(tempfile.mkdtemp(prefix="campaign-planner-cache-"))
    os.environ[CACHE_ENV] = _CACHE_FOLDERS[-1]
    config.addinivalue_line(
        "markers",
        "backends(*names): run the database fixtures on these back ends "
        "(sqlite, postgresql); default: tests/models on both, the rest on sqlite",
    )


def pytest_unconfigure(config: pytest.Config) -> None:
    for folder in _CACHE_FOLDERS:
        shutil.rmtree(folder, ignore_errors=True)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    marker = metafunc.definition.get_closest_marker("backends")
    if marker is not None:
        names = tuple(marker.args)
    else:
        try:
            package = Path(metafunc.definition.path).relative_to(TESTS).parts[0]
        except (ValueError, IndexError):
            package = ""
        if package not in BOTH_BACKENDS_UNDER:
            return
        names = BACKENDS
    unknown = set(names) - set(BACKENDS)
    if unknown:
        raise pytest.UsageError(f"unknown back end(s) {sorted(unknown)} in {metafunc.definition.nodeid}")
    metafunc.parametrize(
        "backend",
        [pytest.param(name, marks=[pytest.mark.postgres] if name == "postgresql" else [])
         for name in names],
        indirect=True,
    )


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, not yet made: what the program keeps starts empty."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The PostgreSQL server for this test run (skipped when there is none, failed under CI)."""
    try:
        server = find_server()
    except PgUnavailableError as exc:
        if _ci():
            pytest.fail(f"PostgreSQL is required under CI: {exc}", pytrace=False)
        pytest.skip(f"no PostgreSQL: {exc}")
    yield server
    server.stop()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """"sqlite" or "postgresql": the database the fixtures below hand out."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh database for this test: a SQLite file not yet created, or an empty
    PostgreSQL database (no schema), dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'campaign.db'}"
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.new_database_name()
    url = server.create_database(name)
    yield url
    server.drop_database(name)


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, empty SQLite file, built once per test run (copying it is faster than
    running the migrations for every test)."""
    path = tmp_path_factory.mktemp("empty") / "empty.db"
    _checkpointed(open_database(f"sqlite:///{path}")[0])
    return path


@pytest.fixture
def sessions(db_url: str, backend: str,
             request: pytest.FixtureRequest) -> Iterator[sessionmaker[Session]]:
    """A sessionmaker on a fresh, migrated, empty database (on SQLite a copy of
    ``empty_template``; opening it still checks it is at the newest migration)."""
    if backend == "sqlite":
        template: Path = request.getfixturevalue("empty_template")
        shutil.copyfile(template, db_url.removeprefix("sqlite:///"))
    engine, factory = open_database(db_url)
    yield factory
    engine.dispose()


def _checkpointed(engine: Engine) -> None:
    """Fold the WAL journal into the file and close it, so that copying the file copies it all."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the sample campaign, built once per test run."""
    from models.sample import load_sample

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    engine, factory = open_database(f"sqlite:///{path}")
    with factory.begin() as session:
        load_sample(session)
    _checkpointed(engine)
    return path


@pytest.fixture
def sample_url(sample_template: Path, tmp_path: Path) -> str:
    """URL of a private copy of the sample campaign database for this test (SQLite)."""
    target = tmp_path / "sample.db"
    shutil.copyfile(sample_template, target)
    return f"sqlite:///{target}"


@pytest.fixture
def sample_sessions(sample_url: str) -> Iterator[sessionmaker[Session]]:
    engine, factory = open_database(sample_url)
    yield factory
    engine.dispose()


@pytest.fixture(scope="session")
def pg_sample_template(pg_server: PgServer) -> Iterator[str]:
    """A PostgreSQL database holding the sample campaign, loaded once per test run; tests get
    copies of it (``CREATE DATABASE … TEMPLATE``), never the template itself."""
    from models.sample import load_sample

    name = pg_server.new_database_name()
    engine, factory = open_database(pg_server.create_database(name))
    with factory.begin() as session:
        load_sample(session)
    engine.dispose()
    pg_server.terminate_connections(name)  # a template must have no one connected
    yield name
    pg_server.drop_database(name)


@pytest.fixture
def loaded_sample(backend: str, request: pytest.FixtureRequest,
                  tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    """A sessionmaker on a private copy of the sample campaign, on the test's back end (the
    sample is loaded once per run and back end; tests that read it need not load it again)."""
    if backend == "sqlite":
        template: Path = request.getfixturevalue("sample_template")
        target = tmp_path / "sample.db"
        shutil.copyfile(template, target)
        engine, factory = open_database(f"sqlite:///{target}")
        yield factory
        engine.dispose()
        return
    server: PgServer = request.getfixturevalue("pg_server")
    source: str = request.getfixturevalue("pg_sample_template")
    name = server.new_database_name()
    engine, factory = open_database(server.create_database(name, template=source))
    yield factory
    engine.dispose()
    server.drop_database(name)
