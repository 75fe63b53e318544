"""The Trips table: one row per promotion trip (plain TripRow)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop.formatting import fmt_date
from desktop.tables.row_model import MUTED, Column, RowTableModel
from models.enums import TripStatus
from models.language import Lang
from models.rows import TripRow


def _status_colour(row: TripRow) -> QColor | None:
    return MUTED if row.status is TripStatus.CANCELLED else None


class TripTableModel(RowTableModel[TripRow]):
    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.lang = lang
        super().__init__([
            Column("code", self.tr("Code"), lambda r: r.code),
            Column("title_zh", self.tr("Title"), lambda r: r.title_zh, width=260),
            Column("title_en", self.tr("English title"), lambda r: r.title_en, width=220),
            Column("region", self.tr("Region"), lambda r: r.region.name(lang)),
            Column("start", self.tr("Start"), lambda r: fmt_date(r.start_date, lang),
                   sort=lambda r: r.start_date.toordinal()),
            Column("end", self.tr("End"), lambda r: fmt_date(r.end_date, lang),
                   sort=lambda r: r.end_date.toordinal()),
            Column("days", self.tr("Days"), lambda r: str((r.end_date - r.start_date).days + 1),
                   sort=lambda r: (r.end_date - r.start_date).days, align_right=True),
            Column("status", self.tr("Status"), lambda r: r.status.label(lang),
                   sort=lambda r: list(TripStatus).index(r.status), colour=_status_colour),
            Column("leader", self.tr("Leader"), lambda r: r.leader.name(lang) if r.leader else ""),
            Column("unit", self.tr("Responsible unit"),
                   lambda r: r.host_unit.name(lang) if r.host_unit else ""),
        ], parent)

    def search_text(self, row: TripRow) -> str:
        leader = row.leader
        return " ".join([
            row.code, row.title_zh, row.title_en, row.region.name_zh, row.region.name_en,
            row.region.code, row.status.zh, row.status.en,
            leader.name_zh if leader else "", leader.name_en if leader else "",
            row.host_unit.name_zh if row.host_unit else "",
        ])
