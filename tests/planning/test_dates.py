"""The day a campaign is seen from, and calendar headings in both languages."""

from __future__ import annotations

from datetime import date

from models.language import Lang
from planning.dates import (
    campaign_today,
    day_label,
    month_name,
    public_holidays,
    span_label,
    weekday_name,
)


def test_today_in_the_campaign_year_is_today() -> None:
    assert campaign_today(date(2023, 6, 10), 2023) == date(2023, 6, 10)
    assert campaign_today(date(2023, 6, 10), None) == date(2023, 6, 10)


def test_a_past_campaign_is_seen_from_the_same_day_of_its_year() -> None:
    assert campaign_today(date(2025, 6, 10), 2023) == date(2023, 6, 10)
    assert campaign_today(date(2024, 2, 29), 2023) == date(2023, 2, 28)
    assert campaign_today(date(2022, 12, 31), 2024) == date(2024, 12, 31)


def test_headings_in_chinese_and_english() -> None:
    day = date(2023, 3, 26)
    assert weekday_name(day, Lang.ZH) == "周日" and weekday_name(day, Lang.EN) == "Sun"
    assert day_label(day, Lang.ZH) == "3月26日 周日"
    assert day_label(day, Lang.EN, with_year=True) == "Sun 26 Mar 2023"
    assert month_name(2023, 3, Lang.ZH) == "2023年3月" and month_name(2023, 3, Lang.EN) == "Mar 2023"
    assert span_label(date(2023, 3, 12), date(2023, 3, 18), Lang.ZH) == "3月12日—18日"
    assert span_label(date(2023, 3, 28), date(2023, 4, 2), Lang.EN) == "28 Mar – 2 Apr"
    assert span_label(day, day, Lang.EN) == "26 Mar"


def test_public_holidays_are_short_and_in_the_language_asked() -> None:
    spring = public_holidays(date(2023, 1, 20), date(2023, 1, 28), Lang.ZH)
    assert spring[date(2023, 1, 22)] == "春节"
    assert spring[date(2023, 1, 25)] == "春节"  # "春节（补假）" without the bracket
    assert public_holidays(date(2023, 4, 5), date(2023, 4, 5), Lang.EN) == {
        date(2023, 4, 5): "Tomb-Sweeping Day"}
    assert public_holidays(date(2023, 3, 1), date(2023, 3, 31), Lang.ZH) == {}
