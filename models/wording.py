"""The wording every front end prints: money, UTC offsets, dates and date ranges.

One home, no Qt: the window (``desktop/formatting.py``), the PDFs (``briefs/words.py``) and the
terminal (``cli/``) all call these functions, so an amount or a date reads the same everywhere.

Money has one rule: CNY in the units Chinese reports use (亿元 = 1e8, 万元 = 1e4, else 元), or in
English ``CNY 6.5 bn`` / ``CNY 12.35 m`` / ``CNY 950``; at most two decimals, trailing zeros
trimmed (``60 亿元``, ``12.35 万元``, ``1,600 亿元``), thousands grouped with commas. In a column
of results (the leaderboard) a zero reads ``—`` (``board_money``, ``board_count``), never ``0 元``
beside ``亿元``.

The labels of regions kinds, statuses, roles and the other closed vocabularies live on the enums
themselves (``models.enums.LabelledEnum.label(lang)``); they are not repeated here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from models.language import Lang

if TYPE_CHECKING:
    from babel import Locale

YI = 100_000_000  # 亿
WAN = 10_000  # 万

WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
WEEKDAYS_SHORT_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- money -----------------------------------------------------------------------------------

def trimmed(value: float) -> str:
    """``1,600`` / ``52.5`` / ``0.35``: grouped, at most two decimals, no trailing zeros."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text or "0"


def money(amount: int, lang: Lang) -> str:
    """CNY as Chinese reports write it (``6.5 亿元``, ``12.35 万元``, ``950 元``) or in English
    (``CNY 6.5 bn``, ``CNY 12.35 m``, ``CNY 950``). Decimals trimmed, see the module docstring."""
    if lang == Lang.EN:
        if abs(amount) >= 1_000_000_000:
            return f"CNY {trimmed(amount / 1_000_000_000)} bn"
        if abs(amount) >= 1_000_000:
            return f"CNY {trimmed(amount / 1_000_000)} m"
        return f"CNY {amount:,}"
    if abs(amount) >= YI:
        return f"{trimmed(amount / YI)} 亿元"
    if abs(amount) >= WAN:
        return f"{trimmed(amount / WAN)} 万元"
    return f"{amount:,} 元"


NIL = "—"  # a zero on a leaderboard or in a results column


def board_money(amount: int, lang: Lang) -> str:
    """An amount in a column of results (the leaderboard in the window, in the PDF and in the
    terminal): :func:`money`, but zero reads ``—`` rather than ``0 元`` beside ``亿元``."""
    return money(amount, lang) if amount else NIL


def board_count(value: int) -> str:
    """A count in a column of results: grouped (``1,200``), zero reads ``—``."""
    return f"{value:,}" if value else NIL


# --- time zones ------------------------------------------------------------------------------

def utc_offset(moment: datetime, padded: bool = False) -> str:
    """The offset of the aware ``moment``'s zone: ``UTC+8``, ``UTC+5:30``, ``UTC-7``, ``UTC+0``.

    ``padded`` writes hours and minutes in full (``UTC+08:00``, ``UTC-07:00``), as the history of
    a record shows a stored time. A naive ``moment`` has no offset: ``""``.
    """
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    if padded:
        return f"UTC{sign}{hours:02d}:{mins:02d}"
    return f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")


# --- dates -----------------------------------------------------------------------------------

def weekday(day: date, lang: Lang, long: bool = False) -> str:
    """``周五`` (``星期五`` when ``long``) / ``Fri``."""
    if lang == Lang.EN:
        return WEEKDAYS_EN[day.weekday()]
    return (WEEKDAYS_ZH if long else WEEKDAYS_SHORT_ZH)[day.weekday()]


def numeric_day(day: date, lang: Lang, with_weekday: bool = True) -> str:
    """The window's tables: ``2023-03-23 周四`` / ``Thu 23 Mar 2023`` (without the weekday on request)."""
    if lang == Lang.EN:
        text = f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
        return f"{weekday(day, lang)} {text}" if with_weekday else text
    text = day.isoformat()
    return f"{text} {weekday(day, lang)}" if with_weekday else text


