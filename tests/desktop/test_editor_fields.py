"""Editors as an Outlook user expects them: dates typed freely with the weekday beside the
field, new records on a working day, a delete that says what goes with it, the saved record
selected, user text shown as typed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from desktop import dialogs
from desktop.calendar.view import CalendarMode
from desktop.context import AppContext
from desktop.editors.date_field import DateTimeField
from desktop.editors.event import EventEditor
from desktop.editors.lead import LeadEditor
from desktop.editors.organisation import OrganisationEditor
from desktop.editors.person import PersonEditor
from desktop.editors.trip import TripEditor
from desktop.formatting import plain_tooltip
from desktop.i18n import install_translators, remove_translators
from desktop.main_window import MainWindow
from desktop.undo.moves import Move
from models import queries
from models.language import Lang
from models.operations.items import add_item
from models.operations.leads import LeadDraft, create_lead
from planning.entries import EntryKind
from tests.desktop.conftest import Small
from tests.desktop.planning_world import context, make_plan
from tests.factories import item_draft

MARKUP = "<b>markup</b> & emoji 😀"


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args, **_kw: QMessageBox.StandardButton.Discard)


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    """The window in Chinese, as the staff use it."""
    installed = install_translators(qapp, Lang.ZH)
    yield
    remove_translators(qapp, installed)


def type_into(qtbot: QtBot, field: DateTimeField, text: str) -> None:
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


# --- dates typed, the weekday beside ---------------------------------------------------------


@pytest.mark.parametrize(("typed", "day"), [("2024-02-05", date(2024, 2, 5)),
                                            ("2024-2-5", date(2024, 2, 5)),
                                            ("2/5", date(2023, 2, 5))])
def test_the_event_start_accepts_typed_dates_and_keeps_the_length(
        window: MainWindow, small: Small, qtbot: QtBot, typed: str, day: date) -> None:
    editor = window.editors.open_event(small.event.id)
    qtbot.waitExposed(editor)
    type_into(qtbot, editor.start, typed)
    assert editor.start.date() == QDate(day.year, day.month, day.day)
    assert editor.start.time() == QTime(9, 0)  # the clock time stays
    assert editor.end.dateTime() == QDateTime(QDate(day.year, day.month, day.day), QTime(17, 30))
    assert editor.start.weekday.text() == dialogs_weekday(day)


def dialogs_weekday(day: date) -> str:
    return ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")[day.weekday()]


def test_a_typed_time_and_an_all_day_field(window: MainWindow, small: Small, qtbot: QtBot) -> None:
    editor = window.editors.open_event(small.event.id)
    qtbot.waitExposed(editor)
    type_into(qtbot, editor.start, "2023-4-13 14:30")
    assert editor.start.dateTime() == QDateTime(QDate(2023, 4, 13), QTime(14, 30))
    trip = window.editors.open_trip(small.trip.id)
    qtbot.waitExposed(trip)
    type_into(qtbot, trip.start, "3/20")
    assert trip.start.date() == QDate(2023, 3, 20)


def test_the_weekday_is_beside_the_field_not_in_its_format(window: MainWindow, small: Small,
                                                           qtbot: QtBot) -> None:
    editor = window.editors.open_event(small.event.id)
    qtbot.waitExposed(editor)
    for field in editor.findChildren(DateTimeField):
        assert "ddd" not in field.displayFormat()
        assert field.calendarPopup()
        assert field.weekday.isVisible() and field.weekday.parent() is not field
        assert field.weekday.geometry().left() >= field.geometry().right()
    assert editor.start.weekday.text() == "星期三"  # 2023-04-12
    editor.start.setDate(QDate(2023, 4, 15))
    assert editor.start.weekday.text() == "星期六"
    trip = window.editors.open_trip(small.trip.id)
    assert isinstance(trip.start, DateTimeField) and trip.start.displayFormat() == "yyyy-MM-dd"


@pytest.mark.parametrize("reason", [Qt.FocusReason.TabFocusReason,
                                    Qt.FocusReason.BacktabFocusReason])
def test_tabbing_into_a_date_selects_all_of_it_so_typing_replaces_it(
        window: MainWindow, small: Small, qtbot: QtBot, reason: Qt.FocusReason) -> None:
    """No selectAll by the test: the field itself selects the whole date when tabbed into."""
    trip = window.editors.open_trip(small.trip.id)
    qtbot.waitExposed(trip)
    trip.activateWindow()
    trip.start.setFocus(reason)
    qtbot.waitUntil(trip.start.hasFocus)
    assert trip.start.lineEdit().selectedText() == trip.start.lineEdit().text()
    qtbot.keyClicks(trip.start, "2023-3-20")
    qtbot.keyClick(trip.start, Qt.Key.Key_Tab)
    assert trip.start.date() == QDate(2023, 3, 20) and trip.start.weekday.text() == "星期一"


def test_tab_and_shift_tab_leave_a_date_field_for_the_next_or_previous_field(
        window: MainWindow, small: Small, qtbot: QtBot) -> None:
    """Not from the year part to the month part: Shift+Tab in the last day goes back to the
    first day, whole date selected, and 3/21 typed there is 21 March."""
    trip = window.editors.open_trip(small.trip.id)
    qtbot.waitExposed(trip)
    trip.activateWindow()
    trip.end.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(trip.end.hasFocus)
    qtbot.keyClick(trip.end, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert trip.start.hasFocus()
    qtbot.keyClicks(trip.start, "3/21")
    qtbot.keyClick(trip.start, Qt.Key.Key_Tab)
    assert trip.start.date() == QDate(2023, 3, 21) and trip.end.hasFocus()


def test_an_editor_opens_with_the_keyboard_in_its_first_field(window: MainWindow, small: Small,
                                                              qtbot: QtBot) -> None:
    """Not on the tab bar: Tab from there went to a button, and typing did nothing."""
    trip = window.editors.open_trip(small.trip.id)
    qtbot.waitExposed(trip)
    assert trip.focusWidget() is trip.code_edit
    event = window.editors.open_event(small.event.id)
    qtbot.waitExposed(event)
    first = event.focusWidget()
    assert first is not None and event.tabs.currentWidget().isAncestorOf(first)


def test_an_opened_trip_shows_the_weekday_of_its_own_first_day(window: MainWindow, small: Small,
                                                               qtbot: QtBot) -> None:
    """The trip editor loads its first day with the field's signals blocked (the last day must
    not follow): the weekday beside it still names that day, not the field's previous one."""
    trip = window.editors.open_trip(small.trip.id)
    qtbot.waitExposed(trip)
    first = trip.start.date()
    assert trip.start.weekday.text() == dialogs_weekday(date(first.year(), first.month(),
                                                             first.day()))
    trip.start.blockSignals(True)
    trip.start.setDate(QDate(2023, 3, 1))  # a Wednesday
    trip.start.blockSignals(False)
    assert trip.start.weekday.text() == "星期三"


