"""A verb imports what it needs: listing trips loads neither ReportLab, openpyxl, icalendar, the
holiday tables, Alembic nor the other verbs' modules (each a fresh interpreter, as a user's
command line is)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.app import VERBS, build_parser
from models.checks.holiday_tables import CACHE_ENV

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("reportlab", "briefs", "openpyxl", "icalendar", "holidays", "chinese_calendar",
         "PySide6")
# what a database at the newest schema does not need to be opened, and the document packages
NOT_FOR_READING = ("alembic", "mako", "spreadsheets", "calendars")

SCRIPT = """
import io, json, sys
from cli.app import run
from cli.context import Context
out, err = io.StringIO(), io.StringIO()
code = run(sys.argv[2:], ctx=Context(db_url=sys.argv[1], out=out, err=err))
print(json.dumps({"code": code, "modules": sorted(m for m in sys.modules if "." not in m),
                  "verbs": sorted(m for m in sys.modules if m.startswith("cli.") and m.endswith("_cmd")),
                  "watched": sorted(m for m in sys.modules if m in WATCHED)}))
"""
# submodules a reading command on SQLite does not need: the history's flush listeners
# (installed by a session's first flush) and SQLAlchemy's PostgreSQL dialect
WATCHED = ("models.audit.recording", "models.operations.confirmations",
           "sqlalchemy.dialects.postgresql",
           # the other kinds' renderers: a trip's brief needs neither the campaign report (its
           # charts) nor the run-of-show
           "briefs.campaign_report", "briefs.charts", "briefs.event_brief", "briefs.trip_brief")
SCRIPT = f"WATCHED = {WATCHED!r}\n" + SCRIPT


def _loaded(url: str, *argv: str, env: dict[str, str] | None = None
            ) -> tuple[int, set[str], set[str]]:
    """The exit code, the top-level modules and the verb modules a command line loaded."""
    done = subprocess.run([sys.executable, "-c", SCRIPT, url, "--db", url, *argv], cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=120,
                          env={**os.environ, **(env or {})})
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return int(result["code"]), set(result["modules"]), set(result["verbs"])


def _watched(url: str, *argv: str) -> tuple[int, set[str]]:
    """The exit code and the :data:`WATCHED` modules a command line loaded."""
    done = subprocess.run([sys.executable, "-c", SCRIPT, url, "--db", url, *argv], cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=120)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return int(result["code"]), set(result["watched"])


def _modules(url: str, *argv: str) -> tuple[int, set[str]]:
    code, modules, _verbs = _loaded(url, *argv)
    return code, modules


@pytest.mark.parametrize("argv", [("list", "trips", "--json"), ("list", "organisations"),
                                  ("show", "TRIP-2023-001")])
def test_listing_loads_no_document_library(sample_url: str, argv: tuple[str, ...]) -> None:
    code, modules = _modules(sample_url, *argv)
    assert code == 0
    assert not modules & set(HEAVY)


def test_a_brief_loads_reportlab_and_a_calendar_icalendar(sample_url: str,
                                                          tmp_path: Path) -> None:
    code, modules = _modules(sample_url, "brief", "--trip", "TRIP-2023-001", "-o",
                             str(tmp_path / "b.pdf"))
    assert code == 0 and {"reportlab", "briefs"} <= modules and "icalendar" not in modules
    code, modules = _modules(sample_url, "export-ics", "--all", "-o", str(tmp_path / "c.ics"))
    assert code == 0 and "icalendar" in modules and "reportlab" not in modules


def test_each_verb_is_named_as_its_module_names_it() -> None:
    """The list of verbs names each one before it is imported: its name and help are its own."""
    assert len({v.NAME for v in VERBS}) == len(VERBS)
    for verb in VERBS:
        command = verb.load()
        assert (command.NAME, command.HELP) == (verb.NAME, verb.HELP)
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert list(sub.choices) == [v.NAME for v in VERBS]  # type: ignore[union-attr]


@pytest.mark.parametrize(("argv", "own"), [
    (("list", "trips", "--json"), {"cli.list_cmd"}),
    (("list", "organisations"), {"cli.list_cmd"}),
    (("show", "TRIP-2023-001"), {"cli.show_cmd", "cli.list_cmd"}),
    (("history", "TRIP-2023-001"), {"cli.data_cmd"}),
    (("campaign", "show"), {"cli.campaign_cmd"}),
    (("init",), {"cli.init_cmd"}),  # the schema up to date: nothing to migrate
])
def test_a_read_verb_loads_its_own_module_and_no_alembic(sample_url: str, argv: tuple[str, ...],
                                                         own: set[str]) -> None:
    code, modules, verbs = _loaded(sample_url, *argv)
    assert code == 0
    assert not modules & {*HEAVY, *NOT_FOR_READING}
    assert verbs == own


@pytest.mark.parametrize("argv", [("list", "trips", "--json"), ("show", "TRIP-2023-001"),
                                  ("history", "TRIP-2023-001"), ("campaign", "show")])
def test_a_read_verb_loads_no_write_listeners_nor_the_postgresql_dialect(
        sample_url: str, argv: tuple[str, ...]) -> None:
    code, watched = _watched(sample_url, *argv)
    assert code == 0 and watched == set()


def test_the_first_write_installs_the_history_listeners(sample_url: str) -> None:
    """A command that changes a record loads the listeners with its first flush, and the change
    has its history row, written by them (on SQLite the program writes it)."""
    from sqlalchemy import create_engine, func, select

    from models.audit.table import AuditEntry

    engine = create_engine(sample_url)
    count = select(func.count()).select_from(AuditEntry).where(AuditEntry.record_type == "campaigns")
    with engine.connect() as conn:
        before = conn.execute(count).scalar_one()
    code, watched = _watched(sample_url, "campaign", "set", "--slogan", "投资首选 测试")
    assert code == 0
    assert {"models.audit.recording", "models.operations.confirmations"} <= watched
    with engine.connect() as conn:
        assert conn.execute(count).scalar_one() == before + 1
    engine.dispose()


def test_the_calendar_export_loads_no_pdf_sheet_or_alembic(sample_url: str,
                                                           tmp_path: Path) -> None:
    code, modules, verbs = _loaded(sample_url, "export-ics", "--all", "-o",
                                   str(tmp_path / "c.ics"))
    assert code == 0 and {"icalendar", "calendars"} <= modules
    assert not modules & {"reportlab", "briefs", "openpyxl", "spreadsheets", "alembic", "PySide6"}
    assert verbs == {"cli.ics_cmd"}


def test_a_brief_loads_no_calendar_sheet_or_alembic(sample_url: str, tmp_path: Path) -> None:
    code, modules, verbs = _loaded(sample_url, "brief", "--trip", "TRIP-2023-001", "-o",
                                   str(tmp_path / "b.pdf"))
    assert code == 0 and {"reportlab", "briefs"} <= modules
    assert not modules & {"icalendar", "calendars", "openpyxl", "spreadsheets", "alembic",
                          "PySide6"}
    assert verbs == {"cli.brief_cmd"}
    code, watched = _watched(sample_url, "brief", "--trip", "TRIP-2023-001", "-o",
                             str(tmp_path / "b.pdf"))
    assert code == 0 and watched == {"briefs.trip_brief"}


def test_the_checks_load_the_holidays_and_no_document_library(sample_url: str,
                                                               tmp_path: Path) -> None:
    """The first run asks the holidays package for its tables; the next one finds them in the
    cache file (models/checks/holiday_tables.py) and does not import it."""
    cache = {CACHE_ENV: str(tmp_path / "cache")}
    code, modules, verbs = _loaded(sample_url, "check", env=cache)
    assert code in (0, 3)  # 3: the sample has open errors to report
    assert "holidays" in modules
    assert not modules & {"reportlab", "briefs", "icalendar", "openpyxl", "alembic", "PySide6"}
    assert verbs == {"cli.check_cmd"}
    again, modules, _verbs = _loaded(sample_url, "check", env=cache)
    assert again == code and "holidays" not in modules


def test_an_older_database_is_still_upgraded_by_a_read_verb(tmp_path: Path) -> None:
    """Alembic is loaded when the schema is older than the program's, and only then."""
    from alembic import command

    from models.database import alembic_config, create_db_engine, head_revision

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_db_engine(url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0010")
    engine.dispose()
    code, modules, _verbs = _loaded(url, "list", "trips", "--json")
    assert code == 0 and "alembic" in modules
    engine = create_db_engine(url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() \
            == head_revision()
    engine.dispose()


def test_a_dump_reads_the_schema_revision_without_alembic(sample_url: str,
                                                           tmp_path: Path) -> None:
    code, modules = _modules(sample_url, "dump", str(tmp_path / "all.json"))
    assert code == 0 and not modules & {"alembic", "mako", *HEAVY}


@pytest.mark.parametrize("argv", [("list", "trips", "--json"), ("history", "TRIP-2023-001")])
def test_what_names_no_zone_or_country_loads_no_cldr_data(sample_url: str,
                                                          argv: tuple[str, ...]) -> None:
    code, modules = _modules(sample_url, *argv)
    assert code == 0 and "babel" not in modules
