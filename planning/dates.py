"""Which day the planning views treat as "today", and how calendar headings read in each language.

Amounts, dates and zone offsets as every front end prints them are in ``models.wording``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from models.checks.calendars import calendar_last_year, china_day
from models.checks.holiday_tables import holiday_table
from models.language import Lang
from models.wording import MONTHS_EN, weekday
from planning.layout import days_in_month


def campaign_today(today: date, campaign_year: int | None) -> date:
    """The day a campaign is seen from.

    In the campaign's own year, today. For a past (or future) campaign, the same day of the
    month in the campaign's year: someone opening the 2023 plan in June 2025 sees what June
    2023 looked like, the trips of the coming fortnight, that month's leaderboard. (29 February
    becomes the 28th in a common year.)
    """
    if campaign_year is None or today.year == campaign_year:
        return today
    return date(campaign_year, today.month, min(today.day, days_in_month(campaign_year,
                                                                          today.month)))


def weekday_name(day: date, lang: Lang) -> str:
    """``周日`` / ``Sun``."""
    return weekday(day, lang)


def month_name(year: int, month: int, lang: Lang) -> str:
    """``2023年3月`` / ``Mar 2023``."""
    if lang == "en":
        return f"{MONTHS_EN[month - 1]} {year}"
    return f"{year}年{month}月"


def short_month(month: int, lang: Lang) -> str:
    return lang.pick(f"{month}月", MONTHS_EN[month - 1])


def day_label(day: date, lang: Lang, with_year: bool = False, with_weekday: bool = True) -> str:
    """``3月26日 周日`` / ``Sun 26 Mar`` (with the year when asked)."""
    if lang == "en":
        text = f"{day.day} {MONTHS_EN[day.month - 1]}"
        if with_year:
            text += f" {day.year}"
        return f"{weekday_name(day, lang)} {text}" if with_weekday else text
    text = f"{day.month}月{day.day}日"
    if with_year:
        text = f"{day.year}年" + text
    return f"{text} {weekday_name(day, lang)}" if with_weekday else text


def span_label(first: date, last: date, lang: Lang) -> str:
    """``3月12日—18日`` / ``12–18 Mar``: a range of days said once."""
    if first == last:
        return day_label(first, lang, with_weekday=False)
    if lang == "en":
        if first.month == last.month:
            return f"{first.day}–{last.day} {MONTHS_EN[last.month - 1]}"
        return (f"{first.day} {MONTHS_EN[first.month - 1]} – "
                f"{last.day} {MONTHS_EN[last.month - 1]}")
    if first.month == last.month:
        return f"{first.month}月{first.day}日—{last.day}日"
    return f"{first.month}月{first.day}日—{last.month}月{last.day}日"


@cache
def _holidays(country: str, year: int, lang: Lang) -> dict[date, str]:
    table = holiday_table(country, year, "en_US" if lang == "en" else "zh_CN")
    return {day: _short_holiday(name) for day, name in sorted(table.items())}


def _short_holiday(name: str) -> str:
    """``春节（补假）`` -> ``春节``; ``休息日（由 2023-01-28 调休）`` -> ``休息日``."""
    for bracket in ("（", " ("):
        if bracket in name:
            name = name[: name.index(bracket)]
    return name.strip()


def public_holidays(first: date, last: date, lang: Lang, country: str = "CN") -> dict[date, str]:
    """Public holidays (and transferred rest days) of ``country`` from ``first`` to ``last``."""
    found: dict[date, str] = {}
    for year in range(first.year, last.year + 1):
        found.update({d: n for d, n in _holidays(country, year, lang).items() if first <= d <= last})
    return found


def china_make_up_workdays(first: date, last: date) -> set[date]:
    """The weekends from ``first`` to ``last`` on which China works (调休上班, marked 班), from
    the State Council's notices as ``chinese-calendar`` holds them; none for a year beyond its
    table (see :func:`years_beyond_china_table`)."""
    found: set[date] = set()
    day = first
    while day <= last:
        if day.weekday() >= 5 and china_day(day).moved_workday:
            found.add(day)
        day += timedelta(days=1)
    return found


def years_beyond_china_table(first: date, last: date) -> list[int]:
    """The years from ``first`` to ``last`` whose moved working days are not yet announced (or
    not in the installed ``chinese-calendar``): their 班 days cannot be shown."""
    newest = calendar_last_year()
    return [y for y in range(first.year, last.year + 1) if y > newest or y < CHINA_TABLE_FIRST]


CHINA_TABLE_FIRST = 2004  # chinese-calendar's first year
