"""The pocket overview fits one page; the checklist is built from the trip's own data."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from briefs import BriefOptions, TripBrief, collect_trip, render_trip
from models.language import Lang
from tests.briefs.pdf_helpers import flat, page_texts, squash
from tests.briefs.world import BriefWorld

ZH = BriefOptions(generated_on=date(2023, 3, 1))
EN = BriefOptions(generated_on=date(2023, 3, 1), lang=Lang.EN)
World = tuple[sessionmaker[Session], BriefWorld]


@pytest.fixture(scope="module")
def trip(brief_world: World) -> TripBrief:
    sessions, w = brief_world
    with sessions() as session:
        return collect_trip(session, w.trip_code)


def test_the_pocket_overview_is_one_page_with_every_day(trip: TripBrief) -> None:
    pages = [squash(p) for p in page_texts(render_trip(trip, ZH))]
    (page,) = [p for p in pages if "行程一览Itineraryataglance" in p and "天Day" in p]
    days = (trip.trip.end_date - trip.trip.start_date).days + 1
    for n in range(days):
        day = trip.trip.start_date.toordinal() + n
        d = date.fromordinal(day)
        assert f"{d.month}月{d.day}日" in page
    assert "09:00拜访博世" in page and "法兰克福洲际酒店" in page


def test_the_checklist_warns_of_papers_and_says_the_time_difference(trip: TripBrief) -> None:
    t = trip.trip
    members = list(t.members)
    members[0] = dataclasses.replace(members[0], person=dataclasses.replace(
        members[0].person, passport_number="EA1", passport_expires=date(2023, 6, 1),
        dietary="清真"))
    data = dataclasses.replace(trip, trip=dataclasses.replace(t, members=tuple(members)))
    text = flat(render_trip(data, ZH))
    assert "出行前核对清单" in text
    assert "王建国：护照2023-06-01到期，不足6个月有效期" in text
    assert "未登记护照" in text  # the others have none on file
    assert "德国：C/F，230V" in text and "德国：欧元" in text
    # Frankfurt is 7 hours behind until the clocks change on 26 March, then 6
    assert "法兰克福：比北京晚7小时（3月26日起比北京晚6小时）" in text
    assert "王建国：清真" in text and "+861012308" in text
    en = flat(render_trip(data, EN))
    assert "Frankfurt:7hbehindBeijing(6hbehindBeijingfrom26Mar)" in en
    assert "Germany:typeC/F,230V" in en
