"""The window's reference data (``models.lookups``), cached until one of them changes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.context import AppContext
from desktop.worker import Progress, start_job
from models.changes import OpChanges, RecordKind
from models.enums import PersonKind
from models.language import Lang
from models.lookups import Lookups, load_lookups

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

CHANGES = (RecordKind.PERSON, RecordKind.ORGANISATION, RecordKind.UNIT, RecordKind.CAMPAIGN)


class LookupCache(QObject):
    """The window's lookups, loaded on first use and again after the directory changes."""

    def __init__(self, ctx: AppContext, owner: QObject) -> None:
        super().__init__(owner)  # its reads are the window's jobs: stopped when it closes
        self.ctx = ctx
        self._lookups: Lookups | None = None
        self._generation = 0  # one more at each change of the reference data
        ctx.data_changed.connect(self._changed)

    def _changed(self, changes: OpChanges) -> None:
        if changes.touches(*CHANGES):
            in_use = self._lookups is not None
            self._lookups = None
            self._generation += 1
            if in_use and self.ctx.background_loading:
                self._read_again()

    def _read_again(self) -> None:
        """Read the changed lookups on a worker thread: the next editor opens without reading
        20,000 organisations on the window's thread (0.3 s at ten years of history)."""
        sessions, generation = self.ctx.sessions, self._generation

        def work(_progress: Progress) -> Lookups:
            with sessions() as session:
                return load_lookups(session)

        job = start_job(work, self)
        job.succeeded.connect(lambda lookups: self._read(generation, lookups))

    def _read(self, generation: int, lookups: Lookups) -> None:
        if generation == self._generation and self._lookups is None:  # not changed since
            self._lookups = lookups

    def read_ahead(self, then: Callable[[Session], object]) -> None:
        """Read the lookups on a worker thread now, with the pickers' labels in the window's
        language, if no editor has asked for them yet: the window calls it once its first view
        is filled, so that the first editor opens without reading 20,000 organisations on the
        window's thread (~0.3 s at ten years of history). ``then(session)``, in the same
        session, reads what the first editor reads (its statements are compiled once a
        process). Nothing when background loading is off (tests, screenshots)."""
        if self._lookups is not None or not self.ctx.background_loading:
            return
        sessions, generation, lang = self.ctx.sessions, self._generation, self.ctx.lang

        def work(progress: Progress) -> Lookups:
            with sessions() as session:
                lookups = load_lookups(session)
                progress(1, 3)  # each step: stop here when the window is closing
                try:
                    then(session)
                except Exception as exc:  # only a head start: the editor reads it anyway
                    log.info("reading ahead for the first editor failed: %s", exc)
            progress(2, 3)
            for choices in (organisation_choices, leader_choices, city_choices):
                choices(lookups, lang)
            return lookups

        job = start_job(work, self)
        job.succeeded.connect(lambda lookups: self._read(generation, lookups))

    @property
    def loaded(self) -> bool:
        """Whether the lookups are at hand (the next editor reads none)."""
        return self._lookups is not None

    def get(self) -> Lookups:
        """The lookups, read here the first time an editor asks for them (not at start, nor
        for a view that shows none of them)."""
        if self._lookups is None:
            with self.ctx.sessions() as session:
                self._lookups = load_lookups(session)
        return self._lookups


def _labels(lookups: Lookups, lang: Lang, what: str,
            make: Callable[[], list[tuple[str, int]]]) -> list[tuple[str, int]]:
    """The labels ``make`` gives, made once per lookups and language and kept with the lookups
    (``Lookups.made``): the read ahead's worker and the window's thread may both ask, each for
    its own lookups; the first list kept is the one both get (``setdefault`` is atomic with a
    key of plain text)."""
    key = (what, lang.value)
    found: list[tuple[str, int]] | None = lookups.made.get(key)
    if found is None:
        found = lookups.made.setdefault(key, make())
    return found


def organisation_choices(lookups: Lookups, lang: Lang) -> list[tuple[str, int]]:
    """(name, id) of every organisation, made once per loaded lookups and language and shared
    by the editors' pickers (20,000 names at ten years of history). Do not change the list."""
    return _labels(lookups, lang, "organisations",
                   lambda: [(o.name(lang), o.id) for o in lookups.organisations])


def city_choices(lookups: Lookups, lang: Lang) -> list[tuple[str, int]]:
    """(place · region, id) of every city, as the trip editor's destinations list them, made
    once per loaded lookups and language (the English place names read CLDR's data once)."""
    def make() -> list[tuple[str, int]]:
        from models.wording import place_name

        regions = {r.id: r for r in lookups.regions}
        return [(f"{place_name(c.name(lang), c.country_code, lang)} · "
                 f"{regions[c.region_id].name(lang) if c.region_id in regions else ''}", c.id)
                for c in lookups.cities]

    return _labels(lookups, lang, "cities", make)


def leader_choices(lookups: Lookups, lang: Lang) -> list[tuple[str, int]]:
    """(name · position, id) of every person, city leaders first and external contacts last,
    made once per loaded lookups and language."""
    def make() -> list[tuple[str, int]]:
        order = list(PersonKind)
        people = sorted(lookups.people, key=lambda p: (order.index(p.kind), p.name_zh))
        return [(f"{p.name(lang)} · {p.title(lang)}" if p.title(lang) else p.name(lang), p.id)
                for p in people]

    return _labels(lookups, lang, "leaders", make)
