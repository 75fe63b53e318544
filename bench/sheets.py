"""Organisation sheets to import: GB18030 CSV and .xlsx, as a bureau receives them.

Used by the runner (``bench.run``) and ``bench/bench_sheet_import.py``: a numbered list with Chinese headers,
company names (some with rare characters: 珺, 龘, 𠮷), the nine industries by their Chinese
names, ranks or "未上榜", countries as names or codes, and a remark.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

HEADERS = ["序号", "机构名称", "英文名称", "类型", "产业", "世界500强排名", "中国500强排名", "总部城市",
           "国家/地区", "网址", "备注"]
INDUSTRIES = ["新能源汽车", "智能移动终端", "半导体及集成电路", "智能机器人", "新型储能", "电动自行车",
              "高端医疗器械", "预制菜", "国产基础软件生态"]
COUNTRIES = ["德国", "日本", "US", "韩国", "中国香港", "法国", "CN", "新加坡"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
WORDS = ["精密", "智能", "新能源", "半导体", "储能", "机器人", "医疗", "食品", "软件", "电子", "材料",
         "珺", "龘", "𠮷", "汽车", "光电", "通信"]


def rows(count: int, note: str = "") -> Iterator[list[str]]:
    """``count`` rows; ``note`` starts each remark (a second import that changes them all)."""
    for n in range(count):
        name = (f"{SURNAMES[n % len(SURNAMES)]}{WORDS[n % len(WORDS)]}"
                f"{WORDS[(n // 7) % len(WORDS)]}科技有限公司{n:06d}")
        rank = str(n % 500 + 1) if n % 4 == 0 else "未上榜"
        yield [str(n + 1), name, f"Company {n:06d}, Ltd.", "企业", INDUSTRIES[n % 9], rank, "",
               "东莞", COUNTRIES[n % len(COUNTRIES)], f"https://example{n}.cn", f"{note}第{n + 1}号"]


def write_csv(path: Path, count: int, note: str = "") -> Path:
    """A GB18030 CSV with CRLF line ends, as Excel saves it on a Chinese Windows."""
    def quoted(cell: str) -> str:
        return f'"{cell}"' if "," in cell else cell

    with path.open("wb") as out:  # a line at a time: the bench's memory is the import's
        out.write((",".join(HEADERS) + "\r\n").encode("gb18030"))
        for row in rows(count, note):
            out.write((",".join(quoted(c) for c in row) + "\r\n").encode("gb18030"))
    return path


def write_xlsx(path: Path, count: int, shared_strings: bool = False) -> Path:
    """Written by openpyxl's write-only mode (each text an inline string), or, with
    ``shared_strings``, as Excel and WPS write a workbook: every text once in the shared strings
    table, the cells pointing into it (openpyxl's normal mode, the whole sheet in memory)."""
    from openpyxl import Workbook

    book = Workbook(write_only=not shared_strings)
    if shared_strings:
        book.remove(book.worksheets[0])
    sheet = book.create_sheet("机构")
    sheet.append(HEADERS)
    for row in rows(count):
        sheet.append([int(row[0]), *row[1:5], int(row[5]) if row[5].isdigit() else row[5],
                      *row[6:]])
    book.save(path)
    return path
