"""The program's cache folder: what it keeps between runs to start faster (the holiday tables,
the brief font's parsed metrics). Anything in it may be deleted; it is rebuilt when needed."""

from __future__ import annotations

import contextlib
import gc
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

from models.atomic_write import write_bytes_atomic

T = TypeVar("T")

CACHE_ENV = "CAMPAIGN_PLANNER_CACHE"  # the cache folder (tests); else the user's cache folder


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a kept value's many small objects are made: it
    would otherwise walk them again and again (a kept font or dictionary loads 3× slower)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def cache_folder() -> Path:
    """``$CAMPAIGN_PLANNER_CACHE``, else the user's cache folder (platformdirs)."""
    folder = os.environ.get(CACHE_ENV)
    if not folder:
        import platformdirs

        from models.database import APP_AUTHOR, APP_NAME

        folder = platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)
    return Path(folder)


def kept_json(name: str, make: Callable[[], T], fits: Callable[[Any], bool]) -> T:
    """``make()`` (a value JSON can hold), kept in the cache folder as ``name``: put in the name
    the versions the value depends on. A missing or unwritable file, or one whose contents do
    not ``fit``, only means ``make`` is called again; the file is written whole or not at all."""
    path = cache_folder() / name
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if fits(kept):
            return cast(T, kept)
    except (OSError, ValueError):
        pass
    made = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, json.dumps(made, ensure_ascii=False, sort_keys=True)
                           .encode("utf-8"))
    except OSError:
        pass  # a read-only profile, a full disk: made again next run
    return made


def kept_mapping(name: str, make: Callable[[], dict[str, str]]) -> dict[str, str]:
    """A mapping of text to text, kept as :func:`kept_json` keeps a value."""
    return kept_json(name, make, lambda kept: isinstance(kept, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in kept.items()))


def package_version(package: str) -> str:
    """The installed version of ``package`` ("unknown" when it has no metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"
