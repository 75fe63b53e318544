"""``import-sheet`` on the command line: output, exit codes, dry runs, refused files."""

from __future__ import annotations

import io
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from cli.app import run
from cli.context import Context
from models.organisations import Organisation
from models.people import Person
from tests.spreadsheets.sheet_world import count
from tests.spreadsheets.sheets import RARE_NAMES, write_csv, write_xlsx

ORGS = [["机构名称", "英文名称", "产业", "国家/地区"],
        [RARE_NAMES[0], "Yoshinoya", "预制菜", "日本"],
        [RARE_NAMES[1], "Dada", "半导体及集成电路", "中国"]]


def cli(db_url: str, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", db_url, *argv], ctx=Context(db_url=None, out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def test_import_organisations_from_gb18030_csv(sheet_url: str, sheet_db: sessionmaker[Session],
                                               tmp_path: Path) -> None:
    path = write_csv(tmp_path / "orgs.csv", ORGS)
    before = count(sheet_db, Organisation)
    code, out, err = cli(sheet_url, "import-sheet", "organisations", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "orgs.csv：GB18030 编码，逗号分隔，表头在第 1 行，数据 2 行 "
        "(orgs.csv: GB18030, comma-separated, header on row 1, 2 data rows)",
        "机构：新建 2，更新 0，未变 0 (organisations: 2 created, 0 updated, 0 unchanged)",
    ]
    assert count(sheet_db, Organisation) == before + 2
    code, out, _ = cli(sheet_url, "--lang", "en", "import-sheet", "organisations", str(path))
    assert code == 0
    assert out.splitlines()[-1] == "organisations: 0 created, 0 updated, 2 unchanged"


def test_dry_run_writes_nothing(sheet_url: str, sheet_db: sessionmaker[Session], tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "people.xlsx", [["姓名", "单位"], ["张珺", "长安镇"]], title="名单")
    before = count(sheet_db, Person)
    code, out, err = cli(sheet_url, "--lang", "en", "import-sheet", "people", str(path), "--dry-run")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "people.xlsx: sheet '名单', header on row 1, 1 data rows",
        "people: 1 to create, 0 to update, 0 unchanged",
        "(dry run: nothing written)",
    ]
    assert count(sheet_db, Person) == before


def test_bad_rows_exit_2_listing_them_and_write_nothing(sheet_url: str, sheet_db: sessionmaker[Session],
                                                        tmp_path: Path) -> None:
    rows = [*ORGS, ["", "Nameless", "", ""], ["火星公司", "", "", "火星"]]
    path = write_csv(tmp_path / "orgs.csv", rows)
    before = count(sheet_db, Organisation)
    code, out, err = cli(sheet_url, "import-sheet", "organisations", str(path))
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert lines[0].startswith("导入被拒绝，未写入任何数据：orgs.csv：")
    assert "共 2 行有 2 处错误" in lines[0] and "2 errors in 2 rows" in lines[0]
    assert lines[1].startswith("  第 4 行“机构名称”：机构名称不能为空 (row 4, '机构名称':")
    assert lines[2].startswith("  第 5 行“国家/地区”：无法识别的国家或地区“火星”")
    assert "Traceback" not in err
    assert count(sheet_db, Organisation) == before


def test_many_errors_are_counted_not_all_listed(sheet_url: str, tmp_path: Path) -> None:
    rows = [["机构名称", "世界500强排名"], *[[f"公司{n}", "前十"] for n in range(25)]]
    code, _, err = cli(sheet_url, "--lang", "en", "import-sheet", "organisations",
                       str(write_csv(tmp_path / "o.csv", rows)))
    assert code == 2
    lines = err.splitlines()
    assert "25 errors in 25 rows" in lines[0]
    assert len(lines) == 12 and lines[-1] == "  … and 15 more"


def test_unreadable_files_exit_2(sheet_url: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_bytes("机构名称\r\n博世\r\n".encode("gb18030") + b"\x81\x7f\r\n")
    code, out, err = cli(sheet_url, "import-sheet", "organisations", str(broken))
    assert (code, out) == (2, "")
    assert "第 3 行" in err and err.count("\n") == 1
    code, _, err = cli(sheet_url, "import-sheet", "organisations", str(tmp_path / "missing.csv"))
    assert code == 2 and "找不到文件" in err
    code, _, err = cli(sheet_url, "import-sheet", "projects", str(broken))
    assert code == 2 and "invalid choice" in err


def test_a_forced_encoding(sheet_url: str, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "big5.csv", [["機構名稱", "英文名稱"], ["台灣積體電路", "TSMC"]], "big5")
    code, out, err = cli(sheet_url, "import-sheet", "organisations", str(path), "--encoding", "big5",
                         "--dry-run")
    assert (code, err) == (0, "")
    assert "BIG5 编码" in out and "新建 1" in out
