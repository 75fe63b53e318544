"""Hyphenating English words in the briefs' narrow columns (pyphen's ``en_GB`` patterns).

Given a language's name as ``hyphenationLang``, ReportLab makes pyphen read and parse that
language's dictionary (14,000 patterns, ~50 ms) in every process, the first time any paragraph
is laid out. :func:`hyphenate` is given instead: the dictionary is read the first time a word
does not fit its column, and its parsed patterns are kept in the program's cache folder
(``models.user_cache``), so later runs load them in ~10 ms. The hyphenation is pyphen's own,
the same either way.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyphen

from models.user_cache import collector_paused, kept_json

HYPHENATION = "en_GB"  # pyphen's dictionary for English words in narrow columns


def hyphenate(word: str) -> Iterator[tuple[str, str]]:
    """Where ``word`` may be hyphenated: pyphen's (head, tail) pairs, for ReportLab."""
    return _hyphenator().iterate(word)


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    path = pyphen.LANGUAGES[HYPHENATION]
    if path not in pyphen.hdcache:
        with collector_paused():  # 14,000 patterns: see collector_paused
            kept = kept_json(f"hyphenation-{HYPHENATION}-{pyphen.__version__}.json",
                             lambda: _parsed(path), _fits)
            if kept:
                pyphen.hdcache[path] = _dictionary(kept)
    return pyphen.Pyphen(lang=HYPHENATION)


def _parsed(path: Path) -> dict[str, Any]:
    """The dictionary's patterns, parsed by pyphen, as JSON holds them; {} when one carries a
    non-standard hyphenation (pyphen's ``DataInt``: not kept, the dictionary is parsed each run)."""
    dictionary = pyphen.HyphDict(path)
    patterns = dictionary.patterns
    if any(type(v) is not int for _start, values in patterns.values() for v in values):
        return {}
    return {"maxlen": dictionary.maxlen,
            "patterns": {tags: [start, list(values)] for tags, (start, values) in patterns.items()}}


def _fits(kept: Any) -> bool:
    return isinstance(kept, dict) and (not kept or (
        isinstance(kept.get("maxlen"), int) and isinstance(kept.get("patterns"), dict)
        and all(isinstance(v, list) and len(v) == 2 and isinstance(v[0], int)
                and isinstance(v[1], list) and all(type(x) is int for x in v[1])
                for v in kept["patterns"].values())))


def _dictionary(kept: dict[str, Any]) -> pyphen.HyphDict:
    """A ``HyphDict`` as pyphen's parser leaves it, from the kept patterns."""
    dictionary = pyphen.HyphDict.__new__(pyphen.HyphDict)
    dictionary.patterns = {tags: (start, tuple(values))
                           for tags, (start, values) in kept["patterns"].items()}
    dictionary.cache = {}
    dictionary.maxlen = kept["maxlen"]
    return dictionary
