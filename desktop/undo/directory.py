"""Undoable edits of the directory: people, organisations and responsible units."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.undo.base import CreateByUuid, DeleteByUuid, EditByUuid, PlannerCommand, UuidOps
from models.changes import OpChanges
from models.operations import directory
from models.operations.directory import OrganisationDraft, PersonDraft, UnitDraft
from models.organisations import Organisation
from models.people import Person
from models.rows import OrganisationRow, PersonRow

translate = QCoreApplication.translate


PERSON_OPS = UuidOps(model=Person, create=directory.create_person,
                     delete=directory.delete_person, update=directory.update_person)
ORGANISATION_OPS = UuidOps(model=Organisation, create=directory.create_organisation,
                           delete=directory.delete_organisation,
                           update=directory.update_organisation)


# --- people ---------------------------------------------------------------------------------


class CreatePerson(CreateByUuid[PersonDraft, PersonRow]):
    ops = PERSON_OPS

    def __init__(self, ctx: AppContext, draft: PersonDraft) -> None:
        super().__init__(ctx, translate("CreatePerson", "New person %1").replace(
            "%1", draft.name_zh), draft)


class EditPerson(EditByUuid[PersonDraft, PersonRow]):
    ops = PERSON_OPS

    def __init__(self, ctx: AppContext, before: PersonDraft, after: PersonDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditPerson", "Edit %1").replace("%1", after.name_zh),
                         before, after, revision)


class DeletePerson(DeleteByUuid[PersonDraft, PersonRow]):
    ops = PERSON_OPS

    def __init__(self, ctx: AppContext, draft: PersonDraft) -> None:
        super().__init__(ctx, translate("DeletePerson", "Delete %1").replace("%1", draft.name_zh),
                         draft)


# --- organisations --------------------------------------------------------------------------


class CreateOrganisation(CreateByUuid[OrganisationDraft, OrganisationRow]):
    ops = ORGANISATION_OPS

    def __init__(self, ctx: AppContext, draft: OrganisationDraft) -> None:
        super().__init__(ctx, translate("CreateOrganisation", "New organisation %1").replace(
            "%1", draft.name_zh), draft)


class EditOrganisation(EditByUuid[OrganisationDraft, OrganisationRow]):
    ops = ORGANISATION_OPS

    def __init__(self, ctx: AppContext, before: OrganisationDraft, after: OrganisationDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditOrganisation", "Edit %1").replace(
            "%1", after.name_zh), before, after, revision)


class DeleteOrganisation(DeleteByUuid[OrganisationDraft, OrganisationRow]):
    ops = ORGANISATION_OPS

    def __init__(self, ctx: AppContext, draft: OrganisationDraft) -> None:
        super().__init__(ctx, translate("DeleteOrganisation", "Delete %1").replace(
            "%1", draft.name_zh), draft)


# --- responsible units ----------------------------------------------------------------------
# A unit has no UUID; its Chinese name is unique, so undo and redo find it again by name.


class CreateUnit(PlannerCommand):
    def __init__(self, ctx: AppContext, draft: UnitDraft) -> None:
        super().__init__(ctx, translate("CreateUnit", "New unit %1").replace(
            "%1", draft.name_zh.strip()))
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        return directory.add_unit(session, self.draft).changes

    def backward(self, session: Session) -> OpChanges:
        unit_id = directory.unit_id_by_name(session, self.draft.name_zh)
        deleted = directory.delete_unit(session, unit_id)
        self.draft = deleted.value
        return deleted.changes


class EditUnit(PlannerCommand):
    def __init__(self, ctx: AppContext, before: UnitDraft, after: UnitDraft) -> None:
        super().__init__(ctx, translate("EditUnit", "Edit %1").replace("%1", after.name_zh.strip()))
        self.before = before
        self.after = after

    def _save(self, session: Session, old: UnitDraft, new: UnitDraft) -> OpChanges:
        unit_id = directory.unit_id_by_name(session, old.name_zh)
        return directory.update_unit(session, unit_id, new).changes

    def forward(self, session: Session) -> OpChanges:
        return self._save(session, self.before, self.after)

    def backward(self, session: Session) -> OpChanges:
        return self._save(session, self.after, self.before)
