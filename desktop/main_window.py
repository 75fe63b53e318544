"""The main window: navigation between the views, menus, toolbar, search and status bar."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)
from sqlalchemy.engine import make_url

import calendars
from desktop.accounts.accounts_page import AccountsPage
from desktop.calendar.timeline import TimelineView
from desktop.calendar.view import CalendarView
from desktop.campaign_dialog import CampaignDialog
from desktop.check_settings_dialog import CheckSettingsDialog
from desktop.context import AppContext
from desktop.documents.export_actions import export_calendar, show_brief
from desktop.documents.import_actions import (
    CalendarImportDialog,
    SheetImportDialog,
    import_calendar,
    import_spreadsheet,
)
from desktop.documents.sheet_export import export_sheet
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
from desktop.settings_dialog import SettingsDialog
from desktop.tables.row_model import ID_ROLE, ROW_ROLE
from desktop.worker import Job
from models import queries
from models.accounts.names import AccountRole
from models.accounts.signed_in import SignedIn, signed_in
from models.changes import OpChanges, RecordKind
from models.database import shown_url
from models.errors import NotFoundError, PlannerError
from spreadsheets.export import SheetFilters, SheetKind


def button_text(text: str) -> str:
    """A menu text as a toolbar button shows it: no mnemonic ("&N", "(&N)"), no "…"."""
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace(
        "\0", "&").rstrip("…").strip()


def database_place(db_url: str) -> str:
    """The database as a person names it: the SQLite file's name (``sample.db``) or the server's
    database and host (``campaign@db.example.cn``)."""
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        return Path(url.database).name if url.database else ":memory:"
    return f"{url.database or ''}@{url.host or ''}"


def window_title(ctx: AppContext) -> str:
    """What this window holds, as Outlook names the folder and the account: the campaign and the
    database (``2023年招商年 · sample.db``). The system adds the program's name (the application's
    display name) after it, so the title never repeats it."""
    where = database_place(ctx.db_url)
    try:
        with ctx.sessions() as session:
            campaign = queries.current_campaign(session)
            name = ctx.lang.pick(campaign.name_zh, campaign.name_en or campaign.name_zh)
    except NotFoundError:
        return where
    return f"{name} · {where}"


@dataclass(frozen=True)
class Page:
    key: str  # remembered in the settings as the last view
    title: str
    widget: QWidget


class MainWindow(QMainWindow):
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
        self.signed_in = QLabel(self._who(), self)
        self.signed_in.setObjectName("signedIn")
        self.signed_in.setStyleSheet("color: #2b3a4a; padding: 0 6px;")
        self.statusBar().addPermanentWidget(self.signed_in)
        self.database = QLabel(database_place(ctx.db_url), self)
        self.database.setObjectName("database")
        self.database.setToolTip(shown_url(ctx.db_url))  # never the password
        self.database.setStyleSheet("color: #5f6b7a; padding: 0 6px;")
        self.statusBar().addPermanentWidget(self.database)
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

    # --- actions ---------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str = "",
                icon: QStyle.StandardPixmap | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setIconText(button_text(text))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.setToolTip(f"{tip or text.replace('&', '').rstrip('…')}"
                          + (f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                             if shortcut else ""))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

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

    def _build_actions(self) -> None:
        pix = QStyle.StandardPixmap
        keys = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New…"), self.new_record, QKeySequence(keys.New),
                                       pix.SP_FileIcon, self.tr("New record in this view"))
        self.edit_action = self._action(self.tr("&Open…"), self.edit_selected, "Ctrl+O",
                                        pix.SP_FileDialogDetailedView,
                                        self.tr("Open the selected record"))
        self.delete_action = self._action(self.tr("&Delete"), self.delete_selected,
                                          QKeySequence(keys.Delete), pix.SP_TrashIcon,
                                          self.tr("Delete the selection"))
        self.duplicate_action = self._action(self.tr("D&uplicate as template…"),
                                             self.duplicate_selected, "Ctrl+D")
        self.cancel_action = self._action(self.tr("&Cancel with reason…"), self.cancel_selected,
                                          "Ctrl+Shift+X")
        self.move_action = self._action(self.tr("&Move by days…"), self.move_selected, "Ctrl+M")
        self.undo_action = self.ctx.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.undo_action.setIconText(button_text(self.tr("&Undo")))
        self.undo_action.setIcon(self.style().standardIcon(pix.SP_ArrowBack))
        self.redo_action = self.ctx.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIconText(button_text(self.tr("&Redo")))
        self.redo_action.setIcon(self.style().standardIcon(pix.SP_ArrowForward))
        self.export_action = self._action(self.tr("&Export calendar (.ics)…"),
                                          self.export_selection, "Ctrl+E",
                                          pix.SP_DialogSaveButton,
                                          self.tr("Export the selection as a calendar"))
        self.export_all_action = self._action(self.tr("Export the &whole campaign (.ics)…"),
                                              self.export_campaign, "Ctrl+Shift+E")
        self.brief_action = self._action(self.tr("&Brief: preview and print…"), self.brief,
                                         QKeySequence(keys.Print), pix.SP_FileDialogContentsView,
                                         self.tr("Briefing pack of the selected trip or event"))
        self.report_action = self._action(self.tr("Campaign &report…"), self.campaign_report,
                                          "Ctrl+Shift+P")
        self.export_sheet_action = self._action(
            self.tr("Export &list as spreadsheet (.xlsx, .csv)…"), self.export_list,
            "Ctrl+Shift+S", tip=self.tr("The rows this list shows, with its search and filters"))
        self.export_itineraries_action = self._action(
            self.tr("Export itineraries of the selected trips (.xlsx, .csv)…"),
            partial(self.export_of_selection, SheetKind.ITINERARIES))
        self.export_delegations_action = self._action(
            self.tr("Export delegations of the selected trips (.xlsx, .csv)…"),
            partial(self.export_of_selection, SheetKind.DELEGATIONS))
        self.export_invitations_action = self._action(
            self.tr("Export invitations of the selected events (.xlsx, .csv)…"),
            partial(self.export_of_selection, SheetKind.INVITATIONS))
        self.import_ics_action = self._action(self.tr("&Import calendar (.ics)…"),
                                              self.import_calendar)
        self.import_sheet_action = self._action(self.tr("Import &spreadsheet…"),
                                                self.import_spreadsheet)
        self.settings_action = self._action(self.tr("&Settings…"), self.open_settings,
                                            "Ctrl+,")
        self.campaign_action = self._action(self.tr("&Campaign…"), self.open_campaign)
        self.check_settings_action = self._action(self.tr("Chec&k settings…"),
                                                  self.open_check_settings)
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence(keys.Quit))
        self.find_action = self._action(self.tr("&Find…"), self.focus_search,
                                        QKeySequence(keys.Find))
        self.refresh_action = self._action(self.tr("Re&fresh"), self.refresh_current,
                                           QKeySequence(keys.Refresh))
        self.about_action = self._action(self.tr("&About Campaign Planner"), self.about)
        self.page_actions = []
        for n, page in enumerate(self.pages):
            action = self._action(page.title, partial(self.go_to_page, n),
                                  f"Ctrl+{(n + 1) % 10}" if n < 10 else "")
            self.page_actions.append(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for action in (self.new_action, self.edit_action, None, self.export_action,
                       self.export_all_action, self.export_sheet_action, self.brief_action,
                       self.report_action, None,
                       self.import_ics_action, self.import_sheet_action, None,
                       self.campaign_action, self.settings_action, self.check_settings_action,
                       None,
                       self.quit_action):
            file_menu.addAction(action) if action else file_menu.addSeparator()
        edit_menu = bar.addMenu(self.tr("&Edit"))
        for action in (self.undo_action, self.redo_action, None, self.duplicate_action,
                       self.move_action, self.cancel_action, self.delete_action, None,
                       self.find_action):
            edit_menu.addAction(action) if action else edit_menu.addSeparator()
        view_menu = bar.addMenu(self.tr("&View"))
        for action in self.page_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.refresh_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        self._build_context_menus()

    def _build_context_menus(self) -> None:
        """Right-click on a list: open, calendar, spreadsheet export (and, for trips and
        events, their itineraries, delegations or invitations)."""
        extras: dict[QWidget, tuple[QAction, ...]] = {
            self.trips: (self.export_itineraries_action, self.export_delegations_action),
            self.events: (self.export_invitations_action,),
        }
        for page in (self.trips, self.events, self.organisations, self.people):
            page.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            page.view.addActions([self.edit_action, self.export_action,
                                  self.export_sheet_action, *extras.get(page, ())])

    def _build_toolbar(self) -> None:
        tools = QToolBar(self.tr("Main toolbar"), self)
        tools.setObjectName("main-toolbar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tools.setIconSize(QSize(18, 18))
        for action in (self.new_action, self.edit_action, self.delete_action, None,
                       self.undo_action, self.redo_action, None, self.export_action,
                       self.brief_action):
            tools.addAction(action) if action else tools.addSeparator()
        spacer = QWidget(tools)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tools.addWidget(spacer)
        tools.addWidget(self.search)
        self.addToolBar(tools)

    # --- navigation ------------------------------------------------------------------------

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

    def _page_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.settings.last_view = self.pages[row].key
        self._update_actions()

    def _update_actions(self) -> None:
        page = self.current_entity_page()
        offers = page.offers if page else frozenset({"new", "export", "brief"})
        selected = bool(page and page.selected_rows())
        self.new_action.setEnabled("new" in offers)
        self.edit_action.setEnabled(bool(page) and "edit" in offers and selected)
        for action, name in ((self.delete_action, "delete"),
                             (self.duplicate_action, "duplicate"),
                             (self.cancel_action, "cancel"), (self.move_action, "move")):
            action.setEnabled(name in offers and selected)
        if self.reads_only:
            for action in (self.new_action, self.delete_action, self.duplicate_action,
                           self.cancel_action, self.move_action, self.import_ics_action,
                           self.import_sheet_action):
                action.setEnabled(False)
                action.setToolTip(self.tr("A read-only account changes nothing"))
        self.export_action.setEnabled("export" in offers)
        self.export_sheet_action.setEnabled(self._sheet_kind() is not None)
        self.brief_action.setEnabled("brief" in offers
                                     and (selected or page is None or page is self.units))

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

    # --- commands on the current page ----------------------------------------------------

    def new_record(self) -> QWidget | None:
        if self.reads_only:
            return None
        page = self.current_entity_page()
        if page is None:
            return self.editors.open_trip(None)
        return page.new_record()

    def edit_selected(self) -> QWidget | None:
        page = self.current_entity_page()
        return page.edit_selected() if page else None

    def delete_selected(self) -> None:
        page = self.current_entity_page()
        if page is not None and "delete" in page.offers:
            page.delete_selected()

    def duplicate_selected(self) -> QWidget | None:
        page = self.current_entity_page()
        return page.duplicate_selected() if page and "duplicate" in page.offers else None

    def cancel_selected(self) -> QWidget | None:
        page = self.current_entity_page()
        return page.cancel_selected() if page and "cancel" in page.offers else None

    def move_selected(self) -> QWidget | None:
        page = self.current_entity_page()
        return page.move_selected() if page and "move" in page.offers else None

    def export_selection(self) -> Job | None:
        """The selected trips or events, or the selected person's own schedule; with nothing
        selected, the whole campaign."""
        page = self.current_entity_page()
        if page is self.trips and self.trips.selected_codes():
            codes = self.trips.selected_codes()
            scope = calendars.ExportScope(trip_codes=tuple(codes))
            name = f"{codes[0]}.ics" if len(codes) == 1 else "trips.ics"
        elif page is self.events and self.events.selected_codes():
            codes = self.events.selected_codes()
            scope = calendars.ExportScope(event_codes=tuple(codes))
            name = f"{codes[0]}.ics" if len(codes) == 1 else "events.ics"
        elif page is self.people and (person := self.people.selected_row()) is not None:
            scope = calendars.ExportScope(person_id=person.id)  # the person's own schedule
            name = f"{person.name_zh or person.name_en}.ics"
        else:
            return self.export_campaign()
        return export_calendar(self.ctx, self.settings, self, scope, name)

    def _sheet_kind(self) -> SheetKind | None:
        page = self.current_entity_page()
        return {self.trips: SheetKind.TRIPS, self.events: SheetKind.EVENTS,
                self.organisations: SheetKind.ORGANISATIONS,
                self.people: SheetKind.PEOPLE,
                self.units: SheetKind.LEADERBOARD, self.projects: SheetKind.LEADS,
                self.visits: SheetKind.HQ_VISITS}.get(page) if page is not None else None

    def export_list(self) -> Job | None:
        """The list of the current page as it is shown: its search and filters applied."""
        page = self.current_entity_page()
        kind = self._sheet_kind()
        if page is None or kind is None:
            return None
        proxy = page.proxy
        ids = tuple(int(proxy.index(r, 0).data(ID_ROLE)) for r in range(proxy.rowCount()))
        if kind is SheetKind.LEADERBOARD:  # the year and month the page ranks
            filters = SheetFilters(ids=ids, year=self.units.year or None, month=self.units.month())
        else:
            filters = SheetFilters(ids=ids)
        return export_sheet(self.ctx, self.settings, self, kind, filters)

    def export_of_selection(self, kind: SheetKind) -> Job | None:
        """The itineraries or delegations of the selected trips, the invitations of the
        selected events (of all shown, when none is selected)."""
        page = self.trips if kind is not SheetKind.INVITATIONS else self.events
        codes = page.selected_codes()
        if not codes:
            proxy = page.proxy
            codes = [proxy.index(r, 0).data(ROW_ROLE).code for r in range(proxy.rowCount())]
        name = f"{codes[0]}-{kind.value}.xlsx" if len(codes) == 1 else f"{kind.value}.xlsx"
        return export_sheet(self.ctx, self.settings, self, kind,
                            SheetFilters(codes=tuple(codes)), name)

    def export_campaign(self) -> Job | None:
        return export_calendar(self.ctx, self.settings, self, calendars.ExportScope(all_=True),
                               "campaign.ics")

    def brief(self) -> Job | None:
        from briefs import BriefKind  # ReportLab: on the first brief, not at start

        page = self.current_entity_page()
        if page is self.trips and self.trips.selected_codes():
            return show_brief(self.ctx, self.settings, self, BriefKind.TRIP, self.trips.selected_codes()[0])
        if page is self.events and self.events.selected_codes():
            return show_brief(self.ctx, self.settings, self, BriefKind.EVENT,
                              self.events.selected_codes()[0])
        if page is self.units and self.units.month() is not None:  # the month's 英雄榜
            return show_brief(self.ctx, self.settings, self, BriefKind.LEADERBOARD,
                              year=self.units.year, month=self.units.month())
        return self.campaign_report()

    def campaign_report(self) -> Job:
        from briefs import BriefKind

        return show_brief(self.ctx, self.settings, self, BriefKind.CAMPAIGN)

    def import_calendar(self) -> CalendarImportDialog | None:
        """Into the trip selected on the Trips page by default, or as themed events."""
        codes = self.trips.selected_codes()
        return import_calendar(self.ctx, self.settings, self, codes[0] if codes else None)

    def import_spreadsheet(self) -> SheetImportDialog | None:
        return import_spreadsheet(self.ctx, self.settings, self)

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self.ctx.lang, self, in_use=shown_url(self.ctx.db_url))
        dialog.open()
        return dialog

    def _retitle(self, changes: OpChanges) -> None:
        if changes.everything or changes.touches(RecordKind.CAMPAIGN):
            self.setWindowTitle(window_title(self.ctx))

    def open_campaign(self) -> CampaignDialog:
        dialog = CampaignDialog(self.ctx, self)
        dialog.open()
        return dialog

    def open_check_settings(self) -> CheckSettingsDialog:
        dialog = CheckSettingsDialog(self.ctx, self)
        dialog.open()
        return dialog

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Campaign Planner"), self.tr(
            "<b>Campaign Planner 招商活动规划</b><br>Plan a year of promotion trips, themed "
            "investment events, HQ visits and leads.<br>Database: %1").replace(
            "%1", html.escape(shown_url(self.ctx.db_url))))

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
