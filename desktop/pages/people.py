"""The People page: the directory of leaders, staff, delegates and contacts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from desktop import dialogs
from desktop.context import AppContext
from desktop.editors.opening import Editors
from desktop.editors.saving import save
from desktop.pages.entity_page import EntityPage
from desktop.tables.people import PersonTableModel
from desktop.undo.directory import DeletePerson
from models import queries
from models.changes import RecordKind
from models.enums import PersonKind
from models.operations.directory import person_draft
from models.rows import PersonRow


class PeoplePage(EntityPage):
    kinds = (RecordKind.PERSON, RecordKind.ORGANISATION)
    offers = frozenset({"new", "edit", "delete", "export"})

    def __init__(self, ctx: AppContext, editors: Editors, parent: QWidget | None = None) -> None:
        super().__init__(ctx, editors, PersonTableModel(ctx.lang), parent)
        self.add_filter(self.tr("All kinds"), "kind",
                        [(k.label(self.lang), _kind_is(k)) for k in PersonKind])

    def query(self) -> Callable[[Session], list[PersonRow]]:
        return queries.list_people

    def new_record(self) -> QWidget:
        return self.editors.open_person(None)

    def edit_selected(self) -> QWidget | None:
        row = self.selected_row()
        return self.editors.open_person(row.id) if row else None

    def delete_selected(self) -> None:
        row: PersonRow | None = self.selected_row()
        if row is None or not dialogs.confirm(self, self.tr("Delete person"), self.tr(
                "Delete %1 from the directory? You can undo this with Ctrl+Z.").replace(
                "%1", row.name_zh)):
            return
        with self.ctx.sessions() as session:
            draft = person_draft(session, row.id)
        save(self.ctx, DeletePerson(self.ctx, draft), self.messages)


def _kind_is(kind: PersonKind) -> Callable[[PersonRow], bool]:
    return lambda row: row.kind is kind
