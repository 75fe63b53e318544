"""What the calendar shows of the checks: marks by record and holidays at destinations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.changes import RecordKind
from models.checks import Conflict
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


def test_a_view_s_marks_check_only_its_entries(sessions: sessionmaker[Session],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Given the entries a view shows, their marks are the same as the whole range's, and the
    campaign-wide target checks (every trip and event of the year read, with their
    industries; nothing a calendar entry shows) are not run."""
    from models.checks import targets
    from planning.feed import load_entries

    years_checked: list[object] = []
    check_targets = targets.targets

    def spy(session: Session, years: Sequence[int] | None = None) -> list[Conflict]:
        years_checked.append(years)
        return check_targets(session, years)

    monkeypatch.setattr(targets, "targets", spy)
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=[item_draft(w, day=25)])  # Saturday 25 March
        make_trip(s, w, title_zh="六月推介", start_date=date(2023, 6, 5), end_date=date(2023, 6, 9))
    with sessions() as s:
        everything = read_marks(s, date(2023, 3, 1), date(2023, 3, 31), Lang.EN)
        assert years_checked == [[2023]]
        entries = load_entries(s, date(2023, 3, 1), date(2023, 3, 31))
        shown = read_marks(s, date(2023, 3, 1), date(2023, 3, 31), Lang.EN, entries)
        none = read_marks(s, date(2023, 3, 1), date(2023, 3, 31), Lang.EN, [])
    assert years_checked == [[2023]]  # not again for the view's entries
    assert shown == everything
    assert shown.by_code[trip.code].severity is Severity.WARNING and shown.by_item
    assert none.by_code == {} and none.by_item == {}
