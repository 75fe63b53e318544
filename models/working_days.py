"""China's working days: the day a new trip or event starts on by default.

A working day is a weekday that is not a public holiday, or a weekend worked to make up for
one (调休上班), as ``chinese-calendar`` has them; beyond its table, weekdays that are not
holidays in the ``holidays`` package.
"""

from __future__ import annotations

from datetime import date, timedelta

from models.checks.calendars import china_day


def is_working_day(day: date) -> bool:
    known = china_day(day)
    if known.holiday is not None:
        return False
    return day.weekday() < 5 or known.moved_workday


def next_working_day(after: date) -> date:
    """The first working day after ``after`` in the same year (the year's last one when none
    is left: a new record stays in the campaign's year)."""
    day = after + timedelta(days=1)
    while day.year == after.year:
        if is_working_day(day):
            return day
        day += timedelta(days=1)
    day = date(after.year, 12, 31)
    while not is_working_day(day) and day > date(after.year, 1, 1):
        day -= timedelta(days=1)
    return day
