"""百队千企: teams, visits planned then done, the target list and its coverage, chain leaders,
and the migration that turns free-text team names into team records."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from models.changes import RecordKind
from models.database import alembic_config, create_db_engine, open_database
from models.enums import LeadStage, VisitStatus
from models.errors import ValidationError
from models.language import Lang
from models.operations.directory import (
    OrganisationDraft,
    create_organisation,
    create_organisations,
)
from models.operations.leads import LeadDraft, create_lead, record_hq_visit
from models.operations.teams import (
    TeamDraft,
    VisitDraft,
    create_team,
    delete_team,
    mark_targets,
    plan_visit,
    plan_visits,
    record_visit,
    restore_targets,
    set_chain_leader,
    target_states,
    team_draft,
    unmark_targets,
    update_team,
)
from models.teams import ChainLeader, Team
from models.visits import (
    coverage,
    find_team,
    list_targets,
    list_teams,
    list_visits,
    visits_overview,
)
from tests.factories import World, make_world


@pytest.fixture
def world(sessions: sessionmaker[Session]) -> World:
    with sessions.begin() as s:
        return make_world(s)


def _team(sessions: sessionmaker[Session], w: World, name: str = "第7小分队") -> int:
    with sessions.begin() as s:
        return create_team(s, TeamDraft(name, leader_id=w.staff_id, unit_id=w.unit_id,
                                        member_ids=[w.delegate_id, w.staff_id],
                                        target_visits=3)).value.id


def test_team_records_keep_leader_members_and_target(sessions: sessionmaker[Session],
                                                      world: World) -> None:
    team_id = _team(sessions, world)
    with sessions() as s:
        row = next(t for t in list_teams(s) if t.id == team_id)
    assert (row.name, row.leader and row.leader.name_zh, row.target_visits) == (
        "第7小分队", "李晓敏", 3)
    assert [m.name_zh for m in row.members] == ["陈志强", "李晓敏"]
    with sessions.begin() as s, pytest.raises(ValidationError) as twice:
        create_team(s, TeamDraft("第7小分队"))
    assert twice.value.field == "name"
    with sessions.begin() as s:
        draft = team_draft(s, team_id)
        draft.member_ids = [world.staff_id]
        draft.target_visits = 12
        update_team(s, team_id, draft)
    with sessions() as s:
        row = next(t for t in list_teams(s) if t.id == team_id)
        assert [m.name_zh for m in row.members] == ["李晓敏"] and row.target_visits == 12
        assert find_team(s, " 第7 小分队").id == team_id


def test_plan_then_record_a_visit_with_outcome_and_follow_up(sessions: sessionmaker[Session],
                                                             world: World) -> None:
    team_id = _team(sessions, world)
    with sessions.begin() as s:
        visit = plan_visit(s, VisitDraft(world.org_id, date(2023, 11, 20), team_id,
                                         place="Stuttgart")).value
        lead = create_lead(s, LeadDraft("博世储能项目", world.org_id, 30 * 10**8)).value
    assert visit.status is VisitStatus.PLANNED and visit.unit and visit.unit.id == world.unit_id
    with sessions.begin() as s, pytest.raises(ValidationError):
        plan_visit(s, VisitDraft(world.org_id, date(2023, 11, 21), team_id,
                                 outcome="谈得很好"))  # planned: no outcome yet
    with sessions.begin() as s:
        done = record_visit(s, visit.id, visited_on=date(2023, 11, 21), outcome="企业有意扩产",
                            follow_up_lead_id=lead.id).value
    assert (done.status, done.visited_on, done.outcome, done.follow_up_code) == (
        VisitStatus.DONE, date(2023, 11, 21), "企业有意扩产", lead.code)
    with sessions() as s:
        row = next(t for t in list_teams(s) if t.id == team_id)
        assert (row.done_visits, row.planned_visits) == (1, 0)
        assert [v.team for v in list_visits(s, team_id=team_id)] == ["第7小分队"]


def test_coverage_counts_visited_planned_and_untouched(sessions: sessionmaker[Session],
                                                       world: World) -> None:
    team_id = _team(sessions, world)
    with sessions.begin() as s:
        orgs = [create_organisation(s, OrganisationDraft(
            f"目标企业{n}", industry_id=world.industry_id)).value.id for n in range(4)]
        assert mark_targets(s, [world.org_id, *orgs], region_id=world.region_id).value == 5
        assert mark_targets(s, [world.org_id]).value == 0  # already on the list
        plan_visit(s, VisitDraft(orgs[0], date(2023, 5, 2), team_id, VisitStatus.DONE))
        plan_visit(s, VisitDraft(orgs[0], date(2023, 12, 2), team_id))  # done already
        plan_visit(s, VisitDraft(orgs[1], date(2023, 12, 5), team_id))
        plan_visit(s, VisitDraft(orgs[2], date(2023, 6, 5), team_id, VisitStatus.CANCELLED))
    with sessions() as s:
        (by_industry,) = coverage(s, "industry")
        (by_region,) = coverage(s, "region")
        (by_team,) = coverage(s, "team")
        targets = {t.organisation.name_zh: t for t in list_targets(s)}
    assert (by_industry.targets, by_industry.visited, by_industry.planned,
            by_industry.untouched) == (5, 1, 1, 3)
    assert by_region.key.id == world.region_id and by_region.untouched == 3
    assert (by_team.targets, by_team.visited, by_team.planned, by_team.untouched) == (3, 1, 1, 1)
    assert targets["目标企业0"].visited and targets["目标企业1"].planned
    assert not targets["目标企业2"].visited and not targets["目标企业2"].planned
    with sessions() as s:  # the visits page's one read (on its worker thread) says the same
        overview = visits_overview(s)
        assert overview.by_industry == [by_industry] and overview.by_region == [by_region]
        assert overview.by_team == [by_team] and overview.teams == list_teams(s)
        assert overview.targets == list_targets(s)


def test_deleting_a_team_keeps_its_visits(sessions: sessionmaker[Session], world: World) -> None:
    team_id = _team(sessions, world)
    with sessions.begin() as s:
        plan_visit(s, VisitDraft(world.org_id, date(2023, 5, 2), team_id, VisitStatus.DONE))
        draft = delete_team(s, team_id).value
    with sessions() as s:
        assert [v.team for v in list_visits(s)] == [""]
    with sessions.begin() as s:
        assert create_team(s, draft).value.name == "第7小分队"


def test_record_hq_visit_by_team_name_creates_the_team_once(
        sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        record_hq_visit(s, world.org_id, date(2023, 3, 2), unit_id=world.unit_id, team="第 9 小分队")
        record_hq_visit(s, world.org_id, date(2023, 4, 2), team="第9 小分队")
    with sessions() as s:
        assert [(t.name, t.done_visits) for t in list_teams(s)] == [("第 9 小分队", 2)]


def test_chain_leaders_are_city_leaders(sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s, pytest.raises(ValidationError):
        set_chain_leader(s, world.industry_id, world.staff_id)
    with sessions.begin() as s:
        set_chain_leader(s, world.industry_id, world.leader_id)
    with sessions() as s:
        assert s.scalars(select(ChainLeader.person_id)).all() == [world.leader_id]
    with sessions.begin() as s:
        set_chain_leader(s, world.industry_id, None)
    with sessions() as s:
        assert s.scalars(select(ChainLeader)).all() == []


def test_target_states_put_the_list_back(sessions: sessionmaker[Session], world: World) -> None:
    """What undo of a mark or an unmark relies on: each organisation's place on the list."""
    with sessions.begin() as s:
        other = create_organisation(s, OrganisationDraft("宁德时代")).value.id
        mark_targets(s, [world.org_id], world.industry_id, world.region_id)
        before = target_states(s, [world.org_id, other])
        assert [(x.on_list, x.industry_id, x.region_id) for x in before] == [
            (True, world.industry_id, world.region_id), (False, None, None)]
        changes = mark_targets(s, [world.org_id, other], region_id=world.home_region_id).changes
        assert changes.ids_of(RecordKind.ORGANISATION) == {world.org_id, other}
        assert unmark_targets(s, [world.org_id]).value == 1
    with sessions.begin() as s:
        assert restore_targets(s, before).value == 1
    with sessions() as s:
        (row,) = list_targets(s)
    assert row.organisation.id == world.org_id
    assert row.region is not None and row.region.id == world.region_id


