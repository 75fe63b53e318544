"""Pure builders: one VEVENT per trip, itinerary item, themed event and agenda session, and the
calendar that assembles them. Plain rows in, icalendar components out; no clock, no database.

Every entry carries a UID derived from the record's UUID (``<uuid>@campaign-planner``, the same
in every export, on every machine and in every database holding the record), ``DTSTAMP`` and
``LAST-MODIFIED`` from the record's last change and ``SEQUENCE`` from its revision counter, so
two exports of the same data are byte-identical and a re-sent file updates what subscribers have.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, vCalAddress

from calendars.collect import CalendarData
from calendars.entry_lines import Entry, forget_values
from calendars.ical_bytes import closing_ical, opening_ical
from calendars.timezones import is_utc, vtimezone, vtimezone_ical
from models.enums import EventStatus, TripStatus, VisitStatus
from models.errors import ValidationError
from models.language import Lang
from models.rows import (
    EventDetail,
    HqVisitRow,
    ItemRow,
    PersonRow,
    SessionRow,
    TripDetail,
    pick,
)
from models.timeutil import BEIJING_TZ

PRODID = "-//Campaign Planner//Investment Promotion Calendar 1.0//ZH"
UID_DOMAIN = "campaign-planner"
KIND_PROPERTY = "X-CAMPAIGN-PLANNER-KIND"
LANGUAGES = ("zh", "en")

STATUS: dict[str, str] = {
    TripStatus.DRAFT.value: "TENTATIVE",
    TripStatus.PLANNED.value: "TENTATIVE",
    TripStatus.APPROVED.value: "CONFIRMED",
    TripStatus.UNDERWAY.value: "CONFIRMED",
    TripStatus.DONE.value: "CONFIRMED",
    TripStatus.CANCELLED.value: "CANCELLED",
}

Progress = Callable[[int, int], None]
ENTRIES_PER_PIECE = 100  # entries serialised into one piece of calendar_parts


def uid_of(uuid: str) -> str:
    """The calendar UID of the record whose UUID is ``uuid``."""
    return f"{uuid}@{UID_DOMAIN}"


def entry_uid(uuid: str, external_uid: str = "") -> str:
    """The UID an entry is exported with: the partner's own for what came from them."""
    return external_uid or uid_of(uuid)


def _t(lang: Lang, zh: str, en: str) -> str:
    return lang.pick(zh, en)


def _join(lang: Lang, parts: Iterable[str]) -> str:
    return _t(lang, "、", ", ").join(p for p in parts if p)


def _person(p: PersonRow, lang: Lang) -> str:
    return p.name(lang)


def _address(p: PersonRow, lang: Lang, role: str | None = None) -> vCalAddress | None:
    """A person as ORGANIZER/ATTENDEE: only with a known e-mail (the value must be a URI).

    One value for each e-mail, name and role, shared by every entry naming them (no entry
    changes it): a person attends thousands of entries of ten years.
    """
    email = p.email.strip()
    if not email:
        return None
    name = p.name(lang).replace('"', "'")
    key = (email, name, role)
    address = _ADDRESSES.get(key)
    if address is None:
        address = vCalAddress(f"mailto:{email}")
        address.params["CN"] = name
        if role:
            address.params["ROLE"] = role
        if len(_ADDRESSES) < _MAX_ADDRESSES:
            _ADDRESSES[key] = address
    return address


_ADDRESSES: dict[tuple[str, str, str | None], vCalAddress] = {}
_MAX_ADDRESSES = 50_000


def _lines(pairs: Iterable[tuple[str, str]]) -> str:
    return "\n".join(f"{label}{value}" for label, value in pairs if value)


def _entry(uid: str, stamp: datetime, sequence: int, status: str, summary: str,
           summary_lang: str) -> Entry:
    """The properties every entry has, in a fixed order (golden files compare bytes)."""
    event = Entry()
    event.add("UID", uid)
    event.add("DTSTAMP", stamp)
    event.add("LAST-MODIFIED", stamp)
    event.add("SEQUENCE", max(sequence, 0))
    event.add("STATUS", status)
    event.add("SUMMARY", summary, parameters={"LANGUAGE": summary_lang})
    return event


