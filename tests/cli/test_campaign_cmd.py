"""``campaign show`` and ``campaign set``: the campaign's names, slogan, duty phone and targets
through the same operation as the window's Campaign dialog; bad input exits 2 with one line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from cli.app import run
from cli.context import Context
from tests.briefs.pdf_helpers import flat


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), ctx=Context(db_url=None, out=out, err=err))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(db_url: str) -> str:
    code, _, err = cli("--db", db_url, "init", "--year", "2024")
    assert code == 0, err
    return db_url


def test_set_changes_only_what_is_given(db: str) -> None:
    code, out, err = cli("--db", db, "campaign", "set", "--duty-phone", "+86 769 2283 0000",
                         "--slogan-en", "Room to grow: come to Dongguan",
                         "--target-investment", "1600亿", "--target-trips", "12")
    assert code == 0, err
    assert "已保存" in out
    code, out, err = cli("--db", db, "campaign", "show")
    assert code == 0, err
    assert "值班电话 duty phone: +86 769 2283 0000" in out
    assert "/ Room to grow: come to Dongguan" in out
    assert "投资额目标 investment: 1,600 亿元" in out
    assert "推广活动目标 trips: 12" in out
    code, out, err = cli("--db", db, "--lang", "en", "campaign", "show")
    assert code == 0 and "投资额目标 investment: CNY 160 bn" in out


@pytest.mark.parametrize(("argv", "words"), [
    (("--duty-phone", "call the office"), "Not a phone number"),
    (("--target-investment", "lots"), "Not an amount"),
    (("--target-trips", "-3"), "must not be negative"),
    (("--name", "  "), "must not be empty"),
    ((), "give at least one setting"),
])
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
        db: str, argv: tuple[str, ...], words: str) -> None:
    good = ("--slogan-en", "Changed") if argv else ()  # a good change beside the wrong one
    code, _, err = cli("--db", db, "campaign", "set", *good, *argv)
    assert code == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err and words in err
    _, out, _ = cli("--db", db, "campaign", "show")
    assert "Changed" not in out  # nothing half-applied


def test_the_english_report_prints_the_english_slogan(db: str, tmp_path: Path) -> None:
    code, _, err = cli("--db", db, "campaign", "set", "--slogan", "有空间、进莞来",
                       "--slogan-en", "Room to grow: come to Dongguan")
    assert code == 0, err
    for lang, slogan in (("en", "Roomtogrow:cometoDongguan"), ("zh", "有空间、进莞来")):
        path = tmp_path / f"report-{lang}.pdf"
        code, _, err = cli("--db", db, "--lang", lang, "brief", "--campaign", "-o", str(path))
        assert code == 0, err
        assert slogan in flat(path.read_bytes())
