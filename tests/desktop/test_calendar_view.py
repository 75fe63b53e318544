"""The calendar: month, week and agenda views; filters; local and Beijing time; opening and
moving entries with undo."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from desktop.calendar.canvas import CalendarCanvas
from desktop.calendar.style import ColourBy
from desktop.calendar.view import CalendarMode, CalendarView
from desktop.context import AppContext
from models.changes import OpChanges, RecordKind
from models.operations.items import add_item
from models.queries import get_event, get_trip
from models.trips import ItineraryItem
from planning.entries import CalendarEntry, EntryKind, TimeMode
from planning.feed import Filters
from tests.desktop.planning_world import context, make_plan
from tests.factories import item_draft


def mouse(widget: QWidget, kind: QEvent.Type, pos: QPointF,
          buttons: Qt.MouseButton = Qt.MouseButton.LeftButton) -> None:
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else buttons
    event = QMouseEvent(kind, pos, widget.mapToGlobal(pos), button, held,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def drag(widget: QWidget, start: QPointF, end: QPointF) -> None:
    mouse(widget, QEvent.Type.MouseButtonPress, start)
    mouse(widget, QEvent.Type.MouseMove, (start + end) / 2)
    mouse(widget, QEvent.Type.MouseMove, end)
    mouse(widget, QEvent.Type.MouseButtonRelease, end)


def centre(canvas: CalendarCanvas, entry: CalendarEntry) -> QPointF:
    rects = canvas.rects_of(entry)
    assert rects, f"{entry.title_zh} is not painted"
    return rects[0].center()


def find(view: CalendarView, kind: EntryKind, ident: int) -> CalendarEntry:
    return next(e for e in view.entries if e.key == (kind, ident))


def open_calendar(qtbot: QtBot, ctx: AppContext, day: date = date(2023, 3, 15)) -> CalendarView:
    view = CalendarView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 820)
    view.today = date(2023, 3, 27)
    view.anchor = day
    view.show()
    qtbot.waitExposed(view)
    return view


def trip_dates(sessions: sessionmaker[Session], trip_id: int) -> tuple[date, date]:
    with sessions() as s:
        trip = get_trip(s, trip_id)
        return trip.start_date, trip.end_date


def item_start(sessions: sessionmaker[Session], item_id: int, zone: str = "Europe/Berlin") -> datetime:
    from zoneinfo import ZoneInfo

    with sessions() as s:
        item = s.get_one(ItineraryItem, item_id)
        return item.starts_at.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def test_month_view_shows_trips_items_and_events(qtbot: QtBot,
                                                 sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    view = open_calendar(qtbot, context(sessions))
    assert view.period.text() == "2023年3月"
    painted = {e.key for _, e in view.month.hits}
    assert (EntryKind.TRIP, plan.trip_id) in painted
    assert (EntryKind.EVENT, plan.event_id) in painted
    assert (EntryKind.ITEM, plan.visit_id) in painted
    assert (EntryKind.TRIP, plan.april_id) not in painted  # the grid ends on 9 April
    trip = find(view, EntryKind.TRIP, plan.trip_id)
    # a bar across 23–26 March (Thursday to Sunday) and on into the next week's row
    rows = sorted(view.month.rects_of(trip), key=lambda r: r.top())
    assert len(rows) == 2 and rows[0].width() > 3 * rows[1].width() / 4
    assert not view.month.grab().isNull()


def test_filters_narrow_what_is_shown(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    view = open_calendar(qtbot, context(sessions))
    view.set_filters(Filters(region_id=plan.world.home_region_id))
    assert {e.key for e in view.entries} == {(EntryKind.EVENT, plan.event_id)}
    view.set_filters(Filters(person_id=plan.world.staff_id, items=False))
    assert {e.key for e in view.entries} == {(EntryKind.EVENT, plan.event_id),
                                             (EntryKind.TRIP, plan.trip_id)}
    assert view.filter_bar.person.currentText() == "李晓敏"
    view.filter_bar.clear()
    assert len(view.entries) == 5  # the trip, its three items, the summit


def test_beijing_time_puts_a_late_dinner_on_the_next_day(qtbot: QtBot,
                                                        sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    view = open_calendar(qtbot, context(sessions), date(2023, 3, 25))
    view.set_view(CalendarMode.WEEK)
    body = view.week.body
    dinner = find(view, EntryKind.ITEM, plan.dinner_id)
    saturday = body.col_left(5)
    local = body.rects_of(dinner)[0]
    assert saturday < local.left() < body.col_left(6)
    assert abs(local.top() - body.y_of(datetime(2023, 3, 25, 22, 30))) < 2
    view.set_time_mode(TimeMode.BEIJING)
    dinner = find(view, EntryKind.ITEM, plan.dinner_id)
    beijing = body.rects_of(dinner)[0]
    assert beijing.left() > body.col_left(6)  # Sunday, 05:30 in Beijing
    assert abs(beijing.top() - body.y_of(datetime(2023, 3, 26, 5, 30))) < 2
    # the header says which zones the day's items are in, and when the clocks change
    view.set_time_mode(TimeMode.LOCAL)
    notes = view.week.header._zones
    assert notes[date(2023, 3, 26)] == "法兰克福 UTC+1→+2"


def test_double_click_opens_the_editor(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    ctx = context(sessions)
    view = open_calendar(qtbot, ctx)
    trip = find(view, EntryKind.TRIP, plan.trip_id)
    with qtbot.waitSignal(ctx.open_trip_requested) as opened:
        qtbot.mouseDClick(view.month, Qt.MouseButton.LeftButton,
                          pos=centre(view.month, trip).toPoint())
    assert opened.args == [plan.trip_id]
    item = find(view, EntryKind.ITEM, plan.visit_id)
    with qtbot.waitSignal(ctx.open_trip_requested) as opened:
        view.open_entry(item)
    assert opened.args == [plan.trip_id]  # an item opens its trip
    view.set_view(CalendarMode.AGENDA)
    event = find(view, EntryKind.EVENT, plan.event_id)
    view.agenda.select(event)
    with qtbot.waitSignal(ctx.open_event_requested) as opened:
        qtbot.keyClick(view.agenda, Qt.Key.Key_Return)
    assert opened.args == [plan.event_id]


def test_dragging_a_trip_moves_it_and_its_itinerary_with_undo(
        qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    ctx = context(sessions)
    view = open_calendar(qtbot, ctx)
    trip = find(view, EntryKind.TRIP, plan.trip_id)
    bar = view.month.rects_of(trip)[0]
    start = QPointF(bar.left() + 10, bar.center().y())  # on Thursday the 23rd
    col_w = view.month.width() / 7
    drag(view.month, start, start + QPointF(2 * col_w, 0))
    assert trip_dates(sessions, plan.trip_id) == (date(2023, 3, 25), date(2023, 4, 1))
    # items keep their local clock time across the DST change: 09:00 on the 24th -> the 26th
    assert item_start(sessions, plan.visit_id) == datetime(2023, 3, 26, 9, 0)
    assert ctx.undo_stack.count() == 1
    assert "TRIP-2023-001" in ctx.undo_stack.undoText() and "+2" in ctx.undo_stack.undoText()
    # the view reloaded: the bar now starts on Saturday
    moved = find(view, EntryKind.TRIP, plan.trip_id)
    assert moved.first_day(TimeMode.LOCAL) == date(2023, 3, 25)
    ctx.undo_stack.undo()
    assert trip_dates(sessions, plan.trip_id) == (date(2023, 3, 23), date(2023, 3, 30))
    assert item_start(sessions, plan.visit_id) == datetime(2023, 3, 24, 9, 0)
    ctx.undo_stack.redo()
    assert trip_dates(sessions, plan.trip_id) == (date(2023, 3, 25), date(2023, 4, 1))


def test_alt_arrows_move_the_selection_and_merge_into_one_undo_step(
        qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    ctx = context(sessions)
    view = open_calendar(qtbot, ctx)
    view.set_view(CalendarMode.AGENDA)
    view.agenda.select(find(view, EntryKind.EVENT, plan.event_id))
    view.agenda.setFocus()
    qtbot.keyClick(view.agenda, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view.agenda, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    with sessions() as s:
        assert get_event(s, plan.event_id).starts_at.date() == date(2023, 3, 30)
    assert ctx.undo_stack.count() == 1
    assert "+2" in ctx.undo_stack.undoText()
    assert view.selected_entry() is not None  # the selection follows the moved event
    qtbot.keyClick(view.agenda, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert "+1" in ctx.undo_stack.undoText()
    ctx.undo_stack.undo()
    with sessions() as s:
        assert get_event(s, plan.event_id).starts_at.date() == date(2023, 3, 28)


def test_a_refused_move_is_explained_and_changes_nothing(
        qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    ctx = context(sessions)
    view = open_calendar(qtbot, ctx)
    view.set_filters(Filters(trips=False, events=False))
    visit = find(view, EntryKind.ITEM, plan.visit_id)
    start = centre(view.month, visit)
    drag(view.month, start, start - QPointF(3 * view.month.width() / 7, 0))  # to 21 March
    assert "超出了推广活动" in view.banner.text()
    assert item_start(sessions, plan.visit_id) == datetime(2023, 3, 24, 9, 0)
    assert ctx.undo_stack.count() == 0
    view.banner.dismiss()
    assert view.banner.text() == ""


def test_week_view_drag_moves_an_item_in_time(qtbot: QtBot,
                                             sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    ctx = context(sessions)
    view = open_calendar(qtbot, ctx, date(2023, 3, 24))
    view.set_view(CalendarMode.WEEK)
    body = view.week.body
    visit = find(view, EntryKind.ITEM, plan.visit_id)
    start = centre(body, visit)
    hour = body.y_of(datetime(2023, 1, 1, 1, 0))
    # one day later and 90 minutes earlier, across the night the clocks went forward
    drag(body, start, start + QPointF(body.col_width() * 2, -1.5 * hour))
    assert item_start(sessions, plan.visit_id) == datetime(2023, 3, 26, 7, 30)
    ctx.undo_stack.undo()
    assert item_start(sessions, plan.visit_id) == datetime(2023, 3, 24, 9, 0)
    # Alt+Down moves the selected block a quarter of an hour
    visit = find(view, EntryKind.ITEM, plan.visit_id)
    body.select(visit)
    body.setFocus()
    qtbot.keyClick(body, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert item_start(sessions, plan.visit_id) == datetime(2023, 3, 24, 9, 15)


def test_a_time_skipped_by_daylight_saving_is_refused(qtbot: QtBot,
                                                     sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    ctx = context(sessions)
    with sessions.begin() as s:
        early = add_item(s, plan.trip_id, item_draft(plan.world, day=25, start="02:30",
                                                     end="03:00", title_zh="早班车")).value
    view = open_calendar(qtbot, ctx, date(2023, 3, 24))
    view.set_view(CalendarMode.WEEK)
    body = view.week.body
    item = find(view, EntryKind.ITEM, early)
    start = centre(body, item)
    drag(body, start, start + QPointF(body.col_width(), 0))  # 26 March 02:30: does not exist
    assert "不存在" in view.banner.text()
    assert item_start(sessions, early) == datetime(2023, 3, 25, 2, 30)


def test_agenda_lists_days_with_both_clocks(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    view = open_calendar(qtbot, context(sessions))
    view.set_view(CalendarMode.AGENDA)
    rows = view.agenda.entry_rows()
    assert rows[0].key == (EntryKind.TRIP, plan.trip_id)
    visit = next(n for n in range(view.agenda.topLevelItemCount())
                 if view.agenda.topLevelItem(n).text(1).startswith("拜访博世"))
    item = view.agenda.topLevelItem(visit)
    assert item.text(0) == "09:00–11:00 (UTC+1)"
    assert item.text(5) == "16:00–18:00 (UTC+8)"
    assert "法兰克福" in item.text(3)
    headings = [view.agenda.topLevelItem(n).text(0) for n in range(view.agenda.topLevelItemCount())]
    assert "3月24日 周五" in headings
    view.set_time_mode(TimeMode.BEIJING)
    item = next(view.agenda.topLevelItem(n) for n in range(view.agenda.topLevelItemCount())
                if view.agenda.topLevelItem(n).text(1).startswith("拜访博世"))
    assert item.text(0) == "16:00–18:00"
    assert item.text(5).startswith("法兰克福 09:00–11:00")


def test_navigation_and_more_days(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    with sessions.begin() as s:
        for hour in ("12:00", "14:00", "16:00"):
            add_item(s, plan.trip_id, item_draft(plan.world, day=24, start=hour,
                                                 end=hour.replace(":00", ":45")))
    view = open_calendar(qtbot, context(sessions))
    view.step(1)
    assert view.period.text() == "2023年4月"
    view.set_view(CalendarMode.WEEK)
    assert view.visible_range() == (date(2023, 4, 10), date(2023, 4, 16))
    view.step(-1)
    assert view.visible_range() == (date(2023, 4, 3), date(2023, 4, 9))
    view.go_to(date(2023, 3, 15))
    view.set_view(CalendarMode.MONTH)
    crowded = view.month.more_counts()
    assert set(crowded) == {date(2023, 3, 24)}  # the trip's bar and four items
    day = min(crowded)
    view.month.day_requested.emit(day)
    assert view.view_mode is CalendarMode.WEEK
    assert view.visible_range()[0] <= day <= view.visible_range()[1]


def test_changes_elsewhere_refresh_the_view(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    ctx = context(sessions)
    view = open_calendar(qtbot, ctx)
    with sessions.begin() as s:
        extra = add_item(s, plan.trip_id, item_draft(plan.world, day=29, title_zh="参观工厂")).value
    assert (EntryKind.ITEM, extra) not in {e.key for e in view.entries}
    ctx.notify(OpChanges.of(RecordKind.ITEM, extra))
    assert (EntryKind.ITEM, extra) in {e.key for e in view.entries}
    # a hidden view only notes the change and reloads when shown again
    view.hide()
    with sessions.begin() as s:
        later = add_item(s, plan.trip_id, item_draft(plan.world, day=30, title_zh="返程")).value
    ctx.notify(OpChanges.of(RecordKind.ITEM, later))
    assert (EntryKind.ITEM, later) not in {e.key for e in view.entries}
    view.show()
    assert (EntryKind.ITEM, later) in {e.key for e in view.entries}


def test_the_view_reloads_only_for_the_kinds_it_shows(qtbot: QtBot,
                                                      sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    ctx = context(sessions)
    view = open_calendar(qtbot, ctx)
    with sessions.begin() as s:
        added = add_item(s, plan.trip_id, item_draft(plan.world, day=29, title_zh="参观工厂"))
    ctx.notify(OpChanges.of(RecordKind.LEAD, 1) | OpChanges.of(RecordKind.ORGANISATION))
    assert (EntryKind.ITEM, added.value) not in {e.key for e in view.entries}  # not shown here
    ctx.notify(added.changes)  # what the operation said it changed: the item and its trip
    assert (EntryKind.ITEM, added.value) in {e.key for e in view.entries}


def test_keyboard_walks_through_the_month(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    view = open_calendar(qtbot, context(sessions))
    view.month.setFocus()
    qtbot.keyClick(view.month, Qt.Key.Key_Tab)
    first = view.month.selected_entry()
    assert first is not None
    qtbot.keyClick(view.month, Qt.Key.Key_Tab)
    assert view.month.selected_entry() != first
    assert view.select(EntryKind.TRIP, plan.trip_id) is not None
    assert view.move_selected(-1)
    assert trip_dates(sessions, plan.trip_id)[0] == date(2023, 3, 22)
    assert view.month.hit(QPointF(5, 5)) is None  # the weekday header


def test_colour_by_type_and_legend(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    make_plan(sessions)
    view = open_calendar(qtbot, context(sessions))
    by_region = [label for label, _ in view.legend._colours]
    assert by_region == ["欧美", "本地", "Planned HQ visit"]  # visits keep their own colour
    view.set_colour_by(ColourBy.TYPE)
    labels = [label for label, _ in view.legend._colours]
    assert "企业拜访" in labels and "产业峰会" in labels
    assert not view.grab().isNull()


def test_the_sample_campaign_s_europe_trip_over_the_clock_change(
        qtbot: QtBot, sample_sessions: sessionmaker[Session]) -> None:
    view = open_calendar(qtbot, context(sample_sessions), date(2023, 3, 1))
    trips = {e.code for e in view.entries if e.kind is EntryKind.TRIP}
    assert {"TRIP-2023-003", "TRIP-2023-004", "TRIP-2023-005"} <= trips
    view.go_to(date(2023, 3, 26))
    view.set_view(CalendarMode.WEEK)
    notes = view.week.header._zones
    assert "UTC+1→+2" in notes[date(2023, 3, 26)]
    blocks = [e for _, e in view.week.body.hits]
    assert blocks and all(e.touches(date(2023, 3, 20), date(2023, 3, 26), TimeMode.LOCAL)
                          for e in blocks)


def test_enter_on_a_planned_visit_opens_its_dialog_and_saving_refreshes(
        qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    from desktop.editors.opening import Editors
    from desktop.editors.visit_dialogs import VisitDialog
    from models.enums import VisitStatus
    from models.operations.teams import TeamDraft, VisitDraft, create_team, plan_visit

    plan = make_plan(sessions)
    with sessions.begin() as s:
        team = create_team(s, TeamDraft("第3小分队", leader_id=plan.world.leader_id)).value
        visit_id = plan_visit(s, VisitDraft(plan.world.org_id, date(2023, 3, 14), team.id,
                                            place="Stuttgart")).value.id
    ctx = context(sessions)
    host = QWidget()
    qtbot.addWidget(host)
    editors = Editors(ctx, host)
    view = open_calendar(qtbot, ctx)
    entry = find(view, EntryKind.VISIT, visit_id)
    view.month.select(entry)
    view.month.setFocus()
    qtbot.keyClick(view.month, Qt.Key.Key_Return)
    dialog = editors.visits[visit_id]  # deleted when closed (the host owns it till then)
    assert isinstance(dialog, VisitDialog) and dialog.place.text() == "Stuttgart"
    view.open_entry(entry)  # asked again: the same dialog, raised
    assert list(editors.visits) == [visit_id]
    dialog.status.set_value(VisitStatus.DONE)
    dialog.outcome.setPlainText("达成初步投资意向")
    dialog.buttons.accepted.emit()
    assert dialog.result() == 1
    # recorded as done: the calendar (planned visits only) reloaded without it
    assert not [e for e in view.entries if e.kind is EntryKind.VISIT]
    ctx.undo_stack.undo()
    assert find(view, EntryKind.VISIT, visit_id).status == "planned"


def test_the_legend_in_region_colours_lists_the_regions(
        qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    make_plan(sessions)
    view = open_calendar(qtbot, context(sessions))
    view.set_colour_by(ColourBy.REGION)
    labels = [label for label, _colour in view.legend._colours]
    assert labels == ["欧美", "本地", "Planned HQ visit"]  # no translator installed here
    view.set_colour_by(ColourBy.TYPE)
    assert "欧美" not in [label for label, _colour in view.legend._colours]
    view.set_colour_by(ColourBy.REGION)
    view.grab().save("/tmp/calendar-region-legend.png")
