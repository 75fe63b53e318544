"""The Units table: the responsible units ranked on the leaderboard (招商引资英雄榜)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.formatting import fmt_cny, fmt_int
from desktop.tables.row_model import AWAITING, Column, RowTableModel
from models.enums import UnitKind
from models.language import Lang
from models.progress import LeaderboardRow
from models.wording import unconfirmed_results

UNCONFIRMED_TIP = ("已签约或已完成、尚待规划人员确认的成果，不计入排名 "
                   "(signed or done, awaiting a planner's confirmation: not ranked)")


class LeaderboardTableModel(RowTableModel[LeaderboardRow]):
    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.lang = lang
        super().__init__([
            Column("rank", self.tr("Rank"), lambda r: str(r.rank), sort=lambda r: r.rank,
                   align_right=True),
            Column("unit", self.tr("Unit"), lambda r: r.unit.name(lang), width=340),
            Column("kind", self.tr("Kind"), lambda r: UnitKind(r.kind).label(lang)),
            Column("signed_leads", self.tr("Signed projects"),
                   lambda r: fmt_int(r.signed_leads, lang), sort=lambda r: r.signed_leads,
                   align_right=True),
            Column("signed_cny", self.tr("Investment signed"),
                   lambda r: fmt_cny(r.signed_cny, lang), sort=lambda r: r.signed_cny,
                   align_right=True),
            Column("hq_visits", self.tr("HQ visits"), lambda r: fmt_int(r.hq_visits, lang),
                   sort=lambda r: r.hq_visits, align_right=True),
            Column("funds_in", self.tr("Funds in"), lambda r: fmt_cny(r.funds_in_cny, lang),
                   sort=lambda r: r.funds_in_cny, align_right=True),
            Column("unconfirmed", self.tr("Unconfirmed"),
                   lambda r: unconfirmed_results(r.unconfirmed_leads, r.unconfirmed_cny,
                                                 r.unconfirmed_visits, lang),
                   sort=lambda r: r.unconfirmed_cny * 1000 + r.unconfirmed_leads * 100 + r.unconfirmed_visits,
                   colour=lambda r: AWAITING, width=220,
                   tooltip=lambda _r: UNCONFIRMED_TIP),
        ], parent)

    def row_id(self, row: LeaderboardRow) -> int:
        return row.unit.id

    def search_text(self, row: LeaderboardRow) -> str:
        kind = UnitKind(row.kind)
        return f"{row.unit.name_zh} {row.unit.name_en} {kind.zh} {kind.en}"
