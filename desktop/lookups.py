"""The window's reference data (``models.lookups``), cached until one of them changes."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.context import AppContext
from models.changes import OpChanges, RecordKind
from models.lookups import Lookups, load_lookups

CHANGES = (RecordKind.PERSON, RecordKind.ORGANISATION, RecordKind.UNIT, RecordKind.CAMPAIGN)


class LookupCache(QObject):
    """The window's lookups, loaded on first use and again after the directory changes."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self._lookups: Lookups | None = None
        ctx.data_changed.connect(self._changed)

    def _changed(self, changes: OpChanges) -> None:
        if changes.touches(*CHANGES):
            self._lookups = None

    def get(self) -> Lookups:
        if self._lookups is None:
            with self.ctx.sessions() as session:
                self._lookups = load_lookups(session)
        return self._lookups
