"""Cells as people write them: amounts in 元/万元/亿元, dates, ranks, countries, languages."""

from __future__ import annotations

from datetime import date

import pytest

from models.enums import LeadStage, OrganisationKind
from spreadsheets import values
from spreadsheets.values import CellError


@pytest.mark.parametrize(("cell", "expected"), [
    ("6亿", 600_000_000),
    ("6亿元", 600_000_000),
    ("60,000万元", 600_000_000),
    ("6000000000", 6_000_000_000),
    ("6,000,000,000", 6_000_000_000),
    ("6000000000.0", 6_000_000_000),
    ("¥1.5亿", 150_000_000),
    ("￥ 1.5 亿元", 150_000_000),
    ("1.23456789亿", 123_456_789),
    ("3.2万", 32_000),
    ("５０亿", 5_000_000_000),  # full-width digits
    ("6亿元人民币", 600_000_000),
    ("6億", 600_000_000),  # traditional characters (Hong Kong, Macau, Taiwan)
    ("60,000萬元", 600_000_000),
    ("CNY 6 bn", 6_000_000_000),
    ("RMB 600 million", 600_000_000),
    ("0", 0),
    ("-5万", -50_000),  # parsed; the model refuses negative amounts with its own message
])
def test_amounts(cell: str, expected: int) -> None:
    assert values.amount(cell) == expected


def test_a_column_unit_applies_to_bare_numbers_only() -> None:
    assert values.amount("60000", multiplier=10_000) == 600_000_000
    assert values.amount("1.5", multiplier=10**8) == 150_000_000
    assert values.amount("6亿", multiplier=10_000) == 600_000_000  # the cell's own unit wins


@pytest.mark.parametrize("cell", ["六亿", "6亿5千万", "1,5亿", "about 6", "6 亿 美元", "1e9",
                                  "99999999999999999亿"])
def test_amounts_that_are_refused(cell: str) -> None:
    with pytest.raises(CellError):
        values.amount(cell)


@pytest.mark.parametrize(("note", "unit"), [
    ("万元", 10_000), ("亿元", 10**8), ("元", 1), ("单位：万元", 10_000), ("CNY bn", 10**9),
    ("RMB million", 10**6), ("美元", None), ("", None),
])
def test_header_units(note: str, unit: int | None) -> None:
    assert values.header_multiplier(note) == unit


@pytest.mark.parametrize("cell", ["2023-03-05", "2023/3/5", "2023.3.5", "2023年3月5日", "2023年03月05号",
                                  "20230305", "2023-03-05 00:00:00", "２０２３-３-５"])
def test_dates(cell: str) -> None:
    assert values.day(cell) == date(2023, 3, 5)


@pytest.mark.parametrize(("cell", "message"), [
    ("3/5/2023", "年-月-日"), ("2023-02-30", "日期不存在"), ("下周一", "年-月-日"),
])
def test_dates_that_are_refused(cell: str, message: str) -> None:
    with pytest.raises(CellError, match=message):
        values.day(cell)


@pytest.mark.parametrize(("cell", "rank"), [
    ("95", 95), ("95.0", 95), ("第95名", 95), ("第 95 位", 95), ("No. 95", 95), ("#3", 3),
    ("", None), ("-", None), ("未上榜", None), ("N/A", None), ("无", None),
])
def test_ranks(cell: str, rank: int | None) -> None:
    assert values.rank(cell) == rank


def test_a_rank_that_is_not_a_number() -> None:
    with pytest.raises(CellError, match="无法识别的排名"):
        values.rank("前十")


@pytest.mark.parametrize(("cell", "code"), [
    ("德国", "DE"), ("Germany", "DE"), ("de", "DE"), ("中国香港", "HK"), ("香港", "HK"),
    ("美国", "US"), ("U.S.A.", "US"), ("United Kingdom", "GB"), ("UK", "GB"), ("韩国", "KR"),
    ("South Korea", "KR"), ("ＪＰ", "JP"), ("中华人民共和国", "CN"),
])
def test_countries(cell: str, code: str) -> None:
    assert values.country(cell) == code


def test_an_unknown_country_asks_for_its_code() -> None:
    with pytest.raises(CellError, match="两位字母代码"):
        values.country("火星")


@pytest.mark.parametrize(("cell", "codes"), [
    ("中文、英语", "zh,en"), ("Chinese; English", "zh,en"), ("zh/en/ja", "zh,en,ja"),
    ("普通话，粤语，英语", "zh,yue,en"), ("英语 英语", "en"),
])
def test_languages(cell: str, codes: str) -> None:
    assert values.languages(cell) == codes


def test_an_unknown_language() -> None:
    with pytest.raises(CellError, match="无法识别的语言"):
        values.languages("中文、火星语")


def test_choices_by_value_label_or_alias() -> None:
    assert values.choice("洽谈", LeadStage) is LeadStage.NEGOTIATION
    assert values.choice("Funds in", LeadStage) is LeadStage.FUNDS_IN
    assert values.choice("funds_in", LeadStage) is LeadStage.FUNDS_IN
    assert values.choice(" 商会 ", OrganisationKind, {"商会": OrganisationKind.CHAMBER}) \
        is OrganisationKind.CHAMBER
    with pytest.raises(CellError, match="可选：接洽、洽谈"):
        values.choice("谈恋爱", LeadStage)


def test_text_keeps_chinese_and_drops_invisible_padding() -> None:
    assert values.text("\u3000\ufeff𠮷野家\u200b \xa0") == "𠮷野家"
