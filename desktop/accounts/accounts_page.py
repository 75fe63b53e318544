"""The Accounts page (admins on the shared server only): who may sign in, as what.

A table of login, name, role, unit and enabled; New (Ctrl+N) adds an account, Open (Enter,
double-click) changes its role, and the buttons above the table disable or enable it and give it a
new password. Each action is one call of the function ``users`` calls; a refusal is one message.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget
from sqlalchemy.orm import Session

from desktop import dialogs
from desktop.accounts.account_dialogs import NewAccountDialog, PasswordDialog, RoleDialog
from desktop.context import AppContext
from desktop.editors.opening import Editors
from desktop.errors_text import describe
from desktop.pages.entity_page import EntityPage
from desktop.tables.accounts import AccountTableModel
from models.accounts.service import AccountRow, list_accounts, set_enabled
from models.changes import RecordKind
from models.errors import PlannerError


class AccountsPage(EntityPage):
    kinds = (RecordKind.ACCOUNT, RecordKind.UNIT)
    initial_sort = "login"
    offers = frozenset({"new", "edit"})

    def __init__(self, ctx: AppContext, editors: Editors, parent: QWidget | None = None) -> None:
        super().__init__(ctx, editors, AccountTableModel(ctx.lang), parent)
        self.add_filter(self.tr("Enabled and disabled"), "enabled",
                        [(self.tr("Enabled"), lambda r: r.enabled),
                         (self.tr("Disabled"), lambda r: not r.enabled)])
        self.add_button = QPushButton(self.tr("New account…"), self)
        self.add_button.clicked.connect(self.new_record)
        self.role_button = QPushButton(self.tr("Set role…"), self)
        self.role_button.clicked.connect(self.edit_selected)
        self.enable_button = QPushButton(self.tr("Disable"), self)
        self.enable_button.clicked.connect(self.toggle_enabled)
        self.password_button = QPushButton(self.tr("Reset password…"), self)
        self.password_button.clicked.connect(self.reset_password)
        for button in (self.add_button, self.role_button, self.enable_button,
                       self.password_button):
            self.filters.addWidget(button)
        self.selection_changed.connect(self._update_buttons)
        self.dialog: QWidget | None = None
        self._update_buttons()

    def query(self) -> Callable[[Session], list[AccountRow]]:
        return list_accounts

    def _update_buttons(self) -> None:
        row: AccountRow | None = self.selected_row()
        for button in (self.role_button, self.enable_button, self.password_button):
            button.setEnabled(row is not None)
        self.enable_button.setText(self.tr("Enable") if row is not None and not row.enabled
                                   else self.tr("Disable"))

    def new_record(self) -> QWidget:
        self.dialog = NewAccountDialog(self.ctx, self)
        self.dialog.open()
        return self.dialog

    def edit_selected(self) -> QWidget | None:
        row: AccountRow | None = self.selected_row()
        if row is None:
            return None
        self.dialog = RoleDialog(self.ctx, row, self)
        self.dialog.open()
        return self.dialog

    def reset_password(self) -> QWidget | None:
        row: AccountRow | None = self.selected_row()
        if row is None:
            return None
        self.dialog = PasswordDialog(self.ctx, row, self)
        self.dialog.open()
        return self.dialog

    def toggle_enabled(self) -> None:
        """Disable the selected account (it can no longer sign in), or enable it again."""
        row: AccountRow | None = self.selected_row()
        if row is None:
            return
        if row.enabled and not dialogs.confirm(self, self.tr("Disable account"), self.tr(
                "Disable %1? The account can no longer sign in; its records and history stay. "
                "You can enable it again.").replace("%1", f"{row.name}（{row.login}）")):
            return
        try:
            with self.ctx.sessions.begin() as session:
                result = set_enabled(session, row.login, not row.enabled)
        except PlannerError as exc:
            self.messages.show_problem(describe(exc, self.lang), False)
            return
        self.ctx.notify(result.changes)
