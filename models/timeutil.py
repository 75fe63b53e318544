"""Local wall-clock time <-> instants, with daylight-saving gaps and folds made explicit."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from models.errors import ValidationError

BEIJING_TZ = "Asia/Shanghai"  # the home zone: the one definition every module imports
BEIJING = ZoneInfo(BEIJING_TZ)


@lru_cache(maxsize=1024)
def zone_info(zone: str) -> ZoneInfo:
    """The zone by name, kept: ``ZoneInfo`` keeps only the last 8 strongly, and a run over many
    zones (``check`` at scale) otherwise reads their files again thousands of times."""
    return ZoneInfo(zone)


def local_to_utc(wall: datetime, zone: str, field: str = "starts_at") -> datetime:
    """The instant at wall-clock ``wall`` (naive) in ``zone``.

    A time that does not exist (skipped by a daylight-saving change) is refused; an ambiguous
    one (repeated hour) is taken at its first occurrence.
    """
    if wall.tzinfo is not None:
        return wall.astimezone(UTC)
    tz = ZoneInfo(zone)
    instant = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) != wall:
        raise ValidationError(
            field,
            f"{wall:%Y-%m-%d %H:%M} 在 {zone} 不存在（夏令时调整跳过了这一小时）",
            f"{wall:%Y-%m-%d %H:%M} does not exist in {zone} (skipped by a daylight-saving change)",
        )
    return instant


def at(day: date, hh_mm: str, zone: str) -> datetime:
    """Shorthand: ``at(date(2023, 3, 26), "09:30", "Europe/Berlin")`` -> aware UTC instant."""
    hour, minute = (int(x) for x in hh_mm.split(":"))
    return local_to_utc(datetime.combine(day, time(hour, minute)), zone)


def local_date(instant: datetime, zone: str) -> date:
    return instant.astimezone(zone_info(zone)).date()


def in_zone(instant: datetime, zone: str) -> datetime:
    return instant.astimezone(zone_info(zone))


def shift_local(instant: datetime, zone: str, days: int) -> datetime:
    """Move an instant by whole days keeping its local wall-clock time (DST-safe)."""
    tz = ZoneInfo(zone)
    wall = instant.astimezone(tz).replace(tzinfo=None) + timedelta(days=days)
    return wall.replace(tzinfo=tz).astimezone(UTC)
