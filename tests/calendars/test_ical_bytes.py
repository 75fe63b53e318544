"""The fast serialiser writes the very bytes of icalendar's ``to_ical()``: folding, escaping,
parameters, nested components; and the export of the sample campaign is byte-identical to the
calendar built as one icalendar component and serialised by icalendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Alarm, Calendar, Event, vCalAddress
from icalendar.parser.string import _foldline
from sqlalchemy.orm import Session, sessionmaker

from calendars import ExportScope, collect, render
from calendars.build import calendar_component
from calendars.ical_bytes import closing_ical, component_ical, content_line, fold, opening_ical
from calendars.timezones import vtimezone, vtimezone_ical
from models.language import Lang

LINES = [
    "",
    "A",
    "X" * 73, "X" * 74, "X" * 75, "X" * 148, "X" * 149, "X" * 300,
    "中" * 24, "中" * 25, "中" * 60,  # three octets each: cuts fall inside characters
    "a" + "中" * 40, "ab" + "中" * 40, "é" * 80, "😀" * 30, "a😀" * 40,  # two and four octets
    "X" * 73 + "\\n" + "Y" * 80,  # an escape across the 74th octet stays whole
    "X" * 72 + "\\,\\;" + "Y" * 80,
    "X" * 73 + "^n" + "Y" * 80,  # RFC 6868 parameter escape
    "\\" * 200, "^" * 160, "X" * 74 + "\\" * 3,
    "DESCRIPTION:类别：拜访\\n参加人员：张伟、李娜\\n备注：对方关注\\\\“东莞松山湖”；会后跟进, " * 4,
    'ATTENDEE;CN="王芳, 总经理";ROLE=REQ-PARTICIPANT:mailto:wang.fang@example.cn' * 3,
]


@pytest.mark.parametrize("line", LINES)
def test_folds_as_icalendar_folds(line: str) -> None:
    assert fold(line) == _foldline(line).encode("utf-8")


def test_folds_every_cut_of_mixed_text() -> None:
    text = "Aé中😀\\^,;" * 40
    for start in range(60):
        line = text[start:start + 200]
        assert fold(line) == _foldline(line).encode("utf-8")


class Unescaped:
    def to_ical(self) -> bytes:
        return b"one\ntwo"


def test_a_line_break_left_in_a_value_is_refused() -> None:
    assert content_line("X-FINE", "one\ntwo") == b"X-FINE:one\\ntwo"  # text escapes it
    with pytest.raises(ValueError, match="new line"):
        content_line("X-BAD", Unescaped())


def entry() -> Event:
    event = Event()
    event.add("UID", "0d0e@campaign-planner")
    event.add("DTSTAMP", datetime(2023, 3, 1, 8, 0, tzinfo=ZoneInfo("UTC")))
    event.add("SUMMARY", "拜访：比亚迪 “新能源”, 第二轮; 会谈\\要点", parameters={"LANGUAGE": "zh-CN"})
    event.add("DTSTART", datetime(2023, 3, 26, 9, 30, tzinfo=ZoneInfo("Europe/Berlin")))
    event.add("DTEND", date(2023, 3, 27))
    event.add("DESCRIPTION", "第一行\n第二行：" + "长文本" * 40)
    event.add("CATEGORIES", ["华东", "新能源汽车", "a,b"])
    organiser = vCalAddress("mailto:li@example.cn")
    organiser.params["CN"] = "李娜, 局长"
    organiser.params["ROLE"] = "CHAIR"
    event.add("ORGANIZER", organiser)
    event.add("X-CAMPAIGN-PLANNER-KIND", "visit")
    alarm = Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", "提醒")
    alarm.add("TRIGGER", timedelta(minutes=-30))
    event.add_component(alarm)
    return event


def test_a_component_is_written_as_icalendar_writes_it() -> None:
    assert component_ical(entry()) == entry().to_ical()


def test_a_calendar_written_in_pieces_is_the_calendar() -> None:
    cal = Calendar()
    cal.add("PRODID", "-//test//ZH")
    cal.add("VERSION", "2.0")
    cal.add("X-WR-CALNAME", "2023 招商年")
    zone = vtimezone_ical("Europe/Berlin", date(2023, 1, 1), date(2024, 1, 1))
    pieces = opening_ical(cal) + zone + component_ical(entry()) + closing_ical(cal)
    cal.add_component(vtimezone("Europe/Berlin", date(2023, 1, 1), date(2024, 1, 1)))
    cal.add_component(entry())
    assert pieces == cal.to_ical()


@pytest.mark.parametrize(("lang", "alarms"), [(Lang.ZH, None), (Lang.EN, 60)])
def test_the_sample_campaign_is_byte_identical_to_icalendar_serialising_it(
        sample_sessions: sessionmaker[Session], lang: Lang, alarms: int | None) -> None:
    with sample_sessions() as s:
        data = collect(s, ExportScope(all_=True))
    assert data.entry_count > 500
    progress: list[tuple[int, int]] = []
    raw = render(data, lang, alarms_minutes=alarms, progress=lambda d, t: progress.append((d, t)))
    assert raw == calendar_component(data, lang, alarms).to_ical()
    assert progress[-1] == (data.entry_count, data.entry_count)
