"""A deterministic, realistic database of ten campaign years, for the benchmarks.

    python -m bench.scale_data --db URL [--scale 1.0] [--seed 1]

At scale 1: 10 campaigns (2014–2023), 5,000 trips with 50,000 itinerary items, 5,000 themed
events with 30,000 agenda sessions and 50,000 invitations, 20,000 organisations, 3,000 people,
20,000 leads, 10,000 HQ visits, and one history (``audit_log``) row per record, as creating
each one through the app leaves. ``--scale 0.01`` gives a small one (CI).

The schema is made by the app's own migrations (``models.database.open_database``); the
reference data (regions and their cities with IANA zones, units, the nine industries, the
sample's organisations) is the sample campaign's. Rows go in with SQLAlchemy Core bulk
``insert()``, one campaign year at a time; the rules of the model hold: codes unique and
``PREFIX-YEAR-NNN``, ends after starts, itinerary items inside their trip (local dates),
sessions inside their event, attendees in the delegation, a reason for every cancellation,
revision 1 and a UUID on every record, the code counters at the last number given out.
The same ``--seed`` and ``--scale`` give the same database, row for row.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, Table, func, insert, select, text

from bench import scale_names as names
from models.audit.chain import chain_unhashed
from models.audit.table import AuditEntry
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
    VisitStatus,
)
from models.events import AgendaSession, Invitation, ThemedEvent, event_industries, session_speakers
from models.leads import HqVisit, Lead
from models.operations.codes import code_counters
from models.organisations import Organisation
from models.people import Person
from models.sample import read_sample
from models.teams import Team
from models.trips import (
    ItineraryItem,
    Trip,
    TripMember,
    item_attendees,
    trip_cities,
    trip_industries,
    trip_targets,
)

FIRST_YEAR, LAST_YEAR = 2014, 2023
ACTOR = "bench@scale-data"
CHUNK = 5_000
HOME_ZONE = "Asia/Shanghai"
SKIPPED = frozenset({"id", "uuid", "revision", "created_at", "updated_at"})
# foreign key -> (the field the history names, the kind of label it shows)
REFERENCES = {
    "campaign_id": ("campaign", "campaign"), "region_id": ("region", "region"),
    "leader_id": ("leader", "person"), "host_unit_id": ("host_unit", "unit"),
    "city_id": ("city", "city"), "organisation_id": ("organisation", "organisation"),
    "industry_id": ("industry", "industry"), "unit_id": ("unit", "unit"),
    "lead_person_id": ("lead_person", "person"), "source_trip_id": ("source_trip", "trip"),
    "source_event_id": ("source_event", "event"), "trip_id": ("trip", "trip"),
    "event_id": ("event", "event"),
}


@dataclass(frozen=True)
class Counts:
    """How many of each the dataset holds."""

    campaigns: int
    trips: int
    items: int
    events: int
    sessions: int
    invitations: int
    organisations: int
    people: int
    leads: int
    hq_visits: int
    teams: int = 100  # the teams of 百队千企, whatever the scale

    @classmethod
    def at_scale(cls, scale: float) -> Counts:
        def n(full: int) -> int:
            return max(1, round(full * scale))

        years = LAST_YEAR - FIRST_YEAR + 1
        trips = max(years, n(5_000) // years * years)
        events = max(years, n(5_000) // years * years)
        return cls(campaigns=years, trips=trips,
                   items=sum(items_of(t) for t in range(1, trips + 1)), events=events,
                   sessions=sum(sessions_of(e) for e in range(1, events + 1)),
                   invitations=events * min(10, n(20_000)),
                   organisations=max(n(20_000), 40), people=max(n(3_000), 60),
                   leads=max(years, n(20_000) // years * years),
                   hq_visits=max(years, n(10_000) // years * years))


def items_of(trip_id: int) -> int:
    """How many itinerary items the trip with this id has: 6 to 14, ten on average."""
    return 10 + (-4, -2, 0, 2, 4)[trip_id % 5]


def sessions_of(event_id: int) -> int:
    """How many agenda sessions the event with this id has: 4 to 8, six on average."""
    return 6 + (-2, -1, 0, 1, 2)[event_id % 5]


def table_of(model: Any) -> Table:
    table: Table = model.__table__
    return table


class _Writer:
    """Bulk inserts in chunks, and the history row of each record created."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.pending: dict[str, tuple[Table, list[dict[str, Any]]]] = {}
        self.audit: list[dict[str, Any]] = []
        self.audit_id = 0

    def add(self, table: Table, row: dict[str, Any]) -> None:
        rows = self.pending.setdefault(table.name, (table, []))[1]
        rows.append(row)

    def record(self, table: Table, row: dict[str, Any], label: str, snapshot: dict[str, Any],
               parent: tuple[str, int] | None = None) -> None:
        """A record and its "created" history row (what the audit listener would write)."""
        self.add(table, row)
        self.audit_id += 1
        self.audit.append({
            "id": self.audit_id, "at": row["created_at"], "actor": ACTOR, "action": "create",
            "record_type": table.name, "record_id": row["id"], "record_uuid": row["uuid"],
            "record_label": label[:300], "parent_type": parent[0] if parent else None,
            "parent_id": parent[1] if parent else None, "revision": 1,
            "changes": {k: [None, v] for k, v in snapshot.items()},
        })

    def between_records(self) -> None:
        """Write out when a table has a chunk's worth: only between records, when every part
        pending has its parent pending too."""
        if len(self.audit) >= CHUNK or any(len(r) >= CHUNK for _, r in self.pending.values()):
            self.flush()

    def flush(self, name: str | None = None) -> None:
        """Write what is pending: of one table, or of all, parents before children."""
        order = [t.name for t in AuditEntry.metadata.sorted_tables]
        for key in [name] if name else sorted(self.pending, key=order.index):
            table, rows = self.pending.get(key, (None, []))
            if table is not None and rows:
                self.conn.execute(insert(table), rows)
                rows.clear()
        if name is None and self.audit:
            audit = table_of(AuditEntry)
            for start in range(0, len(self.audit), CHUNK):
                self.conn.execute(insert(audit), self.audit[start:start + CHUNK])
            self.audit.clear()


