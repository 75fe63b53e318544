"""PostgreSQL as the shared server: lost connections, refused connections, many processes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from models.database import open_database
from models.errors import DatabaseError
from models.leads import Lead
from models.operations.directory import PersonDraft, create_person
from models.people import Person
from models.trips import Trip
from tests.factories import make_world
from tests.pgserver import PgServer

ROOT = Path(__file__).resolve().parents[2]
PROCESSES, EACH = 4, 5

pytestmark = pytest.mark.backends("postgresql")

CREATOR = textwrap.dedent("""
    import sys
    from datetime import date
    sys.path.insert(0, sys.argv[2])
    from models.database import open_database
    from models.enums import LeadStage
    from models.operations.leads import LeadDraft, create_lead
    from models.operations.trips import TripDraft, create_trip
    engine, sessions = open_database(sys.argv[1])
    region, org = int(sys.argv[3]), int(sys.argv[4])
    print("ready", flush=True)
    sys.stdin.readline()  # all processes start together
    for n in range(int(sys.argv[5])):
        with sessions.begin() as s:
            trip = create_trip(s, TripDraft("并发推广活动", region, date(2023, 5, 1), date(2023, 5, 3))).value
            lead = create_lead(s, LeadDraft("并发项目", org, 100, LeadStage.CONTACT)).value
        print(trip.code, lead.code, flush=True)
    engine.dispose()
""")


def test_processes_creating_at_once_get_distinct_codes(sessions: sessionmaker[Session],
                                                       db_url: str) -> None:
    with sessions.begin() as s:
        w = make_world(s)
    procs = [subprocess.Popen([sys.executable, "-c", CREATOR, db_url, str(ROOT), str(w.region_id),
                               str(w.org_id), str(EACH)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(PROCESSES)]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * PROCESSES, [err for _, err in outputs]
    made = [line.split() for out, _ in outputs for line in out.splitlines()]
    total = PROCESSES * EACH
    assert sorted(t for t, _ in made) == [f"TRIP-2023-{n:03d}" for n in range(1, total + 1)]
    assert sorted(lead for _, lead in made) == [f"LEAD-2023-{n:03d}" for n in range(1, total + 1)]
    with sessions() as s:
        assert len(s.scalars(select(Trip.code)).all()) == total
        assert len(s.scalars(select(Lead.code)).all()) == total


def test_a_lost_connection_is_a_clear_error_and_a_retry_works(
    sessions: sessionmaker[Session], db_url: str, pg_server: PgServer,
) -> None:
    with sessions.begin() as s:
        make_world(s)
    s = sessions()
    try:
        s.scalars(select(Person)).all()  # the session holds a connection
        assert pg_server.terminate_connections(str(make_url(db_url).database)) >= 1
        with pytest.raises(DatabaseError) as caught:
            create_person(s, PersonDraft("断线时输入的人"))
            s.commit()
        s.rollback()
    finally:
        s.close()
    assert "连接已断开" in caught.value.message_zh and "try again" in caught.value.message_en
    with sessions.begin() as retry:  # the pool reconnects: the same input saves now
        create_person(retry, PersonDraft("断线时输入的人"))
    with sessions() as check:
        assert check.scalars(select(Person.name_zh).where(Person.name_zh == "断线时输入的人")).one()


def test_an_unreachable_server_is_a_clear_error() -> None:
    with pytest.raises(DatabaseError) as caught:
        open_database("postgresql://planner:secret@127.0.0.1:1/campaign")
    assert "无法连接数据库" in caught.value.message_zh
    assert "127.0.0.1" in caught.value.message_en and "secret" not in str(caught.value)
