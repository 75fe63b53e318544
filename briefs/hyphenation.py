"""Hyphenating English words in the briefs' narrow columns (pyphen's ``en_GB`` patterns).

Given a language's name as ``hyphenationLang``, ReportLab makes pyphen read and parse that
language's dictionary (14,000 patterns, ~50 ms) in every process, the first time any paragraph
is laid out. :func:`hyphenate` is given instead: the dictionary is read the first time a word
does not fit its column, and its parsed patterns are kept in the program's cache folder
(``models.user_cache``), so later runs load them in a few milliseconds. The hyphenation is pyphen's own,
the same either way.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyphen

from models.user_cache import collector_paused, kept_value

HYPHENATION = "en_GB"  # pyphen's dictionary for English words in narrow columns


def hyphenate(word: str) -> Iterator[tuple[str, str]]:
    """Where ``word`` may be hyphenated: pyphen's (head, tail) pairs, for ReportLab."""
    return _hyphenator().iterate(word)


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    path = pyphen.LANGUAGES[HYPHENATION]
    if path not in pyphen.hdcache:
        with collector_paused():  # 14,000 patterns: see collector_paused
            kept = kept_value(f"hyphenation-{HYPHENATION}-{pyphen.__version__}.pickle",
                              lambda: _parsed(path), _fits, family=f"hyphenation-{HYPHENATION}-")
            if kept:
                pyphen.hdcache[path] = _dictionary(kept)
    return pyphen.Pyphen(lang=HYPHENATION)


def _parsed(path: Path) -> dict[str, Any]:
    """The dictionary's patterns as pyphen parses them (text → (start, values)) and their
    longest key; {} when one carries a non-standard hyphenation (pyphen's ``DataInt``: not
    kept, the dictionary is parsed each run)."""
    dictionary = pyphen.HyphDict(path)
    patterns = dictionary.patterns
    if any(type(v) is not int for _start, values in patterns.values() for v in values):
        return {}
    return {"maxlen": dictionary.maxlen, "patterns": patterns}


def _fits(kept: Any) -> bool:
    """Whether a kept value has the layout :func:`_parsed` gives (only this module writes the
    file: this guards against another layout, in a pass over the values' types)."""
    if not isinstance(kept, dict) or not kept:
        return isinstance(kept, dict)
    patterns = kept.get("patterns")
    if not isinstance(kept.get("maxlen"), int) or not isinstance(patterns, dict) or not patterns:
        return False
    if {type(k) for k in patterns} != {str} or {type(v) for v in patterns.values()} != {tuple}:
        return False
    return all(len(v) == 2 and type(v[0]) is int and type(v[1]) is tuple
               and all(type(x) is int for x in v[1]) for v in list(patterns.values())[:100])


def _dictionary(kept: dict[str, Any]) -> pyphen.HyphDict:
    """A ``HyphDict`` as pyphen's parser leaves it, from the kept patterns."""
    dictionary = pyphen.HyphDict.__new__(pyphen.HyphDict)
    dictionary.patterns = kept["patterns"]
    dictionary.cache = {}
    dictionary.maxlen = kept["maxlen"]
    return dictionary
