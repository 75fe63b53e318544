"""The benchmark of issue 13: one table, every figure a median paired with its floor.

    python -m bench.run [--db-url URL] [--pg-url URL] [--only STEPS] [--quick] [--repeat N]
                        [--results PATH] [--profile]

Without ``--db-url`` the scale database (``bench.scale_data``, scale 1) is generated into a
temporary SQLite file first. The sample campaign (``init --sample``) is made beside it.
Measures, in this order:

1. cold start to the first painted, populated main window, on the sample and on the scale
   database (whole process), against a PySide6 window + SQLAlchemy engine + one query on
   the same file;
2. each command-line verb as a whole process, against Python importing what it needs;
3. interactions in the window at scale (in process, offscreen; the goal is 100 ms);
4. .ics export of a year and of everything against icalendar alone; a trip brief and the
   campaign report against ReportLab alone (in process);
5. importing 20,000 and 100,000 organisation rows, GB18030 CSV and .xlsx (whole process,
   into a copy of the sample database), against a process reading the same file;
6. peak memory of the window after visiting every view at scale.

``--pg-url`` names a scale database on PostgreSQL (``python -m bench.scale_data --db
postgresql://…``): the cold start and the memory after visiting every view are measured there
too. ``--only start,memory`` runs some of the steps (start, verbs, interactions, documents,
imports, memory).

The table is printed and written with the machine's description to ``bench/RESULTS.md``
(``--results``). ``--quick`` (CI): one run of each, no sample database, small import sheets,
no 100,000-row import. Imports of 20,000 rows and more run once (minutes each);
``--max-import-rows 20000`` leaves out the 100,000-row sheets. ``--profile`` adds a cProfile
summary of the two whole-process figures furthest above their floor.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.engine import make_url

from bench import report, scale_data, sheets
from bench.measure import (
    ROOT,
    Figure,
    alternated,
    child_env,
    compile_sources,
    python,
    python_imports,
    repeat_process,
)
from bench.verbs import VERBS
from models.database import resolve_url

RESULTS = ROOT / "bench" / "RESULTS.md"


class Runner:
    def __init__(self, scale_url: str, sample_url: str | None, work: Path, repeat: int,
                 quick: bool, max_rows: int = 100_000, pg_url: str | None = None) -> None:
        self.scale_url = scale_url
        self.pg_url = pg_url
        self.sample_url = sample_url
        self.work = work
        self.repeat = repeat
        self.quick = quick
        self.max_rows = max_rows
        self.env = child_env({"XDG_CONFIG_HOME": str(work / "settings"),
                              "CAMPAIGN_PLANNER_USER": "bench"})
        self.figures: list[Figure] = []
        self.commands: dict[str, list[str]] = {}  # what -> argv, for --profile

    def say(self, text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def add(self, figure: Figure) -> None:
        self.figures.append(figure)
        floor = figure.floor_median
        self.say(f"  {figure.group} | {figure.what}: {figure.median:.3f} s"
                 + (f" (floor {floor:.3f} s)" if floor is not None else ""))

    def databases(self) -> list[tuple[str, str]]:
        dbs = [("scale", self.scale_url)]
        if self.sample_url:
            dbs.insert(0, ("sample", self.sample_url))
        if self.pg_url:
            dbs.append(("PostgreSQL scale", self.pg_url))
        return dbs

    # --- 1. cold start ---------------------------------------------------------------------

    def start(self) -> None:
        self.say("cold start")
        for name, url in self.databases():
            app = [python(), "-m", "bench.window_start", "app", "--db", url]
            floor = [python(), "-m", "bench.window_start", "floor", "--db", url]
            shown, runs, floors = alternated(
                [(app, "SHOWN"), (app, "READY"), (floor, "READY")], self.env, self.repeat)
            self.add(Figure(
                "start", f"desktop start to the first painted window, still loading ({name} db)",
                [r.seconds for r in shown],
                "a PySide6 window + SQLAlchemy engine + one query, same file",
                [r.seconds for r in floors], max(r.peak_mib for r in shown),
                max(r.peak_mib for r in floors)))
            self.add(Figure(
                "start", f"desktop start to the first painted, populated window ({name} db)",
                [r.seconds for r in runs],
                "a PySide6 window + SQLAlchemy engine + one query, same file",
                [r.seconds for r in floors], max(r.peak_mib for r in runs),
                max(r.peak_mib for r in floors)))
            self.commands[self.figures[-1].what] = app

    # --- 2. command-line verbs -------------------------------------------------------------

    def verbs(self) -> None:
        self.say("command-line verbs")
        out = self.work / "out"
        out.mkdir(exist_ok=True)
        # the verbs and their floors of ``bench.verbs``: one list
        verbs = [(what, [w.format(out=out) for w in words], needs)
                 for what, words, needs in VERBS]
        if self.quick:
            verbs = [v for v in verbs if v[0] in ("list trips --json", "check",
                                                  "export-ics --all")]
        for name, url in self.databases():
            for what, args, needs in verbs:
                argv = [python(), "main.py", "--db", url, *args]
                # check exits 3 (open errors) or 5 (open warnings) when it finds some
                ok = (0, 3, 5) if args[0] == "check" else (0,)
                # the verb and its floor in turn (``alternated``): the same minutes
                runs, floor_runs = alternated([(argv, None), (python_imports(needs), None)],
                                              self.env, self.repeat, ok=ok)
                self.add(Figure("command line", f"`{what}` ({name} db)",
                                [r.seconds for r in runs], f"`import {needs}`",
                                [r.seconds for r in floor_runs],
                                max(r.peak_mib for r in runs)))
                self.commands[self.figures[-1].what] = argv

    # --- 3. interactions -------------------------------------------------------------------

    def json_lines(self, module: str) -> list[dict[str, object]]:
        argv = [python(), "-m", module, "--db", self.scale_url, "--repeat", str(self.repeat)]
        done = subprocess.run(argv, cwd=ROOT, env=self.env, capture_output=True, text=True,
                              encoding="utf-8", check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{module} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
        return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]

    def interactions(self) -> None:
        self.say("interactions at scale")
        for row in self.json_lines("bench.interactions"):
            self.add(Figure("window at scale", str(row["what"]), _floats(row["times"]),
                            "goal: 100 ms", note=str(row.get("note", ""))))

    # --- 4. documents ----------------------------------------------------------------------

    def documents(self) -> None:
        self.say("calendars and briefs at scale")
        for row in self.json_lines("bench.documents"):
            self.add(Figure("documents at scale", str(row["what"]), _floats(row["times"]),
                            str(row["floor"]), _floats(row["floor_times"]),
                            note=str(row.get("note", ""))))

    # --- 5. imports ------------------------------------------------------------------------

    def imports(self) -> None:
        self.say("importing organisation sheets")
        base = self.work / "import-base.db"
        if self.sample_url is None:  # --quick: a copy of the (small) database measured
            _copy_sqlite(self.scale_url, base)
        elif not base.exists():
            subprocess.run([python(), "main.py", "--db", str(base), "init", "--sample"],
                           cwd=ROOT, env=self.env, check=True, capture_output=True)
        sizes = [200] if self.quick else [n for n in (20_000, 100_000) if n <= self.max_rows]
        for rows in sizes:
            for kind, write in (("GB18030 CSV", sheets.write_csv), (".xlsx", sheets.write_xlsx)):
                sheet = write(self.work / f"organisations-{rows}{'.csv' if 'CSV' in kind else '.xlsx'}",
                              rows)
                repeat = 1 if rows >= 20_000 else min(self.repeat, 3)  # minutes each
                times, peaks = [], []
                target = self.work / "import.db"
                argv = [python(), "main.py", "--db", str(target), "import-sheet",
                        "organisations", str(sheet)]
                for _ in range(repeat):
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{target}{suffix}").unlink(missing_ok=True)
                    shutil.copyfile(base, target)
                    run = repeat_process(argv, self.env, 1)[0]
                    times.append(run.seconds)
                    peaks.append(run.peak_mib)
                floor = repeat_process(_reader(sheet), self.env, repeat)
                self.add(Figure("import", f"`import-sheet organisations`, {rows:,} rows ({kind})",
                                times, "a process reading the file", [r.seconds for r in floor],
                                max(peaks), max(r.peak_mib for r in floor),
                                note=f"{repeat} run(s); into a copy of the "
                                f"{'sample' if self.sample_url else 'measured'} database"))
                self.commands[self.figures[-1].what] = argv

    # --- 6. memory -------------------------------------------------------------------------

    def memory(self) -> None:
        self.say("peak memory after visiting every view")
        for name, url in (("scale", self.scale_url), ("PostgreSQL scale", self.pg_url)):
            if url is None:
                continue
            app = [python(), "-m", "bench.window_start", "app", "--db", url, "--visit-all"]
            floor = [python(), "-m", "bench.window_start", "floor", "--db", url]
            runs = repeat_process(app, self.env, self.repeat, ready="VISITED")
            floors = repeat_process(floor, self.env, self.repeat, ready="READY")
            self.add(Figure("memory",
                            f"window after visiting every view ({name} db): start + visits",
                            [r.seconds for r in runs], "the start floor",
                            [r.seconds for r in floors], max(r.peak_mib for r in runs),
                            max(r.peak_mib for r in floors),
                            note="peak RSS of the whole process"))

    def run_all(self, only: Sequence[str] = ()) -> None:
        steps: dict[str, Callable[[], None]] = {
            "start": self.start, "verbs": self.verbs, "interactions": self.interactions,
            "documents": self.documents, "imports": self.imports, "memory": self.memory}
        for name, step in steps.items():
            if not only or name in only:
                step()

    def profiles(self, count: int = 2) -> list[tuple[str, str]]:
        """cProfile summaries of the whole-process figures furthest above their floor."""
        ranked = sorted((f for f in self.figures if f.what in self.commands and f.ratio),
                        key=lambda f: f.ratio or 0, reverse=True)[:count]
        out = []
        for figure in ranked:
            argv = self.commands[figure.what]
            stats = self.work / "profile.out"
            target = argv[argv.index("--db") + 1]
            if figure.group == "import":
                shutil.copyfile(self.work / "import-base.db", target)
            profiled = [argv[0], "-m", "cProfile", "-o", str(stats), *argv[1:]]
            subprocess.run(profiled, cwd=ROOT, env=self.env, capture_output=True, check=False)
            summary = subprocess.run(
                [python(), "-c", "import pstats,sys; pstats.Stats(sys.argv[1], stream=sys.stdout)"
                 ".sort_stats('cumulative').print_stats(18)", str(stats)],
                capture_output=True, text=True, check=False).stdout
            out.append((figure.what, _trim_profile(summary)))
        return out


def _copy_sqlite(url: str, target: Path) -> None:
    """A copy of a SQLite database (its WAL checkpointed first), for imports to write into."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    engine.dispose()
    database = make_url(url).database
    if not database:
        raise SystemExit(f"--quick imports need a SQLite file: {url}")
    shutil.copyfile(database, target)


