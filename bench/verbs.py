"""Each command-line verb as a whole process against Python importing what it needs, with CPU.

    python -m bench.verbs --db URL [--db URL2 …] [--repeat 5] [--only list,brief]
                          [--checkout DIR]   # another source tree's main.py, to compare

Every run of a verb is paired with a run of its floor in the same minute (verb, floor, verb,
floor …), and both are timed by wall clock and by the CPU seconds the child process used
(``os.wait4``: user + system), which a busy machine inflates less than the wall clock.
Prints one Markdown table row per verb and database: medians, ratios, peak memory. A ``brief``
gets a second row against the work it cannot skip: ReportLab alone (with SQLAlchemy's ORM and
the database's driver imported, as every verb needs) setting as many pages of Chinese with the
same font (``bench.pdf_floor``), the floor the issue's first table gave the brief.
``export-ics --all`` and ``dump`` get one too (``bench.work_floors``): icalendar alone setting
as many events (with the same imports), and every row of every table read and written as JSON
lines.

What a verb needs to import: SQLAlchemy's ORM (``sqlalchemy.orm``), whatever it reads, since
the records' schema is declared with it (``models``: the product's stack); ICS and PDF verbs add
icalendar or ReportLab, PostgreSQL adds psycopg. The issue's first table paired ``list trips``
with ``import sqlalchemy`` alone: that ratio is printed too (last column), measured in the same
minutes, for comparison with the figures before this floor was chosen (2026-12-03).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.measure import ROOT, compile_sources, python, python_imports
from bench.pdf_floor import page_count

# (what, arguments, what the verb needs to import: its floor)
VERBS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("init (schema up to date)", ("init",), "sqlalchemy.orm"),
    ("list trips --json", ("list", "trips", "--json"), "sqlalchemy.orm"),
    ("list organisations", ("list", "organisations"), "sqlalchemy.orm"),
    ("show TRIP-2023-001", ("show", "TRIP-2023-001"), "sqlalchemy.orm"),
    ("list teams", ("list", "teams"), "sqlalchemy.orm"),
    ("show 第7小分队", ("show", "第7小分队"), "sqlalchemy.orm"),
    ("show NEV (an industry chain)", ("show", "NEV"), "sqlalchemy.orm"),
    ("check", ("check",), "sqlalchemy.orm"),
    ("history TRIP-2023-001", ("history", "TRIP-2023-001"), "sqlalchemy.orm"),
    ("export-ics --trip TRIP-2023-001", ("export-ics", "--trip", "TRIP-2023-001", "-o",
                                         "{out}/trip.ics"), "sqlalchemy.orm, icalendar"),
    ("export-ics --all", ("export-ics", "--all", "-o", "{out}/all.ics"),
     "sqlalchemy.orm, icalendar"),
    ("brief --trip TRIP-2023-001", ("brief", "--trip", "TRIP-2023-001", "--date", "2023-12-31",
                                    "-o", "{out}/trip.pdf"), "sqlalchemy.orm, reportlab.platypus"),
    ("brief --campaign", ("brief", "--campaign", "--date", "2023-12-31", "-o",
                          "{out}/campaign.pdf"), "sqlalchemy.orm, reportlab.platypus"),
    ("dump", ("dump", "{out}/dump.json"), "sqlalchemy.orm, json"),
)
ALONE = "sqlalchemy"  # the first floor, printed for comparison


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mib: float


def run_once(argv: Sequence[str], ok: Sequence[int] = (0,), cwd: Path = ROOT) -> Run:
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty child cannot block
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        code = child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if code not in ok:
            errors.seek(0)
            error = errors.read().decode("utf-8", "replace")
            raise SystemExit(f"{' '.join(argv)} exited {code}: {error[-500:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def _median(values: Sequence[float]) -> float:
    return statistics.median(values)


def _row(what: str, label: str, runs: Sequence[Run], floors: Sequence[Run], floor: str,
         alone: Sequence[Run] = ()) -> None:
    wall, floor_wall = _median([r.wall for r in runs]), _median([r.wall for r in floors])
    cpu, floor_cpu = _median([r.cpu for r in runs]), _median([r.cpu for r in floors])
    versus = f"{wall / _median([r.wall for r in alone]):.2f}×" if alone else ""
    print(f"| `{what}` | {label} | {wall:.2f} s | {floor_wall:.2f} s ({floor}) | "
          f"{wall / floor_wall:.2f}× | {cpu:.2f} s | {floor_cpu:.2f} s | {cpu / floor_cpu:.2f}× "
          f"| {len(runs)} | {max(r.peak_mib for r in runs):.0f} MiB | {versus} |", flush=True)


def _font() -> str:
    """The font file a brief prints with on this machine (``path#index``), "" for none."""
    from briefs.fonts import find_cjk_font

    font = find_cjk_font(None)
    return f"{font.path}#{font.subfont_index}" if font.path else ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--db", action="append", required=True, metavar="URL")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", default="", help="comma-separated verbs (first words)")
    parser.add_argument("--checkout", type=Path, default=ROOT,
                        help="the source tree whose main.py runs (another branch, to compare)")
    parser.add_argument("--label", action="append", default=[],
                        help="a name for each --db in the table (default: the URL)")
    args = parser.parse_args(argv)
    only = {w.strip() for w in args.only.split(",") if w.strip()}
    compile_sources()  # as installed: the verbs measured do not compile the program again
    out = Path(tempfile.mkdtemp(prefix="bench-verbs-"))
    print("| verb | database | wall median | floor wall | ratio | CPU median | floor CPU "
          f"| CPU ratio | runs | peak RSS | wall ratio to `import {ALONE}` |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for index, url in enumerate(args.db):
        label = args.label[index] if index < len(args.label) else url
        for what, words, verb_needs in VERBS:
            if only and what.split()[0] not in only and what not in only:
                continue
            # on PostgreSQL a verb needs the driver too: psycopg is imported by the floor
            driver = ["psycopg"] if url.startswith("postgresql") else []
            needs = verb_needs + "".join(f", {module}" for module in driver)
            command = [python(), "main.py", "--db", url,
                       *(w.format(out=out) for w in words)]
            ok = (0, 3, 5) if words[0] == "check" else (0,)
            runs: list[Run] = []
            floors: list[Run] = []
            alone: list[Run] = []  # the first floor, for comparison
            # the work a brief, a whole calendar or a dump cannot skip (bench.pdf_floor,
            # bench.work_floors): a second row
            work: list[Run] = []
            work_floor = ""
            for _ in range(args.repeat):
                runs.append(run_once(command, ok, args.checkout))
                floors.append(run_once(python_imports(needs)))
                alone.append(run_once(python_imports(ALONE + needs.removeprefix(verb_needs))))
                if words[0] == "brief":
                    pages = page_count(Path(words[-1].format(out=out)).read_bytes())
                    work.append(run_once([python(), "-m", "bench.pdf_floor", str(pages),
                                          _font(), *driver]))
                    work_floor = f"ReportLab setting {pages} pages of Chinese, same font"
                elif what == "export-ics --all":
                    events = Path(words[-1].format(out=out)).read_bytes().count(b"BEGIN:VEVENT")
                    work.append(run_once([python(), "-m", "bench.work_floors", "ics",
                                          str(events), *driver]))
                    work_floor = f"icalendar alone setting {events:,} events"
                elif words[0] == "dump":
                    work.append(run_once([python(), "-m", "bench.work_floors", "dump", url]))
                    work_floor = "every row of every table read and written as JSON"
            _row(what, label, runs, floors, f"`import {needs}`", alone)
            if work:
                _row(what, label, runs, work, work_floor)
    return 0


if __name__ == "__main__":
    sys.exit(main())
