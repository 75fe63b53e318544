"""The Visits page (百队千企): the HQ visits of the 100 teams, planned and done, with the
coverage of the target list (招商图谱) by team, industry and region, and the teams.

New plans a visit; Open edits it; "Record visit…" records a planned visit as done with its
outcome and follow-up project. The dashboard's HQ-visits ring opens this page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session
from typing_extensions import override

from desktop import dialogs
from desktop.context import AppContext
from desktop.editors.opening import Editors
from desktop.editors.saving import save
from desktop.editors.target_dialog import TargetDialog
from desktop.editors.visit_dialogs import RecordVisitDialog, TeamDialog, VisitDialog
from desktop.pages.confirm_buttons import allow_confirming, confirm_buttons
from desktop.pages.entity_page import EntityPage
from desktop.pages.filter_bar import narrow_filters
from desktop.tables.row_model import ROW_ROLE, RowFilterProxy, RowTableModel
from desktop.tables.visits import (
    CoverageTableModel,
    TargetTableModel,
    TeamTableModel,
    VisitTableModel,
)
from desktop.undo.confirmations import ConfirmResult
from desktop.undo.steering import UnmarkTargets
from desktop.undo.visits import DeleteVisit
from models import queries
from models.accounts.signed_in import SignedIn
from models.changes import RecordKind
from models.enums import VisitStatus
from models.errors import PlannerError
from models.leads import HqVisit
from models.operations.teams import team_draft, visit_draft
from models.rows import HqVisitRow, LeadChoice, TargetRow, TeamRow
from models.visits import VisitsOverview, list_teams, list_visits, visits_overview


def _table(model: RowTableModel[Any], parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return view


@dataclass(frozen=True)
class VisitCounts:
    """What the summary line counts of some visits."""

    count: int
    visited: int
    planned: int
    targets_visited: int  # target HQs with a visit done

    @classmethod
    def of(cls, rows: Iterable[HqVisitRow]) -> VisitCounts:
        count = done = planned = 0
        targets: set[int] = set()
        for r in rows:
            count += 1
            if r.status is VisitStatus.DONE:
                done += 1
                if r.is_target:
                    targets.add(r.organisation.id)
            elif r.status is VisitStatus.PLANNED:
                planned += 1
        return cls(count, done, planned, len(targets))


class VisitsPage(EntityPage):
    kinds = (RecordKind.HQ_VISIT, RecordKind.TEAM, RecordKind.TARGET, RecordKind.ORGANISATION,
             RecordKind.LEAD, RecordKind.PERSON, RecordKind.UNIT)
    offers = frozenset({"new", "edit", "delete"})
    initial_sort = "date"

    def __init__(self, ctx: AppContext, editors: Editors, parent: QWidget | None = None) -> None:
        super().__init__(ctx, editors, VisitTableModel(ctx.lang), parent)
        self._all_counts: VisitCounts | None = None  # of every visit, from the last read
        lang = self.lang
        with ctx.sessions() as session:
            industries = queries.industries(session)
            regions = queries.regions(session)
            teams = list_teams(session)
        self.team_filter = self.add_filter(self.tr("All teams"), "team",
                                           [(t.label(lang), _team_is(t.id)) for t in teams])
        self.status_filter = self.add_filter(self.tr("All statuses"), "status",
                                             [(s.label(lang), _status_is(s)) for s in VisitStatus])
        self.add_filter(self.tr("All industries"), "industry",
                        [(i.name(lang), _industry_is(i.id)) for i in industries])
        self.add_filter(self.tr("All regions"), "region",
                        [(r.name(lang), _region_is(r.id)) for r in regions])
        self.target_filter = self.add_filter(self.tr("Any organisation"), "target", [
            (self.tr("Target HQs only"), lambda r: r.is_target),
            (self.tr("Not on the target list"), lambda r: not r.is_target)])
        narrow_filters(self)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("&Plan a visit…"), self.new_record),
                           (self.tr("&Record visit…"), self.record_selected)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.confirm_button, self.unconfirm_button = confirm_buttons(self, self.tr(
            "Confirm that the selected visit was done: the leaderboard counts it "
            "(Ctrl+Shift+K; undo with Ctrl+Z)"), self.confirm_selected)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.unconfirm_button)
        self.summary = QLabel(self)
        self.summary.setStyleSheet("color: #1d3d63;")
        buttons.addSpacing(12)
        buttons.addWidget(self.summary, 1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, buttons)
        self._build_detail()
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._show_summary)

    def _build_detail(self) -> None:
        self.detail = QTabWidget(self)
        self.by_team = CoverageTableModel(self.lang, self.tr("Team"), self)
        self.by_industry = CoverageTableModel(self.lang, self.tr("Industry chain"), self)
        self.by_region = CoverageTableModel(self.lang, self.tr("Region"), self)
        for model, title in ((self.by_team, self.tr("Coverage by team")),
                             (self.by_industry, self.tr("by industry")),
                             (self.by_region, self.tr("by region"))):
            view = _table(model, self.detail)
            view.horizontalHeader().setStretchLastSection(False)
            self.detail.addTab(view, title)
        teams_page = QWidget(self.detail)
        self.teams = TeamTableModel(self.lang, self)
        self.teams_view = _table(self.teams, teams_page)
        self.teams_view.doubleClicked.connect(lambda _i: self.edit_team())
        row = QHBoxLayout()
        for text, slot in ((self.tr("New team…"), self.new_team),
                           (self.tr("Edit team…"), self.edit_team),
                           (self.tr("Show its visits"), self.show_team_visits)):
            button = QPushButton(text, teams_page)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        column = QVBoxLayout(teams_page)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(self.teams_view, 1)
        column.addLayout(row)
        self.teams_tab = self.detail.addTab(teams_page, self.tr("Teams"))
        self._build_targets()
        self.set_detail(self.detail)

    def _build_targets(self) -> None:
        """The target list (千企): add, re-file or remove target HQs, with undo."""
        page = QWidget(self.detail)
        self.target_list = TargetTableModel(self.lang, self)
        self.target_proxy = RowFilterProxy(self)
        self.target_proxy.setSourceModel(self.target_list)
        self.targets_view = _table(self.target_list, page)
        self.targets_view.setModel(self.target_proxy)
        self.targets_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.targets_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        self.target_search = QLineEdit(page)
        self.target_search.setClearButtonEnabled(True)
        self.target_search.setPlaceholderText(self.tr("Search the target list…"))
        self.target_search.setMinimumWidth(240)
        self.target_search.textChanged.connect(self.target_proxy.set_search)
        row = QHBoxLayout()
        row.addWidget(self.target_search)
        for text, slot in ((self.tr("Add a target HQ…"), self.add_target),
                           (self.tr("Change chain or region…"), self.refile_targets),
                           (self.tr("Remove from target list"), self.remove_targets)):
            button = QPushButton(text, page)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 4, 0, 0)
        column.addLayout(row)
        column.addWidget(self.targets_view, 1)
        self.targets_tab = self.detail.addTab(page, self.tr("Target list"))

    # --- reading --------------------------------------------------------------------------

    def query(self) -> Callable[[Session], list[HqVisitRow]]:
        return list_visits

    def side_read(self) -> Callable[[Session, list[HqVisitRow]],
                                    tuple[VisitsOverview, VisitCounts]]:
        return lambda session, rows: (visits_overview(session), VisitCounts.of(rows))

    def side_loaded(self, side: tuple[VisitsOverview, VisitCounts]) -> None:
        overview, self._all_counts = side
        self._side_tables(overview)

    def _side_tables(self, side: VisitsOverview) -> None:
        self.by_team.set_rows(side.by_team)
        self.by_industry.set_rows(side.by_industry)
        self.by_region.set_rows(side.by_region)
        self.teams.set_rows(side.teams)
        self._refill_teams(side.teams)
        self.target_list.set_rows(side.targets)
        if not self.targets_view.horizontalHeader().property("fitted"):
            self.targets_view.resizeColumnsToContents()
            self.targets_view.horizontalHeader().setProperty("fitted", True)

    def _refill_teams(self, teams: list[TeamRow]) -> None:
        """The team filter follows new and renamed teams, keeping the one chosen."""
        chosen = self.team_filter.currentText()
        self.team_filter.blockSignals(True)
        while self.team_filter.count() > 1:
            self.team_filter.removeItem(1)
        for t in teams:
            self.team_filter.addItem(t.label(self.lang), _team_is(t.id))
        index = self.team_filter.findText(chosen)
        self.team_filter.setCurrentIndex(max(index, 0))
        self.team_filter.blockSignals(False)
        self.proxy.set_predicate("team", self.team_filter.currentData())

    def shown_rows(self) -> list[HqVisitRow]:
        if self.proxy.rowCount() == self.model.rowCount():  # nothing filtered out
            return self.model.rows()
        return [self.proxy.index(n, 0).data(ROW_ROLE) for n in range(self.proxy.rowCount())]

    def _show_summary(self, *_args: object) -> None:
        counts = self._all_counts  # worked out by the worker that read every visit
        if (self.proxy.rowCount() != self.model.rowCount() or counts is None
                or counts.count != self.model.rowCount()):
            counts = VisitCounts.of(self.shown_rows())
        self.summary.setText(self.tr("%1 visited · %2 planned · %3 target HQs visited")
                             .replace("%1", str(counts.visited))
                             .replace("%2", str(counts.planned))
                             .replace("%3", str(counts.targets_visited)))

    # --- actions --------------------------------------------------------------------------

    def _choices(self) -> tuple[Any, list[TeamRow], list[LeadChoice]]:
        with self.ctx.sessions() as session:
            return (self.editors.lookups.get(), list_teams(session),
                    queries.lead_choices(session))

    def new_record(self) -> QWidget:
        lookups, teams, leads = self._choices()
        dialog = VisitDialog(self.ctx, lookups, teams, leads, parent=self)
        team = self.team_filter.currentData()
        if team is not None:  # plan for the team shown
            dialog.team.setCurrentIndex(self.team_filter.currentIndex())
        self.show_dialog(dialog)
        return dialog

    def edit_selected(self) -> QWidget | None:
        row: HqVisitRow | None = self.selected_row()
        if row is None:
            return None
        lookups, teams, leads = self._choices()
        with self.ctx.sessions() as session:
            draft = visit_draft(session, row.id)
        dialog = VisitDialog(self.ctx, lookups, teams, leads, draft, row.revision, self)
        self.show_dialog(dialog)
        return dialog

    def record_selected(self) -> QWidget | None:
        row: HqVisitRow | None = self.selected_row()
        if row is None:
            self.messages.show_problem(self.tr("Select a visit first."), False)
            return None
        lookups, teams, leads = self._choices()
        with self.ctx.sessions() as session:
            draft = visit_draft(session, row.id)
        dialog = RecordVisitDialog(self.ctx, lookups, teams, leads, draft, row.revision, self)
        self.show_dialog(dialog)
        return dialog

    @override
    def set_account(self, account: SignedIn | None) -> None:
        """Confirming is a planner's: the buttons are off for unit and viewer accounts."""
        super().set_account(account)
        allow_confirming((self.confirm_button, self.unconfirm_button), account)

    def confirm_selected(self, confirm: bool = True) -> None:
        """Confirm (or take back the confirmation of) the selected visit."""
        row: HqVisitRow | None = self.selected_row()
        if row is None:
            self.messages.show_problem(self.tr("Select a visit first."), False)
            return
        label = f"{row.organisation.name_zh} {row.visited_on.isoformat()}"
        save(self.ctx, ConfirmResult(self.ctx, HqVisit, row.uuid, label, confirm), self.messages)

    def show_dialog(self, dialog: QWidget) -> None:
        """Open a dialog (window-modal; tests answer it without a loop)."""
        dialog.show()

    def delete_selected(self) -> None:
        row: HqVisitRow | None = self.selected_row()
        if row is None or self.refused(HqVisit, row.id) or not dialogs.confirm(
                self, self.tr("Delete visit"), self.tr(
                "Delete the visit to %1? You can undo this with Ctrl+Z.").replace(
                    "%1", row.organisation.name_zh)):
            return
        with self.ctx.sessions() as session:
            draft = visit_draft(session, row.id)
        save(self.ctx, DeleteVisit(self.ctx, draft, row.organisation.name_zh), self.messages)

    def _selected_team(self) -> TeamRow | None:
        rows = self.teams_view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def new_team(self) -> TeamDialog:
        dialog = TeamDialog(self.ctx, self.editors.lookups.get(), parent=self)
        self.show_dialog(dialog)
        return dialog

    def edit_team(self) -> TeamDialog | None:
        team = self._selected_team()
        if team is None:
            return None
        try:
            with self.ctx.sessions() as session:
                draft = team_draft(session, team.id)
        except PlannerError as exc:
            self.messages.show_problem(str(exc), False)
            return None
        dialog = TeamDialog(self.ctx, self.editors.lookups.get(), draft, team.revision, self)
        self.show_dialog(dialog)
        return dialog

    def show_team_visits(self) -> None:
        team = self._selected_team()
        if team is not None:
            self.team_filter.setCurrentIndex(max(self.team_filter.findText(team.label(self.lang)),
                                                  0))

    def selected_targets(self) -> list[TargetRow]:
        return [i.data(ROW_ROLE) for i in self.targets_view.selectionModel().selectedRows()]

    def add_target(self) -> TargetDialog:
        dialog = TargetDialog(self.ctx, self.editors.lookups.get(), parent=self)
        self.show_dialog(dialog)
        return dialog

    def refile_targets(self) -> TargetDialog | None:
        rows = self.selected_targets()
        if not rows:
            self.messages.show_problem(self.tr("Select target HQs in the list first."), False)
            return None
        first = rows[0]
        dialog = TargetDialog(self.ctx, self.editors.lookups.get(),
                              [r.organisation for r in rows],
                              first.industry.id if first.industry else None,
                              first.region.id if first.region else None, self)
        self.show_dialog(dialog)
        return dialog

    def remove_targets(self) -> bool:
        rows = self.selected_targets()
        if not rows:
            self.messages.show_problem(self.tr("Select target HQs in the list first."), False)
            return False
        label = (rows[0].organisation.name_zh if len(rows) == 1
                 else self.tr("%n organisation(s)", "", len(rows)))
        return save(self.ctx, UnmarkTargets(self.ctx, [r.organisation.id for r in rows], label),
                    self.messages)

    def show_coverage(self) -> None:
        """The dashboard's drill-down: the coverage by team, every visit listed."""
        self.detail.setCurrentIndex(0)


def _team_is(team_id: int) -> Callable[[HqVisitRow], bool]:
    return lambda row: row.team_id == team_id


def _status_is(status: VisitStatus) -> Callable[[HqVisitRow], bool]:
    return lambda row: row.status is status


def _industry_is(industry_id: int) -> Callable[[HqVisitRow], bool]:
    return lambda row: row.industry is not None and row.industry.id == industry_id


def _region_is(region_id: int) -> Callable[[HqVisitRow], bool]:
    return lambda row: row.region is not None and row.region.id == region_id
