"""The projects a trip or an event produced (a tab of their editors), and "create a project
from this meeting" for an itinerary item or an agenda session."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.editors.lead import LeadEditor
from desktop.editors.organisation_chooser import OrganisationChooser
from desktop.tables.leads import LeadTableModel
from desktop.tables.row_model import ROW_ROLE
from models import queries
from models.changes import OpChanges, RecordKind
from models.errors import PlannerError, ValidationError
from models.events import AgendaSession
from models.lookups import organisation_refs
from models.operations.leads import meeting_draft, meeting_organisations
from models.records import id_by_uuid
from models.rows import LeadRow
from models.trips import ItineraryItem
from models.wording import money


class ProducedProjects(QWidget):
    """The projects whose source is one trip or one event; double-click opens one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.lang
        self.trip_code: str | None = None
        self.event_code: str | None = None
        self._shown = False  # the projects of trip_code / event_code are in the table
        self.model = LeadTableModel(ctx.lang, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        for key in ("region", "source"):  # the same for every project of one trip or event
            self.view.setColumnHidden(self.model.column_number(key), True)
        self.summary = QLabel(self)
        self.summary.setStyleSheet("color: #1d3d63;")
        self.hint = QLabel(self.tr("Select a meeting in the itinerary or the agenda and press "
                                   "“Project from this meeting…” to add one."), self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6b7a;")
        open_button = QPushButton(self.tr("Open project…"), self)
        open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.open_editors: list[LeadEditor] = []
        ctx.data_changed.connect(self._changed)

    def show_source(self, trip_code: str | None = None, event_code: str | None = None, *,
                    again: bool = True) -> None:
        """Read the projects of this trip or event; with ``again=False`` not for the source
        already shown (an editor reloading after its own save, which changed no project: a
        change of projects refreshes the panel itself)."""
        if not again and self._shown and (trip_code, event_code) == (self.trip_code,
                                                                    self.event_code):
            return
        self.trip_code, self.event_code = trip_code, event_code
        self.refresh()
        self._shown = True

    def refresh(self) -> None:
        if not self.trip_code and not self.event_code:
            self.model.set_rows([])
        else:
            with self.ctx.sessions() as session:
                rows = queries.list_leads(session, source_trip_code=self.trip_code,
                                          source_event_code=self.event_code)
            self.model.set_rows(rows)
            self.view.resizeColumnsToContents()
        rows = self.model.rows()
        self.summary.setText(self.tr("%n project(s)", "", len(rows)) + " · " + self.tr(
            "amount %1").replace("%1", money(sum(r.amount_cny for r in rows), self.lang)))

    def _changed(self, changes: OpChanges) -> None:
        if changes.touches(RecordKind.LEAD):
            self.refresh()

    def open_selected(self) -> LeadEditor | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        row: LeadRow = rows[0].data(ROW_ROLE)
        return self._open(LeadEditor(self.ctx, row.id, self.window()))

    def _open(self, editor: LeadEditor) -> LeadEditor:
        editor.setModal(False)
        editor.show()
        self.open_editors.append(editor)
        editor.finished.connect(lambda _r, e=editor: self.open_editors.remove(e)
                                if e in self.open_editors else None)
        return editor

    def from_meeting(self, *, item_uuid: str | None = None, session_uuid: str | None = None,
                     title: str = "") -> LeadEditor | None:
        """A new project's editor, prefilled from a saved itinerary item or agenda session.

        When the meeting does not name one organisation (an agenda session, an item without a
        company), the user chooses it: the meeting's organisations first, then any. None when
        the user cancels. Raises PlannerError when the meeting is not saved yet.
        """
        with self.ctx.sessions() as session:
            if item_uuid:
                where: dict[str, int] = {"item_id": id_by_uuid(session, ItineraryItem,
                                                               item_uuid)}
            elif session_uuid:
                where = {"agenda_session_id": id_by_uuid(session, AgendaSession, session_uuid)}
            else:
                raise PlannerError("请先保存该日程或议程，再由它生成项目",
                                   "Save the meeting first, then make a project of it")
            try:
                draft = meeting_draft(session, **where)
            except ValidationError as exc:
                if exc.field != "organisation_id":
                    raise
                chooser = OrganisationChooser(
                    self.lang, title,
                    meeting_organisations(session, **where), organisation_refs(session),
                    self.window())
                if not self.ask_organisation(chooser):
                    return None
                draft = meeting_draft(session, **where, organisation_id=chooser.chosen())
        return self._open(LeadEditor(self.ctx, None, self.window(), draft=draft))

    def ask_organisation(self, chooser: OrganisationChooser) -> bool:
        """Show the chooser; whether an organisation was chosen (tests answer it directly)."""
        return chooser.exec() == QDialog.DialogCode.Accepted
