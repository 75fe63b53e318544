"""Import: zones, floating and all-day times, recurrences, updates by UID, refusals without writes."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from calendars import ExportScope, export_ics, import_ics
from models.enums import EventKind, EventStatus, ItemKind
from models.errors import NotFoundError, ValidationError
from models.events import AgendaSession, ThemedEvent
from models.language import Lang
from models.trips import ItineraryItem, Trip
from tests.calendars.calendar_world import CalendarWorld, make_calendar_world
from tests.calendars.partner_calendars import EVENTS, PARTNER


@pytest.fixture
def cw(sessions: sessionmaker[Session]) -> CalendarWorld:
    with sessions.begin() as s:
        return make_calendar_world(s)


def items_of(s: Session, code: str) -> dict[str, ItineraryItem]:
    trip = s.scalars(select(Trip).where(Trip.code == code)).one()
    return {i.title_zh: i for i in trip.items}


def count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def snapshot(sessions: sessionmaker[Session]) -> list[tuple[object, ...]]:
    with sessions() as s:
        rows = [(i.uuid, i.revision, i.title_zh, i.starts_at) for i in s.scalars(
            select(ItineraryItem).order_by(ItineraryItem.uuid))]
        rows += [(e.uuid, e.revision, e.title_zh) for e in s.scalars(select(ThemedEvent))]
        return rows


def test_partner_calendar_into_a_trip(sessions: sessionmaker[Session], cw: CalendarWorld) -> None:
    with sessions.begin() as s:
        report = import_ics(s, PARTNER, trip_code=cw.trip_code)
    # the visit, six morning briefings, the flight, the dinner and the fair; the entry after
    # the trip is skipped
    assert (report.created, report.updated, report.skipped) == (10, 0, 1)
    assert "After the trip" in report.notes[0] and "2023-03-30" in report.notes[0]
    with sessions() as s:
        items = items_of(s, cw.trip_code)
        visit = items["Werksbesichtigung 工厂参观"]
        assert visit.timezone == "Europe/Berlin"
        assert visit.starts_at == datetime(2023, 3, 25, 9, 0, tzinfo=UTC)
        assert visit.notes == "Sicherheitsschuhe mitbringen, bitte; danke\nZweite Zeile"
        assert visit.place == "Werk Feuerbach, Stuttgart"
        assert [p.name_zh for p in visit.attendees] == ["李晓敏"]  # matched by e-mail
        flight = items["Flight LH 720"]
        assert flight.kind is ItemKind.FLIGHT
        assert flight.timezone == "Europe/Berlin"  # a UTC time is shown in the trip city's zone
        assert flight.starts_at == datetime(2023, 3, 30, 10, 0, tzinfo=UTC)
        dinner = items["Dinner 晚宴"]  # floating: taken in the zone of the city it names
        assert dinner.starts_at == datetime(2023, 3, 28, 17, 0, tzinfo=UTC)  # 19:00 CEST
        assert dinner.kind is ItemKind.BANQUET and dinner.place == "" and dinner.city is not None
        fair = items["Hannover Messe"]  # all day, 28th and 29th
        assert fair.starts_at == datetime(2023, 3, 27, 22, 0, tzinfo=UTC)
        assert fair.ends_at == datetime(2023, 3, 29, 21, 59, tzinfo=UTC)
        trip = s.scalars(select(Trip).where(Trip.code == cw.trip_code)).one()
        briefings = sorted((i for i in trip.items if i.title_zh.startswith("Morning")),
                           key=lambda i: i.starts_at)
        wall = [f"{i.starts_at.astimezone(ZoneInfo(i.timezone)):%d %H:%M}" for i in briefings]
        # 08:30 local before and after the change to summer time; the 25th is excluded and
        # the 27th was moved; the 20th..22nd lie before the trip
        assert wall == ["23 08:30", "24 08:30", "26 08:30", "27 10:00", "28 08:30", "29 08:30"]


def test_same_file_twice_updates_instead_of_duplicating(sessions: sessionmaker[Session],
                                                        cw: CalendarWorld) -> None:
    with sessions.begin() as s:
        import_ics(s, PARTNER, trip_code=cw.trip_code)
    before = count(sessions, ItineraryItem)
    with sessions.begin() as s:
        report = import_ics(s, PARTNER, trip_code=cw.trip_code)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 10)
    assert count(sessions, ItineraryItem) == before
    moved = PARTNER.replace(b"20230325T100000", b"20230325T140000").replace(
        b"20230325T113000", b"20230325T153000")
    with sessions.begin() as s:
        report = import_ics(s, moved, trip_code=cw.trip_code)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 9)
    with sessions() as s:
        visit = items_of(s, cw.trip_code)["Werksbesichtigung 工厂参观"]
        assert visit.starts_at == datetime(2023, 3, 25, 13, 0, tzinfo=UTC)


def test_a_cancelled_entry_removes_what_the_first_import_made(sessions: sessionmaker[Session],
                                                              cw: CalendarWorld) -> None:
    with sessions.begin() as s:
        import_ics(s, PARTNER, trip_code=cw.trip_code)
    cancelled = PARTNER.replace(b"SUMMARY:Flight LH 720", b"SUMMARY:Flight LH 720\r\nSTATUS:CANCELLED")
    with sessions.begin() as s:
        report = import_ics(s, cancelled, trip_code=cw.trip_code)
    assert report.deleted == 1
    with sessions() as s:
        assert "Flight LH 720" not in items_of(s, cw.trip_code)


def test_import_export_import_is_idempotent(sessions: sessionmaker[Session],
                                            cw: CalendarWorld) -> None:
    with sessions.begin() as s:
        import_ics(s, PARTNER, trip_code=cw.trip_code)
    before = snapshot(sessions)
    exported = export_ics(sessions, ExportScope(trip_codes=(cw.trip_code,)))
    with sessions.begin() as s:
        report = import_ics(s, exported, trip_code=cw.trip_code)
    assert (report.created, report.updated, report.deleted, report.skipped) == (0, 0, 0, 0)
    assert report.unchanged == 14
    assert snapshot(sessions) == before
    assert export_ics(sessions, ExportScope(trip_codes=(cw.trip_code,))) == exported


def test_english_export_updates_english_titles_only(sessions: sessionmaker[Session],
                                                    cw: CalendarWorld) -> None:
    exported = export_ics(sessions, ExportScope(trip_codes=(cw.trip_code,)), Lang.EN)
    changed = exported.replace(b"SUMMARY;LANGUAGE=en:Visit Bosch", b"SUMMARY;LANGUAGE=en:Visit Bosch HQ")
    with sessions.begin() as s:
        report = import_ics(s, changed, trip_code=cw.trip_code)
    assert (report.updated, report.unchanged) == (1, 3)
    with sessions() as s:
        visit = items_of(s, cw.trip_code)["拜访博世"]
        assert visit.title_en == "Visit Bosch HQ"


def test_an_older_export_does_not_overwrite_a_newer_record(sessions: sessionmaker[Session],
                                                           cw: CalendarWorld) -> None:
    old = export_ics(sessions, ExportScope(trip_codes=(cw.trip_code,)))
    with sessions.begin() as s:
        newer = old.replace("zh-CN:拜访博世".encode(), "zh-CN:拜访博世总部".encode())
        import_ics(s, newer, trip_code=cw.trip_code)
    with sessions.begin() as s:
        report = import_ics(s, old, trip_code=cw.trip_code)
    assert report.skipped == 4 and "旧" in report.notes[0]
    with sessions() as s:
        assert "拜访博世总部" in items_of(s, cw.trip_code)


def test_entries_of_another_trip_are_refused(sessions: sessionmaker[Session],
                                             cw: CalendarWorld) -> None:
    exported = export_ics(sessions, ExportScope(trip_codes=(cw.trip_code,)))
    with sessions.begin() as s, pytest.raises(ValidationError, match="TRIP-2023-001"):
        import_ics(s, exported, trip_code=cw.cancelled_code)


BROKEN = {
    "not utf-8": ("第 3 行", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:东莞\r\n".encode("gb18030")),
    "empty": ("空", b"  \r\n"),
    "not a calendar": ("第 1 行", b"hello world\r\n"),
    "unclosed": ("第 4 行", PARTNER.replace(b"END:VEVENT\r\nBEGIN:VEVENT\r\nUID:briefing",
                                          b"BEGIN:VEVENT\r\nUID:briefing", 1)),
    "mismatched end": ("第 13 行", PARTNER.replace(b"END:VEVENT", b"END:VTODO", 1)),
    "junk line": ("第 6 行", PARTNER.replace(b"UID:visit-1@partner.de\r\n",
                                           b"UID:visit-1@partner.de\r\njunk\r\n")),
    "broken date": ("第 4 行", PARTNER.replace(b"DTSTART;TZID=Europe/Berlin:20230325T100000",
                                             b"DTSTART;TZID=Europe/Berlin:2023-03-25 10:00")),
    "unknown zone": ("Mars/Olympus", PARTNER.replace(b"TZID=Europe/Berlin:20230325T1",
                                                    b"TZID=Mars/Olympus:20230325T1")),
    "ends before start": ("结束时间早于开始时间", PARTNER.replace(b"20230325T113000", b"20230325T083000")),
    "no events": ("没有日程", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n"),
    "duplicate uid": ("UID 相同", PARTNER.replace(b"UID:utc-1@airline.example", b"UID:visit-1@partner.de")),
    "too many": ("过多", PARTNER.replace(b"RRULE:FREQ=DAILY;UNTIL=20230329T235959Z",
                                         b"RRULE:FREQ=SECONDLY")),
    # read fine, refused by a rule of the model after earlier entries were added
    "mojibake title": ("乱码", PARTNER.replace(b"SUMMARY:Hannover Messe",
                                             "SUMMARY:Hannover \ufffd".encode())),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_malformed_files_are_refused_without_writes(sessions: sessionmaker[Session],
                                                    cw: CalendarWorld, case: str) -> None:
    expected, data = BROKEN[case]
    before = snapshot(sessions)
    with pytest.raises(ValidationError) as raised, sessions.begin() as s:
        import_ics(s, data, trip_code=cw.trip_code)
    assert expected in str(raised.value)
    assert "\n" not in str(raised.value)  # one message, one line
    assert snapshot(sessions) == before


def test_import_needs_one_target(sessions: sessionmaker[Session], cw: CalendarWorld) -> None:
    with sessions.begin() as s, pytest.raises(ValidationError):
        import_ics(s, PARTNER)
    with sessions.begin() as s, pytest.raises(NotFoundError):
        import_ics(s, PARTNER, trip_code="TRIP-2023-999")


def test_calendar_as_themed_events(sessions: sessionmaker[Session], cw: CalendarWorld) -> None:
    with sessions.begin() as s:
        report = import_ics(s, EVENTS, as_events=True)
    # the summit with its keynote as an agenda session; the monthly breakfast within 2023
    assert (report.created, report.skipped) == (4, 0)
    with sessions() as s:
        summit = s.scalars(select(ThemedEvent).where(ThemedEvent.title_zh.like("Semi%"))).one()
        assert summit.kind is EventKind.INDUSTRY_SUMMIT
        assert summit.status is EventStatus.APPROVED
        assert summit.city is not None and summit.city.name_zh == "东莞" and summit.venue == ""
        assert [(x.title_zh, x.room) for x in summit.sessions] == [("Keynote", "Hall A")]
        assert summit.code.startswith("EVT-2023-")
        breakfasts = s.scalars(select(ThemedEvent).where(ThemedEvent.title_zh == "VIP breakfast"))
        assert [e.starts_at.month for e in breakfasts] == [11, 12]
    with sessions.begin() as s:
        again = import_ics(s, EVENTS, as_events=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    events = export_ics(sessions, ExportScope(all_=True))
    with sessions.begin() as s:
        back = import_ics(s, events, as_events=True)
    assert (back.created, back.updated) == (0, 0)
    assert back.skipped == 6  # two trips and four itinerary items are not themed events
    assert count(sessions, AgendaSession) == 3


def test_cancelled_in_the_file_cancels_the_event(sessions: sessionmaker[Session],
                                                 cw: CalendarWorld) -> None:
    with sessions.begin() as s:
        import_ics(s, EVENTS, as_events=True)
    cancelled = EVENTS.replace(b"STATUS:CONFIRMED", b"STATUS:CANCELLED")
    with sessions.begin() as s:
        report = import_ics(s, cancelled, as_events=True)
    assert report.updated == 1
    with sessions() as s:
        summit = s.scalars(select(ThemedEvent).where(ThemedEvent.title_zh.like("Semi%"))).one()
        assert summit.status is EventStatus.CANCELLED and summit.cancel_reason


def test_windows_and_custom_zone_names(sessions: sessionmaker[Session], cw: CalendarWorld) -> None:
    outlook = "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Microsoft Corporation//Outlook 16.0//EN",
        "BEGIN:VTIMEZONE", "TZID:Custom Frankfurt", "BEGIN:STANDARD",
        "DTSTART:16011028T030000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
        "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD", "BEGIN:DAYLIGHT",
        "DTSTART:16010325T020000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT", "END:VTIMEZONE",
        "BEGIN:VEVENT", "UID:040000008200E00074C5B7101A82E008@outlook", "DTSTAMP:20230301T000000Z",
        "DTSTART;TZID=W. Europe Standard Time:20230328T090000",
        "DTEND;TZID=W. Europe Standard Time:20230328T100000", "SUMMARY:Outlook meeting",
        "END:VEVENT",
        "BEGIN:VEVENT", "UID:custom@outlook", "DTSTAMP:20230301T000000Z",
        "DTSTART;TZID=Custom Frankfurt:20230328T110000",
        "DTEND;TZID=Custom Frankfurt:20230328T120000", "SUMMARY:Custom zone meeting",
        "END:VEVENT", "END:VCALENDAR", "",
    ]).encode()
    with sessions.begin() as s:
        report = import_ics(s, outlook, trip_code=cw.trip_code)
    assert report.created == 2
    with sessions() as s:
        items = items_of(s, cw.trip_code)
        windows, custom = items["Outlook meeting"], items["Custom zone meeting"]
        assert windows.timezone == "Europe/Berlin"
        assert windows.starts_at == datetime(2023, 3, 28, 7, 0, tzinfo=UTC)
        assert custom.timezone == "Europe/Berlin"  # no IANA name: the trip city's zone
        assert custom.starts_at == datetime(2023, 3, 28, 9, 0, tzinfo=UTC)
