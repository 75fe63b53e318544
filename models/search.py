"""What the toolbar's search box finds as you type: trips, events, people and organisations by
code and name, at most a page of them; and the trip or event a code names.

Every word typed must occur (case-insensitively, anywhere) in the code, a name or a person's
position. The matching is done in SQL with a LIMIT, so ten years of history cost the few rows
shown: codes that begin with the text come first, then names that begin with it, then the
rest; within each, trips (newest first), events (newest first), people, organisations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, literal, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from models.changes import RecordKind
from models.events import ThemedEvent
from models.language import Lang
from models.organisations import Organisation
from models.people import Person
from models.rows import pick
from models.trips import Trip

SEARCH_LIMIT = 20  # the suggestions shown under the box (15 visible, the rest by scrolling)

CODE_PREFIX, NAME_PREFIX, CONTAINS = 0, 1, 2  # how well an entry matches, best first


@dataclass(frozen=True)
class SearchEntry:
    """One thing found: its kind and id, and the words it is found by."""

    kind: RecordKind  # TRIP, EVENT, PERSON or ORGANISATION
    id: int
    code: str  # trips and events; "" for people and organisations
    name_zh: str  # a title or a name
    name_en: str
    position_zh: str = ""  # a person's job title
    position_en: str = ""

    def position(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.position_zh, self.position_en, lang)


def _escaped(word: str) -> str:
    """``word`` for a LIKE pattern: its own % and _ match only themselves."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _holds(column: InstrumentedAttribute[str], word: str) -> ColumnElement[bool]:
    return column.ilike(f"%{_escaped(word)}%", escape="\\")


def _begins(column: InstrumentedAttribute[str], word: str) -> ColumnElement[bool]:
    return column.ilike(f"{_escaped(word)}%", escape="\\")


def _matching(stmt: Select[*tuple[Any, ...]], words: list[str],
              code: InstrumentedAttribute[str] | None, names: list[InstrumentedAttribute[str]],
              limit: int) -> Select[*tuple[Any, ...]]:
    """``stmt`` narrowed to the rows holding every word, with its rank first in the order."""
    searched = ([code] if code is not None else []) + names
    every_word = and_(*[or_(*[_holds(c, w) for c in searched]) for w in words])
    whole = " ".join(words)
    ranks = [(or_(*[_begins(n, whole) for n in names]), literal(NAME_PREFIX))]
    if code is not None:
        ranks.insert(0, (_begins(code, whole), literal(CODE_PREFIX)))
    rank = case(*ranks, else_=literal(CONTAINS)).label("rank")
    return stmt.add_columns(rank).where(every_word).order_by(rank).limit(limit)


def find_entries(session: Session, text: str, limit: int = SEARCH_LIMIT) -> list[SearchEntry]:
    """At most ``limit`` entries holding every word of ``text``, best matches first; nothing
    for an empty text. Four statements, each reading at most ``limit`` rows."""
    words = text.split()
    if not words or limit <= 0:
        return []
    found: list[tuple[int, int, int, SearchEntry]] = []  # (rank, kind order, n, entry)
    trips = _matching(select(Trip.id, Trip.code, Trip.title_zh, Trip.title_en), words,
                      Trip.code, [Trip.title_zh, Trip.title_en], limit)
    for n, (i, code, zh, en, rank) in enumerate(session.execute(
            trips.order_by(Trip.start_date.desc(), Trip.id.desc()))):
        found.append((rank, 0, n, SearchEntry(RecordKind.TRIP, i, code, zh, en)))
    events = _matching(select(ThemedEvent.id, ThemedEvent.code, ThemedEvent.title_zh,
                              ThemedEvent.title_en), words, ThemedEvent.code,
                       [ThemedEvent.title_zh, ThemedEvent.title_en], limit)
    for n, (i, code, zh, en, rank) in enumerate(session.execute(
            events.order_by(ThemedEvent.starts_at.desc(), ThemedEvent.id.desc()))):
        found.append((rank, 1, n, SearchEntry(RecordKind.EVENT, i, code, zh, en)))
    people = _matching(select(Person.id, Person.name_zh, Person.name_en, Person.title_zh,
                              Person.title_en), words, None,
                       [Person.name_zh, Person.name_en, Person.title_zh, Person.title_en],
                       limit)
    for n, (i, zh, en, title_zh, title_en, rank) in enumerate(session.execute(
            people.order_by(Person.kind, Person.id))):
        found.append((rank, 2, n, SearchEntry(RecordKind.PERSON, i, "", zh, en, title_zh,
                                              title_en)))
    organisations = _matching(select(Organisation.id, Organisation.name_zh,
                                     Organisation.name_en), words, None,
                              [Organisation.name_zh, Organisation.name_en], limit)
    for n, (i, zh, en, rank) in enumerate(session.execute(
            organisations.order_by(Organisation.name_zh, Organisation.id))):
        found.append((rank, 3, n, SearchEntry(RecordKind.ORGANISATION, i, "", zh, en)))
    found.sort(key=lambda f: f[:3])
    return [entry for *_order, entry in found[:limit]]


@dataclass(frozen=True)
class CodeTarget:
    """The record a trip or event code names."""

    kind: RecordKind  # TRIP or EVENT
    id: int


def trip_or_event(session: Session, code: str) -> CodeTarget | None:
    """The trip with this exact code, else the event, else None."""
    trip_id = session.scalar(select(Trip.id).where(Trip.code == code))
    if trip_id is not None:
        return CodeTarget(RecordKind.TRIP, trip_id)
    event_id = session.scalar(select(ThemedEvent.id).where(ThemedEvent.code == code))
    if event_id is not None:
        return CodeTarget(RecordKind.EVENT, event_id)
    return None
