"""The year timeline's layout is made on the worker thread that reads the year, and is the one
the UI thread would make; painting visits only the bars that show in the exposed rectangle."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

import desktop.calendar.timeline as timeline_module
import desktop.calendar.timeline_parts as parts
from desktop.calendar.timeline import TimelineView
from desktop.calendar.timeline_parts import LayoutKey, TimelineCanvas, YearLayout, lay_out_year
from planning.entries import CalendarEntry
from planning.timeline import Grouping
from tests.desktop.planning_world import context

Calls = list[tuple[bool, int]]  # (on the UI thread, how many entries) per layout made


def spy_layouts(monkeypatch: pytest.MonkeyPatch) -> Calls:
    """Record where each year layout is made, by the reader or by the canvas."""
    calls: Calls = []

    def spy(entries: Sequence[CalendarEntry], key: LayoutKey, font: QFont,
            widths: dict[str, float] | None = None) -> YearLayout:
        calls.append((threading.current_thread() is threading.main_thread(), len(entries)))
        return lay_out_year(entries, key, font, widths)

    monkeypatch.setattr(timeline_module, "lay_out_year", spy)
    monkeypatch.setattr(parts, "lay_out_year", spy)
    return calls


def loaded_in_background(qtbot: QtBot, sessions: sessionmaker[Session], width: int = 1280,
                         height: int = 700,
                         meanwhile: Callable[[TimelineView], object] | None = None) -> TimelineView:
    ctx = context(sessions)
    ctx.background_loading = True
    view = TimelineView(ctx)
    qtbot.addWidget(view)
    view.today = date(2023, 3, 27)
    view.resize(width, height)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.show()
        if meanwhile is not None:
            meanwhile(view)
    qtbot.waitUntil(lambda: not view.marks_loading, timeout=20_000)  # its marks follow
    return view


def shown_geometry(canvas: TimelineCanvas) -> tuple[object, ...]:
    return (canvas.rows, canvas.row_tops, canvas.bar_rects(), canvas.label_rects(),
            canvas.width(), canvas.height())


def made_here(canvas: TimelineCanvas) -> tuple[object, ...]:
    """What the UI thread makes of the same entries, laid out afresh (nothing measured kept)."""
    layout = lay_out_year(canvas.entries, canvas.layout_key(), canvas.bar_font())
    bars = [(rect, bar.entry, layout.lanes[n][0]) for n, (rect, bar, _) in enumerate(layout.bars)]
    labels = [(out, bar.entry) for _rect, bar, out in layout.bars if out is not None]
    return (layout.rows, layout.row_tops, bars, labels, layout.width, layout.height)


@pytest.mark.parametrize("grouping", [Grouping.REGION, Grouping.LEADER])
def test_the_bars_laid_out_on_the_worker_thread_are_those_the_ui_thread_makes(
        qtbot: QtBot, sample_sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch,
        grouping: Grouping) -> None:
    calls = spy_layouts(monkeypatch)
    view = loaded_in_background(qtbot, sample_sessions)
    if grouping is Grouping.LEADER:
        calls.clear()
        with qtbot.waitSignal(view.loaded, timeout=20_000):
            view.set_grouping(grouping)
        qtbot.waitUntil(lambda: not view.marks_loading, timeout=20_000)
    canvas = view.canvas
    assert len(canvas.entries) > 60 and len(canvas.label_rects()) > 10
    assert (False, len(canvas.entries)) in calls  # laid out by the reader, off the UI thread
    assert [n for on_ui, n in calls if on_ui and n] == []  # ... and not again on the UI thread
    assert shown_geometry(canvas) == made_here(canvas)


def test_a_zoom_while_the_year_is_read_lays_the_bars_out_again_for_it(
        qtbot: QtBot, sample_sessions: sessionmaker[Session],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader laid the bars out for the zoom of its start; the zoom changed meanwhile, so
    the UI thread lays them out again (with the titles the reader measured)."""
    calls = spy_layouts(monkeypatch)
    view = loaded_in_background(qtbot, sample_sessions, meanwhile=lambda v: v.set_zoom(10))
    canvas = view.canvas
    assert canvas.px_per_day == 10
    assert calls[-1] == (True, len(canvas.entries))
    assert shown_geometry(canvas) == made_here(canvas)
    assert canvas.width() == canvas.day_count * 10 + 1


def test_painting_visits_only_the_bars_in_the_exposed_rectangle(
        qtbot: QtBot, sample_sessions: sessionmaker[Session],
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = loaded_in_background(qtbot, sample_sessions, 900, 420)
    view.set_zoom(12)
    canvas = view.canvas
    painted: list[int] = []
    paint_bar = canvas._paint_bar

    def spy(painter: object, n: int) -> None:
        painted.append(n)
        paint_bar(painter, n)  # type: ignore[arg-type]

    monkeypatch.setattr(canvas, "_paint_bar", spy)
    canvas.grab()
    assert sorted(painted) == list(range(len(canvas.bar_rects())))
    exposed = QRect(int(canvas.x_of(date(2023, 3, 1))), 60, 400, 200)
    assert canvas.rect().contains(exposed)
    painted.clear()
    part = canvas.grab(exposed).toImage()
    in_sight = [n for n, (rect, _entry, _row) in enumerate(canvas.bar_rects())
                if rect.intersects(exposed.toRectF())]
    assert in_sight  # the sample's March has bars there
    assert set(in_sight) <= set(painted)  # every bar in sight is painted ...
    assert len(painted) < len(canvas.bar_rects()) / 3  # ... and few of the others
    every = list(range(len(canvas.bar_rects())))
    monkeypatch.setattr(canvas, "exposed_bars", lambda _rect: every)
    assert canvas.grab(exposed).toImage() == part  # the same pixels as painting every bar
