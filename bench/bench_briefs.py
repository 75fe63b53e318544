"""How fast the briefing packs are built.

Generates a SQLite database with ten campaign years of history (per year: 33 trips with their
itineraries, 33 events with agendas and invitations, 120 leads, 1,000 HQ visits; 150
organisations, 70 units), then times, on the last year:

- the delegation brief of a 10-day trip (45 itinerary items, 12 delegates, 8 organisations
  with their history): collecting the data, and rendering the PDF;
- the campaign report: collecting, and rendering.

Prints the figures (median of ``--repeat`` runs); asserts nothing.

    python bench/bench_briefs.py [--years 10] [--repeat 5] [--db PATH] [--keep PDF-FOLDER]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from briefs import (
    BriefOptions,
    CampaignReport,
    TripBrief,
    collect_campaign,
    collect_trip,
    find_cjk_font,
    render_campaign,
    render_trip,
)
from models.campaign import Campaign, City, Industry, Region, Unit
from models.database import open_database
from models.enums import (
    EventKind,
    EventStatus,
    ItemKind,
    LeadStage,
    MemberRole,
    OrganisationKind,
    PersonKind,
    RegionKind,
    RsvpState,
    TripStatus,
    UnitKind,
)
from models.events import AgendaSession, Invitation, ThemedEvent
from models.leads import HqVisit, Lead
from models.organisations import Organisation
from models.people import Person
from models.timeutil import at
from models.trips import ItineraryItem, Trip, TripMember

REGIONS = [
    ("HKMO", "港澳", "Hong Kong & Macau", RegionKind.OVERSEAS,
     [("香港", "Hong Kong", "HK", "Asia/Hong_Kong"), ("澳门", "Macau", "MO", "Asia/Macau")]),
    ("JPKR", "日韩", "Japan & Korea", RegionKind.OVERSEAS,
     [("东京", "Tokyo", "JP", "Asia/Tokyo"), ("首尔", "Seoul", "KR", "Asia/Seoul")]),
    ("EUUS", "欧美", "Europe & US", RegionKind.OVERSEAS,
     [("法兰克福", "Frankfurt", "DE", "Europe/Berlin"),
      ("圣何塞", "San Jose", "US", "America/Los_Angeles")]),
    ("JJJ", "京津冀", "Beijing–Tianjin–Hebei", RegionKind.DOMESTIC,
     [("北京", "Beijing", "CN", "Asia/Shanghai")]),
    ("YRD", "长三角", "Yangtze River Delta", RegionKind.DOMESTIC,
     [("上海", "Shanghai", "CN", "Asia/Shanghai")]),
    ("LOCAL", "本地", "Local", RegionKind.LOCAL, [("东莞", "Dongguan", "CN", "Asia/Shanghai")]),
]
INDUSTRIES = [("NEV", "新能源汽车", "New-energy vehicles"),
              ("MOBILE", "智能移动终端", "Smart mobile terminals"),
              ("SEMI", "半导体及集成电路", "Semiconductors and integrated circuits"),
              ("ROBOT", "智能机器人", "Smart robots"), ("STORAGE", "新型储能", "Energy storage"),
              ("EBIKE", "电动自行车", "Electric bicycles"),
              ("MED", "高端医疗器械", "High-end medical devices"),
              ("FOOD", "预制菜", "Prepared meals"),
              ("SOFT", "国产基础软件", "Domestic basic software")]
DAY_PLAN = [("09:00", "10:30", ItemKind.COMPANY_VISIT), ("11:00", "12:00", ItemKind.TRANSFER),
            ("14:00", "16:00", ItemKind.PROMOTION_MEETING), ("16:30", "17:30", ItemKind.SIGNING),
            ("18:30", "20:30", ItemKind.BANQUET)]


def build_history(sessions: sessionmaker[Session], years: int, rnd: random.Random) -> tuple[int,
                                                                                          str]:
    """Fill the database; returns the last year and the code of its 10-day trip."""
    first = 2024 - years
    with sessions.begin() as s:
        regions = []
        for n, (code, zh, en, kind, cities) in enumerate(REGIONS):
            region = Region(code=code, name_zh=zh, name_en=en, kind=kind, position=n)
            region.cities = [City(name_zh=c[0], name_en=c[1], country_code=c[2], timezone=c[3])
                             for c in cities]
            regions.append(region)
        industries = [Industry(code=c, name_zh=zh, name_en=en, position=n)
                      for n, (c, zh, en) in enumerate(INDUSTRIES)]
        units = [Unit(name_zh=f"责任单位{n:02d}", name_en=f"Unit {n:02d}",
                      kind=list(UnitKind)[n % 4]) for n in range(70)]
        s.add_all([*regions, *industries, *units])
        s.flush()
        people = [Person(name_zh=f"人员{n:03d}", name_en=f"Person {n:03d}",
                         kind=PersonKind.CITY_LEADER if n < 10 else PersonKind.BUREAU_STAFF,
                         title_zh="副市长" if n < 10 else "科长", title_en="Official",
                         unit=rnd.choice(units), phone=f"+86 769 2222 {n:04d}")
                  for n in range(80)]
        orgs = []
        for n in range(150):
            org = Organisation(
                name_zh=f"目标企业{n:03d}（集团）有限公司", name_en=f"Target Company {n:03d} Ltd",
                kind=OrganisationKind.COMPANY, industry=industries[n % 9],
                fortune_global_500_rank=n + 1 if n % 3 == 0 else None, hq_city="Frankfurt",
                hq_country="DE", talking_points="介绍东莞产业链配套优势，邀请来莞考察。" * 3)
            org.contacts = [Person(name_zh=f"联系人{n:03d}{k}", name_en=f"Contact {n}-{k}",
                                   kind=PersonKind.EXTERNAL, title_zh="总裁", phone="+49 69 1234",
                                   email=f"c{n}{k}@example.com") for k in range(2)]
            orgs.append(org)
        s.add_all([*people, *orgs])
        s.flush()
        for year in range(first, first + years):
            _year(s, year, regions, industries, units, people, orgs, rnd)
        return first + years - 1, f"TRIP-{first + years - 1}-001"


def _year(s: Session, year: int, regions: list[Region], industries: list[Industry],
          units: list[Unit], people: list[Person], orgs: list[Organisation],
          rnd: random.Random) -> None:
    campaign = Campaign(year=year, name_zh=f"{year} 招商年", name_en=f"{year} Investment Year",
                        slogan="有空间、进莞来", target_trips=30, target_events=30,
                        target_hq_visits=1000, target_investment_cny=160_000_000_000,
                        flagship_threshold_cny=5_000_000_000, target_flagship_projects=10)
    s.add(campaign)
    s.flush()
    trips = []
    for n in range(33):
        region = regions[2] if n == 0 else rnd.choice(regions[:-1])
        length = 10 if n == 0 else rnd.randint(3, 8)
        start = date(year, 1, 5) + timedelta(days=n * 10)
        city = rnd.choice(region.cities)
        members = rnd.sample(people[10:], 11 if n == 0 else 5)
        leader = people[n % 10]
        trip = Trip(code=f"TRIP-{year}-{n + 1:03d}", campaign_id=campaign.id,
                    title_zh=f"{region.name_zh}招商推介 {n + 1}", title_en=f"{region.name_en} "
                    f"roadshow {n + 1}", region=region, start_date=start,
                    end_date=start + timedelta(days=length - 1), leader=leader,
                    host_unit=rnd.choice(units), status=TripStatus.DONE if year < 2023
                    else TripStatus.APPROVED, purpose="拜访目标企业总部，推介东莞投资环境。" * 4,
                    key_messages="有空间、进莞来。", logistics="统一订票。",
                    emergency_contacts="领事保护热线 +86 10 12308")
        trip.cities = [city]
        trip.industries = rnd.sample(industries, 2)
        trip.targets = rnd.sample(orgs, 8 if n == 0 else 3)
        trip.members = [TripMember(person=leader, role=MemberRole.LEADER, position=0)] + [
            TripMember(person=p, role=MemberRole.MEMBER, position=k + 1)
            for k, p in enumerate(members)]
        per_day = DAY_PLAN if n == 0 else DAY_PLAN[::2]
        for day in range(length - 1 if n == 0 else length):
            d = start + timedelta(days=day)
            for begin, end, kind in per_day:
                trip.items.append(ItineraryItem(
                    kind=kind, title_zh=f"{kind.zh}（{d:%m-%d} {begin}）",
                    title_en=f"{kind.en} {d:%m-%d} {begin}",
                    starts_at=at(d, begin, city.timezone), ends_at=at(d, end, city.timezone),
                    timezone=city.timezone, city=city, place="Messe Frankfurt, Halle 3",
                    organisation=rnd.choice(trip.targets) if kind is ItemKind.COMPANY_VISIT
                    else None, attendees=[leader, *members[:3]], outcome="同意进一步洽谈"))
        trips.append(trip)
    s.add_all(trips)
    home = regions[-1].cities[0]
    for n in range(33):
        d = date(year, 1, 10) + timedelta(days=n * 10)
        event = ThemedEvent(
            code=f"EVT-{year}-{n + 1:03d}", campaign_id=campaign.id,
            kind=rnd.choice(list(EventKind)), title_zh=f"专题招商活动 {n + 1}",
            title_en=f"Themed event {n + 1}", venue=f"会场{n % 5}", city=home,
            timezone=home.timezone, starts_at=at(d, "09:00", home.timezone),
            ends_at=at(d, "17:00", home.timezone), host_unit=rnd.choice(units),
            lead_person=people[n % 10], capacity=200,
            status=EventStatus.DONE if year < 2023 else EventStatus.PLANNED)
        event.industries = rnd.sample(industries, 2)
        event.sessions = [AgendaSession(title_zh=f"议程 {k}", starts_at=at(d, f"{9 + k}:00",
                                                                          home.timezone),
                                        ends_at=at(d, f"{9 + k}:45", home.timezone))
                          for k in range(5)]
        event.invitations = [Invitation(organisation=o, rsvp=rnd.choice(list(RsvpState)),
                                        guests=rnd.randint(1, 4)) for o in rnd.sample(orgs, 12)]
        s.add(event)
    s.flush()
    for n in range(120):
        stage = rnd.choice(list(LeadStage))
        signed = stage in (LeadStage.SIGNED, LeadStage.CONSTRUCTION, LeadStage.FUNDS_IN,
                           LeadStage.PRODUCTION)
        s.add(Lead(code=f"LEAD-{year}-{n + 1:03d}", campaign_id=campaign.id,
                   title_zh=f"投资项目 {n + 1}", title_en=f"Project {n + 1}",
                   organisation=rnd.choice(orgs), industry=rnd.choice(industries),
                   amount_cny=rnd.randint(1, 100) * 100_000_000, stage=stage,
                   unit=rnd.choice(units), source_trip=rnd.choice(trips),
                   first_contact_on=date(year, 1, 2),
                   signed_on=date(year, rnd.randint(1, 12), 15) if signed else None,
                   funds_in_cny=rnd.randint(0, 10) * 10_000_000))
    s.add_all(HqVisit(campaign_id=campaign.id, organisation=rnd.choice(orgs),
                      unit=rnd.choice(units), visited_on=date(year, 1, 1)
                      + timedelta(days=rnd.randint(0, 364)), team=f"第{rnd.randint(1, 100)}队")
              for _ in range(1000))
    s.flush()


T = TypeVar("T")


def timed(fn: Callable[[], T], repeat: int) -> tuple[float, T]:
    """The median time of ``repeat`` runs, and the last result."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def open_history(path: Path, years: int) -> tuple[Engine, sessionmaker[Session], int, str]:
    path.unlink(missing_ok=True)
    engine, sessions = open_database(f"sqlite:///{path}")
    start = time.perf_counter()
    year, trip_code = build_history(sessions, years, random.Random(2023))
    print(f"history: {years} year(s) built in {time.perf_counter() - start:.1f} s ({path})")
    return engine, sessions, year, trip_code


