"""The main window: its views beside the navigation list, the menus, the toolbar with the search
box, and the status bar. Its parts live beside it: ``window_views`` (switching views),
``window_commands`` (what the menus do on the current view), ``window_actions`` (the actions,
menus, toolbar and shortcuts) and ``window_status`` (title and status bar)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSize
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop.context import AppContext
from desktop.editors.opening import Editors
from desktop.global_search import GlobalSearch
from desktop.settings import AppSettings
from desktop.window_actions import WindowActions, button_text
from desktop.window_status import add_status_labels, database_place, window_title
from desktop.window_views import Page
from models.accounts.names import AccountRole
from models.accounts.signed_in import SignedIn, signed_in
from models.changes import OpChanges, RecordKind
from models.errors import PlannerError

if TYPE_CHECKING:
    from desktop.pages.entity_page import EntityPage

__all__ = ["MainWindow", "Page", "button_text", "database_place", "window_title"]


class MainWindow(WindowActions):
    def __init__(self, ctx: AppContext, settings: AppSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.account = self._signed_in()
        self.reads_only = self.account is not None and self.account.shared and (
            self.account.role is AccountRole.VIEWER)  # a viewer: every edit action off
        self.editors = Editors(ctx, self)
        self.setWindowTitle(window_title(ctx))
        ctx.data_changed.connect(self._retitle)  # a renamed campaign or a load
        self.setMinimumSize(QSize(1000, 640))
        self.pages = [  # each view is built when first shown (the window starts with one)
            Page("dashboard", self.tr("Dashboard"), self._builder("dashboard")),
            Page("calendar", self.tr("Calendar"), self._builder("calendar")),
            Page("timeline", self.tr("Year timeline"), self._builder("timeline")),
            Page("trips", self.tr("Promotion trips"), self._builder("trips"), table=True),
            Page("events", self.tr("Themed events"), self._builder("events"), table=True),
            Page("projects", self.tr("Projects"), self._builder("projects"), table=True),
            Page("visits", self.tr("HQ visits (100 teams)"), self._builder("visits"), table=True),
            Page("organisations", self.tr("Organisations"), self._builder("organisations"),
                 table=True),
            Page("people", self.tr("People"), self._builder("people"), table=True),
            Page("units", self.tr("Units && leaderboard"), self._builder("units"), table=True),
        ]
        if self.account is not None and self.account.manages_accounts:  # admins, shared server
            self.pages.append(Page("accounts", self.tr("Accounts"), self._builder("accounts"),
                                   table=True))
        self.stack = QStackedWidget(self)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #f3f5f8; border: none; font-size: 14px; }"
            "QListWidget#navigation::item { padding: 9px 12px; }"
            "QListWidget#navigation::item:selected { background: #dbe6f4; color: #1d3d63; }")
        for page in self.pages:
            self.stack.addWidget(QWidget(self.stack))  # an empty stand-in until first shown
            QListWidgetItem(page.title.replace("&&", "&"), self.nav)
        self.nav.currentRowChanged.connect(self._page_changed)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.search = GlobalSearch(ctx, self)
        self.search.chosen.connect(self.go_to_record)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.signed_in, self.database = add_status_labels(self, self._who(), ctx.db_url)
        ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        ctx.failed.connect(self._show_failure)
        self._restore()

    # --- the views -----------------------------------------------------------------------

    def _builder(self, key: str) -> Callable[[], QWidget]:
        def build() -> QWidget:
            widget = self._make_view(key)
            self._place_view(key, widget)
            if self.page(key).table:  # a table of records: the menus act on its selection
                table = cast("EntityPage", widget)
                table.set_account(self.account)
                table.selection_changed.connect(self._update_actions)
                self._add_context_menu(key, table)
            return widget

        return build

    def _make_view(self, key: str) -> QWidget:
        """The view of ``key``; its module is imported when it is first shown."""
        ctx, editors = self.ctx, self.editors
        if key == "dashboard":
            from desktop.pages.dashboard import DashboardView

            dashboard = DashboardView(ctx)
            dashboard.drill_down.connect(self.drill_down)
            return dashboard
        if key == "calendar":
            from desktop.calendar.view import CalendarView

            return CalendarView(ctx)
        if key == "timeline":
            from desktop.calendar.timeline import TimelineView

            return TimelineView(ctx)
        if key == "trips":
            from desktop.pages.trips import TripsPage

            return TripsPage(ctx, editors)
        if key == "events":
            from desktop.pages.events import EventsPage

            return EventsPage(ctx, editors)
        if key == "projects":
            from desktop.pages.projects import ProjectsPage

            return ProjectsPage(ctx, editors)
        if key == "visits":
            from desktop.pages.visits import VisitsPage

            return VisitsPage(ctx, editors)
        if key == "organisations":
            from desktop.pages.organisations import OrganisationsPage

            return OrganisationsPage(ctx, editors)
        if key == "people":
            from desktop.pages.people import PeoplePage

            return PeoplePage(ctx, editors)
        if key == "units":
            from desktop.pages.units import UnitsPage

            return UnitsPage(ctx, editors)
        if key == "accounts":
            from desktop.accounts.accounts_page import AccountsPage

            return AccountsPage(ctx, editors)
        raise KeyError(key)

    def _signed_in(self) -> SignedIn | None:
        try:
            with self.ctx.sessions() as session:
                return signed_in(session)
        except PlannerError:
            return None

    def _who(self) -> str:
        """Who is signed in, for the status bar in the session's language: 张伟（zhangwei，单位人员：
        长安镇） or "Zhang Wei (zhangwei, unit staff: …)"."""
        return self.account.describe(self.ctx.lang) if self.account is not None else ""

    def _page_changed(self, row: int) -> None:
        if self._show_view(row):
            self._update_actions()

    def _retitle(self, changes: OpChanges) -> None:
        if changes.everything or changes.touches(RecordKind.CAMPAIGN):
            self.setWindowTitle(window_title(self.ctx))

    def _show_failure(self, message: str) -> None:
        """An undo, redo or background task failed: say so, without blocking the window."""
        self.statusBar().showMessage(message, 10000)
        self.failure_box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Could not be done"),
                                       message, QMessageBox.StandardButton.Ok, self)
        self.failure_box.open()

    # --- window state ----------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        keys = [p.key for p in self.pages]
        last = self.settings.last_view
        self.nav.setCurrentRow(keys.index(last) if last in keys else 0)
        self._update_actions()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.editors.close_all():
            event.ignore()  # an editor with unsaved changes asked to stay open
            return
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()
        event.accept()
