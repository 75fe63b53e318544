"""More destinations for the checks' tests than the factories' Frankfurt and Dongguan."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from models.campaign import City, Region
from models.enums import EventKind, ItemKind, RegionKind
from models.operations.events import EventDraft
from models.operations.items import ItemDraft
from models.timeutil import at
from tests.factories import World


def add_city(s: Session, w: World, name_zh: str, name_en: str, country: str, zone: str,
             region_id: int | None = None) -> int:
    city = City(region_id=region_id or w.region_id, name_zh=name_zh, name_en=name_en,
                country_code=country, timezone=zone)
    s.add(city)
    s.flush()
    return city.id


def add_region(s: Session, code: str, name_zh: str, name_en: str) -> int:
    region = Region(code=code, name_zh=name_zh, name_en=name_en, kind=RegionKind.OVERSEAS,
                    position=3)
    s.add(region)
    s.flush()
    return region.id


def item(w: World, day: date, start: str, end: str, zone: str, city_id: int | None,
         kind: ItemKind = ItemKind.COMPANY_VISIT, title: str = "拜访", end_day: date | None = None,
         **more: Any) -> ItemDraft:
    values: dict[str, Any] = dict(
        kind=kind, title_zh=title, title_en=more.pop("title_en", ""),
        starts_at=at(day, start, zone), ends_at=at(end_day or day, end, zone), timezone=zone,
        city_id=city_id, place=more.pop("place", ""), attendee_ids=[w.leader_id])
    values.update(more)
    return ItemDraft(**values)


def event(w: World, day: date, start: str = "14:00", end: str = "17:00",
          **more: Any) -> EventDraft:
    values: dict[str, Any] = dict(
        kind=EventKind.VIP_MEETING, title_zh="投资东莞尊享会", starts_at=at(day, start, "Asia/Shanghai"),
        ends_at=at(day, end, "Asia/Shanghai"), timezone="Asia/Shanghai", city_id=w.dongguan_id,
        venue="东莞国际会展中心")
    values.update(more)
    return EventDraft(**values)
