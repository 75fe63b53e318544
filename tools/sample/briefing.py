"""What a delegation travels with: flight and train details, hotel addresses, the people met,
delegates' documents, and what the directory knows of each organisation's business.

Applied after the trips are built; derived from each record's own fields (no random numbers,
so the rest of the sample stays as it was). Booking references are made up; hotels' addresses
and airports are the real ones.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

# airport (as the itinerary names it) -> (IATA code, terminal, English name)
AIRPORTS: dict[str, tuple[str, str, str]] = {
    "香港机场": ("HKG", "T1", "Hong Kong International Airport"),
    "深圳机场": ("SZX", "T3", "Shenzhen Bao'an International Airport"),
    "北京机场": ("PEK", "T3", "Beijing Capital International Airport"),
    "上海机场": ("SHA", "T2", "Shanghai Hongqiao International Airport"),
    "天津机场": ("TSN", "T2", "Tianjin Binhai International Airport"),
    "石家庄机场": ("SJW", "T1", "Shijiazhuang Zhengding International Airport"),
    "合肥机场": ("HFE", "T1", "Hefei Xinqiao International Airport"),
    "南京机场": ("NKG", "T2", "Nanjing Lukou International Airport"),
    "杭州机场": ("HGH", "T3", "Hangzhou Xiaoshan International Airport"),
    "苏州机场": ("SZV", "", "Suzhou Guangfu Airport"),
    "东京机场": ("HND", "T3", "Tokyo Haneda Airport"),
    "羽田机场": ("HND", "T3", "Tokyo Haneda Airport"),
    "金浦机场": ("GMP", "International", "Gimpo International Airport"),
    "大阪机场": ("KIX", "T1", "Kansai International Airport"),
    "名古屋机场": ("NGO", "International", "Chubu Centrair International Airport"),
    "首尔机场": ("ICN", "T1", "Incheon International Airport"),
    "釜山机场": ("PUS", "International", "Gimhae International Airport"),
    "法兰克福机场": ("FRA", "T1", "Frankfurt Airport"),
    "慕尼黑机场": ("MUC", "T2", "Munich Airport"),
    "斯图加特机场": ("STR", "T1", "Stuttgart Airport"),
    "巴黎机场": ("CDG", "T2", "Paris Charles de Gaulle Airport"),
    "伦敦机场": ("LHR", "T3", "London Heathrow Airport"),
    "阿姆斯特丹机场": ("AMS", "", "Amsterdam Airport Schiphol"),
    "史基浦机场": ("AMS", "", "Amsterdam Airport Schiphol"),
    "米兰机场": ("MXP", "T1", "Milan Malpensa Airport"),
    "米兰利纳特机场": ("LIN", "", "Milan Linate Airport"),
    "圣何塞机场": ("SJC", "B", "San José Mineta International Airport"),
    "旧金山机场": ("SFO", "International", "San Francisco International Airport"),
    "波士顿机场": ("BOS", "E", "Boston Logan International Airport"),
    "底特律机场": ("DTW", "McNamara", "Detroit Metropolitan Airport"),
    "拉瓜迪亚机场": ("LGA", "B", "LaGuardia Airport"),
}
CARRIERS = {"CX": "国泰航空 Cathay Pacific", "ZH": "深圳航空 Shenzhen Airlines"}
# hotel (as the itinerary names it, before the brackets) -> (address, phone)
HOTELS: dict[str, tuple[str, str]] = {
    "上海虹桥宾馆": ("上海市徐汇区延安西路 2000 号", "+86 21 6275 3388"),
    "东京帝国酒店": ("1-1-1 Uchisaiwaicho, Chiyoda-ku, Tokyo", "+81 3 3504 1111"),
    "伦敦希尔顿酒店": ("22 Park Lane, London W1K 1BE", "+44 20 7493 8000"),
    "北京国贸大酒店": ("北京市朝阳区建国门外大街 1 号", "+86 10 6505 2266"),
    "南京金陵饭店": ("南京市鼓楼区汉中路 2 号", "+86 25 8471 1888"),
    "合肥稻香楼宾馆": ("合肥市蜀山区望江西路 1 号", "+86 551 6288 8888"),
    "名古屋万豪酒店": ("1-1-4 Meieki, Nakamura-ku, Nagoya", "+81 52 584 1111"),
    "圣何塞费尔蒙酒店": ("170 S Market St, San Jose, CA 95113", "+1 408 998 1900"),
    "大阪丽思卡尔顿酒店": ("2-5-25 Umeda, Kita-ku, Osaka", "+81 6 6343 7000"),
    "天津丽思卡尔顿酒店": ("天津市河西区广东路 167 号", "+86 22 5857 8888"),
    "巴黎威斯汀酒店": ("3 Rue de Castiglione, 75001 Paris", "+33 1 44 77 11 11"),
    "底特律威斯汀酒店": ("1114 Washington Blvd, Detroit, MI 48226", "+1 313 442 1600"),
    "慕尼黑巴伐利亚宫廷酒店": ("Promenadeplatz 2-6, 80333 München", "+49 89 21200"),
    "斯图加特万豪酒店": ("Willy-Brandt-Straße 30, 70173 Stuttgart", "+49 711 20200"),
    "旧金山凯悦酒店": ("5 Embarcadero Center, San Francisco, CA 94111", "+1 415 788 1234"),
    "杭州西湖国宾馆": ("杭州市西湖区杨公堤 18 号", "+86 571 8797 9889"),
    "法兰克福洲际酒店": ("Wilhelm-Leuschner-Straße 43, 60329 Frankfurt am Main",
                       "+49 69 26050"),
    "波士顿万豪酒店": ("110 Huntington Ave, Boston, MA 02116", "+1 617 236 5800"),
    "澳门美高梅酒店": ("澳门外港新填海区孙逸仙大马路", "+853 8802 8888"),
    "石家庄万豪酒店": ("石家庄市长安区中山东路 303 号", "+86 311 8598 9999"),
    "米兰喜来登酒店": ("Via Ettore Ponti 3, 20143 Milano", "+39 02 8185 0111"),
    "纽约华尔道夫酒店": ("301 Park Avenue, New York, NY 10022", "+1 212 355 3000"),
    "苏州金鸡湖大酒店": ("苏州工业园区国宾路 168 号", "+86 512 6288 7878"),
    "釜山威斯汀朝鲜酒店": ("67 Dongbaek-ro, Haeundae-gu, Busan", "+82 51 749 7000"),
    "阿姆斯特丹希尔顿酒店": ("Apollolaan 138, 1077 BG Amsterdam", "+31 20 710 6000"),
    "首尔乐天酒店": ("30 Eulji-ro, Jung-gu, Seoul", "+82 2 771 1000"),
    "香港港丽酒店": ("香港金钟道 88 号太古广场", "+852 2521 3838"),
}
ASK = "了解其在华产能布局和扩产计划，争取新项目、区域总部或研发中心落户东莞"
OFFER = ("松山湖科学城、滨海湾新区等平台的成片产业用地；“一基地一政策”专项资金；"
         "市领导挂点服务，项目落地全程代办")
DIETS = ("", "", "", "清真", "素食", "不吃辣", "", "海鲜过敏", "")


def _code(*key: object, length: int = 6) -> str:
    digest = hashlib.sha1("|".join(map(str, key)).encode()).hexdigest().upper()
    letters = "".join(ch for ch in digest if ch not in "0O1I")
    return letters[:length]


def _ends(place: str) -> tuple[str, str]:
    start, _sep, end = place.partition(" → ")
    return start.strip(), end.strip()


def _zones(regions: list[dict[str, Any]]) -> dict[str, str]:
    zones = {c["name_zh"]: c["timezone"] for r in regions for c in r["cities"]}
    zones.setdefault("深圳", "Asia/Shanghai")
    return zones


def _city_of(airport: str) -> str:
    for suffix in ("国际机场", "机场"):
        if airport.endswith(suffix):
            return airport[: -len(suffix)]
    return airport


def _leg(item: dict[str, Any], trip_code: str, zones: dict[str, str]) -> None:
    origin, destination = _ends(item["place"])
    item["from_place"], item["to_place"] = origin, destination
    item["booking_ref"] = _code(trip_code, item["title_zh"], item["start"])
    if item["kind"] == "train":
        item["seat_class"] = "一等座 First class"
        item["meeting_point"] = f"{origin}，开车前 40 分钟"
        return
    if item["kind"] != "flight":
        return
    number = item["title_zh"].split()[0]
    if number[:2] in CARRIERS and number[2:].isdigit():
        item["carrier"], item["service_number"] = CARRIERS[number[:2]], number
    for end, prefix in ((origin, "from"), (destination, "to")):
        if end in AIRPORTS:
            code, terminal, _name = AIRPORTS[end]
            item[f"{prefix}_code"], item[f"{prefix}_terminal"] = code, terminal
    item["seat_class"] = "公务舱（领导）/ 经济舱"
    item["meeting_point"] = f"{origin}值机柜台，起飞前 2 小时"
    arrival_zone = zones.get(_city_of(destination)) or zones.get(destination[:2])
    if arrival_zone and arrival_zone != item["timezone"]:
        # the sample wrote the landing in the departure zone: say it in the arrival zone
        end = datetime.fromisoformat(item["end"]).replace(tzinfo=ZoneInfo(item["timezone"]))
        item["end"] = end.astimezone(ZoneInfo(arrival_zone)).strftime("%Y-%m-%dT%H:%M")
        item["arrival_timezone"] = arrival_zone


def _stay(item: dict[str, Any], trip_code: str) -> None:
    name = item["place"].split(" (")[0].strip()
    if name in HOTELS:
        item["address"], item["phone"] = HOTELS[name]
    item["booking_ref"] = _code(trip_code, name, item["start"], length=8)


def _meeting(item: dict[str, Any], contacts: dict[str, list[str]]) -> None:
    org = item.get("organisation")
    if not org:
        return
    item["counterparts"] = contacts.get(org, [])[:2]
    if item["kind"] == "company_visit":
        item["ask"], item["offer"] = ASK, OFFER


def add_briefing_details(data: dict[str, Any]) -> None:
    """Fill the travel, stay, meeting, delegate and dossier fields of the built sample."""
    zones = _zones(data["regions"])
    contacts: dict[str, list[str]] = {}
    for p in data["people"]:
        if p["organisation"]:
            contacts.setdefault(p["organisation"], []).append(p["name_zh"])
    travellers: set[str] = set()
    for trip in data["trips"]:
        overseas = trip["region"] in ("HKMO", "JPKR", "EUUS")
        for item in trip["items"]:
            if item["kind"] in ("flight", "train", "transfer"):
                _leg(item, trip["code"], zones)
            elif item["kind"] == "hotel":
                _stay(item, trip["code"])
            else:
                _meeting(item, contacts)
            if overseas:
                travellers.update(item["attendees"])
    for n, p in enumerate(data["people"]):
        if p["name_zh"] in travellers:
            digest = hashlib.sha1(f"passport|{p['name_zh']}".encode()).hexdigest()
            p["passport_number"] = "EA" + str(int(digest, 16) % 10**7).zfill(7)
            p["passport_expires"] = f"{2026 + n % 6}-{n % 12 + 1:02d}-15"
            p["visa_status"] = "因公普通护照；目的地签证随团办理"
            if p["phone"].startswith("+86 1"):
                p["mobile_abroad"] = p["phone"] + "（已开通国际漫游）"
            p["dietary"] = DIETS[n % len(DIETS)]
    industries = {i["code"]: i for i in data["industries"]}
    for o in data["organisations"]:
        industry = industries.get(o["industry"] or "")
        if industry and o["kind"] == "company":
            o["business"] = f"{industry['name_zh']}领域的研发、制造与销售"
