"""``export-sheet`` on the command line: every kind, both formats, filters, bad input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cli.app import run
from cli.context import Context
from spreadsheets.export import SheetKind


def cli(db_url: str, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", db_url, *argv], ctx=Context(db_url=None, out=out, err=err))
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("kind", [k.value for k in SheetKind])
def test_every_kind_in_both_formats(sheet_url: str, tmp_path: Path, kind: str) -> None:
    code, out, err = cli(sheet_url, "export-sheet", kind, str(tmp_path / f"{kind}.xlsx"))
    assert code == 0, err
    assert out.startswith("已导出 ") and "rows exported" in out
    book = load_workbook(tmp_path / f"{kind}.xlsx")
    assert book.active is not None and book.active.max_row >= 1
    code, out, err = cli(sheet_url, "--lang", "en", "export-sheet", kind,
                         str(tmp_path / f"{kind}.csv"))
    assert code == 0, err
    assert (tmp_path / f"{kind}.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_then_import_sheet_changes_nothing(sheet_url: str, tmp_path: Path) -> None:
    for kind in ("organisations", "people", "leads"):
        path = tmp_path / f"{kind}.csv"
        assert cli(sheet_url, "export-sheet", kind, str(path))[0] == 0
        code, out, err = cli(sheet_url, "--lang", "en", "import-sheet", kind, str(path))
        assert code == 0, err
        assert " 0 created, 0 updated" in out, out


def test_bad_input_exits_2_with_one_line(sheet_url: str, tmp_path: Path) -> None:
    for argv, wanted in (
        (("export-sheet", "cars", str(tmp_path / "x.xlsx")), "未知的表格类别“cars”"),
        (("export-sheet", "trips", str(tmp_path / "x.ods")), ".xlsx 或 .csv"),
        (("export-sheet", "people", str(tmp_path / "x.csv"), "--region", "EUUS"), "--region"),
        (("export-sheet", "trips", str(tmp_path / "x.csv"), "--status", "maybe"), "maybe"),
        (("export-sheet", "trips", str(tmp_path / "no" / "x.csv")), "文件夹不存在"),
    ):
        code, out, err = cli(sheet_url, *argv)
        assert code == 2 and out == "", argv
        assert err.count("\n") == 1 and wanted in err and "Traceback" not in err, err
    assert not list(tmp_path.glob("x.*"))


def test_import_sheet_of_a_trip_or_event_needs_its_code(sheet_url: str, tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("姓名,角色\r\n无名氏,团长\r\n", encoding="utf-8-sig")
    code, out, err = cli(sheet_url, "import-sheet", "delegation", str(path))
    assert code == 2 and out == "" and "--trip CODE" in err and err.count("\n") == 1
    code, out, err = cli(sheet_url, "import-sheet", "invitations", str(path), "--trip", "X")
    assert code == 2 and "--event CODE" in err
    code, out, err = cli(sheet_url, "import-sheet", "people", str(path), "--trip", "X")
    assert code == 2 and "--trip/--event" in err
