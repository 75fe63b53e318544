"""Importing an .ics file into a trip's itinerary or as themed events.

The whole file is read and checked before anything is written, and everything is written in the
caller's transaction: a malformed file, or an entry the rules refuse, raises ``ValidationError``
naming the line or entry, and the caller's rollback leaves the database as it was.

Entries are matched by UID: a UID this app wrote (``<uuid>@campaign-planner``) finds its record
by UUID; a foreign UID maps to ``uuid5(NAMESPACE_URL, uid)``, so importing the same file twice
updates the records of the first import instead of duplicating them.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from calendars.import_events import EventImport
from calendars.import_report import IcsImportReport, Progress
from calendars.import_trip import TripImport
from calendars.reading import read_entries
from models.enums import EventKind, ItemKind
from models.errors import ValidationError


def import_ics(session: Session, data: bytes, *, trip_code: str | None = None,
               as_events: bool = False, default_kind: str | None = None,
               progress: Progress | None = None) -> IcsImportReport:
    """Import ``data`` into the itinerary of ``trip_code``, or as themed events.

    Runs in the caller's transaction and never commits; on any error nothing must be kept
    (``with Session.begin() as s: import_ics(s, data, trip_code="TRIP-2023-007")``).
    ``default_kind`` (an item kind, or an event kind with ``as_events``) is the kind of an
    entry whose categories, title and place suggest none; ``progress(done, total)`` is called
    as entries are imported.
    """
    if (trip_code is None) == (not as_events):
        raise ValidationError("import", "请指定导入到哪个推广活动，或作为专题活动导入",
                              "Give either a trip to import into or as_events, not both")
    entries = read_entries(data)
    if trip_code is not None:
        item_kind = parse_kind(ItemKind, default_kind, ItemKind.COMPANY_VISIT)
        return TripImport(session, trip_code, item_kind, progress).run(entries)
    event_kind = parse_kind(EventKind, default_kind, EventKind.OTHER)
    return EventImport(session, event_kind, progress).run(entries)


K = TypeVar("K", ItemKind, EventKind)


def parse_kind(kinds: type[K], text: str | None, default: K) -> K:
    """A kind given by its value or its Chinese or English label; ``default`` for None."""
    if text is None or not text.strip():
        return default
    wanted = text.strip().casefold()
    for kind in kinds:
        if wanted in (kind.value, kind.zh.casefold(), kind.en.casefold()):
            return kind
    choices = "、".join(f"{k.value}（{k.zh}）" for k in kinds)
    raise ValidationError("default_kind", f"未知的类别“{text}”（可选：{choices}）",
                          f"Unknown kind '{text}' (one of {', '.join(k.value for k in kinds)})")
