"""The base of every undoable edit: one transaction per step, and views told what changed.

A command is run once by :func:`desktop.editors.saving.save` (errors reach the editor, nothing is
pushed when it fails) and then pushed on the undo stack, whose first ``redo`` it skips.
Records are found again by code (trips, events), UUID (items, people, organisations) or
Chinese name (units), which survive a delete and its undo; database ids do not. The first run
of an edit is guarded by the revision the editor loaded (someone else's newer change is never
overwritten); undo and redo then put back the states this window saved.

Each step returns the :class:`~models.changes.OpChanges` of the operations it called; the
command forwards them to the views (``ctx.notify``) and keeps the last in ``changes``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.context import AppContext
from desktop.errors_text import describe
from models.changes import OpChanges, OpResult
from models.errors import PlannerError
from models.records import Lasting, id_by_uuid

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

Step = Callable[[Session], OpChanges]


class PlannerCommand(QUndoCommand):
    """Base of every edit: ``forward`` does it, ``backward`` undoes it, each in one transaction
    and each returning what it changed."""

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.changes = OpChanges()  # what the last step changed
        self._skip_redo = False

    def forward(self, session: Session) -> OpChanges:
        raise NotImplementedError

    def backward(self, session: Session) -> OpChanges:
        raise NotImplementedError

    def execute(self) -> None:
        """Do the edit the first time. Raises the model's error; nothing is written then."""
        self._step(self.forward)
        self._skip_redo = True

    def _step(self, step: Step) -> None:
        with self.ctx.sessions.begin() as session:
            changes = step(session)
        self.changes = changes
        self.ctx.notify(changes)

    def _guarded(self, step: Step) -> None:
        try:
            self._step(step)
        except (PlannerError, StaleDataError, SQLAlchemyError) as exc:
            log.warning("%s failed: %s", self.text(), exc)
            self.setObsolete(True)
            self.ctx.failed.emit(
                translate("PlannerCommand", "Could not undo or redo “%1”: %2")
                .replace("%1", self.text()).replace("%2", describe(exc, self.ctx.lang)))

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._guarded(self.forward)

    def undo(self) -> None:
        self._guarded(self.backward)


# --- one shape of command for each way records are found again ------------------------------
# Trips and events are found by code, people and organisations by UUID. The commands of each
# family differ only in the operations they call, so each family names its operations once and
# its commands subclass these generic ones, keeping their class names and translated texts.

D = TypeVar("D")  # the draft an operation takes and a delete gives back
R = TypeVar("R", bound="_Coded")  # the row an operation of a coded record returns
U = TypeVar("U", bound="_HasUuid")  # the draft of a record found by UUID
W = TypeVar("W", bound="_Uuided")  # the row an operation of such a record returns
D_contra = TypeVar("D_contra", contravariant=True)


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


class _HasUuid(Protocol):
    uuid: str | None


class _Uuided(Protocol):
    @property
    def uuid(self) -> str: ...


class _Save(Protocol[D_contra, R]):
    def __call__(self, session: Session, code_or_id: str, draft: D_contra, /,
                 expected_revision: int | None = None) -> OpResult[R]: ...


class _Move(Protocol[R]):
    def __call__(self, session: Session, code_or_id: str, *, days: int = 0) -> OpResult[R]: ...


@dataclass(frozen=True)
class CodedOps(Generic[D, R]):
    """The operations of a record found by its code (a trip, an event)."""

    create: Callable[[Session, D], OpResult[R]]
    delete: Callable[[Session, str], OpResult[D]]
    update: _Save[D, R]  # under the editing rules
    revert: _Save[D, R]  # puts back an earlier state (undo)
    header: Callable[[Session, str], D]  # the draft of the record alone, without its children
    cancel: Callable[[Session, str, str], OpResult[R]]
    move: _Move[R]


class CreateCoded(PlannerCommand, Generic[D, R]):
    """A new record; undo deletes it, redo re-creates it with the same code and UUIDs."""

    ops: CodedOps[D, R]

    def __init__(self, ctx: AppContext, draft: D | None, text: str) -> None:
        super().__init__(ctx, text)
        self.draft = draft
        self.code = ""

    def first_step(self, session: Session) -> OpResult[R]:
        assert self.draft is not None
        return self.ops.create(session, self.draft)

    def forward(self, session: Session) -> OpChanges:
        if not self.code:
            result = self.first_step(session)
            self.code = result.value.code
        else:
            assert self.draft is not None
            result = self.ops.create(session, self.draft)
        return result.changes

    def backward(self, session: Session) -> OpChanges:
        deleted = self.ops.delete(session, self.code)
        self.draft = deleted.value
        return deleted.changes