def _summary(zh: str, en: str, lang: Lang) -> tuple[str, str]:
    text = pick(zh, en, lang)
    return text, "en" if lang == "en" and en else "zh-CN"


def _local(instant: datetime, zone: str) -> datetime:
    """The instant in its zone, or in UTC when the zone's wall clock shows that time twice.

    RFC 5545 reads an ambiguous local time (the hour repeated when summer time ends) as its
    first occurrence, and libical as its second: UTC is the one form every reader agrees on.
    """
    utc = instant.astimezone(ZoneInfo("UTC"))
    if is_utc(zone):
        return utc
    local = instant.astimezone(ZoneInfo(zone))
    if local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset():
        return utc
    return local


def _alarm(event: Entry, minutes: int | None, summary: str, status: str) -> None:
    if minutes is None or status == "CANCELLED":
        return
    alarm = Entry("VALARM")
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", summary)
    alarm.add("TRIGGER", timedelta(minutes=-minutes))
    event.add_component(alarm)


def _categories(event: Entry, names: Iterable[str]) -> None:
    values = list(dict.fromkeys(n for n in names if n))
    if values:
        event.add("CATEGORIES", values)


def _people(event: Entry, organiser: PersonRow | None, attendees: Iterable[tuple[PersonRow, str]],
            lang: Lang) -> None:
    if organiser is not None and (address := _address(organiser, lang)) is not None:
        event.add("ORGANIZER", address)
    seen: set[int] = set()
    for person, role in attendees:
        if person.id in seen:
            continue
        seen.add(person.id)
        if (address := _address(person, lang, role)) is not None:
            event.add("ATTENDEE", address)


# --- one builder per kind -------------------------------------------------------------------


def trip_component(trip: TripDetail, lang: Lang = Lang.ZH) -> Entry:
    """A trip as an all-day span (``VALUE=DATE``, exclusive end) over its dates."""
    summary, summary_lang = _summary(trip.title_zh, trip.title_en, lang)
    event = _entry(uid_of(trip.uuid), trip.updated_at, trip.revision - 1,
                   STATUS[trip.status.value], summary, summary_lang)
    event.add("DTSTART", trip.start_date)
    event.add("DTEND", trip.end_date + timedelta(days=1))
    event.add("TRANSP", "TRANSPARENT")
    places = _join(lang, (c.name(lang) for c in trip.cities)) or trip.region.name(lang)
    event.add("LOCATION", places)
    delegation = _join(lang, (f"{m.person.name(lang)}{_t(lang, '（', ' (')}{m.role.label(lang)}"
                              f"{_t(lang, '）', ')')}" for m in trip.members))
    event.add("DESCRIPTION", _lines([
        (_t(lang, "编号：", "Code: "), trip.code),
        ("English: ", trip.title_en if lang != "en" else ""),
        (_t(lang, "状态：", "Status: "), trip.status.label(lang)),
        (_t(lang, "取消原因：", "Cancelled because: "), trip.cancel_reason
         if trip.status is TripStatus.CANCELLED else ""),
        (_t(lang, "目的：", "Purpose: "), trip.purpose),
        (_t(lang, "带队领导：", "Leader: "), trip.leader.name(lang) if trip.leader else ""),
        (_t(lang, "团组：", "Delegation: "), delegation),
        (_t(lang, "拜访机构：", "Organisations to visit: "),
         _join(lang, (o.name(lang) for o in trip.targets))),
        (_t(lang, "责任单位：", "Host unit: "), trip.host_unit.name(lang) if trip.host_unit else ""),
        (_t(lang, "产业：", "Industries: "), _join(lang, (i.name(lang) for i in trip.industries))),
    ]))
    _people(event, trip.leader,
            ((m.person, "CHAIR" if m.person.id == (trip.leader.id if trip.leader else None)
              else "REQ-PARTICIPANT") for m in trip.members), lang)
    _categories(event, [trip.region.name(lang), *(i.name(lang) for i in trip.industries)])
    return event


