"""Calendar export: plain data to .ics bytes, and the one-call helpers the CLI and window use."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from sqlalchemy.orm import Session, sessionmaker

from calendars.build import Progress, calendar_ics, calendar_parts
from calendars.collect import CalendarData, collect
from calendars.scope import ExportScope
from models.atomic_write import atomic_file, write_bytes_atomic
from models.language import Lang


def render(data: CalendarData, lang: Lang = Lang.ZH, *, alarms_minutes: int | None = None,
           progress: Progress | None = None) -> bytes:
    """The .ics file of ``data``: UTF-8, CRLF, lines folded at 75 octets.

    Pure: the same data gives the same bytes (DTSTAMP comes from the records, not the clock).
    ``alarms_minutes`` adds a reminder that many minutes before each timed entry;
    ``progress(done, total)`` is called as entries are built (run large exports off the UI
    thread). Raises ``ValidationError`` when there is nothing to export or an option is wrong.
    """
    return calendar_ics(data, lang, alarms_minutes, progress)


def render_parts(data: CalendarData, lang: Lang = Lang.ZH, *, alarms_minutes: int | None = None,
                 progress: Progress | None = None) -> Iterator[bytes]:
    """The bytes of :func:`render` a piece at a time (a batch of entries each), to write as they
    come; the options and the scope are checked before the first piece is asked for."""
    return calendar_parts(data, lang, alarms_minutes, progress)


def export_ics(session_factory: sessionmaker[Session], scope: ExportScope, lang: Lang = Lang.ZH, *,
               alarms_minutes: int | None = None, progress: Progress | None = None) -> bytes:
    """Collect ``scope`` in a short read-only session, then render it outside the session."""
    with session_factory() as session:
        data = collect(session, scope)
    return render(data, lang, alarms_minutes=alarms_minutes, progress=progress)


def write_ics(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write a rendered calendar atomically: a reader never sees half a file."""
    return write_bytes_atomic(path, data)


def write_calendar(path: str | os.PathLike[str], data: CalendarData, lang: Lang = Lang.ZH, *,
                   alarms_minutes: int | None = None, progress: Progress | None = None) -> Path:
    """Render ``data`` straight into ``path``, atomically: the bytes of :func:`render`, written
    a batch of entries at a time (the whole file is never held in memory).

    Nothing to export or a wrong option raises before any file is opened; an error while
    writing (a full disk, an exception from ``progress``) leaves the old file, if any, as it was
    and no temporary file behind.
    """
    parts = render_parts(data, lang, alarms_minutes=alarms_minutes, progress=progress)
    with atomic_file(path) as handle:
        write_parts(handle, parts)
    return Path(path)


def write_parts(handle: IO[bytes], parts: Iterable[bytes]) -> None:
    """Write the pieces of a calendar to an open binary file as they come."""
    for part in parts:
        handle.write(part)
