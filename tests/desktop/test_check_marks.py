"""The checks in the window: marks on the calendar and the timeline, the dashboard's count by
severity, the editors' fields, and opening a record at the field a finding concerns."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from desktop.calendar.view import CalendarView
from desktop.editors.trip import TripEditor
from models.changes import RecordKind
from models.enums import Severity
from planning.entries import EntryKind
from tests.desktop.planning_world import context, make_plan, threaded_view
from tests.desktop.test_calendar_view import find, open_calendar
from tests.desktop.test_dashboard import open_dashboard, texts
from tests.desktop.test_timeline_view import open_timeline


def test_calendar_marks_the_trip_and_its_sunday_meeting(
        qtbot: QtBot, sessions: sessionmaker[Session], tmp_path: Path) -> None:
    plan = make_plan(sessions)  # a promotion meeting on Sunday 26 March in Frankfurt
    ctx = context(sessions)
    view = open_calendar(qtbot, ctx)
    trip = find(view, EntryKind.TRIP, plan.trip_id)
    sunday = find(view, EntryKind.ITEM, plan.sunday_id)
    trip_mark, item_mark = view.month.mark_of(trip), view.month.mark_of(sunday)
    # 李晓敏 is on the trip and leads the summit at home on the 28th: the worst is an error
    assert trip_mark is not None and trip_mark.severity is Severity.ERROR
    assert any("德国的周末" in t for t in trip_mark.texts)
    assert item_mark is not None and any("德国的周末" in t for t in item_mark.texts)
    assert view.month.mark_of(find(view, EntryKind.ITEM, plan.visit_id)) is None
    view.grab().save(str(tmp_path / "calendar-marks.png"))
    with qtbot.waitSignal(ctx.open_field_requested) as opened:
        view.open_entry(sunday)
    assert opened.args[:2] == [RecordKind.TRIP, plan.trip_id] and opened.args[2] == "items"


def test_in_the_window_the_month_s_marks_come_from_a_worker_thread(
        qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    """The entries are shown at once; their marks, a month of checks, follow from a worker
    thread and are painted when they come (the next month's read drops this one's)."""
    plan = make_plan(sessions)
    view = threaded_view(CalendarView, sessions, qtbot, 1280, 820)
    view.today = date(2023, 3, 27)
    view.anchor = date(2023, 3, 15)
    with qtbot.waitSignal(view.marks_loaded, timeout=10_000):
        view.show()
        trip = find(view, EntryKind.TRIP, plan.trip_id)  # the entries: there at once
        assert view.marks_loading and view.month.mark_of(trip) is None
    assert not view.marks_loading
    mark = view.month.mark_of(trip)
    assert mark is not None and mark.severity is Severity.ERROR
    with qtbot.waitSignal(view.marks_loaded, timeout=10_000):
        view.step(1)  # April: its read overtaken by March's again
        view.step(-1)
    assert view.month.mark_of(find(view, EntryKind.TRIP, plan.trip_id)) == mark


def test_the_timeline_marks_the_trip(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    view = open_timeline(qtbot, context(sessions))
    mark = view.canvas.marks.by_code.get(plan.trip_code)
    assert mark is not None and mark.target[:2] == (RecordKind.TRIP, plan.trip_id)


def test_dashboard_counts_by_severity_and_opens_at_the_field(
        qtbot: QtBot, sessions: sessionmaker[Session], tmp_path: Path) -> None:
    plan = make_plan(sessions)
    ctx = context(sessions)
    view = open_dashboard(qtbot, ctx, date(2023, 3, 20))
    messages = texts(view, "findings_list", 2)
    assert any("推介会" in m and "德国的周末" in m for m in messages)
    severities = texts(view, "findings_list", 0)
    warnings = sum("提醒" in s for s in severities)
    errors = sum("冲突" in s for s in severities)  # Severity.ERROR's label
    assert errors >= 1 and warnings >= 1
    assert f"warnings: {warnings}" in view.findings_heading.text()
    assert f"errors: {errors}" in view.findings_heading.text()
    assert view.check_tabs.tabText(0) == f"All checks ({len(messages)})"
    view.grab().save(str(tmp_path / "dashboard-checks.png"))
    row = next(n for n, m in enumerate(messages) if "德国的周末" in m)
    with qtbot.waitSignal(ctx.open_field_requested) as opened:
        view.findings_list.itemDoubleClicked.emit(view.findings_list.topLevelItem(row), 2)
    assert opened.args == [RecordKind.TRIP, plan.trip_id, "items"]


def test_the_trip_editor_opens_at_the_field_with_its_findings(
        window: object, small: object, qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.main_window import MainWindow
    from models.operations.items import add_item
    from tests.desktop.conftest import Small
    from tests.factories import item_draft

    assert isinstance(window, MainWindow) and isinstance(small, Small)
    with window.ctx.sessions.begin() as session:  # a visit on Saturday 25 March in Frankfurt
        add_item(session, small.trip.id, item_draft(small.world, day=25, place="Werk 2"))
    editor = window.editors.open_at(RecordKind.TRIP, small.trip.id, "items")
    assert isinstance(editor, TripEditor)
    assert editor.tabs.currentWidget().isAncestorOf(editor.items_view)
    label = editor.errors.label("items")
    assert label is not None and "提醒：" in label.text() and "德国的周末" in label.text()
    assert any("德国的周末" in w for w in editor.itinerary.warnings.values())
    editor.grab().save(str(tmp_path / "trip-editor-checks.png"))


def test_check_settings_dialog_writes_to_the_database(
        qtbot: QtBot, sessions: sessionmaker[Session], tmp_path: Path) -> None:
    from desktop.check_settings_dialog import CheckSettingsDialog
    from models.checks.settings import load_settings

    make_plan(sessions)
    ctx = context(sessions)
    dialog = CheckSettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grab().save(str(tmp_path / "check-settings.png"))
    dialog.transfer.setValue(45)
    dialog.hours.setPlainText("DE 08:30-17:00\n")
    dialog.weekends.setPlainText("de sun")
    dialog.blackouts.setPlainText("2023-03-25 2023-03-26 全市招商大会")
    with qtbot.waitSignal(ctx.data_changed):
        assert dialog.store()
    with sessions() as s:
        settings = load_settings(s)
    assert settings.transfer_minutes == 45
    assert settings.business_hours("DE")[0].strftime("%H:%M") == "08:30"
    assert settings.weekend_days("DE") == (6,)
    assert [(b.start.day, b.end.day, b.reason) for b in settings.blackouts] == [
        (25, 26, "全市招商大会")]
    again = CheckSettingsDialog(ctx)  # reads back what was written
    qtbot.addWidget(again)
    assert again.hours.toPlainText() == "DE 08:30-17:00" and again.transfer.value() == 45


def test_check_settings_dialog_refuses_a_bad_line_beside_its_field(
        qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    from desktop.check_settings_dialog import CheckSettingsDialog
    from models.checks.settings import load_settings

    make_plan(sessions)
    dialog = CheckSettingsDialog(context(sessions))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.weekends.setPlainText("AE fri,sat\nSA 周五,星期八")
    dialog.transfer.setValue(50)
    dialog._ok()
    label = dialog.errors.label("weekend")
    assert label is not None and "SA" in label.text() and "fri,sat" in label.text()
    assert dialog.isVisible()
    with sessions() as s:  # nothing half-applied
        assert load_settings(s).transfer_minutes == 30


def test_in_the_window_the_timeline_s_marks_follow_its_bars(
        qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    """The year's bars come first; the checks' marks on them (seconds of checks at ten
    years of history) follow from a worker thread of their own and are painted when they
    come; a newer read of the year drops the older marks' read."""
    from desktop.calendar.timeline import TimelineView

    plan = make_plan(sessions)
    view = threaded_view(TimelineView, sessions, qtbot, 1280, 700)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    assert view.marks_loading and not view.loading
    with qtbot.waitSignal(view.marks_loaded, timeout=10_000):
        pass
    assert not view.marks_loading
    mark = view.canvas.marks.by_code.get(plan.trip_code)
    assert mark is not None and mark.target[:2] == (RecordKind.TRIP, plan.trip_id)
    with qtbot.waitSignal(view.marks_loaded, timeout=10_000):
        view.set_year(2024)
        view.set_year(2023)  # the 2024 read and its marks are dropped
    assert view.canvas.year == 2023 and not view.marks_loading
    assert view.canvas.marks.by_code.get(plan.trip_code) == mark
    assert not view.grab().isNull()
