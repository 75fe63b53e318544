"""Killing the app in the middle of saving leaves the database intact, with every commit kept.

A child process saves edits as fast as it can (each one a transaction that changes a trip and
adds a person, with its audit rows) and reports each commit on stdout; it is killed with
SIGKILL again and again at arbitrary moments. Afterwards SQLite's integrity check passes and
every reported commit is in the database (the one in flight at the kill may or may not be).
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.audit.table import AuditEntry
from models.people import Person
from models.trips import Trip
from tests.factories import make_trip, make_world

ROOT = Path(__file__).resolve().parents[2]
KILLS = 5
pytestmark = [pytest.mark.backends("sqlite"),
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

SAVER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[2])
    from sqlalchemy import select
    from models.database import open_database
    from models.operations.directory import PersonDraft, create_person
    from models.trips import Trip
    engine, sessions = open_database(sys.argv[1])
    n = int(sys.argv[3])
    while True:
        n += 1
        with sessions.begin() as s:
            trip = s.scalars(select(Trip)).one()
            trip.notes = f"第 {n} 次保存 " + "备注" * 200
            create_person(s, PersonDraft(f"保存 {n}", notes="说明" * 300))
        print(n, flush=True)
""")


def test_sigkill_while_saving_loses_no_committed_edit(sessions: sessionmaker[Session],
                                                     db_url: str) -> None:
    with sessions.begin() as s:
        make_trip(s, make_world(s))
        people = s.scalar(select(func.count()).select_from(Person)) or 0
    reported = 0
    for kill in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", SAVER, db_url, str(ROOT), str(reported)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout is not None
        wanted = reported + 10 + 7 * kill  # let it commit a few, then kill it mid-stream
        while reported < wanted:
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else "the saver died"
            reported = int(line)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
        # commits it reported before the kill but this loop had not read yet (a busy machine)
        for line in child.stdout.read().split():
            reported = max(reported, int(line))
        child.stdout.close()
        if child.stderr:
            child.stderr.close()
        # a commit may have landed after the last line was read: continue from the database
        with sessions() as s:
            saved = (s.scalar(select(func.count()).select_from(Person)) or 0) - people
        assert saved in (reported, reported + 1)
        reported = saved

    database = db_url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    with sessions() as s:
        notes = s.scalars(select(Trip.notes)).one()
        edits = s.scalar(select(func.count()).select_from(AuditEntry)
                         .where(AuditEntry.record_type == "trips", AuditEntry.action == "update"))
        names = set(s.scalars(select(Person.name_zh).where(Person.name_zh.like("保存 %"))))
    assert notes.startswith(f"第 {reported} 次保存 ")  # the last committed edit is the one kept
    assert edits == reported  # each committed edit has its audit row, none without
    assert names == {f"保存 {n}" for n in range(1, reported + 1)}
