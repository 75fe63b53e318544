"""The campaign, its regions with their cities, and the nine key industries."""

from __future__ import annotations

from typing import Any

CAMPAIGN: dict[str, Any] = {
    "year": 2023,
    "name_zh": "2023 招商年",
    "name_en": "2023 Year of Investment Promotion",
    "slogan": "有空间、进莞来",
    "slogan_en": "Room to grow: come to Dongguan",
    "target_trips": 30,
    "target_events": 30,
    "target_hq_visits": 1000,
    "target_investment_cny": 160_000_000_000,
    "flagship_threshold_cny": 5_000_000_000,
    "target_flagship_projects": 10,
    "notes": "示例数据：人物均为虚构；企业名称仅作招商目标示例，联系人均为虚构。",
    "duty_phone": "+86 769 2283 0000",  # fictional, like every phone of the sample
}

# code, name_zh, name_en, kind, cities: (name_zh, name_en, country, zone)
_REGIONS: list[tuple[str, str, str, str, list[tuple[str, str, str, str]]]] = [
    ("HKMO", "港澳", "Hong Kong & Macau", "overseas", [
        ("香港", "Hong Kong", "HK", "Asia/Hong_Kong"),
        ("澳门", "Macau", "MO", "Asia/Macau"),
    ]),
    ("JPKR", "日韩", "Japan & Korea", "overseas", [
        ("东京", "Tokyo", "JP", "Asia/Tokyo"),
        ("大阪", "Osaka", "JP", "Asia/Tokyo"),
        ("名古屋", "Nagoya", "JP", "Asia/Tokyo"),
        ("首尔", "Seoul", "KR", "Asia/Seoul"),
        ("釜山", "Busan", "KR", "Asia/Seoul"),
    ]),
    ("EUUS", "欧美", "Europe & US", "overseas", [
        ("法兰克福", "Frankfurt", "DE", "Europe/Berlin"),
        ("慕尼黑", "Munich", "DE", "Europe/Berlin"),
        ("斯图加特", "Stuttgart", "DE", "Europe/Berlin"),
        ("巴黎", "Paris", "FR", "Europe/Paris"),
        ("伦敦", "London", "GB", "Europe/London"),
        ("阿姆斯特丹", "Amsterdam", "NL", "Europe/Amsterdam"),
        ("米兰", "Milan", "IT", "Europe/Rome"),
        ("圣何塞", "San Jose", "US", "America/Los_Angeles"),
        ("旧金山", "San Francisco", "US", "America/Los_Angeles"),
        ("纽约", "New York", "US", "America/New_York"),
        ("波士顿", "Boston", "US", "America/New_York"),
        ("底特律", "Detroit", "US", "America/Detroit"),
    ]),
    ("JJJ", "京津冀", "Beijing–Tianjin–Hebei", "domestic", [
        ("北京", "Beijing", "CN", "Asia/Shanghai"),
        ("天津", "Tianjin", "CN", "Asia/Shanghai"),
        ("石家庄", "Shijiazhuang", "CN", "Asia/Shanghai"),
    ]),
    ("YRD", "长三角", "Yangtze River Delta", "domestic", [
        ("上海", "Shanghai", "CN", "Asia/Shanghai"),
        ("苏州", "Suzhou", "CN", "Asia/Shanghai"),
        ("杭州", "Hangzhou", "CN", "Asia/Shanghai"),
        ("南京", "Nanjing", "CN", "Asia/Shanghai"),
        ("合肥", "Hefei", "CN", "Asia/Shanghai"),
    ]),
    ("LOCAL", "本地", "Dongguan (local)", "local", [
        ("东莞", "Dongguan", "CN", "Asia/Shanghai"),
        ("深圳", "Shenzhen", "CN", "Asia/Shanghai"),
        ("广州", "Guangzhou", "CN", "Asia/Shanghai"),
    ]),
]

REGIONS: list[dict[str, Any]] = [
    {
        "code": code, "name_zh": zh, "name_en": en, "kind": kind, "position": pos,
        "cities": [{"name_zh": c[0], "name_en": c[1], "country_code": c[2], "timezone": c[3]}
                   for c in cities],
    }
    for pos, (code, zh, en, kind, cities) in enumerate(_REGIONS, start=1)
]

ZONE_OF: dict[str, str] = {c[0]: c[3] for *_, cities in _REGIONS for c in cities}
EN_OF_CITY: dict[str, str] = {c[0]: c[1] for *_, cities in _REGIONS for c in cities}
REGION_OF_CITY: dict[str, str] = {c[0]: r[0] for r in _REGIONS for c in r[4]}

_INDUSTRIES = [
    ("NEV", "新能源汽车", "New-energy vehicles"),
    ("SMT", "智能移动终端", "Smart mobile terminals"),
    ("SEMI", "半导体及集成电路", "Semiconductors & ICs"),
    ("ROBOT", "智能机器人", "Smart robots"),
    ("STORAGE", "新型储能", "Energy storage"),
    ("EBIKE", "电动自行车", "Electric bicycles"),
    ("MED", "高端医疗器械", "High-end medical devices"),
    ("FOOD", "预制菜", "Prepared meals"),
    ("SOFT", "国产基础软件生态", "Domestic basic-software ecosystem"),
]

INDUSTRIES: list[dict[str, Any]] = [
    {"code": code, "name_zh": zh, "name_en": en, "position": pos}
    for pos, (code, zh, en) in enumerate(_INDUSTRIES, start=1)
]
INDUSTRY_CODES: list[str] = [i[0] for i in _INDUSTRIES]
INDUSTRY_ZH: dict[str, str] = {i[0]: i[1] for i in _INDUSTRIES}
