"""Scopes, and what changes in the database does to the exported entries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from calendars import ExportScope, collect, export_ics, render, uid_of
from models.errors import NotFoundError, ValidationError
from models.operations.items import item_draft, update_item
from models.operations.trips import cancel_trip, trip_draft, update_trip
from models.trips import ItineraryItem
from tests.calendars.calendar_world import (
    CANCELLED_UUID,
    EVENT_UUID,
    TRIP_UUID,
    CalendarWorld,
    item_uuid,
    make_calendar_world,
    session_uuid,
)
from tests.calendars.ics_checks import assert_valid, libical_read


@pytest.fixture
def cw(sessions: sessionmaker[Session]) -> CalendarWorld:
    with sessions.begin() as s:
        return make_calendar_world(s)


def uids(sessions: sessionmaker[Session], scope: ExportScope) -> set[str]:
    raw = export_ics(sessions, scope)
    assert_valid(raw)
    return {str(ev["UID"]) for ev in Calendar.from_ical(raw).walk("VEVENT")}


def sequences(raw: bytes) -> dict[str, int]:
    return {str(ev["UID"]): int(ev["SEQUENCE"]) for ev in Calendar.from_ical(raw).walk("VEVENT")}


ALL_ITEMS = {uid_of(item_uuid(n)) for n in (1, 2, 3, 4)}


def test_trip_scope_is_the_trip_and_its_itinerary(sessions: sessionmaker[Session],
                                                   cw: CalendarWorld) -> None:
    assert uids(sessions, ExportScope(trip_codes=(cw.trip_code.lower(),))) == {
        uid_of(TRIP_UUID), *ALL_ITEMS}


def test_event_scope_is_the_event_and_its_agenda(sessions: sessionmaker[Session],
                                                 cw: CalendarWorld) -> None:
    assert uids(sessions, ExportScope(event_codes=(cw.event_code,))) == {
        uid_of(EVENT_UUID), uid_of(session_uuid(1)), uid_of(session_uuid(2))}


def test_person_scope_is_only_their_own_schedule(sessions: sessionmaker[Session],
                                                 cw: CalendarWorld) -> None:
    w = cw.world
    delegate = uids(sessions, ExportScope(person_id=w.delegate_id))
    assert delegate == {uid_of(TRIP_UUID), uid_of(item_uuid(3))}  # not in the cancelled trip
    staff = uids(sessions, ExportScope(person_id=w.staff_id))
    assert staff == {uid_of(TRIP_UUID), uid_of(CANCELLED_UUID), uid_of(item_uuid(2)),
                     uid_of(item_uuid(3)), uid_of(EVENT_UUID), uid_of(session_uuid(2))}
    with sessions() as s:
        data = collect(s, ExportScope(person_id=w.staff_id))
    assert data.name_zh == "李晓敏的日程"


def test_filters_narrow_the_campaign(sessions: sessionmaker[Session], cw: CalendarWorld) -> None:
    w = cw.world
    everything = uids(sessions, ExportScope(all_=True))
    assert len(everything) == 9
    assert uids(sessions, ExportScope(region="LOCAL")) == {
        uid_of(EVENT_UUID), uid_of(session_uuid(1)), uid_of(session_uuid(2))}
    assert uids(sessions, ExportScope(region="欧美", statuses=("cancelled",))) == {
        uid_of(CANCELLED_UUID)}
    assert uids(sessions, ExportScope(industry_id=w.industry_id, unit_id=w.unit_id)) == everything
    assert uids(sessions, ExportScope(all_=True, start=date(2023, 3, 27),
                                      end=date(2023, 3, 27))) == {
        uid_of(TRIP_UUID), uid_of(item_uuid(3))}
    with sessions() as s, pytest.raises(ValidationError):
        render(collect(s, ExportScope(all_=True, start=date(2024, 1, 1))))


@pytest.mark.parametrize("scope", [
    ExportScope(trip_codes=("TRIP-2023-999",)),
    ExportScope(event_codes=("EVT-2023-999",)),
    ExportScope(person_id=999),
    ExportScope(region="Mars"),
    ExportScope(industry_id=999),
    ExportScope(unit_id=999),
])
def test_unknown_records_are_named(sessions: sessionmaker[Session], cw: CalendarWorld,
                                   scope: ExportScope) -> None:
    with sessions() as s, pytest.raises(NotFoundError):
        collect(s, scope)


def test_unknown_status_is_refused(sessions: sessionmaker[Session], cw: CalendarWorld) -> None:
    with sessions() as s, pytest.raises(ValidationError, match="lost"):
        collect(s, ExportScope(statuses=("lost",)))


def test_uids_are_stable_across_exports(sessions: sessionmaker[Session], cw: CalendarWorld) -> None:
    first = export_ics(sessions, ExportScope(all_=True))
    assert export_ics(sessions, ExportScope(all_=True)) == first


def test_sequence_rises_after_an_edit(sessions: sessionmaker[Session], cw: CalendarWorld) -> None:
    before = sequences(export_ics(sessions, ExportScope(trip_codes=(cw.trip_code,))))
    with sessions.begin() as s:
        item = s.scalars(select(ItineraryItem).where(ItineraryItem.uuid == item_uuid(1))).one()
        update_item(s, item.id, replace(item_draft(item), title_zh="拜访博世总部"))
    after_item = sequences(export_ics(sessions, ExportScope(trip_codes=(cw.trip_code,))))
    assert after_item[uid_of(item_uuid(1))] > before[uid_of(item_uuid(1))]
    assert all(after_item[uid] >= before[uid] for uid in before)
    with sessions.begin() as s:  # a change of the trip changes every entry that shows it
        update_trip(s, cw.trip_code, replace(trip_draft(s, cw.trip_code), title_zh="欧洲汽车推介",
                                             items=None))
    after_trip = sequences(export_ics(sessions, ExportScope(trip_codes=(cw.trip_code,))))
    assert all(after_trip[uid] > after_item[uid] for uid in after_item)


def test_a_cancelled_trip_exports_as_cancelled(sessions: sessionmaker[Session],
                                               cw: CalendarWorld) -> None:
    with sessions.begin() as s:
        cancel_trip(s, cw.trip_code, "台风")
    raw = export_ics(sessions, ExportScope(trip_codes=(cw.trip_code,)))
    assert_valid(raw)
    evs = Calendar.from_ical(raw).walk("VEVENT")
    assert len(evs) == 5
    assert {str(ev["STATUS"]) for ev in evs} == {"CANCELLED"}
    assert all(int(ev["SEQUENCE"]) >= 1 for ev in evs)


def test_daylight_saving_trip_reads_right_in_libical(sessions: sessionmaker[Session],
                                                     cw: CalendarWorld) -> None:
    """libical converts through the file's own VTIMEZONE: the instants must be the stored ones."""
    raw = export_ics(sessions, ExportScope(trip_codes=(cw.trip_code,)))
    events = libical_read(raw)["events"]
    assert isinstance(events, dict)
    with sessions() as s:
        stored = {i.uuid: i for i in s.scalars(select(ItineraryItem))}
        for n in (1, 2, 3, 4):
            item = stored[item_uuid(n)]
            seen = events[uid_of(item_uuid(n))]
            assert seen["start"] == f"{item.starts_at:%Y%m%dT%H%M%SZ}", item.title_zh
            assert seen["end"] == f"{item.ends_at:%Y%m%dT%H%M%SZ}", item.title_zh
    assert events[uid_of(item_uuid(1))]["start"] == "20230324T080000Z"  # 09:00 CET
    assert events[uid_of(item_uuid(2))]["start"] == "20230326T013000Z"  # 03:30 CEST
