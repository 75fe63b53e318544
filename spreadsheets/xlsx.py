"""An .xlsx workbook's cell values, read by openpyxl's own parsers, a row at a time.

``load_workbook(read_only=True)`` parses every worksheet once through when it opens a workbook,
to find its size when the file does not record it (openpyxl's write-only mode and other
writers leave it out), and builds each shared or inline string through its descriptor-checked
``Text`` object. An import reads the values only, once through: :class:`Book` opens the package
with openpyxl's reader parts (content types, workbook and its 1900 or 1904 date base, styles
and their date formats) without that pass, and reads a sheet with openpyxl's worksheet parser
(``WorkSheetParser``: cell references, numbers, dates, booleans, formulas' cached values). What
is done here is the common case, a text cell: a shared string, a formula's text, or an inline
string that is a single ``<t>`` element, with its column from a plain ``A1`` reference (or
counted after the row's last cell), read directly; any other string (rich-text runs, phonetic
runs) and every other cell still goes through openpyxl, so every value equals what openpyxl's
own reading gives (``tests/spreadsheets/test_xlsx.py`` compares them on the same files).

Imported where a workbook is read, not before: openpyxl is not loaded by a command that does
not read one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any
from zipfile import ZipFile

from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils import column_index_from_string
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

_SI = f"{{{SHEET_MAIN_NS}}}si"
_T = f"{{{SHEET_MAIN_NS}}}t"
_IS = f"{{{SHEET_MAIN_NS}}}is"
SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


class Book:
    """The worksheets of an .xlsx package read from ``source`` (a binary file, closed with the
    book), by name."""

    def __init__(self, source: IO[bytes]) -> None:
        self._source = source
        try:
            reader = ExcelReader(source, read_only=True, data_only=True)
        except BaseException:
            source.close()
            raise
        self._archive: ZipFile = reader.archive
        try:
            reader.read_manifest()
            part = reader.package.find(SHARED_STRINGS)
            self._strings: list[str] = []
            if part is not None:
                with self._archive.open(part.PartName[1:]) as src:
                    self._strings = string_table(src)
            reader.read_workbook()
            apply_stylesheet(self._archive, reader.wb)
            self._book = reader.wb
            # as load_workbook lists them: sheets whose part is missing are left out
            self._parts: dict[str, tuple[str, bool]] = {
                sheet.name: (rel.target, "chartsheet" in rel.Type)
                for sheet, rel in reader.parser.find_sheets()
                if rel.target in reader.valid_files}
        except BaseException:
            self.close()
            raise

    @property
    def sheetnames(self) -> list[str]:
        return list(self._parts)

    def is_chart(self, name: str) -> bool:
        return self._parts[name][1]

    def rows(self, name: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(Excel's row number, the row's values from column A to its last cell) for each row
        the sheet holds; a cell it does not hold is None, as openpyxl's ``values_only``
        rows give it. Rows the sheet does not hold are not given."""
        book = self._book
        with self._archive.open(self._parts[name][0]) as src:
            parser = _Cells(src, self._strings, data_only=True, epoch=book.epoch,
                            date_formats=book._date_formats,
                            timedelta_formats=book._timedelta_formats)
            for number, cells in parser.parse():
                if not cells:
                    yield number, ()
                    continue
                values: list[Any] = [None] * cells[-1]["column"]
                for found in cells:
                    column = found["column"]
                    if column <= len(values):  # as openpyxl: beyond the last cell is dropped
                        values[column - 1] = found["value"]
                yield number, tuple(values)

    def close(self) -> None:
        self._archive.close()
        self._source.close()


def string_table(src: IO[bytes]) -> list[str]:
    """The shared strings, as ``openpyxl.reader.strings.read_string_table`` reads them."""
    strings: list[str] = []
    for _, node in iterparse(src):
        if node.tag == _SI:
            if len(node) == 1 and node[0].tag == _T:
                text = node[0].text or ""
            else:  # rich-text runs, phonetic runs: openpyxl's own reading
                text = Text.from_tree(node).content
            strings.append(text.replace("x005F_", ""))
            node.clear()
    return strings


_V = f"{{{SHEET_MAIN_NS}}}v"
_COLUMNS: dict[str, int] = {}  # column letters -> number, as openpyxl reads a reference


def _column(reference: str) -> int | None:
    """The column of a plain ``A1`` reference (letters, then the row's digits), else None."""
    letters = reference.rstrip("0123456789")
    if not letters or len(letters) == len(reference):
        return None
    column = _COLUMNS.get(letters)
    if column is None:
        try:
            column = column_index_from_string(letters)
        except ValueError:
            return None
        _COLUMNS[letters] = column
    return column


class _Cells(WorkSheetParser):
    """openpyxl's worksheet parser; a shared string, a formula's text and an inline string of
    one ``<t>`` are read directly (the others, numbers and dates among them, by openpyxl)."""

    col_counter: int  # openpyxl's: the column of the row's last cell read

    def parse_cell(self, element: Any) -> dict[str, Any]:
        kind = element.get("t")
        if kind == "s" or kind == "str":
            value = element.findtext(_V, None) or None
            if kind == "s" and value is not None:
                value = self.shared_strings[int(value)]
        elif kind == "inlineStr":
            child = element.find(_IS)
            if child is None or len(child) != 1 or child[0].tag != _T:
                return super().parse_cell(element)  # runs: openpyxl's Text
            value = child[0].text or ""
        else:
            return super().parse_cell(element)
        # the column as openpyxl counts it, from a plain reference or after the last cell
        reference = element.get("r")
        if reference:
            column = _column(reference)
            if column is None:
                return super().parse_cell(element)  # a reference out of the common form
        else:
            column = self.col_counter + 1
        self.col_counter = column
        return {"column": column, "value": value, "data_type": "s"}
