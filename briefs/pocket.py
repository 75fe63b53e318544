"""Two parts of the delegation brief built from the data: the pocket overview (行程一览), one
page with every day at a glance, and the pre-departure checklist (documents, plugs, money,
time difference, dress, consular help)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from reportlab.platypus import Flowable

from briefs.blocks import CheckBox, Markup, grid
from briefs.destinations import climate, country_help, dress, hotline
from briefs.options import Kit
from briefs.styles import ACCENT
from briefs.words import Words, esc, hm
from models.enums import ItemKind
from models.rows import ItemRow, TripDetail
from models.timeutil import BEIJING

# country -> (plug types, voltage, currency zh, currency en)
TRAVEL_FACTS: dict[str, tuple[str, str, str, str]] = {
    "CN": ("A / C / I", "220 V", "人民币", "renminbi (CNY)"),
    "HK": ("G（英标三方脚）", "220 V", "港币", "Hong Kong dollar (HKD)"),
    "MO": ("G / D", "220 V", "澳门元（港币通用）", "pataca (MOP); HKD accepted"),
    "JP": ("A / B", "100 V", "日元", "yen (JPY)"),
    "KR": ("C / F", "220 V", "韩元", "won (KRW)"),
    "DE": ("C / F", "230 V", "欧元", "euro (EUR)"),
    "FR": ("C / E", "230 V", "欧元", "euro (EUR)"),
    "NL": ("C / F", "230 V", "欧元", "euro (EUR)"),
    "IT": ("C / F / L", "230 V", "欧元", "euro (EUR)"),
    "GB": ("G", "230 V", "英镑", "pound sterling (GBP)"),
    "US": ("A / B", "120 V", "美元", "US dollar (USD)"),
}
FORMAL_KINDS = (ItemKind.PROMOTION_MEETING, ItemKind.SIGNING, ItemKind.BANQUET,
                ItemKind.COMPANY_VISIT)


def pocket_overview(t: TripDetail, k: Kit) -> list[Flowable]:
    """Every day on one page: date, city, the day's items by local time, the night's hotel."""
    w = k.w
    story: list[Flowable] = [k.outline.section("行程一览", "Itinerary at a glance")]
    days = [t.start_date + timedelta(days=n) for n in range((t.end_date - t.start_date).days + 1)]
    by_day: dict[date, list[ItemRow]] = {d: [] for d in days}
    for item in sorted(t.items, key=lambda i: (i.starts_at, i.id)):
        by_day.setdefault(item.local_start.date(), []).append(item)
    rows = []
    for n, day in enumerate(sorted(by_day), start=1):
        items = by_day[day]
        cities = list(dict.fromkeys(i.city.name(w.lang) for i in items if i.city))
        what = "\n".join(f"{hm(i.local_start)} {_short(i, w)}" for i in items
                         if i.kind is not ItemKind.HOTEL)
        hotels = [hotel_name(i, w) for i in items if i.kind is ItemKind.HOTEL]
        rows.append([str(n), w.short_day(day), w("、", ", ").join(cities), what or w.none,
                     "\n".join(hotels)])
    story.append(grid([("天", "Day"), ("日期", "Date"), ("城市", "City"),
                       ("安排（当地时间）", "Programme (local time)"), ("入住", "Hotel")],
                      rows, [0.4, 1.25, 1.0, 4.1, 1.45], k.s, w))
    return story


def hotel_name(item: ItemRow, w: Words) -> str:
    """The hotel of a hotel item: its title, or its place when the title only says "入住…"."""
    plain = item.title_zh.removeprefix("入住").strip()
    if plain and plain in item.place:
        return w.place(item.place)
    return item.title(w.lang).removeprefix("入住").strip()


def _short(i: ItemRow, w: Words) -> str:
    service = " ".join(x for x in (i.service_number,) if x)
    title = i.title(w.lang)
    return f"{service} {title}".strip() if service and service not in title else title


def checklist(t: TripDetail, k: Kit, conflicts: int, duty_phone: str = "") -> list[Flowable]:
    """Ticks to make before departure, each built from the trip's data; ``duty_phone`` is the
    bureau's duty phone (from the campaign)."""
    w = k.w
    story: list[Flowable] = [k.outline.section("出行前核对清单", "Pre-departure checklist")]
    rows: list[list[str | Flowable]] = []

    def tick(what_zh: str, what_en: str, detail: str, warn: bool = False) -> None:
        shown: str | Flowable = detail
        if warn:
            shown = Markup(f'<font color="{ACCENT.hexval()}">{esc(detail)}</font>')
        rows.append([CheckBox(), w(what_zh, what_en), shown])

    for text, warn in _documents(t, w):
        tick("证件与签证", "Passport and visa", text, warn)
    materials = [i.notes for i in t.items if "携带" in i.notes or "bring" in i.notes.lower()]
    tick("礼品与材料", "Gifts and materials",
         "\n".join(materials) if materials else w("按各场活动准备推介材料和礼品",
                                                  "promotion material and gifts for each meeting"))
    countries = list(dict.fromkeys(c.country_code for c in t.cities if c.country_code))
    for code in countries:
        facts = TRAVEL_FACTS.get(code)
        if facts is None:
            continue
        plugs, volts, money_zh, money_en = facts
        tick("插头与电压", "Plugs and voltage", f"{w.country(code)}：{plugs}，{volts}"
             if not w.en else f"{w.country(code)}: type {plugs}, {volts}")
        tick("货币", "Currency", f"{w.country(code)}：{money_zh}" if not w.en
             else f"{w.country(code)}: {money_en}")
    for line in _time_differences(t, w):
        tick("时差", "Time difference", line)
    formal = sum(1 for i in t.items if i.kind in FORMAL_KINDS)
    tick("着装", "Dress", w(f"商务正装（{formal} 场会见、推介、签约或宴请）",
                          f"business formal ({formal} meetings, promotions, signings or dinners)"))
    diets = [f"{m.person.name(w.lang)}：{m.person.dietary}" if not w.en
             else f"{m.person.name(w.lang)}: {m.person.dietary}"
             for m in t.members if m.person.dietary]
    if diets:
        tick("饮食安排", "Meals", w("；", "; ").join(diets))
    tick("天气与着装", "Weather and dress", _weather(t, w))
    for line, warn in _calls(t, w, duty_phone):
        tick("领事与值班电话", "Consular and duty phones", line, warn)
    tick("冲突与提醒", "Conflicts and warnings",
         w(f"系统发现 {conflicts} 项，见文末核对清单", f"{conflicts} found, see the last section")
         if conflicts else w("系统未发现冲突", "none found"), warn=bool(conflicts))
    story.append(grid([("核实", "Done"), ("事项", "Check"), ("内容", "Details")], rows,
                      [0.5, 1.5, 6.0], k.s, w))
    return story


