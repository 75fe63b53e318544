"""The program's cache folder: what it keeps between runs to start faster (the holiday tables,
the brief font's parsed metrics and hyphenation patterns, CLDR's city and time-zone names).
Anything in it may be deleted; it is made again when needed.

Each kept file is named after a *family* (``cldr-names-``) and then the versions its contents
depend on (of babel, of how it is made). A new version's file replaces its family's older
files when it is written (:func:`drop_older`), so an upgrade does not leave them behind."""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import json
import os
import pickle
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
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
    return Path(os.environ.get(CACHE_ENV) or _user_cache_folder())


@functools.cache
def _user_cache_folder() -> str:
    import platformdirs

    from models.database import APP_AUTHOR, APP_NAME

    return platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)


def _write_json(path: Path, value: Any) -> None:
    """``value`` as UTF-8 JSON in ``path``, whole or not at all."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, json.dumps(value, ensure_ascii=False, sort_keys=True)
                           .encode("utf-8"))
    except OSError:
        pass  # a read-only profile, a full disk: made again next run


def read_pickle(path: Path, allowed: Mapping[tuple[str, str], Any] | None = None) -> Any:
    """The value pickled in ``path`` (written by :func:`write_pickle`), None when it is missing
    or damaged. Only plain values are made, and the classes ``allowed`` names by (module,
    name): a file naming anything else is refused. Its objects are made with the cycle
    collector paused (:func:`collector_paused`)."""
    known = allowed or {}

    class Plain(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            found = known.get((module, name))
            if found is None:
                raise pickle.UnpicklingError(f"{module}.{name} is not kept here")
            return found

    try:
        with collector_paused():
            return Plain(io.BytesIO(path.read_bytes())).load()
    except Exception:  # damage raises anything: OverflowError, EOFError, …
        return None


KEPT_SUFFIXES = (".json", ".pickle")  # what this module writes: nothing else is removed
_STARTED = time.time()  # this process's start: a kept file written since is another's


_tidied: set[Path] = set()  # the kept files whose older versions were looked for already


def drop_older(path: Path, family: str, also: re.Pattern[str] | None = None) -> None:
    """Once ``path`` is written, remove the files beside it whose names begin with ``family``
    and end as a kept file does (the same kind of value, kept for other versions), or match
    ``also`` whole (an older naming of the family); once a process per file. Not ``path``
    itself, nor a file being written (a temporary file's name begins with a dot and ends in
    ``.tmp``), nor one written since this process started: another version of the program
    running beside this one keeps its own (they would otherwise remove each other's, turn
    about). Nothing when the folder cannot be read or a file cannot be removed: it is tried
    again by the next process."""
    if not path.name.startswith(family) or not family or family.startswith("."):
        raise ValueError(f"{path.name!r} is not of the family {family!r}")
    if path in _tidied or not path.is_file():
        return
    _tidied.add(path)
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        if entry.name == path.name or not (
                (entry.name.startswith(family) and entry.name.endswith(KEPT_SUFFIXES))
                or (also is not None and also.fullmatch(entry.name))):
            continue
        with contextlib.suppress(OSError):
            if (entry.is_file(follow_symlinks=False)
                    and entry.stat(follow_symlinks=False).st_mtime < _STARTED):
                os.unlink(entry.path)


def write_pickle(path: Path, value: Any) -> None:
    """``value`` pickled into ``path``, whole or not at all; nothing when it cannot be (a
    read-only profile, a full disk: it is made again next run)."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass


def kept_value(name: str, make: Callable[[], T], fits: Callable[[Any], bool], *,
               family: str) -> T:
    """``make()`` (a value of plain types), kept in the cache folder as ``name``: the
    ``family`` prefix, then the versions the value depends on. A missing or unwritable file, or
    one whose contents do not ``fit``, only means ``make`` is called again; the file is written
    whole or not at all, and then replaces the family's other files."""
    path = cache_folder() / name
    kept = read_pickle(path)
    if kept is not None and fits(kept):
        return cast(T, kept)
    made = make()
    write_pickle(path, made)
    drop_older(path, family)
    return made


def kept_mapping(name: str, make: Callable[[], dict[str, str]], *,
                 family: str) -> dict[str, str]:
    """A mapping of text to text, kept as :func:`kept_value` keeps a value."""
    return kept_value(name, make, lambda kept: isinstance(kept, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in kept.items()), family=family)


@functools.cache
def package_version(package: str) -> str:
    """The installed version of ``package``, to name what is kept after: from the name of the
    ``.dist-info`` folder beside it (a listing, 0.2 ms), else from its metadata (3-4 ms: the
    installed packages are looked through and the metadata parsed). A package installed
    without its metadata (a frozen Windows build may leave it out) is named after its module
    file's size and time instead ("unknown-…"), so that a new version of it still makes its
    kept values anew; "unknown" for a package that is not there."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is not None and spec.origin:
        prefix = package.casefold().replace("-", "_") + "-"
        try:
            found = [entry.name[len(prefix):-len(".dist-info")]
                     for entry in os.scandir(Path(spec.origin).parent.parent)
                     if entry.name.casefold().startswith(prefix)
                     and entry.name.endswith(".dist-info")]
        except OSError:
            found = []
        if len(found) == 1:
            return found[0]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        pass
    if spec is None or not spec.origin:
        return "unknown"
    try:
        stat = os.stat(spec.origin)
    except OSError:
        return "unknown"
    return f"unknown-{stat.st_size:x}-{stat.st_mtime_ns:x}"


_texts_lock = threading.Lock()
_texts: dict[Path, dict[str, str]] = {}  # each file's texts, read once a process


def kept_text(name: str, key: str, make: Callable[[], str], *, family: str) -> str:
    """The text kept for ``key`` in the cache file ``name`` (text → text, filled a key at a
    time, named as :func:`kept_value` names its file); a key not yet kept is made (``make``)
    and the file written anew, whole (an empty text is not kept), replacing the family's
    other files. Safe to ask from several threads."""
    path = cache_folder() / name
    with _texts_lock:
        texts = _texts.get(path)
        if texts is None:
            texts = _texts[path] = _read_texts(path)
        found = texts.get(key)
    if found is not None:
        return found
    made = make()
    if not made:
        return made  # nothing to keep (a code CLDR does not know: typed text stays out)
    with _texts_lock:
        texts[key] = made
        _write_json(path, texts)
        drop_older(path, family)
    return made


def _read_texts(path: Path) -> dict[str, str]:
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except Exception:  # RecursionError for a deeply nested file, …
        return {}
    if not isinstance(kept, dict):
        return {}
    return {k: v for k, v in kept.items() if isinstance(k, str) and isinstance(v, str)}
