"""Every verb but ``init`` refuses a database file that does not exist: one line naming the path
and saying to run ``init`` (exit 2), and nothing created, not even the folder."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from cli.app import build_parser, run
from cli.context import Context
from cli.screenshots_cmd import ScreenshotsCommand

# The simplest well-formed arguments of each verb (files named are made by the test).
ARGUMENTS = {
    "list": ["trips"],
    "show": ["TRIP-2023-001"],
    "campaign": ["show"],
    "check": [],
    "confirm": ["LEAD-2023-001"],
    "brief": ["--campaign", "-o", "{tmp}/report.pdf"],
    "export-ics": ["--all", "-o", "{tmp}/all.ics"],
    "import-ics": ["--as-events", "{tmp}/given.ics"],
    "backup": ["{tmp}/backup.db"],
    "restore": ["{tmp}/given.db"],
    "dump": ["{tmp}/dump.json"],
    "load": ["{tmp}/given.json"],
    "history": [],
    "import-sheet": ["organisations", "{tmp}/given.csv"],
    "export-sheet": ["trips", "{tmp}/trips.csv"],
    "screenshots": ["{tmp}/shots"],
    "users": ["list"],
}


def never_shoot(*_args: object) -> list[Path]:
    raise AssertionError("the screenshots verb ran on a missing database")


SCREENSHOTS = ScreenshotsCommand(never_shoot)


def verbs() -> list[str]:
    parser = build_parser([SCREENSHOTS])
    sub = next(a for a in parser._actions if a.dest == "command")
    return [name for name in sub.choices if name != "init"]  # type: ignore[union-attr]


def test_the_table_names_every_verb() -> None:
    assert sorted(verbs()) == sorted(ARGUMENTS)


@pytest.mark.parametrize("verb", sorted(ARGUMENTS))
def test_a_missing_database_is_refused_by(verb: str, tmp_path: Path) -> None:
    (tmp_path / "given.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    (tmp_path / "given.db").write_bytes(b"")
    (tmp_path / "given.json").write_text(json.dumps({"format": "x"}), encoding="utf-8")
    (tmp_path / "given.csv").write_text("名称\n博世\n", encoding="utf-8")
    missing = tmp_path / "typo" / "x.db"
    out, err = io.StringIO(), io.StringIO()
    argv = ["--db", f"sqlite:///{missing}", verb,
            *(a.format(tmp=tmp_path) for a in ARGUMENTS[verb])]
    code = run(argv, extra=[SCREENSHOTS], ctx=Context(db_url=None, out=out, err=err))
    message = err.getvalue()
    assert code == 2 and out.getvalue() == ""
    assert message.count("\n") == 1 and "Traceback" not in message
    assert str(missing) in message and "init" in message
    assert not missing.parent.exists()
    assert not (tmp_path / "shots").exists() and not (tmp_path / "dump.json").exists()
