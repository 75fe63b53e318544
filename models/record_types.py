"""The kinds of record the audit history keeps, by the table they are stored in.

The values are table names and are stored in ``audit_log.record_type`` and
``audit_log.parent_type``: never change one. :class:`models.changes.RecordKind` names the same
kinds for what an operation changed; :meth:`RecordType.kind` and :func:`record_type_of` map
between the two, and the labels live here only.
"""

from __future__ import annotations

from enum import StrEnum

from models.changes import RecordKind
from models.language import Lang


class RecordType(StrEnum):
    """A kind of editable record, valued by its table name."""

    CAMPAIGNS = "campaigns"
    TRIPS = "trips"
    ITINERARY_ITEMS = "itinerary_items"
    THEMED_EVENTS = "themed_events"
    AGENDA_SESSIONS = "agenda_sessions"
    PEOPLE = "people"
    ORGANISATIONS = "organisations"
    LEADS = "leads"
    HQ_VISITS = "hq_visits"

    @property
    def labels(self) -> tuple[str, str]:
        """(Chinese, English) name of the kind: ("推广活动", "trip")."""
        return _LABELS[self]

    def label(self, lang: Lang = Lang.ZH) -> str:
        zh, en = _LABELS[self]
        return lang.pick(zh, en)

    @property
    def kind(self) -> RecordKind:
        """The same kind as an operation's change names it."""
        return _KINDS[self]

    @classmethod
    def parse(cls, value: str) -> RecordType | None:
        """The record type named by a table name, or None for any other text."""
        try:
            return cls(value)
        except ValueError:
            return None


_LABELS: dict[RecordType, tuple[str, str]] = {
    RecordType.CAMPAIGNS: ("年度计划", "campaign"),
    RecordType.TRIPS: ("推广活动", "trip"),
    RecordType.ITINERARY_ITEMS: ("行程事项", "itinerary item"),
    RecordType.THEMED_EVENTS: ("专题活动", "event"),
    RecordType.AGENDA_SESSIONS: ("议程", "agenda session"),
    RecordType.PEOPLE: ("人员", "person"),
    RecordType.ORGANISATIONS: ("机构", "organisation"),
    RecordType.LEADS: ("项目", "lead"),
    RecordType.HQ_VISITS: ("总部拜访", "HQ visit"),
}

_KINDS: dict[RecordType, RecordKind] = {
    RecordType.CAMPAIGNS: RecordKind.CAMPAIGN,
    RecordType.TRIPS: RecordKind.TRIP,
    RecordType.ITINERARY_ITEMS: RecordKind.ITEM,
    RecordType.THEMED_EVENTS: RecordKind.EVENT,
    RecordType.AGENDA_SESSIONS: RecordKind.SESSION,
    RecordType.PEOPLE: RecordKind.PERSON,
    RecordType.ORGANISATIONS: RecordKind.ORGANISATION,
    RecordType.LEADS: RecordKind.LEAD,
    RecordType.HQ_VISITS: RecordKind.HQ_VISIT,
}

_TYPES: dict[RecordKind, RecordType] = {kind: record_type for record_type, kind in _KINDS.items()}


def record_type_of(kind: RecordKind) -> RecordType | None:
    """The audit history's record type of an operation's record kind (None: units, not audited)."""
    return _TYPES.get(kind)


def kind_label(table: str) -> str:
    """The Chinese name of a kind of record by its table name; the table name if not a record."""
    record_type = RecordType.parse(table)
    return record_type.labels[0] if record_type is not None else table
