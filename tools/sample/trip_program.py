"""The program of one trip: outbound journey, days in each city, moves, journey home."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from tools.sample.itinerary import Itinerary, arrival_note
from tools.sample.organisations import visit_city
from tools.sample.regions import EN_OF_CITY
from tools.sample.travel import AIRPORT_CITY, FLIGHT_MINUTES, US_CITIES, hotel, move

SLOTS = [("A", "09:00", 90), ("B", "11:00", 60), ("C", "14:30", 90), ("D", "16:30", 60),
         ("E", "18:30", 120)]


def _end(hh_mm: str, minutes: int) -> str:
    h, m = (int(x) for x in hh_mm.split(":"))
    total = h * 60 + m + minutes
    return f"{total // 60:02d}:{total % 60:02d}"


class TripProgram:
    def __init__(self, it: Itinerary, region: str, cities: list[str], targets: list[str],
                 orgs: dict[str, dict[str, Any]], industries_zh: str) -> None:
        self.it, self.region, self.cities = it, region, cities
        self.orgs = orgs
        self.industries_zh = industries_zh
        self.queue: dict[str, list[str]] = {c: [] for c in cities}
        for name in targets:
            city = visit_city(orgs[name]["hq_city"])
            self.queue[city if city in self.queue else cities[0]].append(name)
        self.targets = targets
        self.promo_done = False
        self.long_haul = region == "EUUS"
        self.us = cities[0] in US_CITIES
        self.legs: list[str] = []
        self.days = 0
        self.cap: dict[str, int] = {}
        self.last_day: dict[str, date] = {}
        self.city_days: dict[str, int] = {}
        self._fillers = 0

    def filler(self, city: str) -> tuple[str, str, str]:
        """Something useful for a morning without a target company."""
        if self.region in ("JJJ", "YRD"):
            options = [
                (f"走访东莞驻{city}联络处，听取项目线索汇报", "Liaison office briefing on leads",
                 f"东莞驻{city}联络处"),
                (f"考察{city}产业园区与创新载体", f"Tour of industrial parks in {city}", f"{city}产业园区"),
                (f"拜访在莞投资企业的{city}总部", "Call on the HQ of a firm invested in Dongguan",
                 f"{city}企业总部"),
            ]
        elif self.region == "HKMO":
            options = [
                (f"拜会{city}东莞同乡社团", "Meeting with Dongguan clan associations", f"{city}社团会所"),
                (f"考察{city}科创及现代服务业载体", "Tour of innovation and services hubs", city),
            ]
        else:
            options = [
                ("拜会中国驻当地使（领）馆经济商务处", "Call on the Chinese commercial counsellor",
                 f"中国驻{city}使（领）馆"),
                (f"与{city}华侨华人商会座谈", "Round table with overseas Chinese chambers",
                 f"{city}华侨华人商会"),
                (f"考察{city}当地产业园区与创新载体", "Tour of a local industrial park",
                 f"{city}产业园区"),
            ]
        self._fillers += 1
        return options[self._fillers % len(options)]

    # --- journeys -----------------------------------------------------------------------
    def outbound(self, day: date) -> datetime:
        it, first = self.it, self.cities[0]
        if self.region == "HKMO":
            mins = 150 if first == "澳门" else 120
            via = "港珠澳大桥" if first == "澳门" else "深圳湾口岸"
            end = it.add("transfer", f"乘车经{via}前往{first}", f"Drive to {EN_OF_CITY[first]}",
                         "东莞", day, "07:30", mins, f"东莞市民服务中心 → {via} → {first}")
            self.legs.append(f"去程：{day:%m-%d} 07:30 东莞市民服务中心集合，乘商务车经{via}赴{first}")
            return end
        if self.region in ("JJJ", "YRD"):
            if first == "上海" and self.days >= 4:
                end = it.add("train", "高铁 虎门—上海虹桥", "High-speed rail Humen–Shanghai", "东莞",
                             day, "07:40", 420, "虎门站 → 上海虹桥站", notes="G 字头高铁，二等座")
                self.legs.append(f"去程：{day:%m-%d} 虎门站 07:40 高铁赴上海虹桥")
                return end
            it.add("transfer", "前往深圳宝安国际机场", "Transfer to Shenzhen airport", "东莞", day,
                   "06:40", 75, "东莞市民服务中心 → 深圳宝安国际机场")
            return self._flight("深圳", first, day, "09:00", "ZH")
        if self.region == "JPKR":
            it.add("transfer", "前往香港国际机场", "Transfer to Hong Kong airport", "东莞", day, "05:30",
                   120, "东莞市民服务中心 → 深圳湾口岸 → 香港国际机场")
            return self._flight("香港", first, day, "09:20", "CX")
        if self.us:
            it.add("transfer", "前往香港国际机场", "Transfer to Hong Kong airport", "东莞", day, "08:30",
                   120, "东莞市民服务中心 → 深圳湾口岸 → 香港国际机场")
            return self._flight("香港", first, day, "12:00", "CX")
        it.add("transfer", "前往香港国际机场", "Transfer to Hong Kong airport", "东莞", day, "20:00",
               120, "东莞市民服务中心 → 深圳湾口岸 → 香港国际机场")
        return self._flight("香港", first, day, "23:45", "CX")

    def _flight(self, origin: str, dest: str, day: date, hh_mm: str, airline: str,
                minutes: int | None = None) -> datetime:
        minutes = minutes or FLIGHT_MINUTES.get(dest) or FLIGHT_MINUTES[origin]
        number = f"{airline}{self.it.rng.randrange(100, 999)}"
        end = self.it.add("flight", f"{number} {origin}—{dest}",
                          f"{number} {EN_OF_CITY.get(origin, origin)}–{EN_OF_CITY.get(dest, dest)}",
                          origin, day, hh_mm, minutes, f"{origin}机场 → {dest}机场",
                          notes="参考航班（示例），以出票为准")
        self.it.items[-1]["notes"] = f"{arrival_note(end, dest)}；参考航班（示例），以出票为准"
        self.legs.append(f"{day:%m-%d} {number} {origin} {hh_mm} 起飞 → {arrival_note(end, dest)}")
        return end

    def arrive(self, instant: datetime, city: str) -> tuple[date, str]:
        """Transfer from the station/airport and hotel check-in; returns when the day can go on."""
        day, hh = self.it.after(instant, city, 20)
        if self.region != "HKMO":
            end = self.it.add("transfer", f"抵达{city}，乘车前往酒店", "Transfer to the hotel",
                              city, day, hh, 45, f"{city} → {hotel(city)}")
            day, hh = self.it.after(end, city, 0)
        end = self.it.add("hotel", f"入住{hotel(city).split(' (')[0]}", "Hotel check-in", city, day,
                          hh, 30, hotel(city))
        return self.it.after(end, city, 30)

    def move(self, a: str, b: str, day: date) -> tuple[date, str]:
        kind, minutes, zh, en, place = move(a, b)
        end = self.it.add(kind, zh, en, a, day, "08:00", minutes, place)
        self.legs.append(f"{day:%m-%d} {zh}（08:00 出发）")
        return self.arrive(end, b)

    def home(self, day: date, city: str) -> None:
        it = self.it
        if self.region == "HKMO":
            mins = 150 if city == "澳门" else 120
            it.add("transfer", "结束行程，乘车返回东莞", "Drive back to Dongguan", city, day, "17:30",
                   mins, f"{city} → 东莞")
            self.legs.append(f"回程：{day:%m-%d} 17:30 乘车返莞")
        elif self.region in ("JJJ", "YRD"):
            airport = AIRPORT_CITY.get(city, city)
            it.add("transfer", "前往机场", "Transfer to the airport", city, day,
                   "14:00" if airport == city else "13:30", 60 if airport == city else 90,
                   f"{hotel(city).split(' (')[0]} → {airport}机场")
            end = self._flight(airport, "深圳", day, "16:00", "ZH", FLIGHT_MINUTES[airport])
            d, hh = it.after(end, "深圳", 30)
            it.add("transfer", "返回东莞", "Drive back to Dongguan", "深圳", d, hh, 75,
                   "深圳宝安国际机场 → 东莞")
        elif self.region == "JPKR":
            it.add("transfer", "前往机场", "Transfer to the airport", city, day, "12:30", 90,
                   f"{hotel(city).split(' (')[0]} → 机场")
            end = self._flight(city, "香港", day, "15:30", "CX", FLIGHT_MINUTES[city])
            d, hh = it.after(end, "香港", 40)
            it.add("transfer", "经深圳湾口岸返回东莞", "Drive back to Dongguan", "香港", d, hh, 120,
                   "香港国际机场 → 深圳湾口岸 → 东莞")
        elif self.us:
            self._flight(city, "香港", day, "00:50", "CX", FLIGHT_MINUTES[city])
            self.it.items[-1]["notes"] += "；抵港后乘车经深圳湾口岸返莞"
        else:
            it.add("transfer", "前往机场", "Transfer to the airport", city, day, "07:30", 60,
                   f"{hotel(city).split(' (')[0]} → 机场")
            self._flight(city, "香港", day, "10:30", "CX", FLIGHT_MINUTES[city] - 60)
            self.it.items[-1]["notes"] += "；抵港后乘车经深圳湾口岸返莞"

    def home_window_end(self) -> str | None:
        """The latest local time of the last day's program (None: no program that day)."""
        if self.region == "HKMO":
            return "17:00"
        if self.region in ("JJJ", "YRD"):
            return "13:00"
        if self.region == "JPKR":
            return "12:00"
        return None
