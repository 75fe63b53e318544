"""An all-day itinerary item (a trade fair from a partner's calendar) prints as whole days,
not as 00:00-23:59, in Chinese and in English."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from briefs import BriefOptions, collect_trip, render_trip
from models.enums import ItemKind
from models.language import Lang
from tests.briefs.pdf_helpers import flat
from tests.briefs.world import BriefWorld


def test_an_all_day_fair_prints_as_whole_days(
        brief_world: tuple[sessionmaker[Session], BriefWorld]) -> None:
    sessions, w = brief_world
    with sessions() as session:
        data = collect_trip(session, w.trip_code)
    first = data.trip.items[0]
    zone = ZoneInfo(first.timezone)
    day = first.local_start.date()
    fair = dataclasses.replace(
        first, kind=ItemKind.TRADE_FAIR, title_zh="汉诺威工业博览会", title_en="Hannover Messe",
        all_day=True, organisation=None, attendees=(),
        starts_at=datetime.combine(day, time(), zone),
        ends_at=datetime.combine(day + timedelta(days=1), time(23, 59), zone))
    data = dataclasses.replace(data, trip=dataclasses.replace(
        data.trip, items=(fair, *data.trip.items[1:])))
    zh = flat(render_trip(data, BriefOptions(generated_on=date(2023, 3, 1))))
    en = flat(render_trip(data, BriefOptions(generated_on=date(2023, 3, 1), lang=Lang.EN)))
    # the text of the fair's row: local time, Beijing time, kind and title (flat: no spaces)
    assert "全天至" in zh and "全天展会汉诺威工业博览会" in zh
    assert "Allday" in en and "AlldayTradefairHannoverMesse" in en
