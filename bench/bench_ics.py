"""Benchmark: calendar export of a campaign year (~3,000 entries).

    python bench/bench_ics.py [--entries 3000] [--repeat 3]

Prints entries per second for
  1. collect + render from a SQLite database (what ``export-ics --all`` does),
  2. render alone (plain data -> bytes),
  3. icalendar's own serialisation of the same entries from plain data (``Event.new`` with
     the same properties, ``add_missing_timezones``, ``to_ical``): the yardstick; and the
     same with only the core properties (a lighter file, for scale).
Not a test: nothing is asserted, the figures are for a person to read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from icalendar import Calendar, Event, vCalAddress
from icalendar.enums import STATUS
from sqlalchemy.orm import Session

from calendars import CalendarData, ExportScope, collect, render, uid_of
from models.database import open_database
from models.enums import EventKind, EventStatus, ItemKind, MemberRole, TripStatus
from models.events import AgendaSession, ThemedEvent
from models.people import Person
from models.rows import PersonRow
from models.timeutil import at
from models.trips import ItineraryItem, Trip, TripMember
from tests.factories import make_world

ZONES = ["Europe/Berlin", "America/Los_Angeles", "Asia/Tokyo", "Asia/Hong_Kong",
         "Asia/Shanghai", "Europe/London"]
ITEMS_PER_TRIP = 70
SESSIONS_PER_EVENT = 8


def build(session: Session, entries: int) -> None:
    """A campaign with trips of 70 items and events of 8 sessions, about ``entries`` in all."""
    w = make_world(session)
    leader = session.get_one(Person, w.leader_id)
    staff = session.get_one(Person, w.staff_id)
    trips = max(1, entries * 2 // 3 // (ITEMS_PER_TRIP + 1))
    events = max(1, (entries - trips * (ITEMS_PER_TRIP + 1)) // (SESSIONS_PER_EVENT + 1))
    for n in range(trips):
        zone = ZONES[n % len(ZONES)]
        first = date(2023, 1, 2) + timedelta(days=(n * 9) % 340)
        trip = Trip(code=f"TRIP-2023-{n + 1:03d}", campaign_id=w.campaign_id,
                    title_zh=f"第{n + 1}次推广活动：新能源汽车, 储能; 半导体",
                    title_en=f"Roadshow {n + 1}", region_id=w.region_id, start_date=first,
                    end_date=first + timedelta(days=7), leader_id=w.leader_id,
                    host_unit_id=w.unit_id, status=list(TripStatus)[n % 6],
                    purpose="拜访总部，推介东莞。\n第二行说明。" * 3)
        trip.members = [TripMember(person_id=w.leader_id, role=MemberRole.LEADER, position=0),
                        TripMember(person_id=w.staff_id, role=MemberRole.LIAISON, position=1)]
        for k in range(ITEMS_PER_TRIP):
            day = first + timedelta(days=k % 8)
            start = at(day, f"{8 + k % 10:02d}:{(k * 7) % 60:02d}", zone)
            trip.items.append(ItineraryItem(
                kind=list(ItemKind)[k % len(ItemKind)], title_zh=f"行程 {k}：拜访企业 🚀",
                title_en=f"Item {k}", starts_at=start, ends_at=start + timedelta(minutes=90),
                timezone=zone, place=f"Street {k}, Building {k % 5}",
                notes="备注：带上名片, 礼品; 资料\\目录" if k % 3 == 0 else "",
                attendees=[leader, staff] if k % 2 else [leader]))
        session.add(trip)
    for n in range(events):
        start = at(date(2023, 1, 5) + timedelta(days=n * 11 % 350), "09:00", "Asia/Shanghai")
        event = ThemedEvent(code=f"EVT-2023-{n + 1:03d}", campaign_id=w.campaign_id,
                            kind=list(EventKind)[n % len(EventKind)],
                            title_zh=f"专题招商活动 {n + 1}", title_en=f"Event {n + 1}",
                            venue="松山湖国际会展中心", city_id=w.dongguan_id,
                            timezone="Asia/Shanghai", starts_at=start,
                            ends_at=start + timedelta(hours=9), host_unit_id=w.unit_id,
                            lead_person_id=w.staff_id, status=list(EventStatus)[n % 6],
                            description="峰会介绍。" * 5, cancel_reason="调整")
        for k in range(SESSIONS_PER_EVENT):
            s_start = start + timedelta(hours=k)
            event.sessions.append(AgendaSession(title_zh=f"议程 {k}", title_en=f"Session {k}",
                                                starts_at=s_start,
                                                ends_at=s_start + timedelta(minutes=50),
                                                room=f"{k} 号厅", speakers=[staff]))
        session.add(event)


def _address(person: PersonRow | None) -> vCalAddress | None:
    if person is None or not person.email:
        return None
    address = vCalAddress(f"mailto:{person.email}")
    address.params["CN"] = person.name_zh
    return address


def icalendar_baseline(data: CalendarData) -> bytes:
    """The same entries with icalendar alone: the same properties from the same plain data
    (times in their zones, texts, attendees, categories, relations), ``Event.new`` for each,
    ``add_missing_timezones`` and ``to_ical``."""
    cal = Calendar.new(prodid="-//bench//EN", uid="bench@campaign-planner")

    def entry(uid: str, stamp: datetime, start: date | datetime, end: date | datetime,
              summary: str, location: str, description: str, people: list[PersonRow],
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
    cal.add_missing_timezones(first_date=date(2023, 1, 1), last_date=date(2024, 1, 1))
    return cal.to_ical()


def icalendar_core(data: CalendarData) -> bytes:
    """A lighter yardstick: icalendar with only UID, DTSTAMP, times, SUMMARY, LOCATION and
    DESCRIPTION per entry."""
    cal = Calendar.new(prodid="-//bench//EN", uid="bench@campaign-planner")
    for trip in data.trips:
        cal.add_component(Event.new(uid=uid_of(trip.uuid), stamp=trip.updated_at,
                                    start=trip.start_date, end=trip.end_date + timedelta(days=1),
                                    summary=trip.title_zh, description=trip.purpose))
        for item in trip.items:
            cal.add_component(Event.new(uid=uid_of(item.uuid), stamp=item.updated_at,
                                        start=item.local_start, end=item.local_end,
                                        summary=item.title_zh, location=item.place,
                                        description=item.notes))
    for ev in data.events:
        cal.add_component(Event.new(uid=uid_of(ev.uuid), stamp=ev.updated_at,
                                    start=ev.local_start, end=ev.local_end, summary=ev.title_zh,
                                    location=ev.venue, description=ev.description))
        tz = ZoneInfo(ev.timezone)
        for s in ev.sessions:
            cal.add_component(Event.new(uid=uid_of(s.uuid), stamp=s.updated_at,
                                        start=s.starts_at.astimezone(tz),
                                        end=s.ends_at.astimezone(tz), summary=s.title_zh,
                                        location=s.room))
    cal.add_missing_timezones(first_date=date(2023, 1, 1), last_date=date(2024, 1, 1))
    return cal.to_ical()


def best(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        engine, sessions = open_database(f"sqlite:///{Path(folder) / 'bench.db'}")
        with sessions.begin() as s:
            build(s, args.entries)

        def collect_all() -> CalendarData:
            with sessions() as s:
                return collect(s, ExportScope(all_=True))

        data = collect_all()
        n = data.entry_count
        size = len(render(data))
        t_export = best(args.repeat, lambda: render(collect_all()))
        t_collect = best(args.repeat, collect_all)
        t_render = best(args.repeat, lambda: render(data))
        t_icalendar = best(args.repeat, lambda: icalendar_baseline(data))
        t_core = best(args.repeat, lambda: icalendar_core(data))
        engine.dispose()
    print(f"entries: {n}  ({len(data.trips)} trips, {len(data.events)} events; "
          f"{size / 1024:.0f} KiB of .ics)  at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    for label, seconds in [("collect + render (export-ics --all)", t_export),
                           ("  collect (database -> plain data)", t_collect),
                           ("  render (plain data -> bytes)", t_render),
                           ("icalendar alone, same properties", t_icalendar),
                           ("icalendar alone, core properties only", t_core)]:
        print(f"{label:38s} {seconds:7.3f} s  {n / seconds:8.0f} entries/s")
    print(f"render / icalendar alone: {t_render / t_icalendar:.2f}x (same properties), "
          f"{t_render / t_core:.2f}x (core properties only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
