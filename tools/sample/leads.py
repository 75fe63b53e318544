"""Investment leads (projects) and the headquarters visits of the 100 teams (百队千企)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from tools.sample.trips import TODAY
from tools.sample.units import TOWN_UNITS

PROJECTS: dict[str, list[tuple[str, str]]] = {
    "NEV": [("新能源汽车零部件生产基地", "NEV parts plant"), ("华南研发中心", "South China R&D centre"),
            ("电驱动系统项目", "E-drive systems plant")],
    "SMT": [("智能终端制造基地", "Smart devices plant"), ("精密结构件项目", "Precision parts plant"),
            ("影像模组研发中心", "Camera module R&D centre")],
    "SEMI": [("功率半导体封测项目", "Power semiconductor packaging"), ("碳化硅外延片项目", "SiC epitaxy"),
             ("芯片设计华南总部", "Chip design HQ for South China")],
    "ROBOT": [("工业机器人生产基地", "Industrial robot plant"), ("服务机器人研发中心", "Service robot R&D")],
    "STORAGE": [("储能电池生产基地", "Storage battery plant"), ("储能系统集成项目", "Storage systems plant")],
    "EBIKE": [("电动自行车整车基地", "E-bike assembly plant"),
              ("电机与电控项目", "Motor and controller plant")],
    "MED": [("高端影像设备生产基地", "Imaging equipment plant"), ("体外诊断试剂项目", "IVD reagents plant")],
    "FOOD": [("预制菜中央厨房项目", "Central kitchen for prepared meals"),
             ("冷链食品加工基地", "Cold-chain food processing")],
    "SOFT": [("信创适配中心", "Domestic software adaptation centre"),
             ("区域数据中心", "Regional data centre")],
}

# stage: how many flagship leads (>= 5 bn), how many others
STAGES: list[tuple[str, int, int]] = [
    ("contact", 0, 9), ("negotiation", 2, 11), ("signed", 3, 10), ("construction", 3, 7),
    ("funds_in", 2, 5), ("production", 2, 4), ("dropped", 0, 4),
]
SIGNED = {"signed", "construction", "funds_in", "production"}


def build_leads(rng: random.Random, orgs: list[dict[str, Any]], trips: list[dict[str, Any]],
                events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    companies = [o for o in orgs if o["kind"] == "company"]
    done_trips = [t for t in trips if t["status"] == "done"]
    done_events = [e for e in events if e["status"] == "done"]
    slots = [(stage, flagship) for stage, f, n in STAGES for flagship in [True] * f + [False] * n]
    rng.shuffle(slots)
    leads: list[dict[str, Any]] = []
    used: set[str] = set()
    for stage, flagship in slots:
        source_trip = source_event = None
        if rng.random() < 0.5:
            trip = rng.choice(done_trips)
            source_trip = trip["code"]
            options = [o for o in companies if o["name_zh"] in trip["targets"]]
            first = date.fromisoformat(trip["start_date"])
            unit = trip["host_unit"]
        else:
            event = rng.choice(done_events)
            source_event = event["code"]
            options = [o for o in companies if o["industry"] in event["industries"]]
            first = date.fromisoformat(event["start"][:10])
            unit = event["host_unit"] if rng.random() < 0.4 else rng.choice(TOWN_UNITS)
        options = [o for o in options if o["name_zh"] not in used] or [
            o for o in companies if o["name_zh"] not in used]
        org = rng.choice(options)
        used.add(org["name_zh"])
        first -= timedelta(days=rng.randint(0, 20))
        signed_on = None
        if stage in SIGNED:
            signed_on = first + timedelta(days=rng.randint(20, 90))
            if signed_on >= TODAY:
                signed_on = TODAY - timedelta(days=rng.randint(1, 10))
        amount = (rng.randint(50, 120) * 100_000_000 if flagship
                  else rng.randint(2, 45) * 100_000_000)
        share = {"funds_in": rng.uniform(0.2, 0.6), "production": rng.uniform(0.6, 1.0),
                 "construction": rng.uniform(0.0, 0.15)}.get(stage, 0.0)
        zh, en = rng.choice(PROJECTS[org["industry"]])
        leads.append({
            "title_zh": f"{org['name_zh']}{zh}", "title_en": f"{org['name_en']}: {en}",
            "organisation": org["name_zh"], "industry": org["industry"], "amount_cny": amount,
            "stage": stage, "unit": unit, "source_trip": source_trip, "source_event": source_event,
            "first_contact_on": first.isoformat(),
            "signed_on": signed_on.isoformat() if signed_on else None,
            "funds_in_cny": int(amount * share) // 1_000_000 * 1_000_000,
            "notes": "旗舰项目（50 亿元以上）" if flagship else "",
        })
    leads.sort(key=lambda lead: (lead["first_contact_on"], lead["title_zh"]))
    for number, lead in enumerate(leads, start=1):
        lead["code"] = f"LEAD-2023-{number:03d}"
    return leads


# the newest results still wait for a planner's confirmation (the leaderboard shows them apart)
LEADS_CONFIRMED_BEFORE = "2023-10-28"
VISITS_CONFIRMED_BEFORE = "2023-11-03"
SIGNED = ("signed", "construction", "funds_in", "production")


def mark_confirmed(leads: list[dict[str, Any]], visits: list[dict[str, Any]]) -> None:
    """Signed projects and done visits are confirmed, except the newest few."""
    for lead in leads:
        lead["confirmed"] = bool(lead["stage"] in SIGNED and lead["signed_on"]
                                 and lead["signed_on"] < LEADS_CONFIRMED_BEFORE)
    for visit in visits:
        visit["confirmed"] = (visit.get("status", "done") == "done"
                              and visit["visited_on"] < VISITS_CONFIRMED_BEFORE)
