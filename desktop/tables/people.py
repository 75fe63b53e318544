"""The People table: leaders, staff, delegates and contacts (plain PersonRow)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.tables.row_model import Column, RowTableModel
from models.enums import PersonKind
from models.language import Lang
from models.rows import PersonRow
from models.wording import language_names


class PersonTableModel(RowTableModel[PersonRow]):
    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.lang = lang
        super().__init__([
            Column("name_zh", self.tr("Name"), lambda r: r.name_zh),
            Column("name_en", self.tr("English name"), lambda r: r.name_en),
            Column("kind", self.tr("Kind"), lambda r: r.kind.label(lang),
                   sort=lambda r: list(PersonKind).index(r.kind)),
            Column("title", self.tr("Position"), lambda r: r.title(lang), width=200),
            Column("unit", self.tr("Unit"), lambda r: r.unit.name(lang) if r.unit else ""),
            Column("organisation", self.tr("Organisation"),
                   lambda r: r.organisation.name(lang) if r.organisation else ""),
            Column("phone", self.tr("Phone"), lambda r: r.phone),
            Column("email", self.tr("E-mail"), lambda r: r.email),
            Column("languages", self.tr("Languages"),
                   lambda r: language_names(r.languages, lang)),
        ], parent)

    def search_text(self, row: PersonRow) -> str:
        return " ".join([
            row.name_zh, row.name_en, row.kind.zh, row.kind.en, row.title_zh, row.title_en,
            row.unit.name_zh if row.unit else "", row.organisation.name_zh if row.organisation
            else "", row.organisation.name_en if row.organisation else "", row.phone, row.email,
        ])
