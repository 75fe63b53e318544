"""``check``: the conflict finder from the command line, its JSON and its exit code."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from models.conflicts import find_conflicts
from tests.cli.test_cli import cli, cli_json


def test_check_json_keeps_kind_and_severity_as_plain_strings(
        sample_url: str, sample_sessions: sessionmaker[Session]) -> None:
    with sample_sessions() as s:
        expected = find_conflicts(s)
    found = cli_json("--db", sample_url, "--lang", "en", "check")
    assert [(c["kind"], c["severity"], tuple(c["codes"])) for c in found] == [
        (c.kind.value, c.severity.value, c.codes) for c in expected]
    assert {c["kind"] for c in found} >= {"person_double_booked", "venue_double_booked"}
    assert {c["severity"] for c in found} <= {"error", "warning"}
    assert [c["message"] for c in found] == [c.message_en for c in expected]


def test_check_strict_fails_on_an_error(sample_url: str) -> None:
    code, out, _ = cli("--db", sample_url, "check")
    assert code == 0 and "✗" in out
    code, _, _ = cli("--db", sample_url, "check", "--strict")
    assert code == 1
