"""The search box of the toolbar: codes, titles, people and organisations, as you type."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.worker import Progress, start_job
from models.changes import OpChanges, RecordKind
from models.search import search_entries


@dataclass(frozen=True)
class Hit:
    kind: str  # trip | event | person | organisation
    ident: int
    label: str


class GlobalSearch(QLineEdit):
    """Choosing a suggestion emits ``chosen(kind, id)``; the index is rebuilt after changes."""

    chosen = Signal(str, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hits: list[Hit] = []
        self.stale = True
        self._kinds = (self.tr("Trip"), self.tr("Event"), self.tr("Person"),
                       self.tr("Organisation"))
        self.setPlaceholderText(self.tr("Search codes, titles, people, organisations (Ctrl+F)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(360)
        self.words = QStringListModel(self)
        self.finder = QCompleter(self.words, self)
        self.finder.setFilterMode(Qt.MatchFlag.MatchContains)
        self.finder.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.finder.setMaxVisibleItems(15)
        self.finder.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(self.finder)
        self.finder.activated.connect(self._activated)
        self.returnPressed.connect(self._return_pressed)
        ctx.data_changed.connect(self._data_changed)

    def _data_changed(self, _changes: OpChanges) -> None:
        self.stale = True
        self.hits = []

    def rebuild(self) -> None:
        """Read the index now (on this thread)."""
        with self.ctx.sessions() as session:
            self._use(self._read(session))
        self.stale = False

    def rebuild_in_background(self) -> None:
        sessions, read = self.ctx.sessions, self._read
        self.stale = False  # one load at a time; a change meanwhile marks it stale again

        def work(_progress: Progress) -> list[Hit]:
            with sessions() as session:
                return read(session)

        start_job(work, self).succeeded.connect(self._use)

    def _use(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.words.setStringList([h.label for h in hits])

    def _read(self, session: Session) -> list[Hit]:
        """Codes and titles of trips and events, people's and organisations' names (any
        thread: only plain values are read here)."""
        lang = self.ctx.lang
        trip, event, person, org = self._kinds
        hits: list[Hit] = []
        for e in search_entries(session):
            if e.kind is RecordKind.PERSON:
                label = f"{e.name_zh}  {e.name_en}  {e.position(lang)}  · {person}"
            elif e.kind is RecordKind.ORGANISATION:
                label = f"{e.name_zh}  {e.name_en}  · {org}"
            else:
                label = f"{e.code}  {e.name_zh}  {e.name_en}  · " + (
                    trip if e.kind is RecordKind.TRIP else event)
            hits.append(Hit(e.kind.value, e.id, label))
        return hits

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if self.stale:
            if self.ctx.background_loading:
                self.rebuild_in_background()
            else:
                self.rebuild()
        super().focusInEvent(event)

    def search_hits(self, text: str) -> list[Hit]:
        """The hits whose label holds every word of ``text`` (case-insensitive)."""
        if self.stale or not self.hits:
            self.rebuild()
        words = text.casefold().split()
        return [h for h in self.hits if all(w in h.label.casefold() for w in words)]

    def _activated(self, label: str) -> None:
        hit = next((h for h in self.hits if h.label == label), None)
        if hit is not None:
            self.chosen.emit(hit.kind, hit.ident)
            self.clear()

    def _return_pressed(self) -> None:
        if not self.text().strip():  # the suggestion chosen with Enter has cleared the box
            return
        hits = self.search_hits(self.text())
        if hits:
            self.chosen.emit(hits[0].kind, hits[0].ident)
            self.clear()
