"""Reading an .ics file into plain entries, refusing a malformed file with the line or entry.

icalendar is a lenient parser (a broken DTSTART becomes ``vBroken``, an unknown TZID a floating
time, a mismatched END passes): the structure is checked here first, line by line, and each
VEVENT's dates afterwards, so that a bad file is refused with one message naming where.
"""

from __future__ import annotations

import re
import uuid as uuid_module
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from icalendar import Calendar, Event

from calendars.build import KIND_PROPERTY, UID_DOMAIN
from models.errors import ValidationError
from models.language import Lang

_CONTENT_LINE = re.compile(
    r'^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:'
)
_OWN_UID = re.compile(rf"^([0-9a-fA-F-]{{36}})@{re.escape(UID_DOMAIN)}$")
MAX_BYTES = 20 * 1024 * 1024
_NO_UID = "no-uid:"

DateOrTime = date | datetime


@dataclass(frozen=True)
class IcsEntry:
    """One VEVENT as read: times as in the file (date, floating, zoned or UTC)."""

    line: int  # the line of its BEGIN:VEVENT
    uid: str
    summary: str
    summary_lang: Lang  # "en" when the file says LANGUAGE=en, else "zh"
    start: DateOrTime
    end: DateOrTime | None  # None: the file gives neither DTEND nor DURATION
    location: str = ""
    description: str = ""
    status: str = ""  # TENTATIVE / CONFIRMED / CANCELLED or ""
    kind: str = ""  # our X-CAMPAIGN-PLANNER-KIND, when the file is one of ours
    sequence: int = 0
    related_to: str = ""
    emails: tuple[str, ...] = ()
    tzid: str = ""  # the TZID parameter of DTSTART, when there is one
    categories: tuple[str, ...] = ()
    recurrence_id: DateOrTime | None = None
    component: Event | None = field(default=None, compare=False, repr=False)

    @property
    def own_uuid(self) -> str | None:
        """The record UUID when the UID is one this app wrote, else None."""
        found = _OWN_UID.match(self.uid.strip())
        return found.group(1).lower() if found else None

    @property
    def from_us(self) -> bool:
        """Written by this app's export: our UID, or a partner's UID with our kind property."""
        return self.own_uuid is not None or bool(self.kind)

    @property
    def all_day(self) -> bool:
        """A whole-day entry (``DTSTART;VALUE=DATE``)."""
        return not isinstance(self.start, datetime)

    @property
    def partner_uid(self) -> str:
        """The UID to keep for an entry that came from a partner: "" for ours, for an
        occurrence of a recurring entry (its UID is the series') and for a file without UIDs."""
        if self.own_uuid is not None or self.recurrence_id is not None:
            return ""
        if self.uid.startswith(_NO_UID) or len(self.uid) > 500:
            return ""
        return self.uid.strip()

    @property
    def recurring(self) -> bool:
        return self.component is not None and (
            "RRULE" in self.component or "RDATE" in self.component
        )

    def label(self, lang: Lang = Lang.ZH) -> str:
        name = self.summary or self.uid
        if lang == "en":
            return f"the entry at line {self.line} ('{name}')" if self.line else f"the entry '{name}'"
        return f"第 {self.line} 行的日程“{name}”" if self.line else f"日程“{name}”"


def record_uuid(uid: str, recurrence: DateOrTime | None = None) -> str:
    """The record UUID for a calendar UID (and occurrence): ours as it is, others by uuid5.

    A foreign UID maps to ``uuid5(NAMESPACE_URL, uid)`` (a recurrence adds ``#<its start>``), so
    importing the same file again finds the same record without storing the foreign UID.
    """
    if recurrence is None:
        found = _OWN_UID.match(uid.strip())
        if found:
            return found.group(1).lower()
        return str(uuid_module.uuid5(uuid_module.NAMESPACE_URL, uid.strip()))
    return str(uuid_module.uuid5(uuid_module.NAMESPACE_URL,
                                 f"{uid.strip()}#{occurrence_key(recurrence)}"))


def occurrence_key(value: DateOrTime) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        return value.strftime("%Y%m%dT%H%M%S")
    return value.strftime("%Y%m%d")


def _refuse(line: int | None, zh: str, en: str) -> ValidationError:
    where_zh = f"第 {line} 行：" if line else ""
    where_en = f"line {line}: " if line else ""
    return ValidationError("ics", f"日历文件有误，{where_zh}{zh}", f"Malformed calendar: {where_en}{en}")


