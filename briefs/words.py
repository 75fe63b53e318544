"""Words and formats of the printed page in either language: labels, dates, times, money.

Everything returned here is plain text; :func:`esc` turns user text into safe Paragraph markup.
Dates, money and UTC offsets come from ``models.wording``, shared with the window and the terminal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from html import escape as _html_escape
from typing import TYPE_CHECKING

from briefs.fonts import active_coverage
from models.language import Lang
from models.wording import (
    MONTHS_EN,
    country_name,
    date_span,
    day_month,
    language_names,
    long_day,
    money,
    short_day,
    zone_name,
)

if TYPE_CHECKING:
    from models.rows import PersonRow

# "法兰克福洲际酒店 (InterContinental Frankfurt)": Chinese, then the English in brackets
_BILINGUAL = re.compile(r"^(.*[\u2e80-\u9fff].*?)\s*[（(]([^()（）]*[A-Za-z][^()（）]*)[)）]$")

def esc(text: str) -> str:
    """User text as Paragraph markup that prints literally: ``<``, ``>``, ``&`` and newlines.

    While a brief renders, characters its font lacks are set in a fallback font (emoji,
    symbols), and a character no font has becomes a visible marker (``briefs.fonts``).
    """
    lines = _html_escape(text.strip(), quote=False).splitlines()  # &, <, > as saxutils did
    joined = "<br/>".join(lines)
    cov = active_coverage()
    return cov.markup(joined) if cov is not None else joined


@dataclass(frozen=True)
class Words:
    """Chooses the words of one language. ``w("概况", "Overview")``."""

    lang: Lang = Lang.ZH

    @property
    def en(self) -> bool:
        return self.lang == "en"

    def __call__(self, zh: str, en: str) -> str:
        return en if self.en else zh

    def other(self, zh: str, en: str) -> str:
        """The other language's of the two: a name's form beside the one printed."""
        return zh if self.en else en

    def person(self, person: PersonRow | None) -> str:
        """A person's name and position: "郭一鸣 副市长" ("" for nobody)."""
        return f"{person.name(self.lang)} {person.title(self.lang)}".strip() if person else ""

    @property
    def none(self) -> str:
        """What an empty section or cell says."""
        return self("（无）", "None")

    def country(self, code: str) -> str:
        """``DE`` → 德国 / Germany (CLDR names through ``models.wording``)."""
        return country_name(code, self.lang)

    def languages(self, codes: str) -> str:
        """``zh,en`` → 中文、英语 / Chinese, English."""
        return language_names(codes, self.lang)

    def zone(self, zone: str, moment: datetime | None = None) -> str:
        """``Europe/Berlin`` → 中欧时间 / Central European Time (at ``moment``: summer time)."""
        return zone_name(zone, self.lang, moment)

    def place(self, text: str) -> str:
        """A place written "中文名 (English name)": the English name alone in English."""
        if self.en:
            match = _BILINGUAL.match(text.strip())
            if match:
                return match.group(2).strip()
        return text

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


def unconfirmed_cell(leads: int, amount: int, visits: int, w: Words) -> str:
    """A leaderboard's "待确认" cell: signed projects (their amount) and done visits awaiting a
    planner's confirmation, not counted in the ranking; "" when there are none."""
    if not (leads or visits):
        return ""
    parts = []
    if leads:
        parts.append(w(f"{leads} 项 {w.money(amount)}", f"{leads} ({w.money(amount)})"))
    if visits:
        parts.append(w(f"拜访 {visits}", f"{visits} visit(s)"))
    return " · ".join(parts)
