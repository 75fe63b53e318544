"""The year timeline: rows by region or leader, bars, zoom, moving bars with undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from desktop.calendar.style import entry_tooltip
from desktop.calendar.timeline import TimelineView
from desktop.context import AppContext
from models.enums import TripStatus
from models.language import Lang
from models.queries import get_event, get_trip
from planning.entries import CalendarEntry, EntryKind, TimeMode
from planning.feed import Filters
from planning.timeline import Grouping
from tests.desktop.planning_world import context, make_plan, threaded_view
from tests.factories import make_trip


def open_timeline(qtbot: QtBot, ctx: AppContext) -> TimelineView:
    view = TimelineView(ctx)
    qtbot.addWidget(view)
    view.today = date(2023, 3, 27)
    view.resize(1280, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def bar(view: TimelineView, kind: EntryKind, ident: int) -> tuple[QPointF, CalendarEntry, int]:
    for rect, entry, row in view.canvas.bar_rects():
        if entry.key == (kind, ident):
            return QPointF(rect.left() + min(rect.width() / 2, 4), rect.center().y()), entry, row
    raise AssertionError(f"no bar for {kind} {ident}")


def drag(widget: QWidget, start: QPointF, end: QPointF) -> None:
    steps = [(QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton),
             (QEvent.Type.MouseMove, (start + end) / 2, Qt.MouseButton.LeftButton),
             (QEvent.Type.MouseMove, end, Qt.MouseButton.LeftButton),
             (QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)]
    for kind, pos, held in steps:
        button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
        QApplication.sendEvent(widget, QMouseEvent(kind, pos, widget.mapToGlobal(pos), button, held,
                                                   Qt.KeyboardModifier.NoModifier))


def test_one_row_per_region_with_the_year_s_bars(qtbot: QtBot,
                                                sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    view = open_timeline(qtbot, context(sessions))
    assert view.year == 2023
    assert [row.label(Lang.ZH) for row in view.canvas.rows] == ["欧美", "本地"]
    _, _, trip_row = bar(view, EntryKind.TRIP, plan.trip_id)
    _, _, event_row = bar(view, EntryKind.EVENT, plan.event_id)
    _, _, april_row = bar(view, EntryKind.TRIP, plan.april_id)
    assert (trip_row, event_row, april_row) == (0, 1, 1)
    assert view.title.text() == "2023 · trips: 2 · events: 1"
    # the whole year fits the window at first
    assert view.canvas.width() <= view.scroller.viewport().width() + 2
    assert not view.grab().isNull()


def test_rows_by_leader(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    view = open_timeline(qtbot, context(sessions))
    view.set_grouping(Grouping.LEADER)
    labels = [row.label(Lang.ZH) for row in view.canvas.rows]
    assert labels == ["李晓敏", "王建国", "未定带队领导"]
    assert bar(view, EntryKind.EVENT, plan.event_id)[2] == 0  # the summit's lead person
    assert bar(view, EntryKind.TRIP, plan.trip_id)[2] == 1
    assert bar(view, EntryKind.TRIP, plan.april_id)[2] == 2


def test_overlapping_bars_take_separate_lanes(qtbot: QtBot,
                                             sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    with sessions.begin() as s:
        second = make_trip(s, plan.world, title_zh="欧洲第二站", start_date=date(2023, 3, 27),
                           end_date=date(2023, 4, 2), members=[], leader_id=None)
    view = open_timeline(qtbot, context(sessions))
    first_rect = next(r for r, e, _ in view.canvas.bar_rects() if e.id == plan.trip_id
                      and e.kind is EntryKind.TRIP)
    second_rect = next(r for r, e, _ in view.canvas.bar_rects() if e.id == second.id
                       and e.kind is EntryKind.TRIP)
    assert not first_rect.intersects(second_rect)
    assert view.canvas.rows[0].lanes >= 2


def test_dragging_a_bar_moves_the_trip_by_whole_days(qtbot: QtBot,
                                                    sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    ctx = context(sessions)
    view = open_timeline(qtbot, ctx)
    view.set_zoom(20)  # 20 px a day
    start, _, _ = bar(view, EntryKind.TRIP, plan.trip_id)
    drag(view.canvas, start, start + QPointF(7 * 20 + 3, 0))
    with sessions() as s:
        trip = get_trip(s, plan.trip_id)
        assert (trip.start_date, trip.end_date) == (date(2023, 3, 30), date(2023, 4, 6))
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    with sessions() as s:
        assert get_trip(s, plan.trip_id).start_date == date(2023, 3, 23)
    # the keyboard: Alt+Left moves the selected event a day earlier
    _, event, _ = bar(view, EntryKind.EVENT, plan.event_id)
    view.canvas.select(event)
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    with sessions() as s:
        assert get_event(s, plan.event_id).starts_at.date() == date(2023, 3, 27)
    assert view.selected_entry() is not None and view.selected_entry().id == plan.event_id


def test_zoom_keeps_the_day_under_the_pointer(qtbot: QtBot,
                                             sessions: sessionmaker[Session]) -> None:
    make_plan(sessions)
    view = open_timeline(qtbot, context(sessions))
    view.set_zoom(10)
    x = view.canvas.x_of(date(2023, 6, 1))
    view.scroller.horizontalScrollBar().setValue(int(x - 300))
    view.set_zoom(20, keep_x=x)
    after = view.canvas.x_of(date(2023, 6, 1)) - view.scroller.horizontalScrollBar().value()
    assert abs(after - 300) <= 2
    assert view.canvas.width() == 365 * 20 + 1
    view.zoom(1)
    assert view.canvas.px_per_day == 25
    view.fit_year()
    assert view.canvas.width() <= view.scroller.viewport().width() + 2


def test_filters_and_double_click(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    ctx = context(sessions)
    view = open_timeline(qtbot, ctx)
    view.set_filters(Filters(status=TripStatus.PLANNED.value))
    assert {e.key for e in view.canvas.entries} == {(EntryKind.EVENT, plan.event_id)}
    view.set_filters(Filters(events=False))
    assert {e.kind for e in view.canvas.entries} == {EntryKind.TRIP}
    point, _, _ = bar(view, EntryKind.TRIP, plan.trip_id)
    with qtbot.waitSignal(ctx.open_trip_requested) as opened:
        qtbot.mouseDClick(view.canvas, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert opened.args == [plan.trip_id]


def test_tooltips_say_what_a_planner_checks(sessions: sessionmaker[Session], qtbot: QtBot) -> None:
    plan = make_plan(sessions)
    view = open_timeline(qtbot, context(sessions))
    _, trip, _ = bar(view, EntryKind.TRIP, plan.trip_id)
    tip = entry_tooltip(trip, TimeMode.LOCAL, Lang.ZH)
    for expected in ("欧洲新能源汽车推介", plan.trip_code, "王建国", "欧美", "8", "松山湖"):
        assert expected in tip
    _, event, _ = bar(view, EntryKind.EVENT, plan.event_id)
    assert "东莞国际会展中心" in entry_tooltip(event, TimeMode.LOCAL, Lang.ZH)
    english = entry_tooltip(trip, TimeMode.LOCAL, Lang.EN)
    assert "Europe NEV roadshow" in english and "Wang Jianguo" in english


def test_year_navigation(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    make_plan(sessions)
    view = open_timeline(qtbot, context(sessions))
    view.next_button.click()
    assert view.year == 2024 and view.canvas.entries == []
    assert view.title.text() == "2024 · trips: 0 · events: 0"
    assert view.canvas.day_count == 366
    view.prev_button.click()
    assert view.year == 2023 and len(view.canvas.entries) == 3


def test_the_sample_campaign_s_year(qtbot: QtBot, sample_sessions: sessionmaker[Session]) -> None:
    view = open_timeline(qtbot, context(sample_sessions))
    trips = [e for e in view.canvas.entries if e.kind is EntryKind.TRIP]
    assert len(trips) >= 33 and len(view.canvas.entries) - len(trips) >= 33
    assert [row.key.split(":")[0] for row in view.canvas.rows] == ["region"] * 6
    for rect, entry, _row in view.canvas.bar_rects():  # no two bars of a row overlap
        for other, other_entry, _ in view.canvas.bar_rects():
            if other_entry.key != entry.key:
                assert not rect.intersects(other)


def test_labels_beside_bars_clear_the_marks_and_the_next_bars(
        qtbot: QtBot, sample_sessions: sessionmaker[Session]) -> None:
    """A label too long for its bar starts after the bar's check mark and is shortened to the room
    before the next bar in its lane (and to the year's end); pointing at it gives the full title."""
    from desktop.calendar.timeline_parts import MARK_ROOM, NARROW

    view = open_timeline(qtbot, context(sample_sessions))
    view.set_zoom(3.0)
    canvas = view.canvas
    bars = canvas.bar_rects()
    labels = canvas.label_rects()
    assert labels
    year_w = canvas.day_count * canvas.px_per_day
    marked = 0
    for label, entry in labels:
        assert label.left() >= 0 and label.right() <= year_w + 0.5
        own = next(rect for rect, e, _ in bars if e.key == entry.key)
        if label.left() > own.left() and own.width() < NARROW:
            assert label.left() >= own.right() + MARK_ROOM  # clear of the mark after the bar
            marked += canvas.mark_of(entry) is not None
        for rect, other, _ in bars:
            if other.key != entry.key:
                assert not label.intersects(rect), (entry.title(Lang.EN), other.title(Lang.EN))
                if rect.width() < NARROW and canvas.mark_of(other) is not None:
                    mark_box = QRectF(rect.right(), rect.top(), MARK_ROOM, rect.height())
                    assert not label.intersects(mark_box)
        for other_label, other in labels:
            if other.key != entry.key:
                assert not label.intersects(other_label)
        assert canvas.hit(label.center()) is not None
        assert canvas.hit(label.center()).key == entry.key  # the label's tooltip is its entry's
    assert marked  # the sample has narrow bars with marks and labels after them


def test_in_the_window_the_year_is_read_on_a_worker_thread(qtbot: QtBot,
                                                           sessions: sessionmaker[Session]) -> None:
    """The title says 正在载入… while the year is read; the bars come with ``loaded``; a read
    overtaken by another (the next year asked meanwhile) is dropped."""
    plan = make_plan(sessions)
    view = threaded_view(TimelineView, sessions, qtbot, 1280, 700)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
        assert view.loading and view.title.text() == "2023年 · Loading…"  # (untranslated here)
    assert not view.loading and view.year == 2023
    bar(view, EntryKind.TRIP, plan.trip_id)  # the trip's bar is there
    assert "2023" in view.title.text() and "Loading" not in view.title.text()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.set_year(2024)
        view.set_year(2023)  # the 2024 read is overtaken: only 2023's is shown
    qtbot.wait(50)  # room for the dropped read to arrive, if it were not dropped
    assert view.canvas.year == 2023 and view.year == 2023
    bar(view, EntryKind.TRIP, plan.trip_id)
    qtbot.waitUntil(lambda: not view.marks_loading, timeout=10_000)  # the marks follow