def test_garbage_typed_into_a_date_leaves_it_unchanged(window: MainWindow, small: Small,
                                                        qtbot: QtBot) -> None:
    editor = window.editors.open_event(small.event.id)
    qtbot.waitExposed(editor)
    type_into(qtbot, editor.start, "2/30")
    assert editor.start.date() == QDate(2023, 4, 12)


# --- new records on a working day ------------------------------------------------------------


def test_a_new_event_starts_on_the_next_working_day_of_the_campaign_year(
        ctx: AppContext, qtbot: QtBot) -> None:
    editor = EventEditor(ctx, None, today=date(2023, 9, 28))  # National Day holiday ahead
    qtbot.addWidget(editor)
    assert editor.start.dateTime() == QDateTime(QDate(2023, 10, 7), QTime(9, 0))
    later = EventEditor(ctx, None, today=date(2026, 12, 4))  # the 2023 campaign, seen in 2026
    qtbot.addWidget(later)
    assert later.start.date() == QDate(2023, 12, 5)
    trip = TripEditor(ctx, None, today=date(2023, 12, 31))
    qtbot.addWidget(trip)
    assert trip.start.date() == QDate(2023, 12, 29)  # stays in the campaign's year


def test_a_new_record_starts_on_the_day_given(ctx: AppContext, qtbot: QtBot) -> None:
    editor = EventEditor(ctx, None, day=date(2023, 6, 3))
    qtbot.addWidget(editor)
    assert editor.start.dateTime() == QDateTime(QDate(2023, 6, 3), QTime(9, 0))
    trip = TripEditor(ctx, None, day=date(2023, 6, 5))
    qtbot.addWidget(trip)
    assert (trip.start.date(), trip.end.date()) == (QDate(2023, 6, 5), QDate(2023, 6, 11))


# --- deleting says what goes with it -----------------------------------------------------------


def test_deleting_a_trip_names_its_items_delegates_targets_and_status(
        window: MainWindow, small: Small, monkeypatch: pytest.MonkeyPatch) -> None:
    with small.sessions.begin() as s:
        add_item(s, small.trip.id, item_draft(small.world, day=25))
        create_lead(s, LeadDraft("电池工厂", small.world.org_id, 6_000_000_000,
                                 source_trip_id=small.trip.id))
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm_delete",
                        lambda _parent, _title, text: asked.append(text) or False)
    window.show_page("trips")
    window.trips.select_id(small.trip.id)
    window.delete_selected()
    assert len(asked) == 1
    text = asked[0]
    assert small.trip.code in text and "欧洲新能源汽车推介" in text
    assert "草稿" in text  # its status
    assert "2 个行程事项" in text and "2 名代表团成员" in text and "1 家目标机构" in text
    assert "1 个招商项目" in text
    with small.sessions() as s:
        assert queries.get_trip(s, small.trip.id)  # answered no: nothing deleted


def test_deleting_an_event_names_its_agenda_and_invitations(
        window: MainWindow, small: Small, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm_delete",
                        lambda _parent, _title, text: asked.append(text) or True)
    window.show_page("events")
    window.events.select_id(small.event.id)
    window.delete_selected()
    assert "1 个议程" in asked[0] and "1 份邀请" in asked[0] and small.event.code in asked[0]
    with small.sessions() as s:
        assert not any(e.id == small.event.id for e in queries.list_events(s))


