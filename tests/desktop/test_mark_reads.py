"""The calendar's marks, read on a worker: whatever becomes of the read (marks, a failure, a
newer view), the calendar says it is filled, which the window waits for before it configures
the records aside (``MainWindow.when_filled``)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from desktop.calendar import mark_reads
from desktop.calendar.view import CalendarView
from desktop.context import AppContext


@pytest.fixture
def calendar(qtbot: QtBot, ctx: AppContext) -> CalendarView:
    ctx.background_loading = True  # the marks on a worker thread, as in the window
    view = CalendarView(ctx)
    view.today = date(2023, 3, 15)
    qtbot.addWidget(view)
    return view


def test_the_calendar_is_filled_when_its_marks_arrive(qtbot: QtBot,
                                                      calendar: CalendarView) -> None:
    with qtbot.waitSignal(calendar.loaded, timeout=20_000):
        calendar.refresh()
        assert calendar.loading
    assert not calendar.loading


def test_a_failed_read_of_the_marks_still_fills_the_calendar(
        qtbot: QtBot, calendar: CalendarView, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("the database went away")

    monkeypatch.setattr(mark_reads, "read_marks", broken)
    with qtbot.waitSignal(calendar.loaded, timeout=20_000):
        calendar.refresh()
    assert not calendar.loading


def test_a_dropped_read_fills_the_calendar(qtbot: QtBot, calendar: CalendarView) -> None:
    calendar.refresh()
    assert calendar.loading
    with qtbot.waitSignal(calendar.loaded, timeout=1_000):
        calendar.mark_reads.drop()
    assert not calendar.loading
    assert QThreadPool.globalInstance().waitForDone(20_000)  # the dropped read ends here
