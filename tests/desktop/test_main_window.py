"""The main window: every view shows its data, navigation, search, shortcuts, remembered state."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.context import AppContext
from desktop.editors.trip import TripEditor
from desktop.main_window import MainWindow
from desktop.pages.entity_page import EntityPage
from desktop.settings import AppSettings
from models import queries
from models.language import Lang
from tests.desktop.conftest import Small

VIEWS = ["dashboard", "calendar", "timeline", "trips", "events", "projects", "visits",
         "organisations", "people", "units"]


def test_navigation_holds_every_view(window: MainWindow, small: Small, qtbot: QtBot) -> None:
    assert [p.key for p in window.pages] == VIEWS
    for n, key in enumerate(VIEWS):
        window.page_actions[n].trigger()
        assert window.current_page() is window.pages[n].widget
        assert window.settings.last_view == key
    window.show_page("trips")
    assert window.trips.model.rowCount() == 1
    window.show_page("events")
    assert window.events.model.rowCount() == 1
    window.show_page("people")
    assert window.people.model.rowCount() == 3
    window.show_page("units")
    assert window.units.model.rowCount() == 1


def test_shortcuts(window: MainWindow, qtbot: QtBot) -> None:
    def keys(action: object) -> list[str]:
        return [k.toString() for k in action.shortcuts()]  # type: ignore[attr-defined]

    assert keys(window.new_action) == [QKeySequence(QKeySequence.StandardKey.New).toString()]
    assert "Ctrl+Z" in keys(window.undo_action)
    assert "Ctrl+Shift+Z" in keys(window.redo_action)
    assert keys(window.export_action) == ["Ctrl+E"]
    assert keys(window.brief_action) == ["Ctrl+P"]
    assert keys(window.find_action) == ["Ctrl+F"]
    assert "Del" in keys(window.delete_action)
    assert keys(window.page_actions[3]) == ["Ctrl+4"]


def test_a_page_shortcut_puts_the_keyboard_in_its_table(window: MainWindow, small: Small,
                                                         qtbot: QtBot) -> None:
    """Ctrl+4 then Enter opens a trip, as Ctrl+2 then Enter opens a mail in Outlook; before,
    the keyboard stayed in the page list and Down and Enter did nothing in the table."""
    from PySide6.QtCore import Qt

    window.activateWindow()
    window.page_actions[3].trigger()
    page = window.trips
    qtbot.waitUntil(lambda: page.view.hasFocus())
    assert [r.id for r in page.selected_rows()] == [small.trip.id]
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert isinstance(window.editors.open.get(("trip", small.trip.id)), TripEditor)


def test_down_or_enter_in_a_pages_search_box_moves_to_the_rows(window: MainWindow, small: Small,
                                                               qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    window.activateWindow()
    page = window.show_page("trips")
    assert isinstance(page, EntityPage)
    page.search.setFocus()
    qtbot.waitUntil(lambda: page.search.hasFocus())
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.view.hasFocus() and [r.id for r in page.selected_rows()] == [small.trip.id]
    page.search.setFocus()
    qtbot.waitUntil(lambda: page.search.hasFocus())
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.view.hasFocus()


def test_actions_follow_the_selection(window: MainWindow, small: Small, qtbot: QtBot) -> None:
    window.show_page("trips")
    assert not window.delete_action.isEnabled()
    window.trips.select_id(small.trip.id)
    assert window.delete_action.isEnabled() and window.cancel_action.isEnabled()
    window.show_page("people")
    assert not window.cancel_action.isEnabled()


def test_global_search_finds_codes_people_and_organisations(window: MainWindow, small: Small,
                                                           qtbot: QtBot) -> None:
    search = window.search
    hits = search.search_hits(small.trip.code.lower())
    assert [(h.kind, h.ident) for h in hits] == [("trip", small.trip.id)]
    assert search.search_hits("bosch")[0].kind == "organisation"
    assert search.search_hits("王建国")[0].kind == "person"
    search.setText("峰会")
    search.returnPressed.emit()
    assert window.current_page() is window.events
    assert window.events.selected_ids() == [small.event.id]
    window.focus_search()
    search.setText(small.trip.code)
    search.returnPressed.emit()
    editor = window.editors.open.get(("trip", small.trip.id))
    assert isinstance(editor, TripEditor)


def test_window_remembers_geometry_and_last_view(ctx: AppContext, small: Small,
                                                 qtbot: QtBot) -> None:
    first = MainWindow(ctx, AppSettings())
    qtbot.addWidget(first)
    first.show()
    first.show_page("people")
    first.close()
    saved = AppSettings().geometry()
    assert saved is not None and saved == first.saveGeometry()
    second = MainWindow(ctx, AppSettings())
    qtbot.addWidget(second)
    assert second.current_page() is second.people


def test_editors_are_opened_once_per_record(window: MainWindow, small: Small,
                                            qtbot: QtBot) -> None:
    window.ctx.open_trip_requested.emit(small.trip.id)  # a double-click in the calendar
    first = window.editors.open[("trip", small.trip.id)]
    window.ctx.open_trip_requested.emit(small.trip.id)
    assert window.editors.open[("trip", small.trip.id)] is first
    window.ctx.open_event_requested.emit(small.event.id)
    assert ("event", small.event.id) in window.editors.open


def test_sample_campaign_fills_every_view(sample_ctx: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(sample_ctx, AppSettings())
    qtbot.addWidget(window)
    window.show()
    for page in window.pages:
        window.show_page(page.key)
        if isinstance(page.widget, EntityPage):
            assert page.widget.model.rowCount() > 0, page.key
    assert window.trips.model.rowCount() >= 30
    assert window.events.model.rowCount() >= 30
    assert window.organisations.model.rowCount() >= 150
    assert window.people.model.rowCount() >= 60
    window.show_page("trips")
    window.trips.view.selectRow(0)
    assert window.trips.itinerary.rowCount() > 0
    window.editors.close_all()


def test_tables_load_on_a_worker_thread(ctx: AppContext, small: Small, qtbot: QtBot) -> None:
    ctx.background_loading = True
    window = MainWindow(ctx, AppSettings())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.trips.loaded, timeout=10_000):
        window.show_page("trips")
    assert window.trips.model.rowCount() == 1 and not window.trips.loading
    with qtbot.waitSignal(window.trips.loaded, timeout=10_000):
        window.trips.refresh()
        window.trips.refresh()  # the first answer is dropped: only the latest load counts
    assert window.trips.count.text() == "1 record(s)"


def test_the_window_shows_before_the_dashboard_is_read(ctx: AppContext, small: Small,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      qtbot: QtBot) -> None:
    """The chrome shows at once, saying it is loading; the dashboard's read runs on a worker
    thread (held here on an event until the window is up) and fills the page when it ends."""
    import threading

    from PySide6.QtWidgets import QApplication

    import desktop.pages.dashboard as dashboard_module
    from desktop.i18n import install_translators, remove_translators
    from models.language import Lang

    release, started, threads = threading.Event(), threading.Event(), []
    real_read = dashboard_module.read_dashboard

    def held_read(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        started.set()
        assert release.wait(10), "the test never let the read finish"
        return real_read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dashboard_module, "read_dashboard", held_read)
    app = QApplication.instance()
    assert app is not None
    installed = install_translators(app, Lang.ZH)
    try:
        ctx.background_loading = True
        window = MainWindow(ctx, AppSettings())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)  # shown and painted while the read is still held
        assert window.current_page() is window.dashboard
        assert started.wait(10) and not release.is_set()
        assert window.dashboard.loading
        assert window.dashboard.heading.text() == "正在载入… Loading…"
        assert not window.grab().isNull()
        with qtbot.waitSignal(window.dashboard.loaded, timeout=10_000):
            release.set()
        assert threads and threads[0] is not threading.main_thread()
        assert not window.dashboard.loading
        assert window.dashboard.heading.text() == "2023 招商年"
        assert window.dashboard.gauges[0].title.text() == "推广活动"
    finally:
        release.set()
        remove_translators(app, installed)


def test_what_waits_for_the_first_view_runs_once_it_is_filled(ctx: AppContext, small: Small,
                                                              qtbot: QtBot) -> None:
    """``when_filled``: after the worker's rows are shown (the mappers configured aside by
    ``desktop.app``), at once when the view shown is already filled."""
    ctx.background_loading = True
    window = MainWindow(ctx, AppSettings())
    qtbot.addWidget(window)
    calls: list[bool] = []
    window.show()
    assert window.dashboard.loading
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10_000):
        window.when_filled(lambda: calls.append(window.dashboard.loading))
        assert calls == []  # still loading
    assert calls == [False]
    window.when_filled(lambda: calls.append(window.dashboard.loading))
    assert calls == [False, False]  # filled: at once


def test_closing_the_window_asks_about_unsaved_edits(ctx: AppContext, small: Small,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     qtbot: QtBot) -> None:
    window = MainWindow(ctx, AppSettings())
    qtbot.addWidget(window)
    window.show()
    editor = window.editors.open_trip(small.trip.id)
    editor.title_zh.setText("未保存的标题")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: answers.pop(0)))
    assert not window.close()  # Cancel: the window and the editor stay, input kept
    assert editor.isVisible() and editor.title_zh.text() == "未保存的标题"
    assert window.close()  # Save: saved, then everything closes
    with ctx.sessions() as session:
        assert queries.trip_detail(session, small.trip.id).title_zh == "未保存的标题"



def test_the_status_bar_says_who_is_signed_in(window: MainWindow) -> None:
    """On a SQLite file, the computer's user (on the shared server: the account and its unit)."""
    from PySide6.QtWidgets import QLabel

    from models.audit.actor import default_actor

    label = window.findChild(QLabel, "signedIn")
    assert label is not None and label.text() == f"本机用户 {default_actor()}"


