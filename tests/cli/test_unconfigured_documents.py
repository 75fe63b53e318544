"""The verbs that print a record's history, a calendar or a brief read the tables
(``models.tables``) and the column readers, not the records: run in a fresh interpreter, as a
user's command line is, they leave every mapper unconfigured (configuring is ~45 ms, a sixth
of a short command's run)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import io, json, sys
from cli.app import run
from cli.context import Context
from models.base import Base
out, err = io.StringIO(), io.StringIO()
code = run(sys.argv[2:], ctx=Context(db_url=sys.argv[1], out=out, err=err))
print(json.dumps({"code": code, "printed": len(out.getvalue()),
                  "configured": sorted(m.class_.__name__ for m in Base.registry.mappers
                                       if m.configured)}))
"""

BRIEF_DAY = ("--date", "2023-12-31")


@pytest.mark.parametrize("argv", [
    ("history", "TRIP-2023-001"),
    ("history", "EVT-2023-001", "--json"),
    ("history", "--person", "58"),
    ("export-ics", "--trip", "TRIP-2023-001", "-o", "{out}/trip.ics"),
    ("export-ics", "--all", "-o", "{out}/all.ics"),
    ("export-ics", "--region", "EUUS", "--status", "done", "-o", "{out}/region.ics"),
    ("export-ics", "--person", "9", "-o", "{out}/person.ics"),
    ("brief", "--trip", "TRIP-2023-001", *BRIEF_DAY, "-o", "{out}/trip.pdf"),
    ("brief", "--campaign", *BRIEF_DAY, "-o", "{out}/campaign.pdf"),
    ("brief", "--event", "EVT-2023-001", *BRIEF_DAY, "-o", "{out}/event.pdf"),
    ("brief", "--leaderboard", "2023-03", *BRIEF_DAY, "-o", "{out}/board.pdf"),
])
def test_a_history_calendar_or_brief_configures_no_mapper(
    sample_url: str, tmp_path: Path, argv: tuple[str, ...],
) -> None:
    words = [w.format(out=tmp_path) for w in argv]
    done = subprocess.run([sys.executable, "-c", SCRIPT, sample_url, "--db", sample_url, *words],
                          cwd=ROOT, capture_output=True, text=True, check=True, timeout=120)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0 and result["printed"] > 20
    if "-o" in words:
        assert Path(words[words.index("-o") + 1]).stat().st_size > 1000
    assert result["configured"] == []
