"""Migration 0018 keeps the hash of the history row a transaction chained last in its tip: a
transaction that writes history, is upgraded (or downgraded) and writes more goes on chaining
from its own newest row, and its commit moves the head to it (PostgreSQL only)."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from models.audit.chain import AUDIT_TABLE, read_head, verify_chain
from models.database import alembic_config, create_db_engine, head_revision
from models.operations.directory import OrganisationDraft, create_organisation
from tests.factories import make_world

pytestmark = pytest.mark.backends("postgresql")


def _migrate(conn: Connection, revision: str, down: bool = False) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    (command.downgrade if down else command.upgrade)(cfg, revision)


def _chains_on_across(db_url: str, before: str, after: str, down: bool) -> None:
    engine = create_db_engine(db_url)
    try:
        with engine.begin() as conn:
            _migrate(conn, before)
        with engine.begin() as conn:  # one transaction: history, the migration, more history
            session = Session(bind=conn)
            make_world(session)
            create_organisation(session, OrganisationDraft("甲公司", hq_city="斯图加特"))
            session.flush()
            _migrate(conn, after, down)
            create_organisation(session, OrganisationDraft("乙公司", hq_city="慕尼黑"))
            session.flush()
            session.close()
        with engine.connect() as conn:
            report = verify_chain(conn)
            newest = conn.execute(select(func.max(AUDIT_TABLE.c.id))).scalar_one()
            labels = conn.execute(select(AUDIT_TABLE.c.record_label)
                                  .where(AUDIT_TABLE.c.record_type == "organisations")
                                  .order_by(AUDIT_TABLE.c.id)).scalars().all()
            head = read_head(conn)
        assert report.intact, report
        assert head is not None and head[0] == newest
        assert labels[-2:] == ["甲公司", "乙公司"]
    finally:
        engine.dispose()


def test_a_transaction_upgraded_midway_chains_on_from_its_newest_row(db_url: str) -> None:
    _chains_on_across(db_url, "0017", "0018", down=False)
    assert head_revision() >= "0018"


def test_a_transaction_downgraded_midway_chains_on_from_its_newest_row(db_url: str) -> None:
    _chains_on_across(db_url, "0018", "0017", down=True)