def _decode(data: bytes) -> str:
    if not data.strip():
        raise _refuse(None, "文件是空的", "the file is empty")
    if len(data) > MAX_BYTES:
        raise _refuse(None, "文件超过 20 MB", "the file is larger than 20 MB")
    utf16 = _utf16(data)
    if utf16 is not None:  # Windows "Unicode" text: read it as it is
        try:
            return data.decode(utf16).lstrip("\ufeff")
        except UnicodeDecodeError as exc:
            raise _refuse(None, f"文件是 UTF-16 编码，但第 {exc.start // 2 + 1} 个字符处已损坏",
                          f"the file is UTF-16 but broken at character {exc.start // 2 + 1}"
                          ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _refuse(line, "不是 UTF-8 编码（日历文件必须是 UTF-8；GBK 文件请先另存为 UTF-8）",
                      "not UTF-8 (calendar files are UTF-8; save a GBK file as UTF-8 first)"
                      ) from exc


def _utf16(data: bytes) -> str | None:
    """The codec of a UTF-16 file (with a BOM, or "BEGIN" with a zero byte beside each letter)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:64]
    if head.startswith(b"B\x00E\x00G\x00"):
        return "utf-16-le"
    if head.startswith(b"\x00B\x00E\x00G"):
        return "utf-16-be"
    return None


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded content lines with the physical line number each starts on."""
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        if raw[:1] in (" ", "\t") and lines:
            start, previous = lines[-1]
            lines[-1] = (start, previous + raw[1:])
        elif raw.strip():
            lines.append((number, raw))
    return lines


def _check_structure(text: str) -> list[int]:
    """Checks content lines and BEGIN/END nesting; returns the lines of each VEVENT's BEGIN."""
    stack: list[tuple[str, int]] = []
    vevents: list[int] = []
    calendars = 0
    for number, line in _logical_lines(text):
        if not _CONTENT_LINE.match(line):
            raise _refuse(number, f"无法识别的内容：{line[:60]}", f"cannot read: {line[:60]}")
        name, _, value = line.partition(":")
        name = name.split(";", 1)[0].upper()
        if name == "BEGIN":
            kind = value.strip().upper()
            if not stack and kind != "VCALENDAR":
                raise _refuse(number, "文件应以 BEGIN:VCALENDAR 开头", "expected BEGIN:VCALENDAR")
            if not stack:
                calendars += 1
                if calendars > 1:
                    raise _refuse(number, "一个文件只能包含一个日历", "more than one VCALENDAR")
            if kind == "VEVENT" and len(stack) == 1:
                vevents.append(number)
            stack.append((kind, number))
        elif name == "END":
            kind = value.strip().upper()
            if not stack:
                raise _refuse(number, f"多余的 END:{kind}", f"END:{kind} without BEGIN")
            opened, opened_at = stack.pop()
            if opened != kind:
                raise _refuse(number, f"END:{kind} 与第 {opened_at} 行的 BEGIN:{opened} 不匹配",
                              f"END:{kind} does not close BEGIN:{opened} of line {opened_at}")
        elif not stack:
            raise _refuse(number, "内容位于日历之外", "content outside the VCALENDAR")
    if stack:
        opened, opened_at = stack[-1]
        raise _refuse(opened_at, f"BEGIN:{opened} 没有对应的 END", f"BEGIN:{opened} is never closed")
    if calendars == 0:
        raise _refuse(None, "没有找到 BEGIN:VCALENDAR", "no BEGIN:VCALENDAR found")
    return vevents


def read_entries(data: bytes) -> list[IcsEntry]:
    """Every VEVENT of an .ics file, checked. Raises ValidationError naming the line or entry."""
    text = _decode(data)
    lines = _check_structure(text)
    try:
        calendar = Calendar.from_ical(text)
    except ValueError as exc:
        raise _refuse(None, f"无法解析：{exc}", f"cannot parse it: {exc}") from exc
    components = [c for c in calendar.subcomponents if isinstance(c, Event)]
    if not components:
        raise _refuse(None, "文件中没有日程（VEVENT）", "the file holds no event (VEVENT)")
    if len(lines) != len(components):  # icalendar saw the nesting otherwise: no line numbers
        lines = [0] * len(components)
    entries = [_entry(c, line) for c, line in zip(components, lines, strict=True)]
    _check_unique(entries)
    return entries


def _text(component: Event, name: str) -> str:
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return str(value).strip() if name != "DESCRIPTION" else str(value)


def _entry(c: Event, line: int) -> IcsEntry:
    summary = _text(c, "SUMMARY") or _text(c, "UID") or "?"
    probe = IcsEntry(line, "", summary, Lang.ZH, date.min, None)

    def bad(zh: str, en: str) -> ValidationError:
        return ValidationError("ics", f"日历文件有误，{probe.label(Lang.ZH)}：{zh}",
                               f"Malformed calendar: {probe.label(Lang.EN)}: {en}")

    for prop, error in getattr(c, "errors", []):
        raise bad(f"{prop or '内容'} 格式不正确（{error}）",
                  f"{prop or 'a line'} is malformed ({error})")
    if "DTSTART" not in c:
        raise bad("缺少开始时间 DTSTART", "DTSTART is missing")
    start, tzid = _when(c, "DTSTART", bad)
    end = _end(c, start, bad)
    summary_prop = c.get("SUMMARY")
    language = str(getattr(summary_prop, "params", {}).get("LANGUAGE", "")).lower()
    recurrence = _when(c, "RECURRENCE-ID", bad)[0] if "RECURRENCE-ID" in c else None
    uid = _text(c, "UID") or _synthetic_uid(summary, start)
    try:
        sequence = int(c.get("SEQUENCE", 0))
    except (TypeError, ValueError) as exc:
        raise bad("SEQUENCE 不是整数", "SEQUENCE is not a number") from exc
    return IcsEntry(
        line=line, uid=uid, summary=_text(c, "SUMMARY"),
        summary_lang=Lang.EN if language.startswith("en") else Lang.ZH,
        start=start, end=end, location=_text(c, "LOCATION"),
        description=_text(c, "DESCRIPTION"), status=_text(c, "STATUS").upper(),
        kind=_text(c, KIND_PROPERTY), sequence=sequence, related_to=_text(c, "RELATED-TO"),
        emails=_emails(c), tzid=tzid, categories=_categories(c), recurrence_id=recurrence,
        component=c,
    )


def _when(c: Event, name: str, bad: Any) -> tuple[DateOrTime, str]:
    prop: Any = c.get(name)
    try:
        value = prop.dt
    except Exception as exc:  # icalendar raises its own error types for broken values
        raise bad(f"{name} 无法读取", f"{name} cannot be read") from exc
    if not isinstance(value, date):
        raise bad(f"{name} 不是日期或时间", f"{name} is not a date or a date-time")
    tzid = str(prop.params.get("TZID", ""))
    if isinstance(value, datetime) and tzid and value.tzinfo is None:
        raise bad(f"未知时区 TZID={tzid}（文件中也没有它的 VTIMEZONE）",
                  f"unknown time zone TZID={tzid} (and no VTIMEZONE for it in the file)")
    if isinstance(value, datetime) and _in_gap(value):
        zone = getattr(value.tzinfo, "key", tzid)
        raise bad(f"{name} {value:%Y-%m-%d %H:%M} 在时区 {zone} 中不存在（夏令时开始时钟拨快，"
                  "跳过了这段时间）",
                  f"{name} {value:%Y-%m-%d %H:%M} does not exist in {zone} (the clocks skip "
                  "that time when summer time starts)")
    return value, tzid


def _in_gap(value: datetime) -> bool:
    """A zoned wall-clock time that its zone skips (the spring-forward hour)."""
    if value.tzinfo is None:
        return False
    back = value.astimezone(UTC).astimezone(value.tzinfo)
    return back.replace(tzinfo=None) != value.replace(tzinfo=None)


def _end(c: Event, start: DateOrTime, bad: Any) -> DateOrTime | None:
    if "DTEND" in c:
        end, _ = _when(c, "DTEND", bad)
        if isinstance(start, datetime) != isinstance(end, datetime):
            raise bad("DTSTART 与 DTEND 一个是日期、一个是时间", "DTSTART and DTEND differ in type")
        if isinstance(start, datetime) and isinstance(end, datetime) and (
            (start.tzinfo is None) != (end.tzinfo is None)
        ):
            raise bad("DTSTART 与 DTEND 一个有时区、一个没有", "one of DTSTART/DTEND has no zone")
    elif "DURATION" in c:
        try:
            duration: Any = c["DURATION"]
            length = duration.dt
        except Exception as exc:
            raise bad("DURATION 无法读取", "DURATION cannot be read") from exc
        if not isinstance(length, timedelta):
            raise bad("DURATION 无法读取", "DURATION cannot be read")
        end = start + length
    else:
        return None
    if end < start:
        raise bad("结束时间早于开始时间", "it ends before it starts")
    return end


def _categories(c: Event) -> tuple[str, ...]:
    found: list[str] = []
    values = c.get("CATEGORIES")
    for value in values if isinstance(values, list) else [values] if values is not None else []:
        cats = getattr(value, "cats", None)
        found.extend(str(x).strip() for x in (cats if cats is not None else [value]))
    return tuple(x for x in found if x)


def _emails(c: Event) -> tuple[str, ...]:
    found = []
    for name in ("ORGANIZER", "ATTENDEE"):
        values = c.get(name)
        if values is None:
            continue
        for value in values if isinstance(values, list) else [values]:
            text = str(value).strip()
            if text.lower().startswith("mailto:"):
                found.append(text[7:].strip().lower())
    return tuple(dict.fromkeys(found))


def _synthetic_uid(summary: str, start: DateOrTime) -> str:
    """A file without UIDs (RFC 5545 requires them) still re-imports onto the same records."""
    return f"{_NO_UID}{summary}:{occurrence_key(start)}"


def _check_unique(entries: list[IcsEntry]) -> None:
    seen: dict[tuple[str, str], IcsEntry] = {}
    for entry in entries:
        key = (entry.uid, occurrence_key(entry.recurrence_id) if entry.recurrence_id else "")
        if key in seen:
            first = seen[key]
            raise ValidationError(
                "ics",
                f"日历文件有误，{entry.label(Lang.ZH)}与第 {first.line} 行的日程 UID 相同（{entry.uid}）",
                f"Malformed calendar: {entry.label(Lang.EN)} has the same UID as the entry at line "
                f"{first.line} ({entry.uid})",
            )
        seen[key] = entry