def item_component(item: ItemRow, trip: TripDetail, lang: Lang = Lang.ZH,
                   alarm_minutes: int | None = None) -> Entry:
    """An itinerary item as a timed entry in the local zone of its place, related to its trip."""
    summary, summary_lang = _summary(item.title_zh, item.title_en, lang)
    event = _entry(entry_uid(item.uuid, item.external_uid), max(item.updated_at, trip.updated_at),
                   (item.revision - 1) + (trip.revision - 1), STATUS[trip.status.value],
                   summary, summary_lang)
    if item.all_day:  # whole days (VALUE=DATE), the end exclusive
        event.add("DTSTART", item.local_start.date())
        event.add("DTEND", item.local_end.date() + timedelta(days=1))
        event.add("TRANSP", "TRANSPARENT")
    else:
        event.add("DTSTART", _local(item.starts_at, item.timezone))
        event.add("DTEND", _local(item.ends_at, item.end_zone))  # a flight lands in its own zone
    location = item.place or (item.city.name(lang) if item.city else "")
    if location:
        event.add("LOCATION", location)
    beijing = ""
    if item.timezone != BEIJING_TZ and not item.all_day:
        end_format = "%H:%M" if item.beijing_start.date() == item.beijing_end.date() else "%m-%d %H:%M"
        beijing = f"{item.beijing_start:%m-%d %H:%M}–{item.beijing_end.strftime(end_format)}"
    event.add("DESCRIPTION", _lines([
        (_t(lang, "类别：", "Kind: "), item.kind.label(lang)),
        ("English: ", item.title_en if lang != "en" else ""),
        (_t(lang, "推广活动：", "Trip: "), f"{trip.code} {trip.title(lang)}"),
        (_t(lang, "拜访机构：", "Organisation: "), item.organisation.name(lang) if item.organisation
         else ""),
        (_t(lang, "城市：", "City: "), item.city.name(lang) if item.city and item.place else ""),
        (_t(lang, "参加人员：", "Attending: "), _join(lang, (_person(p, lang)
                                                         for p in item.attendees))),
        (_t(lang, "北京时间：", "Beijing time: "), beijing),
        (_t(lang, "航班/车次：", "Service: "), " ".join(x for x in (item.carrier,
                                                                  item.service_number) if x)),
        (_t(lang, "出发：", "From: "), _end(item.from_place, item.from_code, item.from_terminal)),
        (_t(lang, "到达：", "To: "), _end(item.to_place, item.to_code, item.to_terminal)),
        (_t(lang, "订座编号：", "Booking: "), item.booking_ref),
        (_t(lang, "集合地点：", "Meeting point: "), item.meeting_point),
        (_t(lang, "地址：", "Address: "), item.address),
        (_t(lang, "电话：", "Phone: "), item.phone),
        (_t(lang, "备注：", "Notes: "), item.notes),
        (_t(lang, "成果：", "Outcome: "), item.outcome),
    ]))
    _people(event, trip.leader, ((p, "REQ-PARTICIPANT") for p in item.attendees), lang)
    _categories(event, [trip.region.name(lang), *(i.name(lang) for i in trip.industries)])
    event.add("RELATED-TO", uid_of(trip.uuid))
    event.add(KIND_PROPERTY, item.kind.value)
    _alarm(event, alarm_minutes, summary, STATUS[trip.status.value])
    return event


