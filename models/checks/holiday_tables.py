"""The ``holidays`` package's tables, kept on disk between runs.

Importing ``holidays`` for one country loads all of its 250 countries (0.15 s of CPU and
12 MiB; upstream vacanza/holidays#998), and a window that shows the campaign's checks asks for
a dozen countries' tables at start. The tables and languages asked for are written to one JSON
file in the user's cache folder, named after the installed version of ``holidays``; later runs
read them from there, and the package is imported only for a table not yet in the file. A
missing, unreadable or unwritable file only means the package is asked again.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from models.atomic_write import write_bytes_atomic
from models.user_cache import CACHE_ENV, cache_folder, drop_older, package_version

__all__ = ["CACHE_ENV", "cache_file", "holiday_table", "supported_languages"]

FAMILY = "holidays-"  # the cache files' names: this, then the package's version
_lock = threading.Lock()  # the dashboard's and the calendar's worker threads ask at once


@dataclass
class _Store:
    path: Path
    tables: dict[str, dict[str, str]] = field(default_factory=dict)  # "JP|2023|en_US" -> days
    languages: dict[str, list[str] | None] = field(default_factory=dict)  # None: not known


_stores: dict[Path, _Store] = {}


@cache
def _version() -> str:
    return package_version("holidays")


def cache_file() -> Path:
    """Where the tables are kept: a file per installed version of ``holidays``."""
    return cache_folder() / f"{FAMILY}{_version()}.json"


def _store() -> _Store:
    path = cache_file()
    store = _stores.get(path)
    if store is None:
        store = _stores[path] = _Store(path)
        try:
            kept: Any = json.loads(path.read_text(encoding="utf-8"))
            tables, languages = kept["tables"], kept["languages"]
            if isinstance(tables, dict) and isinstance(languages, dict):
                store.tables, store.languages = tables, languages
        except (OSError, ValueError, KeyError, TypeError):
            pass  # none yet, or damaged: asked again and written anew
    return store


def _save(store: _Store) -> None:
    """The whole file anew, or nothing (``write_bytes_atomic``: no half-written file, no
    temporary file left behind)."""
    text = json.dumps({"tables": store.tables, "languages": store.languages},
                      ensure_ascii=False, sort_keys=True)
    try:
        store.path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(store.path, text.encode("utf-8"))
    except OSError:
        return  # a read-only profile, a full disk: the package is asked again next run
    drop_older(store.path, FAMILY)  # an older version's tables


def _days(kept: Any) -> dict[date, str] | None:
    """A kept table as day -> name, or None when the file's entry is not one."""
    try:
        return {date.fromisoformat(day): str(name) for day, name in kept.items()}
    except (AttributeError, TypeError, ValueError):
        return None


def holiday_table(country: str, year: int, language: str | None) -> dict[date, str]:
    """``holidays.country_holidays(country, years=year, language=language)`` as day -> name
    ({} for a country the package does not know)."""
    key = f"{country}|{year}|{language or ''}"
    with _lock:
        store = _store()
        found = _days(store.tables.get(key))
    if found is None:  # not kept yet, or a damaged entry
        days = _ask_package(country, year, language)
        with _lock:
            store.tables[key] = days
            _save(store)
        found = {date.fromisoformat(day): name for day, name in days.items()}
    return found


def supported_languages(country: str) -> list[str] | None:
    """The languages the package names ``country``'s holidays in (None: not known)."""
    with _lock:
        store = _store()
        found = store.languages.get(country)
        known = country in store.languages and (
            found is None or (isinstance(found, list) and all(isinstance(x, str) for x in found)))
    if not known:  # not kept yet, or a damaged entry
        found = _ask_languages(country)
        with _lock:
            store.languages[country] = found
            _save(store)
    return found


def _ask_package(country: str, year: int, language: str | None) -> dict[str, str]:
    import holidays

    try:
        table = holidays.country_holidays(country, years=year, language=language)
    except NotImplementedError:  # a country the package does not know
        return {}
    return {day.isoformat(): str(name) for day, name in sorted(table.items())}


def _ask_languages(country: str) -> list[str] | None:
    import holidays

    try:
        return sorted(holidays.country_holidays(country).supported_languages)
    except NotImplementedError:
        return None
