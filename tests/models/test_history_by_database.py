"""History by the database (PostgreSQL triggers) and the hash chain that ``history --verify``
recomputes, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from alembic import command
from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from models.accounts.names import AccountRole
from models.accounts.service import AccountDraft, add_account
from models.audit.actor import set_actor
from models.audit.chain import chain_rows, jsonb_text, read_head, row_hash, verify_chain
from models.audit.history import record_history
from models.audit.labels import describe_value
from models.audit.table import AuditEntry
from models.database import alembic_config, create_db_engine, head_revision, open_database
from models.operations.directory import PersonDraft, create_person, person_draft, update_person
from models.record_types import RecordType
from models.sample import load_sample
from tests.factories import make_trip, make_world
from tests.pgserver import PgServer

REFUSED = "修改记录不可更改或删除"


def _edits(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w)
        person = create_person(s, PersonDraft("周文华", phone="0769-1", email="z@dg.gov.cn")).value
    with sessions.begin() as s:
        update_person(s, person.id, replace(person_draft(s, person.id), phone="0769-2"))
    return int(person.id)


def _tamper(sessions: sessionmaker[Session], sql: str, params: dict[str, object]) -> None:
    """Change the history behind the program's back: on PostgreSQL as a superuser with the
    triggers off (``session_replication_role = replica``)."""
    with sessions.begin() as s:
        if s.get_bind().dialect.name == "postgresql":
            s.execute(text("SET LOCAL session_replication_role = replica"))
        s.execute(text(sql), params)


def test_an_untouched_history_verifies_intact(sessions: sessionmaker[Session]) -> None:
    _edits(sessions)
    with sessions() as s:
        report = verify_chain(s.connection())
        rows = s.scalar(select(func.count()).select_from(AuditEntry))
        assert s.scalar(select(func.count()).where(AuditEntry.row_hash.is_(None))) == 0
    assert report.intact and report.count == rows and rows > 5


def test_a_changed_row_is_named_by_verify(sessions: sessionmaker[Session]) -> None:
    _edits(sessions)
    with sessions() as s:
        victim = s.scalars(select(AuditEntry).where(AuditEntry.record_type == "people")
                           .order_by(AuditEntry.id.desc())).first()
        assert victim is not None
        victim_id, label = victim.id, victim.record_label
    _tamper(sessions, "UPDATE audit_log SET actor = '别人' WHERE id = :id", {"id": victim_id})
    with sessions() as s:
        report = verify_chain(s.connection())
    assert not report.intact and report.broken_id == victim_id
    assert report.broken_record == f"people {label}" and report.broken_at is not None


def test_a_removed_row_breaks_the_chain_at_the_next_one(sessions: sessionmaker[Session]) -> None:
    _edits(sessions)
    with sessions() as s:
        ids = list(s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))
    _tamper(sessions, "DELETE FROM audit_log WHERE id = :id", {"id": ids[2]})
    with sessions() as s:
        report = verify_chain(s.connection())
    assert report.broken_id == ids[3] and report.count == 3


def test_the_head_follows_the_newest_row(sessions: sessionmaker[Session]) -> None:
    _edits(sessions)
    with sessions() as s:
        newest = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert newest is not None
        assert read_head(s.connection()) == (newest.id, newest.row_hash)


def test_removing_the_newest_rows_is_found(sessions: sessionmaker[Session]) -> None:
    _edits(sessions)
    with sessions() as s:
        ids = list(s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))
    _tamper(sessions, "DELETE FROM audit_log WHERE id > :id", {"id": ids[-3]})
    with sessions() as s:
        report = verify_chain(s.connection())
    assert not report.intact and report.broken_id is None
    assert report.removed_after == ids[-3] and report.count == len(ids) - 2
    with sessions.begin() as s:  # the next change does not cover the gap: it chains from the head
        create_person(s, PersonDraft("删除之后的新同事"))
    with sessions() as s:
        report = verify_chain(s.connection())
        first_new = s.scalar(select(func.min(AuditEntry.id)).where(AuditEntry.id > ids[-3]))
    assert not report.intact and report.broken_id == first_new


def test_removing_the_whole_history_is_found(sessions: sessionmaker[Session]) -> None:
    _edits(sessions)
    _tamper(sessions, "DELETE FROM audit_log", {})
    with sessions() as s:
        report = verify_chain(s.connection())
    assert (report.intact, report.count, report.removed_after) == (False, 0, 0)


def test_the_newest_row_rewritten_with_its_hash_is_found(sessions: sessionmaker[Session]) -> None:
    _edits(sessions)
    with sessions() as s:
        newest = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert newest is not None
        newest_id = newest.id
    # the newest row's actor changed and its hash recomputed to fit: only the head tells
    _tamper(sessions, "UPDATE audit_log SET actor = '别人' WHERE id = :id", {"id": newest_id})
    with sessions() as s:
        row, changes = next(r for r in chain_rows(s.connection(), newest_id - 1))
        previous = s.scalar(select(AuditEntry.row_hash).where(AuditEntry.id < newest_id)
                            .order_by(AuditEntry.id.desc()).limit(1))
    _tamper(sessions, "UPDATE audit_log SET row_hash = :h WHERE id = :id",
            {"h": row_hash(previous, row, changes), "id": newest_id})
    with sessions() as s:
        report = verify_chain(s.connection())
    assert not report.intact and report.broken_id == newest_id


def test_chained_changes_read_as_postgresql_prints_jsonb(sessions: sessionmaker[Session]) -> None:
    value = {"title_zh": ["旧\n名", "新\"名\\"], "a": [None, True], "members": [{"role": "x", "p": 1.5}],
             "ctl": "\x07", "": {}}
    if sessions.kw["bind"].dialect.name == "postgresql":
        with sessions() as s:
            printed = s.execute(text("SELECT CAST(:v AS jsonb)::text"),
                                {"v": json.dumps(value)}).scalar_one()
        assert jsonb_text(value) == printed
    assert jsonb_text(value).startswith('{"": {}, "a": [null, true], "ctl": "\\u0007"')


def test_the_sample_upgraded_from_0006_keeps_and_chains_its_history(db_url: str,
                                                                   backend: str) -> None:
    engine, sessions = open_database(db_url)
    with sessions.begin() as s:
        load_sample(s)
    with sessions() as s:
        before = [(e.id, e.actor, e.action, e.record_label, e.changes)
                  for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
        assert "row_hash" not in {c["name"] for c in inspect(conn).get_columns("audit_log")}
    engine.dispose()
    engine, sessions = open_database(db_url)  # upgrades in place
    try:
        with sessions() as s:
            after = [(e.id, e.actor, e.action, e.record_label, e.changes)
                     for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
            report = verify_chain(s.connection())
            named = s.scalar(text("SELECT count(*) FROM teams WHERE name_en <> ''")) or 0
        assert after[:len(before)] == before and len(before) > 100
        # on PostgreSQL the triggers also record migration 0011 naming the teams in English
        added = after[len(before):]
        assert [(action, set(changes)) for _id, _actor, action, _label, changes in added] == (
            [("update", {"name_en"})] * named if backend == "postgresql" else [])
        assert report.intact and report.count == len(after)
        with sessions() as s:
            assert read_head(s.connection()) == (after[-1][0], s.scalar(
                select(AuditEntry.row_hash).where(AuditEntry.id == after[-1][0])))
        with sessions.begin() as s:  # the chain goes on after the upgrade
            create_person(s, PersonDraft("升级后新同事"))
        with sessions() as s:
            assert verify_chain(s.connection()) == replace(report, count=len(after) + 1)
    finally:
        engine.dispose()
    assert head_revision() >= "0008"


# --- PostgreSQL: the database records, nobody rewrites -----------------------------------------


@pytest.fixture
def clerk(db_url: str, backend: str, sessions: sessionmaker[Session],
          pg_server: PgServer) -> str:
    """A URL signed in as a second, ordinary role (a planner's account: no superuser, not the
    tables' owner); the server drops it with the database."""
    assert backend == "postgresql"
    if pg_server.socket_dir is None:
        pytest.skip("signing in with a password needs the throw-away cluster's socket")
    database = str(make_url(db_url).database)
    login = f"{database}.clerk"
    with sessions.begin() as s:
        add_account(s, AccountDraft(login, "记录员", AccountRole.PLANNER), "Mima-2023-ok")
    return pg_server.password_url(database, login, "Mima-2023-ok")


@pytest.mark.backends("postgresql")
def test_the_actor_is_the_role_signed_in_whatever_the_program_says(
        sessions: sessionmaker[Session], clerk: str) -> None:
    with sessions.begin() as s:
        make_world(s)
    role = make_url(clerk).username
    engine, as_clerk = open_database(clerk)
    set_actor("冒充的局长")
    try:
        with as_clerk.begin() as s:
            s.info["actor"] = "另一个冒充者"
            person = create_person(s, PersonDraft("吴小芳", phone="0769-3")).value
        with as_clerk.begin() as s:
            update_person(s, person.id, replace(person_draft(s, person.id), phone="0769-4"))
        with engine.begin() as conn:  # psql, bypassing the program
            conn.execute(text("UPDATE people SET email = 'wu@dg.gov.cn' WHERE id = :id"),
                         {"id": person.id})
    finally:
        set_actor(None)
        engine.dispose()
    with sessions() as s:
        history = record_history(s, RecordType.PEOPLE, person.id)
    assert [(e.action, e.actor) for e in history] == [
        ("create", role), ("update", role), ("update", role)]
    assert {c.field: (c.old, c.new) for c in history[1].changes} == {"phone": ("0769-3", "0769-4")}
    assert {c.field: (c.old, c.new) for c in history[2].changes} == {"email": ("", "wu@dg.gov.cn")}
    assert history[0].record_label == "吴小芳" and len(history) == 3  # no duplicate rows


@pytest.mark.backends("postgresql")
def test_psql_changes_are_described_with_labels(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w)
    with sessions.begin() as s:  # no program: the trigger describes the row's columns
        s.execute(text("UPDATE trips SET leader_id = :p, title_zh = '改名' WHERE id = :id"),
                  {"p": w.delegate_id, "id": trip.id})
    with sessions() as s:
        last = record_history(s, RecordType.TRIPS, trip.id)[-1]
        delegate = s.execute(text("SELECT name_zh FROM people WHERE id = :id"),
                             {"id": w.delegate_id}).scalar_one()
    changes = {c.field: (c.old, c.new) for c in last.changes}
    assert changes["title_zh"][1] == "改名" and changes["leader"] == ("王建国", delegate)
    assert last.record_label == trip.code


@pytest.mark.backends("postgresql")
@pytest.mark.parametrize("sql", ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log",
                                 "TRUNCATE audit_log"])