def event_component(ev: EventDetail, lang: Lang = Lang.ZH, alarm_minutes: int | None = None) -> Entry:
    """A themed event as a timed entry in its own zone."""
    summary, summary_lang = _summary(ev.title_zh, ev.title_en, lang)
    event = _entry(entry_uid(ev.uuid, ev.external_uid), ev.updated_at, ev.revision - 1,
                   STATUS[ev.status.value], summary, summary_lang)
    event.add("DTSTART", _local(ev.starts_at, ev.timezone))
    event.add("DTEND", _local(ev.ends_at, ev.timezone))
    location = ev.venue or (ev.city.name(lang) if ev.city else "")
    if location:
        event.add("LOCATION", location)
    invited = _join(lang, (f"{i.organisation.name(lang)}{_t(lang, '（', ' (')}{i.rsvp.label(lang)}"
                           f"{_t(lang, '）', ')')}" for i in ev.invitations))
    event.add("DESCRIPTION", _lines([
        (_t(lang, "编号：", "Code: "), ev.code),
        ("English: ", ev.title_en if lang != "en" else ""),
        (_t(lang, "类型：", "Type: "), ev.kind.label(lang)),
        (_t(lang, "状态：", "Status: "), ev.status.label(lang)),
        (_t(lang, "取消原因：", "Cancelled because: "), ev.cancel_reason
         if ev.status is EventStatus.CANCELLED else ""),
        (_t(lang, "城市：", "City: "), ev.city.name(lang) if ev.city and ev.venue else ""),
        (_t(lang, "简介：", "About: "), ev.description),
        (_t(lang, "出席领导：", "Led by: "), ev.lead_person.name(lang) if ev.lead_person else ""),
        (_t(lang, "主办单位：", "Host unit: "), ev.host_unit.name(lang) if ev.host_unit else ""),
        (_t(lang, "容纳人数：", "Capacity: "), str(ev.capacity) if ev.capacity else ""),
        (_t(lang, "邀请机构：", "Invited: "), invited),
    ]))
    _people(event, ev.lead_person, (), lang)
    _categories(event, [ev.region.name(lang) if ev.region else "",
                        *(i.name(lang) for i in ev.industries)])
    event.add(KIND_PROPERTY, ev.kind.value)
    _alarm(event, alarm_minutes, summary, STATUS[ev.status.value])
    return event


def session_component(s: SessionRow, ev: EventDetail, lang: Lang = Lang.ZH,
                      alarm_minutes: int | None = None) -> Entry:
    """An agenda session as a timed entry in its event's zone, related to its event."""
    summary, summary_lang = _summary(s.title_zh, s.title_en, lang)
    event = _entry(uid_of(s.uuid), max(s.updated_at, ev.updated_at),
                   (s.revision - 1) + (ev.revision - 1), STATUS[ev.status.value],
                   summary, summary_lang)
    event.add("DTSTART", _local(s.starts_at, ev.timezone))
    event.add("DTEND", _local(s.ends_at, ev.timezone))
    location = s.room or ev.venue or (ev.city.name(lang) if ev.city else "")
    if location:
        event.add("LOCATION", location)
    event.add("DESCRIPTION", _lines([
        ("English: ", s.title_en if lang != "en" else ""),
        (_t(lang, "专题活动：", "Event: "), f"{ev.code} {ev.title(lang)}"),
        (_t(lang, "地点：", "Venue: "), ev.venue if s.room else ""),
        (_t(lang, "演讲嘉宾：", "Speakers: "), _join(lang, (_person(p, lang) for p in s.speakers))),
        (_t(lang, "备注：", "Notes: "), s.notes),
    ]))
    _people(event, ev.lead_person, ((p, "REQ-PARTICIPANT") for p in s.speakers), lang)
    _categories(event, [ev.region.name(lang) if ev.region else "",
                        *(i.name(lang) for i in ev.industries)])
    event.add("RELATED-TO", entry_uid(ev.uuid, ev.external_uid))
    _alarm(event, alarm_minutes, summary, STATUS[ev.status.value])
    return event


