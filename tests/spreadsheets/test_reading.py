"""Reading sheets: encodings (found, never guessed silently), delimiters, title lines, line
numbers, and .xlsx workbooks."""

from __future__ import annotations

import codecs
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from models.errors import ValidationError
from models.language import Lang
from spreadsheets import parse_table, read_table
from spreadsheets.reading import sniff_delimiter
from tests.spreadsheets.sheets import RARE_NAMES, csv_text, write_csv, write_xlsx

HEADER = ["机构名称", "英文名称", "备注"]
ROWS = [HEADER, *[[name, "Rare Co.", "逗号, 和“引号”"] for name in RARE_NAMES]]


def test_gb18030_csv_keeps_rare_characters(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "orgs.csv", ROWS, "gb18030"))
    assert table.encoding == "GB18030"
    assert table.delimiter == ","
    assert table.headers == tuple(HEADER)
    assert [row.cells[0] for row in table.rows] == list(RARE_NAMES)
    assert table.rows[0].cells[2] == "逗号, 和“引号”"
    assert [row.number for row in table.rows] == [2, 3, 4]


def test_gbk_csv_reads_as_gb18030(tmp_path: Path) -> None:
    rows = [HEADER, ["东莞市投资促进局", "Dongguan Investment Promotion Bureau", "龘"]]
    table = read_table(write_csv(tmp_path / "gbk.csv", rows, "gbk"))
    assert table.encoding == "GB18030"
    assert table.rows[0].cells == tuple(rows[1])


@pytest.mark.parametrize(("encoding", "label"), [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 (BOM)"), ("utf-16", "UTF-16"), ("utf-32", "UTF-32"),
])
def test_unicode_csv(tmp_path: Path, encoding: str, label: str) -> None:
    table = read_table(write_csv(tmp_path / "u.csv", ROWS, encoding))
    assert table.encoding == label
    assert table.headers[0] == "机构名称"  # no byte-order mark left in the first header
    assert [row.cells[0] for row in table.rows] == list(RARE_NAMES)


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path: Path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + csv_text(ROWS, "\t").encode("utf-16-le"))
    table = read_table(path)
    assert (table.encoding, table.delimiter) == ("UTF-16", "\t")
    assert table.rows[2].cells[0] == RARE_NAMES[2]


def test_bytes_valid_in_neither_encoding_are_refused_with_their_line(tmp_path: Path) -> None:
    good = "机构名称,备注\r\n博世集团,甲\r\n".encode("gb18030")
    path = tmp_path / "broken.csv"
    path.write_bytes(good + b"\x81\x7f\xff,x\r\n")
    with pytest.raises(ValidationError) as caught:
        read_table(path)
    assert "第 3 行" in caught.value.message_zh
    assert "line 3" in caught.value.message_en
    assert "GB18030" in caught.value.message_zh


def test_a_damaged_utf8_file_names_the_damaged_line(tmp_path: Path) -> None:
    text = "机构名称,备注\n" + "".join(f"博世集团{n},第{n}行\n" for n in range(1, 40))
    data = bytearray(text.encode("utf-8"))
    line_7 = data.index("博世集团6".encode())
    data[line_7 + 1] = 0xFF  # one byte of line 7 destroyed
    with pytest.raises(ValidationError) as caught:
        parse_table(bytes(data), name="x.csv")
    assert "第 7 行" in caught.value.message_zh
    assert "UTF-8" in caught.value.message_zh


def test_utf16_without_bom_is_refused_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "nobom.csv"
    path.write_bytes(csv_text(ROWS).encode("utf-16-le"))
    with pytest.raises(ValidationError) as caught:
        read_table(path)
    assert "UTF-16" in caught.value.message_zh
    assert read_table(path, encoding="utf-16-le").rows[0].cells[0] == RARE_NAMES[0]


def test_a_given_encoding_is_used_strictly(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "big5.csv", [["機構名稱", "備註"], ["台積電", "新竹"]], "big5")
    table = read_table(path, encoding="big5")
    assert (table.encoding, table.rows[0].cells) == ("BIG5", ("台積電", "新竹"))
    with pytest.raises(ValidationError) as caught:
        read_table(path, encoding="utf-8")
    assert "第 1 行" in caught.value.message_zh
    with pytest.raises(ValidationError, match="未知编码"):
        read_table(path, encoding="klingon")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    rows = [["名称", "城市", "备注"], ["博世", "Stuttgart, DE", "a;b"], ["西门子", "München", "c\td"]]
    table = read_table(write_csv(tmp_path / "d.csv", rows, "utf-8", delimiter))
    assert table.delimiter == delimiter
    assert table.rows[0].cells == ("博世", "Stuttgart, DE", "a;b")
    assert table.rows[1].cells == ("西门子", "München", "c\td")