def bench_trip(sessions: sessionmaker[Session], code: str, options: BriefOptions, repeat: int,
               label: str) -> bytes:
    def collect() -> TripBrief:
        with sessions() as s:
            return collect_trip(s, code)

    t_collect, trip = timed(collect, repeat)
    t_render, pdf = timed(lambda: render_trip(trip, options), repeat)
    print(f"10-day trip brief, {label} ({code}: {len(trip.trip.items)} items, "
          f"{len(trip.organisations)} organisations; {pages(pdf)} pages, {len(pdf) // 1024} KB): "
          f"collect {t_collect * 1000:.0f} ms + render {t_render * 1000:.0f} ms = "
          f"{(t_collect + t_render) * 1000:.0f} ms")
    return pdf


def bench_report(sessions: sessionmaker[Session], year: int, years: int, options: BriefOptions,
                 repeat: int) -> bytes:
    def collect() -> CampaignReport:
        with sessions() as s:
            return collect_campaign(s, year)

    r_collect, report = timed(collect, repeat)
    r_render, pdf = timed(lambda: render_campaign(report, options), repeat)
    print(f"campaign report {year}, {years} years in the database ({pages(pdf)} pages, "
          f"{len(pdf) // 1024} KB): collect {r_collect * 1000:.0f} ms + render "
          f"{r_render * 1000:.0f} ms = {(r_collect + r_render) * 1000:.0f} ms")
    return pdf


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", help="SQLite file to (re)create (default: a temporary one)")
    parser.add_argument("--keep", type=Path, help="folder to save the PDFs in")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    font = find_cjk_font(None)
    print(f"font: {font.path or font.name}" + (f"  WARNING {font.warning}" if font.warning else ""))

    engine, sessions, year, code = open_history(Path(folder.name) / "one-year.db", 1)
    options = BriefOptions(generated_on=date(year, 12, 31))
    bench_trip(sessions, code, options, args.repeat, "one campaign year in the database")
    engine.dispose()

    path = Path(args.db) if args.db else Path(folder.name) / "history.db"
    engine, sessions, year, code = open_history(path, args.years)
    trip_pdf = bench_trip(sessions, code, options, args.repeat,
                          f"{args.years} years in the database")
    report_pdf = bench_report(sessions, year, args.years, options, args.repeat)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "bench_trip.pdf").write_bytes(trip_pdf)
        (args.keep / "bench_campaign.pdf").write_bytes(report_pdf)
    engine.dispose()
    folder.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
