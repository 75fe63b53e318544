"""Benchmark: importing a partner's calendar of many entries into one trip's itinerary.

    python bench/bench_ics_import.py [--entries 10000]

Writes a calendar of ``--entries`` timed entries (Europe/Berlin, a few all-day ones, a few
"China Standard Time" ones) for an eight-day trip, then prints the time to
  1. preview it (import in a transaction that is rolled back, as ``--dry-run`` does),
  2. import it and commit,
  3. import the same file again (every entry unchanged).
Not a test: nothing is asserted, the figures are for a person to read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from calendars import import_ics
from models.database import open_database
from tests.factories import make_trip, make_world

T = TypeVar("T")


def partner_calendar(entries: int) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Partner//Bench//EN"]
    for n in range(entries):
        day = 23 + n % 8
        minute = (n // 8) % (12 * 60)
        hour, minute = 7 + minute // 60, minute % 60
        lines += ["BEGIN:VEVENT", f"UID:bench-{n}@partner.example", "DTSTAMP:20230301T000000Z"]
        if n % 97 == 0:
            lines += [f"DTSTART;VALUE=DATE:202303{day:02d}", f"DTEND;VALUE=DATE:202303{day + 1:02d}"]
        else:
            zone = "China Standard Time" if n % 13 == 0 else "Europe/Berlin"
            lines += [f"DTSTART;TZID={zone}:202303{day:02d}T{hour:02d}{minute:02d}00",
                      "DURATION:PT20M"]
        lines += [f"SUMMARY:Termin {n} 会谈", "CATEGORIES:Meeting", "END:VEVENT"]
    lines += ["END:VCALENDAR", ""]
    return "\r\n".join(lines).encode()


def timed(label: str, entries: int, action: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    print(f"{label:<34} {seconds:7.2f} s  {entries / seconds:9.0f} entries/s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    data = partner_calendar(args.entries)
    with tempfile.TemporaryDirectory() as folder:
        engine, sessions = open_database(str(Path(folder) / "bench.db"))
        with sessions.begin() as s:
            code = make_trip(s, make_world(s)).code
        print(f"{args.entries} entries, {len(data) / 1e6:.1f} MB, into trip {code}")

        def preview() -> str:
            with sessions() as s:  # closing without commit rolls everything back
                return import_ics(s, data, trip_code=code).text("en")

        def apply() -> str:
            with sessions.begin() as s:
                return import_ics(s, data, trip_code=code).text("en")

        print("  ", timed("preview (dry run)", args.entries, preview))
        print("  ", timed("import and commit", args.entries, apply))
        print("  ", timed("import again (all unchanged)", args.entries, apply))
        engine.dispose()


if __name__ == "__main__":
    main()
