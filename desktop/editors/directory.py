"""What the editors of the directory (people, organisations, units) share.

Each edits one record by id (None until a new record is first saved), holds the draft it
loaded in ``loaded``, and saves through a "new" or an "edit" command of its own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.editors.base import EditorDialog
from desktop.undo.base import PlannerCommand
from models.changes import RecordKind


class DirectoryEditor(EditorDialog):
    """Base of the person, organisation and unit editors."""

    record_kind: RecordKind  # what a save of a new record creates

    def __init__(self, ctx: AppContext, record_id: int | None, loaded: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._record_id = record_id
        self.revision = 0
        self.loaded = loaded

    def create_command(self, draft: Any) -> PlannerCommand:
        """The command that creates a new record from ``draft``."""
        raise NotImplementedError

    def edit_command(self, draft: Any) -> PlannerCommand:
        """The command that saves ``draft`` over the loaded record."""
        raise NotImplementedError

    def record_id(self) -> int | None:
        return self._record_id

    def is_dirty(self) -> bool:
        return bool(self.draft() != self.loaded)

    def build_command(self) -> PlannerCommand | None:
        draft = self.draft()
        if self._record_id is None:
            return self.create_command(draft)
        if draft == self.loaded:
            return None
        return self.edit_command(draft)

    def after_save(self, command: PlannerCommand) -> None:
        if self._record_id is None:
            self._record_id = min(command.changes.ids_of(self.record_kind))
        self.reload()
