"""``brief``: the command line prints each document to a PDF file, or says clearly why not."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from cli.app import run
from cli.context import Context
from tests.briefs.pdf_helpers import check_pdf, flat, needs_check_pdf
from tests.briefs.world import build_brief_world

ROOT = Path(__file__).resolve().parents[2]


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), ctx=Context(db_url=None, out=out, err=err))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(db_url: str, sessions: sessionmaker[Session]) -> str:
    with sessions.begin() as session:
        build_brief_world(session)
    return db_url


DOCUMENTS = [
    (["--trip", "trip-2023-007"], ["出访工作手册", "欧洲新能源汽车推介", "16:00–18:00"]),
    (["--event", "EVT-2023-012"], ["活动工作方案", "开幕致辞", "确认出席"]),
    (["--campaign", "--year", "2023"], ["招商工作进展报告", "1,600 亿元", "松山湖高新区"]),
]


@pytest.mark.parametrize(("what", "expect"), DOCUMENTS)
def test_each_document_is_written(db: str, tmp_path: Path, what: list[str],
                                  expect: list[str]) -> None:
    out = tmp_path / "brief.pdf"
    code, stdout, err = cli("--db", db, "brief", *what, "-o", str(out), "--date", "2023-03-01")
    assert code == 0, err
    assert str(out) in stdout
    text = flat(out.read_bytes())
    assert "生成日期2023年3月1日" in text
    for fragment in expect:
        assert fragment.replace(" ", "") in text


@needs_check_pdf
@pytest.mark.parametrize(("what", "expect"), DOCUMENTS)
def test_each_written_document_passes_check_pdf(db: str, tmp_path: Path, what: list[str],
                                                expect: list[str]) -> None:
    out = tmp_path / "brief.pdf"
    code, _, err = cli("--db", db, "brief", *what, "-o", str(out), "--date", "2023-03-01")
    assert code == 0, err
    result = check_pdf(out, *expect)
    assert result is not None and result.returncode == 0, result


def test_english_after_the_verb(db: str, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    code, stdout, err = cli("--db", db, "brief", "--trip", "TRIP-2023-007", "--lang", "en",
                            "-o", str(out), "--date", "2023-03-01")
    assert code == 0, err
    assert stdout.startswith("wrote ")
    assert "Delegationbrief" in flat(out.read_bytes())


@pytest.mark.parametrize(("args", "message"), [
    (["--trip", "TRIP-1999-001"], "TRIP-1999-001"),
    (["--event", "EVT-1999-001"], "EVT-1999-001"),
    (["--campaign", "--year", "1999"], "campaign"),
    (["--trip", "TRIP-2023-007", "--date", "2023-13-01"], "2023-13-01"),
    (["--trip", "TRIP-2023-007", "--campaign"], "not allowed with"),
    ([], "one of the arguments"),
])
def test_bad_input_gives_one_line_and_writes_nothing(db: str, tmp_path: Path,
                                                     args: list[str], message: str) -> None:
    out = tmp_path / "brief.pdf"
    code, _, err = cli("--db", db, "brief", *args, "-o", str(out))
    assert code == 2
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not out.exists()


def test_bad_output_paths_are_refused(db: str, tmp_path: Path) -> None:
    for target, message in ((tmp_path / "missing" / "x.pdf", "no such folder"),
                            (tmp_path / "brief.txt", ".pdf"), (tmp_path, "folder")):
        code, _, err = cli("--db", db, "brief", "--campaign", "-o", str(target))
        assert code == 2 and message in err, err
    assert not (tmp_path / "missing").exists()


def test_an_unusable_font_is_reported_and_another_used(db: str, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    missing = tmp_path / "no-such-font.ttf"
    code, _, err = cli("--db", db, "brief", "--campaign", "--font", str(missing), "--lang", "en",
                       "-o", str(out))
    assert code == 0
    assert err.count("\n") == 1 and err.startswith("warning: ") and str(missing) in err
    assert "Campaignprogressreport" in flat(out.read_bytes())  # printed all the same


def test_the_file_is_replaced_atomically(db: str, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"old")
    code, _, err = cli("--db", db, "brief", "--campaign", "-o", str(out), "--date", "2023-03-01")
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".brief.pdf")] == []


def test_main_runs_the_verb(db: str, tmp_path: Path) -> None:
    out = tmp_path / "run.pdf"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", db, "brief", "--event", "EVT-2023-012",
         "-o", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "活动工作方案" in flat(out.read_bytes())


def test_monthly_leaderboard(db: str, tmp_path: Path) -> None:
    out = tmp_path / "board.pdf"
    code, _, err = cli("--db", db, "brief", "--leaderboard", "2023-03", "-o", str(out),
                       "--date", "2023-04-01")
    assert code == 0, err
    text = flat(out.read_bytes())
    assert "2023年3月招商引资英雄榜" in text
    assert "镇街园区" in text and "市直部门及市属国企" in text
    # the Bosch lead, signed on 1 March, puts its unit first with 60 亿元
    assert "1松山湖高新区1" in text and "60亿元" in text
    result = check_pdf(out, "英雄榜")
    if result is not None:
        assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("month", ["2023-13", "2023/03", "March"])
def test_a_bad_month_is_refused_in_one_line(db: str, tmp_path: Path, month: str) -> None:
    code, _, err = cli("--db", db, "brief", "--leaderboard", month, "-o",
                       str(tmp_path / "x.pdf"))
    assert code == 2
    assert "YYYY-MM" in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def test_redact_leaves_out_personal_phones(db: str, tmp_path: Path) -> None:
    plain, redacted = tmp_path / "plain.pdf", tmp_path / "redacted.pdf"
    assert cli("--db", db, "brief", "--trip", "TRIP-2023-007", "-o", str(plain),
               "--date", "2023-03-01")[0] == 0
    assert cli("--db", db, "brief", "--trip", "TRIP-2023-007", "--redact", "-o", str(redacted),
               "--date", "2023-03-01")[0] == 0
    assert "+861380000000" in flat(plain.read_bytes())
    text = flat(redacted.read_bytes())
    assert "+861380000000" not in text and "（已隐去）" in text
    assert "王建国" in text  # names stay


def test_a_long_note_prints_from_the_command_line(db: str, tmp_path: Path,
                                                  sessions: sessionmaker[Session]) -> None:
    from sqlalchemy import select

    from models.trips import ItineraryItem, Trip

    with sessions.begin() as session:
        item = session.scalars(select(ItineraryItem).join(Trip)
                               .where(Trip.code == "TRIP-2023-007")).first()
        assert item is not None
        item.notes = "会见要点：" + "东莞有空间，进莞来。" * 400 + " 🎉"
    out = tmp_path / "long.pdf"
    code, _, err = cli("--db", db, "brief", "--trip", "TRIP-2023-007", "-o", str(out),
                       "--date", "2023-03-01")
    assert code == 0, err
    assert "东莞有空间，进莞来。" * 3 in flat(out.read_bytes())
