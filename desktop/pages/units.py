"""Units & leaderboard: the responsible units ranked by investment signed (招商引资英雄榜),
for the whole year or one month; the selected unit's results and projects below. New and
Open edit a unit's names and kind."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QScrollArea, QWidget
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.editors.opening import Editors
from desktop.formatting import fmt_cny, fmt_date, fmt_int, locale_for
from desktop.pages.entity_page import EntityPage
from desktop.tables.leaderboard import LeaderboardTableModel
from models import queries
from models.changes import RecordKind
from models.enums import UnitKind
from models.errors import NotFoundError
from models.progress import LeaderboardRow, leaderboard
from models.visits import list_visits
from models.wording import board_money, unconfirmed_results


class UnitsPage(EntityPage):
    kinds = (RecordKind.LEAD, RecordKind.UNIT, RecordKind.TRIP, RecordKind.CAMPAIGN)
    offers = frozenset({"new", "edit", "brief"})  # brief: the month's leaderboard (英雄榜)
    initial_sort = "rank"

    def __init__(self, ctx: AppContext, editors: Editors, parent: QWidget | None = None) -> None:
        super().__init__(ctx, editors, LeaderboardTableModel(ctx.lang), parent)
        self.year = 0
        self.period = QComboBox(self)
        self.period.addItem(self.tr("Whole year"), None)
        loc = locale_for(self.lang)
        for month in range(1, 13):
            self.period.addItem(loc.standaloneMonthName(month), month)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filters.insertWidget(0, self.period)
        self.add_filter(self.tr("All kinds"), "kind",
                        [(k.label(self.lang), _kind_is(k)) for k in UnitKind])
        self.results = QLabel(self)
        self.results.setWordWrap(True)
        self.results.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.results.setContentsMargins(4, 4, 4, 4)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.results)
        self.set_detail(scroll)

    def month(self) -> int | None:
        value = self.period.currentData()
        return int(value) if value is not None else None

    def query(self) -> Callable[[Session], list[LeaderboardRow]]:
        month = self.month()

        def read(session: Session) -> list[LeaderboardRow]:
            try:
                self.year = queries.current_campaign_row(session).year
            except NotFoundError:
                return []
            return leaderboard(session, self.year, month)

        return read

    def new_record(self) -> QWidget:
        return self.editors.open_unit(None)

    def edit_selected(self) -> QWidget | None:
        row: LeaderboardRow | None = self.selected_row()
        return self.editors.open_unit(row.unit.id) if row else None

    def show_detail(self, row: LeaderboardRow | None) -> None:
        if row is None:
            self.results.setText(self.tr("Select a unit to see its results and projects."))
            return
        lang = self.lang
        with self.ctx.sessions() as session:
            leads = queries.list_leads(session, unit_id=row.unit.id)
            visits = list_visits(session, unit_id=row.unit.id)
        period = self.period.currentText()
        credited = self.tr("Projects credited to the unit")
        visited = self.tr("HQ visits in the campaign")
        lines = [
            f"<b>{escape(row.unit.name(lang))}</b> — "
            + escape(self.tr("rank %1 of %2 (%3 %4)").replace("%1", str(row.rank))
                     .replace("%2", str(self.model.rowCount())).replace("%3", str(self.year))
                     .replace("%4", period)),
            escape(self.tr("Signed projects %1 · investment signed %2 · funds in %3 · HQ visits %4")
                   .replace("%1", fmt_int(row.signed_leads, lang))
                   .replace("%2", board_money(row.signed_cny, lang))
                   .replace("%3", board_money(row.funds_in_cny, lang))
                   .replace("%4", fmt_int(row.hq_visits, lang))),
            *([escape(self.tr("Awaiting confirmation (not counted): %1").replace(
                "%1", unconfirmed_results(row.unconfirmed_leads, row.unconfirmed_cny,
                                          row.unconfirmed_visits, lang)))]
              if row.unconfirmed_leads or row.unconfirmed_visits else []),
            f"<b>{escape(credited)}</b> ({len(leads)})",
        ]
        for lead in leads:
            lines.append(escape(f"{lead.code}  {lead.title(lang)} · {lead.organisation.name(lang)} · "
                                f"{lead.stage.label(lang)} · {fmt_cny(lead.amount_cny, lang)}"
                                + (f" · {fmt_date(lead.signed_on, lang)}" if lead.signed_on
                                   else "")))
        lines.append(f"<b>{escape(visited)}</b> ({len(visits)})")
        for v in visits[:50]:
            lines.append(escape(f"{fmt_date(v.visited_on, lang)}  {v.organisation.name(lang)}"
                                f"  {v.team_name(lang)}"))
        self.results.setText("<br>".join(lines))


def _kind_is(kind: UnitKind) -> Callable[[LeaderboardRow], bool]:
    return lambda row: row.kind == kind.value
