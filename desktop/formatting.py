"""Dates, times, numbers and CNY amounts in the window.

The wording itself (money, dates, UTC offsets) lives in ``models.wording``, shared with the PDFs and
the terminal; this module adds what a table cell needs (``""`` for a missing value) and the
QLocale-specific bits (integers grouped by the locale, QDate conversions).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtGui import Qt as QtGuiNamespace

from models.language import Lang
from models.wording import money, numeric_day

_LOCALES = {
    "zh": QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript,
                  QLocale.Country.China),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def locale_for(lang: Lang) -> QLocale:
    return _LOCALES["en" if lang == "en" else "zh"]


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def fmt_date(day: date | None, lang: Lang, weekday: bool = True) -> str:
    """``2023-03-23 周四`` in Chinese, ``Thu 23 Mar 2023`` in English."""
    return "" if day is None else numeric_day(day, lang, weekday)


def fmt_time(moment: datetime) -> str:
    return QTime(moment.hour, moment.minute).toString("HH:mm")


def fmt_datetime(moment: datetime | None, lang: Lang) -> str:
    """An aware datetime in its own zone: ``2023-03-24 周五 09:30``."""
    if moment is None:
        return ""
    return f"{fmt_date(moment.date(), lang)} {fmt_time(moment)}"


def fmt_int(value: int | None, lang: Lang) -> str:
    return "" if value is None else locale_for(lang).toString(value)


def fmt_cny(amount: int | None, lang: Lang) -> str:
    """CNY as Chinese reports write it (亿元 / 万元), or ``CNY 6.5 bn`` in English."""
    return "" if amount is None else money(amount, lang)


def join_names(names: Iterable[str], lang: Lang) -> str:
    """``王建国、李晓敏`` in Chinese, ``Wang Jianguo, Li Xiaomin`` in English."""
    return ("、" if lang != "en" else ", ").join(n for n in names if n)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as typed: Qt renders a tooltip that looks like markup
    (``<b>x</b>``) as rich text, so such a text is escaped into HTML that reads as the text
    itself (lines kept); any other text is left as it is."""
    if not text or not QtGuiNamespace.mightBeRichText(text):
        return text
    body = html.escape(text).replace("\n", "<br>")
    return f'<p style="white-space: pre-wrap;">{body}</p>'


def in_brackets(text: str, lang: Lang) -> str:
    return f"（{text}）" if lang != "en" else f" ({text})"
