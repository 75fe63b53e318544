"""What an operation changed: the kinds of records and their ids (after Anki's ``OpChanges``).

Every operation in ``models.operations`` returns an :class:`OpResult`: its value (a row, an
id, the draft that re-creates a deleted record) and the :class:`OpChanges` it made. Undo
commands forward the changes and the window's views refresh only what they show.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Generic, TypeVar

T = TypeVar("T")


class RecordKind(StrEnum):
    """The kinds of record an operation changes and a view shows."""

    CAMPAIGN = "campaign"
    TRIP = "trip"
    ITEM = "item"  # an itinerary item of a trip
    EVENT = "event"
    SESSION = "session"  # an agenda session of an event
    PERSON = "person"
    ORGANISATION = "organisation"
    LEAD = "lead"
    HQ_VISIT = "hq_visit"
    TEAM = "team"  # a team of the 百队千企 campaign
    TARGET = "target"  # the target list (千企)
    UNIT = "unit"
    ACCOUNT = "account"  # an account of the shared server


def _frozen(ids: Mapping[RecordKind, frozenset[int]]) -> Mapping[RecordKind, frozenset[int]]:
    return MappingProxyType({k: frozenset(v) for k, v in ids.items()})


@dataclass(frozen=True)
class OpChanges:
    """Records changed by one action. An empty id set for a kind means "some, unknown which"."""

    ids: Mapping[RecordKind, frozenset[int]] = field(default_factory=lambda: _frozen({}))
    everything: bool = False  # a load, a restore: every view refreshes everything

    @classmethod
    def of(cls, kind: RecordKind, *ids: int | None) -> OpChanges:
        return cls(_frozen({kind: frozenset(i for i in ids if i is not None)}))

    @classmethod
    def all(cls) -> OpChanges:
        return cls(everything=True)

    def __or__(self, other: OpChanges) -> OpChanges:
        merged: dict[RecordKind, frozenset[int]] = dict(self.ids)
        for kind, ids in other.ids.items():
            merged[kind] = merged.get(kind, frozenset()) | ids
        return OpChanges(_frozen(merged), self.everything or other.everything)

    @property
    def kinds(self) -> frozenset[RecordKind]:
        return frozenset(RecordKind) if self.everything else frozenset(self.ids)

    def touches(self, *kinds: RecordKind) -> bool:
        """Whether any of ``kinds`` changed (always true for ``everything``)."""
        return self.everything or any(k in self.ids for k in kinds)

    def ids_of(self, kind: RecordKind) -> frozenset[int]:
        return self.ids.get(kind, frozenset())

    @property
    def empty(self) -> bool:
        return not self.everything and not self.ids


def merge(changes: Iterable[OpChanges]) -> OpChanges:
    result = OpChanges()
    for change in changes:
        result = result | change
    return result


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """What an operation returns: its value and what it changed."""

    value: T
    changes: OpChanges
