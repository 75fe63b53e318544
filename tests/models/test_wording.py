"""The wording every front end prints: money, UTC offsets, dates (models/wording.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from models.enums import MemberRole, RegionKind, TripStatus
from models.language import Lang
from models.timeutil import BEIJING, BEIJING_TZ
from models.wording import (
    board_count,
    board_money,
    date_span,
    day_month,
    long_day,
    money,
    numeric_day,
    short_day,
    trimmed,
    utc_offset,
    weekday,
)


@pytest.mark.parametrize(("amount", "zh", "en"), [
    (160_000_000_000, "1,600 亿元", "CNY 160 bn"),
    (6_000_000_000, "60 亿元", "CNY 6 bn"),
    (6_500_000_000, "65 亿元", "CNY 6.5 bn"),
    (123_456_789, "1.23 亿元", "CNY 123.46 m"),
    (500_000_000, "5 亿元", "CNY 500 m"),
    (35_000_000, "3,500 万元", "CNY 35 m"),
    (123_456, "12.35 万元", "CNY 123,456"),
    (10_000, "1 万元", "CNY 10,000"),
    (9_999, "9,999 元", "CNY 9,999"),
    (950, "950 元", "CNY 950"),
    (0, "0 元", "CNY 0"),
    (-250_000_000, "-2.5 亿元", "CNY -250 m"),
])
def test_money_has_one_rule_trimmed_decimals(amount: int, zh: str, en: str) -> None:
    assert (money(amount, Lang.ZH), money(amount, Lang.EN)) == (zh, en)


def test_a_zero_on_a_leaderboard_reads_as_a_dash() -> None:
    assert {board_money(0, lang) for lang in Lang} == {"—"}
    assert board_money(2_500_000_000, Lang.ZH) == "25 亿元"
    assert board_money(9_500, Lang.EN) == "CNY 9,500"
    assert (board_count(0), board_count(1_200)) == ("—", "1,200")


def test_trimmed_keeps_at_most_two_decimals() -> None:
    assert [trimmed(x) for x in (1600.0, 52.5, 0.35, 0.001, 12.3456)] == [
        "1,600", "52.5", "0.35", "0", "12.35"]


def test_utc_offsets_follow_daylight_saving() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    assert utc_offset(datetime(2023, 3, 24, 9, tzinfo=berlin)) == "UTC+1"
    assert utc_offset(datetime(2023, 3, 27, 9, tzinfo=berlin)) == "UTC+2"
    assert utc_offset(datetime(2023, 3, 27, 9, tzinfo=ZoneInfo("Asia/Kolkata"))) == "UTC+5:30"
    assert utc_offset(datetime(2023, 7, 1, tzinfo=ZoneInfo("America/Los_Angeles"))) == "UTC-7"
    assert utc_offset(datetime(2023, 7, 1, tzinfo=UTC)) == "UTC+0"
    assert utc_offset(datetime(2023, 7, 1)) == ""


def test_padded_offsets_as_the_history_shows_them() -> None:
    assert utc_offset(datetime(2023, 3, 24, 9, tzinfo=BEIJING), padded=True) == "UTC+08:00"
    assert utc_offset(datetime(2023, 3, 24, 9, tzinfo=ZoneInfo("Europe/Berlin")),
                      padded=True) == "UTC+01:00"
    assert utc_offset(datetime(2023, 7, 1, tzinfo=ZoneInfo("America/Los_Angeles")),
                      padded=True) == "UTC-07:00"
    assert utc_offset(datetime(2023, 7, 1, tzinfo=ZoneInfo("Asia/Kathmandu")),
                      padded=True) == "UTC+05:45"


def test_beijing_is_defined_once() -> None:
    assert BEIJING_TZ == "Asia/Shanghai" and ZoneInfo(BEIJING_TZ) == BEIJING


def test_days_as_the_window_prints_them() -> None:
    d = date(2023, 3, 23)
    assert numeric_day(d, Lang.ZH) == "2023-03-23 周四"
    assert numeric_day(d, Lang.EN) == "Thu 23 Mar 2023"
    assert numeric_day(d, Lang.ZH, with_weekday=False) == "2023-03-23"
    assert numeric_day(d, Lang.EN, with_weekday=False) == "23 Mar 2023"


def test_days_as_the_page_prints_them() -> None:
    d = date(2023, 3, 24)
    assert long_day(d, Lang.ZH) == "2023年3月24日（星期五）"
    assert long_day(d, Lang.EN) == "Fri 24 Mar 2023"
    assert long_day(d, Lang.ZH, with_weekday=False) == "2023年3月24日"
    assert short_day(d, Lang.ZH) == "3月24日 星期五" and short_day(d, Lang.EN) == "Fri 24 Mar"
    assert day_month(d, Lang.ZH) == "3月24日" and day_month(d, Lang.EN) == "24 Mar"
    assert weekday(d, Lang.ZH) == "周五" and weekday(d, Lang.ZH, long=True) == "星期五"
    assert weekday(d, Lang.EN) == "Fri"


@pytest.mark.parametrize(("start", "end", "zh", "en"), [
    (date(2023, 3, 23), date(2023, 3, 30), "2023年3月23日—3月30日", "23–30 Mar 2023"),
    (date(2023, 3, 30), date(2023, 4, 2), "2023年3月30日—4月2日", "30 Mar – 2 Apr 2023"),
    (date(2023, 12, 30), date(2024, 1, 2), "2023年12月30日—2024年1月2日",
     "30 Dec 2023 – 2 Jan 2024"),
])
def test_date_spans(start: date, end: date, zh: str, en: str) -> None:
    assert (date_span(start, end, Lang.ZH), date_span(start, end, Lang.EN)) == (zh, en)


def test_date_spans_without_the_year() -> None:
    assert date_span(date(2023, 3, 30), date(2023, 4, 2), Lang.ZH, year=False) == "3月30日—4月2日"
    assert date_span(date(2023, 3, 30), date(2023, 4, 2), Lang.EN, year=False) == "30 Mar – 2 Apr"
    assert date_span(date(2023, 3, 23), date(2023, 3, 30), Lang.EN, year=False) == "23–30 Mar"


def test_labels_come_from_the_enums() -> None:
    assert RegionKind.OVERSEAS.label(Lang.ZH) == "境外"
    assert RegionKind.OVERSEAS.label(Lang.EN) == "Overseas"
    assert TripStatus.APPROVED.label(Lang.ZH) == "已批准"
    assert TripStatus.APPROVED.label(Lang.EN) == "Approved"
    assert MemberRole.LEADER.label(Lang.ZH) == "团长"
    assert MemberRole.LEADER.label(Lang.EN) == "Head of delegation"
    assert TripStatus.APPROVED.label() == "已批准"


def test_cldr_names_of_countries_languages_and_zones() -> None:
    from models.wording import country_name, language_names, zone_name

    assert country_name("DE", Lang.ZH) == "德国" and country_name("de", Lang.EN) == "Germany"
    assert country_name("HK", Lang.ZH) == "中国香港" and country_name("XX", Lang.ZH) == "XX"
    assert language_names("zh,en", Lang.ZH) == "中文、英语"
    assert language_names("zh, de", Lang.EN) == "Chinese, German"
    assert zone_name("Europe/Berlin", Lang.ZH) == "中欧时间"
    summer = datetime(2023, 7, 1, 12, tzinfo=UTC)
    assert zone_name("Europe/Berlin", Lang.EN, summer) == "Central European Summer Time"
    assert zone_name("America/Los_Angeles", Lang.ZH, summer) == "北美太平洋夏令时间"
    assert zone_name("Not/AZone", Lang.ZH) == "Not/AZone"


def test_zones_and_places_as_people_read_them() -> None:
    from models.wording import place_name, zone_country, zone_label

    assert zone_country("Europe/Berlin") == "DE" and zone_country("UTC") == ""
    assert zone_label("Europe/Berlin", Lang.ZH) == "德国 · 中欧时间 (UTC+01:00)"
    assert zone_label("Europe/Berlin", Lang.EN) == "Germany · Central European Time (UTC+01:00)"
    summer = datetime(2023, 7, 1, 12, tzinfo=UTC)
    assert zone_label("Europe/Berlin", Lang.ZH, summer) == "德国 · 中欧夏令时间 (UTC+02:00)"
    assert zone_label("Asia/Shanghai", Lang.ZH) == "北京时间 (UTC+08:00)"
    assert zone_label("Asia/Tokyo", Lang.ZH) == "日本时间 (UTC+09:00)"  # no 日本 · 日本时间
    assert zone_label("America/Los_Angeles", Lang.ZH) == "美国 · 北美太平洋时间 (UTC-08:00)"
    assert zone_label("Not/AZone", Lang.ZH) == "Not/AZone"
    assert place_name("斯图加特", "DE", Lang.ZH) == "斯图加特（德国）"
    assert place_name("Stuttgart", "de", Lang.EN) == "Stuttgart (Germany)"
    assert place_name("东莞", "CN", Lang.ZH) == "东莞" and place_name("香港", "HK", Lang.ZH) == "中国香港"
    assert place_name("", "JP", Lang.ZH) == "日本" and place_name("", "", Lang.ZH) == ""


def test_confirmation_and_unconfirmed_results_read_in_both_languages() -> None:
    from models.wording import confirmation, unconfirmed_results

    assert confirmation(True, False, Lang.ZH) == "✓ 已确认"
    assert confirmation(False, True, Lang.EN) == "unconfirmed"
    assert confirmation(False, False, Lang.ZH) == ""
    assert unconfirmed_results(1, 3_500_000_000, 2, Lang.ZH) == "1 个项目 35 亿元 · 2 次拜访"
    assert unconfirmed_results(0, 0, 1, Lang.EN) == "1 visit(s)"
    assert unconfirmed_results(0, 0, 0, Lang.ZH) == ""


def test_a_city_typed_in_chinese_in_english() -> None:
    from models.wording import city_in_english

    directory = {"法兰克福": "Frankfurt", "澳门": "Macau"}
    assert city_in_english("法兰克福", directory) == "Frankfurt"
    assert city_in_english("澳门", directory) == "Macau"  # the directory before CLDR (Macao)
    assert city_in_english("芝加哥") == "Chicago"  # CLDR's cities of time zones
    assert city_in_english("纽约") == "New York"
    assert city_in_english("李锦记（香港）", directory) == ""  # free text stays as typed
    assert city_in_english("", directory) == ""


def test_a_city_that_is_its_territory_is_named_once() -> None:
    from models.wording import place_name

    assert place_name("Macau", "MO", Lang.EN) == "Macao, China"  # not "Macau (Macao, China)"
    assert place_name("Hong Kong", "HK", Lang.EN) == "Hong Kong, China"
    assert place_name("澳门", "MO", Lang.ZH) == "中国澳门"
    assert place_name("Stuttgart", "DE", Lang.EN) == "Stuttgart (Germany)"
