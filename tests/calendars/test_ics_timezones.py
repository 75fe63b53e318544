"""VTIMEZONE components: onsets at the wall-clock time before each change (RFC 5545 3.6.5)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from calendars import ExportScope, export_ics, uid_of
from calendars.timezones import transitions, vtimezone
from models.campaign import City
from models.enums import ItemKind
from models.operations.items import ItemDraft
from models.trips import ItineraryItem
from tests.calendars.ics_checks import assert_valid, libical_read
from tests.factories import make_trip, make_world

ZONES = ["Europe/Berlin", "America/Los_Angeles", "Australia/Sydney", "America/Sao_Paulo",
         "Asia/Shanghai", "Asia/Tokyo", "Europe/London", "America/New_York", "Asia/Kolkata"]


@pytest.mark.parametrize("zone", ZONES)
def test_each_observance_starts_where_zoneinfo_changes(zone: str) -> None:
    tz = ZoneInfo(zone)
    component = vtimezone(zone, date(2018, 1, 1), date(2024, 1, 1))
    subs = component.subcomponents
    assert "COMMENT" not in component
    assert subs[0]["DTSTART"].dt == datetime(2018, 1, 1)
    for sub in subs[1:]:
        onset = sub["DTSTART"].dt
        offset_from = sub["TZOFFSETFROM"].td
        offset_to = sub["TZOFFSETTO"].td
        instant = (onset - offset_from).replace(tzinfo=ZoneInfo("UTC"))
        assert (instant - timedelta(seconds=1)).astimezone(tz).utcoffset() == offset_from
        assert instant.astimezone(tz).utcoffset() == offset_to
        assert (sub.name == "DAYLIGHT") == bool(instant.astimezone(tz).dst())
    changes = len(transitions(zone, date(2018, 1, 1), date(2024, 1, 1)))
    assert len(subs) == changes + 1


def test_berlin_changes_at_two_and_three_local() -> None:
    subs = vtimezone("Europe/Berlin", date(2023, 1, 1), date(2024, 1, 1)).subcomponents
    assert [(s.name, s["DTSTART"].dt.isoformat()) for s in subs] == [
        ("STANDARD", "2023-01-01T00:00:00"),
        ("DAYLIGHT", "2023-03-26T02:00:00"),  # icalendar 7.3 writes 03:00 here
        ("STANDARD", "2023-10-29T03:00:00"),
    ]


def test_readers_resolve_every_hour_around_the_changes(sessions: sessionmaker[Session]) -> None:
    """Items at every hour of both change days come back from libical as the stored instants,
    the repeated hour included (written in UTC: readers disagree about ambiguous local times)."""
    with sessions.begin() as s:
        w = make_world(s)
        s.get_one(City, w.berlin_id).timezone = "America/Los_Angeles"
        items = []
        for day in (date(2023, 3, 12), date(2023, 11, 5)):
            for hour in range(24):
                start = datetime(2023, 1, 1, tzinfo=UTC) + timedelta(
                    days=(day - date(2023, 1, 1)).days, hours=hour + 7)
                items.append(ItemDraft(ItemKind.FREE_TIME, f"{day} {hour}", start,
                                       start + timedelta(minutes=30), "America/Los_Angeles"))
        make_trip(s, w, start_date=date(2023, 3, 11), end_date=date(2023, 3, 14),
                  items=items[:24])
        make_trip(s, w, start_date=date(2023, 11, 4), end_date=date(2023, 11, 7),
                  items=items[24:])
    raw = export_ics(sessions, ExportScope(all_=True))
    assert_valid(raw)
    assert b"DTSTART;TZID=America/Los_Angeles:20231105T01" not in raw  # ambiguous: UTC
    assert b"DTSTART:20231105T080000Z" in raw and b"DTSTART:20231105T090000Z" in raw
    events = libical_read(raw)["events"]
    assert isinstance(events, dict)
    with sessions() as s:
        stored = {uid_of(i.uuid): f"{i.starts_at:%Y%m%dT%H%M%SZ}"
                  for i in s.scalars(select(ItineraryItem))}
    assert {uid: e["start"] for uid, e in events.items() if uid in stored} == stored
