"""Every calendar the sample campaign exports is read back by icalendar, vobject and libical;
UIDs are the same in two databases loaded with the same sample."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from calendars import ExportScope, collect, export_ics, render, uid_of
from models import queries
from models.database import open_database
from models.events import AgendaSession, ThemedEvent, session_speakers
from models.language import Lang
from models.people import Person
from models.trips import Trip, TripMember
from tests.calendars.ics_checks import assert_valid


def summaries(raw: bytes) -> dict[str, str]:
    return {str(ev["UID"]): str(ev["SUMMARY"]) for ev in Calendar.from_ical(raw).walk("VEVENT")}


def test_the_whole_campaign_in_both_languages(sample_sessions: sessionmaker[Session]) -> None:
    with sample_sessions() as s:
        data = collect(s, ExportScope(all_=True))
        trips = len(queries.list_trips(s))
        events = len(queries.list_events(s))
    assert len(data.trips) == trips and len(data.events) == events
    for lang in (Lang.ZH, Lang.EN):
        raw = render(data, lang, alarms_minutes=60)
        assert_valid(raw)
        assert len(Calendar.from_ical(raw).walk("VEVENT")) == data.entry_count


def test_each_region_trip_and_event(sample_sessions: sessionmaker[Session]) -> None:
    with sample_sessions() as s:
        regions = [r.code for r in queries.regions(s)]
        trip = s.scalars(select(Trip.code).order_by(Trip.start_date)).first()
        event = s.scalars(select(ThemedEvent.code).order_by(ThemedEvent.starts_at)).first()
    assert trip is not None and event is not None
    scopes = [ExportScope(trip_codes=(trip,)), ExportScope(event_codes=(event,))]
    scopes += [ExportScope(region=code) for code in regions]
    exported = 0
    for scope in scopes:
        with sample_sessions() as s:
            data = collect(s, scope)
        if data.entry_count:
            assert_valid(render(data))
            exported += 1
    assert exported >= 3


def test_a_person_sees_only_their_own_schedule(sample_sessions: sessionmaker[Session]) -> None:
    with sample_sessions() as s:
        person_id = s.scalars(select(TripMember.person_id).group_by(TripMember.person_id)
                              .order_by(TripMember.person_id)).first()
        assert person_id is not None
        person = s.get_one(Person, person_id)
        data = collect(s, ExportScope(person_id=person_id))
        mine = {t.uuid for t in s.scalars(select(Trip).join(TripMember)
                                          .where(TripMember.person_id == person_id))}
        leads = set(s.scalars(select(ThemedEvent.uuid)
                              .where(ThemedEvent.lead_person_id == person_id)))
        speaks = set(s.scalars(select(ThemedEvent.uuid).join(AgendaSession).join(session_speakers)
                               .where(session_speakers.c.person_id == person_id)))
    raw = render(data)
    assert_valid(raw)
    assert person.name_zh in str(Calendar.from_ical(raw)["X-WR-CALNAME"])
    assert {t.uuid for t in data.trips} == mine
    for trip in data.trips:
        assert all(person_id in {p.id for p in i.attendees} for i in trip.items)
    assert {e.uuid for e in data.events} == leads | speaks  # the events they lead or speak at


def test_uids_are_the_same_in_two_fresh_databases(sample_sessions: sessionmaker[Session],
                                                  tmp_path: Path) -> None:
    from models.sample import load_sample

    engine, other = open_database(f"sqlite:///{tmp_path / 'second.db'}")
    try:
        with other.begin() as s:
            load_sample(s)
        second = summaries(export_ics(other, ExportScope(all_=True)))
    finally:
        engine.dispose()
    first = summaries(export_ics(sample_sessions, ExportScope(all_=True)))
    assert first == second
    with sample_sessions() as s:
        trip_uuid = s.scalars(select(Trip.uuid)).first()
    assert trip_uuid is not None and uid_of(trip_uuid) in first


def test_re_importing_the_sample_s_own_calendars_changes_nothing(
        sample_sessions: sessionmaker[Session]) -> None:
    from calendars import import_ics

    with sample_sessions() as s:
        trip = s.scalars(select(Trip.code).order_by(Trip.start_date)).first()
    assert trip is not None
    everything = export_ics(sample_sessions, ExportScope(all_=True))
    one_trip = export_ics(sample_sessions, ExportScope(trip_codes=(trip,)))
    with sample_sessions.begin() as s:
        into_trip = import_ics(s, one_trip, trip_code=trip)
        as_events = import_ics(s, everything, as_events=True)
    assert (into_trip.created, into_trip.updated, into_trip.deleted) == (0, 0, 0)
    assert (as_events.created, as_events.updated, as_events.deleted) == (0, 0, 0)
    assert export_ics(sample_sessions, ExportScope(all_=True)) == everything
