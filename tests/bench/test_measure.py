"""The runner's measuring helpers (``bench.measure``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from bench.measure import alternated


def test_alternated_runs_each_command_once_a_round(tmp_path: Path) -> None:
    """A figure and its floor in turn, so both see the same minutes of the host."""
    log = tmp_path / "order.txt"

    def writes(mark: str) -> list[str]:
        return [sys.executable, "-c",
                f"open({str(log)!r}, 'a').write({mark!r}); print('READY', flush=True)"]

    runs = alternated([(writes("a"), "READY"), (writes("f"), None)], dict(os.environ), 3)
    assert log.read_text() == "afafaf"
    assert [len(r) for r in runs] == [3, 3]
    assert all(run.seconds > 0 and run.peak_mib > 0 for found in runs for run in found)