def test_nobody_changes_or_deletes_history_rows(sessions: sessionmaker[Session], clerk: str,
                                                sql: str) -> None:
    _edits(sessions)
    with sessions() as s:
        count = s.scalar(select(func.count()).select_from(AuditEntry))
    owner = sessions.kw["bind"].url.render_as_string(hide_password=False)
    # the owner (a superuser here) is refused by the trigger, an account already by its grants
    for url, refused in ((owner, REFUSED), (clerk, f"{REFUSED}|permission denied")):
        engine = create_db_engine(url)
        try:
            with pytest.raises(DBAPIError, match=refused), engine.begin() as conn:
                conn.execute(text(sql))
            if url == clerk:  # nor does an account write a history row of its own
                with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
                    conn.execute(text(
                        "INSERT INTO audit_log (at, actor, action, record_type, record_id, "
                        "record_uuid, record_label, changes) VALUES (now(), '局长', 'delete', "
                        "'trips', 1, '', 'TRIP-2023-001', '{}')"))
        finally:
            engine.dispose()
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == count
        assert verify_chain(s.connection()).intact


@pytest.mark.backends("postgresql")
def test_a_part_changed_without_the_program_is_a_change_of_its_record(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w)
    with sessions() as s:
        before = len(record_history(s, RecordType.TRIPS, trip.id))
    with sessions.begin() as s:  # psql: a member added to the delegation, a city removed
        s.execute(text("INSERT INTO trip_members (trip_id, person_id, role, position) "
                       "VALUES (:t, :p, 'member', 9)"), {"t": trip.id, "p": w.delegate_id})
        s.execute(text("DELETE FROM trip_cities WHERE trip_id = :t"), {"t": trip.id})
        delegate = s.execute(text("SELECT name_zh FROM people WHERE id = :id"),
                             {"id": w.delegate_id}).scalar_one()
    with sessions() as s:
        history = record_history(s, RecordType.TRIPS, trip.id)
        role = s.execute(text("SELECT session_user")).scalar_one()
    added, removed = history[before:]
    assert (added.action, added.actor, added.record_label) == ("update", role, trip.code)
    assert {c.field: (c.old, c.new) for c in added.changes} == {
        "members": ([], [{"person": delegate, "role": "member"}])}
    assert {c.field: (c.old, c.new) for c in removed.changes} == {
        "cities": ([{"city": "法兰克福"}], [])}
    assert describe_value("trips", "members", added.changes[0].new) == f"{delegate}（团员）"


