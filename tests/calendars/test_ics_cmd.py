"""``export-ics`` and ``import-ics`` on the command line: output, files, exit codes."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from cli.app import run
from cli.context import Context
from models.trips import ItineraryItem
from tests.calendars.calendar_world import CalendarWorld, make_calendar_world
from tests.calendars.ics_checks import assert_valid
from tests.calendars.partner_calendars import PARTNER


class _Binary(io.StringIO):
    """A text stream with a bytes ``buffer``, like ``sys.stdout``."""

    def __init__(self) -> None:
        super().__init__()
        self.buffer = io.BytesIO()


def cli(db_url: str, *argv: str) -> tuple[int, str, str, bytes]:
    out, err = _Binary(), io.StringIO()
    code = run(["--db", db_url, *argv], ctx=Context(db_url=None, out=out, err=err))
    return code, out.getvalue(), err.getvalue(), out.buffer.getvalue()


@pytest.fixture
def cw(sessions: sessionmaker[Session]) -> CalendarWorld:
    with sessions.begin() as s:
        return make_calendar_world(s)


def item_count(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return int(s.scalar(select(func.count()).select_from(ItineraryItem)) or 0)


def test_export_a_trip_to_stdout_as_crlf_bytes(db_url: str, cw: CalendarWorld) -> None:
    code, _, err, raw = cli(db_url, "export-ics", "--trip", cw.trip_code)
    assert code == 0, err
    assert_valid(raw)
    assert len(Calendar.from_ical(raw).walk("VEVENT")) == 5


def test_export_to_a_file_in_english_with_filters(db_url: str, cw: CalendarWorld,
                                                  tmp_path: Path) -> None:
    target = tmp_path / "europe.ics"
    code, out, err, _ = cli(db_url, "export-ics", "--region", "EUUS", "--status", "已取消",
                            "--lang", "en", "--alarm", "30", "-o", str(target))
    assert code == 0, err
    assert "1 entries exported" in out
    raw = target.read_bytes()
    assert_valid(raw)
    assert str(Calendar.from_ical(raw).walk("VEVENT")[0]["SUMMARY"]) == "Europe storage roadshow"


@pytest.mark.parametrize("argv", [
    ["--all", "--from", "2023-05-01", "--to", "2023-05-31"],
    ["--event", "EVT-2023-001"],
    ["--person", "李晓敏"],
    ["--person", "2", "--industry", "NEV", "--unit", "松山湖高新区"],
])
def test_export_scopes(db_url: str, cw: CalendarWorld, argv: list[str]) -> None:
    code, _, err, raw = cli(db_url, "export-ics", *argv)
    assert code == 0, err
    assert_valid(raw)


@pytest.mark.parametrize(("argv", "message"), [
    (["--trip", "TRIP-2023-999"], "TRIP-2023-999"),
    (["--region", "Mars"], "Mars"),
    (["--person", "无名氏"], "无名氏"),
    (["--all", "--status", "lost"], "lost"),
    (["--all", "--from", "2030-01-01"], "没有可导出"),
    (["--all", "--trip", "TRIP-2023-001"], "not allowed"),
    ([], "required"),
])
def test_bad_export_requests_exit_2_with_one_line(db_url: str, cw: CalendarWorld,
                                                  argv: list[str], message: str) -> None:
    code, out, err, raw = cli(db_url, "export-ics", *argv)
    assert code == 2
    assert message in err and err.count("\n") == 1
    assert raw == b"" and out == ""


def test_a_failed_write_leaves_the_old_file(db_url: str, cw: CalendarWorld, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "trip.ics"
    target.write_bytes(b"old calendar")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    code, _, err, _ = cli(db_url, "export-ics", "--trip", cw.trip_code, "-o", str(target))
    assert code == 1 and "No space left" in err
    assert target.read_bytes() == b"old calendar"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".trip")] == []


def test_import_into_a_trip_then_again(db_url: str, cw: CalendarWorld, tmp_path: Path,
                                       sessions: sessionmaker[Session]) -> None:
    source = tmp_path / "partner.ics"
    source.write_bytes(PARTNER)
    code, out, err, _ = cli(db_url, "import-ics", str(source), "--trip", cw.trip_code,
                            "--dry-run")
    assert code == 0, err
    assert "试运行" in out and item_count(sessions) == 4
    code, out, err, _ = cli(db_url, "import-ics", str(source), "--trip", cw.trip_code)
    assert code == 0, err
    assert "新建 10" in out and "跳过 1" in out and "After the trip" in out
    assert item_count(sessions) == 14
    code, out, _, _ = cli(db_url, "--lang", "en", "import-ics", str(source), "--trip",
                          cw.trip_code)
    assert code == 0 and "0 created, 0 updated, 10 unchanged" in out


def test_a_malformed_import_exits_2_and_writes_nothing(db_url: str, cw: CalendarWorld,
                                                       tmp_path: Path,
                                                       sessions: sessionmaker[Session]) -> None:
    source = tmp_path / "broken.ics"
    source.write_bytes(PARTNER.replace(b"SUMMARY:Hannover Messe", "SUMMARY:\ufffd".encode()))
    code, out, err, _ = cli(db_url, "import-ics", str(source), "--trip", cw.trip_code)
    assert code == 2 and out == ""
    assert "乱码" in err and err.count("\n") == 1
    assert item_count(sessions) == 4
    code, _, err, _ = cli(db_url, "import-ics", str(tmp_path / "missing.ics"), "--as-events")
    assert code == 2 and "missing.ics" in err  # a mistyped path is bad input
    code, _, err, _ = cli(db_url, "import-ics", str(source))
    assert code == 2 and "required" in err


def test_dry_run_lists_each_kind_and_default_kind_is_used(db_url: str, cw: CalendarWorld,
                                                          tmp_path: Path,
                                                          sessions: sessionmaker[Session]) -> None:
    source = tmp_path / "partner.ics"
    source.write_bytes(PARTNER)
    code, out, err, _ = cli(db_url, "import-ics", str(source), "--trip", cw.trip_code,
                            "--dry-run", "--default-kind", "free_time")
    assert code == 0, err
    assert "+ 新建：第 4 行的日程“Werksbesichtigung 工厂参观”，类别：企业拜访（Europe/Berlin）" in out
    assert "“Morning briefing”，类别：自由活动（Europe/Berlin）" in out  # nothing suggests a kind
    assert "“Flight LH 720”，类别：航班" in out and "“Dinner 晚宴”，类别：宴请" in out
    assert "“Hannover Messe”，类别：展会（全天）" in out
    assert item_count(sessions) == 4
    code, out, err, _ = cli(db_url, "--lang", "en", "import-ics", str(source), "--trip",
                            cw.trip_code, "--dry-run")
    assert code == 0, err
    assert "+ new: the entry at line 4 ('Werksbesichtigung 工厂参观') as Company visit" in out
    assert "('Morning briefing') as Company visit (Europe/Berlin)" in out
    code, out, err, _ = cli(db_url, "import-ics", str(source), "--trip", cw.trip_code,
                            "--default-kind", "lunch")
    assert code == 2 and out == "" and item_count(sessions) == 4
    assert err.count("\n") == 1 and "未知的类别“lunch”" in err and "Traceback" not in err


def test_a_utf16_calendar_is_imported(db_url: str, cw: CalendarWorld, tmp_path: Path,
                                      sessions: sessionmaker[Session]) -> None:
    source = tmp_path / "outlook-unicode.ics"
    source.write_bytes(PARTNER.decode("utf-8").encode("utf-16"))
    code, out, err, _ = cli(db_url, "import-ics", str(source), "--trip", cw.trip_code)
    assert code == 0, err
    assert "新建 10" in out and item_count(sessions) == 14


def test_a_person_s_name_shared_by_two_is_refused_naming_both(
        db_url: str, cw: CalendarWorld, sessions: sessionmaker[Session]) -> None:
    from models.enums import PersonKind
    from models.operations.directory import PersonDraft, create_person

    with sessions.begin() as s:
        namesake = create_person(s, PersonDraft("李晓敏", PersonKind.EXTERNAL, "Li Xiaomin")).value.id
    code, out, err, raw = cli(db_url, "export-ics", "--person", "Li Xiaomin")
    assert code == 2 and out == "" and raw == b"" and err.count("\n") == 1
    assert f"编号 {namesake} 李晓敏" in err and "请用编号" in err
    code, _, err, raw = cli(db_url, "export-ics", "--person", str(namesake))
    assert code == 2 and "没有可导出" in err  # found, but nothing on their schedule
