"""Labels and formats of the printed page."""

from __future__ import annotations

from datetime import date

import pytest

from briefs.words import Words, esc
from models.language import Lang

ZH, EN = Words(Lang.ZH), Words(Lang.EN)


@pytest.mark.parametrize(("amount", "zh", "en"), [
    (160_000_000_000, "1,600 亿元", "CNY 160 bn"),
    (6_800_000_000, "68 亿元", "CNY 6.8 bn"),
    (500_000_000, "5 亿元", "CNY 500 m"),
    (35_000_000, "3,500 万元", "CNY 35 m"),
    (9_999, "9,999 元", "CNY 9,999"),
    (0, "0 元", "CNY 0"),
])
def test_money(amount: int, zh: str, en: str) -> None:
    assert (ZH.money(amount), EN.money(amount)) == (zh, en)


def test_dates_and_spans() -> None:
    d = date(2023, 3, 24)
    assert ZH.day(d) == "2023年3月24日（星期五）"
    assert EN.day(d) == "Fri 24 Mar 2023"
    assert ZH.short_day(d) == "3月24日 星期五"
    assert ZH.span(date(2023, 3, 23), date(2023, 3, 30)) == "2023年3月23日—3月30日"
    assert EN.span(date(2023, 3, 23), date(2023, 3, 30)) == "23–30 Mar 2023"
    assert EN.span(date(2023, 3, 30), date(2023, 4, 2)) == "30 Mar – 2 Apr 2023"
    assert ZH.span(date(2023, 12, 30), date(2024, 1, 2)) == "2023年12月30日—2024年1月2日"
    assert ZH.span(date(2023, 3, 30), date(2023, 4, 2), year=False) == "3月30日—4月2日"
    assert EN.span(date(2023, 3, 23), date(2023, 3, 30), year=False) == "23–30 Mar"


def test_user_text_becomes_literal_markup() -> None:
    assert esc('A&B <Tech> "x"\nline 2') == 'A&amp;B &lt;Tech&gt; "x"<br/>line 2'
    assert ZH.none == "（无）" and EN.none == "None"
    assert ZH.country("DE") == "德国" and EN.country("de") == "Germany"
    assert ZH.country("XX") == "XX"
