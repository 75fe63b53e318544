"""backup, restore, dump, load and history from the command line: output and exit codes."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from cli.app import run
from cli.context import Context
from models.audit.actor import set_actor
from models.audit.table import AuditEntry
from models.enums import TripStatus
from models.operations.trips import trip_draft, update_trip
from tests.factories import make_trip, make_world


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), ctx=Context(db_url=None, out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def _campaign(sessions: sessionmaker[Session]) -> str:
    set_actor("陈主任@投促局")
    try:
        with sessions.begin() as s:
            code = make_trip(s, make_world(s)).code
        with sessions.begin() as s:
            update_trip(s, code, replace(trip_draft(s, code), title_zh="欧洲推介（修订）",
                                         status=TripStatus.PLANNED))
    finally:
        set_actor(None)
    return code


def test_history_of_a_trip_a_person_and_an_organisation(sessions: sessionmaker[Session],
                                                        db_url: str) -> None:
    code = _campaign(sessions)
    status, out, err = cli("--db", db_url, "history", code.lower())
    assert status == 0, err
    assert "陈主任@投促局" in out and "修改 推广活动" in out
    assert "名称: 欧洲新能源汽车推介 → 欧洲推介（修订）" in out
    assert f"状态: {TripStatus.DRAFT.zh} → {TripStatus.PLANNED.zh}" in out

    status, out, err = cli("--db", db_url, "--lang", "en", "history", "--person", "1")
    assert status == 0, err
    assert "created person 王建国" in out and "job title: 副市长" in out

    status, out, err = cli("--db", db_url, "history", "--organisation", "博世集团", "--json")
    assert status == 0, err
    entries: list[dict[str, Any]] = json.loads(out)
    assert [e["action"] for e in entries] == ["create"]
    assert {"field": "name_zh", "label": "名称", "old": None, "new": "博世集团"} in entries[0]["changes"]


def test_history_refuses_bad_input_with_one_line(sessions: sessionmaker[Session], db_url: str) -> None:
    _campaign(sessions)
    for argv in (["history"], ["history", "TRIP-2023-001", "--person", "1"],
                 ["history", "TRIP-2023-404"], ["history", "--person", "404"]):
        status, out, err = cli("--db", db_url, *argv)
        assert status == 2 and out == "" and len(err.strip().splitlines()) == 1, (argv, err)


def test_backup_restore_dump_load_from_the_command_line(sessions: sessionmaker[Session], db_url: str,
                                                        tmp_path: Path) -> None:
    code = _campaign(sessions)
    backup = tmp_path / "备份.db"
    status, out, err = cli("--db", db_url, "backup", str(backup))
    assert status == 0 and backup.exists() and "备份" in out, err

    status, _, err = cli("--db", db_url, "restore", str(backup))
    assert status == 2 and "--force" in err and len(err.strip().splitlines()) == 1
    status, out, err = cli("--db", db_url, "restore", str(backup), "--force")
    assert status == 0 and "before-restore" in out, err

    dump = tmp_path / "campaign.json"
    status, out, err = cli("--db", db_url, "dump", str(dump))
    assert status == 0 and "campaign.json" in out, err
    assert json.loads(dump.read_text(encoding="utf-8"))["tables"]["trips"]["rows"][0][1] == code

    other = f"sqlite:///{tmp_path / 'other.db'}"
    status, out, err = cli("--db", other, "load", str(dump))
    assert status == 2 and "init" in err and not (tmp_path / "other.db").exists()
    status, out, err = cli("--db", other, "init")
    assert status == 0, err
    status, out, err = cli("--db", other, "load", str(dump))
    assert status == 0 and "已载入" in out, err
    status, _, err = cli("--db", other, "load", str(dump))
    assert status == 2 and "--force" in err
    status, out, err = cli("--db", other, "load", str(dump), "--force")
    assert status == 0 and "before-load-" in out, err
    assert len(list(tmp_path.glob("before-load-*.json"))) == 1

    status, out, _ = cli("--db", other, "history", code)
    assert status == 0 and "欧洲推介（修订）" in out  # the history moved with the data

    status, _, err = cli("--db", other, "load", str(tmp_path / "missing.json"))
    assert status == 2 and len(err.strip().splitlines()) == 1
    status, _, err = cli("--db", "postgresql://planner@127.0.0.1:1/campaign", "backup", "x.db")
    assert status == 1 and "pg_dump" in err


def test_history_of_a_person_by_name_refuses_namesakes_and_finds_the_deleted(
        sessions: sessionmaker[Session], db_url: str) -> None:
    from models.enums import PersonKind
    from models.operations.directory import PersonDraft, create_person, delete_person

    _campaign(sessions)
    with sessions.begin() as s:
        namesake = create_person(s, PersonDraft("王建国", PersonKind.EXTERNAL)).value.id
        gone = create_person(s, PersonDraft("赵离职", PersonKind.EXTERNAL)).value.id
    with sessions.begin() as s:
        delete_person(s, gone)
    status, out, err = cli("--db", db_url, "history", "--person", "王建国")
    assert status == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert f"编号 {namesake} 王建国" in err and "编号 1 王建国（副市长）" in err
    status, out, err = cli("--db", db_url, "--lang", "en", "history", "--person", "李晓敏")
    assert status == 0, err
    assert out.startswith("李晓敏: 1 change(s)")
    for given in ("赵离职", str(gone)):
        status, out, err = cli("--db", db_url, "--lang", "en", "history", "--person", given)
        assert status == 0, err
        assert out.startswith("赵离职: 2 change(s)") and "deleted" in out


@pytest.mark.backends("sqlite", "postgresql")
def test_history_verify_counts_an_intact_chain_and_names_a_broken_row(
        sessions: sessionmaker[Session], db_url: str) -> None:
    _campaign(sessions)
    status, out, err = cli("--db", db_url, "history", "--verify")
    with sessions() as s:
        count = s.scalar(select(func.count()).select_from(AuditEntry))
        victim = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()[-1]
        victim_id, label = victim.id, victim.record_label
    assert status == 0 and err == "" and f"{count} 条" in out and f"{count} rows" in out
    with sessions.begin() as s:  # a superuser with the triggers off, or the SQLite file edited
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("UPDATE audit_log SET changes = '{}' WHERE id = :id"), {"id": victim_id})
    status, out, err = cli("--db", db_url, "history", "--verify")
    assert status == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert f"第 {victim_id} 条" in err and f"row {victim_id}" in err and label in err
    status, _out, err = cli("--db", db_url, "history", "TRIP-2023-001", "--verify")
    assert status == 2 and "--verify" in err


@pytest.mark.backends("sqlite", "postgresql")
def test_history_verify_finds_the_newest_rows_removed(
        sessions: sessionmaker[Session], db_url: str) -> None:
    _campaign(sessions)
    with sessions() as s:
        ids = list(s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))
    with sessions.begin() as s:  # a superuser with the triggers off, or the SQLite file edited
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text("DELETE FROM audit_log WHERE id > :id"), {"id": ids[-4]})
    status, out, err = cli("--db", db_url, "history", "--verify")
    assert status == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert f"第 {ids[-4]} 条之后" in err and f"the newest rows after #{ids[-4]} were removed" in err
    status, out, err = cli("--db", db_url, "--lang", "en", "history", "--verify")
    assert status == 1 and err.strip() == (
        f"History broken: the newest rows after #{ids[-4]} were removed")


def test_confirm_and_undo_from_the_command_line(sessions: sessionmaker[Session], db_url: str) -> None:
    from datetime import date

    from models.enums import LeadStage
    from models.leads import Lead
    from models.operations.leads import LeadDraft, create_lead

    with sessions.begin() as s:
        w = make_world(s)
        code = create_lead(s, LeadDraft("储能电池工厂", w.org_id, 6_000_000_000, LeadStage.SIGNED,
                                        signed_on=date(2023, 5, 8))).value.code
    status, out, err = cli("--db", db_url, "confirm", code.lower())
    assert status == 0 and f"已确认项目 {code}" in out and err == ""
    with sessions() as s:
        assert s.scalars(select(Lead.confirmed_at)).one() is not None
    status, out, _err = cli("--db", db_url, "confirm", code, "--undo")
    assert status == 0 and "unconfirmed" in out
    with sessions() as s:
        assert s.scalars(select(Lead.confirmed_at)).one() is None
    for argv in (("confirm",), ("confirm", code, "--visit", "1"), ("confirm", "LEAD-2023-999"),
                 ("confirm", "--visit", "42")):
        status, out, err = cli("--db", db_url, *argv)
        assert status == 2 and out == "" and len(err.strip().splitlines()) == 1, argv
