"""Benchmark: importing a 20,000-row organisation sheet, GB18030-encoded CSV or .xlsx.

    python bench/bench_sheet_import.py [--rows 20000] [--update] [--xlsx [--shared-strings]]
                                       [--db URL]

Prints rows per second for
  1. opening the file (a CSV's encoding checked a block at a time, the delimiter sniffed, the
     header found; a workbook opened read-only: ``open_table``, as ``import-sheet`` does),
  2. planning (the rows streamed from the file a chunk at a time, every cell parsed and
     checked for garbled text, every draft checked against the model's rules with the
     look-ups loaded once),
  3. applying the plan (the real writes, with the audit history) and committing,
each with its CPU time (the figure to read on a shared, loaded machine) and, on a PostgreSQL
server on this machine, the CPU its backends serving the database used meanwhile (read from
``/proc``), and, with
``--update``, the same sheet imported a second time with one column changed, so that
every row updates an existing organisation, and the process's peak memory (RSS).
Not a test: nothing is asserted, the figures are for a person to read.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from bench import sheets
from models.campaign import Industry
from models.database import open_database
from models.language import Lang
from spreadsheets import SheetFile, Table, apply_import, open_table, plan_import
from tests.factories import make_world

T = TypeVar("T")
# the codes of the industries of the sheet that the test world does not hold
CODES = ["SMT", "SEMI", "ROBOT", "STORAGE", "EBIKE", "MED", "FOOD", "SOFT"]


class ServerCpu:
    """The CPU seconds the PostgreSQL backends serving the bench's database used, read from
    ``/proc`` (the server runs on this machine); nothing on SQLite or a server elsewhere. The
    pool keeps its connections, so their backends live across the phases."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.seen: dict[int, float] = {}
        self.active = engine.dialect.name == "postgresql" and Path("/proc/self/stat").exists()
        self.tick = os.sysconf("SC_CLK_TCK")

    def used(self) -> float | None:
        """The CPU seconds since the last call (the first call: since the backends started)."""
        if not self.active:
            return None
        with self.engine.connect() as conn:
            pids = conn.scalars(text("SELECT pid FROM pg_stat_activity "
                                     "WHERE datname = current_database()")).all()
        total = 0.0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            cpu = (int(fields[11]) + int(fields[12])) / self.tick
            total += cpu - self.seen.get(pid, 0.0)
            self.seen[pid] = cpu
        return total


def timed(label: str, rows: int, action: Callable[[], T], server: ServerCpu) -> T:
    server.used()
    start, cpu = time.perf_counter(), time.process_time()
    result = action()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    backends = server.used()
    extra = f", server {backends:.2f} s" if backends is not None else ""
    print(f"{label:<34} {seconds:8.2f} s   {rows / seconds:10,.0f} rows/s   "
          f"(CPU {cpu:.2f} s{extra})")
    return result


def import_once(sessions: sessionmaker[Session], path: Path, rows: int, title: str,
                server: ServerCpu) -> None:
    print(title)
    kind = ".xlsx" if path.suffix == ".xlsx" else "GB18030 CSV"
    table: Table | SheetFile = timed(f"  open ({kind})", rows, lambda: open_table(path), server)
    with sessions() as session, table:
        plan = timed("  plan (check every row)", rows,
                     lambda: plan_import(session, "organisations", table), server)
    if plan.errors:
        print(plan.error_text(Lang.EN))
        return
    print(f"  {plan.counts(Lang.EN)}")

    def apply() -> None:
        with sessions.begin() as session:
            apply_import(session, plan)

    timed("  apply + commit", rows, apply, server)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--update", action="store_true", help="also import a second time")
    parser.add_argument("--xlsx", action="store_true",
                        help="an .xlsx workbook instead of a GB18030 CSV file (first import)")
    parser.add_argument("--shared-strings", action="store_true",
                        help="with --xlsx: the texts in a shared strings table, as Excel and WPS "
                             "write them (written in a child process, so that the peak memory "
                             "is the import's)")
    parser.add_argument("--db", metavar="URL",
                        help="an empty database to import into (e.g. a PostgreSQL URL; "
                             "default: a new SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'bench.db'}"
        engine, sessions = open_database(url)
        with sessions.begin() as session:
            make_world(session)
            session.add_all(Industry(code=code, name_zh=zh, position=i + 2)
                            for i, (code, zh) in enumerate(zip(CODES, sheets.INDUSTRIES[1:],
                                                               strict=True)))
        sheet = Path(folder) / ("organisations.xlsx" if args.xlsx else "organisations.csv")
        if args.xlsx and args.shared_strings:
            writer = multiprocessing.get_context("fork").Process(
                target=sheets.write_xlsx, args=(sheet, args.rows, True))
            writer.start()
            writer.join()
        else:
            (sheets.write_xlsx if args.xlsx else sheets.write_csv)(sheet, args.rows)
        kind = (".xlsx (shared strings)" if args.xlsx and args.shared_strings
                else ".xlsx" if args.xlsx else "GB18030 CSV")
        print(f"{args.rows:,} organisations, {sheet.stat().st_size / 1e6:.1f} MB {kind}, "
              f"{engine.dialect.name}")
        server = ServerCpu(engine)
        import_once(sessions, sheet, args.rows, "first import (every row creates):", server)
        if args.update:
            sheet = Path(folder) / "organisations.csv"
            sheets.write_csv(sheet, args.rows, note="复访 ")
            import_once(sessions, sheet, args.rows, "second import (every row updates):",
                        server)
        engine.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
