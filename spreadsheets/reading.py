"""Reading a spreadsheet file into a plain :class:`Table`: CSV in any encoding Chinese offices
use, or an Excel workbook (.xlsx).

CSV encodings are never guessed silently. A byte-order mark decides (UTF-8, UTF-16, UTF-32);
without one the bytes must be valid UTF-8 or else valid GB18030 (the superset of GBK and
GB2312 that Chinese Excel writes as "ANSI"). Bytes valid in neither are refused with the line
they are on; the encoding that was used is part of the table and shown to the user.

The delimiter (comma, semicolon or tab) is the one that splits the first records into the
most, consistently counted, fields; Excel's ``sep=;`` first line is honoured. Title lines
above the header ("2023年重点企业名单") are skipped: the header is the first row with two or
more filled cells.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Self

from models.errors import ValidationError
from models.language import Lang

if TYPE_CHECKING:  # openpyxl is imported where a workbook is read
    from spreadsheets.xlsx import Book

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls (and .et, .doc)
DELIMITERS = (",", ";", "\t")
SNIFF_RECORDS = 50
HEADER_SEARCH_ROWS = 10
BLOCK = 1 << 20  # bytes of a CSV file decoded at a time when it is streamed
SNIFF_CHARS = 1 << 16  # the text the delimiter is sniffed from
STREAMED_CODECS = {"utf-8": "utf-8", "utf_8": "utf-8", "gb18030": "gb18030", "gbk": "gb18030",
                   "gb2312": "gb18030"}  # 0x0A is never inside a character in these
_DELIMITER_NAMES = {",": ("逗号", "comma"), ";": ("分号", "semicolon"), "\t": ("制表符", "tab")}
_EXCEL_TEXT = re.compile(r'^="(.*)"$', re.DOTALL)  # ="0769..." keeps leading zeros in Excel


@dataclass(frozen=True)
class Row:
    """One record: ``number`` is where it starts as the user's program shows it (the CSV line,
    or the Excel row); ``cells`` are text, as read."""

    number: int
    cells: tuple[str, ...]

    def cell(self, index: int) -> str:
        return self.cells[index] if index < len(self.cells) else ""


@dataclass(frozen=True)
class Table:
    """A sheet read from a file: its header, its data rows, and how it was read."""

    source: str
    headers: tuple[str, ...]
    header_row: int
    rows: tuple[Row, ...]
    encoding: str  # "UTF-8", "UTF-8 (BOM)", "UTF-16", "GB18030", or "xlsx"
    delimiter: str | None = None
    sheet: str | None = None

    def describe(self, lang: Lang = Lang.ZH, rows: int | None = None) -> str:
        """How the file was read, e.g. "orgs.csv：GB18030 编码，逗号分隔，表头在第 1 行，120 行"."""
        return _describe(self, lang, len(self.rows) if rows is None else rows)

    def data_rows(self) -> Generator[Row, None, None]:
        yield from self.rows

    def close(self) -> None:
        """Nothing to close (the rows are held); as :meth:`SheetFile.close`."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


class _Opened:
    """What :func:`open_table` leaves open for the first reading of the rows: the file (or
    workbook) it found the header in, the rows it read to find it, and the rest, still to
    read. Taken once; ``release`` closes the file, when the rows run out, when their reading
    is closed, or by :meth:`close`."""

    def __init__(self, first: list[Row], rest: Generator[Row, None, None],
                 release: Callable[[], None]) -> None:
        self._first, self._rest, self._release = first, rest, release
        self._taken = False

    def take(self) -> Generator[Row, None, None] | None:
        """The rows from the first one on, or None once they have been taken or closed."""
        if self._taken:
            return None
        self._taken = True
        return self._resume()

    def _resume(self) -> Generator[Row, None, None]:
        try:
            yield from self._first
            yield from self._rest
        finally:
            self.close()

    def close(self) -> None:
        self._taken = True
        self._rest.close()
        self._release()


