"""Interactions in the main window, in process and offscreen, timed for the runner.

    python -m bench.interactions --db URL [--repeat 5]

Builds the real main window on the database (tables load on worker threads as in the program)
and prints one JSON line per measure: ``{"what": ..., "times": [seconds, ...], "note": ...}``.
Each time runs from the user's action until the view is filled and painted (``grab``):

- switching to each view (after a change elsewhere made it stale, so it reads again);
- opening a trip's editor (the biggest trip of the newest year) until it is painted;
- applying a filter on the trips page (a region), and one keystroke of the search box (the
  filtering it triggers after its 150 ms pause, which is not counted);
- one frame of scrolling: the next month in the calendar, a step of the year timeline;
- saving an edit of a trip's title in its editor.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEvent  # noqa: TID251
    from PySide6.QtWidgets import QApplication, QComboBox  # noqa: TID251
    from sqlalchemy import func, select

    from desktop.app import application, shown_url  # noqa: TID251
    from desktop.calendar.view import CalendarMode  # noqa: TID251
    from desktop.context import AppContext  # noqa: TID251
    from desktop.main_window import MainWindow  # noqa: TID251
    from desktop.pages.entity_page import EntityPage  # noqa: TID251
    from desktop.settings import AppSettings  # noqa: TID251
    from models.changes import OpChanges
    from models.database import open_database, resolve_url
    from models.language import Lang
    from models.trips import ItineraryItem, Trip

    app = application()
    url = resolve_url(args.db)
    engine, sessions = open_database(url)
    ctx = AppContext(sessions, shown_url(url), Lang.ZH)
    window = MainWindow(ctx, AppSettings())
    window.resize(1440, 900)
    window.show()
    app.processEvents()

    def settle(page: object) -> None:
        while isinstance(page, EntityPage) and (page.loading or page.stale):
            app.processEvents()
            time.sleep(0.001)

    def report(what: str, run: Callable[[], object], before: Callable[[], object] | None = None,
               note: str = "") -> None:
        times = []
        for _ in range(args.repeat):
            if before is not None:
                before()
                app.processEvents()
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        print(json.dumps({"what": what, "times": times, "note": note}, ensure_ascii=False),
              flush=True)

    keys = [p.key for p in window.pages]
    for n, key in enumerate(keys):
        other = keys[(n + 1) % len(keys)]

        def leave(other: str = other) -> None:
            window.show_page(other)
            settle(window.current_page())
            ctx.notify(OpChanges.all())  # the view to measure reads its data again when shown
            app.processEvents()

        def switch(key: str = key) -> None:
            page = window.show_page(key)
            app.processEvents()
            settle(page)
            page.grab()

        report(f"switch to the {key} view", switch, leave)

    with sessions() as s:
        newest = s.scalar(select(func.max(Trip.start_date)))
        year = newest.year if newest else 2023
        biggest = s.execute(
            select(Trip.id, func.count(ItineraryItem.id).label("n"))
            .join(ItineraryItem, ItineraryItem.trip_id == Trip.id)
            .where(Trip.code.like(f"TRIP-{year}-%")).group_by(Trip.id)
            .order_by(func.count(ItineraryItem.id).desc(), Trip.id).limit(1)).first()
    trip_id = biggest.id if biggest else 1
    items = biggest.n if biggest else 0
    window.editors.lookups.get()

    def open_editor() -> None:
        editor = window.editors.open_trip(trip_id)
        app.processEvents()
        editor.grab()
        editor.discard_and_close()

    def closed() -> None:
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the last one is gone

    report("open a trip's editor", open_editor, closed,
           note=f"{items} itinerary items; pickers cached")

    trips = window.show_page("trips")
    assert isinstance(trips, EntityPage)
    settle(trips)
    combo = trips.findChildren(QComboBox)[0]  # the first filter: the regions

    def no_filter() -> None:
        combo.setCurrentIndex(0)

    def region_filter() -> None:
        combo.setCurrentIndex(1)
        trips.view.viewport().grab()

    report("trips: apply a region filter", region_filter, no_filter,
           note=f"{trips.model.rowCount()} trips")

    typed = "赴东京开展"
    state = {"n": 0}

    def clear() -> None:
        state["n"] = (state["n"] % len(typed)) + 1
        trips.proxy.set_search(typed[: state["n"] - 1])

    def keystroke() -> None:
        trips.proxy.set_search(typed[: state["n"]])
        trips.view.viewport().grab()

    report("trips: one keystroke in the search box", keystroke, clear,
           note="the filtering after the 150 ms pause")

    calendar = window.show_page("calendar")
    app.processEvents()
    calendar.set_view(CalendarMode.MONTH)  # type: ignore[attr-defined]
    calendar.go_to(newest or calendar.today)  # type: ignore[attr-defined]

    def next_month() -> None:
        calendar.step(1)  # type: ignore[attr-defined]
        calendar.grab()

    report("calendar: scroll one month (a frame)", next_month)

    timeline = window.show_page("timeline")
    app.processEvents()
    bar = timeline.scroller.horizontalScrollBar()  # type: ignore[attr-defined]

    def timeline_frame() -> None:
        bar.setValue((bar.value() + 120) % max(1, bar.maximum()))
        timeline.scroller.viewport().grab()  # type: ignore[attr-defined]

    report("timeline: scroll the year (a frame)", timeline_frame)

    editor = window.editors.open_trip(trip_id)
    app.processEvents()
    count = {"n": 0}

    def edit_title() -> None:
        count["n"] += 1
        editor.title_zh.setText(f"{editor.title_zh.text().rstrip('0123456789')}{count['n']}")

    def save() -> None:
        if not editor.save():
            raise SystemExit("the edit was not saved")
        app.processEvents()

    report("trip editor: save an edit of the title", save, edit_title)
    editor.discard_and_close()
    window.close()
    app.processEvents()
    engine.dispose()
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
