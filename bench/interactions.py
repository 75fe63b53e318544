"""Interactions in the main window, in process and offscreen, timed for the runner.

    python -m bench.interactions --db URL [--repeat 5] [--only calendar,timeline]

Builds the real main window on the database (tables load on worker threads as in the program)
and prints one JSON line per measure: ``{"what": ..., "times": [seconds, ...], "note": ...}``.
Each time runs from the user's action until the view is filled and painted (``grab``); beside
the times, the UI thread's CPU seconds and its longest stretch without handling events (reads
on worker threads do not freeze the window, so a view filled in 300 ms may block it for 20):

- switching to each view (after a change elsewhere made it stale, so it reads again; the view
  left, which reloads for the same change, is let finish first unless ``--overlap``);
- opening a trip's editor (the biggest trip of the newest year) until it is painted;
- applying a filter on the trips page (a region), and one keystroke of the search box (the
  filtering it triggers after its 150 ms pause, which is not counted);
- the toolbar's search box: the suggestions for a word, from the LIMIT query on a worker
  thread until the list is shown (the pause in typing before it is not counted);
- one frame of scrolling: the next month in the calendar, a step of the year timeline;
- saving an edit of a trip's title in its editor.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# How often the bench looks whether a worker thread's read has come in. Each look costs the UI
# thread some CPU that the program itself does not spend (about 50 µs): looking every
# millisecond added 200 ms to the UI-thread CPU of a 27 s read of the projects (load 7), every
# 10 ms still 40 ms to a 7 s read. So the bench looks every millisecond at first and then less
# often, at 2 % of the time waited so far (at most every 50 ms): a wall time is at most 2 %
# long, and a 7 s read's UI CPU about 8 ms.
POLL = 0.05


def nap(since: float) -> None:
    """Sleep before the next look, ``since`` being when the wait began (perf_counter)."""
    time.sleep(min(POLL, max(0.001, (time.perf_counter() - since) * 0.02)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", default="",
                        help="comma-separated words: run only the measures whose name holds "
                             "one of them (e.g. calendar,timeline)")
    parser.add_argument("--overlap", action="store_true",
                        help="start each view switch while the view left is still reloading "
                             "(how the switches were measured before: its reload counted in the switch)")
    args = parser.parse_args(argv)
    only = [w.strip() for w in args.only.split(",") if w.strip()]

    def wanted(what: str) -> bool:
        return not only or any(word in what for word in only)

    from PySide6.QtCore import QEvent, QThreadPool  # noqa: TID251
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

    blocked = [0.0]  # the longest the UI thread went without handling events, this run

    def pump() -> None:
        start = time.perf_counter()
        app.processEvents()
        blocked[0] = max(blocked[0], time.perf_counter() - start)

    def settle(page: object) -> None:
        """Until the page's rows or bars are in (read on a worker thread meanwhile)."""
        since = time.perf_counter()
        while (getattr(page, "loading", False) or getattr(page, "marks_loading", False)
               or (isinstance(page, EntityPage) and page.stale)):
            pump()
            nap(since)

    def report(what: str, run: Callable[[], object], before: Callable[[], object] | None = None,
               note: str = "") -> None:
        """Wall time from the action to the filled, painted view; beside it the UI thread's
        CPU time (not inflated by other processes' load) and its longest stretch without
        handling events (what the user feels as a freeze; work on worker threads not counted)."""
        if not wanted(what):
            return
        times, cpu, longest = [], [], []
        for _ in range(args.repeat):
            if before is not None:
                before()
                app.processEvents()
            blocked[0] = 0.0
            start, ui_start = time.perf_counter(), time.thread_time()
            run()
            times.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - ui_start)
            longest.append(blocked[0])
        ms = f"UI thread: {1000 * statistics.median(cpu):.0f} ms CPU"
        if any(longest):
            ms += f", longest block {1000 * statistics.median(longest):.0f} ms"
        print(json.dumps({"what": what, "times": times, "ui_cpu": cpu, "ui_longest_block": longest,
                          "note": f"{note}; {ms}" if note else ms}, ensure_ascii=False),
              flush=True)

    def blocking(action: Callable[[], object]) -> object:
        """``action`` on the UI thread, counted as one block."""
        start = time.perf_counter()
        result = action()
        blocked[0] = max(blocked[0], time.perf_counter() - start)
        return result

    keys = [p.key for p in window.pages]
    for n, key in enumerate(keys):
        other = keys[(n + 1) % len(keys)]

        def leave(other: str = other) -> None:
            window.show_page(other)
            settle(window.current_page())
            ctx.notify(OpChanges.all())  # the view to measure reads its data again when shown
            app.processEvents()
            if not args.overlap:  # the view left reloads too (it is shown): let it finish
                settle(window.current_page())

        def switch(key: str = key) -> None:
            page = blocking(lambda: window.show_page(key))
            pump()
            settle(page)
            blocking(page.grab)  # type: ignore[attr-defined]

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
    # what the window reads ahead once its first view is painted (desktop.app: the lookups,
    # the pickers' labels, the trip editor's statements), done before the user's first click
    window.editors.read_ahead()
    QThreadPool.globalInstance().waitForDone()
    app.processEvents()
    if not window.editors.lookups.loaded:
        raise SystemExit("the lookups were not read ahead")

    def open_editor() -> None:
        editor = window.editors.open_trip(trip_id)
        app.processEvents()
        editor.grab()
        editor.discard_and_close()

    def closed() -> None:
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the last one is gone

    report("open a trip's editor", open_editor, closed,
           note=f"{items} itinerary items; read ahead as the window does after its first paint")

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

    search = window.search
    search.setFocus()
    words = ["东", "东莞", "赴东京", "TRIP-2", "TRIP-2023-0", "Dongguan Xiandao"]
    state["n"] = 0

    def suggest() -> None:
        """The search after the typing pause: asked on a worker thread, until shown."""
        state["n"] += 1
        search.setText(words[state["n"] % len(words)])
        done = {"in": False}

        def arrived() -> None:
            done["in"] = True

        search.suggested.connect(arrived)
        blocking(search.suggest)
        since = time.perf_counter()
        while not done["in"]:
            pump()
            nap(since)
        search.suggested.disconnect(arrived)
        popup = search.finder.popup()
        if popup is not None and popup.isVisible():
            blocking(popup.grab)

    report("toolbar search: suggestions after a pause in typing", suggest,
           note="LIMIT query on a worker thread; the 150 ms pause not counted")
    search.clear()

    calendar = window.show_page("calendar")
    app.processEvents()
    calendar.set_view(CalendarMode.MONTH)  # type: ignore[attr-defined]
    calendar.go_to(newest or calendar.today)  # type: ignore[attr-defined]

    def next_month() -> None:
        blocking(lambda: calendar.step(1))  # type: ignore[attr-defined]
        blocking(calendar.grab)
        settle(calendar)  # its checks' marks, read on a worker thread
        blocking(calendar.grab)

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
        """A user's typing takes seconds: the views' reads after the last save are done by
        the time the next is asked for (measured without, a save ran beside the previous
        save's reads on the workers: 2× its CPU in wall time)."""
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()
        count["n"] += 1
        editor.title_zh.setText(f"{editor.title_zh.text().rstrip('0123456789')}{count['n']}")

    def save() -> None:
        if not editor.save():
            raise SystemExit("the edit was not saved")
        app.processEvents()

    report("trip editor: save an edit of the title", save, edit_title)
    editor.discard_and_close()
    QThreadPool.globalInstance().waitForDone()  # no read left running on a closed window
    window.close()
    app.processEvents()
    engine.dispose()
    QApplication.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
