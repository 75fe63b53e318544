"""What the calendar and the year timeline show of the checks: the worst open finding of each
trip, event and itinerary item in view, and the public holidays at each trip's destinations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from models.changes import RecordKind
from models.checks import Conflict, run_checks
from models.checks.calendars import country_name, public_holiday
from models.checks.holidays import trip_places
from models.checks.plan import read_trips
from models.enums import Severity
from models.language import Lang
from planning.entries import CalendarEntry, EntryKind

_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}


@dataclass(frozen=True)
class Mark:
    """The worst open finding of a record and the texts of all of them."""

    severity: Severity
    texts: tuple[str, ...]
    target: tuple[RecordKind, int, str]  # what a click opens, at which field


@dataclass(frozen=True)
class CheckMarks:
    by_code: dict[str, Mark] = field(default_factory=dict)  # trips and events
    by_item: dict[int, Mark] = field(default_factory=dict)  # itinerary items
    # day -> "韩国：Chuseok（TRIP-2023-021）": holidays where a trip is on that day
    destination_holidays: dict[date, tuple[str, ...]] = field(default_factory=dict)

    def for_entry(self, code: str, item_id: int | None) -> Mark | None:
        if item_id is not None:
            return self.by_item.get(item_id)
        return self.by_code.get(code)


def _merge(marks: dict[object, Mark], key: object, finding: Conflict, lang: Lang,
           target: tuple[RecordKind, int, str]) -> None:
    old = marks.get(key)
    text = f"{finding.severity.label(lang)}：{finding.text(lang)}"
    if old is None:
        marks[key] = Mark(finding.severity, (text,), target)
        return
    worst = min(old.severity, finding.severity, key=_RANK.__getitem__)
    marks[key] = Mark(worst, (*old.texts, text),
                      target if _RANK[finding.severity] < _RANK[old.severity] else old.target)


def read_marks(session: Session, first: date, last: date, lang: Lang,
               entries: Iterable[CalendarEntry] | None = None) -> CheckMarks:
    """The open findings of the trips and events between two days, by record, and the
    destination holidays on the trips' days. Given the ``entries`` a view shows, only theirs
    are checked: the campaign-wide checks (targets by region and industry, which read every
    trip and event of the year) are left to the dashboard and ``check``."""
    by_code: dict[object, Mark] = {}
    by_item: dict[object, Mark] = {}
    if entries is None:
        findings = run_checks(session, since=first, until=last)
    else:
        shown = list(entries)
        trips = {e.code for e in shown if e.kind in (EntryKind.TRIP, EntryKind.ITEM)}
        events = {e.code for e in shown if e.kind is EntryKind.EVENT}
        findings = run_checks(session, trip_codes=trips, event_codes=events, since=first,
                              until=last) if trips or events else []
    for finding in findings:
        if not finding.is_open:
            continue
        target = finding.target()
        if target is None:
            continue
        where = (target.kind, target.id, target.field or finding.field)
        for code in finding.codes:
            _merge(by_code, code, finding, lang, where)
        for concern in finding.concerns:
            if concern.kind is RecordKind.ITEM:
                _merge(by_item, concern.id, finding, lang, where)
    return CheckMarks({str(k): v for k, v in by_code.items()},
                      {int(str(k)): v for k, v in by_item.items()},
                      destination_holidays(session, first, last, lang))


def destination_holidays(session: Session, first: date, last: date,
                         lang: Lang) -> dict[date, tuple[str, ...]]:
    found: dict[date, list[str]] = {}
    for trip in read_trips(session, first, last):  # by start and code; the records' tables
        for day, countries in trip_places(trip).items():
            if not first <= day <= last:
                continue
            for country in sorted(countries - {"CN"}):  # China's are on the calendar already
                holiday = public_holiday(country, day)
                if holiday is None:
                    continue
                name = lang.pick(holiday.name_zh, holiday.name_en)
                label = f"{lang.pick(*country_name(country))}{lang.pick('：', ': ')}{name}"
                if label not in found.setdefault(day, []):
                    found[day].append(label)
    return {day: tuple(labels) for day, labels in sorted(found.items())}
