"""Calendar export and briefing packs on a database, in process, timed for the runner.

    python -m bench.documents --db URL [--repeat 5] [--no-everything] [--no-briefs]

Prints one JSON line per measure, ``{"what", "times", "floor", "floor_times", "note"}`` and the
CPU seconds of the same runs (``cpu_times``, ``floor_cpu_times``; ``time.process_time``, which a
busy machine inflates less than the wall clock); for the exports also the CPU seconds of
collecting and of rendering apart (``collect_cpu``, ``render_cpu``, medians). ``--no-everything``
leaves out the export of everything (90,000 entries at scale 1, minutes), ``--no-briefs`` the
PDFs:

- .ics export (collect + render) of the newest campaign year and of everything (once when it
  holds more than 20,000 entries), against
  icalendar serialising the same entries from the same plain data (``Event.new`` with the
  same properties, ``add_missing_timezones``, ``to_ical``);
- the delegation brief of the newest year's biggest trip and the campaign report (collect +
  render), against ReportLab alone building as many pages of Chinese text with the same font.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress
from icalendar.enums import STATUS
from sqlalchemy import func, select

from bench.pdf_floor import page_count, reportlab_floor
from briefs import BriefOptions, collect_campaign, collect_trip, find_cjk_font, render_campaign, render_trip
from calendars import CalendarData, ExportScope, collect, render, uid_of
from models.database import open_database
from models.rows import PersonRow
from models.trips import ItineraryItem, Trip

BIG_EXPORT = 20_000  # entries: a bigger export is timed once


def _address(person: PersonRow | None) -> vCalAddress | None:
    if person is None or not person.email:
        return None
    address = vCalAddress(f"mailto:{person.email}")
    address.params["CN"] = person.name_zh
    return address


def icalendar_floor(data: CalendarData, first: date, last: date) -> bytes:
    """The same entries with icalendar alone (the floor of the export)."""
    cal = Calendar.new(prodid="-//bench//EN", uid="bench@campaign-planner")

    def entry(uid: str, stamp: datetime, start: date | datetime, end: date | datetime,
              summary: str, location: str, description: str, people: Sequence[PersonRow],
              organizer: PersonRow | None, categories: list[str], parent: str | None) -> None:
        attendees = [a for a in map(_address, people) if a is not None]
        cal.add_component(Event.new(
            uid=uid, stamp=stamp, last_modified=stamp, sequence=0, status=STATUS.CONFIRMED,
            start=start, end=end, summary=summary, location=location or None,
            description=description, attendees=attendees, organizer=_address(organizer),
            categories=categories, related_to=parent))

    for trip in data.trips:
        cats = [trip.region.name_zh, *(i.name_zh for i in trip.industries)]
        entry(uid_of(trip.uuid), trip.updated_at, trip.start_date,
              trip.end_date + timedelta(days=1), trip.title_zh, trip.region.name_zh,
              trip.purpose, [m.person for m in trip.members], trip.leader, cats, None)
        for item in trip.items:
            entry(uid_of(item.uuid), item.updated_at, item.local_start, item.local_end,
                  item.title_zh, item.place, item.notes, list(item.attendees), trip.leader, cats,
                  uid_of(trip.uuid))
    for ev in data.events:
        cats = [ev.region.name_zh if ev.region else "", *(i.name_zh for i in ev.industries)]
        entry(uid_of(ev.uuid), ev.updated_at, ev.local_start, ev.local_end, ev.title_zh,
              ev.venue, ev.description, [], ev.lead_person, cats, None)
        tz = ZoneInfo(ev.timezone)
        for s in ev.sessions:
            entry(uid_of(s.uuid), s.updated_at, s.starts_at.astimezone(tz),
                  s.ends_at.astimezone(tz), s.title_zh, s.room, s.notes, list(s.speakers),
                  ev.lead_person, cats, uid_of(ev.uuid))
    cal.add_missing_timezones(first_date=first, last_date=last)
    return cal.to_ical()


def _timed(run: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each of ``repeat`` calls of ``run``."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return walls, cpus


def _emit(what: str, times: tuple[list[float], list[float]], floor: str,
          floor_times: tuple[list[float], list[float]], note: str, **extra: float) -> None:
    print(json.dumps({"what": what, "times": times[0], "floor": floor,
                      "floor_times": floor_times[0], "note": note, "cpu_times": times[1],
                      "floor_cpu_times": floor_times[1], **extra}, ensure_ascii=False),
          flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-everything", action="store_true",
                        help="leave out the export of everything")
    parser.add_argument("--no-briefs", action="store_true", help="leave out the PDFs")
    args = parser.parse_args(argv)
    engine, sessions = open_database(args.db)
    repeat = args.repeat
    with sessions() as s:
        newest = s.scalar(select(func.max(Trip.start_date)))
        oldest = s.scalar(select(func.min(Trip.start_date)))
    year = newest.year if newest else date.today().year
    first_year = oldest.year if oldest else year

    scopes = [(f"export .ics: the {year} campaign year",
               ExportScope(start=date(year, 1, 1), end=date(year, 12, 31)), date(year, 1, 1))]
    if not args.no_everything:
        scopes.append(("export .ics: everything", ExportScope(all_=True), date(first_year, 1, 1)))
    for label, scope, first in scopes:
        def export(scope: ExportScope = scope) -> bytes:
            with sessions() as s:
                data = collect(s, scope)
            return render(data)

        with sessions() as s:
            data = collect(s, scope)
        size = len(render(data))
        runs = repeat if data.entry_count <= BIG_EXPORT else 1  # minutes each

        def collect_only(scope: ExportScope = scope) -> CalendarData:
            with sessions() as s:
                return collect(s, scope)

        def floor(data: CalendarData = data, first: date = first) -> bytes:
            return icalendar_floor(data, first, date(year + 1, 1, 1))

        collect_cpu = statistics.median(_timed(collect_only, runs)[1])
        render_cpu = statistics.median(_timed(lambda data=data: render(data), runs)[1])
        _emit(label, _timed(export, runs), "icalendar alone, same entries from plain data",
              _timed(floor, runs), f"{data.entry_count:,} entries, {size / 1e6:.1f} MB"
              + ("" if runs == repeat else f"; {runs} run (minutes each)"),
              collect_cpu=collect_cpu, render_cpu=render_cpu)
    if args.no_briefs:
        engine.dispose()
        return 0

    font = find_cjk_font(None)
    options = BriefOptions(generated_on=date(year, 12, 31))
    with sessions() as s:
        biggest = s.execute(
            select(Trip.code, func.count(ItineraryItem.id))
            .join(ItineraryItem, ItineraryItem.trip_id == Trip.id)
            .where(Trip.code.like(f"TRIP-{year}-%")).group_by(Trip.code)
            .order_by(func.count(ItineraryItem.id).desc(), Trip.code).limit(1)).first()
    if biggest is not None:
        code = biggest[0]

        def trip_brief() -> bytes:
            with sessions() as s:
                data = collect_trip(s, code)
            return render_trip(data, options)

        pdf = trip_brief()
        pages = page_count(pdf)
        _emit(f"trip brief {code} (collect + render)", _timed(trip_brief, repeat),
              f"ReportLab alone, {pages} pages of Chinese text",
              _timed(lambda: reportlab_floor(pages, font.path), repeat),
              f"{biggest[1]} items, {pages} pages")

    def report() -> bytes:
        with sessions() as s:
            data = collect_campaign(s, year)
        return render_campaign(data, options)

    pdf = report()
    pages = page_count(pdf)
    _emit(f"campaign report {year} (collect + render)", _timed(report, repeat),
          f"ReportLab alone, {pages} pages of Chinese text",
          _timed(lambda: reportlab_floor(pages, font.path), repeat), f"{pages} pages")
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