def visit_component(v: HqVisitRow, lang: Lang = Lang.ZH) -> Entry:
    """An HQ visit of 百队千企 as an all-day entry on its day: planned (tentative) or done."""
    summary = _t(lang, f"总部拜访：{v.organisation.name(lang)}",
                 f"HQ visit: {v.organisation.name(lang)}")
    if v.team:
        summary += _t(lang, f"（{v.team}）", f" ({v.team_name(Lang.EN)})")
    stamp = v.updated_at or datetime(2000, 1, 1, tzinfo=ZoneInfo("UTC"))
    event = _entry(uid_of(v.uuid), stamp, v.revision - 1,
                   "CONFIRMED" if v.status is VisitStatus.DONE else "TENTATIVE", summary,
                   "zh-CN" if lang != "en" else "en")
    event.add("DTSTART", v.visited_on)
    event.add("DTEND", v.visited_on + timedelta(days=1))
    event.add("TRANSP", "TRANSPARENT")
    if v.place:
        event.add("LOCATION", v.place)
    event.add("DESCRIPTION", _lines([
        (_t(lang, "状态：", "Status: "), v.status.label(lang)),
        (_t(lang, "小分队：", "Team: "), _t(lang, v.team, v.team_name(Lang.EN))),
        (_t(lang, "责任单位：", "Unit: "), v.unit.name(lang) if v.unit else ""),
        (_t(lang, "产业：", "Industry: "), v.industry.name(lang) if v.industry else ""),
        (_t(lang, "推广活动：", "Trip: "), v.trip_code or ""),
        (_t(lang, "成果：", "Outcome: "), v.outcome),
        (_t(lang, "跟进项目：", "Follow-up project: "), v.follow_up_code or ""),
        (_t(lang, "备注：", "Notes: "), v.notes),
    ]))
    _categories(event, [_t(lang, "百队千企", "100 teams, 1000 enterprises"),
                        v.industry.name(lang) if v.industry else ""])
    event.add(KIND_PROPERTY, "hq_visit")
    return event


def _end(place: str, code: str, terminal: str) -> str:
    """One end of a travel leg: ``Hong Kong International Airport (HKG) T1``."""
    return " ".join(x for x in (place, f"({code})" if code else "", terminal) if x)


# --- the calendar ---------------------------------------------------------------------------


def _zones(data: CalendarData) -> set[str]:
    zones = {z for t in data.trips for i in t.items for z in (i.timezone, i.end_zone)}
    zones |= {e.timezone for e in data.events}
    return {z for z in zones if not is_utc(z)}


def _years(data: CalendarData) -> tuple[date, date]:
    """Whole years covering every entry (VTIMEZONE ranges stay the same for any scope)."""
    days = [d for t in data.trips for d in (t.start_date, t.end_date)]
    days += [d for t in data.trips for i in t.items for d in (i.local_start.date(),
                                                             i.local_end.date())]
    days += [d for e in data.events for d in (e.local_start.date(), e.local_end.date())]
    days += [s.ends_at.astimezone(ZoneInfo(e.timezone)).date() for e in data.events
             for s in e.sessions]
    days += [v.visited_on for v in data.visits]
    return date(min(days).year, 1, 1), date(max(days).year + 1, 1, 1)


def _entries(data: CalendarData, lang: Lang, alarm_minutes: int | None) -> Iterator[Entry]:
    for trip in sorted(data.trips, key=lambda t: (t.start_date, t.code)):
        yield trip_component(trip, lang)
        for item in sorted(trip.items, key=lambda i: (i.starts_at, i.uuid)):
            yield item_component(item, trip, lang, alarm_minutes)
    for ev in sorted(data.events, key=lambda e: (e.starts_at, e.code)):
        yield event_component(ev, lang, alarm_minutes)
        for s in sorted(ev.sessions, key=lambda s: (s.starts_at, s.uuid)):
            yield session_component(s, ev, lang, alarm_minutes)
    for v in sorted(data.visits, key=lambda v: (v.visited_on, v.uuid)):
        yield visit_component(v, lang)


def check_options(lang: Lang, alarm_minutes: int | None) -> None:
    if lang not in LANGUAGES:
        raise ValidationError("lang", f"不支持的语言“{lang}”（可选：zh、en）",
                              f"Unsupported language '{lang}' (zh or en)")
    if alarm_minutes is not None and not 0 <= alarm_minutes <= 7 * 24 * 60:
        raise ValidationError("alarms_minutes", "提醒时间应在 0 到 10080 分钟之间",
                              "Reminders must be between 0 and 10080 minutes before")


