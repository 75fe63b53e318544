"""What the toolbar's search box finds: trips, events, people and organisations by code and
name, and the trip or event a code names."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.changes import RecordKind
from models.events import ThemedEvent
from models.language import Lang
from models.lookups import organisation_refs, person_refs
from models.rows import pick
from models.trips import Trip


@dataclass(frozen=True)
class SearchEntry:
    """One thing to find: its kind and id, and the words it is found by."""

    kind: RecordKind  # TRIP, EVENT, PERSON or ORGANISATION
    id: int
    code: str  # trips and events; "" for people and organisations
    name_zh: str  # a title or a name
    name_en: str
    position_zh: str = ""  # a person's job title
    position_en: str = ""

    def position(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.position_zh, self.position_en, lang)


def search_entries(session: Session) -> list[SearchEntry]:
    """Trips (newest first), events (newest first), people, then organisations."""
    entries = [SearchEntry(RecordKind.TRIP, i, code, zh, en)
               for i, code, zh, en in session.execute(
                   select(Trip.id, Trip.code, Trip.title_zh, Trip.title_en)
                   .order_by(Trip.start_date.desc()))]
    entries += [SearchEntry(RecordKind.EVENT, i, code, zh, en)
                for i, code, zh, en in session.execute(
                    select(ThemedEvent.id, ThemedEvent.code, ThemedEvent.title_zh,
                           ThemedEvent.title_en).order_by(ThemedEvent.starts_at.desc()))]
    entries += [SearchEntry(RecordKind.PERSON, p.id, "", p.name_zh, p.name_en, p.title_zh,
                            p.title_en) for p in person_refs(session)]
    entries += [SearchEntry(RecordKind.ORGANISATION, o.id, "", o.name_zh, o.name_en)
                for o in organisation_refs(session)]
    return entries


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
