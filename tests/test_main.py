"""``main.py``: the cycle collector rests during start-up and works again for the command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import gc, sys
import main
from cli import app

def probe(argv, extra=()):
    print("collecting" if gc.isenabled() else "resting", gc.get_freeze_count() > 10000,
          gc.get_threshold())
    return 0

app.run = probe
print("collecting" if gc.isenabled() else "resting")
sys.exit(main.main(["--db", sys.argv[1], "list", "trips"]))
"""


def test_a_command_runs_with_the_collector_on_and_start_up_frozen(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, f"sqlite:///{tmp_path / 'x.db'}"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split("\n")[:2] == ["collecting", "collecting True (200000, 30, 30)"]


def test_start_up_leaves_the_collector_on_with_its_objects_frozen() -> None:
    probe = ("import gc, main; gc.disable(); main.settle_collector(); "
             "print(gc.isenabled(), gc.get_freeze_count() > 0, gc.get_threshold())")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=True)
    assert done.stdout.strip() == "True True (700, 10, 10)"  # the window: Python's own


def test_a_second_settling_freezes_nothing_more() -> None:
    """The window settles before the first run's question and again once shown: what the first
    run made in between is left to the collector, not frozen."""
    probe = ("import gc, main; gc.disable(); main.settle_collector(); n = gc.get_freeze_count(); "
             "junk = [[] for _ in range(1000)]; main.settle_collector(); "
             "print(gc.isenabled(), gc.get_freeze_count() == n)")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=True)
    assert done.stdout.strip() == "True True"