def _head(data: CalendarData, lang: Lang, alarm_minutes: int | None) -> Calendar:
    """The VCALENDAR's own properties; raises when an option is wrong or nothing is in ``data``."""
    check_options(lang, alarm_minutes)
    if data.entry_count == 0:
        raise ValidationError("scope", "所选范围内没有可导出的日程",
                              "There is nothing to export in this selection")
    cal = Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("X-WR-CALNAME", data.name(lang))
    cal.add("X-WR-TIMEZONE", BEIJING_TZ)
    return cal


def _built(data: CalendarData, lang: Lang, alarm_minutes: int | None,
           progress: Progress | None) -> Iterator[Entry]:
    """Every entry in file order, reporting ``progress(done, total)`` about a hundred times."""
    total = data.entry_count
    step = max(1, total // 100)
    for done, entry in enumerate(_entries(data, lang, alarm_minutes), 1):
        yield entry
        if progress is not None and (done % step == 0 or done == total):
            progress(done, total)


def calendar_component(data: CalendarData, lang: Lang = Lang.ZH, alarm_minutes: int | None = None,
                       progress: Progress | None = None) -> Calendar:
    """The VCALENDAR: its properties, a VTIMEZONE for every zone used, then every entry.

    One icalendar component holding everything, to read or change before serialising;
    :func:`calendar_ics` gives the bytes of its ``to_ical()`` without building it (the
    exports use that one; this is the reference its tests compare it with).
    """
    cal = _head(data, lang, alarm_minutes)
    first, last = _years(data)
    for zone in sorted(_zones(data)):
        cal.add_component(vtimezone(zone, first, last))
    for entry in _built(data, lang, alarm_minutes, progress):
        cal.add_component(entry.component())
    return cal


def calendar_parts(data: CalendarData, lang: Lang = Lang.ZH, alarm_minutes: int | None = None,
                   progress: Progress | None = None) -> Iterator[bytes]:
    """The bytes of :func:`calendar_ics` a piece at a time, to write as they come.

    The options and the scope are checked at once (``ValidationError`` before any piece, so a
    caller opens no file for nothing); the pieces then follow in file order: the calendar's
    properties, each VTIMEZONE, batches of entries (about a hundred each), the closing line.
    """
    cal = _head(data, lang, alarm_minutes)
    first, last = _years(data)
    zones = sorted(_zones(data))
    return _pieces(cal, zones, first, last, _built(data, lang, alarm_minutes, progress))


def _pieces(cal: Calendar, zones: list[str], first: date, last: date,
            entries: Iterator[Entry]) -> Iterator[bytes]:
    try:
        yield opening_ical(cal)
        for zone in zones:
            yield vtimezone_ical(zone, first, last)
        batch: list[bytes] = []
        for entry in entries:
            batch.append(entry.ical())
            if len(batch) == ENTRIES_PER_PIECE:
                yield b"".join(batch)
                batch = []
        if batch:
            yield b"".join(batch)
        yield closing_ical(cal)
    finally:  # finished, failed or given up (a cancel): the next export starts afresh
        _ADDRESSES.clear()
        forget_values()


def calendar_ics(data: CalendarData, lang: Lang = Lang.ZH, alarm_minutes: int | None = None,
                 progress: Progress | None = None) -> bytes:
    """``calendar_component(...).to_ical()``, byte for byte, written entry by entry.

    Each VTIMEZONE is the cached bytes of its zone; each entry is serialised as soon as it is
    built (:mod:`calendars.ical_bytes`, icalendar's escaping, a faster fold), so no calendar of
    every entry is held and no line is folded character by character. The pieces are those of
    :func:`calendar_parts`, which a file is better written from (no copy of the whole file).
    """
    return b"".join(calendar_parts(data, lang, alarm_minutes, progress))
