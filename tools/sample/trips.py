"""The promotion trips: delegations, statuses, texts and itineraries."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from tools.sample.itinerary import Itinerary
from tools.sample.people import Directory
from tools.sample.regions import INDUSTRY_ZH
from tools.sample.schedule import Busy
from tools.sample.travel import EMBASSY
from tools.sample.trip_days import run_program
from tools.sample.trip_plans import CANCELLED, DOUBLE_BOOKED_MEDIA, TRIP_PLANS
from tools.sample.trip_program import TripProgram

TODAY = date(2023, 11, 6)  # the day the sample is "seen": earlier trips are done

KEY_MESSAGES = [
    "东莞是全球知名的制造业名城，拥有完整的电子信息、装备制造产业链和 20 余万家工业企业；",
    "松山湖、滨海湾新区、水乡功能区、银瓶合作创新区等重点平台可提供成片连片的产业空间；",
    "对战略性新兴产业基地实行“一基地一政策”“一镇一策”，设立专项资金支持重大项目；",
    "“有空间、进莞来”：诚邀出席 2023 东莞全球招商大会，实地考察投资环境。",
]


def _status(start: date, end: date, title: str, late: bool) -> str:
    if title in CANCELLED:
        return "cancelled"
    if end < TODAY:
        return "done"
    if late:
        return "draft"
    if (start - TODAY).days <= 21:
        return "approved"
    return "planned"


def _interpreters(d: Directory, region: str, cities: list[str], orgs_cc: set[str]) -> list[str]:
    tags: list[str] = []
    if region == "JPKR":
        tags = [t for t, cc in (("interp_ja", "JP"), ("interp_ko", "KR")) if cc in orgs_cc]
    elif region == "EUUS":
        tags = ["interp_de"] if "DE" in orgs_cc else ["interp_en"]
    return [n for t in tags for n in d.by_tag.get(t, [])]


def build_trips(rng: random.Random, d: Directory, orgs: dict[str, dict[str, Any]],
                busy: Busy, phones: dict[str, str]) -> list[dict[str, Any]]:
    plans = sorted(TRIP_PLANS, key=lambda p: (p[1], p[0]))
    media = d.by_tag["media"][0]
    trips: list[dict[str, Any]] = []
    leader_turn = 2
    for number, plan in enumerate(plans, start=1):
        region, s, e, title_zh, title_en, cities, industries, targets, host = plan
        start, end = date.fromisoformat(f"2023-{s}"), date.fromisoformat(f"2023-{e}")
        late = number > len(plans) - 2
        status = _status(start, end, title_zh, late)

        def free(name: str, start: date = start, end: date = end) -> bool:
            return busy.free(name, start, end)

        order = d.leaders[leader_turn:] + d.leaders[:leader_turn]
        leader = next(n for n in order if free(n))
        leader_turn = (d.leaders.index(leader) + 1) % len(d.leaders)
        members: list[tuple[str, str]] = [(leader, "leader")]

        def pick(names: list[str], role: str, members: list[tuple[str, str]] = members) -> None:
            taken = {m for m, _ in members}
            options = [n for n in names if n not in taken and free(n)]
            if options:
                members.append((rng.choice(options), role))

        pick(d.by_tag["head"] + d.by_tag["deputy"], "deputy")
        host_staff = d.unit_staff.get(host)
        if host_staff and free(host_staff):
            members.append((host_staff, "member"))
        pick([v for k, v in d.unit_staff.items() if k != host], "member")
        pick(d.by_tag["liaison"] + d.by_tag["officer"], "liaison")
        cc = {orgs[t]["hq_country"] for t in targets}
        for name in _interpreters(d, region, cities, cc)[:2]:
            if free(name) and name not in {m for m, _ in members}:
                members.append((name, "interpreter"))
        pick(d.by_tag["secretary"], "secretary")
        if title_zh in DOUBLE_BOOKED_MEDIA:
            members.append((media, "media"))
        elif rng.random() < 0.5:
            pick([n for n in d.by_tag["media"] if n != media], "media")
        if rng.random() < 0.3 and len(members) < 9:
            pick(d.by_tag["ambassador"], "member")
        assert 4 <= len(members) <= 10, (title_zh, members)
        if status != "cancelled":
            for name, _ in members:
                busy.book(name, start, end)

        names = [m for m, _ in members]
        it = Itinerary(start, end, names, status == "done", rng)
        industries_zh = "、".join(INDUSTRY_ZH[i] for i in industries)
        prog = TripProgram(it, region, cities, targets, orgs, industries_zh)
        run_program(prog, start, end)
        liaison = next((m for m, r in members if r == "liaison"), names[1])
        countries = sorted({orgs[t]["hq_country"] for t in targets} - {"CN"})
        embassy = "；".join(EMBASSY[c] for c in countries if EMBASSY.get(c))
        trips.append({
            "code": f"TRIP-2023-{number:03d}", "title_zh": title_zh, "title_en": title_en,
            "region": region, "start_date": start.isoformat(), "end_date": end.isoformat(),
            "leader": leader, "host_unit": host, "status": status,
            "cancel_reason": CANCELLED.get(title_zh, ""),
            "cities": cities, "industries": industries, "targets": targets,
            "members": [[m, r] for m, r in members],
            "purpose": (f"围绕{industries_zh}产业链精准招商，拜访{'、'.join(targets[:3])}等目标企业和机构，"
                        "宣介东莞投资环境，推动重点项目签约落地。"),
            "key_messages": "\n".join(f"{i}. {t}" for i, t in enumerate(KEY_MESSAGES, start=1)),
            "logistics": "\n".join([*prog.legs, "住宿：" + "、".join(
                sorted({i["place"] for i in it.items if i["kind"] == "hotel"}) or ["不安排住宿"])]),
            "emergency_contacts": "\n".join(filter(None, [
                f"团组联络员：{liaison} {phones[liaison]}",
                f"{embassy}（外交部全球领事保护与服务应急热线 +86 10 12308）" if embassy else "",
                "东莞市投资促进局值班室：+86 769 2283 0000",
            ])),
            "notes": "",
            "items": it.items,
        })
    return trips
