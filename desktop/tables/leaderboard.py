"""The Units table: the responsible units ranked on the leaderboard (招商引资英雄榜).

Figures follow the leaderboard's one rule (``models.wording.board_money``/``board_count``, as the
PDF ``brief --leaderboard`` prints them): a zero reads ``—``, never ``0 元`` beside ``亿元``;
every column sorts by its number. The unit's name takes the width of the page."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.tables.row_model import Column, RowTableModel
from models.enums import UnitKind
from models.language import Lang
from models.progress import LeaderboardRow
from models.wording import board_count, board_money


class LeaderboardTableModel(RowTableModel[LeaderboardRow]):
    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.lang = lang
        super().__init__([
            Column("rank", self.tr("Rank"), lambda r: str(r.rank), sort=lambda r: r.rank),
            Column("unit", self.tr("Unit"), lambda r: r.unit.name(lang), stretch=True,
                   tooltip=lambda r: "\n".join(n for n in (r.unit.name_zh, r.unit.name_en) if n)),
            Column("kind", self.tr("Kind"), lambda r: UnitKind(r.kind).label(lang),
                   sort=lambda r: list(UnitKind).index(UnitKind(r.kind))),
            Column("signed_leads", self.tr("Signed projects"),
                   lambda r: board_count(r.signed_leads), sort=lambda r: r.signed_leads,
                   align_right=True),
            Column("signed_cny", self.tr("Investment signed"),
                   lambda r: board_money(r.signed_cny, lang), sort=lambda r: r.signed_cny,
                   align_right=True),
            Column("hq_visits", self.tr("HQ visits"), lambda r: board_count(r.hq_visits),
                   sort=lambda r: r.hq_visits, align_right=True),
            Column("funds_in", self.tr("Funds in"), lambda r: board_money(r.funds_in_cny, lang),
                   sort=lambda r: r.funds_in_cny, align_right=True),
        ], parent)

    def row_id(self, row: LeaderboardRow) -> int:
        return row.unit.id

    def search_text(self, row: LeaderboardRow) -> str:
        kind = UnitKind(row.kind)
        return f"{row.unit.name_zh} {row.unit.name_en} {kind.zh} {kind.en}"
