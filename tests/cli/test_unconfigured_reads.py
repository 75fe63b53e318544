"""The listing and showing verbs read the tables (``models.tables``), not the records: run in a
fresh interpreter, as a user's command line is, they leave every mapper unconfigured (SQLAlchemy
configuring its 70 relationships is ~45 ms, a sixth of such a command's run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.fresh_command import run_fresh


@pytest.mark.parametrize("argv", [
    ("list", "trips"),
    ("list", "trips", "--json"),
    ("list", "trips", "--region", "EUUS", "--status", "done"),
    ("list", "events"),
    ("list", "people"),
    ("list", "organisations"),
    ("show", "TRIP-2023-001"),
    ("show", "EVT-2023-001", "--json"),
    ("show", "LEAD-2023-001"),
    ("campaign", "show"),
    ("list", "teams"),
    ("show", "第7小分队"),
    ("show", "Team 7", "--json"),
    ("list", "visits", "--team", "第7小分队"),
    ("show", "郭一鸣"),
    ("show", "NEV", "--json"),
])
def test_a_listing_or_showing_verb_configures_no_mapper(sample_url: str,
                                                        argv: tuple[str, ...]) -> None:
    ran = run_fresh(sample_url, *argv)
    assert ran.code == 0 and ran.printed > 100
    assert ran.configured == []


def test_a_verb_that_loads_a_record_is_seen_configuring(sample_url: str) -> None:
    """The check above sees configuring: a verb that changes a record loads it (the ORM's
    unit of work and history listeners are what it writes with)."""
    ran = run_fresh(sample_url, "campaign", "set", "--duty-phone", "+86 769 1234 5678")
    assert ran.code == 0 and "Campaign" in ran.configured and len(ran.configured) > 10


def test_the_checks_and_the_dump_configure_no_mapper(sample_url: str, tmp_path: Path) -> None:
    """``check`` reads the plan as the dashboard does (``models.checks.plan``); ``dump`` reads
    every table as rows."""
    ran = run_fresh(sample_url, "check")
    assert ran.code in (0, 3, 5) and ran.printed > 100  # 3, 5: errors, warnings open
    assert ran.configured == []
    ran = run_fresh(sample_url, "dump", str(tmp_path / "dump.json"))
    assert ran.code == 0 and (tmp_path / "dump.json").stat().st_size > 100_000
    assert ran.configured == []
