"""Weather and dress, consulates and duty phones in the delegation brief's checklist: from the
briefs' own data files (averages, not forecasts; each city's own mission), zh and en."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from briefs import BriefOptions, TripBrief, collect_trip, render_trip
from briefs.destinations import Climate, climate, country_help, dress, hotline
from models.language import Lang
from models.rows import CityRow
from tests.briefs.pdf_helpers import flat
from tests.briefs.world import BriefWorld

ZH = BriefOptions(generated_on=date(2023, 3, 1))
EN = BriefOptions(generated_on=date(2023, 3, 1), lang=Lang.EN)


@pytest.fixture(scope="module")
def trip(brief_world: tuple[sessionmaker[Session], BriefWorld]) -> TripBrief:
    sessions, w = brief_world
    with sessions() as session:
        return collect_trip(session, w.trip_code)


def test_the_climate_table_has_every_sample_city_by_month() -> None:
    assert climate("法兰克福", "Frankfurt", 3) == Climate(11, 2)
    assert climate("", "tokyo", 8) == Climate(31, 24)  # by English name, case ignored
    assert climate("无名城", "Nowhere", 3) is None
    for name in ("香港", "澳门", "东京", "大阪", "名古屋", "首尔", "釜山", "法兰克福", "慕尼黑",
                 "斯图加特", "巴黎", "伦敦", "阿姆斯特丹", "米兰", "圣何塞", "旧金山", "纽约",
                 "波士顿", "底特律", "北京", "天津", "石家庄", "上海", "苏州", "杭州", "南京",
                 "合肥"):
        months = [climate(name, "", m) for m in range(1, 13)]
        assert all(c is not None and c.low < c.high for c in months), name
    assert dress(Climate(2, -6))[0].startswith("冬季厚大衣")
    assert "light summer" in dress(Climate(31, 24))[1]


def test_each_city_has_the_mission_of_its_district() -> None:
    us = country_help("US", ["圣何塞", "纽约"])
    assert us is not None and us.emergency == "911"
    assert [m.zh for m in us.missions] == ["中国驻纽约总领事馆", "中国驻旧金山总领事馆"]
    assert us.missions[1].phone == "+1 415 929 6998"
    de = country_help("DE", ["斯图加特"])  # Baden-Württemberg belongs to Munich's district
    assert de is not None and [m.zh for m in de.missions] == ["中国驻慕尼黑总领事馆"]
    assert country_help("DE", ["柏林"]).missions[0].zh == "中国驻德国大使馆"  # type: ignore[union-attr]
    hk = country_help("HK", ["香港"])
    assert hk is not None and "不适用领事保护" in hk.note_zh
    assert country_help("CN", ["北京"]) is None
    assert hotline()[2] == ("+86 10 12308", "+86 10 6561 2308")


def test_the_checklist_gives_weather_dress_consulate_and_duty_phones(trip: TripBrief) -> None:
    campaign = dataclasses.replace(trip.pitch.campaign, duty_phone="+86 769 2283 0000")
    data = dataclasses.replace(trip, pitch=dataclasses.replace(trip.pitch, campaign=campaign))
    text = flat(render_trip(data, ZH))
    assert "法兰克福3月：平均最高11°C，最低2°C—正装外加冬季大衣" in text
    assert "以上为多年平均气温，不是天气预报" in text
    # no confirmed number for Frankfurt: the hotline puts the caller through, never a guess
    assert "德国：中国驻法兰克福总领事馆电话请经12308转接（frankfurt.china-consulate.gov.cn）" in text
    assert "德国当地报警急救：112" in text
    assert "+861012308、+861065612308" in text
    assert "局值班电话（24小时）：+8676922830000" in text
    en = flat(render_trip(data, EN))
    assert "FrankfurtinMar:averagehigh11°C,low2°C" in en
    assert "notaforecast" in en
    assert "Germany:Consulate-GeneralofChinainFrankfurt,phonethroughthe12308hotline" in en
    assert "Bureaudutyphone(24h):+8676922830000" in en


def test_a_missing_duty_phone_is_flagged_and_a_home_trip_has_no_consulate(
        trip: TripBrief) -> None:
    t = trip.trip
    home = CityRow(t.cities[0].id, "北京", "Beijing", "CN", "Asia/Shanghai", t.cities[0].region_id)
    data = dataclasses.replace(trip, trip=dataclasses.replace(t, cities=(home,)))
    text = flat(render_trip(data, ZH))
    assert "未登记局值班电话" in text
    assert "北京3月：平均最高13°C，最低1°C" in text
    assert "领事保护服务应急热线" not in text and "总领事馆" not in text
