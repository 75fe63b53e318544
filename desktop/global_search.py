"""The search box of the toolbar: codes, titles, people and organisations, as you type.

Each pause in typing (150 ms) asks the database for the best matches, at most a page of them
(:func:`models.search.find_entries`, a LIMIT query): on a worker thread in the window, so ten
years of history never hold up the keyboard. The suggestions drop down under the box; Enter
takes the highlighted one, or the best match when none is highlighted.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QStringListModel, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyle, QWidget
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.worker import Progress, start_job
from models.changes import OpChanges, RecordKind
from models.search import SEARCH_LIMIT, find_entries

TYPING_PAUSE_MS = 150
POPUP_MAX_WIDTH = 760  # a long English company name is cut here (the rest in its record)


@dataclass(frozen=True)
class Hit:
    kind: str  # trip | event | person | organisation
    ident: int
    label: str


class GlobalSearch(QLineEdit):
    """Choosing a suggestion emits ``chosen(kind, id)``."""

    chosen = Signal(str, int)
    suggested = Signal()  # new suggestions are in the list (tests and the benchmark wait on it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hits: list[Hit] = []
        self.searched = ""  # the text the suggestions were found for
        self._generation = 0  # an answer older than the latest question is dropped
        self._kinds = (self.tr("Trip"), self.tr("Event"), self.tr("Person"),
                       self.tr("Organisation"))
        self.setPlaceholderText(self.tr("Search codes, titles, people, organisations (Ctrl+F)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(360)
        self.words = QStringListModel(self)
        self.finder = QCompleter(self.words, self)
        self.finder.setWidget(self)  # shown by us when the answer comes, not by each key
        self.finder.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.finder.setMaxVisibleItems(15)
        self.finder.activated.connect(self._activated)
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.suggest)
        self.textEdited.connect(lambda _t: self._pause.start())
        self.returnPressed.connect(self._return_pressed)
        ctx.data_changed.connect(self._data_changed)

    def _data_changed(self, _changes: OpChanges) -> None:
        self.hits = []  # a renamed or deleted record: ask again
        self.searched = ""
        self.words.setStringList([])

    def suggest(self) -> None:
        """Find the suggestions for the text now in the box: on a worker thread in the
        window, at once when ``ctx.background_loading`` is off (tests, screenshots)."""
        self._generation += 1
        generation, text = self._generation, self.text()
        if not text.strip():
            self._use(generation, text, [])
            return
        if not self.ctx.background_loading:
            self._use(generation, text, self.search_hits(text))
            return
        sessions, read = self.ctx.sessions, self._read

        def work(_progress: Progress) -> list[Hit]:
            with sessions() as session:
                return read(session, text)

        start_job(work, self).succeeded.connect(
            lambda hits: self._use(generation, text, hits))

    def _use(self, generation: int, text: str, hits: list[Hit]) -> None:
        if generation != self._generation:
            return
        self.hits, self.searched = hits, text
        self.words.setStringList([h.label for h in hits])
        if hits and self.hasFocus():
            self.finder.setCompletionPrefix("")
            self.finder.complete(QRect(0, 0, self._popup_width(), self.height()))
        else:
            self._hide_popup()
        self.suggested.emit()

    def _popup_width(self) -> int:
        """As wide as the longest suggestion (code, both names, kind), at least the box's width
        and at most ``POPUP_MAX_WIDTH``."""
        popup = self.finder.popup()
        if popup is None:
            return self.width()
        room = popup.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 16
        return min(max(self.width(), popup.sizeHintForColumn(0) + room), POPUP_MAX_WIDTH)

    def _hide_popup(self) -> None:
        popup = self.finder.popup()
        if popup is not None:
            popup.hide()

    def _read(self, session: Session, text: str) -> list[Hit]:
        """The best matches for ``text`` as labels: code, names and kind (any thread: only
        plain values are read here)."""
        lang = self.ctx.lang
        trip, event, person, org = self._kinds
        hits: list[Hit] = []
        for e in find_entries(session, text, SEARCH_LIMIT):
            if e.kind is RecordKind.PERSON:
                label = f"{e.name_zh}  {e.name_en}  {e.position(lang)}  · {person}"
            elif e.kind is RecordKind.ORGANISATION:
                label = f"{e.name_zh}  {e.name_en}  · {org}"
            else:
                label = f"{e.code}  {e.name_zh}  {e.name_en}  · " + (
                    trip if e.kind is RecordKind.TRIP else event)
            hits.append(Hit(e.kind.value, e.id, label))
        return hits

    def search_hits(self, text: str) -> list[Hit]:
        """The best matches for ``text``, read now (on this thread: one LIMIT query a kind);
        they are the ones a suggestion chosen next is looked up in."""
        with self.ctx.sessions() as session:
            self.hits, self.searched = self._read(session, text), text
        return self.hits

    def _activated(self, label: str) -> None:
        hit = next((h for h in self.hits if h.label == label), None)
        if hit is not None:
            self.chosen.emit(hit.kind, hit.ident)
            self._pause.stop()
            self.clear()

    def _return_pressed(self) -> None:
        text = self.text()
        if not text.strip():  # the suggestion chosen with Enter has cleared the box
            return
        hits = self.hits if text == self.searched and self.hits else self.search_hits(text)
        if hits:
            self._pause.stop()
            self._hide_popup()
            self.chosen.emit(hits[0].kind, hits[0].ident)
            self.clear()
