"""Expanding a recurring entry (RRULE, RDATE, EXDATE) into its occurrences within a window.

Occurrences are computed in the wall-clock time of the entry's own zone, so "09:00 every day"
stays 09:00 across a daylight-saving change (RFC 5545 section 3.3.10), then put back in that
zone. dateutil.rrule does the arithmetic; icalendar already depends on it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from dateutil.rrule import rrule, rruleset, rrulestr
from icalendar import vRecur

from calendars.reading import DateOrTime, IcsEntry
from models.errors import ValidationError
from models.language import Lang

MAX_OCCURRENCES = 1000  # within the window
MAX_STEPS = 200_000  # rule steps walked from DTSTART to the end of the window


def _values(component: Any, name: str) -> list[Any]:
    """The date values of every RDATE/EXDATE line (periods give their start)."""
    found = component.get(name)
    if found is None:
        return []
    found = found if isinstance(found, list) else [found]
    values = []
    for prop in found:
        for item in prop.dts:
            value = item.dt
            values.append(value[0] if isinstance(value, tuple) else value)
    return values


def _wall(value: DateOrTime, tz: tzinfo | None) -> datetime:
    """``value`` as a naive wall-clock time in ``tz`` (the zone of the entry's DTSTART)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None and tz is not None:
            return value.astimezone(tz).replace(tzinfo=None)
        return value.replace(tzinfo=None)
    return datetime.combine(value, time())


def _rule(recur: vRecur, base: datetime, tz: tzinfo | None) -> rrule:
    without_until = vRecur({k: v for k, v in recur.items() if k.upper() != "UNTIL"})
    rule = rrulestr(without_until.to_ical().decode(), dtstart=base)
    assert isinstance(rule, rrule)
    until = recur.get("UNTIL")
    if until:
        value = until[0]
        limit = (_wall(value, tz) if isinstance(value, datetime)
                 else datetime.combine(value, time(23, 59, 59)))
        rule = rule.replace(until=limit)
    return rule


def expand(entry: IcsEntry, first: date, last: date) -> list[IcsEntry]:
    """The occurrences of ``entry`` whose start lies on ``first``..``last`` (wall-clock dates).

    Each occurrence is an IcsEntry with ``recurrence_id`` set to its original start.
    """
    component = entry.component
    assert component is not None
    start = entry.start
    tz = start.tzinfo if isinstance(start, datetime) else None
    base = _wall(start, tz)
    duration = None if entry.end is None else entry.end - start
    rules = rruleset()
    try:
        recurs = component.get("RRULE")
        for recur in recurs if isinstance(recurs, list) else [recurs] if recurs else []:
            rules.rrule(_rule(recur, base, tz))
        rules.rdate(base)
        for value in _values(component, "RDATE"):
            rules.rdate(_wall(value, tz))
        for value in _values(component, "EXDATE"):
            rules.exdate(_wall(value, tz))
    except (ValueError, TypeError, KeyError) as exc:
        raise ValidationError(
            "ics", f"日历文件有误，{entry.label(Lang.ZH)}：重复规则无法读取（{exc}）",
            f"Malformed calendar: {entry.label(Lang.EN)}: its recurrence rule cannot be read ({exc})",
        ) from exc
    window_start = datetime.combine(first, time())
    window_end = datetime.combine(last + timedelta(days=1), time())
    found: list[IcsEntry] = []
    for step, wall in enumerate(rules):
        if wall >= window_end:
            break
        if step > MAX_STEPS or len(found) >= MAX_OCCURRENCES:
            raise ValidationError(
                "ics", f"{entry.label(Lang.ZH)}的重复规则产生的日程过多",
                f"The recurrence rule of {entry.label(Lang.EN)} gives too many occurrences",
            )
        if wall < window_start:
            continue
        occurrence: DateOrTime = wall.replace(tzinfo=tz) if isinstance(start, datetime) \
            else wall.date()
        end = None if duration is None else occurrence + duration
        found.append(replace(entry, start=occurrence, end=end, recurrence_id=occurrence,
                             component=None))
    return found
