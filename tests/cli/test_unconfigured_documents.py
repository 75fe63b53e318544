"""The verbs that print a record's history, a calendar or a brief read the tables
(``models.tables``) and the column readers, not the records: run in a fresh interpreter, as a
user's command line is, they leave every mapper unconfigured (configuring is ~45 ms, a sixth
of a short command's run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.fresh_command import run_fresh

BRIEF_DAY = ("--date", "2023-12-31")


@pytest.mark.parametrize("argv", [
    ("history", "TRIP-2023-001"),
    ("history", "EVT-2023-001", "--json"),
    ("history", "--person", "58"),
    ("export-ics", "--trip", "TRIP-2023-001", "-o", "{out}/trip.ics"),
    ("export-ics", "--all", "-o", "{out}/all.ics"),
    ("export-ics", "--region", "EUUS", "--status", "done", "-o", "{out}/region.ics"),
    ("export-ics", "--person", "9", "-o", "{out}/person.ics"),
    ("export-ics", "--team", "第7小分队", "-o", "{out}/team.ics"),
    ("brief", "--trip", "TRIP-2023-001", *BRIEF_DAY, "-o", "{out}/trip.pdf"),
    ("brief", "--campaign", *BRIEF_DAY, "-o", "{out}/campaign.pdf"),
    ("brief", "--event", "EVT-2023-001", *BRIEF_DAY, "-o", "{out}/event.pdf"),
    ("brief", "--leaderboard", "2023-03", *BRIEF_DAY, "-o", "{out}/board.pdf"),
])
def test_a_history_calendar_or_brief_configures_no_mapper(
    sample_url: str, tmp_path: Path, argv: tuple[str, ...],
) -> None:
    words = [w.format(out=tmp_path) for w in argv]
    ran = run_fresh(sample_url, *words)
    assert ran.code == 0 and ran.printed > 20
    if "-o" in words:
        assert Path(words[words.index("-o") + 1]).stat().st_size > 1000
    assert ran.configured == []
