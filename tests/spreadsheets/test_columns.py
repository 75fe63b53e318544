"""Headers in Chinese and English find their fields; missing and repeated ones are reported."""

from __future__ import annotations

import pytest

from spreadsheets.columns import (
    LEAD_COLUMNS,
    ORGANISATION_COLUMNS,
    PERSON_COLUMNS,
    Column,
    header_key,
    map_columns,
)

KINDS = {"organisations": ORGANISATION_COLUMNS, "people": PERSON_COLUMNS, "leads": LEAD_COLUMNS}


@pytest.mark.parametrize("columns", KINDS.values(), ids=KINDS.keys())
def test_no_header_name_means_two_fields_of_one_kind(columns: tuple[Column, ...]) -> None:
    owner: dict[str, str] = {}
    for column in columns:
        for alias in (*column.aliases, column.zh, column.en):
            key = header_key(alias)
            assert owner.setdefault(key, column.key) == column.key, (alias, owner[key], column.key)


def test_chinese_organisation_headers() -> None:
    headers = ("序号", "机构名称", "英文名称", "类型", "产业", "世界500强排名", "中国500强排名", "总部城市",
               "国家/地区", "网址", "备注")
    found = map_columns(headers, ORGANISATION_COLUMNS)
    assert found.problems == ()
    assert found.ignored == ("序号",)
    assert found.index == {"name_zh": 1, "name_en": 2, "kind": 3, "industry": 4,
                           "fortune_global_500_rank": 5, "china_top_500_rank": 6, "hq_city": 7,
                           "hq_country": 8, "website": 9, "notes": 10}


def test_english_full_width_and_starred_headers() -> None:
    headers = (" *Name ", "Name (EN)", "ＫＩＮＤ", "Industry", "Fortune Global 500 rank", "Country")
    found = map_columns(headers, ORGANISATION_COLUMNS)
    assert found.problems == ()
    assert [found.header(k) for k in ("name_zh", "name_en", "kind", "hq_country")] == \
        [" *Name ", "Name (EN)", "ＫＩＮＤ", "Country"]


def test_bracketed_notes_english_variants_and_units() -> None:
    found = map_columns(("项目名称", "名称（英文）", "机构", "投资金额（万元）", "到位资金(亿元)"),
                        LEAD_COLUMNS)
    assert found.problems == ()
    assert found.index["title_en"] == 1
    assert found.multipliers == {"amount_cny": 10_000, "funds_in_cny": 10**8}


def test_people_headers() -> None:
    found = map_columns(("姓名", "英文名", "职务", "单位", "电话", "邮箱", "语言"), PERSON_COLUMNS)
    assert found.problems == ()
    assert set(found.index) == {"name_zh", "name_en", "title_zh", "unit", "phone", "email",
                                "languages"}


def test_a_missing_required_column_names_the_alternatives() -> None:
    found = map_columns(("英文名称", "备注"), ORGANISATION_COLUMNS)
    [(zh, en)] = found.problems
    assert "找不到“名称”列" in zh and "机构名称" in zh and "英文名称、备注" in zh
    assert "No 'Name' column" in en


def test_two_columns_for_one_field() -> None:
    found = map_columns(("项目名称", "机构", "金额", "投资金额（亿元）"), LEAD_COLUMNS)
    [(zh, _)] = found.problems
    assert zh == "“金额”和“投资金额（亿元）”两列都是金额，请删去一列"


def test_an_amount_column_in_an_unknown_unit() -> None:
    found = map_columns(("项目名称", "机构", "金额（美元）"), LEAD_COLUMNS)
    [(zh, _)] = found.problems
    assert "单位无法识别" in zh


def test_traditional_character_headers_from_hong_kong_and_taiwan() -> None:
    headers = ("項目名稱", "機構", "金額（萬元）", "階段", "責任單位", "簽約日期", "備註")
    found = map_columns(headers, LEAD_COLUMNS)
    assert found.problems == ()
    assert set(found.index) == {"title_zh", "organisation", "amount_cny", "stage", "unit",
                                "signed_on", "notes"}
    people = map_columns(("姓名", "職務", "單位", "電話", "電郵", "語言"), PERSON_COLUMNS)
    assert people.problems == () and people.ignored == ()
