"""Benchmark: importing a 20,000-row organisation sheet, GB18030-encoded CSV.

    python bench/bench_sheet_import.py [--rows 20000] [--update]

Prints rows per second for
  1. reading the file (encoding detection, delimiter sniffing, CSV parsing),
  2. planning (every cell parsed and checked for garbled text, every row run through the
     model's operations in a savepoint that is rolled back),
  3. applying the plan (the real writes, with the audit history) and committing,
and, with ``--update``, the same sheet imported a second time with one column changed, so that
every row updates an existing organisation.
Not a test: nothing is asserted, the figures are for a person to read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy.orm import Session, sessionmaker

from models.campaign import Industry
from models.database import open_database
from spreadsheets import Table, apply_import, plan_import, read_table
from tests.factories import make_world

T = TypeVar("T")
INDUSTRIES = [("SMT", "智能移动终端"), ("SEMI", "半导体及集成电路"), ("ROBOT", "智能机器人"),
              ("STORAGE", "新型储能"), ("EBIKE", "电动自行车"), ("MED", "高端医疗器械"),
              ("FOOD", "预制菜"), ("SOFT", "国产基础软件生态")]
COUNTRIES = ["德国", "日本", "US", "韩国", "中国香港", "法国", "CN", "新加坡"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
WORDS = ["精密", "智能", "新能源", "半导体", "储能", "机器人", "医疗", "食品", "软件", "电子", "材料",
         "珺", "龘", "𠮷", "汽车", "光电", "通信"]


def write_sheet(path: Path, rows: int, note: str = "") -> None:
    lines = ["序号,机构名称,英文名称,类型,产业,世界500强排名,中国500强排名,总部城市,国家/地区,网址,备注"]
    for n in range(rows):
        name = f"{SURNAMES[n % len(SURNAMES)]}{WORDS[n % len(WORDS)]}{WORDS[(n // 7) % len(WORDS)]}" \
               f"科技有限公司{n:05d}"
        industry = ["新能源汽车", *(zh for _, zh in INDUSTRIES)][n % 9]
        rank = str(n % 500 + 1) if n % 4 == 0 else "未上榜"
        lines.append(
            f'{n + 1},{name},"Company {n:05d}, Ltd.",企业,{industry},{rank},,东莞,'
            f"{COUNTRIES[n % len(COUNTRIES)]},https://example{n}.cn,{note}第{n + 1}号"
        )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))


def timed(label: str, rows: int, action: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    print(f"{label:<34} {seconds:8.2f} s   {rows / seconds:10,.0f} rows/s")
    return result


def import_once(sessions: sessionmaker[Session], path: Path, rows: int, title: str) -> None:
    print(title)
    table: Table = timed("  read (GB18030 CSV)", rows, lambda: read_table(path))
    with sessions() as session:
        plan = timed("  plan (check every row)", rows,
                     lambda: plan_import(session, "organisations", table))
    if plan.errors:
        print(plan.error_text("en"))
        return
    print(f"  {plan.counts('en')}")

    def apply() -> None:
        with sessions.begin() as session:
            apply_import(session, plan)

    timed("  apply + commit", rows, apply)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--update", action="store_true", help="also import a second time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        engine, sessions = open_database(f"sqlite:///{Path(folder) / 'bench.db'}")
        with sessions.begin() as session:
            make_world(session)
            session.add_all(Industry(code=code, name_zh=zh, position=i + 2)
                            for i, (code, zh) in enumerate(INDUSTRIES))
        sheet = Path(folder) / "organisations.csv"
        write_sheet(sheet, args.rows)
        print(f"{args.rows:,} organisations, {sheet.stat().st_size / 1e6:.1f} MB GB18030 CSV, SQLite")
        import_once(sessions, sheet, args.rows, "first import (every row creates):")
        if args.update:
            write_sheet(sheet, args.rows, note="复访 ")
            import_once(sessions, sheet, args.rows, "second import (every row updates):")
        engine.dispose()


if __name__ == "__main__":
    main()
