"""One thing on the calendar: a trip, an itinerary item or a themed event, as a plain row.

A trip occupies whole days (its dates are the same in every time zone). An item or an event
has instants; the days and clock times it shows depend on the time mode: the local time of
its place, or Beijing time, which is how the leaders at home read the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from models.enums import EventKind, EventStatus, ItemKind, TripStatus, VisitStatus
from models.language import Lang
from models.rows import Ref, RegionRow, pick
from models.timeutil import BEIJING_TZ

_TICK = timedelta(microseconds=1)


class EntryKind(StrEnum):
    TRIP = "trip"
    ITEM = "item"
    EVENT = "event"
    VISIT = "visit"  # a planned HQ visit of 百队千企 (a whole day)


class TimeMode(StrEnum):
    LOCAL = "local"  # the wall clock of each entry's own place
    BEIJING = "beijing"  # everything in Beijing time


@dataclass(frozen=True)
class CalendarEntry:
    kind: EntryKind
    id: int
    uuid: str  # survives a delete and its undo, which the id does not
    revision: int
    code: str  # the trip's code for a trip and its items, the event's code for an event
    title_zh: str
    title_en: str
    type_key: str  # "trip", an ItemKind value or an EventKind value
    status: str  # a TripStatus / EventStatus value; an item carries its trip's
    region: RegionRow | None
    leader: Ref | None  # trip leader or event lead person (an item: its trip's leader)
    host_unit: Ref | None
    city: Ref | None
    place: str  # item place or event venue
    timezone: str  # IANA zone of the place (a trip: Beijing, its dates are whole days)
    starts_at: datetime  # aware; for a trip, midnight starting its first day
    ends_at: datetime  # aware, exclusive; for a trip, midnight after its last day
    trip_id: int | None = None  # a trip's own id, an item's trip
    all_day: bool = False  # trips: whole days, the same in every zone
    industries: tuple[Ref, ...] = ()  # trips and events
    code_en: str = ""  # a visit's team in English (a trip's or event's code needs none)

    @property
    def key(self) -> tuple[EntryKind, int]:
        """Identity that survives a reload (selection, drag)."""
        return (self.kind, self.id)

    def title(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.title_zh, self.title_en, lang)

    def code_in(self, lang: Lang = Lang.ZH) -> str:
        """The code as shown in ``lang``: a visit's team by its English name when it has one."""
        return pick(self.code, self.code_en, lang)

    def type_label(self, lang: Lang = Lang.ZH) -> str:
        if self.kind is EntryKind.TRIP:
            return lang.pick("推广活动", "Promotion trip")
        if self.kind is EntryKind.ITEM:
            return ItemKind(self.type_key).label(lang)
        if self.kind is EntryKind.VISIT:
            return lang.pick("总部拜访", "HQ visit")
        return EventKind(self.type_key).label(lang)

    def status_label(self, lang: Lang = Lang.ZH) -> str:
        if self.kind is EntryKind.VISIT:
            return VisitStatus(self.status).label(lang)
        enum = EventStatus if self.kind is EntryKind.EVENT else TripStatus
        return enum(self.status).label(lang)

    @property
    def cancelled(self) -> bool:
        return self.status == TripStatus.CANCELLED.value

    def zone(self, mode: TimeMode) -> ZoneInfo:
        return ZoneInfo(BEIJING_TZ if mode is TimeMode.BEIJING else self.timezone)

    def wall_span(self, mode: TimeMode) -> tuple[datetime, datetime]:
        """Start and (exclusive) end as naive wall-clock times in the mode's zone."""
        if self.all_day:
            return (datetime.combine(self.first_day(mode), datetime.min.time()),
                    datetime.combine(self.last_day(mode) + timedelta(days=1),
                                     datetime.min.time()))
        zone = self.zone(mode)
        return (self.starts_at.astimezone(zone).replace(tzinfo=None),
                self.ends_at.astimezone(zone).replace(tzinfo=None))

    def first_day(self, mode: TimeMode) -> date:
        if self.all_day:
            return self.starts_at.astimezone(ZoneInfo(self.timezone)).date()
        return self.starts_at.astimezone(self.zone(mode)).date()

    def last_day(self, mode: TimeMode) -> date:
        """The last day the entry touches (an item ending at midnight ends the day before)."""
        if self.all_day:
            return (self.ends_at - _TICK).astimezone(ZoneInfo(self.timezone)).date()
        end = max(self.ends_at - _TICK, self.starts_at)
        return end.astimezone(self.zone(mode)).date()

    def days(self, mode: TimeMode) -> int:
        return (self.last_day(mode) - self.first_day(mode)).days + 1

    def touches(self, first: date, last: date, mode: TimeMode) -> bool:
        return self.first_day(mode) <= last and self.last_day(mode) >= first

    def spans_days(self, mode: TimeMode) -> bool:
        """Shown as a bar across days (trips, and timed entries over more than one day)."""
        return self.all_day or self.first_day(mode) != self.last_day(mode)


def sort_key(entry: CalendarEntry, mode: TimeMode) -> tuple[datetime, int, int, str, int]:
    """Earlier first; at the same start, longer spans first (they take the upper lanes)."""
    start, end = entry.wall_span(mode)
    order = {EntryKind.TRIP: 0, EntryKind.EVENT: 1, EntryKind.ITEM: 2,
             EntryKind.VISIT: 3}[entry.kind]
    return (start, -int((end - start).total_seconds()), order, entry.code, entry.id)
