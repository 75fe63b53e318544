"""How long a 10-day delegation brief takes in process, once the program has started.

    python -m bench.brief_speed [--repeat 7] [--profile]

Loads the sample into a temporary SQLite file, makes the sample's biggest trip (TRIP-2023-023,
8 days) a 10-day one (two more days of meetings, the return two days later, the last stay
two nights longer), renders once to warm up (fonts registered, modules imported, as in the
running program), then times collect + render. Prints the median wall-clock and CPU time
(the CPU time is the steadier figure on a shared machine); ``--profile`` adds cProfile's top
entries by cumulative time. Goal: under 0.5 s.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from briefs import BriefOptions, collect_trip, render_trip
from models.database import open_database
from models.enums import ItemKind
from models.operations.trips import trip_draft, update_trip
from models.sample import load_sample
from models.timeutil import shift_local

TRIP = "TRIP-2023-023"
MEETINGS = (ItemKind.COMPANY_VISIT, ItemKind.PROMOTION_MEETING, ItemKind.BANQUET,
            ItemKind.SIGNING)


def make_ten_days(url: str) -> int:
    """The sample's biggest trip stretched to 10 days; returns its number of items."""
    engine, sessions = open_database(url)
    with sessions.begin() as s:
        load_sample(s)
    with sessions.begin() as s:
        d = trip_draft(s, TRIP)
        assert d.items is not None
        last = d.end_date
        items = []
        for item in d.items:
            day = item.starts_at.date()
            if day >= last - timedelta(days=1) and item.kind is not ItemKind.HOTEL:
                item = replace(item, starts_at=shift_local(item.starts_at, item.timezone, 2),
                               ends_at=shift_local(item.ends_at, item.timezone, 2))
            elif item.kind is ItemKind.HOTEL and item.ends_at.date() >= last - timedelta(days=1):
                item = replace(item, ends_at=shift_local(item.ends_at, item.timezone, 2))
            items.append(item)
        extra = [replace(i, uuid=None, external_uid="",
                         starts_at=shift_local(i.starts_at, i.timezone, 2),
                         ends_at=shift_local(i.ends_at, i.timezone, 2))
                 for i in d.items if i.kind in MEETINGS
                 and last - timedelta(days=3) <= i.starts_at.date() < last - timedelta(days=1)]
        update_trip(s, TRIP, replace(d, end_date=last + timedelta(days=2), items=items + extra))
    engine.dispose()
    return len(items) + len(extra)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'ten-days.db'}"
        count = make_ten_days(url)
        engine, sessions = open_database(url)
        options = BriefOptions(generated_on=date(2023, 12, 31))

        def brief() -> bytes:
            with sessions() as s:
                data = collect_trip(s, TRIP)
            return render_trip(data, options)

        with sessions() as s:
            detail = collect_trip(s, TRIP).trip
        days = (detail.end_date - detail.start_date).days + 1
        size = len(brief())  # warm up: fonts, imports, caches, as in the running program
        walls, cpus = [], []
        for _ in range(args.repeat):
            wall, cpu = time.perf_counter(), time.process_time()
            brief()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        print(f"{TRIP}: {days} days, {count} items, {size // 1024} KiB; "
              f"median wall {statistics.median(walls):.3f} s, "
              f"median CPU {statistics.median(cpus):.3f} s ({args.repeat} runs)")
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(brief)
            pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(30)
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
