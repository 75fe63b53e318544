"""A verb imports what it needs: listing trips loads neither ReportLab, openpyxl, icalendar nor
the holiday tables (each a fresh interpreter, as a user's command line is)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("reportlab", "briefs", "openpyxl", "icalendar", "holidays", "chinese_calendar",
         "PySide6")

SCRIPT = """
import io, json, sys
from cli.app import run
from cli.context import Context
out, err = io.StringIO(), io.StringIO()
code = run(sys.argv[2:], ctx=Context(db_url=sys.argv[1], out=out, err=err))
print(json.dumps({"code": code, "modules": sorted(m for m in sys.modules if "." not in m)}))
"""


def _modules(url: str, *argv: str) -> tuple[int, set[str]]:
    done = subprocess.run([sys.executable, "-c", SCRIPT, url, "--db", url, *argv], cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=120)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return int(result["code"]), set(result["modules"])


@pytest.mark.parametrize("argv", [("list", "trips", "--json"), ("list", "organisations"),
                                  ("show", "TRIP-2023-001")])
def test_listing_loads_no_document_library(sample_url: str, argv: tuple[str, ...]) -> None:
    code, modules = _modules(sample_url, *argv)
    assert code == 0
    assert not modules & set(HEAVY)


def test_a_brief_loads_reportlab_and_a_calendar_icalendar(sample_url: str,
                                                          tmp_path: Path) -> None:
    code, modules = _modules(sample_url, "brief", "--trip", "TRIP-2023-001", "-o",
                             str(tmp_path / "b.pdf"))
    assert code == 0 and {"reportlab", "briefs"} <= modules and "icalendar" not in modules
    code, modules = _modules(sample_url, "export-ics", "--all", "-o", str(tmp_path / "c.ics"))
    assert code == 0 and "icalendar" in modules and "reportlab" not in modules
