"""The themed events: lead persons, agenda sessions, invitations and statuses."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from tools.sample.event_plans import CANCELLED_EVENTS, CONFERENCE, EVENT_PLANS, LEADER_AWAY
from tools.sample.people import Directory
from tools.sample.regions import INDUSTRY_ZH, ZONE_OF
from tools.sample.schedule import Busy
from tools.sample.trips import TODAY

# title_zh, title_en, minutes, who speaks: lead | head | guests | none
AGENDA: dict[str, list[tuple[str, str, int, str]]] = {
    "industry_summit": [
        ("开幕式及领导致辞", "Opening and addresses", 30, "lead"),
        ("主旨演讲：产业趋势与布局", "Keynotes: industry trends", 60, "guests"),
        ("东莞产业投资环境推介", "Invest Dongguan presentation", 30, "head"),
        ("午餐交流", "Networking lunch", 90, "none"),
        ("圆桌对话：产业链协同与合作机会", "Panel: supply-chain cooperation", 75, "guests"),
        ("重点项目签约", "Project signing", 45, "lead"),
        ("参观本地龙头企业", "Visit to local lead firms", 60, "none"),
    ],
    "multinational_tour": [
        ("欢迎致辞", "Welcome address", 20, "lead"),
        ("外资政策与营商环境介绍", "Policies for foreign investors", 40, "head"),
        ("跨国企业代表分享", "Multinationals share their experience", 45, "guests"),
        ("实地考察园区与企业", "Site visits", 60, "none"),
    ],
    "vip_meeting": [
        ("市领导致辞", "Address by the city leader", 20, "lead"),
        ("东莞投资机会推介", "Investment opportunities", 40, "head"),
        ("尊享会客：一对一洽谈", "One-to-one meetings", 70, "guests"),
    ],
    "signing_ceremony": [
        ("领导致辞", "Addresses", 20, "lead"),
        ("项目情况介绍", "The projects", 30, "head"),
        ("集中签约", "Signing", 60, "guests"),
        ("合影留念", "Group photo", 20, "none"),
    ],
    "other": [
        ("开场致辞", "Opening", 20, "lead"),
        ("主题发布与介绍", "Presentation", 60, "head"),
        ("交流互动", "Discussion", 60, "guests"),
    ],
}
CONFERENCE_AGENDA = [
    ("大会开幕式", "Opening ceremony", 60, "lead"), ("东莞投资环境推介", "Invest Dongguan", 45, "head"),
    ("全球 500 强企业高峰对话", "Fortune 500 dialogue", 90, "guests"),
    ("午餐交流", "Networking lunch", 90, "none"), ("重大项目集中签约", "Major projects signing", 60, "lead"),
    ("九大产业平行论坛（一）", "Parallel industry forums (I)", 120, "guests"),
    ("@09:00", "", 0, "none"),
    ("九大产业平行论坛（二）", "Parallel industry forums (II)", 150, "guests"),
    ("招商大使聘任及“以商引商”分享", "Investment ambassadors", 60, "head"),
    ("午餐交流", "Networking lunch", 90, "none"),
    ("重点片区及园区推介", "Parks and zones presentations", 90, "head"),
    ("闭幕式暨招商引资英雄榜发布", "Closing and leaderboard", 60, "lead"),
]


def _parse(day: str, spec: str) -> datetime:
    if " " in spec:
        day, spec = spec.split(" ")
    return datetime.fromisoformat(f"2023-{day}T{spec}")


def _sessions(kind: str, start: datetime, end: datetime, lead: str, head: str,
              guests: list[str], room: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cursor = start
    for title_zh, title_en, minutes, who in CONFERENCE_AGENDA if kind == "global_conference" \
            else AGENDA[kind]:
        if title_zh.startswith("@"):
            cursor = (cursor + timedelta(days=1)).replace(hour=9, minute=0)
            continue
        stop = cursor + timedelta(minutes=minutes)
        if stop > end:
            break
        speakers = {"lead": [lead], "head": [head], "guests": guests[:2], "none": []}[who]
        out.append({"title_zh": title_zh, "title_en": title_en,
                    "start": cursor.strftime("%Y-%m-%dT%H:%M"), "end": stop.strftime("%Y-%m-%dT%H:%M"),
                    "room": room, "speakers": speakers, "notes": ""})
        cursor = stop + timedelta(minutes=10)
    return out


def _rsvp(rng: random.Random, done: bool) -> str:
    if done:
        return rng.choices(["attended", "declined"], [8, 2])[0]
    return rng.choices(["invited", "accepted", "tentative", "declined"], [3, 4, 2, 1])[0]


def build_events(rng: random.Random, d: Directory, orgs: list[dict[str, Any]], busy: Busy,
                 trips: list[dict[str, Any]]) -> list[dict[str, Any]]:
    trip_leader = {t["title_zh"]: t["leader"] for t in trips}
    head = d.by_tag["head"][0]
    guests_pool = [p["name_zh"] for p in d.people if p["kind"] == "external"]
    events: list[dict[str, Any]] = []
    turn = 0
    for number, plan in enumerate(sorted(EVENT_PLANS, key=lambda p: (p[0], p[1])), start=1):
        day, s, e, kind, title_zh, title_en, venue, city, industries, host, capacity = plan
        start, end = _parse(day, s), _parse(day, e)
        on = date.fromisoformat(f"2023-{day}")
        if title_zh == LEADER_AWAY[0]:
            lead = trip_leader[LEADER_AWAY[1]]
        elif title_zh == CONFERENCE:
            lead = d.leaders[0]
        else:
            order = d.leaders[turn:] + d.leaders[:turn]
            lead = next(n for n in order if busy.free(n, on, end.date()))
            turn = (d.leaders.index(lead) + 1) % len(d.leaders)
        cancelled = title_zh in CANCELLED_EVENTS
        if not cancelled:
            busy.book(lead, on, end.date())
        status = ("cancelled" if cancelled else "done" if end.date() < TODAY else
                  "approved" if (on - TODAY).days <= 21 else "planned")
        if number == len(EVENT_PLANS):
            status = "draft"
        wanted = set(industries)
        pool = [o for o in orgs if (o["industry"] in wanted or not wanted)
                and o["kind"] == "company"]
        others = [o for o in orgs if o["kind"] != "company"]
        n_inv = 20 if kind == "global_conference" else rng.randint(5, 14)
        chosen = rng.sample(pool, min(len(pool), n_inv - 3)) + rng.sample(others, 3)
        guests = [g for g in guests_pool if any(
            p["organisation"] == c["name_zh"] for c in chosen for p in d.people
            if p["name_zh"] == g)] or rng.sample(guests_pool, 2)
        ind_zh = "、".join(INDUSTRY_ZH[i] for i in industries) or "综合"
        units = [host, "市投资促进局", rng.choice(["松山湖高新区", "滨海湾新区", "长安镇", "塘厦镇"])]
        events.append({
            "code": f"EVT-2023-{number:03d}", "kind": kind, "title_zh": title_zh,
            "title_en": title_en, "venue": venue, "city": city, "timezone": ZONE_OF[city],
            "start": start.strftime("%Y-%m-%dT%H:%M"), "end": end.strftime("%Y-%m-%dT%H:%M"),
            "host_unit": host, "lead_person": lead, "capacity": capacity, "status": status,
            "industries": industries,
            "description": f"围绕{ind_zh}产业，集中展示东莞“有空间、进莞来”的投资环境，"
                           f"邀请目标企业高层来莞洽谈，推动项目签约落地。",
            "responsibilities": f"主办：{units[0]}；承办：{units[1]}负责企业邀约与议程；"
                                f"{units[2]}负责项目对接与现场参观；市外事局协助外宾接待。",
            "cancel_reason": CANCELLED_EVENTS.get(title_zh, ""),
            "notes": "",
            "sessions": _sessions(kind, start, end, lead, head, guests, venue),
            "invitations": [
                {"organisation": o["name_zh"], "rsvp": _rsvp(rng, status == "done"),
                 "guests": rng.randint(1, 4), "notes": ""} for o in chosen],
        })
    return events