def long_day(day: date, lang: Lang, with_weekday: bool = True) -> str:
    """The printed page: ``2023年3月24日（星期五）`` / ``Fri 24 Mar 2023``."""
    if lang == Lang.EN:
        head = f"{WEEKDAYS_EN[day.weekday()]} " if with_weekday else ""
        return f"{head}{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    tail = f"（{weekday(day, lang, long=True)}）" if with_weekday else ""
    return f"{day.year}年{day.month}月{day.day}日{tail}"


def short_day(day: date, lang: Lang) -> str:
    """A day within a known year: ``3月24日 星期五`` / ``Fri 24 Mar``."""
    if lang == Lang.EN:
        return f"{WEEKDAYS_EN[day.weekday()]} {day.day} {MONTHS_EN[day.month - 1]}"
    return f"{day.month}月{day.day}日 {weekday(day, lang, long=True)}"


def day_month(day: date, lang: Lang) -> str:
    """``3月30日`` / ``30 Mar``."""
    return lang.pick(f"{day.month}月{day.day}日", f"{day.day} {MONTHS_EN[day.month - 1]}")


def date_span(start: date, end: date, lang: Lang, year: bool = True) -> str:
    """Inclusive dates said once: ``2023年3月23日—3月30日`` / ``23–30 Mar 2023``.

    Without the year on request: ``3月23日—3月30日`` / ``23–30 Mar``.
    """
    en = lang == Lang.EN
    if not year:
        if en and start.month == end.month:
            return f"{start.day}–{end.day} {MONTHS_EN[end.month - 1]}"
        sep = " – " if en else "—"
        return f"{day_month(start, lang)}{sep}{day_month(end, lang)}"
    if en:
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {MONTHS_EN[end.month - 1]} {end.year}"
        if start.year == end.year:
            return (f"{start.day} {MONTHS_EN[start.month - 1]} – {end.day} "
                    f"{MONTHS_EN[end.month - 1]} {end.year}")
        return f"{long_day(start, lang, False)} – {long_day(end, lang, False)}"
    tail = f"{end.month}月{end.day}日" if start.year == end.year else long_day(end, lang, False)
    return f"{long_day(start, lang, False)}—{tail}"


# --- names of zones, countries and languages (CLDR, through babel) -----------------------------

# How Chinese official documents name these places (CLDR says 中国香港特别行政区 / Taiwan alone).
_PLACE_NAMES = {
    "HK": ("中国香港", "Hong Kong, China"),
    "MO": ("中国澳门", "Macao, China"),
    "TW": ("中国台湾", "Taiwan, China"),
}


# Cities that are their territory: the territory's name alone says where (Macau (Macao, China)).
_CITY_STATES = {"香港", "hong kong", "澳门", "澳門", "macau", "macao", "新加坡", "singapore"}


def _locale(lang: Lang) -> Locale:
    return _cldr("en_GB" if lang == Lang.EN else "zh_Hans_CN")


@cache
def _cldr(name: str) -> Locale:
    """CLDR's data for a locale, loaded (with babel) when a name is first asked for: most
    commands and the window's start name no zone or country."""
    from babel import Locale

    return Locale.parse(name)


def country_name(code: str, lang: Lang) -> str:
    """``DE`` → ``德国`` / ``Germany`` (CLDR); an unknown code is returned as it is."""
    key = code.strip().upper()
    if key in _PLACE_NAMES:
        zh, en = _PLACE_NAMES[key]
        return en if lang == Lang.EN else zh
    return _cldr_name("territories", key, lang) or code


def language_names(codes: str, lang: Lang) -> str:
    """``zh,en`` → ``中文、英语`` / ``Chinese, English`` (CLDR); unknown codes stay as written."""
    names = [_cldr_name("languages", c.strip().lower().replace("-", "_"), lang) or c.strip()
             for c in codes.replace("，", ",").replace("、", ",").split(",") if c.strip()]
    return ("、" if lang != Lang.EN else ", ").join(names)


KEPT_FORMAT = 1  # of the names kept in the cache folder: raised when how they are made changes


def _cldr_name(table: str, code: str, lang: Lang) -> str:
    """CLDR's name of a territory or a language (``table``) in ``lang``, "" for none; kept in
    the cache folder, since reading CLDR's data for a language takes babel 30 ms a process."""
    from models.user_cache import kept_text, package_version

    return kept_text(f"cldr-names-{package_version('babel')}-{KEPT_FORMAT}.json",
                     f"{table}|{lang.value}|{code}",
                     lambda: str(getattr(_locale(lang), table).get(code, "")),
                     family="cldr-names-")


