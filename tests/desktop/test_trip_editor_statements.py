"""Opening a trip's editor and saving an edit of its title issue the same statements on the UI
thread with one year of history as with ten (no statement per trip, item or year; the trip's
checks, which read its months, run on a worker thread), on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from desktop.context import AppContext
from desktop.editors.trip import TripEditor
from models.campaign import Campaign
from models.language import Lang
from models.operations.trips import create_trip
from models.timeutil import at
from tests.factories import World, item_draft, make_trip, make_world, trip_draft
from tests.statements import Sent, sent

pytestmark = pytest.mark.backends("sqlite", "postgresql")


def _items(w: World, year: int, month: int = 3) -> list:
    return [item_draft(w, starts_at=at(date(year, month, 24 + n), "09:00", "Europe/Berlin"),
                       ends_at=at(date(year, month, 24 + n), "11:00", "Europe/Berlin"),
                       title_zh=f"拜访博世 {n}") for n in range(3)]


def _add_history(session: Session, w: World) -> None:
    """Nine earlier years, each with a campaign and three trips of three items, and two more
    trips in the edited trip's own month (which its checks read)."""
    for year in range(2014, 2023):
        session.add(Campaign(year=year, name_zh=f"{year} 招商年", name_en=f"{year} campaign",
                             target_trips=30, target_events=30, target_hq_visits=1000,
                             target_investment_cny=160_000_000_000,
                             flagship_threshold_cny=5_000_000_000, target_flagship_projects=10))
        session.flush()
        for month in (3, 6, 9):
            create_trip(session, trip_draft(
                w, title_zh=f"{year} 年 {month} 月推介", start_date=date(year, month, 23),
                end_date=date(year, month, 30), items=_items(w, year, month)))
    for _ in range(2):
        create_trip(session, trip_draft(w, title_zh="同月的另一趟推介", items=_items(w, 2023)))


def _statements(sessions: sessionmaker[Session], qtbot: QtBot, trip_id: int) -> tuple[int, int]:
    """Statements on this (the UI) thread: opening the editor, then saving a new title."""
    engine = sessions.kw["bind"]
    ui = threading.get_ident()

    def on_ui(statements: list[Sent], since: int = 0) -> int:
        return sum(1 for s in statements[since:] if s.thread == ui)

    ctx = AppContext(sessions, "test", Lang.ZH)  # checks on a worker thread, as in the program
    with sent(engine) as statements:
        editor = TripEditor(ctx, trip_id)
        qtbot.addWidget(editor)
        opening = on_ui(statements)
        qtbot.waitUntil(lambda: not editor.checks_loading, timeout=20_000)
        editor.title_zh.setText(editor.title_zh.text() + "（改）")
        before = len(statements)
        assert editor.save()
        saving = on_ui(statements, before)
        qtbot.waitUntil(lambda: not editor.checks_loading, timeout=20_000)
    assert editor.title_zh.text().endswith("（改）") and not editor.is_dirty()
    return opening, saving


def test_opening_and_saving_a_trip_issue_the_same_statements_with_ten_years(
        sessions: sessionmaker[Session], qtbot: QtBot) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=_items(w, 2023))
    one_year = _statements(sessions, qtbot, trip.id)
    with sessions.begin() as s:
        _add_history(s, w)
    ten_years = _statements(sessions, qtbot, trip.id)
    assert one_year == ten_years
    assert one_year[0] <= 25  # the trip in one read (no statement per item), the lookups


def test_the_findings_arrive_from_the_worker_thread_beside_the_items(
        sessions: sessionmaker[Session], qtbot: QtBot) -> None:
    with sessions.begin() as s:  # a visit on Saturday 25 March in Frankfurt
        w = make_world(s)
        trip = make_trip(s, w, items=[replace(item_draft(w, day=25), place="Werk 2")])
    ctx = AppContext(sessions, "test", Lang.ZH)
    editor = TripEditor(ctx, trip.id)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.checked, timeout=20_000):
        pass
    assert not editor.checks_loading
    label = editor.errors.label("items")
    assert label is not None and "德国的周末" in label.text()
    assert any("德国的周末" in w for w in editor.itinerary.warnings.values())


def test_an_editor_closed_before_its_findings_arrive_lets_its_read_end_quietly(
        sessions: sessionmaker[Session], qtbot: QtBot) -> None:
    from PySide6.QtCore import QEvent, QThreadPool
    from PySide6.QtWidgets import QApplication

    from desktop.worker import Job

    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=_items(w, 2023))
    ctx = AppContext(sessions, "test", Lang.ZH)
    with qtbot.captureExceptions() as raised:
        editor = TripEditor(ctx, trip.id)
        assert editor.checks_loading
        editor.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        QThreadPool.globalInstance().waitForDone()
        qtbot.waitUntil(lambda: not ctx.findChildren(Job), timeout=20_000)  # delivered, gone
    assert raised == []
    reopened = TripEditor(ctx, trip.id)  # the next editor of the trip gets its findings
    qtbot.addWidget(reopened)
    qtbot.waitUntil(lambda: not reopened.checks_loading, timeout=20_000)
    assert any("德国的周末" in c.text(Lang.ZH) for c in reopened.conflicts)  # 25–26 March


def test_an_older_checks_read_that_fails_is_dropped_like_one_that_answers(
        sessions: sessionmaker[Session], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read of the trip's findings that fails (the database could not be read) while a newer
    one is under way leaves the newer one to answer: no banner, still checking meanwhile."""
    from PySide6.QtCore import QThreadPool

    import desktop.editors.trip as trip_module

    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=_items(w, 2023))
    ctx = AppContext(sessions, "test", Lang.ZH)
    release = threading.Event()
    real = trip_module.open_findings
    calls: list[int] = []

    def findings(session: Session, code: str) -> object:
        calls.append(1)
        if len(calls) == 1:  # the first read fails, after the second one has begun
            assert release.wait(10)
            raise OSError("disk I/O error")
        return real(session, code)

    monkeypatch.setattr(trip_module, "open_findings", findings)
    editor = TripEditor(ctx, trip.id)
    qtbot.addWidget(editor)
    editor.reload()  # a newer read of its findings
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=20_000)
    qtbot.waitUntil(lambda: not editor.checks_loading, timeout=20_000)
    assert any("德国的周末" in c.text(Lang.ZH) for c in editor.conflicts)
    release.set()
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(50)  # the older read's failure is delivered, and dropped
    assert not editor.errors.banner.text()
    assert any("德国的周末" in c.text(Lang.ZH) for c in editor.conflicts)
