"""What importing into an itinerary and importing as themed events share: an entry's zone,
instants, occurrences and record UUID, whether it is stale, and its title, times and city."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from calendars.guessing import is_city_name
from calendars.reading import IcsEntry, occurrence_key, record_uuid
from calendars.recurrence import expand
from calendars.timezones import is_utc
from models.campaign import City
from models.errors import ValidationError
from models.language import Lang
from models.operations.events import EventDraft
from models.operations.items import ItemDraft
from models.rules import timezone_name
from models.timeutil import local_to_utc

UNTITLED = "（无标题）"


def entry_error(entry: IcsEntry, exc: ValidationError) -> ValidationError:
    """A rule an entry breaks, reported with the entry it came from."""
    return ValidationError(exc.field, f"{entry.label(Lang.ZH)}：{exc.message_zh}",
                           f"{entry.label(Lang.EN)}: {exc.message_en or exc.message_zh}")


def with_entry(entry: IcsEntry, action: Callable[[], object]) -> None:
    """Run an operation; a rule it breaks is reported with the entry it came from."""
    try:
        action()
    except ValidationError as exc:
        raise entry_error(entry, exc) from exc


def zone_of(entry: IcsEntry, fallback: str) -> str:
    """The IANA zone to keep beside the entry: its own when it names one, else ``fallback``."""
    start = entry.start
    if isinstance(start, datetime) and isinstance(start.tzinfo, ZoneInfo):
        key = start.tzinfo.key
        if not is_utc(key):
            try:
                return timezone_name("timezone", key)
            except ValidationError:
                return fallback
    return fallback


def instants(entry: IcsEntry, zone: str) -> tuple[datetime, datetime]:
    """Start and end as aware instants; floating and all-day times are taken in ``zone``."""

    def instant(value: date | datetime, end_of_day: bool = False) -> datetime:
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                return value.astimezone(UTC)
            return local_to_utc(value, zone)
        if end_of_day:  # an all-day entry ends just before midnight of its exclusive end
            return local_to_utc(datetime.combine(value - timedelta(days=1), time(23, 59)), zone)
        return local_to_utc(datetime.combine(value, time()), zone)

    try:
        start = instant(entry.start)
        if entry.end is None or entry.end == entry.start:
            if isinstance(entry.start, datetime):
                return start, start + timedelta(hours=1)
            return start, instant(entry.start + timedelta(days=1), end_of_day=True)
        return start, instant(entry.end, end_of_day=not isinstance(entry.end, datetime))
    except ValidationError as exc:
        raise ValidationError("ics", f"{entry.label(Lang.ZH)}：{exc.message_zh}",
                              f"{entry.label(Lang.EN)}: {exc.message_en}") from exc


def occurrences(entries: list[IcsEntry], first: date, last: date) -> list[IcsEntry]:
    """Recurring entries expanded within ``first``..``last``; overrides replace occurrences."""
    overrides = {(e.uid, _key(e.recurrence_id)): e for e in entries if e.recurrence_id is not None}
    result: list[IcsEntry] = []
    for entry in entries:
        if entry.recurrence_id is not None:
            continue
        if not entry.recurring:
            result.append(entry)
            continue
        for occurrence in expand(entry, first, last):
            result.append(overrides.pop((entry.uid, _key(occurrence.recurrence_id)), occurrence))
    result.extend(overrides.values())  # moved occurrences of masters outside the file or window
    return result


def _key(value: date | datetime | None) -> str:
    return occurrence_key(value) if value is not None else ""


def entry_uuid(entry: IcsEntry) -> str:
    return record_uuid(entry.uid, entry.recurrence_id)


def is_stale(entry: IcsEntry, current_sequence: int) -> bool:
    """One of our own entries exported before the record's latest saved change."""
    return entry.from_us and entry.sequence < current_sequence


def apply_common(draft: ItemDraft | EventDraft, entry: IcsEntry, starts_at: datetime,
                  ends_at: datetime, zone: str, city: City | None, new: bool) -> str:
    """Title, times, zone and city of an item or event draft; returns its place text.

    A location that only names the city becomes the city, with no place text.
    """
    if entry.summary_lang == "en" and not new:
        draft.title_en = entry.summary.strip()
    else:
        draft.title_zh = entry.summary.strip() or UNTITLED
    draft.starts_at, draft.ends_at, draft.timezone = starts_at, ends_at, zone
    if city is not None:
        draft.city_id = city.id
    return "" if is_city_name(entry.location, city) else entry.location.strip()
