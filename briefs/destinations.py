"""What the brief knows of a destination from its own data files: the climate by month
(``climate.toml``, averages, not forecasts) and whom to call there (``missions.toml``: the
Chinese embassy or consulate-general of the city's district, the global consular hotline,
the local emergency numbers). Read once per process."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Climate:
    """Average daily highest and lowest temperature (°C) of one month in one city."""

    high: int
    low: int


@dataclass(frozen=True)
class Mission:
    zh: str
    en: str
    site: str
    phone: str  # the 24-hour consular protection line; "" when not confirmed


@dataclass(frozen=True)
class CountryHelp:
    missions: tuple[Mission, ...]  # the city's own mission first
    emergency: str
    note_zh: str = ""
    note_en: str = ""


@cache
def _climate_table() -> dict[str, dict[str, Any]]:
    table = tomllib.loads((HERE / "climate.toml").read_text(encoding="utf-8"))
    out: dict[str, dict[str, Any]] = {}
    for name_zh, row in table.items():
        out[name_zh] = row
        out[str(row.get("name_en", "")).casefold()] = row
    return out


@cache
def _missions() -> dict[str, Any]:
    return tomllib.loads((HERE / "missions.toml").read_text(encoding="utf-8"))


def climate(name_zh: str, name_en: str, month: int) -> Climate | None:
    """The averages of ``month`` (1–12) in the city, or None for a city not in the table."""
    table = _climate_table()
    row = table.get(name_zh) or table.get(name_en.casefold())
    if row is None:
        return None
    return Climate(int(row["high"][month - 1]), int(row["low"][month - 1]))


def hotline() -> tuple[str, str, tuple[str, ...]]:
    """The global consular hotline: (label zh, label en, phones)."""
    h = _missions()["hotline"]
    return str(h["zh"]), str(h["en"]), tuple(h["phones"])


def mission_phones() -> tuple[str, ...]:
    """Every mission's consular line in the file (public numbers, never redacted)."""
    return tuple(m["phone"] for c in _missions()["country"].values() for m in c["missions"]
                 if m["phone"])


def country_help(country: str, city_names: list[str]) -> CountryHelp | None:
    """The missions of ``country`` for the trip's cities there (each city's own mission; the
    embassy when no city of the trip has one), or None for a country not in the file (home)."""
    found = _missions()["country"].get(country)
    if found is None:
        return None
    listed = [(m, Mission(m["zh"], m["en"], m["site"], m["phone"])) for m in found["missions"]]
    chosen = [mission for raw, mission in listed if set(raw["cities"]) & set(city_names)]
    if not chosen:
        chosen = [listed[0][1]]
    return CountryHelp(tuple(chosen), str(found["emergency"]), str(found.get("note_zh", "")),
                       str(found.get("note_en", "")))


def dress(c: Climate) -> tuple[str, str]:
    """What to wear to business meetings for those averages (zh, en)."""
    if c.low <= 0:
        return ("冬季厚大衣、围巾手套，注意路面结冰", "a heavy winter coat, scarf and gloves; "
                                                 "mind icy pavements")
    if c.high <= 12:
        return ("正装外加冬季大衣", "a winter coat over business dress")
    if c.high <= 20:
        return ("正装外加风衣或薄大衣", "a trench coat or light overcoat over business dress")
    if c.high <= 27:
        return ("正装，早晚备薄外套", "business dress; a light jacket for mornings and evenings")
    return ("夏季轻薄正装，备伞防晒；室内空调较冷可备薄外套",
            "light summer business dress, umbrella and sun cover; a light jacket for "
            "air-conditioned rooms")
