"""Dates typed as office staff type them, and the working day a new record starts on."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from models.date_input import may_become_date, parse_day, parse_moment
from models.working_days import is_working_day, next_working_day


@pytest.mark.parametrize("text", ["2024-02-05", "2024-2-5", "2024/2/5", "2024.2.5",
                                  "2024年2月5日", "20240205", " 2024-02-05 "])
def test_a_full_date_is_read_in_any_usual_writing(text: str) -> None:
    assert parse_day(text, 2023) == date(2024, 2, 5)


@pytest.mark.parametrize("text", ["2/5", "2-5", "2月5日", "02/05"])
def test_a_day_without_a_year_is_in_the_default_year(text: str) -> None:
    assert parse_day(text, 2023) == date(2023, 2, 5)


@pytest.mark.parametrize("text", ["2/30", "13/1", "2024-02-30", "abc", "", "2024-02"])
def test_text_naming_no_real_day_gives_none(text: str) -> None:
    assert parse_day(text, 2023) is None


def test_a_time_may_follow_the_day_and_defaults_to_the_one_given() -> None:
    assert parse_moment("2/5 9:30", 2023, time(8)) == datetime(2023, 2, 5, 9, 30)
    assert parse_moment("2024-2-5 14：05", 2023, time(8)) == datetime(2024, 2, 5, 14, 5)
    assert parse_moment("2024-02-05", 2023, time(8)) == datetime(2024, 2, 5, 8, 0)
    assert parse_moment("2/5 25:00", 2023, time(8)) is None
    assert parse_moment("2/5 soon", 2023, time(8)) is None


def test_what_may_still_become_a_date_while_typing() -> None:
    assert may_become_date("2024-") and may_become_date("2月") and may_become_date("")
    assert not may_become_date("x") and not may_become_date("2024-02-05 <b>")


def test_working_days_follow_chinas_calendar_with_its_moved_weekends() -> None:
    assert not is_working_day(date(2023, 1, 2))  # New Year's Day moved to the Monday
    assert is_working_day(date(2024, 2, 4))  # a Sunday worked before the Spring Festival
    assert not is_working_day(date(2023, 10, 2))  # National Day holiday
    assert next_working_day(date(2023, 1, 1)) == date(2023, 1, 3)
    assert next_working_day(date(2024, 2, 2)) == date(2024, 2, 4)
    assert next_working_day(date(2023, 9, 28)) == date(2023, 10, 7)


def test_the_next_working_day_stays_in_the_year() -> None:
    assert next_working_day(date(2023, 12, 29)) == date(2023, 12, 29)
    assert next_working_day(date(2023, 12, 31)) == date(2023, 12, 29)
