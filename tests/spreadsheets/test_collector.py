"""An import holds the cycle collector back while it works, and gives it back as it was."""

from __future__ import annotations

import gc
import weakref

import pytest

from spreadsheets.collector import collector_held


def _still_frozen(frozen: int) -> bool:
    """Nothing unfroze: the count is what it was but for the few frozen objects another test's
    thread may free meanwhile (unfreezing would make it 0)."""
    return frozen - 100 <= gc.get_freeze_count() <= frozen


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


def test_the_collector_is_held_inside_and_back_after() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with collector_held():
        assert not gc.isenabled()
        with collector_held():  # nested: still held when the inner one ends
            pass
        assert not gc.isenabled()
        cycle = _Node()
        gone = weakref.ref(cycle)
        del cycle
    assert gc.isenabled()
    assert _still_frozen(frozen)  # what start-up froze (main.py) stays frozen
    gc.collect()
    assert gone() is None  # a cycle made meanwhile is collected after


def test_an_error_inside_gives_the_collector_back() -> None:
    with pytest.raises(ValueError), collector_held():
        raise ValueError("刷新")
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with collector_held():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_start_up_froze_stays_frozen() -> None:
    gc.freeze()  # as main.settle_collector does
    try:
        frozen = gc.get_freeze_count()
        with collector_held():
            pass
        assert _still_frozen(frozen)
    finally:
        gc.unfreeze()
