"""Words and formats of the printed page in either language: labels, dates, times, money.

Everything returned here is plain text; :func:`esc` turns user text into safe Paragraph markup.
Dates, money and UTC offsets come from ``models.wording``, shared with the window and the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from models.language import Lang
from models.wording import MONTHS_EN, date_span, day_month, long_day, money, short_day

COUNTRIES: dict[str, tuple[str, str]] = {
    "CN": ("中国", "China"), "HK": ("中国香港", "Hong Kong, China"),
    "MO": ("中国澳门", "Macao, China"), "TW": ("中国台湾", "Taiwan, China"),
    "JP": ("日本", "Japan"), "KR": ("韩国", "Korea"), "DE": ("德国", "Germany"),
    "US": ("美国", "United States"), "GB": ("英国", "United Kingdom"), "FR": ("法国", "France"),
    "IT": ("意大利", "Italy"), "NL": ("荷兰", "Netherlands"), "CH": ("瑞士", "Switzerland"),
    "SE": ("瑞典", "Sweden"), "SG": ("新加坡", "Singapore"), "ES": ("西班牙", "Spain"),
    "AT": ("奥地利", "Austria"), "BE": ("比利时", "Belgium"), "DK": ("丹麦", "Denmark"),
    "FI": ("芬兰", "Finland"), "CA": ("加拿大", "Canada"), "AU": ("澳大利亚", "Australia"),
}


def esc(text: str) -> str:
    """User text as Paragraph markup that prints literally: ``<``, ``>``, ``&`` and newlines."""
    lines = escape(text.strip()).splitlines()
    return "<br/>".join(lines)


@dataclass(frozen=True)
class Words:
    """Chooses the words of one language. ``w("概况", "Overview")``."""

    lang: Lang = Lang.ZH

    @property
    def en(self) -> bool:
        return self.lang == "en"

    def __call__(self, zh: str, en: str) -> str:
        return en if self.en else zh

    @property
    def none(self) -> str:
        """What an empty section or cell says."""
        return self("（无）", "None")

    def country(self, code: str) -> str:
        names = COUNTRIES.get(code.upper())
        if names is None:
            return code
        return self(*names)

    def day(self, d: date, weekday: bool = True) -> str:
        """2023年3月24日（星期五） / Fri 24 Mar 2023."""
        return long_day(d, self.lang, weekday)

    def short_day(self, d: date) -> str:
        """3月24日 星期五 / Fri 24 Mar."""
        return short_day(d, self.lang)

    def day_month(self, d: date) -> str:
        """3月30日 / 30 Mar."""
        return day_month(d, self.lang)

    def span(self, start: date, end: date, year: bool = True) -> str:
        """2023年3月23日—3月30日 / 23–30 Mar 2023 (inclusive dates); without the year on request."""
        return date_span(start, end, self.lang, year)

    def month(self, m: int) -> str:
        return self(f"{m}月", MONTHS_EN[m - 1])

    def days(self, n: int) -> str:
        return f"{n} day{'s' if n != 1 else ''}" if self.en else f"{n} 天"

    def money(self, amount: int) -> str:
        """CNY as Chinese reports give it (亿元, 万元) or in billions/millions (``models.wording``)."""
        return money(amount, self.lang)

    def rank(self, label_zh: str, label_en: str, rank: int | None) -> str:
        if rank is None:
            return ""
        return f"{label_en} #{rank}" if self.en else f"{label_zh}第 {rank} 位"

    def percent(self, ratio: float) -> str:
        return f"{ratio * 100:.0f}%"


def hm(moment: datetime) -> str:
    return f"{moment:%H:%M}"
