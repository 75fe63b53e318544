"""The listing and showing verbs read the tables (``models.tables``), not the records: run in a
fresh interpreter, as a user's command line is, they leave every mapper unconfigured (SQLAlchemy
configuring its 70 relationships is ~45 ms, a sixth of such a command's run)."""

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


def _configured(url: str, *argv: str) -> tuple[int, int, list[str]]:
    """The exit code, the characters printed and the mappers configured by a command line."""
    done = subprocess.run([sys.executable, "-c", SCRIPT, url, "--db", url, *argv], cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=120)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return int(result["code"]), int(result["printed"]), list(result["configured"])


@pytest.mark.parametrize("argv", [
    ("list", "trips"),
    ("list", "trips", "--json"),
    ("list", "trips", "--region", "EUUS", "--status", "done"),
    ("list", "events"),
    ("list", "people"),
    ("list", "organisations"),
    ("show", "TRIP-2023-001"),
    ("show", "EVT-2023-001", "--json"),
])
def test_a_listing_or_showing_verb_configures_no_mapper(sample_url: str,
                                                        argv: tuple[str, ...]) -> None:
    code, printed, configured = _configured(sample_url, *argv)
    assert code == 0 and printed > 100
    assert configured == []


def test_a_verb_that_loads_a_record_is_seen_configuring(sample_url: str) -> None:
    """The check above sees configuring: a team's view still loads the team's record."""
    code, _printed, configured = _configured(sample_url, "show", "第7小分队")
    assert code == 0 and "Team" in configured and len(configured) > 10
