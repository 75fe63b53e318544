"""Words and formats of the printed page in either language: labels, dates, times, money.

Everything returned here is plain text; :func:`esc` turns user text into safe Paragraph markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from models.language import Lang

WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
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
        if self.en:
            head = f"{WEEKDAYS_EN[d.weekday()]} " if weekday else ""
            return f"{head}{d.day} {MONTHS_EN[d.month - 1]} {d.year}"
        tail = f"（{WEEKDAYS_ZH[d.weekday()]}）" if weekday else ""
        return f"{d.year}年{d.month}月{d.day}日{tail}"

    def short_day(self, d: date) -> str:
        """3月24日 星期五 / Fri 24 Mar."""
        if self.en:
            return f"{WEEKDAYS_EN[d.weekday()]} {d.day} {MONTHS_EN[d.month - 1]}"
        return f"{d.month}月{d.day}日 {WEEKDAYS_ZH[d.weekday()]}"

    def day_month(self, d: date) -> str:
        """3月30日 / 30 Mar."""
        return f"{d.day} {MONTHS_EN[d.month - 1]}" if self.en else f"{d.month}月{d.day}日"

    def span(self, start: date, end: date, year: bool = True) -> str:
        """2023年3月23日—3月30日 / 23–30 Mar 2023 (inclusive dates); without the year on request."""
        if not year:
            if self.en and (start.month == end.month):
                return f"{start.day}–{end.day} {MONTHS_EN[end.month - 1]}"
            sep = " – " if self.en else "—"
            return f"{self.day_month(start)}{sep}{self.day_month(end)}"
        if self.en:
            if (start.year, start.month) == (end.year, end.month):
                return f"{start.day}–{end.day} {MONTHS_EN[end.month - 1]} {end.year}"
            if start.year == end.year:
                return (f"{start.day} {MONTHS_EN[start.month - 1]} – {end.day} "
                        f"{MONTHS_EN[end.month - 1]} {end.year}")
            return f"{self.day(start, False)} – {self.day(end, False)}"
        tail = f"{end.month}月{end.day}日" if start.year == end.year else self.day(end, False)
        return f"{self.day(start, False)}—{tail}"

    def month(self, m: int) -> str:
        return MONTHS_EN[m - 1] if self.en else f"{m}月"

    def days(self, n: int) -> str:
        return f"{n} day{'s' if n != 1 else ''}" if self.en else f"{n} 天"

    def money(self, amount: int) -> str:
        """CNY as Chinese reports give it (亿元, 万元) or in billions/millions."""
        if self.en:
            if abs(amount) >= 1_000_000_000:
                return f"CNY {_trim(amount / 1_000_000_000)} bn"
            if abs(amount) >= 1_000_000:
                return f"CNY {_trim(amount / 1_000_000)} m"
            return f"CNY {amount:,}"
        if abs(amount) >= 100_000_000:
            return f"{_trim(amount / 100_000_000)} 亿元"
        if abs(amount) >= 10_000:
            return f"{_trim(amount / 10_000)} 万元"
        return f"{amount:,} 元"

    def rank(self, label_zh: str, label_en: str, rank: int | None) -> str:
        if rank is None:
            return ""
        return f"{label_en} #{rank}" if self.en else f"{label_zh}第 {rank} 位"

    def percent(self, ratio: float) -> str:
        return f"{ratio * 100:.0f}%"


def _trim(value: float) -> str:
    """1,600 / 52.5 / 0.35: at most two decimals, no trailing zeros."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text or "0"


def hm(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def utc_offset(moment: datetime) -> str:
    """``UTC+8``, ``UTC+5:30``, ``UTC-7`` for an aware datetime."""
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")
