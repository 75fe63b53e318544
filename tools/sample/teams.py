"""百队千企 in the sample: 100 teams with leaders and members, a 1,000-organisation target list
(the sample's companies plus generated ones, names by industry and country), visits spread
over the year (done before the day the sample is seen, planned after it), the chain leaders
(链长) of the nine key industries and the city leaders linked to key projects (挂点领导).

Everything here draws on its own ``random.Random`` so that the rest of the sample stays as it is.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from tools.sample.names import GIVEN, SURNAMES
from tools.sample.trips import TODAY
from tools.sample.units import TOWN_UNITS

SEED = 2023_16
TEAMS = 100
TARGETS = 1000

# (region, weight, [(city_zh, city_en, country)])
PLACES: list[tuple[str, int, list[tuple[str, str, str]]]] = [
    ("EUUS", 24, [("慕尼黑", "Munich", "DE"), ("斯图加特", "Stuttgart", "DE"),
                  ("法兰克福", "Frankfurt", "DE"), ("巴黎", "Paris", "FR"), ("伦敦", "London", "GB"),
                  ("阿姆斯特丹", "Amsterdam", "NL"), ("米兰", "Milan", "IT"),
                  ("圣何塞", "San Jose", "US"), ("波士顿", "Boston", "US"),
                  ("底特律", "Detroit", "US"), ("纽约", "New York", "US")]),
    ("JPKR", 20, [("东京", "Tokyo", "JP"), ("大阪", "Osaka", "JP"), ("名古屋", "Nagoya", "JP"),
                  ("首尔", "Seoul", "KR"), ("釜山", "Busan", "KR")]),
    ("HKMO", 6, [("香港", "Hong Kong", "HK"), ("澳门", "Macau", "MO")]),
    ("JJJ", 12, [("北京", "Beijing", "CN"), ("天津", "Tianjin", "CN"),
                 ("石家庄", "Shijiazhuang", "CN")]),
    ("YRD", 20, [("上海", "Shanghai", "CN"), ("苏州", "Suzhou", "CN"), ("杭州", "Hangzhou", "CN"),
                 ("南京", "Nanjing", "CN"), ("合肥", "Hefei", "CN")]),
    ("LOCAL", 18, [("深圳", "Shenzhen", "CN"), ("广州", "Guangzhou", "CN"),
                   ("东莞", "Dongguan", "CN")]),
]
REGION_OF_CITY = {city: region for region, _w, cities in PLACES for city, _e, _c in cities}
REGION_OF_CITY.update({"保定": "JJJ", "无锡": "YRD", "常州": "YRD", "金华": "YRD",
                       "惠州": "LOCAL", "湛江": "LOCAL", "云浮": "LOCAL"})
FOREIGN_REGION = {"JP": "JPKR", "KR": "JPKR", "HK": "HKMO", "MO": "HKMO"}

# industry: (Chinese company word, English company word)
TRADES: dict[str, list[tuple[str, str]]] = {
    "NEV": [("新能源汽车", "New Energy Vehicle"), ("汽车电子", "Automotive Electronics"),
            ("电驱动", "E-Drive")],
    "SMT": [("智能终端", "Smart Devices"), ("精密电子", "Precision Electronics"),
            ("光学影像", "Optics")],
    "SEMI": [("半导体", "Semiconductor"), ("微电子", "Microelectronics"), ("芯片", "Chips")],
    "ROBOT": [("机器人", "Robotics"), ("智能装备", "Intelligent Equipment"),
              ("自动化", "Automation")],
    "STORAGE": [("储能", "Energy Storage"), ("电池", "Battery"), ("电力电子", "Power Electronics")],
    "EBIKE": [("电动车", "E-Mobility"), ("电机", "Motors"), ("两轮车", "Two-Wheelers")],
    "MED": [("医疗器械", "Medical Devices"), ("生物医疗", "Biomedical"), ("医学影像", "Medical Imaging")],
    "FOOD": [("食品", "Foods"), ("餐饮供应链", "Food Supply Chain"), ("冷链食品", "Cold-Chain Foods")],
    "SOFT": [("软件", "Software"), ("信息技术", "Information Technology"),
             ("数据科技", "Data Technology")],
}
CN_BRANDS = [("恒锐", "Hengrui"), ("远航", "Yuanhang"), ("华科", "Huake"), ("博创", "Bochuang"),
             ("鼎盛", "Dingsheng"), ("启航", "Qihang"), ("天元", "Tianyuan"), ("瑞丰", "Ruifeng"),
             ("晶合", "Jinghe"), ("芯源", "Xinyuan"), ("智远", "Zhiyuan"), ("联创", "Lianchuang"),
             ("泰格", "Taige"), ("嘉和", "Jiahe"), ("长风", "Changfeng"), ("宏图", "Hongtu"),
             ("汇川", "Huichuan"), ("光启", "Guangqi"), ("蓝海", "Lanhai"), ("云帆", "Yunfan"),
             ("立信", "Lixin"), ("正泰", "Zhengtai"), ("德润", "Derun"), ("中恒", "Zhongheng"),
             ("和光", "Heguang"), ("北辰", "Beichen"), ("同创", "Tongchuang"), ("星驰", "Xingchi")]
JP_BRANDS = [("北村", "Kitamura"), ("高桥", "Takahashi"), ("松田", "Matsuda"),
             ("藤原", "Fujiwara"), ("石川", "Ishikawa"), ("森田", "Morita"), ("三浦", "Miura"),
             ("冈本", "Okamoto"), ("野村", "Nomura"), ("西田", "Nishida"), ("大和", "Yamato"),
             ("樱井", "Sakurai")]
KR_BRANDS = [("大韩", "Daehan"), ("韩星", "Hanseong"), ("东邦", "Dongbang"), ("新亚", "Shina"),
             ("永信", "Youngshin"), ("世进", "Sejin"), ("未来", "Mirae"), ("光明", "Gwangmyeong")]
WEST_BRANDS = [("诺德沃克", "Nordwerk"), ("阿尔皮纳", "Alpina"), ("莱茵", "Rhein"),
               ("卢门", "Lumen"), ("维泰克斯", "Vertex"), ("布莱特", "Bright"),
               ("科博特", "Kobalt"), ("麦里迪安", "Meridian"), ("塞拉", "Sierra"),
               ("阿特拉斯", "Atlas"), ("海利昂", "Helion"), ("奥罗拉", "Aurora"),
               ("斯特林", "Sterling"), ("卡斯凯德", "Cascade"), ("诺瓦", "Nova"),
               ("泽尼特", "Zenith"), ("奥利安", "Orion"), ("贝尔蒙", "Belmont")]
LEGAL = {"DE": "GmbH", "FR": "SAS", "GB": "Ltd", "NL": "B.V.", "IT": "S.p.A.", "US": "Inc.",
         "JP": "Co., Ltd.", "KR": "Co., Ltd.", "HK": "Limited", "MO": "Limitada"}
LEADER_TITLES = {"park": ("管委会副主任", "Deputy Director of the Administrative Committee"),
                 "town": ("副镇长", "Deputy Town Head"),
                 "other": ("副局长", "Deputy Director-General")}
MEMBER_TITLES = [("招商专员", "Investment Officer"), ("经济发展局科长", "Section Chief, Economy"),
                 ("招商服务中心主任", "Head of the Investment Service Centre"),
                 ("产业研究员", "Industry Analyst")]
OUTCOMES = [
    "介绍东莞产业政策与空间载体，企业有意在华南布局研发中心。",
    "企业正评估产能扩张选址，约定下月赴东莞实地考察。",
    "洽谈供应链本地配套，企业愿推荐上游伙伴来莞投资。",
    "企业暂无新增投资计划，保持联系并邀请参加全球招商大会。",
    "对接松山湖科创资源，企业拟设立区域总部。",
    "了解企业海外市场布局，商定建立季度对接机制。",
]


@dataclass
class Results:
    people: list[dict[str, Any]] = field(default_factory=list)
    organisations: list[dict[str, Any]] = field(default_factory=list)
    teams: list[dict[str, Any]] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    chain_leaders: list[dict[str, Any]] = field(default_factory=list)


def region_of(org: dict[str, Any]) -> str | None:
    if org["hq_country"] == "CN":
        return REGION_OF_CITY.get(org["hq_city"])
    return FOREIGN_REGION.get(org["hq_country"], "EUUS")


def _company(rng: random.Random, industry: str, region: str, city: tuple[str, str, str],
             taken: set[str]) -> dict[str, Any]:
    city_zh, city_en, country = city
    for _ in range(200):
        trade_zh, trade_en = rng.choice(TRADES[industry])
        if country == "CN":
            brand_zh, brand_en = rng.choice(CN_BRANDS)
            zh = f"{city_zh}{brand_zh}{trade_zh}科技有限公司"
            en = f"{city_en} {brand_en} {trade_en} Technology Co., Ltd."
        else:
            pool = JP_BRANDS if country == "JP" else KR_BRANDS if country == "KR" else WEST_BRANDS
            brand_zh, brand_en = rng.choice(pool)
            zh = f"{brand_zh}{trade_zh}" + ("（香港）" if country == "HK" else
                                           "（澳门）" if country == "MO" else "")
            en = f"{brand_en} {trade_en} {LEGAL[country]}"
        if zh not in taken:
            taken.add(zh)
            return {
                "name_zh": zh, "name_en": en, "kind": "company", "industry": industry,
                "fortune_global_500_rank": None, "china_top_500_rank": None,
                "hq_city": city_zh, "hq_country": country, "website": "",
                "talking_points": "", "notes": "招商图谱目标企业（示例数据，虚构企业）",
            }
    raise RuntimeError("ran out of company names")


def _people(rng: random.Random, taken: set[str], count: int) -> list[tuple[str, str]]:
    names = [(s + g, f"{se} {ge}") for s, se in SURNAMES for g, ge in GIVEN
             if s + g not in taken]
    rng.shuffle(names)
    chosen = names[:count]
    taken.update(zh for zh, _en in chosen)
    return chosen


def _unit_kind(unit: str) -> str:
    if unit.endswith(("区", "港")):
        return "park"
    return "town" if unit.endswith(("镇", "街道")) else "other"


def build_results(orgs: list[dict[str, Any]], people: list[dict[str, Any]],
                  leads: list[dict[str, Any]], trips: list[dict[str, Any]],
                  industries: list[dict[str, Any]]) -> Results:
    rng = random.Random(SEED)
    out = Results()
    # the target list: every company of the sample, then generated ones up to 1,000
    taken = {o["name_zh"] for o in orgs}
    companies = [o for o in orgs if o["kind"] == "company"]
    for org in companies:
        out.targets.append({"organisation": org["name_zh"], "industry": org["industry"],
                            "region": region_of(org)})
    codes = [i["code"] for i in industries]
    weights = [w for _r, w, _c in PLACES]
    while len(out.targets) < TARGETS:
        industry = codes[len(out.targets) % len(codes)]
        region, _w, cities = rng.choices(PLACES, weights)[0]
        org = _company(rng, industry, region, rng.choice(cities), taken)
        out.organisations.append(org)
        out.targets.append({"organisation": org["name_zh"], "industry": industry,
                            "region": region})
    # 100 teams: a leader of the unit, two or three members, ten or so visits to make
    names_taken = {p["name_zh"] for p in people}
    names = iter(_people(rng, names_taken, TEAMS * 4))
    serial = iter(range(3000, 10000, 7))
    for n in range(1, TEAMS + 1):
        unit = TOWN_UNITS[(n - 1) % len(TOWN_UNITS)]
        leader_zh, leader_en = next(names)
        title = LEADER_TITLES[_unit_kind(unit)]
        members = []
        for k in range(2 + n % 2):
            zh, en = next(names)
            member_title = MEMBER_TITLES[(n + k) % len(MEMBER_TITLES)]
            out.people.append(_person(zh, en, member_title, unit, next(serial)))
            members.append(zh)
        out.people.append(_person(leader_zh, leader_en, title, unit, next(serial)))
        out.teams.append({"name": f"第{n}小分队", "name_en": f"Team {n}", "leader": leader_zh,
                          "unit": unit,
                          "members": members, "target_visits": 10 + n % 3,
                          "notes": f"{unit}百队千企小分队"})
    out.visits = _visits(rng, out, orgs, trips, leads)
    leaders = [p["name_zh"] for p in people if p["kind"] == "city_leader"]
    # the mayor is the chief chain leader; the city leaders each lead a key chain
    for n, code in enumerate(codes):
        out.chain_leaders.append({"industry": code, "person": leaders[(n + 1) % len(leaders)]})
    return out


def _person(zh: str, en: str, title: tuple[str, str], unit: str, serial: int) -> dict[str, Any]:
    return {"name_zh": zh, "name_en": en, "kind": "unit_staff", "title_zh": title[0],
            "title_en": title[1], "unit": unit, "organisation": None,
            "phone": f"+86 138 2{serial:04d} {serial * 7 % 10000:04d}",
            "email": f"{en.lower().replace(' ', '.')}.{serial}@dg.example.cn",
            "languages": "zh", "notes": "虚构人物（示例数据）"}


def _visits(rng: random.Random, out: Results, orgs: list[dict[str, Any]],
            trips: list[dict[str, Any]], leads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    lead_of = {lead["organisation"]: lead for lead in leads}
    hq = {o["name_zh"]: o["hq_city"] for o in [*orgs, *out.organisations]}
    visits: list[dict[str, Any]] = []
    # visits made during the trips, by the team of the trip's host unit
    for trip in trips:
        if trip["status"] != "done":
            continue
        name = f"第{1 + int(trip['code'][-3:]) % TEAMS}小分队"
        for item in trip["items"]:
            if item["kind"] == "company_visit" and item["organisation"]:
                visits.append(_visit(item["organisation"], item["start"][:10], name,
                                     trip["host_unit"], "done", item["place"],
                                     trip["code"], "随团拜访：" + item["title_zh"],
                                     rng.choice(OUTCOMES), None))
    targets = [t["organisation"] for t in out.targets]
    start, end = date(2023, 1, 3), date(2023, 12, 22)
    for team in out.teams:
        for _ in range(team["target_visits"]):
            org = rng.choice(targets)
            day = start + timedelta(days=rng.randrange((end - start).days))
            status = "done" if day < TODAY else "planned"
            if status == "done" and rng.random() < 0.03:
                status = "cancelled"
            lead = lead_of.get(org)
            follow = (lead["code"] if status == "done" and lead is not None
                      and lead["first_contact_on"] <= day.isoformat() else None)
            visits.append(_visit(
                org, day.isoformat(), team["name"], team["unit"], status,
                hq[org], None, "",
                rng.choice(OUTCOMES) if status == "done" else "", follow))
    visits.sort(key=lambda v: (v["visited_on"], v["organisation"], v["team"]))
    return visits


def _visit(org: str, day: str, team: str, unit: str, status: str, place: str,
           trip: str | None, notes: str, outcome: str, follow_up: str | None) -> dict[str, Any]:
    return {"organisation": org, "unit": unit, "visited_on": day, "team": team,
            "status": status, "place": place, "trip": trip, "notes": notes,
            "outcome": outcome, "follow_up": follow_up}


def link_leaders(leads: list[dict[str, Any]], people: list[dict[str, Any]]) -> None:
    """挂点领导: every city leader is linked to at least one key project (the biggest first)."""
    leaders = [p["name_zh"] for p in people if p["kind"] == "city_leader"]
    key = sorted((x for x in leads if x["stage"] != "dropped"),
                 key=lambda x: (-x["amount_cny"], x["code"]))
    for lead in leads:
        lead["leader"] = None
    for n, lead in enumerate(key[:len(leaders) * 2]):
        lead["leader"] = leaders[n % len(leaders)]
