"""The program of one day in a city: visits, the promotion meeting, signing, dinner."""

from __future__ import annotations

from datetime import date, timedelta

from tools.sample.itinerary import Itinerary
from tools.sample.organisations import visit_city
from tools.sample.trip_program import SLOTS, TripProgram, _end


def day_program(p: TripProgram, day: date, city: str, ws: str, we: str) -> None:
    it: Itinerary = p.it
    free = {name: (start, mins) for name, start, mins in SLOTS
            if start >= ws and _end(start, mins) <= we}
    queue = p.queue[city]
    did_something = False
    cap = p.cap.get(city, 1)
    sunday = day.weekday() == 6 and p.region != "HKMO"
    visits = 0

    def visit(slot: str) -> None:
        nonlocal did_something, visits
        visits += 1
        start, mins = free[slot]
        name = queue.pop(0)
        org = p.orgs[name]
        if visit_city(org["hq_city"]) != city:  # carried over from the previous city
            title, title_en = f"与{name}代表座谈", f"Meeting with {org['name_en']}"
            place = f"{hotel_restaurant(city).replace('中餐厅', '')}会议室"
        else:
            kind_zh = "拜访" if org["kind"] == "company" else "座谈交流："
            title, title_en = f"{kind_zh}{name}", f"Visit to {org['name_en']}"
            place = f"{name}（{org['hq_city']}）"
        it.add("company_visit", title, title_en, city, day, start, mins, place, name,
               outcome=it.outcome(), notes=org["talking_points"])
        did_something = True

    if sunday:
        if "A" in free:
            it.add("free_time", "周日：整理资料、自由活动", "Sunday: paperwork and free time", city,
                   day, "10:00", 120, hotel_restaurant(city).replace("中餐厅", ""))
        free = {k: v for k, v in free.items() if k == "E"}
    if "A" in free:
        if queue:
            visit("A")
        else:
            zh, en, place = p.filler(city)
            start, mins = free["A"]
            it.add("company_visit", zh, en, city, day, start, mins, place)
            did_something = True
    if "B" in free and queue and visits < cap:
        visit("B")
    promo = (not p.promo_done and "C" in free and "D" in free
             and (ws <= "09:30" or p.days <= 3))
    if promo:
        p.promo_done = True
        it.add("promotion_meeting", f"东莞（{city}）投资环境推介会——有空间、进莞来",
               f"Invest Dongguan promotion meeting in {city}", city, day, "14:30", 150,
               f"{city}推介会会场（酒店宴会厅）",
               notes=f"主题：{p.industries_zh}；市领导致辞，投促局介绍投资环境，企业代表分享。",
               outcome="到场企业及机构代表约 120 人，收集合作意向 15 条。")
        signer = p.targets[0]
        it.add("signing", f"与{signer}签署合作备忘录", f"MoU signing with {p.orgs[signer]['name_en']}",
               city, day, "17:15", 30, f"{city}推介会会场", signer,
               outcome="签署战略合作备忘录。")
        did_something = True
    else:
        for slot in ("C", "D"):
            if slot in free and queue and (visits < cap or day == p.last_day[city]):
                visit(slot)
    if "E" in free:
        if queue and day == p.last_day[city]:
            name = queue.pop(0)
            it.add("banquet", f"与{name}高层工作晚宴", f"Working dinner with {p.orgs[name]['name_en']}",
                   city, day, "18:30", 120, hotel_restaurant(city), name, outcome=it.outcome())
        elif promo or not did_something:
            it.add("banquet", "推介会答谢晚宴" if promo else "当地商协会欢迎晚宴",
                   "Thank-you dinner" if promo else "Welcome dinner by local chambers", city, day,
                   "18:30", 120, hotel_restaurant(city))
        else:
            it.add("free_time", "整理拜访纪要、团组内部复盘", "Notes and internal debrief", city, day,
                   "19:30", 60, "酒店会议室")

    later = p.cities[p.cities.index(city) + 1:]
    if queue and later and day == p.last_day[city]:
        p.queue[later[0]].extend(queue)
        queue.clear()
        p.cap[later[0]] = max(1, -(-len(p.queue[later[0]]) // p.city_days[later[0]]))

def hotel_restaurant(city: str) -> str:
    from tools.sample.travel import hotel

    return f"{hotel(city).split(' (')[0]}中餐厅"


def run_program(p: TripProgram, start: date, end: date) -> None:
    """All days of the trip, from the outbound journey to the return home."""
    n = (end - start).days + 1
    days = [start + timedelta(days=i) for i in range(n)]
    cities = p.cities
    # a long-haul trip to Europe spends its first day travelling overnight
    first_stay = 1 if (p.long_haul and not p.us) else 0
    stay_days = days[first_stay:]
    if len(stay_days) > len(cities):
        stay_days = stay_days[:-1]  # no move on the day home
    city_of = dict(zip(stay_days, _allocate(p, len(stay_days)), strict=True))
    city_of.setdefault(days[-1], city_of[stay_days[-1]])
    p.days = n
    for city in cities:
        mine = [d for d in days if city_of.get(d) == city]
        p.last_day[city] = max(mine) if mine else days[-1]
        p.city_days[city] = max(1, len(mine))
        p.cap[city] = max(1, -(-len(p.queue[city]) // max(1, len(mine))))
    arrival = p.outbound(start)
    wday, ws = p.arrive(arrival, cities[0])
    last_program = days[-2] if p.home_window_end() is None else days[-1]
    previous = cities[0]
    for day in days:
        if day < wday:
            continue
        city = city_of.get(day, previous)
        if day > wday and city != previous:
            wd, ws = p.move(previous, city, day)
            if wd != day:
                previous = city
                continue
        elif day > wday:
            ws = "09:00"
        previous = city
        if day < last_program:
            day_program(p, day, city, ws, "21:00")
        elif day == last_program:
            if p.home_window_end() is None:
                day_program(p, day, city, ws, "21:00")
                if p.us:
                    p.it.add("transfer", "前往机场", "Transfer to the airport", city, day, "22:00", 60,
                             f"{city}机场")
            else:
                day_program(p, day, city, ws, p.home_window_end() or "21:00")
        if day == days[-1]:
            p.home(day, city)


def _allocate(p: TripProgram, n: int) -> list[str]:
    """``n`` days over the trip's cities in order, more days where there are more targets."""
    cities = p.cities[:n]
    days = {c: 1 for c in cities}
    for _ in range(n - len(cities)):
        busiest = max(cities, key=lambda c: (len(p.queue[c]) + 0.5) / days[c])
        days[busiest] += 1
    return [c for c in cities for _ in range(days[c])]