def _documents(t: TripDetail, w: Words) -> list[tuple[str, bool]]:
    """A line per delegate whose papers need a look, else one line saying all is in order."""
    deadline = t.end_date + timedelta(days=183)  # most countries want six months' validity
    out: list[tuple[str, bool]] = []
    for m in t.members:
        p = m.person
        name = p.name(w.lang)
        if not p.passport_number:
            out.append((w(f"{name}：未登记护照", f"{name}: no passport on file"), True))
        elif p.passport_expires and p.passport_expires < deadline:
            out.append((w(f"{name}：护照 {p.passport_expires:%Y-%m-%d} 到期，不足 6 个月有效期",
                          f"{name}: passport expires {p.passport_expires:%Y-%m-%d}, less than "
                          "six months after return"), True))
    if not out:
        out.append((w(f"全团 {len(t.members)} 人护照已登记且有效期充足",
                      f"all {len(t.members)} passports on file and valid long enough"), False))
    visas = sorted({m.person.visa_status for m in t.members if m.person.visa_status})
    if visas:
        out.append((w("签证：", "Visas: ") + w("；", "; ").join(visas), False))
    return out


def _time_differences(t: TripDetail, w: Words) -> list[str]:
    """Each destination zone against Beijing, with the day it changes during the trip."""
    out = []
    for zone in dict.fromkeys(c.timezone for c in t.cities):
        tz = ZoneInfo(zone)
        hours = []
        for n in range((t.end_date - t.start_date).days + 1):
            day = t.start_date + timedelta(days=n)
            noon = datetime.combine(day, time(12), tz)
            diff = (noon.utcoffset() or timedelta()) - (noon.astimezone(BEIJING).utcoffset()
                                                         or timedelta())
            hours.append((day, diff.total_seconds() / 3600))
        city = next(c.name(w.lang) for c in t.cities if c.timezone == zone)
        first = hours[0][1]
        text = _difference(city, first, w)
        for day, h in hours[1:]:
            if h != first:
                text += w(f"（{w.day_month(day)}起{_ahead(h, w)}）",
                          f" ({_ahead(h, w)} from {w.day_month(day)})")
                break
        out.append(text)
    return out


