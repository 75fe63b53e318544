"""Guessing from a partner's free text: the kind of an item or event, and the city it is in."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from models.campaign import City
from models.enums import EventKind, ItemKind

K = TypeVar("K", ItemKind, EventKind)


def city_named(text: str, cities: Iterable[City]) -> City | None:
    """The city whose Chinese or English name is exactly ``text``."""
    wanted = text.strip().casefold()
    for city in cities:
        if wanted and wanted in (city.name_zh.casefold(), city.name_en.casefold()):
            return city
    return None


def city_in(text: str, cities: Iterable[City]) -> City | None:
    """The city named exactly by ``text``, else the first whose name it contains."""
    cities = list(cities)
    exact = city_named(text, cities)
    if exact is not None:
        return exact
    for city in cities:
        if any(name and name in text for name in (city.name_zh, city.name_en)):
            return city
    return None


def is_city_name(text: str, city: City | None) -> bool:
    return city is not None and text.strip().casefold() in (city.name_zh.casefold(),
                                                              city.name_en.casefold())


_ITEM_WORDS: tuple[tuple[ItemKind, tuple[str, ...]], ...] = (
    (ItemKind.FLIGHT, ("航班", "飞机", "flight", "departure", "arrival", "airport")),
    (ItemKind.TRAIN, ("火车", "高铁", "动车", "列车", "train", "rail")),
    (ItemKind.HOTEL, ("酒店", "入住", "hotel", "check-in", "check in")),
    (ItemKind.TRANSFER, ("接送", "接机", "送机", "transfer", "shuttle", "pick-up", "pickup")),
    (ItemKind.SIGNING, ("签约", "签署", "signing", "sign ")),
    (ItemKind.BANQUET, ("宴", "晚餐", "午餐", "dinner", "lunch", "banquet", "reception")),
    (ItemKind.PROMOTION_MEETING, ("推介", "说明会", "promotion", "roadshow", "seminar")),
    (ItemKind.TRADE_FAIR, ("展会", "博览会", "交易会", "展览", "messe", "expo", "trade fair",
                           "trade show", "exhibition")),
    (ItemKind.MEETING, ("电话", "通话", "视频会议", "会谈", "会议", "call", "phone", "zoom",
                        "teams", "webex", "video conference", "meeting")),
    (ItemKind.FREE_TIME, ("自由活动", "free time")),
    (ItemKind.COMPANY_VISIT, ("拜访", "参观", "考察", "visit", "tour of", "besichtigung")),
)

# an airline's flight number: two-character IATA code and 1-4 digits ("LH 720", "CA931", "3U8888")
_FLIGHT_NUMBER = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z]{2}|[A-Z][0-9]|[0-9][A-Z])\s?[0-9]{1,4}[A-Z]?(?![A-Za-z0-9年月日])"
)

_EVENT_WORDS: tuple[tuple[EventKind, tuple[str, ...]], ...] = (
    (EventKind.GLOBAL_CONFERENCE, ("全球招商大会", "global investment conference")),
    (EventKind.VIP_MEETING, ("尊享会", "vip")),
    (EventKind.MULTINATIONAL_TOUR, ("东莞行", "multinational")),
    (EventKind.INDUSTRY_SUMMIT, ("峰会", "论坛", "summit", "forum")),
    (EventKind.SIGNING_CEREMONY, ("签约", "signing")),
)


def _guess(text: str, words: tuple[tuple[K, tuple[str, ...]], ...], default: K) -> K:
    lowered = text.casefold()
    for kind, keys in words:
        if any(k in lowered for k in keys):
            return kind
    return default


def _from_categories(categories: Iterable[str], words: tuple[tuple[K, tuple[str, ...]], ...],
                     kinds: Iterable[K]) -> K | None:
    """The kind a CATEGORIES value names: its value, its label, or one of its keywords."""
    kinds = list(kinds)
    for category in categories:
        wanted = category.strip().casefold()
        if not wanted:
            continue
        for kind in kinds:
            if wanted in (kind.value, kind.zh.casefold(), kind.en.casefold()):
                return kind
        for kind, keys in words:
            if any(k in wanted for k in keys):
                return kind
    return None


def has_flight_number(text: str) -> bool:
    return _FLIGHT_NUMBER.search(text) is not None


def guess_item_kind(text: str, categories: Iterable[str] = (),
                    default: ItemKind = ItemKind.COMPANY_VISIT) -> ItemKind:
    """The kind of itinerary item an entry suggests, first found of: a CATEGORIES value, a
    flight number in the title, a keyword (zh or en) of the title or place; else ``default``."""
    found = _from_categories(categories, _ITEM_WORDS, ItemKind)
    if found is not None:
        return found
    if has_flight_number(text.split("\n", 1)[0]):
        return ItemKind.FLIGHT
    return _guess(text, _ITEM_WORDS, default)


def guess_event_kind(text: str, categories: Iterable[str] = (),
                     default: EventKind = EventKind.OTHER) -> EventKind:
    """The kind of themed event a CATEGORIES value or the title suggests; else ``default``."""
    found = _from_categories(categories, _EVENT_WORDS, EventKind)
    return found if found is not None else _guess(text, _EVENT_WORDS, default)
