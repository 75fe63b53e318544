"""Calendar export at scale: the same statements for three times the history, and a year's
export reads that year's events only (on generated ten-year data, tiny)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from calendars.collect import collect
from calendars.export import render
from calendars.scope import ExportScope
from models import queries
from models.rows import EventDetail
from tests.scale_worlds import generated
from tests.statements import recorded


@pytest.fixture(scope="module")
def small_and_large(tmp_path_factory: pytest.TempPathFactory
                    ) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    folder = tmp_path_factory.mktemp("ics-scale")
    return generated(folder, 0.002), generated(folder, 0.006)


def _statements(sessions: sessionmaker[Session], scope: ExportScope) -> tuple[int, int]:
    """Statements to collect and render ``scope``, and the entries it holds."""
    with sessions() as session, recorded(session) as seen:
        data = collect(session, scope)
    assert render(data).startswith(b"BEGIN:VCALENDAR")
    return len(seen), data.entry_count


def test_export_statements_do_not_grow_with_the_history(
        small_and_large: tuple[sessionmaker[Session], sessionmaker[Session]]) -> None:
    small, large = (_statements(s, ExportScope(all_=True)) for s in small_and_large)
    assert large[1] >= 2 * small[1]  # three times the trips, items, events and sessions
    assert large[0] == small[0]  # each kind of row loaded in bulk, none per entry


def test_a_year_reads_that_years_events_only(
        small_and_large: tuple[sessionmaker[Session], sessionmaker[Session]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    sessions = small_and_large[1]
    asked: list[int] = []

    def spy(session: Session, ids: Sequence[int]) -> list[EventDetail]:
        asked.extend(ids)
        return real(session, ids)

    real = queries.event_calendar_details
    with sessions() as session:
        everything = collect(session, ExportScope(all_=True))
    years = sorted({e.local_start.year for e in everything.events})
    year = years[len(years) // 2]
    monkeypatch.setattr(queries, "event_calendar_details", spy)
    scope = ExportScope(start=date(year, 1, 1), end=date(year, 12, 31))
    with sessions() as session:
        data = collect(session, scope)
    in_year = [e for e in everything.events
               if e.local_start.date() <= scope.end and e.local_end.date() >= scope.start]
    assert [e.code for e in data.events] == [e.code for e in in_year]
    assert in_year and len(in_year) <= len(asked) < len(everything.events) / 2  # not ten years
    # the invited organisations are named without their contacts (not needed in a calendar)
    assert all(not i.organisation.contacts for e in data.events for i in e.invitations)


def test_the_calendar_reads_trips_without_contacts_or_counterparts(
        small_and_large: tuple[sessionmaker[Session], sessionmaker[Session]]) -> None:
    """A calendar names a trip's targets and an item's people; it does not read the targets'
    contacts or the items' counterparts, in fewer statements, and the rest is the same."""
    from dataclasses import replace

    def read(contacts: bool) -> tuple[int, list[Any]]:
        with small_and_large[0]() as session, recorded(session) as seen:
            rows = queries.trip_details(session, contacts=contacts)
        return len(seen), rows

    full_count, full = read(True)
    calendar_count, calendar = read(False)
    assert calendar and calendar_count < full_count
    assert all(not o.contacts for t in calendar for o in t.targets)
    assert all(not i.counterparts for t in calendar for i in t.items)
    stripped = [replace(t, targets=tuple(replace(o, contacts=()) for o in t.targets),
                        items=tuple(replace(i, counterparts=()) for i in t.items)) for t in full]
    assert calendar == stripped


def test_export_ics_all_runs_the_same_statements_for_three_times_the_history(
        small_and_large: tuple[sessionmaker[Session], sessionmaker[Session]],
        tmp_path: Path) -> None:
    """The whole verb, from opening the database to the file written: its statements do not
    grow with the trips, items, events and sessions (none per entry, none per piece written)."""
    from sqlalchemy.engine import Engine

    from tests.calendars.test_ics_cmd import cli

    def verb(sessions: sessionmaker[Session], name: str) -> tuple[int, int]:
        url = str(sessions.kw["bind"].url)
        with recorded(Engine) as seen:  # the verb's own engine
            code, _, err, _ = cli(url, "export-ics", "--all", "-o", str(tmp_path / name))
        assert code == 0, err
        return len(seen), (tmp_path / name).read_bytes().count(b"BEGIN:VEVENT")

    small, large = verb(small_and_large[0], "small.ics"), verb(small_and_large[1], "large.ics")
    assert large[1] >= 2 * small[1]
    assert 10 < large[0] == small[0]
