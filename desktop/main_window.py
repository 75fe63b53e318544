"""The main window: its views beside the navigation list, the menus, the toolbar with the search
box, and the status bar. Its parts live beside it: ``window_views`` (switching views),
``window_commands`` (what the menus do on the current view), ``window_actions`` (the actions,
menus, toolbar and shortcuts) and ``window_status`` (title and status bar)."""

from __future__ import annotations

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

from desktop.accounts.accounts_page import AccountsPage
from desktop.calendar.timeline import TimelineView
from desktop.calendar.view import CalendarView
from desktop.context import AppContext
from desktop.editors.opening import Editors
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
from desktop.window_actions import WindowActions, button_text
from desktop.window_status import add_status_labels, database_place, window_title
from desktop.window_views import Page
from models.accounts.names import AccountRole
from models.accounts.signed_in import SignedIn, signed_in
from models.changes import OpChanges, RecordKind
from models.errors import PlannerError

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
        self.trips = TripsPage(ctx, self.editors)
        self.events = EventsPage(ctx, self.editors)
        self.organisations = OrganisationsPage(ctx, self.editors)
        self.people = PeoplePage(ctx, self.editors)
        self.projects = ProjectsPage(ctx, self.editors)
        self.visits = VisitsPage(ctx, self.editors)
        self.units = UnitsPage(ctx, self.editors)
        self.pages = [
            *self._planning_views(),
            Page("trips", self.tr("Promotion trips"), self.trips),
            Page("events", self.tr("Themed events"), self.events),
            Page("projects", self.tr("Projects"), self.projects),
            Page("visits", self.tr("HQ visits (100 teams)"), self.visits),
            Page("organisations", self.tr("Organisations"), self.organisations),
            Page("people", self.tr("People"), self.people),
            Page("units", self.tr("Units && leaderboard"), self.units),
        ]
        for entity_page in (self.trips, self.events, self.organisations, self.people,
                            self.projects, self.visits, self.units):
            entity_page.set_account(self.account)
        self.accounts: AccountsPage | None = None
        if self.account is not None and self.account.manages_accounts:  # admins, shared server
            self.accounts = AccountsPage(ctx, self.editors)
            self.pages.append(Page("accounts", self.tr("Accounts"), self.accounts))
        self.stack = QStackedWidget(self)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #f3f5f8; border: none; font-size: 14px; }"
            "QListWidget#navigation::item { padding: 9px 12px; }"
            "QListWidget#navigation::item:selected { background: #dbe6f4; color: #1d3d63; }")
        for page in self.pages:
            self.stack.addWidget(page.widget)
            QListWidgetItem(page.title.replace("&&", "&"), self.nav)
            if isinstance(page.widget, EntityPage):
                page.widget.selection_changed.connect(self._update_actions)
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

    def _planning_views(self) -> list[Page]:
        """The dashboard, the calendar and the year timeline."""
        self.dashboard = DashboardView(self.ctx)
        self.dashboard.drill_down.connect(self.drill_down)
        return [
            Page("dashboard", self.tr("Dashboard"), self.dashboard),
            Page("calendar", self.tr("Calendar"), CalendarView(self.ctx)),
            Page("timeline", self.tr("Year timeline"), TimelineView(self.ctx)),
        ]

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
