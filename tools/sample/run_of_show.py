"""The run-of-show of every sample event: staff posts, guests of honour with their seats, and
what each responsible unit does.

Applied after the events are built; derived from each event's own fields (no random numbers,
so the rest of the sample stays as it was). Everyone named is a fictional person of the
sample's directory.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from tools.sample.units import BUREAU

FOREIGN_AFFAIRS = "市外事局"
GUIDANCE = ("各单位于活动前一天 17:00 前向市投资促进局报送参会名单和车辆信息；"
            "现场问题统一报会场统筹，重大情况即报出席领导。")
SEATS_PER_TABLE = 10

# post, room, person (tag in the bureau or "delegate:<title start>"), minutes from the event's
# start to the post's start, to its end (None: the event's end), duty
POSTS: list[tuple[str, str, str, int, int | None, str]] = [
    ("会场统筹", "主会场", "officer:招商一科科长", -90, None,
     "把控议程时间，协调灯光、音响和演示文稿，处理现场突发情况"),
    ("签到接待", "一楼大堂签到处", "secretary:综合科科员", -60, 30,
     "核对来宾名单，发放胸牌、会议资料和伴手礼"),
    ("贵宾接待", "贵宾室", "deputy:副局长", -45, 15, "迎接出席领导和贵宾，引导贵宾室会见并入座"),
    ("外宾翻译", "主会场", "interp_en:英语翻译", -30, None, "外宾交流口译，协助外方嘉宾签到入座"),
    ("项目对接", "洽谈室", "officer:项目服务科科长", 0, None, "安排企业一对一洽谈，记录项目需求"),
    ("新闻宣传", "新闻中心", "delegate:东莞日报记者", -30, None, "拍摄报道，会后两小时内报送新闻稿"),
    ("安全保障", "会场入口", "delegate:市政府办公室工作人员", -90, None,
     "会场安检、车辆引导和应急疏散"),
]

# the same posts in English: post, room ("" for the main hall, which is the venue), duty
POSTS_EN: dict[str, tuple[str, str, str]] = {
    "会场统筹": ("Floor manager", "",
                 "Keeps the agenda on time, coordinates lighting, sound and slides, handles "
                 "incidents on site"),
    "签到接待": ("Registration desk", "Registration desk, ground-floor lobby",
                 "Checks guests against the list, hands out badges, materials and gifts"),
    "贵宾接待": ("VIP reception", "VIP lounge",
                 "Greets the leaders and guests of honour, leads them to the VIP meeting and "
                 "to their seats"),
    "外宾翻译": ("Interpreter for foreign guests", "",
                 "Interprets for foreign guests and helps them register and find their seats"),
    "项目对接": ("Project matchmaking", "Meeting room",
                 "Arranges one-to-one talks with companies and records their project needs"),
    "新闻宣传": ("Press and publicity", "Press centre",
                 "Photographs and reports; sends the press release within two hours of the end"),
    "安全保障": ("Security", "Main entrance",
                 "Security checks, traffic guidance and emergency evacuation"),
}

# the sample's venues in English (the main hall's posts stand at the venue)
VENUES_EN: dict[str, str] = {
    "上海国际会议中心": "Shanghai International Convention Center",
    "东莞会展国际大酒店": "Dongguan Convention & Exhibition International Hotel",
    "东莞国际会展中心": "Dongguan International Conference & Exhibition Center",
    "东莞市民服务中心": "Dongguan Citizen Service Center",
    "广东现代国际展览中心": "Guangdong Modern International Exhibition Center",
    "松山湖凯悦酒店": "Hyatt Regency Songshan Lake",
    "松山湖国际会议中心": "Songshan Lake International Conference Center",
    "深圳前海华侨城JW万豪酒店": "JW Marriott Hotel Shenzhen Qianhai",
    "深圳福田香格里拉大酒店": "Shangri-La Hotel Futian, Shenzhen",
    "滨海湾新区展示中心": "Binhaiwan New Area Exhibition Center",
    "虎门镇会议中心": "Humen Town Conference Center",
    "香港会议展览中心": "Hong Kong Convention and Exhibition Centre",
}


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


def _staff(people: list[dict[str, Any]]) -> dict[str, str]:
    """"officer:招商一科科长" -> a person's name."""
    out: dict[str, str] = {}
    for p in people:
        if p["kind"] in ("bureau_staff", "delegate"):
            tag = "delegate" if p["kind"] == "delegate" else ""
            out.setdefault(f"{tag}:{p['title_zh']}", p["name_zh"])
            out.setdefault(p["title_zh"], p["name_zh"])
    return out