@dataclass(frozen=True)
class SheetFile:
    """A sheet read from a file row by row, each time :meth:`data_rows` is iterated: its
    header and how it is read are known, its rows are never held all at once (a CSV file is
    decoded a block at a time, a workbook read with openpyxl's read-only reader).

    The first reading continues the file :func:`open_table` opened and found the header in
    (one opening and one parse of a workbook for an import); a later one opens the file again.
    Close it (``with open_table(...) as table:``) when its rows may not be read to the end."""

    source: str
    headers: tuple[str, ...]
    header_row: int
    encoding: str
    delimiter: str | None
    sheet: str | None
    path: Path
    codec: str = ""  # the Python codec of a CSV file
    first_line: int = 1  # 2 after Excel's "sep=" line
    opened: _Opened | None = field(default=None, compare=False, repr=False)

    def describe(self, lang: Lang = Lang.ZH, rows: int = 0) -> str:
        return _describe(self, lang, rows)

    def data_rows(self) -> Generator[Row, None, None]:
        """The rows below the header; the file is closed when they run out or when this
        generator is closed."""
        rows = self.opened.take() if self.opened is not None else None
        if rows is None:
            rows = (_xlsx_rows(self.path, self.source, self.sheet) if self.sheet is not None
                    else _csv_file_rows(self.path, self.codec, self.delimiter or ",",
                                        self.first_line))
        try:
            for row in rows:
                if row.number > self.header_row:
                    yield row
        finally:
            rows.close()

    def close(self) -> None:
        """Close the file :func:`open_table` left open, if its rows were not read to the end."""
        if self.opened is not None:
            self.opened.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _describe(table: Table | SheetFile, lang: Lang, rows: int) -> str:
    if lang == "both":
        return f"{_describe(table, Lang.ZH, rows)} ({_describe(table, Lang.EN, rows)})"
    delimiter = _DELIMITER_NAMES[table.delimiter or ","]
    if lang == "en":
        how = (f"sheet '{table.sheet}'" if table.sheet is not None
               else f"{table.encoding}, {delimiter[1]}-separated")
        return f"{table.source}: {how}, header on row {table.header_row}, {rows} data rows"
    how = (f"工作表“{table.sheet}”" if table.sheet is not None
           else f"{table.encoding} 编码，{delimiter[0]}分隔")
    return f"{table.source}：{how}，表头在第 {table.header_row} 行，数据 {rows} 行"