@pytest.mark.backends("postgresql")
@pytest.mark.parametrize("sql", ["UPDATE audit_chain_head SET last_id = 1",
                                 "DELETE FROM audit_chain_head", "TRUNCATE audit_chain_head",
                                 "INSERT INTO audit_chain_head (id, last_id) VALUES (2, 0)"])
def test_nobody_writes_the_chain_head(sessions: sessionmaker[Session], clerk: str,
                                      sql: str) -> None:
    _edits(sessions)
    with sessions() as s:
        head = read_head(s.connection())
    owner = sessions.kw["bind"].url.render_as_string(hide_password=False)
    # the owner (a superuser here) is refused by the trigger, a planner already by the grants
    for url, refused in ((owner, REFUSED), (clerk, "permission denied")):
        engine = create_db_engine(url)
        try:
            with pytest.raises(DBAPIError, match=refused), engine.begin() as conn:
                conn.execute(text(sql))
            with engine.connect() as conn:  # reading it is everyone's: history --verify
                assert read_head(conn) == head
        finally:
            engine.dispose()
    with sessions() as s:
        assert verify_chain(s.connection()).intact


@pytest.mark.backends("postgresql")
def test_a_planner_keeps_the_chain_head_moving(sessions: sessionmaker[Session],
                                               clerk: str) -> None:
    """An account's changes move the head through the trigger, though it may not write it."""
    with sessions.begin() as s:
        make_world(s)
    engine, as_clerk = open_database(clerk)
    try:
        with as_clerk.begin() as s:
            create_person(s, PersonDraft("链头同事"))
        with as_clerk() as s:
            report = verify_chain(s.connection())
            newest = s.scalar(select(func.max(AuditEntry.id)))
            assert read_head(s.connection())[0] == newest  # type: ignore[index]
    finally:
        engine.dispose()
    assert report.intact
