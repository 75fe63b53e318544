"""An import opens its file once: ``open_table`` finds the header in the file (a workbook
parsed by one :class:`spreadsheets.xlsx.Book`, a CSV file checked for its encoding and then
read from its start through the same handle) and leaves it open for ``plan_import``'s reading
of the rows, which closes it: when the rows run out, on an error, or (rows never read) when
the table is closed. A sheet whose header is refused is opened once too (its rows are only
counted), and the messages are those of the same sheet read whole by ``read_table``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.errors import ValidationError
from models.language import Lang
from spreadsheets import importer, open_table, plan_import, read_table, xlsx
from tests.spreadsheets.sheets import garble, write_csv, write_xlsx

GOOD = [["2023年重点企业名单"], ["机构名称", "英文名称", "产业"],
        *([f"开启测试公司{i:03d}", f"Co {i}", "新型储能"] for i in range(40))]
BAD_HEADER = [[garble("机构名称"), "英文名称", "产业"], *GOOD[2:]]
WRITERS = {"xlsx": lambda path, rows: write_xlsx(path.with_suffix(".xlsx"), rows),
           "gb18030": lambda path, rows: write_csv(path.with_suffix(".csv"), rows),
           "utf-8-sig": lambda path, rows: write_csv(path.with_suffix(".csv"), rows, "utf-8-sig")}


@dataclass
class Opens:
    """The openings of one file, and of workbooks."""

    path: Path | None = None
    files: list[IO[Any]] = field(default_factory=list)
    books: int = 0

    @property
    def closed(self) -> bool:
        return all(f.closed for f in self.files)


@pytest.fixture
def opens(monkeypatch: pytest.MonkeyPatch) -> Iterator[Opens]:
    seen = Opens()
    path_open = Path.open

    def counting_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened = path_open(self, *args, **kwargs)
        if self == seen.path:
            seen.files.append(opened)
        return opened

    class CountingBook(xlsx.Book):
        def __init__(self, source: IO[bytes]) -> None:
            seen.books += 1
            super().__init__(source)

    monkeypatch.setattr(Path, "open", counting_open)
    monkeypatch.setattr(xlsx, "Book", CountingBook)  # reading.py imports it where it opens one
    yield seen


@pytest.mark.parametrize("kind", WRITERS)
@pytest.mark.parametrize("rows", [GOOD, BAD_HEADER], ids=["good", "header-refused"])
def test_an_import_opens_its_file_once_and_closes_it(
        sheet_db: sessionmaker[Session], tmp_path: Path, opens: Opens, kind: str,
        rows: list[list[str]]) -> None:
    path = WRITERS[kind](tmp_path / "orgs", rows)
    opens.path = path
    with sheet_db() as session:
        plan = plan_import(session, "organisations", open_table(path))
        assert (len(opens.files), opens.books) == (1, 1 if kind == "xlsx" else 0)
        assert opens.closed  # by the plan's reading, without a with
        opens.path = None
        whole = plan_import(session, "organisations", read_table(path))
    assert plan.error_text(Lang.BOTH) == whole.error_text(Lang.BOTH)
    assert (plan.source_zh, plan.source_en) == (whole.source_zh, whole.source_en)
    assert [(r.row, r.draft) for r in plan.rows] == [(r.row, r.draft) for r in whole.rows]
    if rows is BAD_HEADER:
        assert {e.row for e in plan.errors} == {1}  # the header's problems only, no row's
        assert any("乱码" in e.message_zh for e in plan.errors)
        assert "40 data rows" in plan.source_en
    else:
        assert plan.ok and len(plan.creates) == 40


@pytest.mark.parametrize("kind", WRITERS)
def test_the_file_is_closed_when_the_plan_fails_or_its_rows_are_never_read(
        sheet_db: sessionmaker[Session], tmp_path: Path, opens: Opens, kind: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = opens.path = WRITERS[kind](tmp_path / "orgs", GOOD)
    with open_table(path) as table:
        assert table.headers[0] == "机构名称"
    assert len(opens.files) == 1 and opens.closed

    def failing(*_args: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(importer.OrganisationRecords, "load_existing", failing)
    with sheet_db() as session, pytest.raises(RuntimeError):
        plan_import(session, "organisations", open_table(path))
    assert len(opens.files) == 2 and opens.closed


def test_a_table_read_again_opens_its_file_again(tmp_path: Path, opens: Opens) -> None:
    path = opens.path = WRITERS["xlsx"](tmp_path / "orgs", GOOD)
    with open_table(path) as table:
        first, again = list(table.data_rows()), list(table.data_rows())
    assert first == again and len(first) == 40
    assert (len(opens.files), opens.books, opens.closed) == (2, 2, True)


@pytest.mark.parametrize(("name", "data", "message"), [
    ("orgs.xlsx", b"PK\x03\x04 not a zip", "不是有效的 .xlsx 工作簿"),
    ("orgs.csv", "机构名称,产业\r\n".encode() * 3 + b"\xff\xfe\xfd,x\r\n", "既不是 UTF-8 也不是"),
    ("orgs.csv", b"", "没有任何数据"),
    ("orgs.csv", b'"a,b\r\n', "不是有效的 CSV"),
])
def test_a_refused_file_is_closed_with_one_message(tmp_path: Path, opens: Opens, name: str,
                                                   data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    opens.path = path
    with pytest.raises(ValidationError, match=message):
        open_table(path)
    assert len(opens.files) == 1 and opens.closed


def test_a_missing_sheet_is_refused_with_the_workbook_closed(tmp_path: Path, opens: Opens) -> None:
    path = opens.path = WRITERS["xlsx"](tmp_path / "orgs", GOOD)
    with pytest.raises(ValidationError, match="没有工作表“汇总”"):
        open_table(path, sheet="汇总")
    assert (len(opens.files), opens.books, opens.closed) == (1, 1, True)
