"""The checks at scale: the same statements for twice the trips, items, people and events (on
generated ten-year data, small), whether over the whole database or between two days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.checks import Conflict, run_checks
from models.checks.acks import acknowledge
from models.conflicts import open_checks, open_conflicts, open_findings
from models.enums import Severity
from models.trips import ItineraryItem
from tests.scale_worlds import generated
from tests.statements import recorded


@pytest.fixture(scope="module")
def n_and_2n(tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """550 and 1,100 trips: more than the 500 parents a relationship's "select in" loads at
    once, so a check reading through relationships would need more statements for more."""
    folder = tmp_path_factory.mktemp("check-scale")
    return generated(folder, 0.11), generated(folder, 0.22)


def _run(sessions: sessionmaker[Session],
         checks: Callable[[Session], list[Conflict]]) -> tuple[int, int, int]:
    """Statements to run the checks, the findings, and the itinerary items in the database."""
    with sessions() as session:
        items = session.scalar(select(func.count()).select_from(ItineraryItem)) or 0
        with recorded(session) as seen:
            found = checks(session)
    return len(seen), len(found), items


def _acknowledge_some(sessions: sessionmaker[Session]) -> None:
    """A few acknowledged warnings, so that the run reads the acknowledgements' records too."""
    with sessions.begin() as session:
        warnings = [c for c in run_checks(session) if c.severity is Severity.WARNING]
        for finding in warnings[:: max(1, len(warnings) // 5)]:
            acknowledge(session, finding, "测试 test", by="tester")


def test_the_whole_check_reads_in_the_same_statements_for_twice_the_plan(
        n_and_2n: tuple[sessionmaker[Session], sessionmaker[Session]]) -> None:
    for sessions in n_and_2n:
        _acknowledge_some(sessions)
    small, large = (_run(s, run_checks) for s in n_and_2n)
    assert large[2] >= 1.8 * small[2]  # twice the items (and trips, people, events)
    assert large[1] > small[1]
    assert large[0] == small[0]  # each kind of row read in bulk, none per trip or campaign


def test_a_window_of_days_reads_in_the_same_statements_for_twice_the_plan(
        n_and_2n: tuple[sessionmaker[Session], sessionmaker[Session]]) -> None:
    def between(session: Session) -> list[Conflict]:
        return run_checks(session, since=date(2016, 1, 1), until=date(2019, 12, 31))

    small, large = (_run(s, between) for s in n_and_2n)
    assert large[1] > small[1] > 0
    assert large[0] == small[0]


def test_the_dashboard_reads_its_conflicts_and_findings_once_and_finds_the_same(
        n_and_2n: tuple[sessionmaker[Session], sessionmaker[Session]]) -> None:
    """``open_checks`` (the dashboard) = ``open_conflicts`` and ``open_findings`` side by side,
    in the statements of the findings alone: the clashes come from the checks' read."""
    sessions = n_and_2n[1]
    clashes = findings = 0
    for day in (date(2023, 6, 1), date(2023, 7, 15), date(2023, 9, 1), date(2023, 11, 20)):
        end = date(2023, 12, 31)
        with sessions() as session:
            with recorded(session) as both:
                together = open_checks(session, day, end)
            with recorded(session) as apart:
                alone = open_findings(session, day, end)
            assert together == (open_conflicts(session, day, end), alone)
        assert len(both) == len(apart)
        clashes += len(together[0])
        findings += len(together[1])
    assert clashes > 0 and findings > clashes  # the comparison compared something


def test_the_trips_ids_listed_or_as_a_subquery_give_the_same_findings(
        n_and_2n: tuple[sessionmaker[Session], sessionmaker[Session]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A few hundred trips are read again by their ids, more through the trips' subquery:
    the same plan either way, for the whole database and for a window of days."""
    from models.checks import plan

    sessions = n_and_2n[0]  # 550 trips: listed
    with sessions() as session:
        listed = (run_checks(session), open_checks(session, date(2023, 3, 1), date(2023, 12, 31)))
    monkeypatch.setattr(plan, "MAX_LISTED_IDS", 0)
    with sessions() as session:
        through_subquery = (run_checks(session),
                            open_checks(session, date(2023, 3, 1), date(2023, 12, 31)))
    assert listed == through_subquery
    assert listed[0] and listed[1][1]