def _ahead(hours: float, w: Words) -> str:
    n = f"{abs(hours):g}"
    if hours == 0:
        return w("与北京相同", "same as Beijing")
    return w(f"比北京{'晚' if hours < 0 else '早'} {n} 小时",
             f"{n} h {'behind' if hours < 0 else 'ahead of'} Beijing")


def _difference(city: str, hours: float, w: Words) -> str:
    return f"{city}：{_ahead(hours, w)}" if not w.en else f"{city}: {_ahead(hours, w)}"



def _months(t: TripDetail) -> list[int]:
    """The months the trip's days fall in, in order."""
    days = (t.end_date - t.start_date).days + 1
    return list(dict.fromkeys((t.start_date + timedelta(days=n)).month for n in range(days)))


def _weather(t: TripDetail, w: Words) -> str:
    """Each destination's average highs and lows for the trip's months, what to wear, and the
    reminder that these are averages, not a forecast."""
    lines = []
    for city in t.cities:
        for month in _months(t):
            c = climate(city.name_zh, city.name_en, month)
            name = city.name(w.lang)
            if c is None:
                lines.append(w(f"{name}：无气候资料", f"{name}: no climate data"))
                continue
            zh, en = dress(c)
            lines.append(w(f"{name} {month} 月：平均最高 {c.high} °C，最低 {c.low} °C — {zh}",
                           f"{name} in {w.month(month)}: average high {c.high} °C, low {c.low} °C"
                           f" — {en}"))
    if not lines:
        return w.none
    lines.append(w("以上为多年平均气温，不是天气预报；出发前请查看当地天气预报。",
                   "These are long-term averages, not a forecast: check the local forecast "
                   "before departure."))
    return "\n".join(lines)


def _calls(t: TripDetail, w: Words, duty_phone: str) -> list[tuple[str, bool]]:
    """Per country abroad: the mission of each city's district with its 24-hour consular line
    and the local emergency numbers; the global hotline; the bureau's duty phone."""
    out: list[tuple[str, bool]] = []
    by_country: dict[str, list[str]] = {}
    for city in t.cities:
        if city.country_code:
            by_country.setdefault(city.country_code, []).append(city.name_zh)
    abroad = False
    for code, names in by_country.items():
        found = country_help(code, names)
        if found is None:
            continue
        abroad = True
        country = w.country(code)
        for m in found.missions:
            phone = m.phone or w("电话请经 12308 转接", "phone through the 12308 hotline")
            out.append((w(f"{country}：{m.zh} {phone}（{m.site}）",
                          f"{country}: {m.en}, {phone} ({m.site})"), False))
        note = w(found.note_zh, found.note_en)
        out.append((note or w(f"{country}当地报警急救：{found.emergency}",
                              f"{country}, local emergency numbers: {found.emergency}"), False))
    if abroad:
        zh, en, phones = hotline()
        out.append((w(f"{zh}：{'、'.join(phones)}；使领馆电话出发前请在其网站核实",
                      f"{en}: {', '.join(phones)}; confirm the missions' numbers on their "
                      "sites before departure"), False))
    if duty_phone:
        out.append((w(f"局值班电话（24 小时）：{duty_phone}",
                      f"Bureau duty phone (24 h): {duty_phone}"), False))
    else:
        out.append((w("未登记局值班电话", "no bureau duty phone on file"), True))
    return out
