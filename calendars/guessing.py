"""Guessing from a partner's free text: the kind of an item or event, and the city it is in."""

from __future__ import annotations

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
    (ItemKind.FREE_TIME, ("自由活动", "free time")),
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


def guess_item_kind(text: str) -> ItemKind:
    """The kind of itinerary item a title (and place) suggests; a company visit by default."""
    return _guess(text, _ITEM_WORDS, ItemKind.COMPANY_VISIT)


def guess_event_kind(text: str) -> EventKind:
    """The kind of themed event a title suggests; "other" by default."""
    return _guess(text, _EVENT_WORDS, EventKind.OTHER)
