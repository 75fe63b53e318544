"""Teams have an English name beside the Chinese one: kept, found, shown by language, dumped,
loaded, and filled by the migration from the 第N小分队 pattern on both back ends."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from models.database import alembic_config, create_db_engine, open_database
from models.dump import dump_document, load_document
from models.errors import ValidationError
from models.language import Lang
from models.operations.teams import (
    TeamDraft,
    VisitDraft,
    create_team,
    english_team_name,
    plan_visit,
    team_by_name,
    team_draft,
    update_team,
)
from models.queries import current_campaign
from models.teams import Team
from models.visits import coverage, find_team, get_team, list_teams, list_visits
from tests.factories import World, make_world


@pytest.fixture
def world(sessions: sessionmaker[Session]) -> World:
    with sessions.begin() as s:
        return make_world(s)


def test_english_names_follow_the_numbered_pattern_only() -> None:
    assert english_team_name("第39小分队") == "Team 39"
    assert english_team_name("第 7 小分队") == "Team 7"
    assert english_team_name("第07分队") == "Team 7"
    assert english_team_name("招商先锋队") == ""
    assert english_team_name("第7小分队（随团）") == ""


def test_a_team_keeps_its_english_name_and_shows_it_by_language(
        sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        team_id = create_team(s, TeamDraft("第39小分队", unit_id=world.unit_id, target_visits=2,
                                           name_en="  Team   39 ")).value.id
        org = s.scalar(text("SELECT id FROM organisations ORDER BY id LIMIT 1"))
        plan_visit(s, VisitDraft(int(org), date(2023, 6, 1), team_id))
    with sessions() as s:
        row = get_team(s, team_id)
        visit = list_visits(s, team_id=team_id)[0]
        by_team = next(c for c in coverage(s, "team") if c.key.id == team_id)
        assert find_team(s, "team 39").id == team_id  # the English name finds it too
        assert find_team(s, "第39小分队").id == team_id
    assert (row.name, row.name_en) == ("第39小分队", "Team 39")
    assert (row.label(Lang.ZH), row.label(Lang.EN)) == ("第39小分队", "Team 39")
    assert (visit.team_name(Lang.ZH), visit.team_name(Lang.EN)) == ("第39小分队", "Team 39")
    assert by_team.key.name(Lang.EN) == "Team 39"
    with sessions.begin() as s:
        draft = team_draft(s, team_id)
        assert draft.name_en == "Team 39"
        draft.name_en = ""
        update_team(s, team_id, draft)
    with sessions() as s:
        row = get_team(s, team_id)
        assert row.label(Lang.EN) == "第39小分队"  # no English: the Chinese name, never blank
        assert list_visits(s, team_id=team_id)[0].team_name(Lang.EN) == "第39小分队"


def test_an_over_long_english_name_is_refused_naming_the_field(
        sessions: sessionmaker[Session], world: World) -> None:
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        create_team(s, TeamDraft("第40小分队", name_en="T" * 101))
    assert caught.value.field == "name_en"
    with sessions() as s:
        assert list_teams(s) == []


def test_a_team_made_from_a_visit_name_gets_its_english_name(
        sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        made = team_by_name(s, "第 12 小分队", current_campaign(s))
        other = team_by_name(s, "招商先锋队", current_campaign(s))
        assert (made.name_en, other.name_en) == ("Team 12", "")


def test_english_names_survive_dump_and_load(sessions: sessionmaker[Session],
                                             world: World) -> None:
    with sessions.begin() as s:
        create_team(s, TeamDraft("第5小分队", name_en="Team 5"))
        document = dump_document(s)
    teams = document["tables"]["teams"]
    column = teams["columns"].index("name_en")
    assert [row[column] for row in teams["rows"]] == ["Team 5"]
    with sessions.begin() as s:
        load_document(s, document, replace=True)
    with sessions() as s:
        assert s.scalar(select(Team.name_en)) == "Team 5"


def test_migration_fills_english_names_from_the_chinese_pattern(db_url: str) -> None:
    engine = create_db_engine(db_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007")
    stamp = {"t": "2023-01-01 00:00:00"}
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO campaigns (year, name_zh, name_en, slogan, target_trips, target_events, "
            "target_hq_visits, target_investment_cny, flagship_threshold_cny, "
            "target_flagship_projects, notes, uuid, revision, created_at, updated_at) VALUES "
            "(2023, '2023 招商年', '', '', 0, 0, 0, 0, 0, 0, '', 'c-1', 1, :t, :t)"), stamp)
        for n, name in enumerate(("第39小分队", "第 7 小分队", "招商先锋队")):
            conn.execute(text(
                "INSERT INTO teams (campaign_id, name, target_visits, notes, uuid, revision, "
                "created_at, updated_at) VALUES (1, :name, 3, '备注', :u, 1, :t, :t)"),
                {**stamp, "name": name, "u": f"t-{n}"})
        conn.execute(text(
            "INSERT INTO organisations (name_zh, name_en, kind, hq_city, hq_country, website, "
            "talking_points, notes, uuid, revision, created_at, updated_at) VALUES "
            "('博世集团', 'Bosch', 'company', '', '', '', '', '', 'o-1', 1, :t, :t)"), stamp)
        conn.execute(text(
            "INSERT INTO hq_visits (campaign_id, organisation_id, visited_on, team_id, status, "
            "place, outcome, notes, uuid, revision, created_at, updated_at) VALUES "
            "(1, 1, '2023-03-01', 1, 'done', '', '', '', 'v-1', 1, :t, :t)"), stamp)
    engine.dispose()
    engine, factory = open_database(db_url)  # upgrades to head
    try:
        with factory() as s:
            names = {name: en for name, en in s.execute(select(Team.name, Team.name_en))}
            notes = set(s.scalars(select(Team.notes)))
            visits = list_visits(s)
        assert names == {"第39小分队": "Team 39", "第 7 小分队": "Team 7", "招商先锋队": ""}
        assert notes == {"备注"}  # the rest of each team is kept
        assert [(v.team, v.team_en) for v in visits] == [("第39小分队", "Team 39")]  # and its visits
    finally:
        engine.dispose()
