"""The people of the sample: city leaders, bureau staff, unit staff, delegates, contacts.

All of them are fictional; phone numbers use fictional ranges, e-mails example domains.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from tools.sample.names import FOREIGN, chinese_names
from tools.sample.units import BUREAU, HOST_UNITS

LEADER_TITLES = [
    ("市委书记", "Party Secretary of Dongguan"),
    ("市长", "Mayor of Dongguan"),
    ("常务副市长", "Executive Vice Mayor"),
    ("副市长", "Vice Mayor"),
    ("副市长", "Vice Mayor"),
    ("副市长", "Vice Mayor"),
    ("市委常委、秘书长", "Member of the Standing Committee, Secretary-General"),
    ("市委常委、松山湖党工委书记", "Member of the Standing Committee, Party Secretary of "
     "Songshan Lake"),
]

# title_zh, title_en, languages, role tag
BUREAU_TITLES = [
    ("局长", "Director-General", "zh,en", "head"),
    ("副局长", "Deputy Director-General", "zh,en", "deputy"),
    ("副局长", "Deputy Director-General", "zh", "deputy"),
    ("副局长", "Deputy Director-General", "zh,en", "deputy"),
    ("招商一科科长", "Head, Promotion Division I", "zh,en", "officer"),
    ("招商二科科长", "Head, Promotion Division II", "zh", "officer"),
    ("外资科科长", "Head, Foreign Investment Division", "zh,en", "officer"),
    ("综合科科长", "Head, General Affairs Division", "zh", "officer"),
    ("项目服务科科长", "Head, Project Services Division", "zh", "officer"),
    ("日语翻译", "Japanese interpreter", "zh,ja", "interp_ja"),
    ("韩语翻译", "Korean interpreter", "zh,ko", "interp_ko"),
    ("英语翻译", "English interpreter", "zh,en", "interp_en"),
    ("德语翻译", "German interpreter", "zh,de,en", "interp_de"),
    ("英语翻译", "English interpreter", "zh,en,fr", "interp_en"),
    ("综合科科员", "Officer, General Affairs", "zh,en", "secretary"),
    ("招商一科科员", "Officer, Promotion Division I", "zh", "secretary"),
    ("招商二科科员", "Officer, Promotion Division II", "zh,en", "secretary"),
    ("外资科科员", "Officer, Foreign Investment", "zh,en", "liaison"),
    ("项目服务科科员", "Officer, Project Services", "zh", "liaison"),
]

DELEGATES = [
    ("东莞日报记者", "Reporter, Dongguan Daily", "media"),
    ("东莞广播电视台记者", "Reporter, Dongguan Radio & TV", "media"),
    ("东莞招商大使（本地龙头企业代表）", "Investment ambassador (local lead firm)", "ambassador"),
    ("东莞招商大使（本地龙头企业代表）", "Investment ambassador (local lead firm)", "ambassador"),
    ("东莞招商大使（港资企业代表）", "Investment ambassador (Hong Kong-invested firm)",
     "ambassador"),
    ("市政府办公室工作人员", "Officer, Municipal Government Office", "security"),
]

_UNIT_TITLE = {
    "park": ("管委会副主任", "Deputy Director of the Administrative Committee"),
    "town": ("副镇长", "Deputy Mayor of the Town"),
    "dept": ("副局长", "Deputy Director"),
}

_DOMAIN = {"JP": "example.jp", "KR": "example.kr", "DE": "example.de", "FR": "example.fr",
           "US": "example.com", "NL": "example.nl", "GB": "example.co.uk"}
_PHONE = {"JP": "+81 3 5555 {:04d}", "KR": "+82 2 555 {:04d}", "DE": "+49 69 5555 {:04d}",
          "FR": "+33 1 55 55 {:04d}", "US": "+1 408 555 {:04d}", "NL": "+31 20 555 {:04d}",
          "GB": "+44 20 7946 {:04d}", "CN": "+86 20 8555 {:04d}", "HK": "+852 5555 {:04d}",
          "MO": "+853 6555 {:04d}"}


@dataclass
class Directory:
    """The people (as JSON rows) and who is who, for building delegations."""

    people: list[dict[str, Any]] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    by_tag: dict[str, list[str]] = field(default_factory=dict)
    unit_staff: dict[str, str] = field(default_factory=dict)  # unit -> person
    contacts: dict[str, str] = field(default_factory=dict)  # organisation -> person

    def tag(self, tag: str, name: str) -> None:
        self.by_tag.setdefault(tag, []).append(name)


def _email(name_en: str, domain: str) -> str:
    return name_en.lower().replace(" ", ".").replace("'", "").replace("-", "") + "@" + domain


def build_people(rng: random.Random, organisations: list[dict[str, Any]]) -> Directory:
    d = Directory()
    names = iter(chinese_names(rng, 80))
    serial = iter(range(1000, 10000, 37))

    def add(zh: str, en: str, kind: str, title: tuple[str, str], unit: str | None,
            org: str | None, phone: str, email: str, langs: str) -> None:
        d.people.append({
            "name_zh": zh, "name_en": en, "kind": kind, "title_zh": title[0],
            "title_en": title[1], "unit": unit, "organisation": org, "phone": phone,
            "email": email, "languages": langs, "notes": "虚构人物（示例数据）",
        })

    for title in LEADER_TITLES:
        zh, en = next(names)
        add(zh, en, "city_leader", title, None, None, f"+86 769 2283 {next(serial):04d}",
            _email(en, "dg.example.cn"), rng.choice(["zh", "zh,en"]))
        d.leaders.append(zh)
    for t_zh, t_en, langs, tag in BUREAU_TITLES:
        zh, en = next(names)
        add(zh, en, "bureau_staff", (t_zh, t_en), BUREAU, None,
            f"+86 139 2{next(serial):03d} {rng.randrange(10000):04d}",
            _email(en, "dgtc.example.cn"), langs)
        d.tag(tag, zh)
    for unit in [*HOST_UNITS, "东莞金控集团", "东莞实业投资控股集团"]:
        zh, en = next(names)
        if unit.endswith(("区", "港")):
            title = _UNIT_TITLE["park"]
        elif unit.endswith(("镇", "街道")):
            title = _UNIT_TITLE["town"]
        else:
            title = _UNIT_TITLE["dept"]
        if unit.endswith("集团"):
            title = ("投资发展部总经理", "General Manager, Investment Department")
        add(zh, en, "unit_staff", title, unit, None,
            f"0769-{rng.randrange(2200, 2299)} {rng.randrange(10000):04d}",
            _email(en, "dg.example.cn"), rng.choice(["zh", "zh", "zh,en"]))
        d.unit_staff[unit] = zh
    for t_zh, t_en, tag in DELEGATES:
        zh, en = next(names)
        add(zh, en, "delegate", (t_zh, t_en), None, None,
            f"+86 137 {rng.randrange(1000, 9999)} {rng.randrange(10000):04d}",
            _email(en, "example.cn"), "zh" if tag != "ambassador" else "zh,en")
        d.tag(tag, zh)
    _contacts(rng, d, organisations, names, add)
    return d


def _contacts(rng: random.Random, d: Directory, organisations: list[dict[str, Any]],
              names: Any, add: Any) -> None:
    companies = [o for o in organisations if o["kind"] == "company"]
    for zh, en, langs, country in FOREIGN:
        options = [o for o in companies if o["hq_country"] == country
                   and o["name_zh"] not in d.contacts] or [
            o for o in organisations if o["hq_country"] == country]
        org = rng.choice(options)
        add(zh, en, "external", ("中国区业务发展总监", "Director, China Business Development"),
            None, org["name_zh"], _PHONE[country].format(rng.randrange(100, 9999)),
            _email(en, _DOMAIN[country]), langs)
        d.contacts[org["name_zh"]] = zh
    local = [o for o in organisations if o["hq_country"] in ("CN", "HK", "MO")
             and o["name_zh"] not in d.contacts]
    for org in rng.sample(local, 10):
        zh, en = next(names)
        title = ("投资发展部总监", "Director, Investment Development")
        if org["kind"] != "company":
            title = ("秘书长", "Secretary-General")
        add(zh, en, "external", title, None, org["name_zh"],
            _PHONE[org["hq_country"]].format(rng.randrange(100, 9999)),
            _email(en, "example.cn" if org["hq_country"] == "CN" else "example.hk"), "zh,en")
        d.contacts[org["name_zh"]] = zh
