"""The Organisations page: target companies and partners, with the selected one's history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget
from sqlalchemy.orm import Session

from desktop import dialogs
from desktop.context import AppContext
from desktop.editors.opening import Editors
from desktop.editors.saving import save
from desktop.editors.target_dialog import TargetDialog
from desktop.history.tree import HistoryTree
from desktop.pages.entity_page import EntityPage
from desktop.tables.organisations import OrganisationTableModel
from desktop.undo.directory import DeleteOrganisation
from desktop.undo.steering import UnmarkTargets
from models import queries
from models.changes import RecordKind
from models.enums import OrganisationKind
from models.operations.directory import organisation_draft
from models.organisation_history import organisation_history
from models.rows import OrganisationRow, Ref
from models.visits import target_regions


class OrganisationsPage(EntityPage):
    kinds = (RecordKind.ORGANISATION, RecordKind.TRIP, RecordKind.EVENT, RecordKind.LEAD,
             RecordKind.PERSON, RecordKind.TARGET)
    offers = frozenset({"new", "edit", "delete"})

    def __init__(self, ctx: AppContext, editors: Editors, parent: QWidget | None = None) -> None:
        super().__init__(ctx, editors, OrganisationTableModel(ctx.lang), parent)
        with ctx.sessions() as session:
            industries = queries.industries(session)
        self.add_filter(self.tr("All kinds"), "kind",
                        [(k.label(self.lang), _kind_is(k)) for k in OrganisationKind])
        self.add_filter(self.tr("All industries"), "industry",
                        [(i.name(self.lang), _industry_is(i.id)) for i in industries])
        self.add_filter(self.tr("Any rank"), "rank", [
            (self.tr("Fortune Global 500"), lambda r: r.fortune_global_500_rank is not None),
            (self.tr("China Top 500"), lambda r: r.china_top_500_rank is not None),
        ])
        self.targets: dict[int, Ref | None] = {}  # organisation id -> region, on the list
        self.target_filter = self.add_filter(self.tr("Any organisation"), "target", [
            (self.tr("Target HQs (千企)"), lambda r: r.id in self.targets),
            (self.tr("Not on the target list"), lambda r: r.id not in self.targets)])
        self.mark_button = QPushButton(self.tr("Mark as &target HQ…"), self)
        self.mark_button.setToolTip(self.tr("Put the selected organisations on the campaign's "
                                            "target list (千企) for an industry chain"))
        self.mark_button.clicked.connect(self.mark_selected)
        self.unmark_button = QPushButton(self.tr("Remove from target list"), self)
        self.unmark_button.clicked.connect(self.unmark_selected)
        self.filters.addWidget(self.mark_button)
        self.filters.addWidget(self.unmark_button)
        self.history = HistoryTree(self.lang, self)
        self.set_detail(self.history)

    def query(self) -> Callable[[Session], list[OrganisationRow]]:
        return queries.list_organisations

    def side_read(self) -> Callable[[Session, list[OrganisationRow]], dict[int, Ref | None]]:
        return lambda session, _rows: target_regions(session)

    def side_loaded(self, side: dict[int, Ref | None]) -> None:
        self.targets = side  # the target filter reads it as the new rows go in

    def mark_selected(self) -> TargetDialog | None:
        """Mark the selected organisations as target HQs (a dialog asks chain and region)."""
        rows: list[OrganisationRow] = self.selected_rows()
        if not rows:
            self.messages.show_problem(self.tr("Select one or more organisations first."),
                                       False)
            return None
        industries = {r.industry.id if r.industry else None for r in rows}
        dialog = TargetDialog(self.ctx, self.editors.lookups.get(),
                              [Ref(r.id, r.name_zh, r.name_en) for r in rows],
                              industries.pop() if len(industries) == 1 else None, None, self)
        self.show_dialog(dialog)
        return dialog

    def unmark_selected(self) -> bool:
        rows = [r for r in self.selected_rows() if r.id in self.targets]
        if not rows:
            self.messages.show_problem(self.tr("None of the selected organisations is on the "
                                               "target list."), False)
            return False
        label = rows[0].name_zh if len(rows) == 1 else self.tr("%n organisation(s)", "",
                                                                len(rows))
        return save(self.ctx, UnmarkTargets(self.ctx, [r.id for r in rows], label),
                    self.messages)

    def show_dialog(self, dialog: QWidget) -> None:
        """Open a dialog (window-modal; tests answer it without a loop)."""
        dialog.show()

    def show_detail(self, row: OrganisationRow | None) -> None:
        if row is None:
            self.history.clear()
            return
        with self.ctx.sessions() as session:
            history = organisation_history(session, row.id)
        self.history.show_history(history, row.contacts)

    def new_record(self) -> QWidget:
        return self.editors.open_organisation(None)

    def edit_selected(self) -> QWidget | None:
        row = self.selected_row()
        return self.editors.open_organisation(row.id) if row else None

    def delete_selected(self) -> None:
        row: OrganisationRow | None = self.selected_row()
        if row is None or not dialogs.confirm(self, self.tr("Delete organisation"), self.tr(
                "Delete %1? You can undo this with Ctrl+Z.").replace("%1", row.name_zh)):
            return
        with self.ctx.sessions() as session:
            draft = organisation_draft(session, row.id)
        save(self.ctx, DeleteOrganisation(self.ctx, draft), self.messages)


def _kind_is(kind: OrganisationKind) -> Callable[[OrganisationRow], bool]:
    return lambda row: row.kind is kind


def _industry_is(industry_id: int) -> Callable[[OrganisationRow], bool]:
    return lambda row: row.industry is not None and row.industry.id == industry_id