def _plain(value: Any, zone: ZoneInfo) -> Any:
    if isinstance(value, RegionKind | UnitKind | PersonKind | OrganisationKind | TripStatus
                  | EventStatus | ItemKind | EventKind | LeadStage | RsvpState | MemberRole):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(zone).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


class Generator:
    """Builds the rows of the whole dataset, one stage at a time, on one connection."""

    def __init__(self, conn: Connection, scale: float, seed: int) -> None:
        self.conn = conn
        self.rng = random.Random(seed)
        self.counts = Counts.at_scale(scale)
        self.out = _Writer(conn)
        self.next_id: dict[str, int] = {}
        self.labels: dict[str, dict[int, str]] = {}
        self.sample = read_sample()

    # --- helpers ---------------------------------------------------------------------------

    def new_id(self, table: Table) -> int:
        self.next_id[table.name] = self.next_id.get(table.name, 0) + 1
        return self.next_id[table.name]

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def editable(self, table: Table, created: datetime, **fields: Any) -> dict[str, Any]:
        return {"id": self.new_id(table), "uuid": self.uuid(), "revision": 1,
                "created_at": created, "updated_at": created, **fields}

    def snapshot(self, row: dict[str, Any], zone: str = HOME_ZONE, parent: str = "",
                 **collections: Any) -> dict[str, Any]:
        """The content of a created record as the history stores it: references as labels,
        without the reference to the record it is part of (``parent``: an item's trip_id)."""
        tz = ZoneInfo(zone)
        out: dict[str, Any] = {}
        for key, value in row.items():
            if key in SKIPPED or key == parent:
                continue
            if key in REFERENCES:
                name, kind = REFERENCES[key]
                out[name] = self.labels[kind].get(value) if value is not None else None
                continue
            out[key] = _plain(value, tz)
        out.update(collections)
        return {k: v for k, v in out.items() if not _empty(v)}

    def label(self, kind: str, ident: int, text_: str) -> None:
        self.labels.setdefault(kind, {})[ident] = text_

    def stamp(self, year: int) -> datetime:
        """When a record of ``year`` was entered: during the year before or the year itself."""
        start = datetime(year - 1, 11, 1, 9, 0, tzinfo=UTC)
        return start + timedelta(minutes=self.rng.randrange(0, 60 * 24 * 420))

    # --- reference data --------------------------------------------------------------------

    def reference(self) -> None:
        data = self.sample
        self.regions: list[dict[str, Any]] = []
        self.cities: dict[int, list[dict[str, Any]]] = {}
        self.city_by_name: dict[str, dict[str, Any]] = {}
        for r in data["regions"]:
            rid = self.new_id(table_of(Region))
            region = {"id": rid, "code": r["code"], "name_zh": r["name_zh"],
                      "name_en": r["name_en"], "kind": RegionKind(r["kind"]),
                      "position": r["position"]}
            self.out.add(table_of(Region), region)
            self.regions.append(region)
            self.label("region", rid, r["name_zh"])
            for c in r["cities"]:
                cid = self.new_id(table_of(City))
                city = {"id": cid, "region_id": rid, "name_zh": c["name_zh"],
                        "name_en": c["name_en"], "country_code": c["country_code"],
                        "timezone": c["timezone"]}
                self.out.add(table_of(City), city)
                self.cities.setdefault(rid, []).append(city)
                self.city_by_name[c["name_zh"]] = city
                self.label("city", cid, c["name_zh"])
        self.industries: list[dict[str, Any]] = []
        for i in data["industries"]:
            row = {"id": self.new_id(table_of(Industry)), "code": i["code"],
                   "name_zh": i["name_zh"], "name_en": i["name_en"], "position": i["position"]}
            self.out.add(table_of(Industry), row)
            self.industries.append(row)
            self.label("industry", row["id"], i["name_zh"])
        self.units: list[dict[str, Any]] = []
        for u in data["units"]:
            row = {"id": self.new_id(table_of(Unit)), "name_zh": u["name_zh"],
                   "name_en": u["name_en"], "kind": UnitKind(u["kind"])}
            self.out.add(table_of(Unit), row)
            self.units.append(row)
            self.label("unit", row["id"], u["name_zh"])
        self.host_units = [u for u in self.units if u["kind"] is not UnitKind.DEPARTMENT] \
            or self.units
        self.campaigns: dict[int, int] = {}
        base = data["campaign"]
        campaigns = table_of(Campaign)
        per_year = self.counts.trips // self.counts.campaigns
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            row = self.editable(
                campaigns, datetime(year - 1, 11, 1, 1, 0, tzinfo=UTC), year=year,
                name_zh=f"{year} 招商年", name_en=f"{year} Year of Investment Promotion",
                slogan=base["slogan"], target_trips=per_year,
                target_events=self.counts.events // self.counts.campaigns,
                target_hq_visits=self.counts.hq_visits // self.counts.campaigns,
                target_investment_cny=base["target_investment_cny"],
                flagship_threshold_cny=base["flagship_threshold_cny"],
                target_flagship_projects=base["target_flagship_projects"],
                notes="规模测试数据（人物、企业均为虚构）")
            self.label("campaign", row["id"], row["name_zh"])
            self.out.record(campaigns, row, row["name_zh"], self.snapshot(row))
            self.campaigns[year] = row["id"]
        self.out.flush()

    # --- the directory ---------------------------------------------------------------------

    def organisations(self) -> None:
        table = table_of(Organisation)
        industry_by_code = {i["code"]: i["id"] for i in self.industries}
        self.orgs_by_industry: dict[int, list[int]] = {i["id"]: [] for i in self.industries}
        self.companies: list[int] = []
        self.org_names: dict[int, str] = {}
        created = datetime(FIRST_YEAR - 1, 10, 1, 2, 0, tzinfo=UTC)
        kinds = list(OrganisationKind)
        per_industry = dict.fromkeys(industry_by_code, 0)
        sample_orgs = self.sample["organisations"][: self.counts.organisations // 2]
        taken: set[str] = set()
        for n in range(self.counts.organisations):
            if n < len(sample_orgs):
                o = sample_orgs[n]
                fields: dict[str, Any] = {
                    "name_zh": o["name_zh"], "name_en": o["name_en"],
                    "kind": OrganisationKind(o["kind"]),
                    "industry_id": industry_by_code.get(o["industry"] or ""),
                    "fortune_global_500_rank": o["fortune_global_500_rank"],
                    "china_top_500_rank": o["china_top_500_rank"], "hq_city": o["hq_city"],
                    "hq_country": o["hq_country"], "website": o["website"],
                    "talking_points": o["talking_points"], "notes": o["notes"]}
            else:
                code = self.rng.choice(list(industry_by_code))
                kind = OrganisationKind.COMPANY if self.rng.random() < 0.93 else self.rng.choice(kinds)
                if self.rng.random() < 0.12:
                    zh, en, country, city = names.foreign_company_name(self.rng, n)
                else:
                    zh, en = names.company_name(code, per_industry[code])
                    per_industry[code] += 1
                    country, city = "CN", zh[:2]
                while zh in taken:  # two industries' pools can meet; names are unique
                    zh, en = f"{zh}（{n}）", f"{en} ({n})"
                ranked = self.rng.random()
                fields = {
                    "name_zh": zh, "name_en": en, "kind": kind,
                    "industry_id": industry_by_code[code],
                    "fortune_global_500_rank": self.rng.randint(1, 500) if ranked < 0.03 else None,
                    "china_top_500_rank": self.rng.randint(1, 500) if ranked > 0.94 else None,
                    "hq_city": city, "hq_country": country,
                    "website": f"www.example-{n}.com" if self.rng.random() < 0.7 else "",
                    "talking_points": "对接本地产业链配套需求，邀请来莞考察。" if n % 3 == 0 else "",
                    "notes": ""}
            taken.add(fields["name_zh"])
            row = self.editable(table, created + timedelta(seconds=n), **fields)
            self.label("organisation", row["id"], row["name_zh"])
            self.org_names[row["id"]] = row["name_zh"]
            self.out.record(table, row, row["name_zh"], self.snapshot(row))
            if row["industry_id"] is not None:
                self.orgs_by_industry[row["industry_id"]].append(row["id"])
            if row["kind"] is OrganisationKind.COMPANY:
                self.companies.append(row["id"])
        self.out.flush()

    def people(self) -> None:
        table = table_of(Person)
        total = self.counts.people
        created = datetime(FIRST_YEAR - 1, 10, 2, 2, 0, tzinfo=UTC)
        plan = [(PersonKind.CITY_LEADER, max(4, total // 250)),
                (PersonKind.BUREAU_STAFF, max(10, total // 40)),
                (PersonKind.UNIT_STAFF, max(10, total // 5)),
                (PersonKind.DELEGATE, max(6, total // 10))]
        plan.append((PersonKind.EXTERNAL, total - sum(n for _, n in plan)))
        titles = {
            PersonKind.CITY_LEADER: [("副市长", "Vice Mayor"), ("市长", "Mayor"),
                                     ("市委常委", "Member of the Standing Committee")],
            PersonKind.BUREAU_STAFF: [("副局长", "Deputy Director-General"),
                                      ("招商一科科长", "Head, Promotion Division I"),
                                      ("外资科科员", "Officer, Foreign Investment"),
                                      ("英语翻译", "English interpreter")],
            PersonKind.UNIT_STAFF: [("投资促进中心主任", "Director, Investment Centre"),
                                    ("招商专员", "Investment officer")],
            PersonKind.DELEGATE: [("企业代表", "Company representative"),
                                  ("商会代表", "Chamber representative")],
            PersonKind.EXTERNAL: [("总经理", "General Manager"), ("投资总监", "Investment Director"),
                                  ("董事长", "Chairman"), ("中国区总裁", "President, China")],
        }
        self.people_by_kind: dict[PersonKind, list[int]] = {}
        n = 0
        for kind, count in plan:
            for _ in range(count):
                n += 1
                if kind is PersonKind.EXTERNAL and self.rng.random() < 0.25:
                    zh, en, languages = names.foreign_person(self.rng)
                else:
                    zh, en = names.person_name(self.rng)
                    languages = "zh,en" if self.rng.random() < 0.4 else "zh"
                title = self.rng.choice(titles[kind])
                org = self.rng.choice(self.companies) if kind is PersonKind.EXTERNAL else None
                unit = self.rng.choice(self.units)["id"] if kind is PersonKind.UNIT_STAFF else None
                email_name = en.lower().replace(" ", ".").replace("'", "").replace("-", "")
                row = self.editable(
                    table, created + timedelta(seconds=n), name_zh=zh, name_en=en, kind=kind,
                    title_zh=title[0], title_en=title[1], unit_id=unit, organisation_id=org,
                    phone=f"+86 139 {self.rng.randrange(1000, 9999)} {self.rng.randrange(1000, 9999)}",
                    email=f"{email_name}.{n}@{'dg.example.cn' if org is None else 'example.com'}",
                    languages=languages, notes="虚构人物（规模测试数据）")
                self.label("person", row["id"], zh)
                self.out.record(table, row, zh, self.snapshot(row))
                self.people_by_kind.setdefault(kind, []).append(row["id"])
        self.out.flush()
        unit_staff = self.people_by_kind[PersonKind.UNIT_STAFF]
        self.leaders = self.people_by_kind[PersonKind.CITY_LEADER] + \
            self.people_by_kind[PersonKind.BUREAU_STAFF][:5] + unit_staff[: len(unit_staff) // 5]
        self.staff = self.people_by_kind[PersonKind.BUREAU_STAFF] + \
            self.people_by_kind[PersonKind.UNIT_STAFF] + self.people_by_kind[PersonKind.DELEGATE]

    # --- one campaign year -----------------------------------------------------------------

    def status(self, year: int, day: date, cancelled: Sequence[Any], done: Any,
               open_: Sequence[Any]) -> Any:
        if self.rng.random() < 0.06:
            return cancelled[0]
        if year < LAST_YEAR or day < date(LAST_YEAR, 6, 1):
            return done
        return self.rng.choice(open_)

    def trips(self, year: int) -> dict[int, date]:
        table, items = table_of(Trip), table_of(ItineraryItem)
        count = self.counts.trips // self.counts.campaigns
        found: dict[int, date] = {}
        weights = [3, 3, 3, 2, 2, 1][: len(self.regions)]
        for n in range(1, count + 1):
            region = self.rng.choices(self.regions, weights=weights)[0]
            cities = self.rng.sample(self.cities[region["id"]],
                                     min(len(self.cities[region["id"]]), self.rng.choice((1, 1, 2))))
            length = self.rng.randint(2, 9)
            start = date(year, 1, 6) + timedelta(days=self.rng.randrange(0, 340))
            end = start + timedelta(days=length - 1)
            status = self.status(year, start, [TripStatus.CANCELLED], TripStatus.DONE,
                                 [TripStatus.DRAFT, TripStatus.PLANNED, TripStatus.APPROVED])
            leader = self.rng.choice(self.leaders)
            others = self.rng.sample([p for p in self.staff if p != leader], self.rng.randint(2, 7))
            industries = self.rng.sample(self.industries, self.rng.choice((1, 2, 2, 3)))
            targets = list(dict.fromkeys(
                self.rng.choice(self.orgs_by_industry[industries[0]["id"]] or self.companies)
                for _ in range(self.rng.randint(2, 5))))
            places = "、".join(c["name_zh"] for c in cities)
            host = self.rng.choice(self.host_units)
            row = self.editable(
                table, self.stamp(year), code=f"TRIP-{year}-{n:03d}",
                campaign_id=self.campaigns[year],
                title_zh=f"赴{places}开展“有空间、进莞来”{industries[0]['name_zh']}产业招商推介活动",
                title_en=f"Invest Dongguan {industries[0]['name_en']} promotion in "
                         f"{' & '.join(c['name_en'] for c in cities)}",
                region_id=region["id"], start_date=start, end_date=end, leader_id=leader,
                host_unit_id=host["id"], status=status,
                purpose=f"围绕{'、'.join(i['name_zh'] for i in industries)}产业链精准招商，"
                        f"拜访目标企业和机构，宣介东莞投资环境，推动重点项目签约落地。",
                key_messages="1. 东莞是全球知名的制造业名城；\n2. 重点平台可提供成片连片的产业空间；\n"
                             "3. 诚邀来莞实地考察投资环境。",
                logistics=f"住宿：{self.rng.choice(names.HOTELS)}",
                emergency_contacts="东莞市投资促进局值班室：+86 769 2283 0000",
                cancel_reason=self.rng.choice(names.CANCEL_REASONS)
                if status is TripStatus.CANCELLED else "", notes="")
            tid = row["id"]
            self.label("trip", tid, row["code"])
            found[tid] = start
            roles = [MemberRole.DEPUTY, MemberRole.LIAISON, MemberRole.INTERPRETER,
                     MemberRole.SECRETARY, MemberRole.MEMBER, MemberRole.MEMBER, MemberRole.MEDIA]
            members = [(leader, MemberRole.LEADER), *zip(others, roles, strict=False)]
            for position, (pid, role) in enumerate(members):
                self.out.add(table_of(TripMember), {"trip_id": tid, "person_id": pid,
                                                    "role": role, "position": position})
            for c in cities:
                self.out.add(trip_cities, {"trip_id": tid, "city_id": c["id"]})
            for i in industries:
                self.out.add(trip_industries, {"trip_id": tid, "industry_id": i["id"]})
            for o in targets:
                self.out.add(trip_targets, {"trip_id": tid, "organisation_id": o})
            self.out.record(table, row, row["code"], self.snapshot(
                row, cities=sorted(c["name_zh"] for c in cities),
                industries=sorted(i["name_zh"] for i in industries),
                targets=sorted(self.org_names[o] for o in targets),
                members=[{"person": self.labels["person"][p], "role": r.value}
                         for p, r in members]))
            self._items(items, row, cities, [p for p, _ in members], targets, tid)
            self.out.between_records()
        return found

    def _items(self, table: Table, trip: dict[str, Any], cities: list[dict[str, Any]],
               members: list[int], targets: list[int], tid: int) -> None:
        count = items_of(tid)
        days = (trip["end_date"] - trip["start_date"]).days + 1
        plan = [ItemKind.FLIGHT, ItemKind.HOTEL]
        middle = [ItemKind.COMPANY_VISIT, ItemKind.COMPANY_VISIT, ItemKind.PROMOTION_MEETING,
                  ItemKind.BANQUET, ItemKind.SIGNING, ItemKind.TRANSFER, ItemKind.FREE_TIME]
        plan += [self.rng.choice(middle) for _ in range(count - 3)]
        plan.append(ItemKind.FLIGHT)
        for k, kind in enumerate(plan):
            day_index = min(days - 1, k * days // count)
            first_of_day = next(j for j in range(count) if min(days - 1, j * days // count)
                                == day_index)
            day = trip["start_date"] + timedelta(days=day_index)
            slot = clock(8, 0)
            city = cities[min(len(cities) - 1, k * len(cities) // count)]
            zone = ZoneInfo(city["timezone"])
            starts = datetime.combine(day, slot, zone) + timedelta(minutes=100 * (k - first_of_day))
            ends = starts + timedelta(minutes=self.rng.choice((45, 60, 90)))
            org = self.rng.choice(targets) if kind is ItemKind.COMPANY_VISIT else None
            title = {ItemKind.FLIGHT: f"乘机前往{city['name_zh']}" if k == 0 else "乘机返莞",
                     ItemKind.HOTEL: f"入住{self.rng.choice(names.HOTELS)}",
                     ItemKind.COMPANY_VISIT: f"拜访{self.org_names[org] if org else ''}",
                     ItemKind.PROMOTION_MEETING: f"东莞{city['name_zh']}投资推介会",
                     ItemKind.BANQUET: "工作晚宴", ItemKind.SIGNING: "重点项目签约",
                     ItemKind.TRANSFER: "乘车前往下一站", ItemKind.FREE_TIME: "整理资料"}[kind]
            row = self.editable(
                table, trip["created_at"], trip_id=trip["id"], kind=kind, title_zh=title,
                title_en=kind.en, starts_at=starts.astimezone(UTC), ends_at=ends.astimezone(UTC),
                timezone=city["timezone"], city_id=city["id"],
                place=f"{city['name_zh']}（{city['name_en']}）", organisation_id=org,
                notes="", outcome="达成初步合作意向" if kind is ItemKind.SIGNING else "")
            attendees = members[: self.rng.randint(1, len(members))]
            for pid in attendees:
                self.out.add(item_attendees, {"item_id": row["id"], "person_id": pid})
            self.out.record(table, row, title, self.snapshot(
                row, zone=city["timezone"], parent="trip_id",
                attendees=sorted(self.labels["person"][p] for p in attendees)),
                parent=("trips", trip["id"]))

    def events(self, year: int) -> dict[int, date]:
        table = table_of(ThemedEvent)
        count = self.counts.events // self.counts.campaigns
        found: dict[int, date] = {}
        speakers = self.leaders + self.people_by_kind[PersonKind.EXTERNAL][:200]
        for n in range(1, count + 1):
            venue, city_name = self.rng.choice(names.VENUES)
            city = self.city_by_name.get(city_name) or self.city_by_name["东莞"]
            zone = ZoneInfo(city["timezone"])
            day = date(year, 1, 8) + timedelta(days=self.rng.randrange(0, 350))
            theme = self.rng.choice(names.EVENT_THEMES)
            kind = list(EventKind)[names.EVENT_THEMES.index(theme) % len(EventKind)]
            industries = self.rng.sample(self.industries, self.rng.choice((1, 2)))
            status = self.status(year, day, [EventStatus.CANCELLED], EventStatus.DONE,
                                 [EventStatus.DRAFT, EventStatus.PLANNED, EventStatus.APPROVED])
            starts = datetime.combine(day, clock(9, 0), zone)
            sessions = sessions_of(self.next_id.get("themed_events", 0) + 1)
            ends = starts + timedelta(minutes=70 * sessions + 30)
            row = self.editable(
                table, self.stamp(year), code=f"EVT-{year}-{n:03d}",
                campaign_id=self.campaigns[year], kind=kind,
                title_zh=f"{year}东莞{industries[0]['name_zh']}{theme[0]}（第{n}场）",
                title_en=f"{year} Dongguan {industries[0]['name_en']} {theme[1]} #{n}",
                venue=venue, city_id=city["id"], timezone=city["timezone"],
                starts_at=starts.astimezone(UTC), ends_at=ends.astimezone(UTC),
                host_unit_id=self.rng.choice(self.units)["id"],
                lead_person_id=self.rng.choice(self.leaders),
                capacity=self.rng.choice((80, 150, 300, 500, 800)), status=status,
                description=f"围绕{industries[0]['name_zh']}产业，集中展示东莞投资环境，推动项目签约落地。",
                responsibilities="主办：市投资促进局；承办：相关镇街负责企业邀约与现场组织。",
                cancel_reason=self.rng.choice(names.CANCEL_REASONS)
                if status is EventStatus.CANCELLED else "", notes="")
            eid = row["id"]
            self.label("event", eid, row["code"])
            found[eid] = day
            for i in industries:
                self.out.add(event_industries, {"event_id": eid, "industry_id": i["id"]})
            invited = self.rng.sample(self.companies, min(10, len(self.companies)))
            invitations = []
            for org in invited:
                rsvp = self.rng.choice(list(RsvpState)) if status is not EventStatus.DONE else \
                    self.rng.choice((RsvpState.ATTENDED, RsvpState.ATTENDED, RsvpState.DECLINED))
                inv = {"event_id": eid, "organisation_id": org, "rsvp": rsvp,
                       "guests": self.rng.randint(1, 4), "notes": ""}
                self.out.add(table_of(Invitation), inv)
                invitations.append({"organisation": self.org_names[org], "rsvp": rsvp.value,
                                    "guests": inv["guests"]})
            self.out.record(table, row, row["code"], self.snapshot(
                row, zone=city["timezone"],
                industries=sorted(i["name_zh"] for i in industries),
                invitations=sorted(invitations, key=lambda i: i["organisation"])))
            for k in range(sessions):
                title = names.SESSION_TITLES[k % len(names.SESSION_TITLES)]
                s_start = starts + timedelta(minutes=70 * k)
                speakers_of = self.rng.sample(speakers, self.rng.choice((1, 1, 2)))
                srow = self.editable(
                    table_of(AgendaSession), row["created_at"], event_id=eid,
                    title_zh=title[0], title_en=title[1], starts_at=s_start.astimezone(UTC),
                    ends_at=(s_start + timedelta(minutes=60)).astimezone(UTC),
                    room=self.rng.choice(names.ROOMS), notes="")
                for pid in speakers_of:
                    self.out.add(session_speakers, {"session_id": srow["id"], "person_id": pid})
                self.out.record(table_of(AgendaSession), srow, title[0], self.snapshot(
                    srow, zone=city["timezone"], parent="event_id",
                    speakers=sorted(self.labels["person"][p] for p in speakers_of)),
                    parent=("themed_events", eid))
            self.out.between_records()
        return found

    def leads(self, year: int, trips: dict[int, date], events: dict[int, date]) -> None:
        table = table_of(Lead)
        count = self.counts.leads // self.counts.campaigns
        stages = [LeadStage.CONTACT, LeadStage.NEGOTIATION, LeadStage.SIGNED,
                  LeadStage.CONSTRUCTION, LeadStage.FUNDS_IN, LeadStage.PRODUCTION,
                  LeadStage.DROPPED]
        weights = [4, 3, 2, 1, 1, 1, 1] if year == LAST_YEAR else [1, 1, 2, 2, 2, 3, 2]
        trip_ids, event_ids = list(trips), list(events)
        for n in range(1, count + 1):
            org = self.rng.choice(self.companies)
            stage = self.rng.choices(stages, weights=weights)[0]
            first = date(year, 1, 1) + timedelta(days=self.rng.randrange(0, 300))
            signed = first + timedelta(days=self.rng.randrange(10, 60)) if stage in (
                LeadStage.SIGNED, LeadStage.CONSTRUCTION, LeadStage.FUNDS_IN,
                LeadStage.PRODUCTION) else None
            amount = self.rng.choice((5, 8, 10, 20, 30, 50, 80, 120, 300)) * 10_000_000
            industry = self.rng.choice(self.industries)
            source = self.rng.random()
            row = self.editable(
                table, self.stamp(year), code=f"LEAD-{year}-{n:03d}",
                campaign_id=self.campaigns[year],
                title_zh=f"{self.org_names[org]}{industry['name_zh']}项目",
                title_en=f"{industry['name_en']} project", organisation_id=org,
                industry_id=industry["id"], amount_cny=amount, stage=stage,
                unit_id=self.rng.choice(self.host_units)["id"],
                source_trip_id=self.rng.choice(trip_ids) if source < 0.25 else None,
                source_event_id=self.rng.choice(event_ids) if 0.25 <= source < 0.45 else None,
                first_contact_on=first, signed_on=signed,
                funds_in_cny=amount // 2 if stage in (LeadStage.FUNDS_IN,
                                                      LeadStage.PRODUCTION) else 0,
                notes="")
            self.out.record(table, row, row["code"], self.snapshot(row))

    def teams(self) -> None:
        """The 100 teams of 百队千企 (team records since migration 0016), in the first year."""
        table = table_of(Team)
        self.team_ids: list[int] = []
        for n in range(1, self.counts.teams + 1):
            row = self.editable(
                table, self.stamp(FIRST_YEAR), campaign_id=self.campaigns[FIRST_YEAR],
                name=f"第{n}小分队", leader_id=None,
                unit_id=self.host_units[n % len(self.host_units)]["id"], target_visits=10,
                notes="")
            self.out.record(table, row, row["name"], self.snapshot(row))
            self.team_ids.append(row["id"])

    def hq_visits(self, year: int, trips: dict[int, date]) -> None:
        table = table_of(HqVisit)
        count = self.counts.hq_visits // self.counts.campaigns
        trip_items = list(trips.items())
        for _ in range(count):
            org = self.rng.choice(self.companies)
            trip = self.rng.choice(trip_items) if self.rng.random() < 0.1 else None
            day = trip[1] if trip else date(year, 1, 3) + timedelta(days=self.rng.randrange(0, 360))
            row = self.editable(
                table, self.stamp(year), campaign_id=self.campaigns[year], organisation_id=org,
                unit_id=self.rng.choice(self.host_units)["id"], visited_on=day,
                team_id=self.rng.choice(self.team_ids),
                status=VisitStatus.DONE.value, place="", outcome="", follow_up_lead_id=None,
                trip_id=trip[0] if trip else None, notes="")
            label = f"{self.org_names[org]} {day}"
            self.out.record(table, row, label, self.snapshot(row))

    def counters(self) -> None:
        per_year = {"TRIP": self.counts.trips, "EVT": self.counts.events,
                    "LEAD": self.counts.leads}
        for prefix, total in per_year.items():
            for year in range(FIRST_YEAR, LAST_YEAR + 1):
                self.out.add(code_counters, {"stem": f"{prefix}-{year}-",
                                             "last": total // self.counts.campaigns})
        self.out.flush()

    def run(self) -> None:
        self.reference()
        self.organisations()
        self.people()
        self.teams()
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            trips = self.trips(year)
            events = self.events(year)
            self.out.flush()
            self.leads(year, trips, events)
            self.hq_visits(year, trips)
            self.out.flush()
        self.counters()


def _reset_sequences(conn: Connection, tables: Iterable[Table]) -> None:
    """PostgreSQL: the id sequences continue after the ids given here."""
    for table in tables:
        if "id" in table.c and table.c.id.primary_key:
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 1))"))


def generate(url: str, scale: float = 1.0, seed: int = 1) -> dict[str, int]:
    """Fill the empty database at ``url`` (migrated first); returns the row counts."""
    engine, _sessions = open_database(url)
    try:
        with engine.connect() as conn:
            if conn.scalar(select(func.count()).select_from(table_of(Campaign))):
                raise SystemExit(f"the database already holds a campaign: {url}")
        with engine.begin() as conn:
            gen = Generator(conn, scale, seed)
            gen.run()
            if engine.dialect.name == "postgresql":
                _reset_sequences(conn, AuditEntry.metadata.sorted_tables)
            else:  # on SQLite the program hashes the history's chain (the trigger does on PG)
                chain_unhashed(conn)
        return count_rows(engine)
    finally:
        engine.dispose()


COUNTED = {"campaigns": Campaign, "trips": Trip, "items": ItineraryItem, "events": ThemedEvent,
           "sessions": AgendaSession, "invitations": Invitation, "organisations": Organisation,
           "people": Person, "leads": Lead, "hq_visits": HqVisit, "teams": Team,
           "audit_log": AuditEntry}


def count_rows(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {name: int(conn.scalar(select(func.count()).select_from(table_of(model))) or 0)
                for name, model in COUNTED.items()}


def expected(scale: float) -> dict[str, int]:
    """The counts ``generate`` gives at ``scale`` (the history: one row per record)."""
    counts = asdict(Counts.at_scale(scale))
    counts["audit_log"] = sum(v for k, v in counts.items() if k != "invitations")
    return counts


def sqlite_file(path: str | None, scale: float = 1.0) -> str:
    """The URL of the scale database in the SQLite file ``path``, generated at ``scale`` when
    the file does not exist yet (a temporary file without ``path``)."""
    file = Path(path) if path else Path(tempfile.mkdtemp()) / "scale.db"
    url = f"sqlite:///{file}"
    if not file.exists():
        started = time.perf_counter()
        counts = generate(url, scale)
        print(f"generated {counts} in {time.perf_counter() - started:.1f} s → {file}")
    return url


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--db", required=True, help="SQLAlchemy URL or SQLite file (empty)")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0: ten years, 5,000 trips")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = generate(args.db, args.scale, args.seed)
    seconds = time.perf_counter() - started
    print(", ".join(f"{k} {v:,}" for k, v in counts.items()) + f" in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