def test_the_status_bar_says_who_in_the_sessions_language(
        small: Small, db_url: str, settings: AppSettings, qtbot: QtBot) -> None:
    """An English session reads "local user …", not the Chinese label."""
    from PySide6.QtWidgets import QLabel

    from models.audit.actor import default_actor

    english = AppContext(small.sessions, db_url, Lang.EN)
    english.background_loading = False
    win = MainWindow(english, settings)
    qtbot.addWidget(win)
    label = win.findChild(QLabel, "signedIn")
    assert label is not None and label.text() == f"local user {default_actor()}"


@pytest.mark.backends("sqlite", "postgresql")
def test_the_status_bar_names_the_database_not_its_raw_address(window: MainWindow,
                                                                db_url: str) -> None:
    """The file's name (or database@server), as the title has it; the full address, without a
    password, in the tooltip."""
    from PySide6.QtWidgets import QLabel
    from sqlalchemy.engine import make_url

    label = window.findChild(QLabel, "database")
    assert label is not None
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        assert label.text() == "campaign.db"
    else:
        assert label.text() == f"{url.database}@{url.host}"
    assert "://" not in label.text() and label.text() in window.windowTitle()
    assert label.toolTip() in (str(url), url.render_as_string(hide_password=True))
    assert url.password is None or str(url.password) not in label.toolTip()


def test_the_database_place_of_a_server_address_hides_its_password() -> None:
    from desktop.main_window import database_place
    from models.database import shown_url

    address = "postgresql://planner:secret@db.example.cn:5432/campaign"
    assert database_place(address) == "campaign@db.example.cn"
    assert "secret" not in shown_url(address) and "db.example.cn" in shown_url(address)
    assert database_place("sqlite:////home/li/招商/计划.db") == "计划.db"
