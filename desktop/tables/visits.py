"""Tables of the Visits page: HQ visits, teams, and the coverage of the target list."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop.tables.row_model import AWAITING, MUTED, Column, RowTableModel
from models.enums import VisitStatus
from models.language import Lang
from models.rows import CoverageRow, HqVisitRow, TargetRow, TeamRow
from models.wording import confirmation

PLANNED = QColor("#2f6fb3")
STATUS_ORDER = {VisitStatus.PLANNED: 0, VisitStatus.DONE: 1, VisitStatus.CANCELLED: 2}


def team_number(name: str) -> int:
    """第9小分队 sorts before 第10小分队: the first number in the name (0 without one)."""
    digits = "".join(c if c.isdigit() else " " for c in name).split()
    return int(digits[0]) if digits else 0


def _status_colour(row: HqVisitRow) -> QColor | None:
    if row.status is VisitStatus.PLANNED:
        return PLANNED
    return MUTED if row.status is VisitStatus.CANCELLED else None


class VisitTableModel(RowTableModel[HqVisitRow]):
    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.lang = lang
        super().__init__([
            Column("date", self.tr("Date"), lambda r: r.visited_on.isoformat()),
            Column("status", self.tr("Status"), lambda r: r.status.label(lang),
                   sort=lambda r: STATUS_ORDER[r.status], colour=_status_colour),
            Column("organisation", self.tr("Organisation"), lambda r: r.organisation.name(lang),
                   width=240),
            Column("team", self.tr("Team"), lambda r: r.team_name(lang),
                   sort=lambda r: team_number(r.team)),
            Column("place", self.tr("Place"), lambda r: r.place_name(lang), width=140,
                   tooltip=lambda r: r.place if r.place_name(lang) != r.place else ""),
            Column("industry", self.tr("Industry"),
                   lambda r: r.industry.name(lang) if r.industry else ""),
            Column("region", self.tr("Region"), lambda r: r.region.name(lang) if r.region else ""),
            Column("target", self.tr("Target HQ"), lambda r: "✓" if r.is_target else "",
                   sort=lambda r: 0 if r.is_target else 1),
            Column("confirmed", self.tr("Confirmed"),
                   lambda r: confirmation(r.confirmed_at is not None, r.awaits_confirmation, lang),
                   sort=lambda r: 0 if r.awaits_confirmation else 1 if r.confirmed_at else 2,
                   colour=lambda r: AWAITING if r.awaits_confirmation else None,
                   tooltip=lambda r: r.confirmed_by),
            Column("unit", self.tr("Unit"), lambda r: r.unit.name(lang) if r.unit else ""),
            Column("follow_up", self.tr("Follow-up project"), lambda r: r.follow_up_code or ""),
            Column("outcome", self.tr("Outcome"), lambda r: r.outcome, width=320,
                   tooltip=lambda r: r.outcome),
        ], parent)

    def search_text(self, row: HqVisitRow) -> str:
        return " ".join([row.organisation.name_zh, row.organisation.name_en, row.team, row.team_en,
                         row.place, row.place_en,
                         row.outcome, row.notes, row.follow_up_code or "", row.status.zh,
                         row.unit.name_zh if row.unit else ""])


class TeamTableModel(RowTableModel[TeamRow]):
    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.lang = lang
        super().__init__([
            Column("name", self.tr("Team"), lambda r: r.label(lang),
                   sort=lambda r: team_number(r.name)),
            Column("leader", self.tr("Leader"), lambda r: r.leader.name(lang) if r.leader else ""),
            Column("unit", self.tr("Unit"), lambda r: r.unit.name(lang) if r.unit else ""),
            Column("members", self.tr("Members"),
                   lambda r: lang.pick("、", ", ").join(m.name(lang) for m in r.members)),
            Column("target", self.tr("Target"), lambda r: str(r.target_visits),
                   sort=lambda r: r.target_visits, align_right=True),
            Column("done", self.tr("Visited"), lambda r: str(r.done_visits),
                   sort=lambda r: r.done_visits, align_right=True),
            Column("planned", self.tr("Planned"), lambda r: str(r.planned_visits),
                   sort=lambda r: r.planned_visits, align_right=True),
        ], parent)


class CoverageTableModel(RowTableModel[CoverageRow]):
    def __init__(self, lang: Lang, key_title: str, parent: QObject | None = None) -> None:
        self.lang = lang
        super().__init__([
            Column("key", key_title, lambda r: r.key.name(lang),
                   sort=lambda r: team_number(r.key.name_zh) or r.key.id),
            Column("targets", self.tr("Target"), lambda r: str(r.targets),
                   sort=lambda r: r.targets, align_right=True),
            Column("visited", self.tr("Visited"), lambda r: str(r.visited),
                   sort=lambda r: r.visited, align_right=True),
            Column("planned", self.tr("Planned"), lambda r: str(r.planned),
                   sort=lambda r: r.planned, align_right=True,
                   colour=lambda r: PLANNED if r.planned else None),
            Column("untouched", self.tr("Not yet touched"), lambda r: str(r.untouched),
                   sort=lambda r: r.untouched, align_right=True),
            Column("share", self.tr("Visited %"), lambda r: f"{r.share_visited:.0%}",
                   sort=lambda r: r.share_visited, align_right=True),
        ], parent)

    def row_id(self, row: CoverageRow) -> int:
        return row.key.id


class TargetTableModel(RowTableModel[TargetRow]):
    """The target list (千企, the investment map): organisation, chain, region, coverage."""

    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.lang = lang
        super().__init__([
            Column("organisation", self.tr("Organisation"), lambda r: r.organisation.name(lang),
                   width=260),
            Column("industry", self.tr("Industry chain"),
                   lambda r: r.industry.name(lang) if r.industry else ""),
            Column("region", self.tr("Region"), lambda r: r.region.name(lang) if r.region else ""),
            Column("hq", self.tr("Headquarters"), lambda r: r.hq, width=200),
            Column("state", self.tr("Visits"), lambda r: self.state(r),
                   sort=lambda r: 0 if r.visited else 1 if r.planned else 2,
                   colour=lambda r: PLANNED if r.planned and not r.visited else
                   MUTED if not r.visited else None),
        ], parent)

    def state(self, row: TargetRow) -> str:
        if row.visited:
            return self.tr("visited")
        return self.tr("planned") if row.planned else self.tr("not yet touched")

    def row_id(self, row: TargetRow) -> int:
        return row.organisation.id

    def search_text(self, row: TargetRow) -> str:
        return " ".join([row.organisation.name_zh, row.organisation.name_en, row.hq,
                         row.industry.name_zh if row.industry else "",
                         row.region.name_zh if row.region else ""])
