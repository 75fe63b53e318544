"""An entry written line by line is the very bytes of its icalendar component's ``to_ical()``:
escaped text, dates and date-times in every kind of zone, people with their parameters,
categories, numbers, alarms; the second time a kind of value is written (from the kept
prefixes and lines) as the first."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from icalendar import vCalAddress
from sqlalchemy.orm import Session, sessionmaker

from calendars import build, entry_lines
from calendars.build import calendar_ics, calendar_parts
from calendars.collect import collect
from calendars.entry_lines import Entry
from calendars.scope import ExportScope

TEXTS = [
    "", "plain", "拜访：比亚迪 “新能源”, 第二轮; 会谈\\要点", "one\ntwo\r\nthree\rfour",
    "literal \\N and \\n", "逗号,分号;冒号:引号\"", "长文本" * 60, "a😀" * 50, "X" * 73 + "\\;",
    "^caret^", "  leading and trailing  ",
]
ZONES = [ZoneInfo("Asia/Shanghai"), ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York"),
         ZoneInfo("UTC"), ZoneInfo("Etc/UTC"), UTC, timezone(timedelta(hours=5, minutes=30)),
         ZoneInfo("Australia/Lord_Howe")]
MOMENTS = [datetime(2023, 3, 26, 1, 59, 59), datetime(2023, 3, 26, 3, 0),  # around Berlin's jump
           datetime(2023, 10, 29, 2, 30), datetime(2023, 12, 31, 23, 59, 59, 999999),
           datetime(1999, 1, 1), datetime(2033, 7, 4, 12, 0, 1)]


def person(email: str, name: str, role: str | None = None) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["CN"] = name
    if role:
        address.params["ROLE"] = role
    return address


def awkward() -> Entry:
    entry = Entry()
    entry.add("UID", "0d0e@campaign-planner")
    entry.add("DTSTAMP", datetime(2023, 3, 1, 8, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    entry.add("LAST-MODIFIED", datetime(2023, 3, 1, 8, 0))  # naive: taken as UTC
    entry.add("SEQUENCE", 3)
    entry.add("STATUS", "CONFIRMED")
    for lang in ("zh-CN", "en"):
        for text in TEXTS:
            entry.add("SUMMARY", text, parameters={"LANGUAGE": lang})
    for text in TEXTS:
        entry.add("DESCRIPTION", text)
        entry.add("LOCATION", text)
        if "\n" not in text and "\r" not in text:  # not escaped: refused (below)
            entry.add("X-CAMPAIGN-PLANNER-KIND", text)
    for zone in ZONES:
        for moment in MOMENTS:
            entry.add("DTSTART", moment.replace(tzinfo=zone))
            entry.add("DTEND", moment.replace(tzinfo=zone, fold=1))
            entry.add("DTSTAMP", moment.replace(tzinfo=zone))
            entry.add("X-WHEN", moment.replace(tzinfo=zone))  # not a date property: str()
    entry.add("DTSTART", datetime(2023, 5, 1, 9, 0))  # floating
    entry.add("DTEND", date(2023, 5, 2))
    entry.add("DTEND", date(1, 1, 1))
    entry.add("CATEGORIES", ["华东", "新能源汽车", "a,b"])
    entry.add("CATEGORIES", ["华东", "新能源汽车", "a,b"])
    for name in ("李娜, 局长", 'Say "hi"', "a:b;c", "普通"):
        entry.add("ORGANIZER", person("li@example.cn", name))
        entry.add("ATTENDEE", person("li@example.cn", name, "CHAIR"))
        entry.add("ATTENDEE", person("li@example.cn", name, "REQ-PARTICIPANT"))
    entry.add("RELATED-TO", "parent@campaign-planner")
    alarm = Entry("VALARM")
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", "提醒")
    alarm.add("TRIGGER", timedelta(minutes=-30))
    entry.add_component(alarm)
    return entry


def test_awkward_values_are_written_as_icalendar_writes_them() -> None:
    entry = awkward()
    expected = entry.component().to_ical()
    assert entry.ical() == expected
    assert awkward().ical() == expected  # again, from the prefixes and lines kept


def test_an_unescaped_line_break_is_refused_as_icalendar_refuses_it() -> None:
    entry = Entry()
    entry.add("X-CAMPAIGN-PLANNER-KIND", "one\ntwo")
    with pytest.raises(AssertionError):
        entry.component().to_ical()
    with pytest.raises(ValueError, match="new line"):
        entry.ical()


@pytest.mark.parametrize("zone", ZONES)
def test_each_zone_alone_and_twice(zone: timezone | ZoneInfo) -> None:
    for moment in MOMENTS:
        entry = Entry()
        entry.add("DTSTART", moment.replace(tzinfo=zone))
        entry.add("DTSTAMP", moment.replace(tzinfo=zone))
        expected = entry.component().to_ical()
        assert entry.ical() == expected
        assert entry.ical() == expected


def test_properties_come_in_icalendar_s_order() -> None:
    entry = Entry()
    for name in ("X-B", "STATUS", "UID", "DTSTART", "SUMMARY", "ATTENDEE", "X-A"):
        entry.add(name, datetime(2023, 1, 1, tzinfo=UTC) if name == "DTSTART" else name)
    lines = entry.ical().split(b"\r\n")
    assert [line.split(b":")[0] for line in lines[:-1]] == [
        b"BEGIN", b"SUMMARY", b"DTSTART", b"UID", b"ATTENDEE", b"STATUS", b"X-A", b"X-B", b"END"]
    assert entry.ical() == entry.component().to_ical()


def test_an_export_lets_go_of_its_kept_values(sample_sessions: sessionmaker[Session]) -> None:
    """The lines kept for equal values and the shared people live for one export only, whether
    it ends or is given up half way (a cancel): a window exporting again and again, with a
    directory of many people, holds none of them; the next export gives the same bytes."""
    with sample_sessions() as s:
        data = collect(s, ExportScope(all_=True))
    first = calendar_ics(data)
    assert not entry_lines._lines and not entry_lines._by_identity and not build._ADDRESSES
    parts = calendar_parts(data)
    while b"BEGIN:VEVENT" not in next(parts):  # the calendar's head and zones, then entries
        pass
    assert build._ADDRESSES or entry_lines._lines  # under way: kept
    parts.close()  # as a cancelled export's writer gives up its pieces
    assert not entry_lines._lines and not entry_lines._by_identity and not build._ADDRESSES
    assert calendar_ics(data) == first


def test_a_component_s_people_are_its_own() -> None:
    """Changing an attendee of the icalendar component leaves the shared address, and so the
    lines written for it, as they were."""
    shared = person("li@example.cn", "李明", "CHAIR")
    entry = Entry()
    entry.add("UID", "p@campaign-planner")
    entry.add("ATTENDEE", shared)
    written = entry.ical()
    component = entry.component()
    component["ATTENDEE"].params["PARTSTAT"] = "ACCEPTED"
    assert "PARTSTAT" not in shared.params
    assert entry.ical() == written == Entry.component(entry).to_ical()
