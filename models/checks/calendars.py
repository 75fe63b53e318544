"""Public holidays by country and day, and China's moved working days (调休).

Holidays come from the ``holidays`` package, named in Chinese where it has Chinese names (CN,
HK, MO, TW) and in English otherwise; China's days off and make-up working days come from
``chinese-calendar``, whose table ends with the last year the State Council announced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from models.checks.holiday_tables import holiday_table, supported_languages

# chinese-calendar's English names, in Chinese
CN_NAMES = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节", "Anti-Fascist 70th Day": "抗战胜利70周年纪念日",
}
GOLDEN_WEEKS = {"National Day": ("国庆黄金周", "National Day Golden Week"),
                "Labour Day": ("五一黄金周", "May Day Golden Week"),
                "Spring Festival": ("春节长假", "Spring Festival holiday")}
COUNTRY_NAMES = {
    "CN": ("中国", "China"), "HK": ("中国香港", "Hong Kong"), "MO": ("中国澳门", "Macao"),
    "TW": ("中国台湾", "Taiwan"), "JP": ("日本", "Japan"), "KR": ("韩国", "Korea"),
    "SG": ("新加坡", "Singapore"), "DE": ("德国", "Germany"), "FR": ("法国", "France"),
    "GB": ("英国", "United Kingdom"), "IT": ("意大利", "Italy"), "NL": ("荷兰", "Netherlands"),
    "US": ("美国", "United States"), "CA": ("加拿大", "Canada"), "AU": ("澳大利亚", "Australia"),
    "AE": ("阿联酋", "UAE"), "SA": ("沙特阿拉伯", "Saudi Arabia"), "IL": ("以色列", "Israel"),
    "CH": ("瑞士", "Switzerland"), "ES": ("西班牙", "Spain"), "SE": ("瑞典", "Sweden"),
    "MY": ("马来西亚", "Malaysia"), "TH": ("泰国", "Thailand"), "VN": ("越南", "Vietnam"),
    "IN": ("印度", "India"), "QA": ("卡塔尔", "Qatar"), "EG": ("埃及", "Egypt"),
}
_ZH_LANGUAGE = {"HK": "zh_HK", "MO": "zh_MO", "TW": "zh_TW"}


@dataclass(frozen=True)
class Holiday:
    country: str
    day: date
    name_zh: str
    name_en: str
    key: str  # the English name as the source gives it (groups the days of one holiday)


@dataclass(frozen=True)
class ChinaDay:
    """What China's calendar says of a day: a holiday, a moved working day, or not known."""

    holiday: Holiday | None
    moved_workday: bool  # a Saturday or Sunday worked to make up for a holiday (调休上班)
    known: bool  # False beyond chinese-calendar's table


def country_name(code: str) -> tuple[str, str]:
    return COUNTRY_NAMES.get(code.upper(), (code.upper(), code.upper()))


@lru_cache(maxsize=512)
def _table(country: str, year: int, language: str | None) -> dict[date, str]:
    return holiday_table(country, year, language)  # from the cache file, or the package


@lru_cache(maxsize=256)  # a country's table is built to ask it (0.3 ms); once will do
def _languages(country: str) -> tuple[str | None, str | None]:
    supported = supported_languages(country)
    if supported is None:  # a country the package does not know
        return None, None
    zh = "zh_CN" if "zh_CN" in supported else (
        _ZH_LANGUAGE.get(country) if _ZH_LANGUAGE.get(country) in supported else None)
    en = next((lang for lang in (f"en_{country}", "en_US", "en_GB") if lang in supported), None)
    return zh, en


@lru_cache(maxsize=8192)  # ten years of days; check asks each tens of times
def china_day(day: date) -> ChinaDay:
    import chinese_calendar

    try:
        is_holiday, name = chinese_calendar.get_holiday_detail(day)
        workday = chinese_calendar.is_workday(day)
    except NotImplementedError:
        fallback = public_holiday("CN", day, use_chinese_calendar=False)
        return ChinaDay(fallback, False, known=False)
    if is_holiday and name:
        return ChinaDay(Holiday("CN", day, CN_NAMES.get(name, name), name, name), False, True)
    return ChinaDay(None, workday and day.weekday() >= 5, True)


def public_holiday(country: str, day: date, use_chinese_calendar: bool = True) -> Holiday | None:
    """The public holiday in ``country`` on ``day``, with its Chinese and English names."""
    code = country.upper()
    if code == "CN" and use_chinese_calendar:
        return china_day(day).holiday
    zh_lang, en_lang = _languages(code)
    key = _table(code, day.year, en_lang).get(day)
    if key is None:
        return None
    name_en = key
    name_zh = _table(code, day.year, zh_lang).get(day, name_en) if zh_lang else name_en
    return Holiday(code, day, name_zh, name_en, key)


@lru_cache(maxsize=1)
def calendar_last_year() -> int:
    """The last year chinese-calendar knows."""
    import chinese_calendar

    return max(d.year for d in chinese_calendar.holidays)