class EditCoded(PlannerCommand, Generic[D, R]):
    """Save the editor's draft over ``before``; undo reverts to it."""

    ops: CodedOps[D, R]

    def __init__(self, ctx: AppContext, text: str, code: str, before: D, after: D,
                 revision: int) -> None:
        super().__init__(ctx, text)
        self.code = code
        self.before = before
        self.after = after
        self.revision: int | None = revision  # checked on the first run only

    def _save(self, session: Session, save: _Save[D, R], draft: D) -> OpChanges:
        result = save(session, self.code, draft, expected_revision=self.revision)
        self.code, self.revision = result.value.code, None
        return result.changes

    def forward(self, session: Session) -> OpChanges:
        return self._save(session, self.ops.update, self.after)

    def backward(self, session: Session) -> OpChanges:
        return self._save(session, self.ops.revert, self.before)


class DeleteCoded(PlannerCommand, Generic[D, R]):
    """Delete a record; undo re-creates it from its draft (same code and UUIDs)."""

    ops: CodedOps[D, R]

    def __init__(self, ctx: AppContext, text: str, code: str) -> None:
        super().__init__(ctx, text)
        self.code = code
        self.draft: D | None = None

    def forward(self, session: Session) -> OpChanges:
        deleted = self.ops.delete(session, self.code)
        self.draft = deleted.value
        return deleted.changes

    def backward(self, session: Session) -> OpChanges:
        assert self.draft is not None
        return self.ops.create(session, self.draft).changes


class CancelCoded(PlannerCommand, Generic[D, R]):
    """Cancel a record; undo reverts it to the status it was cancelled from."""

    ops: CodedOps[D, R]

    def __init__(self, ctx: AppContext, text: str, code: str, reason: str) -> None:
        super().__init__(ctx, text)
        self.code = code
        self.reason = reason
        self.before: D | None = None

    def forward(self, session: Session) -> OpChanges:
        self.before = self.ops.header(session, self.code)
        return self.ops.cancel(session, self.code, self.reason).changes

    def backward(self, session: Session) -> OpChanges:
        assert self.before is not None
        return self.ops.revert(session, self.code, self.before).changes


class MoveCoded(PlannerCommand, Generic[D, R]):
    """Shift a record and its children by whole days (local clock times kept)."""

    ops: CodedOps[D, R]

    def __init__(self, ctx: AppContext, text: str, code: str, days: int) -> None:
        super().__init__(ctx, text)
        self.code = code
        self.days = days

    def forward(self, session: Session) -> OpChanges:
        return self.ops.move(session, self.code, days=self.days).changes

    def backward(self, session: Session) -> OpChanges:
        return self.ops.move(session, self.code, days=-self.days).changes


@dataclass(frozen=True)
class UuidOps(Generic[U, W]):
    """The operations of a record found by its UUID (a person, an organisation)."""

    model: Lasting
    create: Callable[[Session, U], OpResult[W]]
    delete: Callable[[Session, int], OpResult[U]]
    update: Callable[[Session, int, U, int | None], OpResult[W]]  # the last: expected revision


class _UuidCommand(PlannerCommand, Generic[U, W]):
    ops: UuidOps[U, W]

    def _create(self, session: Session, draft: U) -> OpChanges:
        """Create ``draft``, noting the new record's UUID in it."""
        created = self.ops.create(session, draft)
        draft.uuid = created.value.uuid
        return created.changes

    def _delete(self, session: Session, uuid: str | None) -> OpResult[U]:
        assert uuid
        return self.ops.delete(session, id_by_uuid(session, self.ops.model, uuid))


class CreateByUuid(_UuidCommand[U, W]):
    """A new record; undo deletes it, redo re-creates it with the same UUID."""

    def __init__(self, ctx: AppContext, text: str, draft: U) -> None:
        super().__init__(ctx, text)
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        return self._create(session, self.draft)

    def backward(self, session: Session) -> OpChanges:
        deleted = self._delete(session, self.draft.uuid)
        self.draft = deleted.value
        return deleted.changes


class EditByUuid(_UuidCommand[U, W]):
    """Save the editor's draft over ``before``; undo saves ``before`` back."""

    def __init__(self, ctx: AppContext, text: str, before: U, after: U, revision: int) -> None:
        super().__init__(ctx, text)
        assert before.uuid
        self.uuid = before.uuid
        self.before = before
        self.after = after
        self.revision: int | None = revision  # checked on the first run only

    def _save(self, session: Session, draft: U) -> OpChanges:
        record_id = id_by_uuid(session, self.ops.model, self.uuid)
        result = self.ops.update(session, record_id, draft, self.revision)
        self.revision = None
        return result.changes

    def forward(self, session: Session) -> OpChanges:
        return self._save(session, self.after)

    def backward(self, session: Session) -> OpChanges:
        return self._save(session, self.before)


class DeleteByUuid(_UuidCommand[U, W]):
    """Delete a record; undo re-creates it from its draft (same UUID)."""

    def __init__(self, ctx: AppContext, text: str, draft: U) -> None:
        super().__init__(ctx, text)
        assert draft.uuid
        self.draft = draft

    def forward(self, session: Session) -> OpChanges:
        deleted = self._delete(session, self.draft.uuid)
        self.draft = deleted.value
        return deleted.changes

    def backward(self, session: Session) -> OpChanges:
        return self.ops.create(session, self.draft).changes