def open_table(path: str | Path, encoding: str | None = None, *,
               sheet: str | None = None) -> Table | SheetFile:
    """The table in the file at ``path``, for reading row by row: a :class:`SheetFile` for an
    .xlsx workbook or a UTF-8 or GB18030/GBK CSV file (checked whole for its encoding first, a
    block at a time, so a bad byte is refused before any row is used), else (UTF-16/32,
    another forced encoding) the :class:`Table` of :func:`read_table`. Same checks and
    messages as :func:`read_table`.

    The file is opened once: a :class:`SheetFile` keeps it open, the header found, for the
    first reading of its rows (a workbook is parsed once), which closes it; close the table
    (``with open_table(...) as table:``) when its rows may not be read to the end."""
    file = Path(path)
    try:
        stream = file.open("rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        raise ValidationError("file", f"找不到文件：{file}", f"No such file: {file}") from exc
    try:
        head = stream.read(len(ZIP_MAGIC) + 4)
        stream.seek(0)
        if head.startswith(ZIP_MAGIC) or file.name.lower().endswith((".xlsx", ".xlsm")):
            return _open_xlsx(stream, file, sheet)
        streamed = _streamed_codec(encoding)
        if streamed is None or head.startswith(OLE_MAGIC) or sheet is not None or any(
                head.startswith(bom) for bom, _, _ in _BOMS if bom != codecs.BOM_UTF8):
            data = stream.read()
            stream.close()
            return parse_table(data, name=file.name, encoding=encoding, sheet=sheet)
        bom = head.startswith(codecs.BOM_UTF8) and streamed in ("auto", "utf-8")
        return _open_csv(stream, file, *_check_encoding(stream, streamed, encoding, bom))
    except BaseException:
        stream.close()
        raise


def _open_xlsx(stream: IO[bytes], file: Path, sheet: str | None) -> SheetFile:
    """The sheet (``sheet``, or the first) of the workbook in ``stream``, its header found
    and the workbook left open for the first reading of its rows."""
    book = _open_book(stream, file.name)
    try:
        chosen = _worksheet(book, file.name, sheet)
        rows = _sheet_rows(book, chosen)
        first, header = _first_rows(rows, file.name)
    except BaseException:
        book.close()
        raise
    return SheetFile(file.name, tuple(c.strip() for c in header.cells), header.number, "xlsx",
                     None, chosen, file, opened=_Opened(first, rows, book.close))


def _open_csv(stream: IO[bytes], file: Path, codec: str, label: str) -> SheetFile:
    """The CSV file in ``stream`` (its encoding checked), read from its start: the delimiter
    sniffed, the header found, the file left open for the first reading of its rows."""
    stream.seek(0)
    text = io.TextIOWrapper(stream, encoding=codec, newline="")
    try:
        first_line, delimiter, _ = _hint(text.read(SNIFF_CHARS))
        text.seek(0)
        if first_line == 2:
            text.readline()
        rows = _csv_rows(text, delimiter, first_line)
        first, header = _first_rows(rows, file.name)
    except BaseException:
        text.close()
        raise
    return SheetFile(file.name, tuple(c.strip() for c in header.cells), header.number, label,
                     delimiter, None, file, codec, first_line,
                     opened=_Opened(first, rows, text.close))


def _streamed_codec(encoding: str | None) -> str | None:
    if not encoding:
        return "auto"
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return None  # read_table says so
    return STREAMED_CODECS.get(name)


def _check_encoding(file: IO[bytes], streamed: str, encoding: str | None,
                    bom: bool) -> tuple[str, str]:
    """The codec and label a CSV file is read with, every byte of it checked a block at a
    time; the same refusals as :func:`decode`."""
    if encoding or bom:
        label = encoding.upper() if encoding else "UTF-8 (BOM)"
        codec = "utf-8" if bom else streamed
        return _checked(file, codec, label, len(codecs.BOM_UTF8) if bom else 0), label
    utf8 = _first_bad(file, "utf-8", 0, nul=True)
    if utf8 is None:
        return "utf-8", "UTF-8"
    gb = _first_bad(file, "gb18030", 0, nul=False)
    if gb is None:
        return "gb18030", "GB18030"
    line, likely = (gb[1], "GB18030") if gb[0] > utf8[0] else (utf8[1], "UTF-8")
    raise ValidationError(
        "encoding",
        f"文件第 {line} 行的字节既不是 UTF-8 也不是 GB18030/GBK（按 {likely} 读到此处出错）："
        "文件可能已损坏或使用了其他编码，请另存为 UTF-8 的 CSV，或用 --encoding 指定编码",
        f"The bytes on line {line} are neither UTF-8 nor GB18030/GBK (read as {likely} "
        "up to there): the file may be damaged or in another encoding; save it as UTF-8 "
        "CSV or give --encoding",
    )


def _checked(file: IO[bytes], codec: str, label: str, skip: int) -> str:
    bad = _first_bad(file, codec, skip, nul=False)
    if bad is not None:
        raise ValidationError(
            "encoding",
            f"文件第 {bad[1]} 行的字节不是有效的 {label}：文件可能已损坏，或实际使用了其他编码",
            f"The bytes on line {bad[1]} are not valid {label}: the file is damaged or in "
            "another encoding",
        )
    return "utf-8-sig" if skip else codec


def _first_bad(stream: IO[bytes], codec: str, skip: int, *,
               nul: bool) -> tuple[int, int] | None:
    """(byte offset, line) of the first byte of ``stream`` that ``codec`` refuses, or None.

    Decoded in blocks cut after a line feed, which is never inside a UTF-8 or GB18030
    character. With ``nul``, a NUL byte (UTF-16 without a byte-order mark) is refused first,
    as :func:`decode` does."""
    lines, offset, rest = 0, skip, b""
    stream.seek(skip)
    while True:
        block = stream.read(BLOCK)
        data = rest + block
        cut = len(data) if not block else data.rfind(b"\n") + 1
        if cut == 0 and block:
            rest = data
            continue
        piece, rest = data[:cut], data[cut:]
        if nul and b"\x00" in piece:
            at = piece.index(b"\x00")
            line = lines + _line_at(piece, at, "latin-1")
            raise ValidationError(
                "encoding",
                f"文件第 {line} 行含有空字节：可能是没有 BOM 的 UTF-16 文本，请用 --encoding "
                "utf-16-le 指定编码，或另存为 UTF-8 的 CSV",
                f"Line {line} holds NUL bytes: probably UTF-16 without a byte-order mark; "
                "give --encoding utf-16-le, or save the file as UTF-8 CSV",
            )
        try:
            piece.decode(codec)
        except UnicodeDecodeError as exc:
            return offset + exc.start, lines + _line_at(piece, exc.start, codec)
        lines += piece.count(b"\n") + piece.count(b"\r") - piece.count(b"\r\n")
        offset += len(piece)
        if not block:
            return None


def _csv_file_rows(file: Path, codec: str, delimiter: str,
                   first_line: int) -> Generator[Row, None, None]:
    with file.open(encoding=codec, newline="") as text:
        if first_line == 2:
            text.readline()
        yield from _csv_rows(text, delimiter, first_line)


def read_table(path: str | Path, encoding: str | None = None, *, sheet: str | None = None) -> Table:
    """The table in the file at ``path`` (.csv/.txt in any supported encoding, or .xlsx).

    ``encoding`` forces a CSV encoding (e.g. "gbk"); ``sheet`` picks a workbook's sheet by
    name (default: the first). Raises ``ValidationError`` for a file that cannot be read as a
    table, naming the line or the reason.
    """
    file = Path(path)
    try:
        data = file.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as exc:
        raise ValidationError("file", f"找不到文件：{file}", f"No such file: {file}") from exc
    return parse_table(data, name=file.name, encoding=encoding, sheet=sheet)


def parse_table(data: bytes, *, name: str = "", encoding: str | None = None,
                sheet: str | None = None) -> Table:
    """The table in ``data``, the bytes of a CSV file or of an .xlsx workbook."""
    if data.startswith(ZIP_MAGIC) or name.lower().endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data, name, sheet)
    if data.startswith(OLE_MAGIC):
        raise ValidationError(
            "file",
            f"{name} 是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中另存为 .xlsx 或 CSV 后再导入",
            f"{name} is an old Excel (.xls) file: save it as .xlsx or CSV in Excel or WPS first",
        )
    if sheet is not None:
        raise ValidationError("sheet", f"{name} 是 CSV 文件，没有工作表", f"{name} is CSV: it has no sheets")
    text, used = decode(data, encoding)
    return _read_csv(text, name, used)


