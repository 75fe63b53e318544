"""The seed's way of steering in the window: one city leader's (挂点领导) or one key industry
chain's (链长) projects, trips and HQ visits, from the same read as ``show`` on the command
line (``models.leaders.leader_view`` / ``chain_view``).

Shown on the Projects page ("By leader / chain") with a selector, and in a person's editor
for that person alone. Double-click opens a project, a trip or a visit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from desktop.context import AppContext
from desktop.editors.chain_leaders import ChainLeadersDialog
from desktop.errors_text import describe
from desktop.tables.leads import LeadTableModel
from desktop.tables.row_model import ROW_ROLE, RowTableModel
from desktop.tables.trips import TripTableModel
from desktop.tables.visits import VisitTableModel
from models import queries
from models.changes import OpChanges, RecordKind
from models.errors import PlannerError
from models.leaders import SteeringView, chain_view, city_leaders, leader_view
from models.wording import money

BY_LEADER, BY_CHAIN = "leader", "chain"
KINDS = (RecordKind.LEAD, RecordKind.TRIP, RecordKind.HQ_VISIT, RecordKind.TEAM,
         RecordKind.PERSON, RecordKind.CAMPAIGN, RecordKind.ORGANISATION)


def _table(model: RowTableModel[Any], parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class SteeringPanel(QWidget):
    """A leader's or an industry chain's projects, trips and visits.

    ``person_id`` fixes the panel on one person (a person's editor): no selector then.
    """

    def __init__(self, ctx: AppContext, person_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.lang
        self.fixed_person = person_id
        self.view_shown: SteeringView | None = None
        self.stale = True
        self.by = QComboBox(self)
        self.by.addItem(self.tr("By leader (挂点领导)"), BY_LEADER)
        self.by.addItem(self.tr("By industry chain (链长)"), BY_CHAIN)
        self.subject = QComboBox(self)
        self.subject.setMinimumWidth(220)
        self.subject.setMaxVisibleItems(20)
        self.leaders_button = QPushButton(self.tr("Chain leaders…"), self)
        self.leaders_button.setToolTip(self.tr("Name the chain leader (链长) of each key "
                                               "industry"))
        self.leaders_button.clicked.connect(self.edit_chain_leaders)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for widget in (self.by, self.subject):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.leaders_button)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-weight: 600; color: #1d3d63;")
        self.projects = LeadTableModel(self.lang, self)
        self.trips = TripTableModel(self.lang, self)
        self.visits = VisitTableModel(self.lang, self)
        self.tabs = QTabWidget(self)
        self.project_view = _table(self.projects, self.tabs)
        self.trip_view = _table(self.trips, self.tabs)
        self.visit_view = _table(self.visits, self.tabs)
        self.project_view.setColumnHidden(self.projects.column_number("region"), True)
        self.trip_view.setColumnHidden(self.trips.column_number("title_en"), True)
        self.tabs.addTab(self.project_view, "")
        self.tabs.addTab(self.trip_view, "")
        self.tabs.addTab(self.visit_view, "")
        for view in (self.project_view, self.trip_view, self.visit_view):
            view.doubleClicked.connect(lambda _i: self.open_selected())
            view.activated.connect(lambda _i: self.open_selected())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        if person_id is None:
            layout.addLayout(top)
        else:
            for hidden in (self.by, self.subject, self.leaders_button):
                hidden.hide()
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.by.currentIndexChanged.connect(lambda _i: self._fill_subjects())
        self.subject.currentIndexChanged.connect(lambda _i: self.refresh())
        ctx.data_changed.connect(self._changed)

    # --- choosing ---------------------------------------------------------------------------

    def _fill_subjects(self) -> None:
        """The city leaders, or the industries (with their chain leader), keeping the choice."""
        chosen = self.subject.currentData()
        with self.ctx.sessions() as session:
            if self.by.currentData() == BY_LEADER:
                choices = [(r.name(self.lang), r.id) for r in city_leaders(session)]
            else:
                choices = [(i.name(self.lang), i.id) for i in queries.industries(session)]
        self.subject.blockSignals(True)
        self.subject.clear()
        for text, ident in choices:
            self.subject.addItem(text, ident)
        self.subject.setCurrentIndex(max(self.subject.findData(chosen), 0))
        self.subject.blockSignals(False)
        self.leaders_button.setVisible(self.fixed_person is None)
        self.refresh()

    def show_leader(self, person_id: int) -> None:
        self.by.setCurrentIndex(self.by.findData(BY_LEADER))
        self.subject.setCurrentIndex(self.subject.findData(person_id))

    def show_chain(self, industry_id: int) -> None:
        self.by.setCurrentIndex(self.by.findData(BY_CHAIN))
        self.subject.setCurrentIndex(self.subject.findData(industry_id))

    # --- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.stale = False
        ident = self.fixed_person if self.fixed_person is not None else self.subject.currentData()
        view: SteeringView | None = None
        if ident is not None:
            try:
                with self.ctx.sessions() as session:
                    view = (leader_view(session, ident)
                            if self.fixed_person is not None or self.by.currentData() == BY_LEADER
                            else chain_view(session, ident))
            except PlannerError as exc:
                self.heading.setText(describe(exc, self.lang))
        self.show_view(view)

    def show_view(self, view: SteeringView | None) -> None:
        self.view_shown = view
        self.projects.set_rows(list(view.projects) if view else [])
        self.trips.set_rows(list(view.trips) if view else [])
        self.visits.set_rows(list(view.visits) if view else [])
        self.tabs.setTabText(0, self.tr("Projects (%1)").replace("%1", str(len(
            view.projects) if view else 0)))
        self.tabs.setTabText(1, self.tr("Trips (%1)").replace("%1", str(len(
            view.trips) if view else 0)))
        self.tabs.setTabText(2, self.tr("HQ visits (%1)").replace("%1", str(len(
            view.visits) if view else 0)))
        for table in (self.project_view, self.trip_view, self.visit_view):
            table.resizeColumnsToContents()
            for n in range(table.model().columnCount()):
                table.setColumnWidth(n, min(table.columnWidth(n) + 12, 280))
        if view is not None:
            self.heading.setText(self.heading_text(view))

    def heading_text(self, v: SteeringView) -> str:
        lang = self.lang
        parts = [v.subject.name(lang)]
        if self.fixed_person is None and self.by.currentData() == BY_CHAIN:
            parts.append(self.tr("chain leader: %1").replace(
                "%1", v.leader.name(lang) if v.leader else self.tr("(none)")))
        if v.chains:
            parts.append(self.tr("chain leader of %1").replace(
                "%1", lang.pick("、", ", ").join(c.name(lang) for c in v.chains)))
        parts.append(self.tr("%n project(s)", "", len(v.projects)))
        parts.append(self.tr("amount %1").replace(
            "%1", money(sum(p.amount_cny for p in v.projects), lang)))
        parts.append(self.tr("signed %1").replace("%1", money(v.signed_cny, lang)))
        return " · ".join(parts)

    def _changed(self, changes: OpChanges) -> None:
        if not changes.touches(*KINDS):
            return
        if self.isVisible() and self.fixed_person is None and changes.touches(
                RecordKind.PERSON, RecordKind.CAMPAIGN):
            self._fill_subjects()  # a renamed leader, a new chain leader
        elif self.isVisible():
            self.refresh()
        else:
            self.stale = True

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            if self.fixed_person is None and self.subject.count() == 0:
                self._fill_subjects()
            else:
                self.refresh()

    # --- acting -----------------------------------------------------------------------------

    def open_selected(self) -> None:
        """Open the project, trip or visit selected on the current tab (its editor)."""
        view = (self.project_view, self.trip_view, self.visit_view)[self.tabs.currentIndex()]
        rows = view.selectionModel().selectedRows()
        if not rows:
            return
        ident = rows[0].data(ROW_ROLE).id
        if view is self.project_view:
            self.ctx.open_lead_requested.emit(ident)
        elif view is self.trip_view:
            self.ctx.open_trip_requested.emit(ident)
        else:
            self.ctx.open_visit_requested.emit(ident)

    def edit_chain_leaders(self) -> ChainLeadersDialog:
        dialog = ChainLeadersDialog(self.ctx, self)
        self.show_dialog(dialog)
        return dialog

    def show_dialog(self, dialog: QWidget) -> None:
        """Open a dialog (window-modal; tests answer it without a loop)."""
        dialog.show()
