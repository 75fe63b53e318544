"""Records an account may not change open read-only with the refusal in a banner, Save off;
a viewer's window has every edit action off. Unit and viewer accounts on a real PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QThreadPool
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from desktop.calendar.actions import Permits
from desktop.calendar.canvas import CalendarCanvas
from desktop.calendar.timeline import TimelineView
from desktop.calendar.view import CalendarMode, CalendarView
from desktop.context import AppContext
from desktop.editors.event import EventEditor
from desktop.editors.lead import LeadEditor
from desktop.editors.trip import TripEditor
from desktop.editors.visit_dialogs import VisitDialog
from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from models.accounts.names import AccountRole
from models.accounts.service import AccountDraft, add_account
from models.campaign import Unit
from models.database import open_database
from models.enums import UnitKind
from models.language import Lang
from models.lookups import load_lookups
from models.trips import Trip
from planning.entries import CalendarEntry, EntryKind
from tests.desktop.test_calendar_view import centre, drag, mouse
from tests.factories import make_trip, make_world
from tests.pgserver import PgServer

PASSWORD = "Mima-2023-ok"
ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.backends("postgresql")


class Campaign:
    def __init__(self, own: int, other: int, urls: dict[AccountRole, str]) -> None:
        self.own_trip, self.other_trip, self.urls = own, other, urls


@pytest.fixture
def campaign(pg_server: PgServer, db_url: str, sessions: sessionmaker[Session]) -> Campaign:
    if pg_server.socket_dir is None:
        pytest.skip("signing in with a password needs the throw-away cluster's socket")
    database = str(make_url(db_url).database)
    with sessions.begin() as s:
        w = make_world(s)
        other = Unit(name_zh="市工业和信息化局", name_en="Industry and IT Bureau",
                     kind=UnitKind.DEPARTMENT)
        s.add(other)
        s.flush()
        own = make_trip(s, w)
        theirs = make_trip(s, w, host_unit_id=other.id, title_zh="日韩半导体推介")
        urls = {}
        for role in (AccountRole.UNIT, AccountRole.VIEWER):
            login = f"{database}.{role.value}"
            unit = "松山湖高新区" if role is AccountRole.UNIT else ""
            add_account(s, AccountDraft(login, f"测试{role.labels[0]}", role, unit), PASSWORD)
            urls[role] = pg_server.password_url(database, login, PASSWORD)
    return Campaign(own.id, theirs.id, urls)


@pytest.fixture
def signed_in_window(campaign: Campaign, qtbot: QtBot) -> Iterator[Any]:
    engines: list[Engine] = []

    def open_as(role: AccountRole) -> MainWindow:
        engine, factory = open_database(campaign.urls[role])
        engines.append(engine)
        ctx = AppContext(factory, campaign.urls[role], Lang.ZH)
        ctx.background_loading = False
        win = MainWindow(ctx, AppSettings())
        qtbot.addWidget(win)
        win.show()
        return win

    yield open_as
    for engine in engines:
        engine.dispose()


def test_a_unit_account_reads_another_units_trip_and_edits_its_own(
        campaign: Campaign, signed_in_window: Any) -> None:
    window = signed_in_window(AccountRole.UNIT)
    theirs = window.editors.open_trip(campaign.other_trip)
    assert "无权修改" in theirs.read_only and "市工业和信息化局" in theirs.read_only
    assert theirs.read_only_banner.isVisible() and theirs.read_only_banner.text() == theirs.read_only
    assert not theirs.save_button.isEnabled() and not theirs.ok_button.isEnabled()
    assert theirs.title_zh.isReadOnly()
    assert theirs.save() is False  # Ctrl+S says why in the status bar, writes nothing
    own = window.editors.open_trip(campaign.own_trip)
    assert own.read_only == "" and own.read_only_banner.isHidden()
    assert own.save_button.isEnabled() and not own.title_zh.isReadOnly()
    assert window.new_action.isEnabled()  # a unit plans its own trips
    window.editors.close_all()


def test_a_viewer_has_every_edit_action_off_and_reads_records_only(
        campaign: Campaign, signed_in_window: Any) -> None:
    window = signed_in_window(AccountRole.VIEWER)
    window.show_page("trips")
    assert window.trips.select_id(campaign.own_trip)
    window._update_actions()
    for action in (window.new_action, window.delete_action, window.duplicate_action,
                   window.cancel_action, window.move_action, window.import_sheet_action):
        assert not action.isEnabled()
    assert window.new_record() is None
    assert window.accounts is None  # not an admin
    editor = window.editors.open_trip(campaign.own_trip)
    assert "只读账户" in editor.read_only and not editor.save_button.isEnabled()
    window.editors.close_all()


def test_confirming_is_off_for_unit_and_viewer_accounts(
        campaign: Campaign, signed_in_window: Any, tmp_path: Any) -> None:
    for role in (AccountRole.UNIT, AccountRole.VIEWER):
        window = signed_in_window(role)
        for page in (window.projects, window.visits):
            assert not page.confirm_button.isEnabled() and not page.unconfirm_button.isEnabled()
            assert page.confirm_button.toolTip() == "Only planners and admins confirm results"
        window.show_page("projects")
        window.grab().save(str(tmp_path / f"projects-{role.value}.png"))
        window.grab().save(f"/tmp/i10d-projects-{role.value}.png")


def test_a_unit_is_refused_up_front_on_another_units_trip(
        campaign: Campaign, signed_in_window: Any) -> None:
    window = signed_in_window(AccountRole.UNIT)
    window.show_page("trips")
    assert window.trips.select_id(campaign.other_trip)
    for act in (window.trips.delete_selected, window.trips.duplicate_selected,
                window.trips.cancel_selected):
        window.trips.messages.clear_errors()
        assert act() is None  # no question, no dialog
        message = window.trips.messages.last_message
        assert message.startswith("无权修改 ") and "市工业和信息化局" in message, message
        window.trips.messages.box.close()
    assert window.trips.select_id(campaign.own_trip)
    assert window.trips.refused(Trip, campaign.own_trip) is False


def calendar_as(campaign: Campaign, role: AccountRole, qtbot: QtBot,
                engines: list[Engine]) -> CalendarView:
    """The calendar of ``role``'s own password connection, at the trips' week in March 2023."""
    engine, factory = open_database(campaign.urls[role])
    engines.append(engine)
    ctx = AppContext(factory, campaign.urls[role], Lang.ZH)
    view = CalendarView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    view.go_to(date(2023, 3, 23))
    return view


@pytest.fixture
def engines() -> Iterator[list[Engine]]:
    opened: list[Engine] = []
    yield opened
    # the calendar and the timeline read on the global pool's threads: let them finish and
    # give their connections back before the engines close them (or one is left open)
    QThreadPool.globalInstance().waitForDone(10_000)
    for engine in opened:
        engine.dispose()


def trip_entry(canvas: CalendarCanvas, trip_id: int) -> CalendarEntry:
    return next(e for e in canvas.entries if e.key == (EntryKind.TRIP, trip_id))


def trip_dates(campaign: Campaign, sessions: sessionmaker[Session], trip_id: int) -> tuple[Any, Any]:
    with sessions() as s:
        trip = s.get(Trip, trip_id)
        assert trip is not None
        return trip.start_date, trip.end_date


def test_a_unit_cannot_drag_another_units_trip_on_the_calendar_and_says_why(
        campaign: Campaign, sessions: sessionmaker[Session], qtbot: QtBot,
        engines: list[Engine], tmp_path: Any) -> None:
    view = calendar_as(campaign, AccountRole.UNIT, qtbot, engines)
    month = view.month
    theirs, own = trip_entry(month, campaign.other_trip), trip_entry(month, campaign.own_trip)
    reason = month.refusal_of(theirs)
    assert reason is not None and reason.startswith("无权修改 ") and "市工业和信息化局" in reason
    assert month.refusal_of(own) is None and month.permits.creates
    before = trip_dates(campaign, sessions, campaign.other_trip)
    start = centre(month, theirs)
    drag(month, start, start + QPointF(month.width() / 7 * 2, 0))
    assert month.dragging is None  # the drag never started
    assert view.banner.text() == reason
    assert trip_dates(campaign, sessions, campaign.other_trip) == before
    view.grab().save(str(tmp_path / "calendar-unit.png"))
    view.grab().save("/tmp/i10e-calendar-unit.png")
    # its own trip moves by dragging, two days later
    view.banner.dismiss()
    start = centre(month, trip_entry(month, campaign.own_trip))
    drag(month, start, start + QPointF(month.width() / 7 * 2, 0))
    assert view.banner.text() == ""
    assert trip_dates(campaign, sessions, campaign.own_trip)[0] > date(2023, 3, 23)  # moved later
    # the week view and the work week refuse the same way (the trip is a whole-day bar above)
    for mode in (CalendarMode.WEEK, CalendarMode.WORK_WEEK):
        view.set_view(mode)
        header = view.week.header
        assert header.refusal_of(trip_entry(header, campaign.other_trip)) == reason
        view.banner.dismiss()
        start = centre(header, trip_entry(header, campaign.other_trip))
        drag(header, start, start + QPointF(header.col_width() * 1.5, 0))
        assert header.dragging is None and view.banner.text() == reason
        # Alt+→ is refused with the same words
        view.banner.dismiss()
        header.select(trip_entry(header, campaign.other_trip))
        qtbot.keyClick(header, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        assert view.banner.text() == reason
    assert trip_dates(campaign, sessions, campaign.other_trip) == before


def test_a_unit_cannot_drag_another_units_bar_on_the_year_timeline(
        campaign: Campaign, sessions: sessionmaker[Session], qtbot: QtBot,
        engines: list[Engine]) -> None:
    engine, factory = open_database(campaign.urls[AccountRole.UNIT])
    engines.append(engine)
    view = TimelineView(AppContext(factory, campaign.urls[AccountRole.UNIT], Lang.ZH))
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    view.set_year(2023)
    canvas = view.canvas
    # the year is read on a worker thread: its bars come with ``loaded``
    qtbot.waitUntil(lambda: any(e.key == (EntryKind.TRIP, campaign.other_trip)
                                for e in canvas.entries), timeout=10_000)
    theirs = trip_entry(canvas, campaign.other_trip)
    reason = canvas.refusal_of(theirs)
    assert reason is not None and "市工业和信息化局" in reason
    before = trip_dates(campaign, sessions, campaign.other_trip)
    start = centre(canvas, theirs)
    drag(canvas, start, start + QPointF(canvas.px_per_day * 5, 0))
    assert canvas.dragging is None and view.banner.text() == reason
    assert trip_dates(campaign, sessions, campaign.other_trip) == before
    assert canvas.refusal_of(trip_entry(canvas, campaign.own_trip)) is None


def test_a_viewer_moves_nothing_and_creates_nothing_on_the_calendar(
        campaign: Campaign, sessions: sessionmaker[Session], qtbot: QtBot,
        engines: list[Engine]) -> None:
    view = calendar_as(campaign, AccountRole.VIEWER, qtbot, engines)
    month = view.month
    assert not month.permits.creates
    own = trip_entry(month, campaign.own_trip)
    reason = month.refusal_of(own)
    assert reason is not None and "只读账户" in reason
    start = centre(month, own)
    drag(month, start, start + QPointF(month.width() / 7, 0))
    assert view.banner.text() == reason
    assert trip_dates(campaign, sessions, campaign.own_trip)[0] == date(2023, 3, 23)
    asked: list[Any] = []
    view.ctx.new_event_requested.connect(lambda *a: asked.append(a))
    empty = month._cell(len(month.days) - 1).center()  # the grid's last day: no trip there
    assert month.hit(empty) is None
    mouse(month, QEvent.Type.MouseButtonDblClick, empty)
    assert asked == []
    view.set_view(CalendarMode.WEEK)
    body = view.week.body
    mouse(body, QEvent.Type.MouseButtonDblClick, QPointF(body.col_left(0) + 5, body.height() - 5))
    assert asked == []
    view.set_view(CalendarMode.MONTH)
    month.permits = Permits()  # the same gesture with creating allowed asks for a new event
    mouse(month, QEvent.Type.MouseButtonDblClick, empty)
    assert len(asked) == 1


def own_unit_id(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return s.scalars(select(Unit.id).where(Unit.name_zh == "松山湖高新区")).one()


def test_a_unit_accounts_new_records_belong_to_its_unit(
        campaign: Campaign, sessions: sessionmaker[Session], qtbot: QtBot,
        engines: list[Engine], tmp_path: Any) -> None:
    engine, factory = open_database(campaign.urls[AccountRole.UNIT])
    engines.append(engine)
    ctx = AppContext(factory, campaign.urls[AccountRole.UNIT], Lang.ZH)
    mine = own_unit_id(sessions)
    trip = TripEditor(ctx, day=date(2023, 5, 8))
    event = EventEditor(ctx, day=date(2023, 5, 8))
    lead = LeadEditor(ctx)
    with factory() as s:
        lookups = load_lookups(s)
    visit = VisitDialog(ctx, lookups, [], [])
    for widget, combo in ((trip, trip.host_unit), (event, event.host_unit), (lead, lead.unit),
                          (visit, visit.unit)):
        qtbot.addWidget(widget)
        assert combo.value() == mine and combo.count() == 1, type(widget).__name__
        assert combo.currentText() == "松山湖高新区"
    trip.show()
    trip.grab().save(str(tmp_path / "new-trip-unit.png"))
    trip.grab().save("/tmp/i10e-new-trip-unit.png")
    trip.title_zh.setText("松山湖赴德招商")
    assert trip.save()
    with sessions() as s:
        saved = s.scalars(select(Trip).where(Trip.title_zh == "松山湖赴德招商")).one()
        assert saved.host_unit_id == mine
    # another unit's trip, read-only, still shows its own unit; a planner chooses among all
    theirs = TripEditor(ctx, campaign.other_trip)
    qtbot.addWidget(theirs)
    assert theirs.host_unit.currentText() == "市工业和信息化局" and theirs.host_unit.count() > 1
    planner_ctx = AppContext(sessions, "postgresql://", Lang.ZH)
    free = TripEditor(planner_ctx, day=date(2023, 5, 8))
    qtbot.addWidget(free)
    assert free.host_unit.count() > 2 and free.host_unit.value() is None


def test_a_units_own_change_in_the_window_is_its_own_in_the_history(
        campaign: Campaign, sessions: sessionmaker[Session], qtbot: QtBot,
        engines: list[Engine]) -> None:
    """End to end: the unit edits its trip in the trip editor (the window's save, EditTrip),
    then ``python main.py --db <its URL> history TRIP-…`` names the unit's login as the actor,
    whatever CAMPAIGN_PLANNER_USER says."""
    url = campaign.urls[AccountRole.UNIT]
    engine, factory = open_database(url)
    engines.append(engine)
    editor = TripEditor(AppContext(factory, url, Lang.ZH), campaign.own_trip)
    qtbot.addWidget(editor)
    assert editor.read_only == ""
    editor.title_zh.setText("欧洲新能源汽车推介（松山湖）")
    assert editor.save()
    login = str(make_url(url).username)
    env = {**os.environ, "CAMPAIGN_PLANNER_USER": "冒名者", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", url, "history",
                           editor.code], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    changed = [line for line in done.stdout.splitlines() if "欧洲新能源汽车推介（松山湖）" in line]
    assert changed and login in done.stdout, done.stdout
    assert "冒名者" not in done.stdout
    assert PASSWORD not in done.stdout + done.stderr


def shown_texts(root: QWidget) -> list[str]:
    """Every text a person can read in ``root``: title, labels, fields, tooltips."""
    texts = [root.windowTitle(), root.toolTip()]
    for widget in root.findChildren(QWidget):
        texts += [widget.toolTip(), widget.windowTitle(), widget.statusTip()]
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
    return texts


def test_the_window_never_shows_the_password_of_its_database_url(
        campaign: Campaign, signed_in_window: Any) -> None:
    window = signed_in_window(AccountRole.UNIT)
    settings = window.settings
    url = campaign.urls[AccountRole.UNIT]
    assert PASSWORD in url  # the window was opened with the password in its URL
    # the status bar names the database and server; its tooltip the address, password hidden
    assert "://" not in window.database.text() and "***@" in window.database.toolTip()
    window.statusBar().showMessage("")
    texts = shown_texts(window)
    assert not [t for t in texts if PASSWORD in t]
    settings.db_url = url  # a URL with a password typed into the settings by hand
    dialog = window.open_settings()
    try:
        assert not [t for t in shown_texts(dialog) if PASSWORD in t]
        assert "***@" in dialog.db_url.text() and "***@" in dialog.in_use.text()
        assert dialog.store()  # kept as it was: the stored URL still signs in
        assert settings.db_url == url
    finally:
        dialog.close()