# --- encodings ------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """``data`` as text, and the name of the encoding used. See the module's description."""
    if encoding:
        return _decode_as(data, encoding)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, label), label
    if b"\x00" in data:
        line = _line_at(data, data.index(b"\x00"), "latin-1")
        raise ValidationError(
            "encoding",
            f"文件第 {line} 行含有空字节：可能是没有 BOM 的 UTF-16 文本，请用 --encoding utf-16-le "
            "指定编码，或另存为 UTF-8 的 CSV",
            f"Line {line} holds NUL bytes: probably UTF-16 without a byte-order mark; give "
            "--encoding utf-16-le, or save the file as UTF-8 CSV",
        )
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "GB18030"
        except UnicodeDecodeError as gb_error:
            # the encoding that read further is the file's; its error is the damaged spot
            if gb_error.start > utf8_error.start:
                line, likely = _line_at(data, gb_error.start, "gb18030"), "GB18030"
            else:
                line, likely = _line_at(data, utf8_error.start, "utf-8"), "UTF-8"
            raise ValidationError(
                "encoding",
                f"文件第 {line} 行的字节既不是 UTF-8 也不是 GB18030/GBK（按 {likely} 读到此处出错）："
                "文件可能已损坏或使用了其他编码，请另存为 UTF-8 的 CSV，或用 --encoding 指定编码",
                f"The bytes on line {line} are neither UTF-8 nor GB18030/GBK (read as {likely} "
                "up to there): the file may be damaged or in another encoding; save it as UTF-8 "
                "CSV or give --encoding",
            ) from gb_error


