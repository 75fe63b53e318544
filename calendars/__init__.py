"""Calendars (.ics): export of trips, itineraries and events, and import of partners' calendars.

Plain Python (no Qt); the command line (``cli/ics_cmd.py``) and the window call the same API:

``ExportScope(all_=False, trip_codes=(), event_codes=(), person_id=None, region=None,
industry_id=None, unit_id=None, statuses=(), start=None, end=None)``
    What an export covers (see :class:`calendars.scope.ExportScope`).

``collect(session, scope) -> CalendarData``
    Loads the scope in bulk inside the caller's session and returns plain frozen data.
    Unknown codes, people or regions raise ``NotFoundError``; bad statuses ``ValidationError``.

``render(data, lang="zh", *, alarms_minutes=None, progress=None) -> bytes``
    Pure: the .ics bytes of ``data`` (``lang`` "zh" or "en"). No clock is read, so the same
    data gives the same bytes. ``progress(done, total)`` is called while entries are built:
    call ``render`` off the UI thread for large exports. Raises ``ValidationError`` when there
    is nothing to export.

``render_parts(data, lang="zh", *, alarms_minutes=None, progress=None) -> Iterator[bytes]``
    The same bytes a batch of entries at a time (checked before the first piece), to stream.

``export_ics(session_factory, scope, lang="zh", *, alarms_minutes=None, progress=None) -> bytes``
    ``collect`` in a short session of its own, then ``render`` outside it.

``write_ics(path, data) -> Path``
    Writes the bytes atomically (no half-written file on error or a full disk).

``write_calendar(path, data, lang="zh", *, alarms_minutes=None, progress=None) -> Path``
    ``render`` straight into ``path``, a batch of entries at a time and atomically: the same
    bytes without holding the whole file (an export of everything is ~95 MB at scale).

``import_ics(session, data, *, trip_code=None, as_events=False) -> IcsImportReport``
    Reads a calendar into a trip's itinerary (``trip_code``) or as themed events
    (``as_events=True``), in the caller's transaction; entries update the records of an
    earlier import by UID. A malformed file raises ``ValidationError`` naming the line or
    entry; the caller's rollback then leaves nothing written.

``uid_of(uuid)`` gives the calendar UID of a record (``<uuid>@campaign-planner``).
"""

from calendars.build import uid_of
from calendars.collect import CalendarData, collect
from calendars.export import (
    export_ics,
    render,
    render_parts,
    write_calendar,
    write_ics,
    write_parts,
)
from calendars.import_report import IcsImportReport
from calendars.importer import import_ics
from calendars.scope import ExportScope

__all__ = [
    "CalendarData",
    "ExportScope",
    "IcsImportReport",
    "collect",
    "export_ics",
    "import_ics",
    "render",
    "render_parts",
    "uid_of",
    "write_calendar",
    "write_ics",
    "write_parts",
]
