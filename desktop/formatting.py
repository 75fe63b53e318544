"""Dates, times, numbers and CNY amounts written the way the user's language expects (QLocale)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

from models.language import Lang

_LOCALES = {
    "zh": QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript,
                  QLocale.Country.China),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}

YI = 100_000_000  # 亿
WAN = 10_000  # 万


def locale_for(lang: Lang) -> QLocale:
    return _LOCALES["en" if lang == "en" else "zh"]


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def fmt_date(day: date | None, lang: Lang, weekday: bool = True) -> str:
    """``2023-03-23 周四`` in Chinese, ``Thu 23 Mar 2023`` in English."""
    if day is None:
        return ""
    loc = locale_for(lang)
    if lang == "en":
        return loc.toString(qdate(day), "ddd d MMM yyyy" if weekday else "d MMM yyyy")
    return loc.toString(qdate(day), "yyyy-MM-dd ddd" if weekday else "yyyy-MM-dd")


def fmt_time(moment: datetime) -> str:
    return QTime(moment.hour, moment.minute).toString("HH:mm")


def fmt_datetime(moment: datetime | None, lang: Lang) -> str:
    """An aware datetime in its own zone: ``2023-03-24 周五 09:30``."""
    if moment is None:
        return ""
    return f"{fmt_date(moment.date(), lang)} {fmt_time(moment)}"


def fmt_int(value: int | None, lang: Lang) -> str:
    return "" if value is None else locale_for(lang).toString(value)


def _trimmed(value: float, lang: Lang) -> str:
    text = locale_for(lang).toString(value, "f", 2)
    sep = locale_for(lang).decimalPoint()
    if sep in text:
        text = text.rstrip("0").rstrip(sep)
    return text


def fmt_cny(amount: int | None, lang: Lang) -> str:
    """CNY as Chinese reports write it (亿元 / 万元), or ``CNY 6.5 bn`` in English."""
    if amount is None:
        return ""
    if lang == "en":
        if abs(amount) >= 1_000_000_000:
            return f"CNY {_trimmed(amount / 1e9, lang)} bn"
        if abs(amount) >= 1_000_000:
            return f"CNY {_trimmed(amount / 1e6, lang)} m"
        return f"CNY {fmt_int(amount, lang)}"
    if abs(amount) >= YI:
        return f"{_trimmed(amount / YI, lang)} 亿元"
    if abs(amount) >= WAN:
        return f"{_trimmed(amount / WAN, lang)} 万元"
    return f"{fmt_int(amount, lang)} 元"


def zone_offset(moment: datetime) -> str:
    """``UTC+2`` for the zone the aware ``moment`` is in."""
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def join_names(names: Iterable[str], lang: Lang) -> str:
    """``王建国、李晓敏`` in Chinese, ``Wang Jianguo, Li Xiaomin`` in English."""
    return ("、" if lang != "en" else ", ").join(n for n in names if n)


def in_brackets(text: str, lang: Lang) -> str:
    return f"（{text}）" if lang != "en" else f" ({text})"
