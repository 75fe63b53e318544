"""The date-range and filter queries of ten years of history use their indexes, on SQLite and
PostgreSQL: each query is captured as the application sends it and EXPLAINed as it is."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from models import queries
from models.conflicts import open_conflicts
from models.leads import Lead
from models.operations.leads import LeadDraft, create_lead
from tests.factories import make_trip, make_world
from tests.statements import sent

FULL_SCANS = ("SCAN trips", "SCAN themed_events", "SCAN leads", "Seq Scan")
# either end of a range serves: the planner picks the one it expects to read fewer rows
TRIP_DATES = ("ix_trips_ends_starts", "ix_trips_start_date")
EVENT_DATES = ("ix_themed_events_ends_starts", "ix_themed_events_starts_at")


@pytest.fixture
def filled(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    with sessions.begin() as session:
        world = make_world(session)
        for month in range(1, 13):
            make_trip(session, world, start_date=date(2023, month, 3),
                      end_date=date(2023, month, 9))
        for n in range(12):
            create_lead(session, LeadDraft(f"项目{n}", world.org_id, 10_000 * (n + 1)))
    return sessions


def captured(sessions: sessionmaker[Session], action: Callable[[Session], Any],
             table: str) -> list[tuple[str, Any]]:
    """The SELECTs on ``table`` that ``action`` sends, with their parameters."""
    with sessions() as session, sent(session) as statements:
        action(session)
    seen = [(s.statement, s.parameters) for s in statements
            if s.statement.lstrip().upper().startswith("SELECT") and f"FROM {table}" in s.statement]
    assert seen
    return seen


def plan(sessions: sessionmaker[Session], statement: str, parameters: Any) -> str:
    with sessions() as session:
        conn = session.connection()
        if conn.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            return "\n".join(str(r[-1]) for r in rows)
        # a dozen rows: the planner would read the table whole; ask what it does when it
        # must not (what ten years of rows make it do)
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        rows = conn.exec_driver_sql(f"EXPLAIN {statement}", parameters)
        return "\n".join(str(r[0]) for r in rows)


def assert_uses(found: str, *indexes: str) -> None:
    assert any(name in found for name in indexes), found
    assert not any(scan in found for scan in FULL_SCANS), found


def test_trips_of_a_date_range_use_a_date_index(filled: sessionmaker[Session]) -> None:
    for statement, parameters in captured(
            filled, lambda s: queries.list_trips(s, start=date(2023, 5, 1),
                                                 end=date(2023, 6, 30)), "trips"):
        if "end_date >=" in statement:
            assert_uses(plan(filled, statement, parameters), *TRIP_DATES)


def test_open_trips_and_events_of_a_month_use_date_indexes(
        filled: sessionmaker[Session]) -> None:
    action = lambda s: open_conflicts(s, date(2023, 5, 1), date(2023, 5, 31))  # noqa: E731
    for statement, parameters in captured(filled, action, "trips"):
        if "end_date >=" in statement:
            assert_uses(plan(filled, statement, parameters), *TRIP_DATES)
    for statement, parameters in captured(filled, action, "themed_events"):
        if "ends_at >=" in statement:
            assert_uses(plan(filled, statement, parameters), *EVENT_DATES)


def test_projects_of_a_campaign_by_stage_use_their_index(filled: sessionmaker[Session]) -> None:
    def pipeline(session: Session) -> None:
        campaign_id = session.scalar(select(Lead.campaign_id).limit(1))
        session.execute(select(Lead.stage, func.count()).where(Lead.campaign_id == campaign_id)
                        .group_by(Lead.stage)).all()

    statement, parameters = captured(filled, pipeline, "leads")[-1]
    assert_uses(plan(filled, statement, parameters), "ix_leads_campaign_stage")


def test_the_history_rows_waiting_for_their_hash_are_found_by_their_index(
        filled: sessionmaker[Session]) -> None:
    """After each save on SQLite the chain starts from the first unhashed history row: found
    through the partial index, not by reading the whole history in id order."""
    from models.audit.chain import chain_unhashed

    for statement, parameters in captured(filled, lambda s: chain_unhashed(s.connection()),
                                          "audit_log"):
        if "row_hash IS NULL" in statement:
            assert_uses(plan(filled, statement, parameters), "ix_audit_log_unhashed")
            return
    raise AssertionError("no query for the unhashed rows")


def test_projects_signed_in_a_month_use_their_index(filled: sessionmaker[Session]) -> None:
    """The leaderboard counts the projects signed between two days (on the way to the first
    filled window): through the index on the signing date, not by reading every project."""
    from models.progress import leaderboard

    found = [(statement, parameters) for statement, parameters
             in captured(filled, lambda s: leaderboard(s, 2023, 5), "leads")
             if "signed_on >=" in statement]
    assert found
    for statement, parameters in found:
        assert_uses(plan(filled, statement, parameters), "ix_leads_signed_on")


def test_a_campaigns_company_visits_are_counted_through_the_trip_and_kind_index(
        filled: sessionmaker[Session]) -> None:
    """The progress counts the campaign's trips' company visits (on the way to the first filled
    window): each trip's items of that kind from the (trip, kind) index, not every item of
    ten years (PostgreSQL read them all: 12 ms at scale 1)."""
    from models.progress import campaign_progress

    found = [(statement, parameters) for statement, parameters
             in captured(filled, lambda s: campaign_progress(s, breakdowns=False),
                         "itinerary_items")
             if "itinerary_items.kind" in statement]
    assert found
    for statement, parameters in found:
        assert_uses(plan(filled, statement, parameters), "ix_itinerary_items_trip_kind")