def _floats(values: object) -> list[float]:
    assert isinstance(values, list)
    return [float(v) for v in values]


def _reader(sheet: Path) -> list[str]:
    if sheet.suffix == ".csv":
        code = ("import csv,sys; f=open(sys.argv[1], encoding='gb18030', newline=''); "
                "n=sum(1 for _ in csv.reader(f))")
    else:
        code = ("import openpyxl,sys; b=openpyxl.load_workbook(sys.argv[1], read_only=True); "
                "n=sum(1 for _ in b.worksheets[0].iter_rows(values_only=True))")
    return [python(), "-c", code, str(sheet)]


def _trim_profile(text: str) -> str:
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if "ncalls" in line), 0)
    head = [line for line in lines[:start] if "function calls" in line]
    return "\n".join([*head, *lines[start:]]).rstrip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--db-url", help="the scale database (default: generate one, scale 1)")
    parser.add_argument("--pg-url", help="a scale database on PostgreSQL: start and memory there too")
    parser.add_argument("--only", default="",
                        help="comma-separated steps: start, verbs, interactions, documents, "
                             "imports, memory (default: all)")
    parser.add_argument("--quick", action="store_true", help="one run each, small imports (CI)")
    parser.add_argument("--repeat", type=int, help="runs per figure (default 5; --quick 1)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the Markdown to write")
    parser.add_argument("--max-import-rows", type=int, default=100_000,
                        help="the biggest organisation sheet to import (20000 or 100000)")
    parser.add_argument("--profile", action="store_true",
                        help="add cProfile summaries of the two worst whole-process figures")
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 5)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="campaign-bench-") as folder:
        work = Path(folder)
        scale_url = resolve_url(args.db_url) if args.db_url else None
        if scale_url is None:
            scale_url = f"sqlite:///{work / 'scale.db'}"
            print("generating the scale database…", file=sys.stderr, flush=True)
            scale_data.generate(scale_url)
        sample_url = None
        if not args.quick:
            sample_url = f"sqlite:///{work / 'sample.db'}"
            subprocess.run([python(), "main.py", "--db", sample_url, "init", "--sample"],
                           cwd=ROOT, env=child_env(), check=True, capture_output=True)
        compile_sources()  # as installed: no process measured compiles the program again
        runner = Runner(scale_url, sample_url, work, repeat, args.quick, args.max_import_rows,
                        pg_url=args.pg_url)
        runner.run_all([step for step in args.only.split(",") if step])
        profiles = runner.profiles() if args.profile else []
        table = report.table(runner.figures)
        print(table)
        args.results.write_text(report.document(
            table, scale_url, repeat, args.quick, time.perf_counter() - started, profiles),
            encoding="utf-8")
    print(f"written: {args.results}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
