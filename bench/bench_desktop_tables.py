"""How fast the window's tables load on ten years of history.

Times, on the scale database (``bench.scale_data``: 5,000 trips, 50,000 itinerary items,
5,000 events, 20,000 organisations and 3,000 people at scale 1), each table page of the main
window: the bulk query to plain rows, filling the model, and a full refresh of the page as the
user sees it (rows, sorting, column widths), offscreen; also a search over the trips, the
organisation picker used by the editors and the global search's LIMIT queries. Prints the figures
(median of ``--repeat`` runs); asserts nothing. ``python -m bench.run`` times switching to
these pages as a whole; this script breaks them down.

    python bench/bench_desktop_tables.py [--db SQLITE-FILE] [--scale 1.0] [--repeat 5]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import print_timed
from bench.scale_window import open_scale_window


def main() -> int:
    window = open_scale_window(__doc__)
    engine, sessions, app, ctx, repeat = (window.engine, window.sessions, window.app,
                                          window.ctx, window.repeat)

    from PySide6.QtCore import Qt  # noqa: TID251
    from PySide6.QtWidgets import QWidget  # noqa: TID251

    from desktop.editors.opening import Editors  # noqa: TID251
    from desktop.global_search import GlobalSearch  # noqa: TID251
    from desktop.pages.entity_page import EntityPage  # noqa: TID251
    from desktop.pages.events import EventsPage  # noqa: TID251
    from desktop.pages.organisations import OrganisationsPage  # noqa: TID251
    from desktop.pages.people import PeoplePage  # noqa: TID251
    from desktop.pages.trips import TripsPage  # noqa: TID251
    from desktop.pages.units import UnitsPage  # noqa: TID251
    from models.lookups import load_lookups

    ctx.background_loading = False
    host = QWidget()
    editors = Editors(ctx, host)
    pages: list[tuple[str, EntityPage]] = [
        ("trips", TripsPage(ctx, editors)), ("events", EventsPage(ctx, editors)),
        ("organisations", OrganisationsPage(ctx, editors)), ("people", PeoplePage(ctx, editors)),
        ("units & leaderboard", UnitsPage(ctx, editors)),
    ]
    print(f"tables on {window.url} (repeat {repeat}):")
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
        print_timed(f"{name}: bulk query to plain rows (worker thread)", query, repeat)
        page.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        print_timed(f"{name}: fill and sort the model (UI thread)",
              lambda p=page, r=rows: p.model.set_rows(r), repeat)
        print_timed(f"{name}: sort by another column (UI thread)",
              lambda p=page: p.view.sortByColumn(1, p.view.horizontalHeader()
                                                 .sortIndicatorOrder()), repeat)
        print_timed(f"{name}: refresh in the background, until shown", background, repeat)
        page.show()
        app.processEvents()
        print_timed(f"{name}: paint the visible rows",
              lambda p=page: p.view.viewport().grab(), repeat)
        page.hide()
    trips = pages[0][1]
    print_timed("trips: search '东京' over every row",
          lambda: (trips.proxy.set_search("东京"), trips.proxy.set_search("")),
          repeat)
    trips.view.selectRow(0)
    print_timed("trips: select a trip (detail + itinerary)",
          lambda: trips.show_detail(trips.selected_row()), repeat)

    def picker() -> object:
        with sessions() as session:
            return load_lookups(session)

    print_timed("editor pickers (people, organisations...)", picker, repeat)
    first_trip = trips.model.row_at(0).id

    def open_trip_editor() -> None:
        editors.open_trip(first_trip).discard_and_close()
        app.processEvents()

    editors.lookups.get()
    print_timed("open a trip editor (pickers cached)", open_trip_editor, repeat)
    search = GlobalSearch(ctx)
    print_timed("global search: '东' (a LIMIT query a kind)", lambda: search.search_hits("东"),
                repeat)
    print_timed("global search: '东京 12'", lambda: search.search_hits("东京 12"), repeat)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
