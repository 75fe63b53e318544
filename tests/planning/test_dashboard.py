"""The dashboard's read: progress, the next fortnight, open conflicts and the month's board."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.enums import ConflictKind, EventKind, LeadStage, MemberRole
from models.errors import NotFoundError
from models.operations.events import EventDraft, create_event
from models.operations.leads import LeadDraft, create_lead, record_hq_visit
from models.operations.trips import cancel_trip
from models.timeutil import at
from planning.dashboard import read_dashboard, upcoming_entries
from tests.factories import World, confirm_results, make_trip, make_world


def _plan(sessions: sessionmaker[Session]) -> tuple[World, str, str, str]:
    with sessions.begin() as s:
        w = make_world(s)
        march = make_trip(s, w)  # 23–30 March
        clash = make_trip(s, w, title_zh="日本半导体路演", start_date=date(2023, 3, 27),
                          end_date=date(2023, 3, 29), members=[(w.leader_id, MemberRole.LEADER)])
        summit = create_event(s, EventDraft(
            EventKind.INDUSTRY_SUMMIT, "新能源汽车产业峰会",
            at(date(2023, 4, 3), "09:00", "Asia/Shanghai"),
            at(date(2023, 4, 3), "17:00", "Asia/Shanghai"), "Asia/Shanghai",
            city_id=w.dongguan_id)).value
    return w, march.code, clash.code, summit.code


def test_the_fortnight_from_a_chosen_day(sessions: sessionmaker[Session]) -> None:
    _w, march, clash, summit = _plan(sessions)
    with sessions() as s:
        data = read_dashboard(s, date(2025, 6, 10), chosen=date(2023, 3, 20))
        under_way = upcoming_entries(s, date(2023, 3, 28))
        later = upcoming_entries(s, date(2023, 4, 4))
    assert (data.year, data.today) == (2023, date(2023, 3, 20))
    assert data.progress.campaign.year == 2023
    assert [e.code for e in data.upcoming] == [march, clash, summit]
    assert [e.code for e in under_way] == [march, clash, summit]  # trips still under way count
    assert later == []
    assert [(c.kind, c.codes) for c in data.conflicts] == [
        (ConflictKind.PERSON_DOUBLE_BOOKED, (march, clash))]
    assert data.board == ()


def test_a_past_campaign_is_seen_from_the_same_day_of_its_year(
        sessions: sessionmaker[Session]) -> None:
    _plan(sessions)
    with sessions() as s:
        data = read_dashboard(s, date(2025, 3, 26))
    assert data.today == date(2023, 3, 26)


def test_cancelled_trips_are_not_upcoming_nor_in_conflict(sessions: sessionmaker[Session]) -> None:
    _w, march, clash, summit = _plan(sessions)
    with sessions.begin() as s:
        cancel_trip(s, clash, "改期")
    with sessions() as s:
        data = read_dashboard(s, date(2023, 3, 20))
    assert [e.code for e in data.upcoming] == [march, summit]
    assert data.conflicts == ()


def test_the_board_keeps_units_with_results_this_month(sessions: sessionmaker[Session]) -> None:
    w, *_ = _plan(sessions)
    with sessions.begin() as s:
        create_lead(s, LeadDraft("电池工厂", w.org_id, 2_500_000_000, LeadStage.SIGNED,
                                 unit_id=w.unit_id, first_contact_on=date(2023, 1, 10),
                                 signed_on=date(2023, 3, 10)))
        record_hq_visit(s, w.org_id, date(2023, 3, 12), unit_id=w.unit_id)
        confirm_results(s)
    with sessions() as s:
        march = read_dashboard(s, date(2023, 3, 20))
        april = read_dashboard(s, date(2023, 4, 20))
    assert [(r.rank, r.unit.name_zh, r.signed_leads, r.signed_cny, r.hq_visits)
            for r in march.board] == [(1, "松山湖高新区", 1, 2_500_000_000, 1)]
    assert april.board == ()


def test_no_campaign_yet(sessions: sessionmaker[Session]) -> None:
    with sessions() as s, pytest.raises(NotFoundError):
        read_dashboard(s, date(2023, 3, 20))


@pytest.mark.parametrize("day", [date(2023, 1, 9), date(2023, 6, 1), date(2023, 11, 20)])
def test_the_dashboard_reads_what_it_shows_in_a_bounded_number_of_statements(
        sample_sessions: sessionmaker[Session], day: date) -> None:
    """Whatever the day (what varies is which checks have records to read): the progress
    without the campaign report's breakdowns by region and industry (the dashboard shows
    neither: 55 statements before), counted one statement a table with its months (43-46
    before: 38-41) from the campaign's row read once (37-40 before), the fortnight, the open
    checks (the targets' counts of this year only, trips and regions at once: 36-39; the
    days the open trips and events span read with their codes: 34-37), the board."""
    from models.progress import campaign_progress
    from tests.statements import recorded

    with sample_sessions() as s:
        with recorded(s) as statements:
            data = read_dashboard(s, date(2026, 12, 3), day)
        assert data.progress.by_region == () and data.progress.by_industry == ()
        full = campaign_progress(s, data.year)
    assert full.measures == data.progress.measures and full.by_month == data.progress.by_month
    assert full.by_region and full.by_industry
    assert 34 <= len(statements) <= 37
