"""Python's cycle collector held back while an import works through its rows.

Reading, checking and writing a sheet makes millions of small objects (cells, drafts, values,
parameter lists) that are freed by their reference counts, never by the collector; yet the
collector runs every few hundred allocations, and now and then (several times a 20,000-row
import) walks every object of the process, the loaded modules and mappers included. That was
about a third of the CPU of a 20,000-row import (1.4 s of ~4.3). :func:`collector_held` stops its runs
until it ends; then the collector is as it was. A reference cycle made meanwhile is collected
after, by the next run. What the program froze at start (``main.settle_collector``) stays
frozen: the hold neither freezes nor unfreezes anything.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def collector_held() -> Iterator[None]:
    """No cycle collection inside (nestable, and from several threads at once: the collector
    comes back when the last one ends, as it was when the first began)."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()