def test_bulk_organisations_and_visits_keep_the_rules(sessions: sessionmaker[Session],
                                                      world: World) -> None:
    """The sample's one-flush paths: the same rules as one at a time, nothing half-written."""
    with sessions.begin() as s:
        made = create_organisations(s, [OrganisationDraft("宁德时代", name_en="CATL"),
                                        OrganisationDraft("比亚迪", hq_country="CN")]).value
        assert [o.name_zh for o in made] == ["宁德时代", "比亚迪"] and made[0].id < made[1].id
    with sessions.begin() as s, pytest.raises(ValidationError) as twice:
        create_organisations(s, [OrganisationDraft("蔚来"), OrganisationDraft(" 蔚来 ")])
    assert twice.value.field == "name_zh"
    team_id = _team(sessions, world)
    with sessions.begin() as s:
        result = plan_visits(s, [VisitDraft(made[0].id, date(2023, 5, 2), team_id),
                                 VisitDraft(made[1].id, date(2023, 5, 3), team_id,
                                            VisitStatus.DONE, outcome="签约意向")])
        assert result.changes.ids_of(RecordKind.TEAM) == {team_id}
    with sessions() as s:
        rows = list_visits(s)
    assert [r.id for r in rows] == result.value
    assert rows[0].unit is not None and rows[0].unit.id == world.unit_id  # the team's unit
    with sessions.begin() as s, pytest.raises(ValidationError):
        plan_visits(s, [VisitDraft(made[0].id, date(2023, 6, 1)),
                        VisitDraft(made[0].id, date(2023, 6, 2), outcome="未拜访先有成果")])
    with sessions() as s:
        assert len(list_visits(s)) == 2


