"""A large sheet is read as it is checked: ``open_table`` streams a UTF-8 or GB18030 CSV file
(its encoding checked a block at a time first) or an .xlsx workbook, gives the same rows and
the same refusals as ``read_table``, and ``plan_import`` pulls its rows a chunk at a time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.errors import ValidationError
from models.language import Lang
from models.operations.directory import OrganisationDraft, create_organisation
from models.organisations import Organisation
from spreadsheets import (
    SheetFile,
    Table,
    apply_import,
    importer,
    open_table,
    plan_import,
    read_table,
    reading,
)
from spreadsheets.plan import Action, ImportRefusedError, PlannedRow
from spreadsheets.reading import Row
from tests.spreadsheets.sheet_world import build_sheet_world, count
from tests.spreadsheets.sheets import RARE_NAMES, write_csv, write_xlsx

pytestmark = pytest.mark.backends("sqlite", "postgresql")

ROWS = [["2023年重点企业名单"], ["机构名称", "英文名称", "产业", "总部国家"],
        *([f"测试公司{i:05d}", f"Co {i}", "新型储能", "DE"] for i in range(120)),
        [RARE_NAMES[0], "Yoshinoya", "新型储能", "JP"],
        ['="0769"公司', "Multi\nline", "新型储能", "CN"]]


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "BLOCK", 97)  # many blocks, cut anywhere in a character


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8", "utf-8-sig"])
def test_a_streamed_csv_file_reads_as_read_table_does(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "orgs.csv", ROWS, encoding=encoding)
    table, streamed = read_table(path), open_table(path)
    assert isinstance(streamed, SheetFile)
    assert (streamed.headers, streamed.header_row, streamed.encoding, streamed.delimiter) == (
        table.headers, table.header_row, table.encoding, table.delimiter)
    assert tuple(streamed.data_rows()) == table.rows
    assert tuple(streamed.data_rows()) == table.rows  # read again from the file
    assert streamed.describe(Lang.ZH, len(table.rows)) == table.describe(Lang.ZH)
    assert table.rows[-2].cells[0] == RARE_NAMES[0]


def test_a_streamed_csv_file_honours_excel_s_separator_line(tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    path.write_bytes(("sep=;\r\n" + "\r\n".join(";".join(r) for r in ROWS[1:5])).encode("gb18030"))
    streamed = open_table(path)
    assert isinstance(streamed, SheetFile)
    assert streamed.delimiter == ";" and streamed.header_row == 2
    assert tuple(streamed.data_rows()) == read_table(path).rows


def test_a_streamed_workbook_reads_as_read_table_does(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "orgs.xlsx", ROWS, more_sheets={"其他": ROWS[1:3]})
    for sheet in (None, "其他"):
        table, streamed = read_table(path, sheet=sheet), open_table(path, sheet=sheet)
        assert isinstance(streamed, SheetFile)
        assert (streamed.headers, streamed.header_row, streamed.sheet) == (
            table.headers, table.header_row, table.sheet)
        assert tuple(streamed.data_rows()) == table.rows
    with pytest.raises(ValidationError, match="没有工作表"):
        open_table(path, sheet="汇总")


def test_utf16_and_other_encodings_are_read_whole(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "orgs.csv", ROWS, encoding="utf-16")
    table = open_table(path)
    assert isinstance(table, Table) and table.encoding == "UTF-16"


@pytest.mark.parametrize("forced", [None, "gbk"])
def test_a_bad_byte_deep_in_the_file_is_refused_before_any_row_with_its_line(
        tmp_path: Path, forced: str | None) -> None:
    good = ("\r\n".join(",".join(r) for r in ROWS[1:60]) + "\r\n").encode("gb18030")
    path = tmp_path / "orgs.csv"
    path.write_bytes(good + b"\xff\xfe\xfd,x,y,z\r\n" + good)
    with pytest.raises(ValidationError) as whole:
        read_table(path, encoding=forced)
    with pytest.raises(ValidationError) as streamed:
        open_table(path, encoding=forced)
    assert str(streamed.value) == str(whole.value)
    assert "第 60 行" in whole.value.message_zh


def test_nul_bytes_and_missing_files_are_refused_as_read_table_does(tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    path.write_bytes("机构名称,产业\r\n".encode() * 30 + b"a\x00b,c\r\n")
    with pytest.raises(ValidationError, match="第 31 行含有空字节"):
        open_table(path)
    with pytest.raises(ValidationError, match="找不到文件"):
        open_table(tmp_path / "none.csv")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ValidationError, match="没有任何数据"):
        open_table(tmp_path / "empty.csv")


def test_the_plan_pulls_the_rows_a_chunk_at_a_time(
        sessions: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with sessions.begin() as session:
        build_sheet_world(session)
    path = write_csv(tmp_path / "orgs.csv", ROWS)
    monkeypatch.setattr(importer, "CHUNK", 10)
    pulled: list[int] = []  # rows read from the file when each chunk's records are loaded
    read = 0
    original = SheetFile.data_rows

    def counting(self: SheetFile) -> Iterator[Row]:
        nonlocal read
        for row in original(self):
            read += 1
            yield row

    monkeypatch.setattr(SheetFile, "data_rows", counting)
    load = importer.OrganisationRecords.load_existing

    def loading(self: importer.OrganisationRecords, ids: set[int]) -> None:
        pulled.append(read)
        load(self, ids)

    monkeypatch.setattr(importer.OrganisationRecords, "load_existing", loading)
    with sessions() as session:
        plan = plan_import(session, "organisations", open_table(path))
        assert pulled == [*range(10, 121, 10), 122]
        whole = plan_import(session, "organisations", read_table(path))
    assert plan.ok, plan.error_text()
    assert (plan.source_zh, len(plan.creates)) == (whole.source_zh, len(whole.creates)) == (
        read_table(path).describe(Lang.ZH), 122)
    assert [(r.row, r.draft) for r in plan.rows] == [(r.row, r.draft) for r in whole.rows]


def test_the_plan_keeps_its_rows_on_disk_and_the_write_takes_a_chunk_at_a_time(
        sessions: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory does not grow with the file: the plan holds no planned row (no draft) in
    memory, only its errors, the identities seen and a spool of chunks on disk; the write
    reads one chunk back at a time."""
    with sessions.begin() as session:
        build_sheet_world(session)
    path = write_csv(tmp_path / "orgs.csv", ROWS)
    monkeypatch.setattr(importer, "CHUNK", 10)
    with sessions() as session:
        plan = plan_import(session, "organisations", open_table(path))
    assert plan.ok, plan.error_text()
    held = [value for value in vars(plan).values() if isinstance(value, list | tuple | dict)]
    assert not any(isinstance(item, PlannedRow) for value in held for item in value)
    chunks = list(plan.spool.chunks())
    assert [len(c) for c in chunks] == [*([10] * 12), 2]
    assert [r.row for c in chunks for r in c] == sorted(r.row for c in chunks for r in c)
    assert (plan.count(Action.CREATE), len(plan.spool)) == (122, 122)
    written: list[int] = []
    save = importer.OrganisationRecords.save

    def saving(session: Session, creates: list[Any], updates: list[Any]
               ) -> tuple[list[int], list[int]]:
        written.append(len(creates) + len(updates))
        return save(session, creates, updates)

    monkeypatch.setattr(importer.OrganisationRecords, "save", staticmethod(saving))
    with sessions.begin() as session:
        report = apply_import(session, plan)
    assert written == [len(c) for c in chunks]
    assert len(report.created) == 122


def test_a_refusal_in_a_later_chunk_writes_nothing(
        sessions: sessionmaker[Session], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """All or nothing across chunks: a name taken by someone else between the check and the
    write refuses the import in its chunk, and the chunks already written are rolled back."""
    with sessions.begin() as session:
        build_sheet_world(session)
    path = write_csv(tmp_path / "orgs.csv", ROWS)
    monkeypatch.setattr(importer, "CHUNK", 10)
    with sessions() as session:
        plan = plan_import(session, "organisations", open_table(path))
    assert plan.ok, plan.error_text()
    with sessions.begin() as session:  # someone else creates row 100's organisation meanwhile
        create_organisation(session, OrganisationDraft("测试公司00097"))
    before = count(sessions, Organisation)
    with pytest.raises(ImportRefusedError) as refused, sessions.begin() as session:
        apply_import(session, plan)
    assert [(e.row, e.column) for e in refused.value.errors] == [(100, "机构名称")]
    assert count(sessions, Organisation) == before
