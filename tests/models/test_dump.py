"""dump/load: the whole campaign as one JSON document, identical between SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from models.audit.chain import ChainReport, verify_chain
from models.audit.history import record_history
from models.audit.table import AuditEntry
from models.database import head_revision, open_database
from models.dump import document_text, dump_document, load_document, read_dump, write_dump
from models.enums import EventKind, LeadStage, RsvpState
from models.errors import DatabaseError, ValidationError
from models.operations.directory import PersonDraft, create_person
from models.operations.events import EventDraft, InvitationDraft, SessionDraft, create_event
from models.operations.items import delete_item, move_item
from models.operations.leads import LeadDraft, create_lead, record_hq_visit
from models.operations.trips import trip_draft, update_trip
from models.people import Person
from models.record_types import RecordType
from models.timeutil import at
from models.trips import Trip
from tests.factories import World, item_draft, make_trip, make_world
from tests.pgserver import PgServer
from tests.statements import recorded

NOW = datetime(2023, 11, 30, 18, 0, tzinfo=UTC)


def fill(sessions: sessionmaker[Session]) -> World:
    """A small campaign touching every table, with edits, deletions and awkward text."""
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=[item_draft(w), item_draft(w, day=26, start="23:30", end="23:59")],
                         notes="第一行\r\n第二行 <&> \"引号\" 🚗")
        event = create_event(s, EventDraft(
            kind=EventKind.INDUSTRY_SUMMIT, title_zh="新能源汽车产业峰会", timezone="Asia/Shanghai",
            starts_at=at(date(2023, 6, 8), "09:00", "Asia/Shanghai"),
            ends_at=at(date(2023, 6, 8), "17:30", "Asia/Shanghai"), city_id=w.dongguan_id,
            industry_ids=[w.industry_id], capacity=300,
            sessions=[SessionDraft("开幕式", at(date(2023, 6, 8), "09:00", "Asia/Shanghai"),
                                   at(date(2023, 6, 8), "09:30", "Asia/Shanghai"),
                                   speaker_ids=[w.leader_id])],
            invitations=[InvitationDraft(w.org_id, RsvpState.ACCEPTED, guests=2)])).value
        create_lead(s, LeadDraft("博世氢能项目", w.org_id, 6_000_000_000, LeadStage.NEGOTIATION,
                                 industry_id=w.industry_id, source_trip_id=trip.id,
                                 source_event_id=event.id, first_contact_on=date(2023, 3, 24)))
        record_hq_visit(s, w.org_id, date(2023, 3, 24), unit_id=w.unit_id, team="第 7 小分队",
                        trip_id=trip.id)
        create_person(s, PersonDraft("Müller", name_en="Anna Müller", email="anna@example.de"))
    with sessions.begin() as s:
        update_trip(s, trip.code, replace(trip_draft(s, trip.code), title_zh="欧洲推介（改）"))
        first = s.scalars(select(Trip)).one().items
        move_item(s, first[0].id, delta=timedelta(minutes=15))
        delete_item(s, first[-1].id)
    return w


def same_content(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert a["schema"] == b["schema"]
    assert list(a["tables"]) == list(b["tables"])
    for name in a["tables"]:
        assert a["tables"][name] == b["tables"][name], name


@pytest.mark.backends("postgresql")
def test_sqlite_to_json_to_postgresql_to_json_is_identical(
    tmp_path: Path, sessions: sessionmaker[Session], pg_server: PgServer,
) -> None:
    engine, lite = open_database(f"sqlite:///{tmp_path / 'source.db'}")
    try:
        world = fill(lite)
        with lite() as s:
            first = write_dump(s, tmp_path / "campaign.json", now=NOW)
            original = dump_document(s, now=NOW)
    finally:
        engine.dispose()
    assert first["trips"] == 1 and first["audit_log"] > 10 and first["code_counters"] == 3

    document = read_dump(tmp_path / "campaign.json")  # `sessions` is a PostgreSQL database
    assert document["source"] == "sqlite"
    with sessions.begin() as s:
        load_document(s, document)
    with sessions() as s:
        again = dump_document(s, now=NOW)
    assert again["source"] == "postgresql"
    same_content(original, again)
    assert document_text(again).replace('"postgresql"', '"sqlite"') == (
        tmp_path / "campaign.json").read_text(encoding="utf-8")

    with sessions.begin() as s:  # the server goes on: new ids after the loaded ones
        person = create_person(s, PersonDraft("新同事")).value
        assert person.id == max(s.scalars(select(Person.id))) and person.id > 1
        assert make_trip(s, world).code == "TRIP-2023-002"
    with sessions() as s:
        assert [e.action for e in record_history(s, RecordType.TRIPS, 1)][:2] == ["create", "create"]


def test_dump_and_load_round_trip_on_each_back_end(sessions: sessionmaker[Session], db_url: str,
                                                   tmp_path: Path) -> None:
    fill(sessions)
    with sessions() as s:
        original = dump_document(s, now=NOW)
    with sessions.begin() as s, pytest.raises(ValidationError, match="--force"):
        load_document(s, original)
    with sessions.begin() as s:
        counts = load_document(s, json.loads(document_text(original)), replace=True)
    assert counts["itinerary_items"] == 1 and counts["invitations"] == 1
    with sessions() as s:
        same_content(original, dump_document(s, now=NOW))
        # the loaded history verifies intact: the chain head follows it
        assert verify_chain(s.connection()) == ChainReport(counts["audit_log"])
    with sessions.begin() as s:
        create_person(s, PersonDraft("载入后新同事"))
    with sessions() as s:
        assert verify_chain(s.connection()) == ChainReport(counts["audit_log"] + 1)


def test_a_database_without_one_schema_revision_is_not_dumped(sessions: sessionmaker[Session],
                                                               tmp_path: Path) -> None:
    """Two rows in ``alembic_version`` (or none): no dump a later load would take for a newer
    program's; the schema recorded otherwise is the database's own."""
    with sessions() as s:
        assert dump_document(s, now=NOW)["schema"] == head_revision()
    with sessions.begin() as s:
        s.execute(text("INSERT INTO alembic_version (version_num) VALUES ('0001')"))
    with sessions() as s, pytest.raises(DatabaseError, match="alembic_version"):
        write_dump(s, tmp_path / "x.json", now=NOW)
    assert not (tmp_path / "x.json").exists()
    with sessions.begin() as s:
        s.execute(text("DELETE FROM alembic_version WHERE version_num = '0001'"))


def test_faulty_documents_are_refused_and_nothing_is_written(sessions: sessionmaker[Session],
                                                             tmp_path: Path) -> None:
    fill(sessions)
    with sessions() as s:
        good = dump_document(s, now=NOW)
    engine, empty = open_database(f"sqlite:///{tmp_path / 'empty.db'}")

    def broken(change: Any) -> dict[str, Any]:
        doc = json.loads(json.dumps(good))
        change(doc)
        return doc

    trips = good["tables"]["trips"]["columns"]
    cases = {
        "not a Campaign Planner dump": broken(lambda d: d.update(format="other")),
        "newer Campaign Planner": broken(lambda d: d.update(schema="9999")),
        "Unknown table": broken(lambda d: d["tables"].update(invoices={"columns": [], "rows": []})),
        "Unknown column": broken(lambda d: d["tables"]["trips"]["columns"].append("budget")),
        "wrong number of values": broken(lambda d: d["tables"]["trips"]["rows"][0].pop()),
        "ISO date": broken(lambda d: d["tables"]["trips"]["rows"][0].__setitem__(
            trips.index("start_date"), "23/03/2023")),
        "allowed values": broken(lambda d: d["tables"]["trips"]["rows"][0].__setitem__(
            trips.index("status"), "lost")),
        "required value": broken(lambda d: d["tables"]["trips"]["rows"][0].__setitem__(
            trips.index("title_zh"), None)),
        "does not fit": broken(lambda d: d["tables"]["trips"]["rows"][0].__setitem__(
            trips.index("region_id"), 999)),
    }
    try:
        for message, document in cases.items():
            with pytest.raises(ValidationError, match=message), empty.begin() as s:
                load_document(s, document)
            with empty() as s:
                assert s.scalar(select(func.count()).select_from(AuditEntry)) == 0, message
                assert s.scalar(select(func.count()).select_from(Trip)) == 0, message
    finally:
        engine.dispose()
    (tmp_path / "text.json").write_text("不是 JSON", encoding="utf-8")
    with pytest.raises(ValidationError, match="not a JSON dump"):
        read_dump(tmp_path / "text.json")
    with pytest.raises(ValidationError, match="No file"):
        read_dump(tmp_path / "missing.json")


@pytest.mark.backends("postgresql")
def test_the_sample_campaign_moves_to_postgresql_unchanged(
    sample_url: str, sessions: sessionmaker[Session], tmp_path: Path,
) -> None:
    engine, sample = open_database(sample_url)
    try:
        with sample() as s:
            counts = write_dump(s, tmp_path / "sample.json", now=NOW)
            original = dump_document(s, now=NOW)
    finally:
        engine.dispose()
    assert counts["trips"] >= 30 and counts["themed_events"] >= 30 and counts["organisations"] >= 150
    with sessions.begin() as s:
        load_document(s, read_dump(tmp_path / "sample.json"))
    with sessions() as s:
        same_content(original, dump_document(s, now=NOW))


def test_the_dump_is_read_and_written_a_chunk_at_a_time(
        tmp_path: Path, sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten years of history are 140,000 rows: the dump reads each table keyed by integers in
    key order from the database a chunk at a time and writes the text as it goes (held whole,
    it took 1.8 GB on SQLite and 4 GB on PostgreSQL), with the same bytes as the whole
    document's text, on either back end."""
    from contextlib import contextmanager

    import models.dump as dump

    fill(sessions)
    monkeypatch.setattr(dump, "CHUNK", 4)
    writes: list[int] = []
    real_file = dump.atomic_file

    @contextmanager
    def watched(path: Any) -> Any:
        with real_file(path) as out:
            class Out:
                def write(self, data: bytes) -> int:
                    writes.append(len(data))
                    return out.write(data)

            yield Out()

    monkeypatch.setattr(dump, "atomic_file", watched)
    streamed: list[object] = []
    real_execute = Session.execute

    def execute(self: Session, statement: Any, *args: Any, **kwargs: Any) -> Any:
        if "audit_log" in str(statement):
            streamed.append(statement.get_execution_options().get("yield_per"))
        return real_execute(self, statement, *args, **kwargs)

    monkeypatch.setattr(Session, "execute", execute)
    with sessions() as s, recorded(s) as statements:
        counts = write_dump(s, tmp_path / "campaign.json", now=NOW)
    with sessions() as s:
        whole = document_text(dump_document(s, now=NOW))
    assert (tmp_path / "campaign.json").read_text(encoding="utf-8") == whole
    assert counts["audit_log"] > 10 and len(writes) > sum(counts.values()) // 8
    history = [q for q in statements if "FROM audit_log" in q]
    assert history and all("ORDER BY audit_log.id" in q for q in history)
    assert streamed and streamed[0] == 4  # read a chunk (CHUNK rows) at a time