def _decode_as(data: bytes, encoding: str) -> tuple[str, str]:
    try:
        info = codecs.lookup(encoding)
    except LookupError as exc:
        raise ValidationError("encoding", f"未知编码“{encoding}”（例如 utf-8、gb18030、gbk、utf-16）",
                              f"Unknown encoding '{encoding}' (e.g. utf-8, gb18030, gbk, utf-16)"
                              ) from exc
    codec = info.name
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    return _strict(data, codec, encoding.upper()), encoding.upper()


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = _line_at(data, exc.start, codec)
        raise ValidationError(
            "encoding",
            f"文件第 {line} 行的字节不是有效的 {label}：文件可能已损坏，或实际使用了其他编码",
            f"The bytes on line {line} are not valid {label}: the file is damaged or in another "
            "encoding",
        ) from exc


def _line_at(data: bytes, offset: int, codec: str) -> int:
    before = data[:offset].decode(codec, errors="replace")
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1


# --- CSV ------------------------------------------------------------------------------------


def _read_csv(text: str, name: str, encoding: str) -> Table:
    first_line, delimiter, skip = _hint(text)
    rows = list(_csv_rows(io.StringIO(text[skip:], newline=""), delimiter, first_line))
    return _table(rows, name, encoding, delimiter, None)


def _hint(text: str) -> tuple[int, str, int]:
    """(the first line of the records, the delimiter, where the records start in ``text``):
    Excel's ``sep=`` hint line, or the delimiter sniffed from ``text``."""
    found = re.match(r"sep=(.)\r?\n", text)  # Excel's hint line
    if found:
        return 2, found.group(1), found.end()
    return 1, sniff_delimiter(text), 0


def _csv_rows(text: IO[str], delimiter: str, first_line: int) -> Generator[Row, None, None]:
    """The filled records of ``text`` as rows numbered by the line each starts on."""
    reader = csv.reader(text, delimiter=delimiter, strict=True)
    start = first_line
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                yield Row(start, tuple(_excel_text(cell) for cell in record))
            start = reader.line_num + first_line
    except csv.Error as exc:
        line = reader.line_num + first_line - 1
        raise ValidationError("file", f"文件第 {line} 行不是有效的 CSV：{exc}（引号不配对？）",
                              f"Line {line} is not valid CSV: {exc} (unmatched quotes?)") from exc


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first records into the most fields, consistently."""
    best, best_score = ",", (False, 1, 0.0)
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        counts: list[int] = []
        try:
            for record in reader:
                if any(cell.strip() for cell in record):
                    counts.append(len(record))
                if len(counts) >= SNIFF_RECORDS:
                    break
        except csv.Error:
            continue
        if not counts:
            continue
        mode, seen = Counter(counts).most_common(1)[0]
        consistency = seen / len(counts)
        score = (consistency >= 0.9, mode, consistency)
        if mode > 1 and score > best_score:
            best, best_score = delimiter, score
    return best


def _excel_text(cell: str) -> str:
    found = _EXCEL_TEXT.match(cell)
    return found.group(1) if found else cell


# --- xlsx -----------------------------------------------------------------------------------


def _read_xlsx(data: bytes, name: str, sheet: str | None) -> Table:
    book = _open_book(io.BytesIO(data), name)
    try:
        chosen = _worksheet(book, name, sheet)
        rows = list(_sheet_rows(book, chosen))
    finally:
        book.close()
    return _table(rows, name, "xlsx", None, chosen)


def _xlsx_rows(file: Path, name: str, sheet: str | None) -> Generator[Row, None, None]:
    """The filled rows of a workbook's sheet, read one at a time."""
    book = _open_book(file, name)
    try:
        yield from _sheet_rows(book, _worksheet(book, name, sheet))
    finally:
        book.close()


