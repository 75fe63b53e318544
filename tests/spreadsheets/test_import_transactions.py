"""All or nothing, on SQLite and PostgreSQL: planning never writes (even when the caller commits
afterwards), a refused import leaves nothing, and a row the database itself refuses is one
more row error instead of a broken transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.organisations import Organisation
from spreadsheets import ImportRefusedError, apply_import, plan_import, read_table
from tests.spreadsheets.sheet_world import build_sheet_world, count
from tests.spreadsheets.sheets import RARE_NAMES, write_csv

pytestmark = pytest.mark.backends("sqlite", "postgresql")

ROWS = [["机构名称", "英文名称", "产业"], *[[name, "Rare", "新型储能"] for name in RARE_NAMES]]


@pytest.fixture
def world_db(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    with sessions.begin() as session:
        build_sheet_world(session)
    return sessions


def test_planning_writes_nothing_even_when_the_caller_commits(world_db: sessionmaker[Session],
                                                              tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "orgs.csv", ROWS))
    before = count(world_db, Organisation)
    with world_db.begin() as session:  # commits at the end of the block
        plan = plan_import(session, "organisations", table)
    assert len(plan.creates) == 3
    assert count(world_db, Organisation) == before
    with world_db.begin() as session:
        apply_import(session, plan)
    assert count(world_db, Organisation) == before + 3
    with world_db() as session:
        again = plan_import(session, "organisations", read_table(tmp_path / "orgs.csv"))
    assert len(again.unchanged) == 3


def test_a_refused_apply_keeps_nothing(world_db: sessionmaker[Session], tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "orgs.csv", ROWS))
    with world_db() as session:
        plan = plan_import(session, "organisations", table)
    with world_db.begin() as session:  # someone creates one of them meanwhile
        apply_import(session, plan_import(session, "organisations",
                                          read_table(write_csv(tmp_path / "one.csv", ROWS[:2]))))
    before = count(world_db, Organisation)
    with pytest.raises(ImportRefusedError) as refused, world_db.begin() as session:
        apply_import(session, plan)
    assert [e.row for e in refused.value.errors] == [2]
    assert "已存在" in refused.value.errors[0].message_zh
    assert count(world_db, Organisation) == before


def test_rows_keep_being_checked_after_one_fails(world_db: sessionmaker[Session], tmp_path: Path) -> None:
    rows = [*ROWS, ["", "nameless", ""], ["戊公司", "", "新型储能"], ["己公司", "", "", "stray"]]
    table = read_table(write_csv(tmp_path / "orgs.csv", rows))
    with world_db() as session:
        plan = plan_import(session, "organisations", table)
        assert [e.row for e in plan.errors] == [5, 7]
        assert [r.label for r in plan.creates] == [*RARE_NAMES, "戊公司"]
