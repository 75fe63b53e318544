"""One finding of the checks: what, how bad, why (in Chinese and English) and about which records."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from models.changes import RecordKind
from models.enums import ConflictKind, Severity
from models.language import Lang


@dataclass(frozen=True)
class Concern:
    """A record a finding is about, and the field of it to flag."""

    kind: RecordKind
    id: int
    field: str = ""


@dataclass(frozen=True)
class Acknowledgement:
    """Who accepted a warning, when and why."""

    by: str
    at: datetime
    reason: str


@dataclass(frozen=True)
class Conflict:
    """One finding. ``codes`` names the trips/events concerned, ``field`` the field to flag.

    ``concerns`` lists every record concerned (kind, id, field); ``key`` tells two findings of
    one kind about the same records apart (a day, an item). ``ack`` is set on a warning that was
    acknowledged and whose records have not changed since.
    """

    kind: ConflictKind
    severity: Severity
    codes: tuple[str, ...]
    field: str
    message_zh: str
    message_en: str
    person_id: int | None = None
    item_id: int | None = None
    concerns: tuple[Concern, ...] = ()
    key: str = ""
    ack: Acknowledgement | None = None

    def text(self, lang: Lang = Lang.ZH) -> str:
        return lang.pick(self.message_zh, self.message_en)

    @cached_property
    def id(self) -> str:
        """A short stable id (``check ack ID``): the same finding keeps it across runs (worked
        out once: sorting, acknowledging and printing ten years' findings ask it three times)."""
        parts = [self.kind.value, self.key, *self.codes,
                 *(f"{c.kind.value}:{c.id}:{c.field}" for c in self.concerns)]
        if self.person_id is not None:
            parts.append(f"p{self.person_id}")
        if self.item_id is not None:
            parts.append(f"i{self.item_id}")
        return hashlib.sha1("|".join(parts).encode()).hexdigest()[:8]

    def field_for(self, kind: RecordKind, record_id: int) -> str:
        """The field to flag in the editor of that record (the finding's own if none given)."""
        for concern in self.concerns:
            if concern.kind is kind and concern.id == record_id and concern.field:
                return concern.field
        return self.field

    def target(self) -> Concern | None:
        """The record to open for this finding: a trip, an event or a person, with its field."""
        for kind in (RecordKind.TRIP, RecordKind.EVENT, RecordKind.PERSON):
            for concern in self.concerns:
                if concern.kind is kind:
                    return concern
        return None

    @property
    def is_open(self) -> bool:
        return self.ack is None
