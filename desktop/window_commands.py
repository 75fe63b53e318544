"""The window's commands on the current view: new, open, delete, duplicate, cancel, move, export,
brief, import, and the dialogs of the File and Help menus. The menus, the toolbar and the
shortcuts call these; each asks the current page to act on its selection."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.window_views import ViewSwitching
from models.database import shown_url

if TYPE_CHECKING:
    from desktop.campaign_dialog import CampaignDialog
    from desktop.check_settings_dialog import CheckSettingsDialog
    from desktop.documents.import_actions import CalendarImportDialog, SheetImportDialog
    from desktop.editors.opening import Editors
    from desktop.settings_dialog import SettingsDialog
    from desktop.worker import Job
    from spreadsheets.export import SheetKind

translate = QCoreApplication.translate

# the views whose list "Export list as spreadsheet" writes, and as what (a ``SheetKind``)
SHEET_KINDS = {"trips": "TRIPS", "events": "EVENTS", "organisations": "ORGANISATIONS",
               "people": "PEOPLE", "units": "LEADERBOARD", "projects": "LEADS",
               "visits": "HQ_VISITS"}


class PageCommands(ViewSwitching):
    """The part of the main window that carries out the menus' commands. What a command
    needs (the calendar export, the briefs, the spreadsheets, a dialog) is imported when it
    is first used, not at start."""

    editors: Editors
    reads_only: bool

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
        import calendars
        from desktop.documents.export_actions import export_calendar

        key = self.current_key()
        if key == "trips" and self.trips.selected_codes():
            codes = self.trips.selected_codes()
            scope = calendars.ExportScope(trip_codes=tuple(codes))
            name = f"{codes[0]}.ics" if len(codes) == 1 else "trips.ics"
        elif key == "events" and self.events.selected_codes():
            codes = self.events.selected_codes()
            scope = calendars.ExportScope(event_codes=tuple(codes))
            name = f"{codes[0]}.ics" if len(codes) == 1 else "events.ics"
        elif key == "people" and (person := self.people.selected_row()) is not None:
            scope = calendars.ExportScope(person_id=person.id)  # the person's own schedule
            name = f"{person.name_zh or person.name_en}.ics"
        else:
            return self.export_campaign()
        return export_calendar(self.ctx, self.settings, self, scope, name)

    def _sheet_kind(self) -> SheetKind | None:
        """What "Export list as spreadsheet" writes from the current view (None: nothing)."""
        name = SHEET_KINDS.get(self.current_key() or "")
        if name is None:
            return None
        from spreadsheets.export import SheetKind

        return SheetKind[name]

    def export_list(self) -> Job | None:
        """The list of the current page as it is shown: its search and filters applied."""
        from desktop.documents.sheet_export import export_sheet
        from desktop.tables.row_model import ID_ROLE
        from spreadsheets.export import SheetFilters, SheetKind

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
        from desktop.documents.sheet_export import export_sheet
        from desktop.tables.row_model import ROW_ROLE
        from spreadsheets.export import SheetFilters, SheetKind

        page = self.trips if kind is not SheetKind.INVITATIONS else self.events
        codes = page.selected_codes()
        if not codes:
            proxy = page.proxy
            codes = [proxy.index(r, 0).data(ROW_ROLE).code for r in range(proxy.rowCount())]
        name = f"{codes[0]}-{kind.value}.xlsx" if len(codes) == 1 else f"{kind.value}.xlsx"
        return export_sheet(self.ctx, self.settings, self, kind,
                            SheetFilters(codes=tuple(codes)), name)

    def export_itineraries(self) -> Job | None:
        from spreadsheets.export import SheetKind

        return self.export_of_selection(SheetKind.ITINERARIES)

    def export_delegations(self) -> Job | None:
        from spreadsheets.export import SheetKind

        return self.export_of_selection(SheetKind.DELEGATIONS)

    def export_invitations(self) -> Job | None:
        from spreadsheets.export import SheetKind

        return self.export_of_selection(SheetKind.INVITATIONS)

    def export_campaign(self) -> Job | None:
        import calendars
        from desktop.documents.export_actions import export_calendar

        return export_calendar(self.ctx, self.settings, self, calendars.ExportScope(all_=True),
                               "campaign.ics")

    def brief(self) -> Job | None:
        from briefs import BriefKind  # ReportLab: on the first brief, not at start
        from desktop.documents.export_actions import show_brief

        key = self.current_key()
        if key == "trips" and self.trips.selected_codes():
            return show_brief(self.ctx, self.settings, self, BriefKind.TRIP,
                              self.trips.selected_codes()[0])
        if key == "events" and self.events.selected_codes():
            return show_brief(self.ctx, self.settings, self, BriefKind.EVENT,
                              self.events.selected_codes()[0])
        if key == "units" and self.units.month() is not None:  # the month's 英雄榜
            return show_brief(self.ctx, self.settings, self, BriefKind.LEADERBOARD,
                              year=self.units.year, month=self.units.month())
        return self.campaign_report()

    def campaign_report(self) -> Job:
        from briefs import BriefKind
        from desktop.documents.export_actions import show_brief

        return show_brief(self.ctx, self.settings, self, BriefKind.CAMPAIGN)

    def import_calendar(self) -> CalendarImportDialog | None:
        """Into the trip selected on the Trips page by default, or as themed events."""
        from desktop.documents.import_actions import import_calendar

        trips = self.built_view("trips")  # a trip selected there (never built just to ask)
        codes = self.trips.selected_codes() if trips is not None else []
        return import_calendar(self.ctx, self.settings, self, codes[0] if codes else None)

    def import_spreadsheet(self) -> SheetImportDialog | None:
        from desktop.documents.import_actions import import_spreadsheet

        return import_spreadsheet(self.ctx, self.settings, self)

    def open_settings(self) -> SettingsDialog:
        from desktop.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.ctx.lang, self, in_use=shown_url(self.ctx.db_url))
        dialog.open()
        return dialog

    def open_campaign(self) -> CampaignDialog:
        from desktop.campaign_dialog import CampaignDialog

        dialog = CampaignDialog(self.ctx, self)
        dialog.open()
        return dialog

    def open_check_settings(self) -> CheckSettingsDialog:
        from desktop.check_settings_dialog import CheckSettingsDialog

        dialog = CheckSettingsDialog(self.ctx, self)
        dialog.open()
        return dialog

    def about(self) -> None:
        QMessageBox.about(self, translate("MainWindow", "About Campaign Planner"), translate(
            "MainWindow",
            "<b>Campaign Planner 招商活动规划</b><br>Plan a year of promotion trips, themed "
            "investment events, HQ visits and leads.<br>Database: %1").replace(
            "%1", html.escape(shown_url(self.ctx.db_url))))
