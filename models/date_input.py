"""Dates and times as office staff type them: ``2024-02-05``, ``2024-2-5``, ``2/5``, ``2月5日``.

A day without a year is in ``default_year`` (the campaign's year in the window); month comes
before day, as Chinese writes it. A time, when given, follows the day after a space
(``2/5 9:30``). Text that names no real day gives None: the field keeps its value.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

_DAY = re.compile(
    r"(?:(?P<year>\d{4})\s*(?:[-/.]|年)\s*)?(?P<month>\d{1,2})\s*(?:[-/.]|月)\s*"
    r"(?P<day>\d{1,2})\s*日?|(?P<compact>\d{8})")
_TIME = re.compile(r"(?P<hour>\d{1,2})\s*[:：.]\s*(?P<minute>\d{2})|(?P<hhmm>\d{4})")
_TYPING = re.compile(r"[\d\s\-/.:：年月日]*")  # what a date being typed may contain


def parse_day(text: str, default_year: int) -> date | None:
    """The day ``text`` names, or None."""
    found = _DAY.fullmatch(text.strip())
    return _day_of(found, default_year) if found else None


def parse_moment(text: str, default_year: int, default_time: time) -> datetime | None:
    """The day and time ``text`` names (``default_time`` when only a day is typed), or None."""
    head, _space, tail = text.strip().partition(" ")
    found = _DAY.fullmatch(head)
    if found is None:  # 2024 年 2 月 5 日 may hold spaces: try the whole text as a day
        day = parse_day(text, default_year)
        return datetime.combine(day, default_time) if day else None
    day = _day_of(found, default_year)
    if day is None:
        return None
    if not tail.strip():
        return datetime.combine(day, default_time)
    clock = _TIME.fullmatch(tail.strip())
    if clock is None:
        return None
    hour, minute = ((int(clock["hour"]), int(clock["minute"])) if clock["hour"] is not None
                    else (int(clock["hhmm"][:2]), int(clock["hhmm"][2:])))
    if hour > 23 or minute > 59:
        return None
    return datetime.combine(day, time(hour, minute))


def may_become_date(text: str) -> bool:
    """Whether ``text`` could still become a date as the user goes on typing."""
    return _TYPING.fullmatch(text) is not None


def _day_of(found: re.Match[str], default_year: int) -> date | None:
    if found["compact"]:
        digits = found["compact"]
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    else:
        year = int(found["year"]) if found["year"] else default_year
        month, day = int(found["month"]), int(found["day"])
    try:
        return date(year, month, day)
    except ValueError:
        return None
