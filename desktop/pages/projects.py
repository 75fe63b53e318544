"""The Projects page (招商项目): the list with its filters and totals, or the pipeline board.

Both show the same filtered rows. The totals line counts the rows shown, their amount and the
funds received, and sets the signed amount against the campaign's investment target and the
flagship projects against theirs (threshold and targets come from the campaign).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session
from typing_extensions import override

from desktop import dialogs
from desktop.context import AppContext
from desktop.editors.opening import Editors
from desktop.editors.saving import save
from desktop.editors.stage_dialog import StageMoveDialog, needs_details
from desktop.pages.confirm_buttons import allow_confirming, confirm_buttons
from desktop.pages.entity_page import EntityPage
from desktop.pages.filter_bar import narrow_filters
from desktop.pages.projects_board import PipelineBoard
from desktop.pages.steering import SteeringPanel
from desktop.tables.leads import LeadTableModel
from desktop.tables.row_model import ROW_ROLE
from desktop.undo.confirmations import ConfirmResult
from desktop.undo.leads import DeleteLead, MoveLead
from models import queries
from models.accounts.signed_in import SignedIn
from models.changes import RecordKind
from models.enums import LeadStage
from models.leads import SIGNED_STAGES, Lead
from models.operations.leads import lead_draft
from models.rows import CampaignRow, LeadRow
from models.wording import YI, money


@dataclass(frozen=True)
class LeadTotals:
    """What the totals line sums over some projects."""

    count: int
    amount: int
    signed: int
    waiting: int  # signed or further, not yet confirmed
    funds: int
    signed_flagships: int

    @classmethod
    def of(cls, rows: Iterable[LeadRow]) -> LeadTotals:
        count = amount = signed = waiting = funds = flagships = 0
        for r in rows:  # one pass: 20,000 projects at ten years of history
            count += 1
            amount += r.amount_cny
            funds += r.funds_in_cny
            if r.awaits_confirmation:
                waiting += r.amount_cny
            if r.stage in SIGNED_STAGES:
                signed += r.amount_cny
                flagships += r.is_flagship
        return cls(count, amount, signed, waiting, funds, flagships)


@dataclass(frozen=True)
class ProjectsSide:
    """Read beside the projects: the newest campaign and the totals of every project."""

    campaign: CampaignRow | None
    totals: LeadTotals


class ProjectsPage(EntityPage):
    kinds = (RecordKind.LEAD, RecordKind.ORGANISATION, RecordKind.UNIT, RecordKind.TRIP,
             RecordKind.EVENT, RecordKind.CAMPAIGN)
    offers = frozenset({"new", "edit", "delete"})
    initial_sort = "code"

    def __init__(self, ctx: AppContext, editors: Editors, parent: QWidget | None = None) -> None:
        super().__init__(ctx, editors, LeadTableModel(ctx.lang), parent)
        self.campaign: CampaignRow | None = None
        self._all_totals: LeadTotals | None = None  # of every project, from the last read
        with ctx.sessions() as session:
            units = queries.units(session)
            industries = queries.industries(session)
            regions = queries.regions(session)
        lang = self.lang
        self.stage_filter = self.add_filter(self.tr("All stages"), "stage",
                                            [(s.label(lang), _stage_is(s)) for s in LeadStage])
        self.add_filter(self.tr("All units"), "unit",
                        [(u.name(lang), _unit_is(u.id)) for u in units])
        self.add_filter(self.tr("All industries"), "industry",
                        [(i.name(lang), _industry_is(i.id)) for i in industries])
        self.add_filter(self.tr("All regions"), "region",
                        [(r.name(lang), _region_is(r.id)) for r in regions])
        self.add_filter(self.tr("Any source"), "source", [
            (self.tr("From a trip"), lambda r: r.source_trip_code is not None),
            (self.tr("From an event"), lambda r: r.source_event_code is not None),
            (self.tr("From a meeting"), lambda r: bool(r.source_meeting)),
            (self.tr("No source"), lambda r: r.source_code is None),
        ])
        self.flagship_filter = self.add_filter(self.tr("Flagship or not"), "flagship", [
            (self.tr("Flagship projects only"), lambda r: r.is_flagship),
            (self.tr("Other projects"), lambda r: not r.is_flagship),
        ])
        narrow_filters(self)
        # a second line: list or board, the amount range, the totals of the rows shown
        second = QHBoxLayout()
        self.list_button = QPushButton(self.tr("&List"), self)
        self.board_button = QPushButton(self.tr("&Board"), self)
        self.steering_button = QPushButton(self.tr("By &leader / chain"), self)
        self.steering_button.setToolTip(self.tr(
            "Each city leader's (挂点领导) or industry chain's (链长) projects, trips and visits"))
        modes = QButtonGroup(self)
        for n, button in enumerate((self.list_button, self.board_button, self.steering_button)):
            button.setCheckable(True)
            modes.addButton(button, n)
            second.addWidget(button)
        self.list_button.setChecked(True)
        modes.idToggled.connect(self._mode_toggled)
        second.addSpacing(12)
        self.confirm_button, self.unconfirm_button = confirm_buttons(self, self.tr(
            "Confirm the selected signed project: the leaderboard and the report count it "
            "(Ctrl+Shift+K; undo with Ctrl+Z)"), self.confirm_selected)
        second.addWidget(self.confirm_button)
        second.addWidget(self.unconfirm_button)
        second.addSpacing(12)
        self.amount_label = QLabel(self.tr("Amount"), self)
        second.addWidget(self.amount_label)
        self.min_amount = self._amount_box(self.tr("from"))
        self.max_amount = self._amount_box(self.tr("to"))
        second.addWidget(self.min_amount)
        second.addWidget(self.max_amount)
        self.min_amount.valueChanged.connect(self._amount_changed)
        self.max_amount.valueChanged.connect(self._amount_changed)
        second.addSpacing(12)
        self.totals = QLabel(self)
        self.totals.setStyleSheet("color: #1d3d63;")
        self.totals.setWordWrap(True)
        second.addWidget(self.totals, 1)
        second.addStretch(0)  # keeps the buttons their size when the totals are hidden
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, second)
        self.board = PipelineBoard(lang, self)
        self._board_stale = True  # rows changed while the board was not shown
        self.board.move_requested.connect(self.move_project)
        self.board.open_requested.connect(lambda ident: self.editors.open_lead(ident))
        self.splitter.insertWidget(0, self.board)
        self.board.hide()
        self.steering = SteeringPanel(ctx, parent=self)
        self.splitter.insertWidget(0, self.steering)
        self.steering.hide()
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged):
            signal.connect(self._rows_shown_changed)

    def _amount_box(self, prefix: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(0, 100_000)
        box.setDecimals(1)
        box.setSpecialValueText(prefix + " —")
        box.setPrefix(prefix + " ")
        box.setSuffix(" " + self.tr("× 100 million CNY"))
        box.setToolTip(self.tr("Amount range in 100 million CNY (亿元); 0 means no limit"))
        box.setMinimumWidth(130)
        return box

    def _amount_changed(self, _value: float) -> None:
        low, high = round(self.min_amount.value() * YI), round(self.max_amount.value() * YI)
        if not low and not high:
            self.proxy.set_predicate("amount", None)
            return
        self.proxy.set_predicate("amount", lambda r: r.amount_cny >= low
                                 and (not high or r.amount_cny <= high))

    def query(self) -> Callable[[Session], list[LeadRow]]:
        return queries.list_leads

    def side_read(self) -> Callable[[Session, list[LeadRow]], ProjectsSide]:
        def read(session: Session, rows: list[LeadRow]) -> ProjectsSide:
            campaigns = queries.campaigns(session)  # the newest one's targets and threshold
            return ProjectsSide(max(campaigns, key=lambda c: c.year) if campaigns else None,
                                LeadTotals.of(rows))

        return read

    def side_loaded(self, side: ProjectsSide) -> None:
        self.campaign, self._all_totals = side.campaign, side.totals

    # --- what is shown --------------------------------------------------------------------

    def shown_rows(self) -> list[LeadRow]:
        shown = self.proxy.rowCount()
        if shown == self.model.rowCount():  # nothing filtered out: the model's rows, in order
            return self.model.rows()
        return [self.proxy.index(n, 0).data(ROW_ROLE) for n in range(shown)]

    def _rows_shown_changed(self, *_args: object) -> None:
        every = self.proxy.rowCount() == self.model.rowCount()
        totals = self._all_totals  # worked out by the worker that read every project
        if not every or totals is None or totals.count != self.model.rowCount():
            totals = LeadTotals.of(self.shown_rows())
        self.totals.setText(self.totals_line(totals))
        threshold = self.campaign.flagship_threshold_cny if self.campaign else 0
        mark = (self.tr("★ flagship: %1 or more").replace("%1", money(threshold, self.lang))
                if threshold else "")
        if self.board_button.isChecked():
            self.board.set_rows(self.shown_rows(), mark)
        else:  # the board is drawn when it is shown: thousands of cards nobody looks at
            self._board_stale = True

    def totals_text(self, rows: list[LeadRow]) -> str:
        return self.totals_line(LeadTotals.of(rows))

    def totals_line(self, totals: LeadTotals) -> str:
        lang = self.lang
        amount, signed, waiting = totals.amount, totals.signed, totals.waiting
        funds, flagships = totals.funds, totals.signed_flagships
        parts = [
            self.tr("%n project(s)", "", totals.count),
            self.tr("amount %1").replace("%1", money(amount, lang)),
            self.tr("signed %1").replace("%1", money(signed, lang)),
        ]
        if waiting:
            parts.append(self.tr("of which unconfirmed %1").replace("%1", money(waiting, lang)))
        parts += [
            self.tr("funds in %1").replace("%1", money(funds, lang)),
        ]
        c = self.campaign
        if c is not None and c.target_investment_cny:
            parts.append(self.tr("target %1 (%2%)").replace(
                "%1", money(c.target_investment_cny, lang)).replace(
                "%2", f"{signed * 100 / c.target_investment_cny:.0f}"))
        if c is not None and c.flagship_threshold_cny:
            parts.append(self.tr("signed flagship projects %1 of %2").replace(
                "%1", str(flagships)).replace("%2", str(c.target_flagship_projects)))
        return " · ".join(parts)

    def _mode_toggled(self, button: int, on: bool) -> None:
        if on:
            self.show_mode(button)

    def show_board(self, on: bool) -> None:
        self.show_mode(1 if on else 0)

    def show_steering(self) -> SteeringPanel:
        """The per-leader and per-chain views (挂点领导 / 链长)."""
        self.show_mode(2)
        return self.steering

    def show_mode(self, mode: int) -> None:
        """0: the list, 1: the pipeline board, 2: by leader or industry chain."""
        for n, (widget, button) in enumerate(((self.view, self.list_button),
                                              (self.board, self.board_button),
                                              (self.steering, self.steering_button))):
            widget.setVisible(n == mode)
            button.setChecked(n == mode)
        if mode == 1 and self._board_stale:
            self._board_stale = False
            self._rows_shown_changed()
        for n in range(self.filters.count()):  # the filters narrow the list and the board
            item = self.filters.itemAt(n)
            control = item.widget() if item is not None else None
            if control is not None:
                control.setEnabled(mode != 2)
        for widget in (self.min_amount, self.max_amount, self.amount_label, self.totals):
            widget.setVisible(mode != 2)  # the view by leader or chain has its own totals

    def selected_row(self) -> LeadRow | None:
        if self.steering.isVisible():
            rows = self.steering.project_view.selectionModel().selectedRows()
            return rows[0].data(ROW_ROLE) if rows else None
        if self.board.isVisible():
            ident = self.board.selected_id()
            return next((r for r in self.model.rows() if r.id == ident), None)
        row: LeadRow | None = super().selected_row()
        return row

    # --- actions --------------------------------------------------------------------------

    def move_project(self, lead_id: int, stage_value: str) -> None:
        """A card dropped on another stage: ask what that stage needs, then move (undoable)."""
        row = next((r for r in self.model.rows() if r.id == lead_id), None)
        stage = LeadStage(stage_value)
        if row is None or row.stage is stage:
            return
        with self.ctx.sessions() as session:
            before = lead_draft(session, lead_id)
        if needs_details(row, stage):
            self.ask_stage_details(StageMoveDialog(self.ctx, row, before, stage, self))
            return
        save(self.ctx, MoveLead(self.ctx, before, stage, revision=row.revision), self.messages)

    @override
    def set_account(self, account: SignedIn | None) -> None:
        """Confirming is a planner's: the buttons are off for unit and viewer accounts."""
        super().set_account(account)
        allow_confirming((self.confirm_button, self.unconfirm_button), account)

    def confirm_selected(self, confirm: bool = True) -> None:
        """Confirm (or take back the confirmation of) the selected project's result."""
        row = self.selected_row()
        if row is None:
            self.messages.show_problem(self.tr("Select a project first."), False)
            return
        save(self.ctx, ConfirmResult(self.ctx, Lead, row.uuid, row.code, confirm), self.messages)

    def ask_stage_details(self, dialog: StageMoveDialog) -> None:
        """Show the dialog; it saves the move itself when OK is pressed."""
        dialog.exec()

    def new_record(self) -> QWidget:
        return self.editors.open_lead(None)

    def edit_selected(self) -> QWidget | None:
        row = self.selected_row()
        return self.editors.open_lead(row.id) if row else None

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None or self.refused(Lead, row.id) or not dialogs.confirm(
                self, self.tr("Delete project"), self.tr(
                "Delete %1? You can undo this with Ctrl+Z.").replace("%1", row.title_zh)):
            return
        with self.ctx.sessions() as session:
            draft = lead_draft(session, row.id)
        save(self.ctx, DeleteLead(self.ctx, draft), self.messages)


def _stage_is(stage: LeadStage) -> Callable[[LeadRow], bool]:
    return lambda row: row.stage is stage


def _unit_is(unit_id: int) -> Callable[[LeadRow], bool]:
    return lambda row: row.unit is not None and row.unit.id == unit_id


def _industry_is(industry_id: int) -> Callable[[LeadRow], bool]:
    return lambda row: row.industry is not None and row.industry.id == industry_id


def _region_is(region_id: int) -> Callable[[LeadRow], bool]:
    return lambda row: row.region is not None and row.region.id == region_id
