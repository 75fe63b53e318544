"""The desktop's cold start, as a whole process the runner times (``bench.run``).

    python -m bench.window_start app   --db URL [--visit-all]
    python -m bench.window_start floor --db URL
    python -m bench.window_start pair  --db URL [--repeat 3] [--visit-all]

``app`` starts the real program (``main.py`` run as a script, offscreen), prints ``SHOWN`` on
the first paint of the main window (the chrome, the first view maybe still loading) and
``READY`` on the first paint once its first view is filled (the dashboard and the table pages
when their worker thread's rows have arrived). With ``--visit-all`` it then shows every
view in turn, each filled and painted, prints ``VISITED`` and quits: the runner reads the
peak memory of the process. ``floor`` does the least the same stack can: a PySide6 window
showing the result of one query through a SQLAlchemy engine on the same database.

Each of those lines is also written to stderr with the seconds since the process started, its
CPU seconds (all threads) and its peak RSS so far. ``pair`` runs ``app`` and ``floor`` in turn
``--repeat`` times as child processes (offscreen, a throw-away settings folder) and prints the
medians: wall seconds to SHOWN and READY (and VISITED), the children's CPU seconds to their
exit and their peak RSS (``wait4``), and the ratios to the floor. ``--db`` may name a
PostgreSQL database (``postgresql://…``) as well as a SQLite file.

The runner sets QT_QPA_PLATFORM=offscreen and a throw-away settings folder.
"""

from __future__ import annotations

import argparse
import os
import resource
import runpy
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

MAIN = Path(__file__).resolve().parents[1] / "main.py"
STARTED = time.perf_counter()  # as near the process's start as this module can see it
MARKS = ("SHOWN", "READY", "VISITED")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _say(word: str) -> None:
    sys.stdout.write(word + "\n")
    sys.stdout.flush()
    sys.stderr.write(f"{word} {time.perf_counter() - STARTED:.3f} s wall, "
                     f"{time.process_time():.3f} s CPU, peak RSS {_peak_mib():.0f} MiB\n")
    sys.stderr.flush()


def run_app(db: str, visit_all: bool) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: TID251
    from PySide6.QtWidgets import QApplication, QWidget  # noqa: TID251

    from desktop.pyside_imports import read_sources_lightly  # noqa: TID251

    read_sources_lightly()  # as main.py does before it imports the window
    from desktop import app as desktop_app  # noqa: TID251

    real_window = desktop_app.MainWindow

    def filled(window: QWidget) -> bool:
        # by the pages' own flags, so that the bench imports no page module the window does
        # not import at start (the dashboard's "loading"; a table's "loading" and "stale")
        page = window.stack.currentWidget()  # type: ignore[attr-defined]
        return not (getattr(page, "loading", False) or getattr(page, "stale", False))

    class FirstPaint(QObject):
        def __init__(self, window: QWidget) -> None:
            super().__init__(window)
            self.window = window
            self.done = False
            self.shown = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if (not self.shown and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QWidget) and watched.window() is self.window
                    and self.window.isVisible()):
                self.shown = True
                _say("SHOWN")
            if (not self.done and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QWidget) and watched.window() is self.window
                    and self.window.isVisible() and filled(self.window)):
                self.done = True
                _say("READY")
                QTimer.singleShot(0, self.after_ready)
            return False

        def after_ready(self) -> None:
            if visit_all:
                visit(self.window)
                _say("VISITED")
            self.window.close()
            app = QApplication.instance()
            if app is not None:
                app.quit()

    def visit(window: QWidget) -> None:
        app = QApplication.instance()
        assert app is not None
        for page in window.pages:  # type: ignore[attr-defined]
            window.show_page(page.key)  # type: ignore[attr-defined]
            app.processEvents()
            while not filled(window):
                app.processEvents()
            page.widget.grab()

    class TimedWindow(real_window):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            app = QApplication.instance()
            assert app is not None
            self.first_paint = FirstPaint(self)
            app.installEventFilter(self.first_paint)

    desktop_app.MainWindow = TimedWindow  # type: ignore[misc]
    # the program exactly as `python main.py --db URL` runs it (main.py is never imported)
    sys.argv = [str(MAIN), "--db", db]
    try:
        runpy.run_path(str(MAIN), run_name="__main__")
    except SystemExit as done:
        return int(done.code or 0)
    return 0


