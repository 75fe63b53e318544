"""Switching between the window's views: the navigation list, the stack of views, going to a
view by its key or shortcut, and to a record found by the search box.

A view is built the first time it is shown or asked for (``Page.widget``, or the window's
``trips``, ``events``… properties): the window starts with its first view only, and a view
never visited costs neither its widgets nor its imports."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QMainWindow, QStackedWidget, QWidget

from desktop.context import AppContext
from desktop.global_search import GlobalSearch
from desktop.settings import AppSettings

if TYPE_CHECKING:
    from desktop.accounts.accounts_page import AccountsPage
    from desktop.pages.dashboard import DashboardView
    from desktop.pages.entity_page import EntityPage
    from desktop.pages.events import EventsPage
    from desktop.pages.organisations import OrganisationsPage
    from desktop.pages.people import PeoplePage
    from desktop.pages.projects import ProjectsPage
    from desktop.pages.trips import TripsPage
    from desktop.pages.units import UnitsPage
    from desktop.pages.visits import VisitsPage


class Page:
    """One view of the window: its key (remembered in the settings as the last view), its
    title in the navigation, and its widget, built by ``build`` when first asked for;
    ``table``: the view is an ``EntityPage`` (a table of records the menus act on)."""

    def __init__(self, key: str, title: str, build: Callable[[], QWidget],
                 table: bool = False) -> None:
        self.key = key
        self.title = title
        self.table = table
        self._build = build
        self.built: QWidget | None = None

    @property
    def widget(self) -> QWidget:
        if self.built is None:
            self.built = self._build()
        return self.built

    def __repr__(self) -> str:
        return f"Page({self.key!r}, built={self.built is not None})"


class ViewSwitching(QMainWindow):
    """The part of the main window that shows one view at a time."""

    ctx: AppContext
    settings: AppSettings
    pages: list[Page]
    nav: QListWidget
    stack: QStackedWidget
    search: GlobalSearch

    # --- the views, built on first use -----------------------------------------------------

    def page(self, key: str) -> Page:
        for page in self.pages:
            if page.key == key:
                return page
        raise KeyError(key)

    def built_view(self, key: str) -> QWidget | None:
        """The view of ``key`` if it has been built (never builds it)."""
        return self.page(key).built

    def _place_view(self, key: str, widget: QWidget) -> None:
        """A view just built takes the place of its empty stand-in in the stack."""
        row = [p.key for p in self.pages].index(key)
        stand_in = self.stack.widget(row)
        self.stack.insertWidget(row, widget)
        if stand_in is not None:
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()

    @property
    def dashboard(self) -> DashboardView:
        return cast("DashboardView", self.page("dashboard").widget)

    @property
    def trips(self) -> TripsPage:
        return cast("TripsPage", self.page("trips").widget)

    @property
    def events(self) -> EventsPage:
        return cast("EventsPage", self.page("events").widget)

    @property
    def projects(self) -> ProjectsPage:
        return cast("ProjectsPage", self.page("projects").widget)

    @property
    def visits(self) -> VisitsPage:
        return cast("VisitsPage", self.page("visits").widget)

    @property
    def organisations(self) -> OrganisationsPage:
        return cast("OrganisationsPage", self.page("organisations").widget)

    @property
    def people(self) -> PeoplePage:
        return cast("PeoplePage", self.page("people").widget)

    @property
    def units(self) -> UnitsPage:
        return cast("UnitsPage", self.page("units").widget)

    @property
    def accounts(self) -> AccountsPage | None:
        """The accounts page (an administrator on the shared server), else None."""
        if not any(p.key == "accounts" for p in self.pages):
            return None
        return cast("AccountsPage", self.page("accounts").widget)

    # --- the shown view --------------------------------------------------------------------

    def current_key(self) -> str | None:
        row = self.nav.currentRow()
        return self.pages[row].key if 0 <= row < len(self.pages) else None

    def current_page(self) -> QWidget | None:
        key = self.current_key()
        return self.page(key).widget if key is not None else self.stack.currentWidget()

    def when_filled(self, then: Callable[[], None]) -> None:
        """``then`` once the view shown is filled: at once, or when its worker thread's rows
        are shown (the pages' ``loading`` flag and ``loaded`` signal)."""
        shown = self.stack.currentWidget()
        loaded = getattr(shown, "loaded", None)
        if getattr(shown, "loading", False) and loaded is not None:
            loaded.connect(then, Qt.ConnectionType.SingleShotConnection)
        else:
            then()

    def current_entity_page(self) -> EntityPage | None:
        key = self.current_key()
        if key is None or not self.page(key).table:
            return None
        return cast("EntityPage", self.page(key).widget)

    def drill_down(self, measure: str) -> QWidget:
        """From a ring of the dashboard to the records behind it."""
        page = {"trips": "trips", "events": "events", "hq_visits": "visits"}.get(measure,
                                                                                 "projects")
        widget = self.show_page(page)
        if page == "visits":
            self.visits.show_coverage()
        return widget

    def show_page(self, key: str) -> QWidget:
        for n, page in enumerate(self.pages):
            if page.key == key:
                self.nav.setCurrentRow(n)
                return page.widget
        raise KeyError(key)

    def go_to_page(self, row: int) -> None:
        """A page by its shortcut (Ctrl+1…): shown, and the keyboard in its table, so that
        Down and Enter open a record without reaching for the mouse."""
        self.nav.setCurrentRow(row)
        page = self.current_entity_page()
        shown = self.stack.currentWidget()
        if page is not None:
            page.focus_table()
        elif shown is not None:
            shown.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_view(self, row: int) -> bool:
        """The view of the navigation's row in the stack, remembered as the last view."""
        if row < 0:
            return False
        self.stack.setCurrentWidget(self.pages[row].widget)  # built on its first showing
        self.settings.last_view = self.pages[row].key
        return True

    def go_to_record(self, kind: str, ident: int) -> None:
        """Show a search result: its page, the row selected, and its editor open."""
        page = {"trip": self.trips, "event": self.events, "person": self.people,
                "organisation": self.organisations}[kind]
        self.show_page({"trip": "trips", "event": "events", "person": "people",
                        "organisation": "organisations"}[kind])
        if page.stale and not page.loading:
            page.refresh()

        def select_and_open() -> None:
            if page.select_id(ident):
                page.view.setFocus()
                page.edit_selected()

        if page.loading:  # rows still coming from the worker thread
            page.loaded.connect(select_and_open, Qt.ConnectionType.SingleShotConnection)
        else:
            select_and_open()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh_current(self) -> None:
        page = self.current_page()
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()
