"""The toolbar's search box as it is typed in: suggestions from a LIMIT query after the pause,
read on a worker thread, chosen with the keyboard."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.editors.trip import TripEditor
from desktop.main_window import MainWindow
from models.changes import OpChanges, RecordKind
from models.search import SEARCH_LIMIT
from tests.desktop.conftest import Small
from tests.factories import make_trip

# the suggestions' popup grabs the keyboard, which the offscreen platform cannot do (harmless)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


def _type(qtbot: QtBot, window: MainWindow, text: str) -> None:
    search = window.search
    window.focus_search()
    qtbot.waitUntil(search.hasFocus)
    with qtbot.waitSignal(search.suggested, timeout=10_000):
        for character in text:  # as an input method types Chinese: a key event with its text
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(search, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         character))


def test_typing_suggests_after_the_pause_from_a_worker_thread(window: MainWindow, small: Small,
                                                              qtbot: QtBot) -> None:
    window.ctx.background_loading = True
    _type(qtbot, window, "峰会")
    search = window.search
    assert [(h.kind, h.ident) for h in search.hits] == [("event", small.event.id)]
    assert search.words.stringList() == [search.hits[0].label]
    assert small.event.code in search.hits[0].label and "峰会" in search.hits[0].label
    assert search.finder.popup().isVisible()
    qtbot.keyClick(search.finder.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(search.finder.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ("event", small.event.id) in window.editors.open, timeout=10_000)
    assert list(window.editors.open) == [("event", small.event.id)]
    assert search.text() == ""


def test_enter_while_typing_takes_the_best_match_a_code_first(window: MainWindow, small: Small,
                                                             qtbot: QtBot) -> None:
    with small.sessions.begin() as s:  # a newer trip whose title names the code
        make_trip(s, small.world, title_zh=f"{small.trip.code}后续对接", title_en="",
                  start_date=date(2023, 6, 1), end_date=date(2023, 6, 3))
    search = window.search
    search.setText(small.trip.code.lower())
    search.returnPressed.emit()  # before the pause is over: read at once
    assert isinstance(window.editors.open.get(("trip", small.trip.id)), TripEditor)
    assert search.text() == ""


def test_the_suggestions_stop_at_the_limit(window: MainWindow, small: Small,
                                           qtbot: QtBot) -> None:
    with small.sessions.begin() as s:
        for n in range(SEARCH_LIMIT + 5):
            make_trip(s, small.world, title_zh=f"第{n + 1}次日本推介", title_en="",
                      start_date=date(2023, 7, 1), end_date=date(2023, 7, 3))
    _type(qtbot, window, "日本")
    assert len(window.search.hits) == SEARCH_LIMIT
    assert window.search.words.rowCount() == SEARCH_LIMIT


def test_a_change_elsewhere_drops_the_old_suggestions(window: MainWindow, small: Small,
                                                      qtbot: QtBot) -> None:
    _type(qtbot, window, "峰会")
    assert len(window.search.hits) == 1
    with small.sessions.begin() as s:
        trip = make_trip(s, small.world, title_zh="峰会后的考察", title_en="",
                         start_date=date(2023, 8, 1), end_date=date(2023, 8, 3))
    window.ctx.notify(OpChanges.of(RecordKind.TRIP, trip.id))
    assert window.search.hits == [] and window.search.words.rowCount() == 0
    window.search.clear()
    _type(qtbot, window, "峰会")
    # the new trip's title begins with the word: before the summit that only holds it
    assert [(h.kind, h.ident) for h in window.search.hits] == [
        ("trip", trip.id), ("event", small.event.id)]
