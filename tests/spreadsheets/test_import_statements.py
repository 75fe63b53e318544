"""No query per row: checking and writing a sheet costs the same number of SQL statements for
40 rows as for 400 (the look-ups are loaded once, the records written in batches), on SQLite
and PostgreSQL, for new records and for updates of existing ones (whose only per-row statement
is the versioned UPDATE itself)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.audit.table import AuditEntry
from models.leads import Lead
from models.operations import bulk
from models.organisations import Organisation
from models.people import Person
from spreadsheets import apply_import, plan_import, read_table
from tests.spreadsheets.sheet_world import build_sheet_world, count
from tests.spreadsheets.sheets import write_csv
from tests.statements import recorded

pytestmark = pytest.mark.backends("sqlite", "postgresql")

SMALL, LARGE = 40, 400


@pytest.fixture
def world_db(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    with sessions.begin() as session:
        build_sheet_world(session)
    return sessions


def organisation_rows(rows: range, en: str = "Co") -> list[list[str]]:
    return [["机构名称", "英文名称", "产业", "总部国家"],
            *([f"测试公司{i:05d}", f"{en} {i}", "新型储能", "DE"] for i in rows)]


def people_rows(rows: range, title: str = "经理") -> list[list[str]]:
    return [["姓名", "单位", "邮箱", "职务"],
            *([f"员工{i:05d}", "长安镇", f"p{i}@example.cn", title] for i in rows)]


def lead_rows(rows: range, amount: str = "2亿") -> list[list[str]]:
    return [["项目名称", "机构", "金额", "产业"],
            *([f"储能项目{i:05d}", "博世集团", amount, "新型储能"] for i in rows)]


def import_counting(sessions: sessionmaker[Session], kind: str, path: Path
                    ) -> tuple[int, int, int]:
    """Statements to plan; to apply, other than those below; and the writes of one row each
    (organisations and people: one UPDATE a batch): a versioned UPDATE, a lead's first
    stage step on SQLite (no RETURNING of many rows for a
    table without a client-side sentinel; PostgreSQL inserts them in one statement)."""
    table = read_table(path)
    with sessions.begin() as session:
        with recorded(session) as planned:
            plan = plan_import(session, kind, table)
        assert plan.ok, plan.error_text()
        with recorded(session) as applied:
            apply_import(session, plan)
    # (SQLite's hash chain of the history is one executemany UPDATE of audit_log and one of its
    # head per flush:
    # counted with the other statements, it must not grow with the rows either)
    updates = [s for s in applied if (s.lstrip().upper().startswith("UPDATE")
                                      and not s.lstrip().upper().startswith(
                                          ("UPDATE AUDIT_LOG", "UPDATE AUDIT_CHAIN_HEAD")))
               or s.lstrip().upper().startswith("INSERT INTO LEAD_STAGE_CHANGES")]
    return len(planned), len(applied) - len(updates), len(updates)


KINDS = {
    "organisations": (organisation_rows, lambda r: organisation_rows(r, "Co. Ltd"), Organisation),
    "people": (people_rows, lambda r: people_rows(r, "副经理"), Person),
    "leads": (lead_rows, lambda r: lead_rows(r, "3亿"), Lead),
}


def history_of(sessions: sessionmaker[Session], table: str) -> int:
    with sessions() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)
                                  .where(AuditEntry.record_type == table)) or 0)


@pytest.mark.parametrize("kind", list(KINDS))
def test_statements_do_not_grow_with_the_rows(world_db: sessionmaker[Session], tmp_path: Path,
                                              kind: str) -> None:
    new_rows, changed_rows, model = KINDS[kind]
    before, history = count(world_db, model), history_of(world_db, model.__tablename__)
    small = import_counting(world_db, kind,
                            write_csv(tmp_path / "small.csv", new_rows(range(SMALL))))
    large = import_counting(world_db, kind,
                            write_csv(tmp_path / "large.csv", new_rows(range(SMALL, LARGE))))
    assert count(world_db, model) == before + LARGE
    assert large[:2] == small[:2]  # the same statements for 360 new rows as for 40
    assert large[2] - small[2] in (0, (LARGE - SMALL) - SMALL)  # leads' steps on SQLite
    # updates: every row changes one field of a record it finds
    small_update = import_counting(world_db, kind,
                                   write_csv(tmp_path / "su.csv", changed_rows(range(SMALL))))
    large_update = import_counting(world_db, kind, write_csv(tmp_path / "lu.csv",
                                                             changed_rows(range(SMALL, LARGE))))
    assert count(world_db, model) == before + LARGE
    # the same look-ups and inserts (history), no SELECT per row; organisations and people:
    # one UPDATE a batch (every row's revision checked in it); leads: a versioned UPDATE per
    # changed record, sent as the flush of a batch
    assert large_update[:2] == small_update[:2]
    if kind == "leads":
        assert (small_update[2], large_update[2]) == (SMALL, LARGE - SMALL)  # (amounts: no step)
    else:
        assert (small_update[2], large_update[2]) == (1, 1)
    # one history row per created and per updated record
    assert history_of(world_db, model.__tablename__) == history + 2 * LARGE


def test_batches_write_every_thousand_records(world_db: sessionmaker[Session], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Writing is batched: with 10 records a batch, 40 new rows are 4 multi-row INSERTs (new
    organisations go in as Core INSERTs of a batch each, not one ORM flush), and every record
    and its history row are written."""
    monkeypatch.setattr(bulk, "BATCH", 10)
    history = history_of(world_db, "organisations")
    table = read_table(write_csv(tmp_path / "o.csv", organisation_rows(range(SMALL))))
    with world_db.begin() as session:
        plan = plan_import(session, "organisations", table)
        with recorded(session) as applied:
            report = apply_import(session, plan)
    assert len(report.created) == SMALL
    inserts = [s for s in applied if s.lstrip().upper().startswith("INSERT INTO ORGANISATIONS")]
    assert len(inserts) == 4
    with world_db() as session:
        names = set(session.scalars(select(Organisation.name_zh)
                                    .where(Organisation.name_zh.like("测试公司%"))))
    assert names == {f"测试公司{i:05d}" for i in range(SMALL)}
    assert history_of(world_db, "organisations") == history + SMALL
