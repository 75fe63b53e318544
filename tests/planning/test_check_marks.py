"""What the calendar shows of the checks: marks by record and holidays at destinations."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from models.changes import RecordKind
from models.enums import Severity
from models.language import Lang
from planning.check_marks import destination_holidays, read_marks
from tests.factories import item_draft, make_trip, make_world
from tests.models.checks.places import add_city


def test_holidays_at_the_destinations_in_chinese_and_english(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        hk = add_city(s, w, "香港", "Hong Kong", "HK", "Asia/Hong_Kong")
        make_trip(s, w, start_date=date(2023, 6, 30), end_date=date(2023, 7, 2), city_ids=[hk])
        make_trip(s, w, title_zh="德国复活节", start_date=date(2023, 4, 6),
                  end_date=date(2023, 4, 8), leader_id=None, members=[])
    with sessions() as s:
        zh = destination_holidays(s, date(2023, 4, 1), date(2023, 7, 31), Lang.ZH)
        en = destination_holidays(s, date(2023, 4, 1), date(2023, 7, 31), Lang.EN)
    assert zh[date(2023, 7, 1)] == ("中国香港：香港特别行政区成立纪念日",)
    assert en[date(2023, 7, 1)] == ("Hong Kong: Hong Kong Special Administrative Region "
                                    "Establishment Day",)
    assert zh[date(2023, 4, 7)] == ("德国：Good Friday",)  # no Chinese name in the package
    assert date(2023, 6, 30) not in zh


def test_marks_by_trip_and_item(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=[item_draft(w, day=25)])  # Saturday 25 March
    with sessions() as s:
        marks = read_marks(s, date(2023, 3, 1), date(2023, 3, 31), Lang.EN)
        item_id = next(iter(marks.by_item))
    mark = marks.by_code[trip.code]
    assert mark.severity is Severity.WARNING and mark.target[:2] == (RecordKind.TRIP, trip.id)
    assert any("a weekend day in Germany" in t for t in marks.by_item[item_id].texts)
