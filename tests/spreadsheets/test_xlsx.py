"""Reading a workbook's values with openpyxl's parsers and without ``load_workbook``'s sizing
pass (:mod:`spreadsheets.xlsx`) gives, row for row, what openpyxl's own read-only reading gives:
on workbooks openpyxl writes (shared strings, inline strings, rich text, dates, gaps) and on a
workbook written here by hand as Excel and WPS write them (phonetic runs, rich runs, escapes,
cells without references, the 1904 date base, a sheet that records no size)."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from models.errors import ValidationError
from spreadsheets import open_table, read_table
from spreadsheets.xlsx import Book
from tests.spreadsheets.sheets import RARE_NAMES

ML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="{ML}.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ML}.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="{ML}.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="{ML}.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="{ML}.sharedStrings+xml"/>
</Types>"""
ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{REL}">
<workbookPr{{date1904}}/>
<sheets><sheet name="名单" sheetId="1" r:id="rId1"/><sheet name="Other" sheetId="2" r:id="rId2"/></sheets>
</workbook>"""
WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/>
<Relationship Id="rId4" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
# style 1: a date (built-in format 14), style 2: a date and time (22), style 3: a time (21)
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""
# 0 plain; 1 rich runs; 2 a phonetic run (not part of the text); 3 an escaped underscore;
# 4 spaces kept; 5 empty; 6 beyond the BMP
SHARED = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="7">
<si><t>机构名称</t></si>
<si><r><rPr><b/></rPr><t>东莞</t></r><r><t xml:space="preserve"> 精密</t></r></si>
<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="0"/></si>
<si><t>A_x005F_x000D_B</t></si>
<si><t xml:space="preserve">  两端空格  </t></si>
<si><t/></si>
<si><t>𠮷野家</t></si>
</sst>"""
# no <dimension>: the size is not recorded. Row 2 has no cell references; row 4 is missing;
# row 5 skips columns B and C; a formula with its cached value; a boolean; an error; a number
# stored as text by a formula (t="str"); dates as serial numbers.
SHEET1 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>
 <c r="D1" t="inlineStr"><is><t>日期</t></is></c></row>
<row><c t="s"><v>3</v></c><c t="s"><v>4</v></c><c t="s"><v>5</v></c><c s="1"><v>44990</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r></is></c>
 <c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" s="2"><v>44990.5</v></c></row>
<row r="5"><c r="A5" t="s"><v>6</v></c><c r="D5"><f>1+1</f><v>2</v></c>
 <c r="E5" t="str"><f>"0769"</f><v>0769</v></c><c r="F5" s="3"><v>0.75</v></c>
 <c r="G5"><v>1.5E-3</v></c><c r="H5" t="inlineStr"><is><t/></is></c></row>
<row r="6" spans="1:3"/>
<row r="7"><c r="C7"><v>6000000000</v></c></row>
</sheetData>
<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>
</worksheet>"""
SHEET2 = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<dimension ref="A1:B2"/><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>
 <c r="B1" t="inlineStr"><is><t>职务</t></is></c></row>
<row r="2"><c r="A2" t="s"><v>6</v></c><c r="B2" s="1"><v>61</v></c></row>
</sheetData></worksheet>"""


def handmade(path: Path, *, date1904: bool = False) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("xl/workbook.xml", WORKBOOK.format(
                               date1904=' date1904="1"' if date1904 else "")),
                           ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
                           ("xl/styles.xml", STYLES), ("xl/sharedStrings.xml", SHARED),
                           ("xl/worksheets/sheet1.xml", SHEET1),
                           ("xl/worksheets/sheet2.xml", SHEET2)):
            archive.writestr(name, text)
    return path


ROWS: list[list[Any]] = [
    ["机构名称", "金额", "签约日期", "时间", "电话", "备注"],
    [RARE_NAMES[0], 6_000_000_000, datetime(2023, 3, 5), time(9, 30), "0769-22223333", None],
    [None, None, None, None, None, None],  # an empty row
    [RARE_NAMES[1], 1.5, date(2023, 4, 1), None, 13800138000, True],
    [None, -0.1, None, None, None, "x_x005F_y"],
    ["=SUM(B2:B3)", None, None, None, None, "only the last column"],
]


def openpyxl_book(path: Path, *, write_only: bool = False, epoch1904: bool = False,
                  chart: bool = False) -> Path:
    book = Workbook(write_only=write_only)
    if epoch1904:
        book.epoch = CALENDAR_MAC_1904
    sheet = book.create_sheet("机构") if write_only else book.active
    assert sheet is not None
    if not write_only:
        sheet.title = "机构"  # type: ignore[union-attr]
    for row in ROWS:
        sheet.append(row)  # type: ignore[union-attr]
    rich = CellRichText("东莞", TextBlock(InlineFont(b=True), "精密"), "制造")
    sheet.append(["富文本", rich])  # type: ignore[union-attr]
    if not write_only:
        sheet.merge_cells("F2:F3")  # type: ignore[union-attr]
        sheet["J12"] = "far away"  # type: ignore[index]
    book.create_sheet("空表")
    if chart:  # (openpyxl's load_workbook fails on the chart sheet it writes)
        book.create_chartsheet("图表")
    book.save(path)
    return path