def test_the_delete_question_has_a_delete_button_and_cancel_by_default(qtbot: QtBot) -> None:
    box = dialogs.delete_box(None, "删除推广活动", MARKUP)
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    delete = box.findChild(type(box.defaultButton()), "delete")
    assert delete is not None and delete.text() == "删除"
    assert box.buttonRole(delete) == QMessageBox.ButtonRole.DestructiveRole
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)


# --- the saved or moved record is selected --------------------------------------------------


def test_a_new_trip_is_selected_in_its_table_after_saving(window: MainWindow, small: Small,
                                                          qtbot: QtBot) -> None:
    window.show_page("trips")
    window.trips.select_id(small.trip.id)
    editor = window.new_record()
    assert isinstance(editor, TripEditor)
    editor.title_zh.setText("日韩半导体推介")
    assert editor.save()
    assert window.trips.selected_ids() == [editor.trip_id]
    index = window.trips.view.currentIndex()
    assert window.trips.view.visualRect(index).intersects(window.trips.view.viewport().rect())


def test_a_moved_entry_is_selected_in_the_calendar(qtbot: QtBot,
                                                    sessions: sessionmaker[Session]) -> None:
    from desktop.calendar.view import CalendarView

    plan = make_plan(sessions)
    ctx = context(sessions)
    view = CalendarView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 820)
    view.anchor = date(2023, 3, 20)
    view.show()
    view.set_view(CalendarMode.WEEK)
    entry = next(e for e in view.entries if e.key == (EntryKind.ITEM, plan.visit_id))
    assert view.selected_entry() is None
    assert view.move_entry(entry, Move(delta=timedelta(hours=3)))
    selected = view.selected_entry()
    assert selected is not None and selected.key == (EntryKind.ITEM, plan.visit_id)


# --- user text as typed ----------------------------------------------------------------------


def test_tooltips_show_markup_as_typed() -> None:
    document = QTextDocument()
    document.setHtml(plain_tooltip(MARKUP + "\n第二行"))
    assert document.toPlainText() == MARKUP + "\n第二行"
    assert plain_tooltip("长" * 10) == "长" * 10  # plain text stays as it is


def test_a_cut_title_in_a_table_shows_whole_in_a_plain_tooltip(
        window: MainWindow, small: Small, qtbot: QtBot) -> None:
    editor = window.editors.open_trip(small.trip.id)
    editor.title_zh.setText(MARKUP + " " + "长" * 150)
    assert editor.save()
    window.show_page("trips")
    view = window.trips.view
    column = window.trips.model.column_number("title_zh")
    index = window.trips.proxy.index(0, column)
    view.setColumnWidth(column, 120)
    rect = view.visualRect(index)
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(
        rect.center()))
    QApplication.sendEvent(view.viewport(), event)
    tip = QToolTip.text()
    document = QTextDocument()
    document.setHtml(tip)
    assert document.toPlainText() == MARKUP + " " + "长" * 150
    QToolTip.hideText()


def test_editor_headers_show_the_title_in_the_session_language(
        sample_sessions: sessionmaker[Session], sample_url: str, qtbot: QtBot) -> None:
    english = AppContext(sample_sessions, sample_url, Lang.EN)
    english.background_loading = False
    with sample_sessions() as s:
        trip = queries.get_trip(s, "TRIP-2023-023")
        event = queries.list_events(s)[0]
    trip_editor = TripEditor(english, trip.id)
    qtbot.addWidget(trip_editor)
    assert trip_editor.heading.text() == f"TRIP-2023-023  {trip.title_en}"
    event_editor = EventEditor(english, event.id)
    qtbot.addWidget(event_editor)
    assert event_editor.heading.text() == f"{event.code}  {event.title_en}"
    assert trip.title_en and event.title_en and "招商" not in trip_editor.heading.text()
    with sample_sessions() as s:
        org = next(o for o in queries.list_organisations(s) if o.name_en)
        person = next(p for p in queries.list_people(s) if p.name_en)
        lead = next(x for x in queries.list_leads(s) if x.title_en)
    org_editor = OrganisationEditor(english, org.id)
    qtbot.addWidget(org_editor)
    # (the label is translated by whichever translator the test app has; the name is English)
    assert org_editor.heading.text().endswith(org.name_en)
    assert org.name_zh not in org_editor.heading.text()
    person_editor = PersonEditor(english, person.id)
    qtbot.addWidget(person_editor)
    assert person_editor.heading.text().endswith(person.name_en)
    assert person.name_zh not in person_editor.heading.text()
    lead_editor = LeadEditor(english, lead.id)
    qtbot.addWidget(lead_editor)
    assert lead.code in lead_editor.heading.text()
    assert lead_editor.heading.text().endswith(lead.title_en)
    assert lead.title_zh not in lead_editor.heading.text()
