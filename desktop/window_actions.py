"""The window's actions and where they are offered: the menus, the toolbar, the lists' context
menus and the shortcuts; and which of them the current view and its selection allow."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QStyle, QToolBar, QWidget

from desktop.window_commands import SHEET_KINDS, PageCommands

if TYPE_CHECKING:
    from desktop.pages.entity_page import EntityPage

translate = QCoreApplication.translate


def button_text(text: str) -> str:
    """A menu text as a toolbar button shows it: no mnemonic ("&N", "(&N)"), no "…"."""
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace(
        "\0", "&").rstrip("…").strip()


class WindowActions(PageCommands):
    """The part of the main window that builds its actions, menus and toolbar."""

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

    def _build_actions(self) -> None:
        pix = QStyle.StandardPixmap
        keys = QKeySequence.StandardKey
        self.new_action = self._action(translate("MainWindow", "&New…"), self.new_record,
                                       QKeySequence(keys.New), pix.SP_FileIcon,
                                       translate("MainWindow", "New record in this view"))
        self.edit_action = self._action(translate("MainWindow", "&Open…"), self.edit_selected,
                                        "Ctrl+O", pix.SP_FileDialogDetailedView,
                                        translate("MainWindow", "Open the selected record"))
        self.delete_action = self._action(translate("MainWindow", "&Delete"), self.delete_selected,
                                          QKeySequence(keys.Delete), pix.SP_TrashIcon,
                                          translate("MainWindow", "Delete the selection"))
        self.duplicate_action = self._action(translate("MainWindow", "D&uplicate as template…"),
                                             self.duplicate_selected, "Ctrl+D")
        self.cancel_action = self._action(translate("MainWindow", "&Cancel with reason…"),
                                          self.cancel_selected, "Ctrl+Shift+X")
        self.move_action = self._action(translate("MainWindow", "&Move by days…"),
                                        self.move_selected, "Ctrl+M")
        self.undo_action = self.ctx.undo_stack.createUndoAction(
            self, translate("MainWindow", "&Undo"))
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.undo_action.setIconText(button_text(translate("MainWindow", "&Undo")))
        self.undo_action.setIcon(self.style().standardIcon(pix.SP_ArrowBack))
        self.redo_action = self.ctx.undo_stack.createRedoAction(
            self, translate("MainWindow", "&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIconText(button_text(translate("MainWindow", "&Redo")))
        self.redo_action.setIcon(self.style().standardIcon(pix.SP_ArrowForward))
        self.export_action = self._action(translate("MainWindow", "&Export calendar (.ics)…"),
                                          self.export_selection, "Ctrl+E",
                                          pix.SP_DialogSaveButton,
                                          translate("MainWindow", "Export the selection as a calendar"))
        self.export_all_action = self._action(
            translate("MainWindow", "Export the &whole campaign (.ics)…"), self.export_campaign,
            "Ctrl+Shift+E")
        self.brief_action = self._action(
            translate("MainWindow", "&Brief: preview and print…"), self.brief,
            QKeySequence(keys.Print), pix.SP_FileDialogContentsView,
            translate("MainWindow", "Briefing pack of the selected trip or event"))
        self.report_action = self._action(translate("MainWindow", "Campaign &report…"),
                                          self.campaign_report, "Ctrl+Shift+P")
        self.export_sheet_action = self._action(
            translate("MainWindow", "Export &list as spreadsheet (.xlsx, .csv)…"), self.export_list,
            "Ctrl+Shift+S",
            tip=translate("MainWindow", "The rows this list shows, with its search and filters"))
        self.export_itineraries_action = self._action(
            translate("MainWindow", "Export itineraries of the selected trips (.xlsx, .csv)…"),
            self.export_itineraries)
        self.export_delegations_action = self._action(
            translate("MainWindow", "Export delegations of the selected trips (.xlsx, .csv)…"),
            self.export_delegations)
        self.export_invitations_action = self._action(
            translate("MainWindow", "Export invitations of the selected events (.xlsx, .csv)…"),
            self.export_invitations)
        self.import_ics_action = self._action(translate("MainWindow", "&Import calendar (.ics)…"),
                                              self.import_calendar)
        self.import_sheet_action = self._action(translate("MainWindow", "Import &spreadsheet…"),
                                                self.import_spreadsheet)
        self.settings_action = self._action(translate("MainWindow", "&Settings…"), self.open_settings,
                                            "Ctrl+,")
        self.campaign_action = self._action(translate("MainWindow", "&Campaign…"),
                                            self.open_campaign)
        self.check_settings_action = self._action(translate("MainWindow", "Chec&k settings…"),
                                                  self.open_check_settings)
        self.quit_action = self._action(translate("MainWindow", "&Quit"), self.close,
                                        QKeySequence(keys.Quit))
        self.find_action = self._action(translate("MainWindow", "&Find…"), self.focus_search,
                                        QKeySequence(keys.Find))
        self.refresh_action = self._action(translate("MainWindow", "Re&fresh"), self.refresh_current,
                                           QKeySequence(keys.Refresh))
        self.about_action = self._action(translate("MainWindow", "&About Campaign Planner"),
                                         self.about)
        self.page_actions = []
        for n, page in enumerate(self.pages):
            action = self._action(page.title, partial(self.go_to_page, n),
                                  f"Ctrl+{(n + 1) % 10}" if n < 10 else "")
            self.page_actions.append(action)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        for action in (self.new_action, self.edit_action, None, self.export_action,
                       self.export_all_action, self.export_sheet_action, self.brief_action,
                       self.report_action, None,
                       self.import_ics_action, self.import_sheet_action, None,
                       self.campaign_action, self.settings_action, self.check_settings_action,
                       None,
                       self.quit_action):
            file_menu.addAction(action) if action else file_menu.addSeparator()
        edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        for action in (self.undo_action, self.redo_action, None, self.duplicate_action,
                       self.move_action, self.cancel_action, self.delete_action, None,
                       self.find_action):
            edit_menu.addAction(action) if action else edit_menu.addSeparator()
        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        for action in self.page_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.refresh_action)
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(self.about_action)

    def _add_context_menu(self, key: str, page: EntityPage) -> None:
        """Right-click on a list: open, calendar, spreadsheet export (and, for trips and
        events, their itineraries, delegations or invitations). Added when the page is built."""
        if key not in ("trips", "events", "organisations", "people"):
            return
        extras: dict[str, tuple[QAction, ...]] = {
            "trips": (self.export_itineraries_action, self.export_delegations_action),
            "events": (self.export_invitations_action,),
        }
        page.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        page.view.addActions([self.edit_action, self.export_action,
                              self.export_sheet_action, *extras.get(key, ())])

    def _build_toolbar(self) -> None:
        tools = QToolBar(translate("MainWindow", "Main toolbar"), self)
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
                action.setToolTip(translate("MainWindow", "A read-only account changes nothing"))
        self.export_action.setEnabled("export" in offers)
        self.export_sheet_action.setEnabled(self.current_key() in SHEET_KINDS)
        self.brief_action.setEnabled("brief" in offers and (
            selected or page is None or self.current_key() == "units"))
