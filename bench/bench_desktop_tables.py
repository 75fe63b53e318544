"""How fast the window's tables load on ten years of history.

Generates a SQLite database with 5,000 trips, 50,000 itinerary items, 5,000 events (the
calendar benchmark's generator) and 20,000 organisations with 20,000 contacts, then times each
table page of the main window: the bulk query to plain rows, filling the model, and a full
refresh of the page as the user sees it (rows, sorting, column widths), offscreen; also a
search over the trips, the organisation picker used by the editors and the global search index.
Prints the figures (median of ``--repeat`` runs); asserts nothing.

    python bench/bench_desktop_tables.py [--years 10] [--orgs 20000] [--repeat 5] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_calendar import generate  # the same synthetic history as the calendar benchmark
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from models.database import open_database
from models.enums import OrganisationKind, PersonKind
from models.organisations import Organisation
from models.people import Person


def add_organisations(sessions: sessionmaker[Session], count: int) -> int:
    """``count`` organisations, each with one contact person."""
    now = datetime.now(UTC)
    kinds = list(OrganisationKind)
    with sessions.begin() as s:
        first = (s.scalar(select(func.max(Organisation.id))) or 0) + 1
        s.execute(insert(Organisation), [dict(
            id=first + n, name_zh=f"目标企业{n:05d}", name_en=f"Target company {n}",
            kind=kinds[n % len(kinds)], fortune_global_500_rank=(n % 500) + 1 if n % 7 == 0
            else None, hq_city="Stuttgart", hq_country="DE", revision=1, created_at=now,
            updated_at=now, uuid=f"00000000-0000-4000-8000-{n:012d}") for n in range(count)])
        s.execute(insert(Person), [dict(
            name_zh=f"联系人{n:05d}", name_en=f"Contact {n}", kind=PersonKind.EXTERNAL,
            organisation_id=first + n, revision=1, created_at=now, updated_at=now,
            uuid=f"10000000-0000-4000-8000-{n:012d}") for n in range(count)])
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(Organisation)) or 0


def timed(label: str, run: Callable[[], object], repeat: int) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    print(f"  {label:<52} median {statistics.median(times):7.1f} ms   "
          f"(min {min(times):.1f}, max {max(times):.1f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--trips", type=int, default=500, help="trips per year")
    parser.add_argument("--items", type=int, default=10, help="itinerary items per trip")
    parser.add_argument("--events", type=int, default=500, help="events per year")
    parser.add_argument("--orgs", type=int, default=20_000, help="organisations")
    parser.add_argument("--db", help="SQLite file to (re)use; default: a temporary one")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtCore import Qt  # noqa: TID251
    from PySide6.QtWidgets import QApplication, QWidget  # noqa: TID251

    from desktop.context import AppContext  # noqa: TID251
    from desktop.editors.opening import Editors  # noqa: TID251
    from desktop.global_search import GlobalSearch  # noqa: TID251
    from desktop.pages.entity_page import EntityPage  # noqa: TID251
    from desktop.pages.events import EventsPage  # noqa: TID251
    from desktop.pages.organisations import OrganisationsPage  # noqa: TID251
    from desktop.pages.people import PeoplePage  # noqa: TID251
    from desktop.pages.trips import TripsPage  # noqa: TID251
    from desktop.pages.units import UnitsPage  # noqa: TID251
    from models.lookups import load_lookups

    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "history.db"
    fresh = not path.exists()
    engine, sessions = open_database(f"sqlite:///{path}")
    if fresh:
        start = time.perf_counter()
        counts = generate(sessions, args.years, 2023, args.trips, args.items, args.events)
        counts["organisations"] = add_organisations(sessions, args.orgs)
        print(f"generated {counts} in {time.perf_counter() - start:.1f} s → {path}")

    app = QApplication.instance() or QApplication([])
    ctx = AppContext(sessions, str(path), "zh")
    ctx.background_loading = False
    host = QWidget()
    editors = Editors(ctx, host)
    pages: list[tuple[str, EntityPage]] = [
        ("trips", TripsPage(ctx, editors)), ("events", EventsPage(ctx, editors)),
        ("organisations", OrganisationsPage(ctx, editors)), ("people", PeoplePage(ctx, editors)),
        ("units & leaderboard", UnitsPage(ctx, editors)),
    ]
    print(f"tables on {path.name} (repeat {args.repeat}):")
    for name, page in pages:
        page.resize(1400, 800)

        def query(page: EntityPage = page) -> list[object]:
            with sessions() as session:
                return page.query()(session)

        def background(page: EntityPage = page) -> None:
            ctx.background_loading = True
            page.refresh()
            while page.loading:
                app.processEvents()
            ctx.background_loading = False

        rows = query()
        print(f" {name}: {len(rows)} rows")
        timed(f"{name}: bulk query to plain rows (worker thread)", query, args.repeat)
        page.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        timed(f"{name}: fill and sort the model (UI thread)",
              lambda p=page, r=rows: p.model.set_rows(r), args.repeat)
        timed(f"{name}: sort by another column (UI thread)",
              lambda p=page: p.view.sortByColumn(1, p.view.horizontalHeader()
                                                 .sortIndicatorOrder()), args.repeat)
        timed(f"{name}: refresh in the background, until shown", background, args.repeat)
        page.show()
        app.processEvents()
        timed(f"{name}: paint the visible rows",
              lambda p=page: p.view.viewport().grab(), args.repeat)
        page.hide()
    trips = pages[0][1]
    timed("trips: search 'roadshow 12' over every row",
          lambda: (trips.proxy.set_search("roadshow 12"), trips.proxy.set_search("")),
          args.repeat)
    trips.view.selectRow(0)
    timed("trips: select a trip (detail + itinerary)",
          lambda: trips.show_detail(trips.selected_row()), args.repeat)

    def picker() -> object:
        with sessions() as session:
            return load_lookups(session)

    timed("editor pickers (people, 20,000 organisations...)", picker, args.repeat)
    first_trip = trips.model.row_at(0).id

    def open_trip_editor() -> None:
        editors.open_trip(first_trip).discard_and_close()
        app.processEvents()

    editors.lookups.get()
    timed("open a trip editor (pickers cached)", open_trip_editor, args.repeat)
    search = GlobalSearch(ctx)
    timed("global search index (codes, titles, people, orgs)", search.rebuild, args.repeat)
    timed("global search: '推介 12'", lambda: search.search_hits("推介 12"), args.repeat)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
