"""What the window reads ahead once its first view is painted (``Editors.read_ahead``): the
first trip editor then reads no lookups and compiles no statement on the window's thread, on
SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.engine.default import CACHE_MISS
from sqlalchemy.orm import Session, sessionmaker

from desktop.context import AppContext
from desktop.editors.opening import Editors
from desktop.lookups import city_choices, leader_choices, organisation_choices
from models.language import Lang
from models.lookups import NO_LOOKUPS, load_lookups
from models.rows import Ref
from tests.desktop.conftest import Small
from tests.statements import recorded

pytestmark = pytest.mark.backends("sqlite", "postgresql")


def _editors(sessions: sessionmaker[Session], db_url: str, qtbot: QtBot,
             background: bool) -> Editors:
    ctx = AppContext(sessions, db_url, Lang.EN)
    ctx.background_loading = background
    parent = QWidget()
    qtbot.addWidget(parent)
    return Editors(ctx, parent)


@contextmanager
def _no_warnings() -> Iterator[None]:
    """Fails when the block logs anything at INFO or above (a read ahead that failed)."""
    seen: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    handler = Keep(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.INFO)
    try:
        yield
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    assert not seen, [r.getMessage() for r in seen]


def _settled() -> None:
    QThreadPool.globalInstance().waitForDone()
    QApplication.processEvents()  # the job's result comes to the window's thread


def test_the_first_trip_editor_finds_what_it_needs_read_ahead(small: Small, db_url: str,
                                                              qtbot: QtBot) -> None:
    editors = _editors(small.sessions, db_url, qtbot, background=True)
    assert not editors.lookups.loaded
    with _no_warnings():
        editors.read_ahead()
        _settled()
    assert editors.lookups.loaded
    lookups = editors.lookups.get()
    made = [choices(lookups, Lang.EN) for choices in
            (organisation_choices, leader_choices, city_choices)]
    assert all(made) and "Frankfurt (Germany) · Europe & US" in [label for label, _ in made[2]]

    engine = small.sessions.kw["bind"]
    ui = threading.get_ident()
    on_ui: list[tuple[str, Any]] = []

    def sent(_conn: object, _cursor: object, statement: str, _parameters: object,
             context: Any, _many: bool) -> None:
        if threading.get_ident() == ui:
            on_ui.append((statement, context.cache_hit))

    event.listen(engine, "before_cursor_execute", sent)
    try:
        editor = editors.open_trip(small.trip.id)
        qtbot.addWidget(editor)
    finally:
        event.remove(engine, "before_cursor_execute", sent)
    assert on_ui  # the trip itself is read when its editor opens
    with recorded(engine) as reading_lookups, small.sessions() as session:
        load_lookups(session)
    assert reading_lookups and not set(reading_lookups) & {s for s, _ in on_ui}
    assert not [s for s, hit in on_ui if hit is CACHE_MISS], "compiled on the window's thread"
    # the labels read ahead are the ones the editor shows, not made again
    assert [choices(lookups, Lang.EN) for choices in
            (organisation_choices, leader_choices, city_choices)] == made
    assert organisation_choices(lookups, Lang.EN) is made[0]
    editor.close()
    _settled()


def test_the_first_saves_modules_are_imported_on_the_worker(
        small: Small, db_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    import models.concurrency

    threads: list[int] = []
    monkeypatch.setattr(models.concurrency, "install_write_listeners",
                        lambda: threads.append(threading.get_ident()))
    editors = _editors(small.sessions, db_url, qtbot, background=True)
    editors.read_ahead()
    _settled()
    assert len(threads) == 1 and threads[0] != threading.get_ident()


def test_labels_are_kept_with_the_lookups_they_were_made_from() -> None:
    """The read ahead's worker makes labels from its lookups while the window may make them
    from fresher ones (an editor opened meanwhile): neither gets the other's."""
    older = replace(NO_LOOKUPS, organisations=(Ref(1, "旧企业", "old org"),), made={})
    fresh = replace(NO_LOOKUPS, organisations=(Ref(1, "旧企业", "old org"),
                                               Ref(2, "新企业", "new org")), made={})
    made_aside: list[list[tuple[str, int]]] = []
    worker = threading.Thread(target=lambda: made_aside.append(
        organisation_choices(older, Lang.EN)))
    first = organisation_choices(fresh, Lang.EN)
    worker.start()
    worker.join()
    assert made_aside == [[("old org", 1)]]
    assert organisation_choices(fresh, Lang.EN) is first == [("old org", 1), ("new org", 2)]
    assert organisation_choices(older, Lang.EN) is made_aside[0]
    assert organisation_choices(fresh, Lang.ZH) == [("旧企业", 1), ("新企业", 2)]


def test_nothing_is_read_ahead_without_background_loading(small: Small, db_url: str,
                                                          qtbot: QtBot) -> None:
    """Tests and screenshots load at once: no worker is left running behind them."""
    editors = _editors(small.sessions, db_url, qtbot, background=False)
    editors.read_ahead()
    _settled()
    assert not editors.lookups.loaded
    assert editors.lookups.get() is editors.lookups.get()  # read on first use, as before


def test_an_empty_database_is_read_ahead_too(sessions: sessionmaker[Session], db_url: str,
                                             qtbot: QtBot) -> None:
    """No campaign, no trip: the lookups (empty) come all the same, with no failure logged."""
    editors = _editors(sessions, db_url, qtbot, background=True)
    with _no_warnings():
        editors.read_ahead()
        _settled()
    assert editors.lookups.loaded and not editors.lookups.get().organisations


def test_a_read_ahead_stops_when_the_window_closes(small: Small, db_url: str,
                                                   qtbot: QtBot) -> None:
    """Quitting at once after the start: the jobs are cancelled (``desktop.app._end_jobs``)
    and the read ahead stops after its current step instead of reading on."""
    from desktop.worker import Job

    editors = _editors(small.sessions, db_url, qtbot, background=True)
    editors.read_ahead()
    jobs = editors.findChildren(Job)  # the window's jobs: what desktop.app._end_jobs stops
    assert jobs
    for job in jobs:
        job.cancel()
    _settled()
    assert not editors.lookups.loaded


def test_the_window_reads_ahead_a_moment_after_its_first_filled_paint(
        window: Any, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """``desktop.app`` asks for it once the first filled view is painted, after
    ``READ_AHEAD_AFTER_MS`` (a Qt timer of the window's editors: gone with the window)."""
    import desktop.app

    window.ctx.background_loading = True
    monkeypatch.setattr(desktop.app, "READ_AHEAD_AFTER_MS", 50)
    desktop.app._aside(window)
    assert not window.editors.lookups.loaded  # not at once: the start's own work goes first
    qtbot.waitUntil(lambda: window.editors.lookups.loaded, timeout=10_000)
    _settled()