def as_openpyxl_reads(path: Path, sheet: str) -> dict[int, tuple[Any, ...]]:
    """The rows openpyxl's read-only reader gives, by Excel's row number (rows it fills in
    for missing ones left out)."""
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        worksheet = book[sheet]
        worksheet.reset_dimensions()  # type: ignore[union-attr]
        return {number: tuple(values) for number, values in enumerate(
            worksheet.iter_rows(values_only=True), start=1) if values}  # type: ignore[union-attr]
    finally:
        book.close()


def as_read_here(path: Path, sheet: str) -> dict[int, tuple[Any, ...]]:
    book = Book(path.open("rb"))
    try:
        return {number: values for number, values in book.rows(sheet) if values}
    finally:
        book.close()


@pytest.mark.parametrize(("write_only", "epoch1904"), [(False, False), (True, False), (False, True)],
                         ids=["shared-strings", "inline-strings", "1904"])
def test_openpyxl_written_workbooks_read_as_openpyxl_reads_them(
        tmp_path: Path, write_only: bool, epoch1904: bool) -> None:
    path = openpyxl_book(tmp_path / "book.xlsx", write_only=write_only, epoch1904=epoch1904)
    names = load_workbook(path, read_only=True).sheetnames
    book = Book(path.open("rb"))
    try:
        assert book.sheetnames == names
    finally:
        book.close()
    for sheet in ("机构", "空表"):
        assert as_read_here(path, sheet) == as_openpyxl_reads(path, sheet)
    rows = as_read_here(path, "机构")
    assert rows[2][:4] == (RARE_NAMES[0], 6_000_000_000, datetime(2023, 3, 5), time(9, 30))
    assert rows[7][1] == "东莞精密制造"


@pytest.mark.parametrize("date1904", [False, True], ids=["1900", "1904"])
def test_a_workbook_as_excel_writes_it_reads_as_openpyxl_reads_it(
        tmp_path: Path, date1904: bool) -> None:
    path = handmade(tmp_path / "excel.xlsx", date1904=date1904)
    for sheet in ("名单", "Other"):
        assert as_read_here(path, sheet) == as_openpyxl_reads(path, sheet)
    rows = as_read_here(path, "名单")
    assert rows[1] == ("机构名称", "东莞 精密", "東京", "日期")  # the phonetic run left out
    base = date(1904, 1, 1) if date1904 else date(1899, 12, 30)
    assert rows[2] == ("A_x000D_B", "  两端空格  ", "", datetime.combine(base, time())
                       + (date(2023, 3, 5) - date(1899, 12, 30)))
    assert rows[3][:2] == ("富文本", True)
    assert rows[5] == ("𠮷野家", None, None, 2, "0769", time(18, 0), 0.0015, "")
    assert rows[7] == (None, None, 6_000_000_000)
    assert 4 not in rows


def test_import_reading_gives_the_text_people_see(tmp_path: Path) -> None:
    path = handmade(tmp_path / "excel.xlsx")
    table = read_table(path)
    assert (table.sheet, table.header_row) == ("名单", 1)
    assert [r.number for r in table.rows] == [2, 3, 5, 7]
    assert table.rows[0].cells == ("A_x000D_B", "  两端空格  ", "", "2023-03-05")
    assert table.rows[1].cells == ("富文本", "TRUE", "#N/A", "2023-03-05 12:00")
    assert table.rows[2].cells == ("𠮷野家", "", "", "2", "0769", "18:00", "0.0015", "")
    streamed = open_table(path)
    assert [(r.number, r.cells) for r in streamed.data_rows()] == [
        (r.number, r.cells) for r in table.rows]
    assert read_table(path, sheet="Other").rows[0].cells == ("𠮷野家", "1900-03-01")


def test_a_chart_sheet_is_named_as_such(tmp_path: Path) -> None:
    path = openpyxl_book(tmp_path / "book.xlsx", chart=True)
    book = Book(path.open("rb"))
    try:
        assert book.sheetnames == ["机构", "空表", "图表"]
        assert [book.is_chart(n) for n in book.sheetnames] == [False, False, True]
    finally:
        book.close()
    with pytest.raises(ValidationError, match="是图表"):
        open_table(path, sheet="图表")
    with open_table(path) as table:  # its rows not read: closed by the with
        assert table.sheet == "机构"


def test_a_workbook_named_csv_is_streamed_as_a_workbook(tmp_path: Path) -> None:
    path = openpyxl_book(tmp_path / "名单.csv")
    with open_table(path) as table:
        assert (table.encoding, table.sheet, table.headers[0]) == ("xlsx", "机构", "机构名称")
        assert next(table.data_rows()).cells[0] == RARE_NAMES[0]
