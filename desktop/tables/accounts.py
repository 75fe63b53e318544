"""The Accounts table of the shared server: login, name, role, unit, enabled (plain AccountRow)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.tables.row_model import MUTED, Column, RowTableModel
from models.accounts.names import AccountRole
from models.accounts.service import AccountRow
from models.language import Lang


class AccountTableModel(RowTableModel[AccountRow]):
    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.lang = lang
        super().__init__([
            Column("login", self.tr("Login"), lambda r: r.login),
            Column("name", self.tr("Name"), lambda r: r.name),
            Column("role", self.tr("Role"), lambda r: r.role.label(lang),
                   sort=lambda r: list(AccountRole).index(r.role)),
            Column("unit", self.tr("Unit"), lambda r: r.unit_name),
            Column("enabled", self.tr("Enabled"),
                   lambda r: self.tr("Yes") if r.enabled else self.tr("Disabled"),
                   colour=lambda r: None if r.enabled else MUTED),
        ], parent)

    def search_text(self, row: AccountRow) -> str:
        return " ".join([row.login, row.name, *row.role.labels, row.unit_name])