def _posts(event: dict[str, Any], staff: dict[str, str]) -> list[dict[str, Any]]:
    start, end = _at(event["start"]), _at(event["end"])
    out = []
    for post, room, who, before, after, duty in POSTS:
        tag, title = who.split(":")
        name = staff.get(f"delegate:{title}") if tag == "delegate" else staff.get(title)
        begins = start + timedelta(minutes=before)
        ends = end if after is None else min(end, start + timedelta(minutes=after))
        if begins.date() != start.date():
            begins = start.replace(hour=7, minute=30)
        post_en, room_en, duty_en = POSTS_EN[post]
        at_venue = room == "主会场"
        out.append({"post": post, "post_en": post_en,
                    "room": event["venue"] if at_venue else room,
                    "room_en": VENUES_EN.get(event["venue"], "") if at_venue else room_en,
                    "person": name or "", "start": _stamp(begins), "end": _stamp(ends),
                    "duty": duty, "duty_en": duty_en})
    return out


def _vips(event: dict[str, Any], people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The leader in seat 1 of table 1, the chief guest beside; then the guests of the
    organisations that have not declined, our bureau's head and the ambassadors between them."""
    coming = {i["organisation"] for i in event["invitations"] if i["rsvp"] != "declined"}
    guests = [p for p in people if p["kind"] == "external" and p["organisation"] in coming]
    ours = [p for p in people if p["kind"] == "bureau_staff" and p["title_zh"] == "局长"]
    ours += [p for p in people if p["kind"] == "delegate" and p["title_zh"].startswith("东莞招商大使")]
    by_name = {p["name_zh"]: p for p in people}
    order = [by_name[event["lead_person"]]]
    while guests or ours:  # guest, host, guest, host: the way a Chinese banquet seats
        for pool in (guests, ours):
            if pool:
                order.append(pool.pop(0))
    out = []
    for n, p in enumerate(order):
        out.append({"person": p["name_zh"], "organisation": p["organisation"] or "",
                    "title": p["title_zh"], "table": str(n // SEATS_PER_TABLE + 1),
                    "seat": str(n % SEATS_PER_TABLE + 1)})
    return out


def _duties(event: dict[str, Any], people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The units the event's brief names, each once, with a contact of that unit."""
    host = event["host_unit"]
    found = re.search(r"；([^；：]+?)负责项目对接", event["responsibilities"])
    third = found.group(1) if found else host
    duties: dict[str, list[str]] = {}
    duties.setdefault(host, []).append("主办：总体统筹、场地布置与后勤保障")
    duties.setdefault(BUREAU, []).append("承办：企业邀约、议程安排与嘉宾接待")
    duties.setdefault(third, []).append("项目对接与现场参观路线")
    duties.setdefault(FOREIGN_AFFAIRS, []).append("外宾接待、礼宾与翻译协助")
    contact: dict[str, str] = {}
    for p in people:
        if p["unit"] and p["kind"] in ("unit_staff", "bureau_staff"):
            contact.setdefault(p["unit"], p["name_zh"])
    if BUREAU in contact:
        contact[BUREAU] = next(p["name_zh"] for p in people if p["title_zh"] == "综合科科长")
    return [{"unit": unit, "duty": "；".join(parts), "contact": contact.get(unit, "")}
            for unit, parts in duties.items()]


def add_run_of_show(data: dict[str, Any]) -> None:
    """Staff posts, VIP seating and duties by unit for every event of ``data``."""
    people = data["people"]
    staff = _staff(people)
    for event in data["events"]:
        event["staff_posts"] = _posts(event, staff)
        event["vip_seats"] = _vips(event, people)
        event["unit_duties"] = _duties(event, people)
        event["responsibilities"] = GUIDANCE
