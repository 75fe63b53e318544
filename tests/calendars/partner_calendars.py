"""Calendars as partners, airlines and chambers send them: zones, UTC, floating and all-day
times, a daily recurrence with an exception and a moved occurrence, parents and children."""

from __future__ import annotations

PARTNER = "\r\n".join([
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Partner//Planner//DE",
    "BEGIN:VEVENT", "UID:visit-1@partner.de", "DTSTAMP:20230301T000000Z",
    "DTSTART;TZID=Europe/Berlin:20230325T100000", "DTEND;TZID=Europe/Berlin:20230325T113000",
    "SUMMARY:Werksbesichtigung 工厂参观", "LOCATION:Werk Feuerbach, Stuttgart",
    "DESCRIPTION:Sicherheitsschuhe mitbringen\\, bitte\\; danke\\nZweite Zeile",
    "ATTENDEE;CN=Li:mailto:LI@example.cn", "END:VEVENT",
    "BEGIN:VEVENT", "UID:briefing@partner.de", "DTSTAMP:20230301T000000Z",
    "DTSTART;TZID=Europe/Berlin:20230320T083000", "DURATION:PT30M",
    "RRULE:FREQ=DAILY;UNTIL=20230329T235959Z", "EXDATE;TZID=Europe/Berlin:20230325T083000",
    "SUMMARY:Morning briefing", "END:VEVENT",
    "BEGIN:VEVENT", "UID:briefing@partner.de", "DTSTAMP:20230301T000000Z",
    "RECURRENCE-ID;TZID=Europe/Berlin:20230327T083000",
    "DTSTART;TZID=Europe/Berlin:20230327T100000", "DTEND;TZID=Europe/Berlin:20230327T103000",
    "SUMMARY:Morning briefing (late)", "END:VEVENT",
    "BEGIN:VEVENT", "UID:utc-1@airline.example", "DTSTAMP:20230301T000000Z",
    "DTSTART:20230330T100000Z", "DTEND:20230330T210000Z", "SUMMARY:Flight LH 720",
    "END:VEVENT",
    "BEGIN:VEVENT", "UID:floating-1@partner.de", "DTSTAMP:20230301T000000Z",
    "DTSTART:20230328T190000", "DTEND:20230328T220000", "SUMMARY:Dinner 晚宴",
    "LOCATION:法兰克福", "END:VEVENT",
    "BEGIN:VEVENT", "UID:fair-1@partner.de", "DTSTAMP:20230301T000000Z",
    "DTSTART;VALUE=DATE:20230328", "DTEND;VALUE=DATE:20230330", "SUMMARY:Hannover Messe",
    "END:VEVENT",
    "BEGIN:VEVENT", "UID:later@partner.de", "DTSTAMP:20230301T000000Z",
    "DTSTART;TZID=Europe/Berlin:20230410T100000", "DTEND;TZID=Europe/Berlin:20230410T110000",
    "SUMMARY:After the trip", "END:VEVENT",
    "END:VCALENDAR", "",
]).encode()


EVENTS = "\r\n".join([
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Chamber//Events//EN",
    "BEGIN:VEVENT", "UID:summit-2023@chamber.example", "DTSTAMP:20230301T000000Z",
    "DTSTART;TZID=Asia/Shanghai:20230612T090000", "DTEND;TZID=Asia/Shanghai:20230612T180000",
    "SUMMARY:Semiconductor Summit 半导体峰会", "LOCATION:东莞", "STATUS:CONFIRMED",
    "DESCRIPTION:Annual summit", "END:VEVENT",
    "BEGIN:VEVENT", "UID:summit-2023-keynote@chamber.example", "DTSTAMP:20230301T000000Z",
    "DTSTART;TZID=Asia/Shanghai:20230612T093000", "DTEND;TZID=Asia/Shanghai:20230612T103000",
    "SUMMARY:Keynote", "LOCATION:Hall A", "RELATED-TO:summit-2023@chamber.example",
    "END:VEVENT",
    "BEGIN:VEVENT", "UID:vip-monthly@chamber.example", "DTSTAMP:20230301T000000Z",
    "DTSTART:20231101T070000Z", "DTEND:20231101T090000Z", "RRULE:FREQ=MONTHLY;COUNT=6",
    "SUMMARY:VIP breakfast", "END:VEVENT",
    "END:VCALENDAR", "",
]).encode()
