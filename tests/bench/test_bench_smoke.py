"""The scale dataset and the benchmark runner, on a tiny generated database (no timings)."""

from __future__ import annotations

import io
import json
import re
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bench import run, scale_data, verbs
from bench.pdf_floor import page_count, reportlab_floor
from cli.app import run as run_cli
from cli.context import Context
from models.audit.table import AuditEntry
from models.database import open_database
from models.enums import EventStatus, ItemKind, TripStatus
from models.events import AgendaSession, ThemedEvent
from models.operations.codes import code_counters
from models.operations.trips import ItemDraft, TripDraft, create_trip
from models.timeutil import local_to_utc
from models.trips import ItineraryItem, Trip, TripMember, item_attendees

SCALE = 0.002
CODE = re.compile(r"^(TRIP|EVT|LEAD)-\d{4}-\d{3,}$")


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, int]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('scale') / 'scale.db'}"
    return url, scale_data.generate(url, SCALE, seed=1)


@pytest.fixture
def sessions(tiny: tuple[str, dict[str, int]]) -> Iterator[sessionmaker[Session]]:
    engine, made = open_database(tiny[0])
    yield made
    engine.dispose()


def cli(url: str, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_cli(["--db", url, *args], ctx=Context(db_url=url, out=out, err=err))
    return code, out.getvalue()


def test_counts_are_those_asked_for(tiny: tuple[str, dict[str, int]]) -> None:
    _url, counts = tiny
    assert counts == scale_data.expected(SCALE)
    assert counts["campaigns"] == 10
    assert counts["items"] == counts["trips"] * 10
    assert counts["sessions"] == counts["events"] * 6


def test_its_history_chain_verifies(tiny: tuple[str, dict[str, int]]) -> None:
    url, _counts = tiny
    code, text = cli(url, "history", "--verify")
    assert code == 0, text


def test_the_app_reads_it(tiny: tuple[str, dict[str, int]]) -> None:
    url, counts = tiny
    code, _text = cli(url, "check")
    assert code in (0, 3, 5)  # 3: open errors, 5: open warnings (4 is "not allowed", issue 10)
    code, text = cli(url, "list", "trips", "--json")
    assert code == 0
    trips = json.loads(text)
    assert len(trips) == counts["trips"]
    codes = [t["code"] for t in trips]
    assert len(set(codes)) == len(codes)
    assert all(CODE.match(c) for c in codes)
    assert any("东莞" in t["title"] or "赴" in t["title"] for t in trips)


def test_the_rules_of_the_model_hold(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        trips = {t.id: t for t in s.scalars(select(Trip))}
        for trip in trips.values():
            assert trip.end_date >= trip.start_date
            assert trip.revision == 1
            assert trip.status is not TripStatus.CANCELLED or trip.cancel_reason
        members = {(m.trip_id, m.person_id) for m in s.scalars(select(TripMember))}
        item_trip = {}
        for item in s.scalars(select(ItineraryItem)):
            zone = ZoneInfo(item.timezone)
            trip = trips[item.trip_id]
            assert item.ends_at > item.starts_at
            assert trip.start_date <= item.starts_at.astimezone(zone).date()
            assert item.ends_at.astimezone(zone).date() <= trip.end_date
            item_trip[item.id] = item.trip_id
        for item_id, person_id in s.execute(select(item_attendees)):
            assert (item_trip[item_id], person_id) in members
        events = {e.id: e for e in s.scalars(select(ThemedEvent))}
        for event in events.values():
            assert event.ends_at > event.starts_at
            assert event.status is not EventStatus.CANCELLED or event.cancel_reason
        for session in s.scalars(select(AgendaSession)):
            event = events[session.event_id]
            assert event.starts_at <= session.starts_at < session.ends_at <= event.ends_at
        uuids = [u for table in (Trip, ItineraryItem, ThemedEvent)
                 for u in s.scalars(select(table.uuid))]
        assert len(set(uuids)) == len(uuids)
        assert all(uuid.UUID(u).version == 4 for u in uuids)
        history = s.scalar(select(func.count()).select_from(AuditEntry))
        records = sum(v for k, v in scale_data.expected(SCALE).items()
                      if k not in ("invitations", "audit_log"))
        assert history == records
        stems = dict(s.execute(select(code_counters.c.stem, code_counters.c.last)).all())
        assert stems["TRIP-2023-"] == s.scalar(
            select(func.count()).select_from(Trip).where(Trip.code.like("TRIP-2023-%")))


def test_the_app_adds_to_it(sessions: sessionmaker[Session]) -> None:
    """New records get the next code and fresh ids: the counters and ids are consistent."""
    with sessions() as s:
        trip = s.scalars(select(Trip).where(Trip.code.like("TRIP-2023-%"))
                         .order_by(Trip.code.desc())).first()
        assert trip is not None
        zone = "Asia/Tokyo"
        starts = local_to_utc(datetime(2023, 12, 20, 9, 0), zone)
        row = create_trip(s, TripDraft(
            title_zh="赴东京开展招商推介活动", campaign_id=trip.campaign_id,
            region_id=trip.region_id, start_date=date(2023, 12, 20), end_date=date(2023, 12, 22),
            leader_id=trip.leader_id,
            items=[ItemDraft(kind=ItemKind.COMPANY_VISIT, title_zh="拜访企业", starts_at=starts,
                             ends_at=local_to_utc(datetime(2023, 12, 20, 11, 0), zone),
                             timezone=zone)]))
        number = int(trip.code.rsplit("-", 1)[1])
        assert row.value.code == f"TRIP-2023-{number + 1:03d}"
        s.rollback()


@pytest.mark.slow
def test_the_runner_prints_every_row(tiny: tuple[str, dict[str, int]], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    url, _counts = tiny
    results = tmp_path / "RESULTS.md"
    assert run.main(["--db-url", url, "--quick", "--results", str(results)]) == 0
    table = capsys.readouterr().out
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    whats = [row.split(" | ")[1] for row in rows[1:]]
    expected = [
        "desktop start to the first painted window, still loading (scale db)",
        "desktop start to the first painted, populated window (scale db)",
        "`list trips --json` (scale db)", "`check` (scale db)", "`export-ics --all` (scale db)",
        *(f"switch to the {view} view" for view in (
            "dashboard", "calendar", "timeline", "trips", "events", "projects", "visits",
            "organisations", "people", "units")),
        "open a trip's editor", "trips: apply a region filter",
        "trips: one keystroke in the search box",
        "toolbar search: suggestions after a pause in typing",
        "calendar: scroll one month (a frame)",
        "timeline: scroll the year (a frame)", "trip editor: save an edit of the title",
        "export .ics: the 2023 campaign year", "export .ics: everything",
        "campaign report 2023 (collect + render)",
        "`import-sheet organisations`, 200 rows (GB18030 CSV)",
        "`import-sheet organisations`, 200 rows (.xlsx)",
        "window after visiting every view (scale db): start + visits",
    ]
    for what in expected:
        assert what in whats
    assert any(w.startswith("trip brief TRIP-2023-") for w in whats)
    assert len(whats) == len(expected) + 1
    text = results.read_text(encoding="utf-8")
    assert "## Machine" in text and "Python 3." in text
    assert all(what in text for what in expected)


@pytest.mark.backends("postgresql")
def test_the_runner_measures_the_start_and_memory_on_postgresql_too(
        tiny: tuple[str, dict[str, int]], db_url: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """``--pg-url``: the cold start and the memory after every view, on a scale database
    loaded on PostgreSQL beside the SQLite one; ``--only`` runs those steps alone."""
    made = scale_data.generate(db_url, SCALE, seed=1)
    assert made["trips"] == scale_data.expected(SCALE)["trips"]
    results = tmp_path / "RESULTS.md"
    assert run.main(["--db-url", tiny[0], "--pg-url", db_url, "--quick", "--only",
                     "start,memory", "--results", str(results)]) == 0
    table = capsys.readouterr().out
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    assert [row.split(" | ")[1] for row in rows[1:]] == [
        "desktop start to the first painted window, still loading (scale db)",
        "desktop start to the first painted, populated window (scale db)",
        "desktop start to the first painted window, still loading (PostgreSQL scale db)",
        "desktop start to the first painted, populated window (PostgreSQL scale db)",
        "window after visiting every view (scale db): start + visits",
        "window after visiting every view (PostgreSQL scale db): start + visits",
    ]


def test_the_verbs_bench_pairs_a_brief_with_reportlab_setting_its_pages(
        tiny: tuple[str, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    url, _counts = tiny
    assert verbs.main(["--db", url, "--repeat", "1", "--only", "brief --trip TRIP-2023-001"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| `")]
    assert [row.split(" | ")[0] for row in rows] == ["| `brief --trip TRIP-2023-001`"] * 2
    assert "`import sqlalchemy.orm, reportlab.platypus`" in rows[0]
    pages = re.search(r"ReportLab setting (\d+) pages of Chinese", rows[1])
    assert pages is not None and int(pages.group(1)) >= 1
    for count in (1, 3):  # the floor sets as many pages as it says
        assert page_count(reportlab_floor(count, None)) == count


def test_the_verbs_bench_pairs_a_calendar_and_a_dump_with_their_work(
        tiny: tuple[str, dict[str, int]], capsys: pytest.CaptureFixture[str]) -> None:
    """``export-ics --all`` with icalendar alone setting as many events, ``dump`` with every
    row read and written as JSON (``bench.work_floors``), each beside its import floor."""
    from bench.work_floors import dump_floor, ics_floor

    url, _counts = tiny
    assert verbs.main(["--db", url, "--repeat", "1", "--only", "export-ics --all,dump"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| `")]
    assert [row.split(" | ")[0] for row in rows] == (["| `export-ics --all`"] * 2
                                                     + ["| `dump`"] * 2)
    events = re.search(r"icalendar alone setting ([\d,]+) events", rows[1])
    assert events is not None and int(events.group(1).replace(",", "")) >= 1
    assert "every row of every table read and written as JSON" in rows[3]
    assert ics_floor(3).count(b"BEGIN:VEVENT") == 3  # the floor sets as many as it says
    assert len(dump_floor(url).splitlines()) > 100
