"""Guessing from a partner's free text: kinds of items and events, and cities."""

from __future__ import annotations

from calendars.guessing import city_in, city_named, guess_event_kind, guess_item_kind, is_city_name
from models.campaign import City
from models.enums import EventKind, ItemKind


def cities() -> list[City]:
    return [City(name_zh="慕尼黑", name_en="Munich", country_code="DE", timezone="Europe/Berlin"),
            City(name_zh="东京", name_en="Tokyo", country_code="JP", timezone="Asia/Tokyo")]


def test_item_kinds_from_chinese_and_english_words() -> None:
    assert guess_item_kind("CA961 航班 北京—慕尼黑") is ItemKind.FLIGHT
    assert guess_item_kind("Dinner with the board") is ItemKind.BANQUET
    assert guess_item_kind("拜访西门子总部") is ItemKind.COMPANY_VISIT


def test_event_kinds_and_the_default() -> None:
    assert guess_event_kind("2023 新能源产业峰会") is EventKind.INDUSTRY_SUMMIT
    assert guess_event_kind("VIP 尊享会") is EventKind.VIP_MEETING
    assert guess_event_kind("茶话会") is EventKind.OTHER


def test_cities_by_exact_name_or_contained_name() -> None:
    munich, tokyo = cities()
    assert city_named(" munich ", [munich, tokyo]) is munich
    assert city_named("慕尼黑机场", [munich, tokyo]) is None
    assert city_in("东京国际论坛", [munich, tokyo]) is tokyo
    assert city_in("巴黎", [munich, tokyo]) is None
    assert is_city_name("Tokyo", tokyo) and not is_city_name("东京国际论坛", tokyo)
    assert not is_city_name("Tokyo", None)
