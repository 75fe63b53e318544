"""How fast the planning views are on ten years of history.

Generates a SQLite database with 5,000 trips, 50,000 itinerary items and 5,000 events (ten
campaign years), then times, on the last year: loading a month's entries, a month view, a
week view, an agenda and the year timeline (load + layout + paint, offscreen), and the
dashboard. Prints the figures; asserts nothing.

    python bench/bench_calendar.py [--years 10] [--db PATH] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from models.campaign import Campaign, City, Industry, Region, Unit
from models.database import open_database
from models.enums import (
    EventKind,
    EventStatus,
    ItemKind,
    MemberRole,
    PersonKind,
    RegionKind,
    TripStatus,
    UnitKind,
)
from models.events import ThemedEvent, event_industries
from models.people import Person
from models.timeutil import local_to_utc
from models.trips import ItineraryItem, Trip, TripMember, item_attendees, trip_industries

REGIONS = [
    ("HKMO", "港澳", "Hong Kong & Macau", RegionKind.OVERSEAS,
     [("香港", "Hong Kong", "HK", "Asia/Hong_Kong"), ("澳门", "Macau", "MO", "Asia/Macau")]),
    ("JPKR", "日韩", "Japan & Korea", RegionKind.OVERSEAS,
     [("东京", "Tokyo", "JP", "Asia/Tokyo"), ("首尔", "Seoul", "KR", "Asia/Seoul")]),
    ("EUUS", "欧美", "Europe & US", RegionKind.OVERSEAS,
     [("法兰克福", "Frankfurt", "DE", "Europe/Berlin"), ("圣何塞", "San Jose", "US",
                                                      "America/Los_Angeles")]),
    ("JJJ", "京津冀", "Beijing–Tianjin–Hebei", RegionKind.DOMESTIC,
     [("北京", "Beijing", "CN", "Asia/Shanghai")]),
    ("YRD", "长三角", "Yangtze River Delta", RegionKind.DOMESTIC,
     [("上海", "Shanghai", "CN", "Asia/Shanghai")]),
    ("LOCAL", "本地", "Local", RegionKind.LOCAL,
     [("东莞", "Dongguan", "CN", "Asia/Shanghai")]),
]
ITEM_KINDS = [ItemKind.FLIGHT, ItemKind.COMPANY_VISIT, ItemKind.COMPANY_VISIT,
              ItemKind.PROMOTION_MEETING, ItemKind.BANQUET, ItemKind.SIGNING, ItemKind.TRANSFER]


def generate(sessions: sessionmaker[Session], years: int, last_year: int, trips_per_year: int,
             items_per_trip: int, events_per_year: int, seed: int = 7) -> dict[str, int]:
    """Fill an empty, migrated database with ``years`` campaigns of synthetic history."""
    rnd = random.Random(seed)
    with sessions.begin() as s:
        first_year = last_year - years + 1
        campaigns = [Campaign(year=y, name_zh=f"{y}年招商", name_en=f"{y} campaign",
                              target_trips=30, target_events=30, target_hq_visits=1000,
                              target_investment_cny=160_000_000_000,
                              flagship_threshold_cny=5_000_000_000, target_flagship_projects=10)
                     for y in range(first_year, last_year + 1)]
        regions, cities = [], []
        for position, (code, zh, en, kind, places) in enumerate(REGIONS):
            region = Region(code=code, name_zh=zh, name_en=en, kind=kind, position=position)
            regions.append(region)
            for czh, cen, country, zone in places:
                cities.append(City(region=region, name_zh=czh, name_en=cen, country_code=country,
                                   timezone=zone))
        units = [Unit(name_zh=f"责任单位{n:02d}", name_en=f"Unit {n}",
                      kind=UnitKind.TOWN_STREET if n < 35 else UnitKind.DEPARTMENT)
                 for n in range(70)]
        industries = [Industry(code=f"I{n}", name_zh=f"产业{n}", name_en=f"Industry {n}",
                               position=n) for n in range(9)]
        leaders = [Person(name_zh=f"领导{n:02d}", name_en=f"Leader {n}",
                          kind=PersonKind.CITY_LEADER) for n in range(12)]
        staff = [Person(name_zh=f"工作人员{n:03d}", name_en=f"Staff {n}",
                        kind=PersonKind.BUREAU_STAFF) for n in range(80)]
        s.add_all([*campaigns, *regions, *cities, *units, *industries, *leaders, *staff])
        s.flush()
        city_ids = {r.id: [c for c in cities if c.region is r] for r in regions}

        trips, members, trip_inds, items, attendees = [], [], [], [], []
        item_id = 0
        trip_id = 0
        for campaign in campaigns:
            for n in range(trips_per_year):
                trip_id += 1
                region = rnd.choice(regions)
                city = rnd.choice(city_ids[region.id])
                start = date(campaign.year, 1, 1) + timedelta(days=rnd.randrange(0, 355))
                length = rnd.randint(2, 9)
                leader = rnd.choice(leaders)
                team = rnd.sample(staff, 3)
                trips.append(dict(
                    id=trip_id, code=f"TRIP-{campaign.year}-{n + 1:03d}", campaign_id=campaign.id,
                    title_zh=f"{region.name_zh}推介{n + 1}", title_en=f"{region.name_en} roadshow {n + 1}",
                    region_id=region.id, start_date=start, end_date=start + timedelta(days=length),
                    leader_id=leader.id, host_unit_id=rnd.choice(units).id,
                    status=rnd.choice(list(TripStatus)), revision=1))
                members += [dict(trip_id=trip_id, person_id=leader.id, role=MemberRole.LEADER,
                                 position=0)]
                members += [dict(trip_id=trip_id, person_id=p.id, role=MemberRole.MEMBER,
                                 position=k + 1) for k, p in enumerate(team)]
                trip_inds += [dict(trip_id=trip_id, industry_id=i.id)
                              for i in rnd.sample(industries, 2)]
                for k in range(items_per_trip):
                    item_id += 1
                    day = start + timedelta(days=k % (length + 1))
                    hour = 8 + (k * 3) % 12
                    begins = local_to_utc(datetime(day.year, day.month, day.day, hour, 0),
                                          city.timezone)
                    items.append(dict(
                        id=item_id, trip_id=trip_id, kind=rnd.choice(ITEM_KINDS),
                        title_zh=f"行程{k + 1}", title_en=f"Item {k + 1}", starts_at=begins,
                        ends_at=begins + timedelta(hours=rnd.choice((1, 2, 3))),
                        timezone=city.timezone, city_id=city.id, place="", revision=1))
                    attendees.append(dict(item_id=item_id, person_id=leader.id))
        events, event_inds = [], []
        event_id = 0
        for campaign in campaigns:
            for n in range(events_per_year):
                event_id += 1
                city = rnd.choice(cities)
                day = date(campaign.year, 1, 1) + timedelta(days=rnd.randrange(0, 364))
                begins = local_to_utc(datetime(day.year, day.month, day.day, 9, 0), city.timezone)
                events.append(dict(
                    id=event_id, code=f"EVT-{campaign.year}-{n + 1:03d}", campaign_id=campaign.id,
                    kind=rnd.choice(list(EventKind)), title_zh=f"专题活动{n + 1}",
                    title_en=f"Event {n + 1}", venue=f"会场{n % 40}", city_id=city.id,
                    timezone=city.timezone, starts_at=begins,
                    ends_at=begins + timedelta(hours=rnd.choice((3, 8, 32))),
                    host_unit_id=rnd.choice(units).id, lead_person_id=rnd.choice(leaders).id,
                    status=rnd.choice(list(EventStatus)), revision=1))
                event_inds.append(dict(event_id=event_id, industry_id=rnd.choice(industries).id))
        now = datetime.now(UTC)
        for rows in (trips, items, events):
            for row in rows:
                row.setdefault("created_at", now)
                row.setdefault("updated_at", now)
        s.execute(insert(Trip), trips)
        s.execute(insert(TripMember), members)
        s.execute(insert(trip_industries), trip_inds)
        s.execute(insert(ItineraryItem), items)
        s.execute(insert(item_attendees), attendees)
        s.execute(insert(ThemedEvent), events)
        s.execute(insert(event_industries), event_inds)
    with sessions() as s:
        return {"trips": s.scalar(select(func.count()).select_from(Trip)) or 0,
                "items": s.scalar(select(func.count()).select_from(ItineraryItem)) or 0,
                "events": s.scalar(select(func.count()).select_from(ThemedEvent)) or 0}


def timed(label: str, run: Callable[[], object], repeat: int) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    print(f"  {label:<46} median {statistics.median(times):7.1f} ms   "
          f"(min {min(times):.1f}, max {max(times):.1f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--trips", type=int, default=500, help="trips per year")
    parser.add_argument("--items", type=int, default=10, help="itinerary items per trip")
    parser.add_argument("--events", type=int, default=500, help="events per year")
    parser.add_argument("--db", help="SQLite file to (re)use; default: a temporary one")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    # The window's views are what is measured here.
    from PySide6.QtWidgets import QApplication  # noqa: TID251

    from desktop.calendar.timeline import TimelineView  # noqa: TID251
    from desktop.calendar.view import CalendarMode, CalendarView  # noqa: TID251
    from desktop.context import AppContext  # noqa: TID251
    from desktop.pages.dashboard import DashboardView  # noqa: TID251
    from planning.feed import load_entries

    path = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "history.db"
    fresh = not path.exists()
    engine, sessions = open_database(f"sqlite:///{path}")
    last_year = 2023
    if fresh:
        start = time.perf_counter()
        counts = generate(sessions, args.years, last_year, args.trips, args.items, args.events)
        print(f"generated {counts['trips']:,} trips, {counts['items']:,} itinerary items, "
              f"{counts['events']:,} events in {time.perf_counter() - start:.1f} s ({path})")

    app = QApplication.instance() or QApplication([])
    ctx = AppContext(sessions, f"sqlite:///{path}", "zh")
    month = date(last_year, 6, 1)
    print(f"timings on {month:%B %Y} / {last_year}, offscreen, {args.repeat} runs each:")

    def load_month() -> None:
        with sessions() as s:
            load_entries(s, date(last_year, 5, 29), date(last_year, 7, 9))

    timed("load a month's entries (6 weeks)", load_month, args.repeat)

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

    timed("month view: load + layout + paint", show(CalendarMode.MONTH), args.repeat)
    print(f"    ({len(calendar.entries)} entries in the month grid)")
    timed("week view: load + layout + paint", show(CalendarMode.WEEK), args.repeat)
    print(f"    ({len(calendar.entries)} entries in the week)")
    timed("agenda (a month): load + fill + paint", show(CalendarMode.AGENDA), args.repeat)

    timeline = TimelineView(ctx)
    timeline.resize(1280, 800)
    timeline.show()
    app.processEvents()

    def year() -> None:
        timeline.set_year(last_year)
        timeline.grab()

    timed("year timeline: load + layout + paint", year, args.repeat)
    print(f"    ({len(timeline.entries)} trips and events in {last_year})")

    dashboard = DashboardView(ctx)
    dashboard.resize(1280, 900)
    dashboard.set_today(month)
    dashboard.show()
    app.processEvents()

    def board() -> None:
        dashboard.refresh()
        dashboard.grab()

    timed("dashboard: progress, 14 days, conflicts, board", board, max(1, args.repeat // 2))
    calendar.close()
    timeline.close()
    dashboard.close()
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
