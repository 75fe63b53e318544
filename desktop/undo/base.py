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

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.context import AppContext
from desktop.errors_text import describe
from models.changes import OpChanges
from models.errors import PlannerError

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
