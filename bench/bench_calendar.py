"""How fast the planning views are on ten years of history.

Times, on the last year of the scale database (``bench.scale_data``: 5,000 trips, 50,000
itinerary items and 5,000 events over ten campaign years at scale 1): loading a month's
entries, a month view, a week view, an agenda and the year timeline (load + layout + paint,
offscreen), and the dashboard. Prints the figures; asserts nothing. ``python -m bench.run``
times the same views as the user switches to them; this script breaks them down.

    python bench/bench_calendar.py [--db SQLITE-FILE] [--scale 1.0] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import scale_data
from bench.measure import print_timed
from models.database import open_database
from models.language import Lang


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="SQLite file to (re)use; default: a temporary one")
    parser.add_argument("--scale", type=float, default=1.0, help="of a new scale database")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    # The window's views are what is measured here.
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    from desktop.calendar.timeline import TimelineView  # noqa: TID251
    from desktop.calendar.view import CalendarMode, CalendarView  # noqa: TID251
    from desktop.context import AppContext  # noqa: TID251
    from desktop.pages.dashboard import DashboardView  # noqa: TID251
    from planning.feed import load_entries

    url = scale_data.sqlite_file(args.db, args.scale)
    engine, sessions = open_database(url)
    last_year = scale_data.LAST_YEAR

    app = QApplication.instance() or QApplication([])
    ctx = AppContext(sessions, url, Lang.ZH)
    month = date(last_year, 6, 1)
    print(f"timings on {month:%B %Y} / {last_year}, offscreen, {args.repeat} runs each:")

    def load_month() -> None:
        with sessions() as s:
            load_entries(s, date(last_year, 5, 29), date(last_year, 7, 9))

    print_timed("load a month's entries (6 weeks)", load_month, args.repeat)

    calendar = CalendarView(ctx)
    calendar.resize(1280, 800)
    calendar.today = month
    calendar.show()
    app.processEvents()

    def show(mode: CalendarMode) -> Callable[[], None]:
        def run() -> None:
            calendar.anchor = month
            calendar.set_view(mode)
            calendar.grab()
        return run

    print_timed("month view: load + layout + paint", show(CalendarMode.MONTH), args.repeat)
    print(f"    ({len(calendar.entries)} entries in the month grid)")
    print_timed("week view: load + layout + paint", show(CalendarMode.WEEK), args.repeat)
    print(f"    ({len(calendar.entries)} entries in the week)")
    print_timed("agenda (a month): load + fill + paint", show(CalendarMode.AGENDA), args.repeat)

    timeline = TimelineView(ctx)
    timeline.resize(1280, 800)
    timeline.show()
    app.processEvents()

    def year() -> None:
        timeline.set_year(last_year)
        timeline.grab()

    print_timed("year timeline: load + layout + paint", year, args.repeat)
    print(f"    ({len(timeline.entries)} trips and events in {last_year})")

    dashboard = DashboardView(ctx)
    dashboard.resize(1280, 900)
    dashboard.set_today(month)
    dashboard.show()
    app.processEvents()

    def board() -> None:
        dashboard.refresh()
        dashboard.grab()

    print_timed("dashboard: progress, 14 days, conflicts, board", board, max(1, args.repeat // 2))
    calendar.close()
    timeline.close()
    dashboard.close()
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
