"""Day-by-day itineraries in the local time of each city, checked while they are built."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tools.sample.regions import EN_OF_CITY, ZONE_OF

OUTCOMES = [
    "对方表示将把东莞纳入华南产能布局选址比选，约定下月来莞实地考察。",
    "双方交换了项目需求清单，对方拟于三季度派技术团队来莞对接。",
    "对方高层对松山湖科创平台兴趣浓厚，同意建立常态化联络机制。",
    "初步达成扩产意向，待总部投资委员会审议。",
    "对方介绍了供应链本地化计划，请我方推荐配套企业。",
]


def _hm(text: str) -> tuple[int, int]:
    h, m = text.split(":")
    return int(h), int(m)


class Itinerary:
    """Collects items; refuses one that overlaps the previous or leaves the trip's dates."""

    def __init__(self, start: date, end: date, attendees: list[str], done: bool,
                 rng: random.Random) -> None:
        self.start, self.end = start, end
        self.attendees = attendees
        self.done = done
        self.rng = rng
        self.items: list[dict[str, Any]] = []
        self.cursor = datetime(2000, 1, 1, tzinfo=UTC)  # end of the last non-hotel item

    def add(self, kind: str, title_zh: str, title_en: str, city: str, day: date, hh_mm: str,
            minutes: int, place: str = "", organisation: str | None = None, notes: str = "",
            outcome: str = "", zone: str | None = None) -> datetime:
        """Add an item starting ``hh_mm`` local in ``city`` on ``day``; returns its end (UTC)."""
        zone = zone or ZONE_OF[city]
        tz = ZoneInfo(zone)
        wall = datetime.combine(day, datetime.min.time()).replace(
            hour=_hm(hh_mm)[0], minute=_hm(hh_mm)[1])
        start = wall.replace(tzinfo=tz).astimezone(UTC)
        assert start.astimezone(tz).replace(tzinfo=None) == wall, (wall, zone)  # no DST gap
        end = start + timedelta(minutes=minutes)
        end_wall = end.astimezone(tz).replace(tzinfo=None)
        assert self.start <= wall.date() and end_wall.date() <= self.end, (title_zh, wall)
        if kind != "hotel":
            assert start >= self.cursor, (title_zh, wall)
            self.cursor = end
        self.items.append({
            "kind": kind, "title_zh": title_zh, "title_en": title_en,
            "start": wall.strftime("%Y-%m-%dT%H:%M"), "end": end_wall.strftime("%Y-%m-%dT%H:%M"),
            "timezone": zone, "city": city, "place": place, "organisation": organisation,
            "attendees": list(self.attendees), "notes": notes,
            "outcome": outcome if self.done else "",
        })
        return end

    def local(self, instant: datetime, city: str) -> datetime:
        return instant.astimezone(ZoneInfo(ZONE_OF[city])).replace(tzinfo=None)

    def after(self, instant: datetime, city: str, pause: int = 30) -> tuple[date, str]:
        """The local day and next half hour at least ``pause`` minutes after ``instant``."""
        wall = self.local(instant, city) + timedelta(minutes=pause)
        extra = (30 - wall.minute % 30) % 30
        wall = (wall + timedelta(minutes=extra)).replace(second=0, microsecond=0)
        return wall.date(), f"{wall.hour:02d}:{wall.minute:02d}"

    def outcome(self) -> str:
        return self.rng.choice(OUTCOMES)


def arrival_note(instant: datetime, city: str) -> str:
    wall = instant.astimezone(ZoneInfo(ZONE_OF[city]))
    return (f"{wall:%m月%d日 %H:%M}（当地时间）抵达{city}"
            f" / arrives {EN_OF_CITY.get(city, city)} {wall:%d %b %H:%M} local")
