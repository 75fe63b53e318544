"""Undoable edits of the directory: people, organisations and responsible units."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.undo.base import PlannerCommand
from models.changes import OpChanges
from models.operations import directory
from models.operations.directory import OrganisationDraft, PersonDraft, UnitDraft
from models.organisations import Organisation
from models.people import Person
from models.records import id_by_uuid

translate = QCoreApplication.translate


# --- people ---------------------------------------------------------------------------------


class CreatePerson(PlannerCommand):
    def __init__(self, ctx: AppContext, draft: PersonDraft) -> None:
        super().__init__(ctx, translate("CreatePerson", "New person %1").replace(
            "%1", draft.name_zh))
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        created = directory.create_person(session, self.draft)
        self.draft.uuid = created.value.uuid
        return created.changes

    def backward(self, session: Session) -> OpChanges:
        assert self.draft.uuid
        deleted = directory.delete_person(session, id_by_uuid(session, Person, self.draft.uuid))
        self.draft = deleted.value
        return deleted.changes


class EditPerson(PlannerCommand):
    def __init__(self, ctx: AppContext, before: PersonDraft, after: PersonDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditPerson", "Edit %1").replace("%1", after.name_zh))
        assert before.uuid
        self.uuid = before.uuid
        self.before = before
        self.after = after
        self.revision: int | None = revision  # checked on the first run only

    def _save(self, session: Session, draft: PersonDraft) -> OpChanges:
        person_id = id_by_uuid(session, Person, self.uuid)
        result = directory.update_person(session, person_id, draft,
                                         expected_revision=self.revision)
        self.revision = None
        return result.changes

    def forward(self, session: Session) -> OpChanges:
        return self._save(session, self.after)

    def backward(self, session: Session) -> OpChanges:
        return self._save(session, self.before)


class DeletePerson(PlannerCommand):
    def __init__(self, ctx: AppContext, draft: PersonDraft) -> None:
        super().__init__(ctx, translate("DeletePerson", "Delete %1").replace("%1", draft.name_zh))
        assert draft.uuid
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        assert self.draft.uuid
        deleted = directory.delete_person(session, id_by_uuid(session, Person, self.draft.uuid))
        self.draft = deleted.value
        return deleted.changes

    def backward(self, session: Session) -> OpChanges:
        return directory.create_person(session, self.draft).changes


# --- organisations --------------------------------------------------------------------------


class CreateOrganisation(PlannerCommand):
    def __init__(self, ctx: AppContext, draft: OrganisationDraft) -> None:
        super().__init__(ctx, translate("CreateOrganisation", "New organisation %1").replace(
            "%1", draft.name_zh))
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        created = directory.create_organisation(session, self.draft)
        self.draft.uuid = created.value.uuid
        return created.changes

    def backward(self, session: Session) -> OpChanges:
        assert self.draft.uuid
        org_id = id_by_uuid(session, Organisation, self.draft.uuid)
        deleted = directory.delete_organisation(session, org_id)
        self.draft = deleted.value
        return deleted.changes


class EditOrganisation(PlannerCommand):
    def __init__(self, ctx: AppContext, before: OrganisationDraft, after: OrganisationDraft,
                 revision: int) -> None:
        super().__init__(ctx, translate("EditOrganisation", "Edit %1").replace(
            "%1", after.name_zh))
        assert before.uuid
        self.uuid = before.uuid
        self.before = before
        self.after = after
        self.revision: int | None = revision  # checked on the first run only

    def _save(self, session: Session, draft: OrganisationDraft) -> OpChanges:
        org_id = id_by_uuid(session, Organisation, self.uuid)
        result = directory.update_organisation(session, org_id, draft,
                                               expected_revision=self.revision)
        self.revision = None
        return result.changes

    def forward(self, session: Session) -> OpChanges:
        return self._save(session, self.after)

    def backward(self, session: Session) -> OpChanges:
        return self._save(session, self.before)


class DeleteOrganisation(PlannerCommand):
    def __init__(self, ctx: AppContext, draft: OrganisationDraft) -> None:
        super().__init__(ctx, translate("DeleteOrganisation", "Delete %1").replace(
            "%1", draft.name_zh))
        assert draft.uuid
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        assert self.draft.uuid
        org_id = id_by_uuid(session, Organisation, self.draft.uuid)
        deleted = directory.delete_organisation(session, org_id)
        self.draft = deleted.value
        return deleted.changes

    def backward(self, session: Session) -> OpChanges:
        return directory.create_organisation(session, self.draft).changes


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
