"""The embedded sample campaign: complete, valid under every rule, deterministic, bilingual."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.campaign import Campaign, City, Industry, Region, Unit
from models.conflicts import find_conflicts
from models.enums import EventKind, LeadStage, TripStatus
from models.errors import ValidationError
from models.events import ThemedEvent
from models.leads import HqVisit, Lead
from models.organisations import Organisation
from models.people import Person
from models.sample import SAMPLE_PATH, database_is_empty, load_reference, load_sample
from models.trips import ItineraryItem, Trip

TRAVEL_REGIONS = ("HKMO", "JPKR", "EUUS", "JJJ", "YRD")
SIGNED = (LeadStage.SIGNED, LeadStage.CONSTRUCTION, LeadStage.FUNDS_IN, LeadStage.PRODUCTION)


def _count(s: Session, model: type[Any]) -> int:
    return s.scalar(select(func.count()).select_from(model)) or 0


def _counts(s: Session) -> dict[str, int]:
    return {m.__name__: _count(s, m) for m in (Campaign, Region, City, Unit, Industry,
                                                 Organisation, Person, Trip, ItineraryItem,
                                                 ThemedEvent, Lead, HqVisit)}


def test_sample_loads_once_with_the_promised_counts(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        assert database_is_empty(s)
        counts = load_sample(s)  # its speed is measured by bench/bench_sample.py
    assert set(counts) == {"trips", "events", "items", "organisations", "people", "leads",
                           "hq_visits", "units"}
    assert counts["trips"] >= 32 and counts["events"] >= 32
    assert counts["organisations"] >= 150 and counts["people"] >= 60
    assert counts["leads"] >= 60 and counts["hq_visits"] >= 300 and counts["units"] >= 65
    with sessions() as s:
        before = _counts(s)
        assert before["Trip"] == counts["trips"] and before["ItineraryItem"] == counts["items"]
        assert not database_is_empty(s)
    with sessions.begin() as s, pytest.raises(ValidationError) as refused:
        load_sample(s)
    assert refused.value.field == "sample" and "已有" in refused.value.message_zh
    with sessions() as s:
        assert _counts(s) == before


def test_refused_load_writes_nothing_even_with_only_reference_data(
    sessions: sessionmaker[Session],
) -> None:
    with sessions.begin() as s:
        load_reference(s, 2024)
    with sessions() as s:
        before = _counts(s)
    with sessions.begin() as s, pytest.raises(ValidationError):
        load_sample(s)
    with sessions() as s:
        assert _counts(s) == before


def test_load_reference_gives_an_empty_campaign(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        load_reference(s, 2024)
    with sessions() as s:
        campaign = s.scalars(select(Campaign)).one()
        assert campaign.year == 2024 and campaign.name_zh == "2024 年度招商计划"
        assert campaign.target_trips == 0
        assert _count(s, Industry) == 9
        assert set(s.scalars(select(Region.code))) == {*TRAVEL_REGIONS, "LOCAL"}
        assert _count(s, Unit) >= 65 and _count(s, City) >= 30
        for model in (Trip, ThemedEvent, Person, Organisation, Lead, HqVisit):
            assert _count(s, model) == 0, model.__name__
    with sessions.begin() as s, pytest.raises(ValidationError):
        load_reference(s, 2024)
    with sessions.begin() as s:  # another year reuses the reference data
        load_reference(s, 2025)
    with sessions() as s:
        assert _count(s, Campaign) == 2 and _count(s, Industry) == 9


@pytest.fixture
def sample(sample_sessions: sessionmaker[Session]) -> Any:
    with sample_sessions() as s:
        yield s


def test_every_travel_region_has_four_trips(sample: Session) -> None:
    per_region = Counter(sample.scalars(select(Region.code).join(Trip, Trip.region_id == Region.id)))
    assert all(per_region[code] >= 4 for code in TRAVEL_REGIONS), per_region
    codes = list(sample.scalars(select(Trip.code).order_by(Trip.start_date, Trip.code)))
    assert codes == [f"TRIP-2023-{n:03d}" for n in range(1, len(codes) + 1)]
    statuses = Counter(sample.scalars(select(Trip.status)))
    assert statuses[TripStatus.DONE] >= 20 and statuses[TripStatus.CANCELLED] >= 1
    cancelled = sample.scalars(select(Trip).where(Trip.status == TripStatus.CANCELLED)).all()
    assert all(t.cancel_reason for t in cancelled)


def test_every_event_kind_and_one_global_conference(sample: Session) -> None:
    kinds = Counter(sample.scalars(select(ThemedEvent.kind)))
    assert set(kinds) == set(EventKind)
    assert kinds[EventKind.GLOBAL_CONFERENCE] == 1
    conference = sample.scalars(
        select(ThemedEvent).where(ThemedEvent.kind == EventKind.GLOBAL_CONFERENCE)).one()
    assert conference.title_zh == "2023 东莞全球招商大会"
    assert conference.sessions and 5 <= len(conference.invitations) <= 20


def test_daylight_saving_trip_keeps_local_times(sample: Session) -> None:
    trip = sample.scalars(select(Trip).where(Trip.start_date == date(2023, 3, 23))
                          .join(Region).where(Region.code == "EUUS")).one()
    berlin = ZoneInfo("Europe/Berlin")
    at_nine = {item.starts_at.astimezone(berlin).date(): item.starts_at for item in trip.items
               if item.timezone == "Europe/Berlin"
               and item.starts_at.astimezone(berlin).strftime("%H:%M") == "09:00"}
    before, after = at_nine[date(2023, 3, 25)], at_nine[date(2023, 3, 27)]
    assert before.astimezone(UTC).replace(tzinfo=None) == datetime(2023, 3, 25, 8, 0)
    assert after.astimezone(UTC).replace(tzinfo=None) == datetime(2023, 3, 27, 7, 0)
    assert after - before == timedelta(hours=47)  # the night of 26 March is an hour short


def test_leads_cover_the_flow_and_the_target(sample: Session) -> None:
    leads = sample.scalars(select(Lead)).all()
    assert {lead.stage for lead in leads} == set(LeadStage)
    flagship = [lead for lead in leads if lead.amount_cny >= 5_000_000_000]
    assert 10 <= len(flagship) <= 16
    signed = sum(lead.amount_cny for lead in leads if lead.stage in SIGNED)
    assert 100_000_000_000 <= signed <= 180_000_000_000
    for lead in leads:
        assert (lead.signed_on is not None) == (lead.stage in SIGNED), lead.code
        assert (lead.source_trip_id is None) != (lead.source_event_id is None), lead.code


def test_chinese_text_round_trips_unchanged(sample: Session) -> None:
    data = json.loads(SAMPLE_PATH.read_text(encoding="utf-8"))
    campaign = sample.scalars(select(Campaign)).one()
    assert campaign.slogan == "有空间、进莞来" == data["campaign"]["slogan"]
    titles = {code: title for code, title in sample.execute(select(Trip.code, Trip.title_zh))}
    assert titles == {t["code"]: t["title_zh"] for t in data["trips"]}
    points = {name: text for name, text in
              sample.execute(select(Organisation.name_zh, Organisation.talking_points))}
    assert points == {o["name_zh"]: o["talking_points"] for o in data["organisations"]}


def test_conflict_finder_reports_only_the_deliberate_conflicts(sample: Session) -> None:
    found = find_conflicts(sample)
    assert 2 <= len(found) <= 4, [c.message_en for c in found]
    assert {c.kind for c in found} >= {"person_double_booked", "venue_double_booked"}


def test_generator_is_deterministic_and_matches_the_committed_file() -> None:
    from tools.build_sample import build, render

    first = render(build())
    assert first == render(build())
    assert first == SAMPLE_PATH.read_text(encoding="utf-8"), (
        "resources/sample_campaign_2023.json is stale: run python tools/build_sample.py")