def test_migration_turns_team_names_into_teams(db_url: str) -> None:
    engine = create_db_engine(db_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO campaigns (year, name_zh, name_en, slogan, target_trips, target_events, "
            "target_hq_visits, target_investment_cny, flagship_threshold_cny, "
            "target_flagship_projects, notes, uuid, revision, created_at, updated_at) VALUES "
            "(2023, '2023 招商年', '', '', 0, 0, 0, 0, 0, 0, '', 'c-1', 1, :t, :t)"),
            {"t": "2023-01-01 00:00:00"})
        conn.execute(text(
            "INSERT INTO organisations (name_zh, name_en, kind, hq_city, hq_country, website, "
            "talking_points, notes, uuid, revision, created_at, updated_at) VALUES "
            "('博世集团', 'Bosch', 'company', '', '', '', '', '', 'o-1', 1, :t, :t)"),
            {"t": "2023-01-01 00:00:00"})
        for n, team in enumerate(("第7小分队", "第 7 小分队", "第7小分队（随团）", "第8小分队", "")):
            conn.execute(text(
                "INSERT INTO hq_visits (campaign_id, organisation_id, visited_on, team, notes, "
                "uuid, revision, created_at, updated_at) VALUES (1, 1, :d, :team, '', :u, 1, "
                ":t, :t)"), {"d": f"2023-03-0{n + 1}", "team": team, "u": f"v-{n}",
                             "t": "2023-01-01 00:00:00"})
    engine.dispose()
    engine, factory = open_database(db_url)  # upgrades to head
    try:
        with factory() as s:
            assert sorted(s.scalars(select(Team.name))) == ["第7小分队", "第8小分队"]
            visits = list_visits(s)
            assert [v.team for v in visits] == ["第7小分队"] * 3 + ["第8小分队", ""]
            assert {v.status for v in visits} == {VisitStatus.DONE}
    finally:
        engine.dispose()


def test_leads_link_a_city_leader(sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        row = create_lead(s, LeadDraft("项目乙", world.org_id, 10**9, leader_id=world.leader_id,
                                       stage=LeadStage.NEGOTIATION)).value
    assert row.leader is not None and row.leader.name_zh == "王建国"
    with sessions.begin() as s, pytest.raises(ValidationError):
        create_lead(s, LeadDraft("项目丙", world.org_id, 10**9, leader_id=9999))


def test_visit_statuses_keep_their_own_labels() -> None:
    """VisitStatus shares its values with TripStatus: neither may take the other's labels."""
    from models.enums import TripStatus

    assert (TripStatus.PLANNED.zh, TripStatus.DONE.zh) == ("已计划", "已完成")
    assert (VisitStatus.PLANNED.zh, VisitStatus.DONE.zh, VisitStatus.DONE.en) == (
        "计划拜访", "已拜访", "Visited")


def test_a_visit_s_place_reads_in_english_where_the_city_is_known(
        sessions: sessionmaker[Session], world: World) -> None:
    """The directory's city (法兰克福 → Frankfurt), else CLDR's (芝加哥 → Chicago); free text as typed."""
    team_id = _team(sessions, world)
    with sessions.begin() as s:
        planned = plan_visit(s, VisitDraft(world.org_id, date(2023, 11, 20), team_id,
                                           place="法兰克福")).value
        plan_visit(s, VisitDraft(world.org_id, date(2023, 11, 21), team_id, place="芝加哥"))
        plan_visit(s, VisitDraft(world.org_id, date(2023, 11, 22), team_id,
                                 place="苏州金鸡湖大酒店会议室"))
    assert planned.place_name(Lang.EN) == "Frankfurt" and planned.place_name(Lang.ZH) == "法兰克福"
    with sessions() as s:
        rows = list_visits(s, team_id=team_id)
    assert [r.place_name(Lang.EN) for r in rows] == ["Frankfurt", "Chicago", "苏州金鸡湖大酒店会议室"]
    assert [r.place_name(Lang.ZH) for r in rows] == ["法兰克福", "芝加哥", "苏州金鸡湖大酒店会议室"]


def test_an_organisation_s_headquarters_read_in_english_where_the_city_is_known(
        sessions: sessionmaker[Session], world: World) -> None:
    from models import queries

    with sessions.begin() as s:
        ids = [create_organisation(s, OrganisationDraft(name, hq_city=city, hq_country=country))
               .value.id for name, city, country in (("甲公司", "法兰克福", "DE"),
                                                     ("乙公司", "伦敦", "GB"),
                                                     ("丙公司", "松山湖某园区", "CN"))]
    with sessions() as s:
        rows = {r.id: r for r in queries.list_organisations(s)}
        one = queries.get_organisation(s, ids[0])
    assert [rows[i].hq_city_name(Lang.EN) for i in ids] == ["Frankfurt", "London", "松山湖某园区"]
    assert [rows[i].hq_city_name(Lang.ZH) for i in ids] == ["法兰克福", "伦敦", "松山湖某园区"]
    assert one.hq_city_name(Lang.EN) == "Frankfurt"