def _open_book(source: Path | IO[bytes], name: str) -> Book:
    """The workbook in ``source``, whatever its file is named (read by its content)."""
    from xml.etree.ElementTree import ParseError
    from zipfile import BadZipFile

    from openpyxl.utils.exceptions import InvalidFileException

    from spreadsheets.xlsx import Book

    try:
        return Book(source.open("rb") if isinstance(source, Path) else source)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError, ParseError) as exc:
        raise ValidationError("file", f"{name} 不是有效的 .xlsx 工作簿（{exc}）",
                              f"{name} is not a valid .xlsx workbook ({exc})") from exc


def _worksheet(book: Book, name: str, sheet: str | None) -> str:
    """The name of the worksheet to read: ``sheet``, or the first, checked."""
    names = book.sheetnames
    if sheet is not None and sheet not in names:
        raise ValidationError("sheet", f"{name} 中没有工作表“{sheet}”（有：{'、'.join(names)}）",
                              f"{name} has no sheet '{sheet}' (it has: {', '.join(names)})")
    if not names:
        raise ValidationError("file", f"{name} 中没有任何数据", f"{name} holds no data")
    chosen = sheet if sheet is not None else names[0]
    if book.is_chart(chosen):
        raise ValidationError("sheet", f"“{chosen}”是图表，不是工作表",
                              f"'{chosen}' is a chart, not a worksheet")
    return chosen


def _sheet_rows(book: Book, sheet: str) -> Generator[Row, None, None]:
    for number, values in book.rows(sheet):
        cells = tuple(map(_cell_text, values))
        if any(c.strip() for c in cells):
            yield Row(number, cells)


def _cell_text(value: Any) -> str:
    """An Excel value as the text a person sees: whole numbers without ".0" or exponent,
    midnight datetimes as dates."""
    if type(value) is str:  # most cells
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    return str(value)


# --- header ---------------------------------------------------------------------------------


def _table(rows: list[Row], name: str, encoding: str, delimiter: str | None,
           sheet: str | None) -> Table:
    header = _header(rows, name)
    return Table(name, tuple(c.strip() for c in header.cells), header.number,
                 tuple(r for r in rows if r.number > header.number), encoding, delimiter, sheet)


def _header(rows: Iterable[Row], name: str) -> Row:
    """The header: the first of the first rows with two or more filled cells (else the
    first row); only those first rows are read."""
    return _first_rows(iter(rows), name)[1]


def _first_rows(rows: Iterator[Row], name: str) -> tuple[list[Row], Row]:
    """The first rows of ``rows`` (taken from it), and the header among them (see
    :func:`_header`)."""
    first = list(islice(rows, HEADER_SEARCH_ROWS))
    if not first:
        raise ValidationError("file", f"{name} 中没有任何数据", f"{name} holds no data")
    return first, next((r for r in first if sum(1 for c in r.cells if c.strip()) >= 2),
                       first[0])
