"""Finding and feedback: a search result opens its editor; a saved file is announced with its
content and where it went; long work can be cancelled without a half file; the calendar
navigates and creates as Outlook does."""

from __future__ import annotations

import time as clock
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, QPointF, Qt, QUrl
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

import calendars
import calendars.export
from calendars.build import Progress
from desktop.calendar.navigator import GoToDateDialog
from desktop.calendar.view import CalendarMode, CalendarView
from desktop.calendar.week import HOUR_H
from desktop.documents import saved_notice
from desktop.documents.saved_notice import SavedNotice
from desktop.editors.event import EventEditor
from desktop.editors.organisation import OrganisationEditor
from desktop.editors.person import PersonEditor
from desktop.i18n import install_translators, remove_translators
from desktop.main_window import MainWindow
from models.errors import ValidationError
from models.language import Lang
from models.operations.events import move_event
from models.queries import get_event
from models.trips import ItineraryItem
from planning.entries import EntryKind
from tests.desktop.conftest import Small
from tests.desktop.planning_world import Plan, context, make_plan
from tests.desktop.window_jobs import export_trip, trip_brief, wait_for


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    installed = install_translators(qapp, Lang.ZH)
    yield
    remove_translators(qapp, installed)


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args, **_kw: QMessageBox.StandardButton.Discard)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files and folders the desktop was asked to open."""
    urls: list[str] = []

    def record(url: QUrl) -> bool:
        urls.append(url.toLocalFile())
        return True

    monkeypatch.setattr(saved_notice, "open_url", record)
    return urls


# --- search -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind", "editor_type"), [("王建国", "person", PersonEditor),
                                                           ("bosch", "organisation",
                                                            OrganisationEditor)])
def test_enter_on_a_search_result_opens_its_editor_with_the_row_selected(
        window: MainWindow, small: Small, qtbot: QtBot, text: str, kind: str,
        editor_type: type) -> None:
    window.ctx.background_loading = True  # the page's rows arrive from a worker thread
    hit = window.search.search_hits(text)[0]
    window.search.setText(text)
    window.search.returnPressed.emit()
    qtbot.waitUntil(lambda: (kind, hit.ident) in window.editors.open, timeout=10_000)
    assert isinstance(window.editors.open[(kind, hit.ident)], editor_type)
    page = window.current_page()
    assert page.selected_ids() == [hit.ident]  # type: ignore[union-attr]
    assert window.search.text() == ""


def test_a_suggestion_chosen_with_enter_opens_only_that_record(window: MainWindow,
                                                               small: Small) -> None:
    search = window.search
    hit = search.search_hits("峰会")[0]
    search._activated(hit.label)  # the completer's Enter
    search.returnPressed.emit()  # the line edit's Enter on the now empty box
    assert list(window.editors.open) == [("event", small.event.id)]


# --- saved files ---------------------------------------------------------------------------------


def test_an_exported_calendar_says_what_was_written_and_opens_folder_or_file(
        window: MainWindow, small: Small, save_as: list[Path], opened: list[str],
        qtbot: QtBot) -> None:
    export_trip(window, small, qtbot)
    written = save_as[0].with_suffix(".ics")
    events = written.read_text(encoding="utf-8").count("BEGIN:VEVENT")
    notice = window.findChild(SavedNotice)
    assert notice is not None and notice.isVisible()
    assert notice.text() == f"已导出 {events} 条日程" and notice.informativeText() == str(written)
    assert notice.folder_button.text() == "打开文件夹" and notice.file_button.text() == "打开文件"
    notice.folder_button.click()
    assert opened == [str(written.parent)]
    window.export_selection()
    qtbot.waitUntil(lambda: len(window.findChildren(SavedNotice)) == 2, timeout=10_000)
    window.findChildren(SavedNotice)[-1].file_button.click()
    assert opened[-1] == str(written)


def test_a_saved_brief_and_sheet_say_what_was_written(window: MainWindow, small: Small,
                                                      save_as: list[Path], qtbot: QtBot) -> None:
    preview = trip_brief(window, small, qtbot)
    path = preview.save_pdf()
    assert preview.saved_notice is not None and path is not None
    assert preview.saved_notice.text() == f"已保存简报，共 {preview.document.pageCount()} 页"
    preview.close()
    wait_for(window.export_list(), qtbot)
    notices = [n for n in window.findChildren(SavedNotice) if n.text().startswith("已导出")]
    assert notices and notices[-1].text() == "已导出 1 行"


def test_cancel_stops_an_export_and_writes_no_file(window: MainWindow, small: Small,
                                                   save_as: list[Path],
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   qtbot: QtBot) -> None:
    steps: list[int] = []

    def slow_parts(_data: object, _lang: object, progress: Progress | None = None,
                   **_kw: object) -> Iterator[bytes]:
        yield b"BEGIN:VCALENDAR\r\n"  # the file has begun: a cancel must still leave none
        for n in range(400):  # far more than a second's work
            assert progress is not None
            progress(n, 400)
            steps.append(n)
            clock.sleep(0.01)
            yield b""
        yield b"END:VCALENDAR\r\n"

    monkeypatch.setattr(calendars.export, "render_parts", slow_parts)
    job = window.export_campaign()
    assert job is not None
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)),
                    timeout=5_000)
    dialog = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
    assert dialog.maximum() == 400  # progress is shown, not a busy bar
    with qtbot.waitSignal(job.cancelled, timeout=5_000):
        dialog.findChild(QPushButton).click()  # 取消 Cancel
    assert len(steps) < 400  # the work really stopped
    assert not save_as[0].with_suffix(".ics").exists()
    assert not list(save_as[0].parent.glob("*.ics*"))  # no half file, no temporary left
    assert window.findChild(SavedNotice) is None


# --- the calendar ----------------------------------------------------------------------------


def calendar(qtbot: QtBot, sessions: sessionmaker[Session]) -> tuple[CalendarView, Plan]:
    plan = make_plan(sessions)
    ctx = context(sessions)
    view = CalendarView(ctx)
    qtbot.addWidget(view)
    view.resize(1400, 820)
    view.today = date(2023, 3, 27)
    view.anchor = date(2023, 3, 15)
    view.show()
    return view, plan


def test_the_week_view_opens_on_the_week_of_the_day_picked_in_the_month(
        qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    view, _plan = calendar(qtbot, sessions)
    cell = view.month._cell(view.month.days.index(date(2023, 3, 29)))
    qtbot.mouseClick(view.month, Qt.MouseButton.LeftButton, pos=cell.bottomRight().toPoint()
                     - QPointF(6, 6).toPoint())
    assert view.month.selected_day == date(2023, 3, 29)
    view.mode_buttons.buttons()[1].click()  # 周 Week
    assert view.view_mode is CalendarMode.WEEK
    assert view.visible_range() == (date(2023, 3, 27), date(2023, 4, 2))


def test_a_work_week_shows_monday_to_friday(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    view, _plan = calendar(qtbot, sessions)
    view.set_view(CalendarMode.WORK_WEEK)
    assert view.visible_range() == (date(2023, 3, 13), date(2023, 3, 17))
    assert view.week.body.days == [date(2023, 3, 13) + timedelta(days=n) for n in range(5)]
    assert view.current_surface() is view.week
    view.step(1)
    assert view.visible_range() == (date(2023, 3, 20), date(2023, 3, 24))
    assert [b.text() for b in view.mode_buttons.buttons()] == ["月", "周", "工作周", "日程"]


def new_event_editor(window: MainWindow) -> EventEditor:
    editors = [e for e in window.findChildren(EventEditor)
               if e.event_id is None and e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def test_double_click_on_an_empty_day_or_slot_creates_an_event_there(
        window: MainWindow, qtbot: QtBot) -> None:
    view = next(p.widget for p in window.pages if p.key == "calendar")
    assert isinstance(view, CalendarView)
    window.show_page("calendar")
    view.go_to(date(2023, 5, 10))
    cell = view.month._cell(view.month.days.index(date(2023, 5, 17)))
    qtbot.mouseDClick(view.month, Qt.MouseButton.LeftButton,
                      pos=(cell.bottomRight() - QPointF(8, 8)).toPoint())
    editor = new_event_editor(window)
    assert editor.start.date() == QDate(2023, 5, 17)
    editor.discard_and_close()
    view.set_view(CalendarMode.WEEK)
    body = view.week.body
    x = body.col_left(2) + 20  # Wednesday 17 May
    y = 14.5 * HOUR_H + 3  # 14:30
    qtbot.mouseDClick(body, Qt.MouseButton.LeftButton, pos=QPointF(x, y).toPoint())
    editor = new_event_editor(window)
    assert editor.start.dateTime().date() == QDate(2023, 5, 17)
    assert (editor.start.time().hour(), editor.start.time().minute()) == (14, 30)
    assert editor.end.time().hour() == 15


def test_dragging_the_bottom_edge_changes_the_length_with_undo(
        qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    view, plan = calendar(qtbot, sessions)
    view.go_to(date(2023, 3, 24))
    view.set_view(CalendarMode.WEEK)
    body = view.week.body
    entry = next(e for e in view.entries if e.key == (EntryKind.ITEM, plan.visit_id))
    rect = body.rects_of(entry)[0]
    start = QPointF(rect.center().x(), rect.bottom() - 1)
    for kind, pos in ((QEvent.Type.MouseButtonPress, start),
                      (QEvent.Type.MouseMove, start + QPointF(0, HOUR_H / 4)),
                      (QEvent.Type.MouseMove, start + QPointF(0, HOUR_H)),
                      (QEvent.Type.MouseButtonRelease, start + QPointF(0, HOUR_H))):
        send_mouse(body, kind, pos)
    with sessions() as s:
        item = s.get(ItineraryItem, plan.visit_id)
        assert item is not None
        assert item.ends_at - item.starts_at == timedelta(hours=3)  # 09:00–11:00 → 12:00
    assert "时长" in view.ctx.undo_stack.undoText()
    view.ctx.undo_stack.undo()
    with sessions() as s:
        item = s.get(ItineraryItem, plan.visit_id)
        assert item is not None and item.ends_at - item.starts_at == timedelta(hours=2)


def test_an_event_cannot_be_shortened_to_nothing(qtbot: QtBot,
                                                 sessions: sessionmaker[Session]) -> None:
    view, plan = calendar(qtbot, sessions)
    with sessions() as s:
        event = get_event(s, plan.event_id)
        length = event.ends_at - event.starts_at
        view.go_to(event.starts_at.date())
    view.set_view(CalendarMode.WEEK)
    body = view.week.body
    entry = next(e for e in view.entries if e.key == (EntryKind.EVENT, plan.event_id))
    body.resizing = True  # a press on its bottom edge
    move = body.drag_move(entry, QPointF(0, 0), QPointF(0, -40 * HOUR_H))
    assert move is not None and move.end_delta == timedelta(minutes=15) - length
    with pytest.raises(ValidationError), sessions.begin() as s:
        move_event(s, plan.event_id, end_delta=-length)


def send_mouse(widget: object, kind: QEvent.Type, pos: QPointF) -> None:
    from PySide6.QtGui import QMouseEvent

    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    held = (Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease
            else Qt.MouseButton.LeftButton)
    event = QMouseEvent(kind, pos, widget.mapToGlobal(pos), button, held,  # type: ignore[attr-defined]
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def test_ctrl_g_opens_with_the_keyboard_in_the_date_and_enter_goes(
        qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    """Typed straight away, no click and no selectAll: before, OK had the keyboard."""
    view, _plan = calendar(qtbot, sessions)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.month.setFocus()
    qtbot.keyClick(view.month, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    ask = view.findChild(GoToDateDialog)
    assert ask is not None
    qtbot.waitExposed(ask)
    assert ask.focusWidget() is ask.field
    qtbot.keyClicks(ask.field, "11/20")
    qtbot.keyClick(ask.field, Qt.Key.Key_Return)
    assert view.anchor == date(2023, 11, 20) and not ask.isVisible()


def test_the_mini_month_and_ctrl_g_go_to_a_date(qtbot: QtBot,
                                                sessions: sessionmaker[Session]) -> None:
    view, _plan = calendar(qtbot, sessions)
    assert view.navigator.isVisible()
    assert view.navigator.selectedDate() == QDate(2023, 3, 15)
    view.navigator.clicked.emit(QDate(2023, 7, 4))
    assert view.anchor == date(2023, 7, 4) and view.month.month == 7
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.month.setFocus()
    qtbot.keyClick(view.month, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    ask = view.findChild(GoToDateDialog)
    assert ask is not None and ask.isVisible()
    dialog = ask.buttons
    field = ask.field
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, "11/20")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    dialog.button(QDialogButtonBox.StandardButton.Ok).click()
    assert view.anchor == date(2023, 11, 20) and view.month.month == 11
