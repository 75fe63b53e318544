"""How long the big table pages wait for their worker-thread read (issue 13).

For the projects, visits and organisations pages (and the trips and events pages beside them):
the page's ``query`` read to plain rows, its ``side_read`` (totals, coverage, target list), and
the model's ``prepare`` (search texts and the first sort), as the page's worker runs them, each
in a session of its own; the pages are built offscreen, no window is shown. Prints the median
of ``--repeat`` runs in wall and CPU milliseconds; ``--profile NAME`` prints cProfile's top
functions of one page's whole read instead. Asserts nothing.

    python -m bench.bench_page_reads [--db SQLITE-FILE | --url URL] [--repeat 3]
                                     [--pages projects,visits] [--profile projects]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: TID251
from sqlalchemy.orm import Session, sessionmaker

from desktop.context import AppContext  # noqa: TID251
from desktop.editors.opening import Editors  # noqa: TID251
from desktop.pages.entity_page import EntityPage  # noqa: TID251
from models.database import open_database
from models.language import Lang

PAGES = ("projects", "visits", "organisations", "trips", "events")


def _page(name: str, ctx: AppContext, editors: Editors) -> EntityPage:
    if name == "projects":
        from desktop.pages.projects import ProjectsPage  # noqa: TID251

        return ProjectsPage(ctx, editors)
    if name == "visits":
        from desktop.pages.visits import VisitsPage  # noqa: TID251

        return VisitsPage(ctx, editors)
    if name == "organisations":
        from desktop.pages.organisations import OrganisationsPage  # noqa: TID251

        return OrganisationsPage(ctx, editors)
    if name == "trips":
        from desktop.pages.trips import TripsPage  # noqa: TID251

        return TripsPage(ctx, editors)
    from desktop.pages.events import EventsPage  # noqa: TID251

    return EventsPage(ctx, editors)


def _timed(run: Callable[[], Any]) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.thread_time()
    out = run()
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000, out


def _measure(page: EntityPage, name: str, sessions: sessionmaker[Session],
             args: argparse.Namespace) -> None:
    read, side, prepare = page.query(), page.side_read(), page.model.prepare

    def rows_only() -> list[Any]:
        with sessions() as session:
            return read(session)

    def side_only(rows: list[Any]) -> Any:
        with sessions() as session:
            return side(session, rows) if side is not None else None

    def whole() -> None:  # EntityPage.refresh's work, on this thread
        with sessions() as session:
            rows = read(session)
            if side is not None:
                side(session, rows)
        prepare(rows)

    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(whole)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.top)
        return
    figures: dict[str, list[tuple[float, float]]] = {
        "query": [], "side_read": [], "prepare": [], "whole": []}
    count = 0
    for _ in range(args.repeat):
        wall, cpu, rows = _timed(rows_only)
        count = len(rows)
        figures["query"].append((wall, cpu))
        figures["side_read"].append(_timed(lambda rows=rows: side_only(rows))[:2])
        figures["prepare"].append(_timed(lambda rows=rows: prepare(rows))[:2])
        figures["whole"].append(_timed(whole)[:2])
    print(f" {name}: {count} rows")
    for part, runs in figures.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(f"   {part:<10} median {statistics.median(walls):7.0f} ms wall "
              f"{statistics.median(cpus):7.0f} ms CPU   (wall {min(walls):.0f}–"
              f"{max(walls):.0f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", help="a SQLite file (the scale database)")
    parser.add_argument("--url", help="a database URL (instead of --db)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", default="projects,visits,organisations")
    parser.add_argument("--profile", help="a page whose whole read cProfile breaks down")
    parser.add_argument("--top", type=int, default=35)
    args = parser.parse_args()
    url = args.url or f"sqlite:///{args.db}"
    engine, sessions = open_database(url, create=False)
    app = QApplication.instance() or QApplication([])
    ctx = AppContext(sessions, url, Lang.ZH)
    host = QWidget()
    editors = Editors(ctx, host)
    names = [args.profile] if args.profile else args.pages.split(",")
    print(f"page reads on {url.split('@')[-1]} (repeat {args.repeat}; wall / thread CPU ms):")
    for name in names:
        _measure(_page(name, ctx, editors), name, sessions, args)
    engine.dispose()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
