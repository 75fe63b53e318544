"""How fast the planning views are on ten years of history.

Times, on the last year of the scale database (``bench.scale_data``: 5,000 trips, 50,000
itinerary items and 5,000 events over ten campaign years at scale 1): loading a month's
entries, a month view, a week view, an agenda and the year timeline (load + layout + paint,
offscreen), and the dashboard. Prints the figures; asserts nothing. ``python -m bench.run``
times the same views as the user switches to them; this script breaks them down.

    python bench/bench_calendar.py [--db SQLITE-FILE] [--scale 1.0] [--repeat 5]
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import scale_data
from bench.measure import print_timed
from bench.scale_window import open_scale_window


def main() -> int:
    window = open_scale_window(__doc__)
    engine, sessions, app, ctx, repeat = (window.engine, window.sessions, window.app,
                                          window.ctx, window.repeat)

    # The window's views are what is measured here.
    from desktop.calendar.timeline import TimelineView  # noqa: TID251
    from desktop.calendar.view import CalendarMode, CalendarView  # noqa: TID251
    from desktop.pages.dashboard import DashboardView  # noqa: TID251
    from planning.feed import load_entries

    last_year = scale_data.LAST_YEAR
    month = date(last_year, 6, 1)
    print(f"timings on {month:%B %Y} / {last_year}, offscreen, {repeat} runs each:")

    def load_month() -> None:
        with sessions() as s:
            load_entries(s, date(last_year, 5, 29), date(last_year, 7, 9))

    print_timed("load a month's entries (6 weeks)", load_month, repeat)

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

    print_timed("month view: load + layout + paint", show(CalendarMode.MONTH), repeat)
    print(f"    ({len(calendar.entries)} entries in the month grid)")
    print_timed("week view: load + layout + paint", show(CalendarMode.WEEK), repeat)
    print(f"    ({len(calendar.entries)} entries in the week)")
    print_timed("agenda (a month): load + fill + paint", show(CalendarMode.AGENDA), repeat)

    timeline = TimelineView(ctx)
    timeline.resize(1280, 800)
    timeline.show()
    app.processEvents()

    def year() -> None:
        timeline.set_year(last_year)
        timeline.grab()

    print_timed("year timeline: load + layout + paint", year, repeat)
    print(f"    ({len(timeline.entries)} trips and events in {last_year})")

    dashboard = DashboardView(ctx)
    dashboard.resize(1280, 900)
    dashboard.set_today(month)
    dashboard.show()
    app.processEvents()

    def board() -> None:
        dashboard.refresh()
        dashboard.grab()

    print_timed("dashboard: progress, 14 days, conflicts, board", board, max(1, repeat // 2))
    calendar.close()
    timeline.close()
    dashboard.close()
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
