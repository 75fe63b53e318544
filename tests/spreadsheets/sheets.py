"""Writing test sheets as Chinese offices produce them: CSV in GB18030, UTF-8 with or without
BOM, UTF-16, text garbled by a wrong encoding, and .xlsx workbooks written by openpyxl."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

RARE_NAMES = ("𠮷野家餐饮（东莞）有限公司", "龘龘科技", "王珺智能装备")  # beyond GB2312; 𠮷 beyond the BMP


def csv_text(rows: Sequence[Sequence[Any]], delimiter: str = ",") -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def write_csv(path: Path, rows: Sequence[Sequence[Any]], encoding: str = "gb18030",
              delimiter: str = ",") -> Path:
    """A CSV file as Excel saves it: CRLF lines, the given encoding ("utf-8-sig" for a BOM)."""
    path.write_bytes(csv_text(rows, delimiter).encode(encoding))
    return path


def garble(text: str) -> str:
    """``text`` as a Chinese Windows program shows a UTF-8 file it reads as GBK."""
    return text.encode("utf-8").decode("gbk", errors="replace")


def write_garbled_csv(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    """UTF-8 text read as GBK and saved again (as UTF-8): the round trip that damaged the
    source article."""
    path.write_bytes(garble(csv_text(rows)).encode("utf-8"))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], title: str = "机构",
               more_sheets: dict[str, Sequence[Sequence[Any]]] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for name, extra in (more_sheets or {}).items():
        other = book.create_sheet(name)
        for row in extra:
            other.append(list(row))
    book.save(path)
    return path
