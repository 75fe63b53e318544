"""The exporter: golden files, RFC 5545 details, and what calendar clients rely on."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject
from icalendar import Calendar
from sqlalchemy.orm import Session, sessionmaker

from calendars import CalendarData, ExportScope, collect, render, uid_of
from calendars.build import STATUS
from models.enums import TripStatus
from models.errors import ValidationError
from models.language import Lang
from tests.calendars.calendar_world import (
    AWKWARD,
    CANCELLED_UUID,
    EVENT_UUID,
    NOTES,
    TRIP_UUID,
    CalendarWorld,
    frozen,
    item_uuid,
    make_calendar_world,
    session_uuid,
)
from tests.calendars.ics_checks import assert_valid

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CAMPAIGN_PLANNER_UPDATE_GOLDEN") == "1"


@pytest.fixture
def cw(sessions: sessionmaker[Session]) -> CalendarWorld:
    with sessions.begin() as s:
        return make_calendar_world(s)


@pytest.fixture
def data(sessions: sessionmaker[Session], cw: CalendarWorld) -> CalendarData:
    with sessions() as s:
        return frozen(collect(s, ExportScope(all_=True)))


def events_by_uid(raw: bytes) -> dict[str, object]:
    return {str(ev["UID"]): ev for ev in Calendar.from_ical(raw).walk("VEVENT")}


def check_golden(name: str, raw: bytes) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(raw)
    assert raw == path.read_bytes(), f"{name} differs (CAMPAIGN_PLANNER_UPDATE_GOLDEN=1 rewrites)"


@pytest.mark.parametrize(("lang", "alarms"), [(Lang.ZH, None), (Lang.EN, 30)])
def test_golden_files(data: CalendarData, lang: Lang, alarms: int | None) -> None:
    raw = render(data, lang, alarms_minutes=alarms)
    assert_valid(raw)
    check_golden(f"campaign_{lang}.ics", raw)


def test_two_renders_of_the_same_data_are_byte_identical(data: CalendarData) -> None:
    assert render(data) == render(replace(data))


def test_every_entry_has_a_uid_from_its_record_and_metadata(data: CalendarData) -> None:
    evs = events_by_uid(render(data))
    expected = {TRIP_UUID, CANCELLED_UUID, EVENT_UUID, *map(item_uuid, (1, 2, 3, 4)),
                *map(session_uuid, (1, 2))}
    assert set(evs) == {uid_of(u) for u in expected}
    for ev in evs.values():
        assert ev["DTSTAMP"].dt == datetime(2023, 2, 1, 8, 30, tzinfo=ZoneInfo("UTC"))  # type: ignore[index]
        assert ev["LAST-MODIFIED"].dt == ev["DTSTAMP"].dt  # type: ignore[index]
        assert int(ev["SEQUENCE"]) == 0  # type: ignore[index]


def test_calendar_properties_and_timezones(data: CalendarData) -> None:
    cal = Calendar.from_ical(render(data))
    assert str(cal["X-WR-CALNAME"]) == "2023 招商年"
    assert str(cal["X-WR-TIMEZONE"]) == "Asia/Shanghai"
    assert "METHOD" not in cal
    zones = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    assert zones == {"Europe/Berlin", "Asia/Shanghai"}  # the UTC flight needs none
    for tz in cal.walk("VTIMEZONE"):
        assert "COMMENT" not in tz


def test_trip_is_an_all_day_span_with_exclusive_end(data: CalendarData) -> None:
    trip = events_by_uid(render(data))[uid_of(TRIP_UUID)]
    assert trip["DTSTART"].dt == date(2023, 3, 23)  # type: ignore[index]
    assert trip["DTEND"].dt == date(2023, 3, 31)  # type: ignore[index]  # last day is the 30th
    assert trip["DTSTART"].params["VALUE"] == "DATE"  # type: ignore[index]
    assert str(trip["STATUS"]) == "CONFIRMED"  # type: ignore[index]
    assert [str(c) for c in trip["CATEGORIES"].cats] == ["欧美", "新能源汽车"]  # type: ignore[index]
    description = str(trip["DESCRIPTION"])  # type: ignore[index]
    assert "拜访博世总部" in description and "王建国（团长）" in description and "博世集团" in description


def test_items_keep_their_local_zone_across_the_change_to_summer_time(data: CalendarData) -> None:
    evs = events_by_uid(render(data))
    visit, train = evs[uid_of(item_uuid(1))], evs[uid_of(item_uuid(2))]
    assert visit["DTSTART"].params["TZID"] == "Europe/Berlin"  # type: ignore[index]
    assert visit["DTSTART"].dt.replace(tzinfo=None) == datetime(2023, 3, 24, 9, 0)  # type: ignore[index]
    assert visit["DTSTART"].dt.utcoffset().total_seconds() == 3600  # type: ignore[index]
    assert train["DTSTART"].dt.replace(tzinfo=None) == datetime(2023, 3, 26, 3, 30)  # type: ignore[index]
    assert train["DTSTART"].dt.utcoffset().total_seconds() == 7200  # type: ignore[index]
    flight = evs[uid_of(item_uuid(4))]
    assert flight.to_ical().decode().count("DTSTART:20230330T100000Z") == 1  # type: ignore[attr-defined]
    assert str(visit["RELATED-TO"]) == uid_of(TRIP_UUID)  # type: ignore[index]


def test_text_survives_the_round_trip_through_two_readers(data: CalendarData) -> None:
    raw = render(data)
    signing = events_by_uid(raw)[uid_of(item_uuid(3))]
    assert str(signing["SUMMARY"]) == AWKWARD  # type: ignore[index]
    assert NOTES in str(signing["DESCRIPTION"])  # type: ignore[index]
    parsed = vobject.readOne(raw.decode("utf-8"), validate=True)
    by_uid = {ev.uid.value: ev for ev in parsed.vevent_list}
    other = by_uid[uid_of(item_uuid(3))]
    assert other.summary.value == AWKWARD
    assert NOTES in other.description.value


def test_lines_fold_at_75_octets_without_splitting_characters(data: CalendarData) -> None:
    raw = render(data)
    lines = raw.split(b"\r\n")
    assert any(len(line) > 60 and line[:1] == b" " for line in lines)  # folding happened
    for line in lines:
        assert len(line) <= 75
        line.decode("utf-8")  # each physical line is whole UTF-8 on its own


def test_organizer_and_attendees_only_with_an_email(data: CalendarData) -> None:
    evs = events_by_uid(render(data))
    trip = evs[uid_of(TRIP_UUID)]
    assert "ORGANIZER" not in trip  # the leader has no e-mail address  # type: ignore[operator]
    attendee = trip["ATTENDEE"]  # type: ignore[index]
    assert str(attendee) == "mailto:li@example.cn"
    assert attendee.params["CN"] == "李晓敏"
    event = evs[uid_of(EVENT_UUID)]
    assert str(event["ORGANIZER"]) == "mailto:li@example.cn"  # type: ignore[index]
    assert "ATTENDEE" not in evs[uid_of(item_uuid(1))]  # type: ignore[operator]


@pytest.mark.parametrize("status", list(TripStatus))
def test_status_mapping(data: CalendarData, status: TripStatus) -> None:
    trips = tuple(replace(t, status=status) for t in data.trips)
    evs = events_by_uid(render(replace(data, trips=trips)))
    expected = {"draft": "TENTATIVE", "planned": "TENTATIVE", "approved": "CONFIRMED",
                "underway": "CONFIRMED", "done": "CONFIRMED", "cancelled": "CANCELLED"}
    assert expected == STATUS
    assert str(evs[uid_of(TRIP_UUID)]["STATUS"]) == expected[status.value]  # type: ignore[index]
    assert str(evs[uid_of(item_uuid(1))]["STATUS"]) == expected[status.value]  # type: ignore[index]


def test_cancelled_trip_stays_in_the_export_as_cancelled(data: CalendarData) -> None:
    ev = events_by_uid(render(data))[uid_of(CANCELLED_UUID)]
    assert str(ev["STATUS"]) == "CANCELLED"  # type: ignore[index]
    assert "日程冲突" in str(ev["DESCRIPTION"])  # type: ignore[index]


def test_alarms_on_timed_entries_only(data: CalendarData) -> None:
    cal = Calendar.from_ical(render(data, alarms_minutes=45))
    for ev in cal.walk("VEVENT"):
        alarms = ev.walk("VALARM")
        if isinstance(ev["DTSTART"].dt, datetime):
            assert len(alarms) == 1 and alarms[0]["TRIGGER"].dt.total_seconds() == -45 * 60
        else:
            assert alarms == []
    assert "VALARM" not in render(data).decode()


def test_english_calendar(data: CalendarData) -> None:
    cal = Calendar.from_ical(render(data, Lang.EN))
    assert str(cal["X-WR-CALNAME"]) == "2023 Year of Investment Promotion"
    by_uid = {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}
    summary = by_uid[uid_of(TRIP_UUID)]["SUMMARY"]
    assert str(summary) == "Europe NEV roadshow" and summary.params["LANGUAGE"] == "en"
    assert "Purpose: " in str(by_uid[uid_of(TRIP_UUID)]["DESCRIPTION"])


def test_progress_reports_every_entry(data: CalendarData) -> None:
    seen: list[tuple[int, int]] = []
    render(data, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (data.entry_count, data.entry_count) == (9, 9)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_nothing_to_export_and_bad_options_are_refused(data: CalendarData) -> None:
    with pytest.raises(ValidationError, match="没有可导出"):
        render(replace(data, trips=(), events=()))
    with pytest.raises(ValidationError, match="zh"):
        render(data, "fr")
    with pytest.raises(ValidationError):
        render(data, alarms_minutes=-5)


@pytest.fixture
def tmp_ics(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "exports"
    folder.mkdir()
    yield folder / "out.ics"


def test_written_file_is_atomic_and_identical(data: CalendarData, tmp_ics: Path) -> None:
    from calendars import write_ics

    raw = render(data)
    write_ics(tmp_ics, raw)
    assert tmp_ics.read_bytes() == raw
    assert [p.name for p in tmp_ics.parent.iterdir()] == ["out.ics"]