def test_excel_sep_line_and_quoted_newlines_keep_line_numbers() -> None:
    text = 'sep=;\r\n名称;备注\r\n博世;"第一行\r\n第二行"\r\n西门子;x\r\n'
    table = parse_table(text.encode("utf-8"), name="s.csv")
    assert table.delimiter == ";"
    assert table.header_row == 2
    assert [(r.number, r.cells[0]) for r in table.rows] == [(3, "博世"), (5, "西门子")]
    assert table.rows[0].cells[1] == "第一行\r\n第二行"


def test_title_lines_and_blank_lines_are_skipped() -> None:
    text = "2023年重点招商企业名单,,\r\n,,\r\n序号,机构名称,备注\r\n1,博世集团,\r\n\r\n2,西门子,\r\n"
    table = parse_table(text.encode("gb18030"), name="t.csv")
    assert table.header_row == 3
    assert table.headers == ("序号", "机构名称", "备注")
    assert [(r.number, r.cells[1]) for r in table.rows] == [(4, "博世集团"), (6, "西门子")]


def test_excel_text_formulas_keep_leading_zeros() -> None:
    table = parse_table('姓名,电话\r\n陈志强,="07692222333"\r\n'.encode(), name="p.csv")
    assert table.rows[0].cells == ("陈志强", "07692222333")


def test_unbalanced_quotes_are_refused_with_the_line() -> None:
    text = '名称,备注\r\n博世,ok\r\n西门子,"未闭合"引号\r\n'
    with pytest.raises(ValidationError) as caught:
        parse_table(text.encode("utf-8"), name="q.csv")
    assert "第 3 行" in caught.value.message_zh


def test_sniffing_prefers_the_consistent_delimiter() -> None:
    text = "名称;城市\n博世;Stuttgart, Gerlingen\n西门子;München\n"
    assert sniff_delimiter(text) == ";"
    assert sniff_delimiter("只有一列\n第二行\n") == ","


def test_xlsx_values_as_people_see_them(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["2023年重点项目", None, None, None],
        ["项目名称", "金额", "签约日期", "电话"],
        [RARE_NAMES[0], 6_000_000_000, datetime(2023, 3, 5), 13800138000],
        [None, None, None, None],  # an empty row keeps Excel's numbering
        [RARE_NAMES[1], 1.5, date(2023, 4, 1), "0769-22223333"],
    ]
    path = write_xlsx(tmp_path / "leads.xlsx", rows, more_sheets={"人员": [["姓名", "职务"], ["珺", "局长"]]})
    table = read_table(path)
    assert (table.encoding, table.sheet, table.delimiter, table.header_row) == ("xlsx", "机构", None, 2)
    assert [r.number for r in table.rows] == [3, 5]
    assert table.rows[0].cells == (RARE_NAMES[0], "6000000000", "2023-03-05", "13800138000")
    assert table.rows[1].cells == (RARE_NAMES[1], "1.5", "2023-04-01", "0769-22223333")
    other = read_table(path, sheet="人员")
    assert other.rows[0].cells == ("珺", "局长")
    assert "工作表“人员”" in other.describe(Lang.ZH)
    with pytest.raises(ValidationError, match="没有工作表"):
        read_table(path, sheet="Sheet9")


def test_xlsx_is_recognised_by_content_not_name(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "really-a-workbook.csv", [["机构名称", "备注"], ["龘", "x"]])
    assert read_table(path).rows[0].cells == ("龘", "x")


@pytest.mark.parametrize(("data", "message"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "另存为 .xlsx"),
    (b"", "没有任何数据"),
    (b"\r\n , \r\n", "没有任何数据"),
])
def test_unreadable_files_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_table(data, name="x")


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    with pytest.raises(ValidationError, match=r"不是有效的 \.xlsx"):
        read_table(path)


def test_a_missing_file_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="找不到文件"):
        read_table(tmp_path / "nowhere.csv")


def test_describe_says_how_the_file_was_read(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "orgs.csv", ROWS, "gb18030"))
    assert table.describe(Lang.ZH) == "orgs.csv：GB18030 编码，逗号分隔，表头在第 1 行，数据 3 行"
    assert table.describe(Lang.EN) == "orgs.csv: GB18030, comma-separated, header on row 1, 3 data rows"


def test_a_damaged_xlsx_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "机构名单.xlsx"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ValidationError, match=r"not a valid \.xlsx workbook"):
        read_table(path)