def countries(lang: Lang) -> list[tuple[str, str]]:
    """Every country and territory CLDR names (two-letter ISO codes), as ``(name, code)`` sorted
    by the name in ``lang``."""
    codes = [str(c) for c in _locale(Lang.EN).territories if len(str(c)) == 2
             and str(c).isalpha() and c not in ("ZZ", "EU", "EZ", "UN", "QO", "XA", "XB")]
    territories = _locale(lang).territories  # read whole here: the editor's list, not kept

    def name(code: str) -> str:
        if code in _PLACE_NAMES:
            return _PLACE_NAMES[code][1 if lang == Lang.EN else 0]
        return str(territories.get(code, code))

    return sorted(((name(c), c) for c in codes), key=lambda pair: pair[0])


def language_codes(text: str) -> str:
    """Names or codes as a person types them (``中文、英语``, ``Chinese, German``, ``zh,en``)
    back to the stored codes (``zh,en``); a word no CLDR name matches stays as typed."""
    by_name: dict[str, str] = {}
    for lang in (Lang.EN, Lang.ZH):
        for code, name in _locale(lang).languages.items():
            by_name.setdefault(str(name).casefold(), str(code))
    parts = [p.strip() for p in text.replace("，", ",").replace("、", ",").replace(";", ",")
             .split(",") if p.strip()]
    return ",".join(by_name.get(p.casefold(), p) for p in parts)


def zone_name(zone: str, lang: Lang, moment: datetime | None = None) -> str:
    """The CLDR name of an IANA zone: ``中欧时间`` / ``Central European Time``; at ``moment``
    (aware) the name of the time then in force: ``中欧夏令时间`` / ``Central European Summer Time``.
    A zone CLDR does not name is returned as it is."""
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return zone
    local = moment.astimezone(tz) if moment is not None else None
    # what babel's name depends on: the zone, the language, standard or daylight time (or
    # neither without a moment) and, for a zone CLDR does not name, the offset then
    key = (f"{zone}|{lang.value}|{'daylight' if local.dst() else 'standard'}|{local.utcoffset()}"
           if local is not None else f"{zone}|{lang.value}|generic")
    from models.user_cache import kept_text, package_version

    return kept_text(f"zone-names-{package_version('babel')}-{KEPT_FORMAT}.json", key,
                     lambda: _cldr_zone_name(zone, tz, lang, local), family="zone-names-")


def _cldr_zone_name(zone: str, tz: ZoneInfo, lang: Lang, local: datetime | None) -> str:
    """babel's name of the zone (reading CLDR's data for the language: 35 ms the first time
    in a process; :func:`zone_name` keeps each name in the cache folder)."""
    from babel.dates import get_timezone_name

    try:
        name = get_timezone_name(local if local is not None else tz, width="long",
                                 locale=_locale(lang))
    except (LookupError, ValueError):
        return zone
    return str(name) or zone


def zone_country(zone: str) -> str:
    """The country (ISO code) whose time an IANA zone keeps (CLDR): ``Europe/Berlin`` → ``DE``;
    ``""`` for a zone of no country (``UTC``) or one CLDR does not place."""
    from babel.core import get_global

    return str(get_global("zone_territories").get(zone, ""))


def standard_offset(zone: str, year: int = 2023) -> datetime | None:
    """A moment of ``zone``'s standard time in ``year`` (the smaller offset of January and July),
    to say its offset without a date; ``None`` for an unknown zone."""
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    moments = [datetime(year, 1, 15, 12, tzinfo=tz), datetime(year, 7, 15, 12, tzinfo=tz)]
    return min(moments, key=lambda m: m.utcoffset() or timedelta(0))


