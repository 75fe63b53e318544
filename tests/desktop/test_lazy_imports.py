"""The window starts with what its first view needs: the briefs (ReportLab), workbooks
(openpyxl), calendar files (icalendar), migrations (Alembic), holiday tables, the keyring and
the other views' and the editors' modules load when first used (a fresh interpreter, as the
program starts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.settings import SETTINGS_ENV, AppSettings
from tests.desktop.conftest import Small

ROOT = Path(__file__).resolve().parents[2]

IMPORTS = """
import json, sys
import desktop.app, desktop.main_window
print(json.dumps(sorted(sys.modules)))
"""

# the program's start on an up-to-date database, to its first view shown and filled
START = """
import json, sys
from desktop.app import application
from desktop.context import AppContext
from desktop.i18n import install_translators
from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from models.database import open_database
from models.language import Lang

app = application()
translators = install_translators(app, Lang.ZH)
engine, sessions = open_database(sys.argv[1], create=False)
ctx = AppContext(sessions, sys.argv[1], Lang.ZH)
ctx.background_loading = False
window = MainWindow(ctx, AppSettings())
window.show()
app.processEvents()
window.grab()
from models.base import Base
configured = [m.class_.__name__ for m in Base.registry.mappers if m.configured]
print(json.dumps({"modules": sorted(sys.modules), "configured": configured}))
"""

NEVER_AT_START = {
    "briefs", "reportlab", "openpyxl", "icalendar", "calendars", "spreadsheets", "alembic",
    "mako", "keyring", "desktop.accounts.login_dialog", "desktop.settings_dialog",
    "desktop.documents.import_actions", "desktop.documents.export_actions",
    "desktop.editors.trip", "desktop.editors.event", "desktop.editors.organisation",
    "desktop.pages.trips", "desktop.pages.events", "desktop.pages.organisations",
    "desktop.pages.visits", "desktop.pages.projects", "desktop.calendar.view",
    "desktop.calendar.timeline",
    # the history's flush listeners (a session's first flush installs them), the operations the
    # calendar's moves use, the permissions of the calendar's drags
    "models.audit.recording", "models.operations.confirmations", "models.operations.events",
    "models.operations.trips", "models.operations.items", "models.accounts.permissions",
}


def printed(script: str, *args: str, settings: Path | None = None,
            settings_file: Path | None = None) -> Any:
    """What ``script`` printed last, as JSON, run by a fresh interpreter offscreen."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if settings is not None:
        env["XDG_CONFIG_HOME"] = str(settings)
    if settings_file is not None:
        env[SETTINGS_ENV] = str(settings_file)
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True, timeout=180)
    return json.loads(done.stdout.strip().splitlines()[-1])


def loaded(script: str, *args: str) -> set[str]:
    return set(printed(script, *args))


def test_the_window_modules_load_no_briefs_nor_workbooks() -> None:
    modules = loaded(IMPORTS)
    assert "PySide6" in modules and "desktop.main_window" in modules
    # the dashboard's checks need the holiday tables: loaded with it, not with the window
    assert sorted(modules & (NEVER_AT_START | {"holidays", "desktop.pages.dashboard"})) == []


def test_the_started_window_loads_only_its_first_view(small: Small, db_url: str,
                                                      tmp_path: Path) -> None:
    """Started on an up-to-date database (no migration: no Alembic), the dashboard shown and
    filled: the other views, the editors and what only they need are not imported."""
    started = printed(START, db_url, settings=tmp_path / "settings")
    modules = set(started["modules"])
    assert {"desktop.pages.dashboard", "planning.dashboard"} <= modules
    assert sorted(modules & NEVER_AT_START) == []
    if db_url.startswith("sqlite"):  # naming a PostgreSQL option loads that dialect's package
        assert "sqlalchemy.dialects.postgresql" not in modules
    # the dashboard reads tables (models.tables): SQLAlchemy has configured no mapper yet, the
    # window does it on a worker once the view is filled (desktop.app)
    assert started["configured"] == []


@pytest.mark.parametrize("view", ["calendar", "timeline"])
def test_a_calendar_as_the_first_view_configures_no_mapper(small: Small, db_url: str,
                                                           tmp_path: Path, view: str) -> None:
    """Left on the calendar or the year timeline, the window starts on it: its campaign year,
    entries and checks' marks (destination holidays too) are read from the tables."""
    ini = tmp_path / "settings.ini"
    ini.write_text(f"[window]\nlast_view={view}\n", encoding="utf-8")
    started = printed(START, db_url, settings_file=ini)
    assert f"desktop.calendar.{'view' if view == 'calendar' else 'timeline'}" in started["modules"]
    assert started["configured"] == []


def test_the_window_builds_a_view_when_it_is_first_shown(ctx: AppContext, small: Small,
                                                         qtbot: QtBot) -> None:
    window = MainWindow(ctx, AppSettings())
    qtbot.addWidget(window)
    window.show()
    assert [p.key for p in window.pages if p.built is not None] == ["dashboard"]
    assert window.stack.count() == len(window.pages)  # the others wait as empty stand-ins
    window.page_actions[3].trigger()  # Ctrl+4: the trips
    assert [p.key for p in window.pages if p.built is not None] == ["dashboard", "trips"]
    assert window.current_page() is window.trips
    assert window.stack.currentWidget() is window.trips
    assert window.stack.indexOf(window.trips) == 3
    assert window.trips.model.rowCount() == 1  # filled on its first showing
    assert window.trips.view.actions()  # its right-click menu, added when it was built
    window.show_page("people")
    assert window.stack.indexOf(window.people) == 8
    assert window.people.model.rowCount() == 3
    assert window.built_view("calendar") is None  # never shown, never built