def run_floor(db: str) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: TID251
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: TID251
    from sqlalchemy import create_engine, text

    from models.database import resolve_url

    app = QApplication(sys.argv[:1])
    engine = create_engine(resolve_url(db))
    with engine.connect() as conn:
        count = conn.scalar(text("SELECT count(*) FROM trips"))
    window = QMainWindow()
    window.setCentralWidget(QLabel(f"推广活动 {count}"))
    window.resize(1440, 900)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                _say("READY")
                QTimer.singleShot(0, app.quit)
            return False

    probe = FirstPaint()
    app.installEventFilter(probe)
    window.show()
    code = app.exec()
    engine.dispose()
    return int(code)


@dataclass
class ChildRun:
    """One child process: the wall seconds to each line it printed, its CPU seconds and peak
    RSS to its exit."""

    marks: dict[str, float] = field(default_factory=dict)
    cpu: float = 0.0
    peak_mib: float = 0.0


def child_run(mode: str, db: str, visit_all: bool, settings: Path) -> ChildRun:
    argv = [sys.executable, "-m", "bench.window_start", mode, "--db", db]
    if visit_all:
        argv.append("--visit-all")
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(settings),
           "CAMPAIGN_PLANNER_USER": "bench", "PYTHONPATH": str(root)}
    run = ChildRun()
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=root, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() in MARKS:
            run.marks[line.strip()] = time.perf_counter() - started
    _pid, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(argv)} exited with {os.waitstatus_to_exitcode(status)}")
    run.cpu = usage.ru_utime + usage.ru_stime
    run.peak_mib = usage.ru_maxrss / 1024
    return run


def run_pair(db: str, repeat: int, visit_all: bool) -> int:
    """``app`` and ``floor`` in turn, ``repeat`` times: their medians and ratios."""
    from bench.measure import compile_sources

    compile_sources()
    apps: list[ChildRun] = []
    floors: list[ChildRun] = []
    with tempfile.TemporaryDirectory(prefix="window-start-") as folder:
        for _ in range(repeat):
            apps.append(child_run("app", db, visit_all, Path(folder)))
            floors.append(child_run("floor", db, False, Path(folder)))

    def median(values: list[float]) -> float:
        return statistics.median(values) if values else float("nan")

    floor_ready = median([f.marks["READY"] for f in floors])
    floor_cpu = median([f.cpu for f in floors])
    floor_peak = median([f.peak_mib for f in floors])
    print(f"database: {db.split('@')[-1]}; median of {repeat}")
    print(f"floor   READY {floor_ready:6.2f} s wall   {floor_cpu:5.2f} s CPU   "
          f"peak {floor_peak:5.0f} MiB")
    for mark in MARKS:
        times = [a.marks[mark] for a in apps if mark in a.marks]
        if times:
            print(f"app   {mark:>7} {median(times):6.2f} s wall ({median(times) / floor_ready:.2f}×"
                  " the floor's READY)")
    app_cpu = median([a.cpu for a in apps])
    app_peak = median([a.peak_mib for a in apps])
    print(f"app   CPU to exit {app_cpu:5.2f} s ({app_cpu / floor_cpu:.2f}× the floor's)   "
          f"peak {app_peak:5.0f} MiB (max {max(a.peak_mib for a in apps):.0f})")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("mode", choices=("app", "floor", "pair"))
    parser.add_argument("--db", required=True)
    parser.add_argument("--visit-all", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if args.mode == "floor":
        return run_floor(args.db)
    if args.mode == "pair":
        return run_pair(args.db, args.repeat, args.visit_all)
    return run_app(args.db, args.visit_all)


if __name__ == "__main__":
    sys.exit(main())