def zone_label(zone: str, lang: Lang, moment: datetime | None = None) -> str:
    """An IANA zone as a person reads it: ``德国 · 中欧时间 (UTC+01:00)`` / ``Germany · Central
    European Time (UTC+01:00)``; ``北京时间 (UTC+08:00)`` for ``Asia/Shanghai``; the country is left
    out when the zone's name already says it (``日本时间 (UTC+09:00)``). At ``moment`` (aware) the
    name and offset then in force (``中欧夏令时间 (UTC+02:00)``), else the standard time's. An
    unknown zone is returned as it is."""
    when = moment.astimezone(ZoneInfo(zone)) if moment is not None and _known(zone) else (
        standard_offset(zone))
    if when is None:
        return zone
    offset = f" ({utc_offset(when, padded=True)})"
    if zone in _ZONE_NAMES:
        return lang.pick(*_ZONE_NAMES[zone]) + offset
    name = zone_name(zone, lang, moment)
    code = zone_country(zone)
    country = country_name(code, lang) if code else ""
    if not country or country in name or country == code:
        return f"{name}{offset}"
    return f"{country} · {name}{offset}"


def place_name(city: str, country_code: str, lang: Lang) -> str:
    """A city with its country (CLDR): ``斯图加特（德国）`` / ``Stuttgart (Germany)``; a city in
    China, or of no country, alone; a country alone when there is no city or when it holds the
    city's name (``香港`` → ``中国香港``)."""
    code = country_code.strip().upper()
    country = country_name(code, lang) if code and code != "CN" else ""
    if not city:
        return country_name(code, lang) if code else ""
    if not country:
        return city
    if city in country or city.casefold() in _CITY_STATES:  # 香港 in 中国香港; Macau is Macao
        return country
    return lang.pick(f"{city}（{country}）", f"{city} ({country})")


def city_in_english(place: str, directory: Mapping[str, str] | None = None) -> str:
    """A place typed in Chinese, in English when it is a known city: the cities directory's
    English name (``directory``: Chinese name → English name) first, else CLDR's name of the city
    its time zones are named after (``芝加哥`` → ``Chicago``); ``""`` for anything else (a hotel,
    ``李锦记（香港）``), which then shows as typed."""
    text = place.strip()
    if not text:
        return ""
    if directory and directory.get(text):
        return directory[text]
    return _cldr_cities().get(text, "")


@cache
def _cldr_cities() -> dict[str, str]:
    """Chinese exemplar-city names of CLDR's time zones → their English names, kept in the cache
    folder: reading CLDR's Chinese and English data takes babel ~35 ms, a brief's data once."""
    from models.user_cache import kept_mapping, package_version

    return kept_mapping(f"cldr-cities-{package_version('babel')}-{KEPT_FORMAT}.pickle",
                        _read_cldr_cities, family="cldr-cities-")


def _read_cldr_cities() -> dict[str, str]:
    english = _locale(Lang.EN).time_zones
    out: dict[str, str] = {}
    for zone, names in _locale(Lang.ZH).time_zones.items():
        city = names.get("city") if "city" in names else None
        if not city:
            continue
        en = english[zone].get("city") if zone in english and "city" in english[zone] else None
        out.setdefault(str(city), str(en or zone.rsplit("/", 1)[-1].replace("_", " ")))
    return out


def _known(zone: str) -> bool:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


# Zones Chinese readers name otherwise than CLDR does (CLDR: 中国时间; 未知地区（UTC）时间).
_ZONE_NAMES = {
    "Asia/Shanghai": ("北京时间", "Beijing time"),
    "UTC": ("协调世界时", "Coordinated Universal Time"),
    "Etc/UTC": ("协调世界时", "Coordinated Universal Time"),
}


def confirmation(confirmed: bool, awaits: bool, lang: Lang) -> str:
    """A counted result's state: "✓ 已确认" when a planner confirmed it, "待确认" while it waits
    (signed or done, not yet confirmed), "" when there is nothing to confirm."""
    if confirmed:
        return "✓ " + lang.pick("已确认", "confirmed")
    return lang.pick("待确认", "unconfirmed") if awaits else ""


def unconfirmed_results(leads: int, amount: int, visits: int, lang: Lang) -> str:
    """"2 个项目 12 亿元 · 3 次拜访": results counted apart until a planner confirms them
    (the parts that are zero left out; "" when there are none)."""
    parts = []
    if leads:
        parts.append(f"{leads} project(s), {money(amount, lang)}" if lang == "en"
                     else f"{leads} 个项目 {money(amount, lang)}")
    if visits:
        parts.append(f"{visits} visit(s)" if lang == "en" else f"{visits} 次拜访")
    return " · ".join(parts)
