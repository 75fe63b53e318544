"""The Projects table (招商项目): one LeadRow a line, amounts in 亿元 as Chinese reports write them."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop.tables.row_model import AWAITING, MUTED, Column, RowTableModel
from models.enums import LeadStage
from models.language import Lang
from models.leads import PIPELINE
from models.rows import LeadRow
from models.wording import confirmation, money

FLAGSHIP = QColor("#b8860b")


def stage_order(stage: LeadStage) -> int:
    return PIPELINE.index(stage) if stage in PIPELINE else len(PIPELINE)


def history_text(row: LeadRow, lang: Lang) -> str:
    """The stage history, one step a line: day, stage, who (and why, when it went back)."""
    return "\n".join(
        f"{h.on.isoformat()}  {h.stage.label(lang)}  {h.by}" + (f"  — {h.reason}" if h.reason
                                                                else "")
        for h in row.history)


class LeadTableModel(RowTableModel[LeadRow]):
    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.lang = lang
        super().__init__([
            Column("code", self.tr("Code"), lambda r: r.code),
            Column("title", self.tr("Project"), lambda r: r.title(lang), width=260,
                   tooltip=lambda r: history_text(r, lang)),
            Column("organisation", self.tr("Organisation"), lambda r: r.organisation.name(lang),
                   width=200),
            Column("amount", self.tr("Amount"), lambda r: money(r.amount_cny, lang),
                   sort=lambda r: r.amount_cny, align_right=True),
            Column("stage", self.tr("Stage"), lambda r: r.stage.label(lang),
                   sort=lambda r: stage_order(r.stage),
                   colour=lambda r: MUTED if r.stage is LeadStage.DROPPED else None,
                   tooltip=lambda r: history_text(r, lang)),
            Column("flagship", self.tr("Flagship"), lambda r: "★" if r.is_flagship else "",
                   sort=lambda r: 0 if r.is_flagship else 1,
                   colour=lambda r: FLAGSHIP if r.is_flagship else None),
            Column("confirmed", self.tr("Confirmed"),
                   lambda r: confirmation(r.confirmed_at is not None, r.awaits_confirmation, lang),
                   sort=lambda r: 0 if r.awaits_confirmation else 1 if r.confirmed_at else 2,
                   colour=lambda r: AWAITING if r.awaits_confirmation else None,
                   tooltip=lambda r: r.confirmed_by),
            Column("unit", self.tr("Unit"), lambda r: r.unit.name(lang) if r.unit else ""),
            Column("industry", self.tr("Industry"),
                   lambda r: r.industry.name(lang) if r.industry else ""),
            Column("region", self.tr("Region"), lambda r: r.region.name(lang) if r.region else ""),
            Column("source", self.tr("Source"), lambda r: r.source_code or "",
                   tooltip=lambda r: r.source_meeting),
            Column("signed_on", self.tr("Signed on"),
                   lambda r: r.signed_on.isoformat() if r.signed_on else ""),
            Column("funds_in", self.tr("Funds in"),
                   lambda r: money(r.funds_in_cny, lang) if r.funds_in_cny else "",
                   sort=lambda r: r.funds_in_cny, align_right=True),
        ], parent)

    def search_text(self, row: LeadRow) -> str:
        return " ".join([
            row.code, row.title_zh, row.title_en, row.organisation.name_zh,
            row.organisation.name_en, row.stage.zh, row.stage.en,
            row.unit.name_zh if row.unit else "", row.industry.name_zh if row.industry else "",
            row.source_code or "", row.source_meeting, row.notes,
        ])
