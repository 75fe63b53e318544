"""``check``: the checks from the command line, their JSON, exit codes, acks and settings."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session, sessionmaker

from models.checks import run_checks
from tests.cli.test_cli import cli


def test_check_json_keeps_kind_and_severity_as_plain_strings(
        sample_url: str, sample_sessions: sessionmaker[Session]) -> None:
    with sample_sessions() as s:
        expected = run_checks(s)
    code, out, _ = cli("--db", sample_url, "--lang", "en", "check", "--json")
    found = json.loads(out)
    assert code == 3  # the sample has open errors
    assert [(c["id"], c["kind"], c["severity"], tuple(c["codes"])) for c in found] == [
        (c.id, c.kind.value, c.severity.value, c.codes) for c in expected]
    assert {c["kind"] for c in found} >= {"person_double_booked", "venue_double_booked",
                                          "weekend", "holiday"}
    assert {c["severity"] for c in found} <= {"error", "warning", "note"}
    assert [c["message"] for c in found] == [c.message_en for c in expected]
    assert all(c["concerns"] and c["open"] for c in found)


def test_exit_codes_scopes_and_acknowledgement(sample_url: str) -> None:
    code, out, _ = cli("--db", sample_url, "check")
    assert code == 3 and "✗" in out and "错误 2" in out
    code, out, _ = cli("--db", sample_url, "check", "--trip", "TRIP-2023-004")
    assert code == 5 and "韩国的周末" in out  # warnings only
    finding = out.splitlines()[1].split()[1]
    code, out, err = cli("--db", sample_url, "check", "ack", finding, "--reason", "园区周六专场接待",
                         "--by", "张敏")
    assert code == 0 and finding in out and "张敏" in out, err
    code, out, _ = cli("--db", sample_url, "check", "--trip", "TRIP-2023-004")
    assert code == 0 and "未发现待处理的问题" in out and "已确认 1 项" in out
    code, out, _ = cli("--db", sample_url, "check", "--trip", "TRIP-2023-004", "--all")
    assert f"✓ {finding}" in out and "张敏" in out and "园区周六专场接待" in out
    code, out, _ = cli("--db", sample_url, "check", "--from", "2023-03-01", "--to", "2023-03-31")
    assert code == 5 and "TRIP-2023-005" in out and "TRIP-2023-009" not in out


def test_bad_input_gets_one_line_and_exit_2(sample_url: str) -> None:
    for argv, words in (
        (("check", "--trip", "TRIP-1999-001"), "没有编号为 TRIP-1999-001 的推广活动"),
        (("check", "--from", "2023-02-30", "--to", "2023-03-01"), "YYYY-MM-DD"),
        (("check", "--from", "2023-04-01", "--to", "2023-03-01"), "早于"),
        (("check", "ack", "0000beef", "--reason", "x"), "没有编号为 0000beef 的检查结果"),
        (("check", "settings", "hours", "DE", "9-5"), "09:00-18:00"),
        (("check", "settings", "weekend", "XYZ", "fri,sat"), "两个字母"),
        (("check", "settings", "blackout", "add", "2023-10-16", "--reason", " "), "原因"),
    ):
        code, _, err = cli("--db", sample_url, *argv)
        assert code == 2 and words in err and "Traceback" not in err, (argv, err)
        assert len(err.strip().splitlines()) == 1


def test_errors_cannot_be_acknowledged(sample_url: str) -> None:
    _, out, _ = cli("--db", sample_url, "check")
    error = next(line.split()[1] for line in out.splitlines() if line.startswith("✗"))
    code, _, err = cli("--db", sample_url, "check", "ack", error, "--reason", "先这样")
    assert code == 2 and "不能确认忽略" in err


def test_settings_from_the_command_line(sample_url: str) -> None:
    code, out, _ = cli("--db", sample_url, "check", "settings")
    assert code == 0 and "transfer_minutes" in out and "09:00-18:00" in out
    cli("--db", sample_url, "check", "settings", "weekend", "KR", "sun")
    cli("--db", sample_url, "check", "settings", "hours", "DE", "08:00-17:00")
    cli("--db", sample_url, "check", "settings", "set", "max_trips_per_month", "5")
    code, out, _ = cli("--db", sample_url, "check", "settings", "blackout", "add", "2023-03-16",
                       "--to", "2023-03-22", "--reason", "全市招商大会筹备")
    assert code == 0
    assert "weekend KR" in out and "sun" in out and "hours DE" in out and "08:00-17:00" in out
    assert "全市招商大会筹备" in out and "2023-03-16–2023-03-22" in out
    _, out, _ = cli("--db", sample_url, "check", "--trip", "TRIP-2023-004")
    assert "韩国的周末" not in out and "禁排日期" in out
    cli("--db", sample_url, "check", "settings", "weekend", "KR", "--clear")
    cli("--db", sample_url, "check", "settings", "blackout", "remove", "2023-03-16")
    _, out, _ = cli("--db", sample_url, "check", "--trip", "TRIP-2023-004")
    assert "韩国的周末" in out and "禁排日期" not in out
