"""Switching between the window's views: the navigation list, the stack of views, going to a
view by its key or shortcut, and to a record found by the search box."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QMainWindow, QStackedWidget, QWidget

from desktop.context import AppContext
from desktop.global_search import GlobalSearch
from desktop.pages.dashboard import DashboardView
from desktop.pages.entity_page import EntityPage
from desktop.pages.events import EventsPage
from desktop.pages.organisations import OrganisationsPage
from desktop.pages.people import PeoplePage
from desktop.pages.projects import ProjectsPage
from desktop.pages.trips import TripsPage
from desktop.pages.units import UnitsPage
from desktop.pages.visits import VisitsPage
from desktop.settings import AppSettings


@dataclass(frozen=True)
class Page:
    key: str  # remembered in the settings as the last view
    title: str
    widget: QWidget


class ViewSwitching(QMainWindow):
    """The part of the main window that shows one view at a time."""

    ctx: AppContext
    settings: AppSettings
    pages: list[Page]
    nav: QListWidget
    stack: QStackedWidget
    search: GlobalSearch
    dashboard: DashboardView
    trips: TripsPage
    events: EventsPage
    organisations: OrganisationsPage
    people: PeoplePage
    projects: ProjectsPage
    visits: VisitsPage
    units: UnitsPage

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def current_entity_page(self) -> EntityPage | None:
        page = self.current_page()
        return page if isinstance(page, EntityPage) else None

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
        self.stack.setCurrentIndex(row)
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
