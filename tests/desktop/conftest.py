"""Desktop fixtures: settings in a temporary file, a context on a small world or the sample,
the main window, and the blocking questions (confirm, the save-as file dialog) answered at the
boundary."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from desktop import dialogs
from desktop.context import AppContext
from desktop.settings import SETTINGS_ENV, AppSettings
from models.enums import EventKind
from models.language import Lang
from models.operations.events import EventDraft, InvitationDraft, SessionDraft, create_event
from models.rows import EventRow, TripRow
from models.timeutil import at
from tests.factories import World, item_draft, make_trip, make_world


@pytest.fixture(autouse=True)
def _application(qapp: QApplication) -> QApplication:
    """Every desktop test has the application, asked for or not: a test that makes a widget
    without ``qtbot`` aborted its worker when it was the first on it to do so."""
    return qapp


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test writes its settings to its own .ini file, never the user's."""
    path = tmp_path / "settings.ini"
    monkeypatch.setenv(SETTINGS_ENV, str(path))
    return path


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """QFileDialog.getSaveFileName answers with files in tmp_path (no extension given)."""
    asked: list[Path] = []

    def answer(_parent: object, _title: str, suggested: str, _filter: str = "",
               *args: object, **kwargs: object) -> tuple[str, str]:
        target = tmp_path / Path(suggested).stem
        asked.append(target)
        return str(target), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Confirmations are answered yes; the questions asked are recorded."""
    asked: list[str] = []

    def yes(_parent: object, title: str, text: str) -> bool:
        asked.append(f"{title}: {text}")
        return True

    monkeypatch.setattr(dialogs, "confirm", yes)
    monkeypatch.setattr(dialogs, "confirm_delete", yes)
    return asked


def event_draft(w: World, **overrides: object) -> EventDraft:
    zone = "Asia/Shanghai"
    day = date(2023, 4, 12)
    values: dict[str, object] = dict(
        kind=EventKind.INDUSTRY_SUMMIT, title_zh="新能源汽车产业峰会",
        title_en="NEV industry summit", starts_at=at(day, "09:00", zone),
        ends_at=at(day, "17:30", zone), timezone=zone, city_id=w.dongguan_id,
        venue="松山湖国际会议中心", host_unit_id=w.unit_id, capacity=200,
        industry_ids=[w.industry_id],
        sessions=[SessionDraft("开幕致辞", at(day, "09:00", zone), at(day, "09:30", zone),
                               "Opening", speaker_ids=[w.leader_id])],
        invitations=[InvitationDraft(w.org_id, guests=3)],
    )
    values.update(overrides)
    return EventDraft(**values)  # type: ignore[arg-type]


@dataclass
class Small:
    """A small campaign: the factories' world, one trip with an item, one event."""

    sessions: sessionmaker[Session]
    world: World
    trip: TripRow
    event: EventRow


@pytest.fixture
def small(sessions: sessionmaker[Session]) -> Small:
    with sessions.begin() as session:
        w = make_world(session)
        trip = make_trip(session, w, items=[item_draft(w)])
        event = create_event(session, event_draft(w)).value
    return Small(sessions, w, trip, event)


@pytest.fixture
def ctx(small: Small, db_url: str, qtbot: QtBot) -> AppContext:
    """The window's context; tables load at once (test_background_loading covers threads)."""
    context = AppContext(small.sessions, db_url, Lang.ZH)
    context.background_loading = False
    return context


@pytest.fixture
def settings() -> AppSettings:
    return AppSettings()


@pytest.fixture
def window(ctx: AppContext, settings: AppSettings, qtbot: QtBot) -> Iterator[object]:
    from desktop.main_window import MainWindow

    win = MainWindow(ctx, settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.editors.close_all()


@pytest.fixture
def sample_ctx(sample_sessions: sessionmaker[Session], sample_url: str,
               qtbot: QtBot) -> AppContext:
    context = AppContext(sample_sessions, sample_url, Lang.ZH)
    context.background_loading = False
    return context
