"""Migration 0007 upgrades a shared database holding the sample campaign in place."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import func, select, text

from models.accounts.names import group_role
from models.accounts.service import list_accounts
from models.audit.chain import verify_chain
from models.audit.table import AuditEntry
from models.database import alembic_config, create_db_engine, head_revision, open_database, schema_revision
from models.trips import Trip

pytestmark = [pytest.mark.backends("postgresql"), pytest.mark.slow]


def test_the_sample_at_0006_upgrades_in_place_and_keeps_its_data(db_url: str) -> None:
    from sqlalchemy.orm import sessionmaker

    from models.concurrency import PlannerSession
    from models.sample import load_sample

    # The sample as today's code writes it, then the schema taken back to 0006 (the code of
    # that time cannot be run here): what a shared server loaded before accounts holds.
    engine = create_db_engine(db_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with sessionmaker(engine, class_=PlannerSession).begin() as s:
        load_sample(s)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    with engine.connect() as conn:
        trips = conn.execute(text("SELECT count(*) FROM trips")).scalar()
        history = conn.execute(text("SELECT count(*) FROM audit_log")).scalar()
        last_id = conn.execute(text("SELECT max(id) FROM audit_log")).scalar()
        database = conn.execute(text("SELECT current_database()")).scalar()
    engine.dispose()
    assert trips and trips > 30

    engine, sessions = open_database(db_url)  # upgrades to head
    try:
        assert schema_revision(engine) == head_revision()
        with sessions() as s:
            assert s.scalar(select(func.count()).select_from(Trip)) == trips
            # every row of the history kept, and the only new ones are the triggers' record of
            # migration 0011 giving the sample's teams their English names (one row per team)
            kept = s.scalar(select(func.count()).select_from(AuditEntry)
                            .where(AuditEntry.id <= last_id))
            added = s.execute(select(AuditEntry.record_type, AuditEntry.action)
                              .where(AuditEntry.id > last_id)).all()
            named = s.scalar(text("SELECT count(*) FROM teams WHERE name_en <> ''"))
            assert kept == history
            assert named and added == [("teams", "update")] * named
            report = verify_chain(s.connection())
            assert report.intact and report.count == history + named
            assert [(a.login, a.role.value) for a in list_accounts(s)] == [("postgres", "admin")]
            groups = s.scalars(text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY 1"),
                               {"p": f"{database}_%"}).all()
            assert groups == sorted(group_role(str(database), r)
                                    for r in ("admin", "planner", "unit", "viewer"))
            secured = s.scalars(text("SELECT relname FROM pg_class WHERE relrowsecurity "
                                     "ORDER BY 1")).all()
            assert {"trips", "themed_events", "leads", "hq_visits", "itinerary_items"} <= set(secured)
    finally:
        engine.dispose()
    engine, _ = open_database(db_url)  # opening again is a no-op
    engine.dispose()
