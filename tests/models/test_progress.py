"""Progress against targets and the monthly leaderboard of responsible units."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from models.enums import LeadStage, TripStatus, UnitKind
from models.operations.directory import create_unit
from models.operations.leads import LeadDraft, create_lead, lead_draft, record_hq_visit, update_lead
from models.operations.trips import set_trip_status
from models.progress import campaign_progress, leaderboard, leaderboards
from tests.factories import confirm_results, make_trip, make_world


def test_measures_count_done_work_against_targets(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        code = make_trip(s, w, status=TripStatus.UNDERWAY).code
        set_trip_status(s, code, TripStatus.DONE)
        make_trip(s, w, start_date=date(2023, 9, 1), end_date=date(2023, 9, 5))
        create_lead(s, LeadDraft("电池工厂", w.org_id, 6_000_000_000, LeadStage.SIGNED,
                                 unit_id=w.unit_id, signed_on=date(2023, 3, 28)))
        create_lead(s, LeadDraft("研发中心", w.org_id, 800_000_000, LeadStage.NEGOTIATION))
        create_lead(s, LeadDraft("放弃项目", w.org_id, 9_000_000_000, LeadStage.DROPPED))
        record_hq_visit(s, w.org_id, date(2023, 3, 2), unit_id=w.unit_id, team="第1小分队")
        confirm_results(s)
    with sessions() as s:
        progress = campaign_progress(s)
    m = {x.key: x for x in progress.measures}
    assert (m["trips"].target, m["trips"].done, m["trips"].planned) == (30, 1, 2)
    assert m["investment_cny"].done == 6_000_000_000
    assert m["investment_cny"].planned == 6_800_000_000
    assert (m["flagship_projects"].done, m["flagship_projects"].planned) == (1, 1)
    assert m["hq_visits"].done == 1
    assert round(m["investment_cny"].ratio, 4) == round(6 / 160, 4)
    eu = next(b for b in progress.by_region if b.ref.code == "EUUS")
    assert eu.trips == 2
    march = progress.by_month[2]
    assert march == (3, 1, 0, 6_000_000_000)


def test_leaderboard_ranks_units_by_signed_investment(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        other = create_unit(s, "长安镇", UnitKind.TOWN_STREET, "Chang'an Town").value
        third = create_unit(s, "市工业和信息化局", UnitKind.DEPARTMENT).value
        create_lead(s, LeadDraft("项目甲", w.org_id, 2_000_000_000, LeadStage.SIGNED,
                                 unit_id=w.unit_id, signed_on=date(2023, 5, 3)))
        create_lead(s, LeadDraft("项目乙", w.org_id, 3_000_000_000, LeadStage.FUNDS_IN,
                                 unit_id=other, signed_on=date(2023, 5, 20),
                                 funds_in_cny=1_000_000_000))
        create_lead(s, LeadDraft("项目丙", w.org_id, 9_000_000_000, LeadStage.SIGNED,
                                 unit_id=third, signed_on=date(2023, 6, 1)))
        record_hq_visit(s, w.org_id, date(2023, 5, 9), unit_id=third)
        confirm_results(s)
    with sessions() as s:
        may = leaderboard(s, 2023, 5)
        year = leaderboard(s, 2023)
    assert [(r.rank, r.unit.name_zh) for r in may] == [
        (1, "长安镇"), (2, "松山湖高新区"), (3, "市工业和信息化局")]
    assert may[0].funds_in_cny == 1_000_000_000 and may[2].hq_visits == 1
    assert year[0].unit.name_zh == "市工业和信息化局" and year[0].signed_cny == 9_000_000_000


def test_unconfirmed_results_are_counted_apart_until_a_planner_confirms(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        other = create_unit(s, "长安镇", UnitKind.TOWN_STREET, "Chang'an Town").value
        create_lead(s, LeadDraft("项目甲", w.org_id, 2_000_000_000, LeadStage.SIGNED,
                                 unit_id=w.unit_id, signed_on=date(2023, 5, 3)))
        confirm_results(s)
        late = create_lead(s, LeadDraft("项目乙", w.org_id, 6_000_000_000, LeadStage.SIGNED,
                                        unit_id=other, signed_on=date(2023, 5, 20))).value.id
        record_hq_visit(s, w.org_id, date(2023, 5, 9), unit_id=other)
    with sessions() as s:
        may = leaderboard(s, 2023, 5)
        m = {x.key: x for x in campaign_progress(s).measures}
    assert [(r.unit.name_zh, r.signed_leads, r.signed_cny, r.hq_visits, r.unconfirmed_leads,
             r.unconfirmed_cny, r.unconfirmed_visits) for r in may] == [
        ("松山湖高新区", 1, 2_000_000_000, 0, 0, 0, 0),
        ("长安镇", 0, 0, 0, 1, 6_000_000_000, 1)]
    assert (m["investment_cny"].done, m["investment_cny"].unconfirmed) == (2_000_000_000,
                                                                          6_000_000_000)
    assert (m["hq_visits"].done, m["hq_visits"].unconfirmed) == (0, 1)
    assert (m["flagship_projects"].done, m["flagship_projects"].unconfirmed) == (0, 1)
    with sessions.begin() as s:
        confirm_results(s)
    with sessions() as s:
        may = leaderboard(s, 2023, 5)
    assert [(r.unit.name_zh, r.signed_cny, r.hq_visits, r.unconfirmed_cny) for r in may] == [
        ("长安镇", 6_000_000_000, 1, 0), ("松山湖高新区", 2_000_000_000, 0, 0)]
    with sessions.begin() as s:  # a changed amount waits for a planner again
        update_lead(s, late, replace(lead_draft(s, late), amount_cny=7_000_000_000))
    with sessions() as s:
        changed = next(r for r in leaderboard(s, 2023, 5) if r.unit.name_zh == "长安镇")
    assert (changed.signed_cny, changed.unconfirmed_cny) == (0, 7_000_000_000)


def test_the_year_and_its_months_ranked_in_one_read_are_the_leaderboards_one_by_one(
        sample_sessions: sessionmaker[Session]) -> None:
    """The campaign report's thirteen leaderboards come from three statements, and each is
    the one ``leaderboard`` gives alone (confirmed and unconfirmed results, visits, ties)."""
    from tests.statements import recorded

    with sample_sessions() as session:
        with recorded(session) as statements:
            year, months = leaderboards(session, 2023)
        assert len(statements) == 3
        assert year == leaderboard(session, 2023)
        assert set(months) == set(range(1, 13))
        for month, rows in months.items():
            assert rows == leaderboard(session, 2023, month), month
        assert any(r.signed_leads for r in year) and any(r.hq_visits for r in year)
        assert any(r.unconfirmed_leads or r.unconfirmed_visits for r in year)
        # a month with results and one without: both ranked over every unit
        assert any(r.signed_leads for r in months[3])
        assert all(len(rows) == len(year) for rows in months.values())
