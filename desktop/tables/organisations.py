"""The Organisations table: companies, chambers, missions, sister cities (OrganisationRow)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.formatting import join_names
from desktop.tables.row_model import Column, RowTableModel
from models.enums import OrganisationKind
from models.language import Lang
from models.rows import OrganisationRow
from models.wording import country_name, place_name

NO_RANK = 10_000  # sorts organisations without a rank after every ranked one


class OrganisationTableModel(RowTableModel[OrganisationRow]):
    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.lang = lang
        super().__init__([
            Column("name_zh", self.tr("Name"), lambda r: r.name_zh, width=220),
            Column("name_en", self.tr("English name"), lambda r: r.name_en, width=200),
            Column("kind", self.tr("Kind"), lambda r: r.kind.label(lang),
                   sort=lambda r: list(OrganisationKind).index(r.kind)),
            Column("industry", self.tr("Industry"),
                   lambda r: r.industry.name(lang) if r.industry else ""),
            Column("fortune", self.tr("Fortune 500"),
                   lambda r: str(r.fortune_global_500_rank or ""),
                   sort=lambda r: r.fortune_global_500_rank or NO_RANK, align_right=True),
            Column("china500", self.tr("China 500"), lambda r: str(r.china_top_500_rank or ""),
                   sort=lambda r: r.china_top_500_rank or NO_RANK, align_right=True),
            Column("hq", self.tr("Headquarters"),
                   lambda r: place_name(r.hq_city_name(lang), r.hq_country, lang)),
            Column("contacts", self.tr("Contacts"),
                   lambda r: join_names((p.name(lang) for p in r.contacts), lang)),
        ], parent)

    def search_text(self, row: OrganisationRow) -> str:
        return " ".join([
            row.name_zh, row.name_en, row.kind.zh, row.kind.en,
            row.industry.name_zh if row.industry else "",
            row.industry.name_en if row.industry else "", row.hq_city, row.hq_city_en, row.hq_country,
            country_name(row.hq_country, self.lang) if row.hq_country else "",
            *(p.name_zh for p in row.contacts),
        ])
