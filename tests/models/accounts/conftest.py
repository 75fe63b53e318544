"""A shared campaign on PostgreSQL with two units' records and one account of each role.

The accounts sign in through the throw-away cluster's Unix socket, which asks for passwords
(tests/pgserver.py). Logins carry the database's name: roles belong to the whole server.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from models.accounts.names import AccountRole
from models.accounts.service import AccountDraft, add_account
from models.campaign import Unit
from models.database import open_database
from models.enums import LeadStage, UnitKind
from models.operations.leads import LeadDraft, create_lead
from models.operations.teams import VisitDraft, plan_visit
from tests.factories import World, item_draft, make_trip, make_world
from tests.pgserver import PgServer

PASSWORD = "Mima-2023-ok"
OTHER_UNIT = "市工业和信息化局"


@dataclass
class Shared:
    server: PgServer
    database: str
    sessions: sessionmaker[Session]
    world: World
    other_unit_id: int
    own_trip: str  # the world unit's (松山湖高新区) trip
    other_trip: str  # 市工业和信息化局's trip
    own_item: int
    other_item: int
    own_lead: int
    other_lead: int
    own_visit: int
    other_visit: int
    logins: dict[AccountRole, str]
    _engines: list[Engine]

    def url(self, role: AccountRole, password: str | None = PASSWORD) -> str:
        return self.server.password_url(self.database, self.logins[role], password)

    def login(self, role: AccountRole) -> sessionmaker[Session]:
        """A sessionmaker signed in as the account of ``role`` (with its own password)."""
        engine, factory = open_database(self.url(role))
        self._engines.append(engine)
        return factory

    def engine(self, role: AccountRole) -> Engine:
        return self.login(role).kw["bind"]


@pytest.fixture
def shared(pg_server: PgServer, db_url: str,
           sessions: sessionmaker[Session]) -> Iterator[Shared]:
    if pg_server.socket_dir is None:
        pytest.skip("signing in with a password needs the throw-away cluster's socket")
    database = str(make_url(db_url).database)
    logins = {role: f"{database}.{role.value}" for role in AccountRole}
    with sessions.begin() as s:
        w = make_world(s)
        other = Unit(name_zh=OTHER_UNIT, name_en="Industry and IT Bureau", kind=UnitKind.DEPARTMENT)
        s.add(other)
        s.flush()
        own = make_trip(s, w, items=[item_draft(w)])
        theirs = make_trip(s, w, host_unit_id=other.id, title_zh="日韩半导体推介", items=[item_draft(w)])
        own_lead = create_lead(s, LeadDraft("电池工厂", w.org_id, 600_000_000, LeadStage.CONTACT,
                                            unit_id=w.unit_id)).value
        other_lead = create_lead(s, LeadDraft("芯片工厂", w.org_id, 800_000_000, LeadStage.CONTACT,
                                              unit_id=other.id)).value
        own_visit = plan_visit(s, VisitDraft(w.org_id, date(2023, 4, 3), unit_id=w.unit_id)).value
        other_visit = plan_visit(s, VisitDraft(w.org_id, date(2023, 4, 4), unit_id=other.id)).value
        for role, login in logins.items():
            unit = "松山湖高新区" if role is AccountRole.UNIT else ""
            add_account(s, AccountDraft(login, f"测试{role.labels[0]}", role, unit), PASSWORD)
        from models.trips import Trip
        own_item = s.get_one(Trip, own.id).items[0].id
        other_item = s.get_one(Trip, theirs.id).items[0].id
    engines: list[Engine] = []
    yield Shared(pg_server, database, sessions, w, other.id, own.code, theirs.code, own_item,
                 other_item, own_lead.id, other_lead.id, own_visit.id, other_visit.id, logins,
                 engines)
    for engine in engines:
        engine.dispose()
