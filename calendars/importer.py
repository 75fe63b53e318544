"""Importing an .ics file into a trip's itinerary or as themed events.

The whole file is read and checked before anything is written, and everything is written in the
caller's transaction: a malformed file, or an entry the rules refuse, raises ``ValidationError``
naming the line or entry, and the caller's rollback leaves the database as it was.

Entries are matched by UID: a UID this app wrote (``<uuid>@campaign-planner``) finds its record
by UUID; a foreign UID maps to ``uuid5(NAMESPACE_URL, uid)``, so importing the same file twice
updates the records of the first import instead of duplicating them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from calendars.reading import Entry, occurrence_key, read_entries, record_uuid
from calendars.recurrence import expand
from calendars.timezones import is_utc
from models import queries
from models.campaign import City
from models.enums import EventKind, EventStatus, ItemKind
from models.errors import ValidationError
from models.events import AgendaSession, ThemedEvent
from models.language import Lang
from models.operations.events import EventDraft, SessionDraft, create_event, event_draft, update_event
from models.operations.trips import ItemDraft, add_item, delete_item, item_draft, update_item
from models.rules import timezone_name
from models.timeutil import BEIJING_TZ, local_to_utc
from models.trips import ItineraryItem, Trip

K = TypeVar("K", ItemKind, EventKind)
UNTITLED = "（无标题）"
CANCELLED_IN_FILE = ("导入的日历中已取消", "cancelled in the imported calendar")


@dataclass
class ImportReport:
    """What an import did. ``notes`` says why entries were skipped, one line each."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)

    def skip(self, entry: Entry, zh: str, en: str) -> None:
        self.skipped += 1
        self.notes.append(f"{entry.label(Lang.ZH)}：{zh} ({entry.label(Lang.EN)}: {en})")

    def text(self, lang: Lang = Lang.ZH) -> str:
        if lang == "en":
            return (f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
                    f"{self.deleted} removed, {self.skipped} skipped")
        return (f"新建 {self.created}，更新 {self.updated}，未变 {self.unchanged}，"
                f"删除 {self.deleted}，跳过 {self.skipped}")


def import_ics(session: Session, data: bytes, *, trip_code: str | None = None,
               as_events: bool = False) -> ImportReport:
    """Import ``data`` into the itinerary of ``trip_code``, or as themed events.

    Runs in the caller's transaction and never commits; on any error nothing must be kept
    (``with Session.begin() as s: import_ics(s, data, trip_code="TRIP-2023-007")``).
    """
    if (trip_code is None) == (not as_events):
        raise ValidationError("import", "请指定导入到哪个推广活动，或作为专题活动导入",
                              "Give either a trip to import into or as_events, not both")
    entries = read_entries(data)
    if trip_code is not None:
        return _TripImport(session, trip_code).run(entries)
    return _EventImport(session).run(entries)


# --- shared helpers ---------------------------------------------------------------------------


def _with_entry(entry: Entry, action: Callable[[], object]) -> None:
    """Run an operation; a rule it breaks is reported with the entry it came from."""
    try:
        action()
    except ValidationError as exc:
        raise ValidationError(exc.field, f"{entry.label(Lang.ZH)}：{exc.message_zh}",
                              f"{entry.label(Lang.EN)}: {exc.message_en or exc.message_zh}") from exc


def _zone_of(entry: Entry, fallback: str) -> str:
    """The IANA zone to keep beside the entry: its own when it names one, else ``fallback``."""
    start = entry.start
    if isinstance(start, datetime) and isinstance(start.tzinfo, ZoneInfo):
        key = start.tzinfo.key
        if not is_utc(key):
            try:
                return timezone_name("timezone", key)
            except ValidationError:
                return fallback
    return fallback


def _instants(entry: Entry, zone: str) -> tuple[datetime, datetime]:
    """Start and end as aware instants; floating and all-day times are taken in ``zone``."""

    def instant(value: date | datetime, end_of_day: bool = False) -> datetime:
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                return value.astimezone(UTC)
            return local_to_utc(value, zone)
        if end_of_day:  # an all-day entry ends just before midnight of its exclusive end
            return local_to_utc(datetime.combine(value - timedelta(days=1), time(23, 59)), zone)
        return local_to_utc(datetime.combine(value, time()), zone)

    try:
        start = instant(entry.start)
        if entry.end is None or entry.end == entry.start:
            if isinstance(entry.start, datetime):
                return start, start + timedelta(hours=1)
            return start, instant(entry.start + timedelta(days=1), end_of_day=True)
        return start, instant(entry.end, end_of_day=not isinstance(entry.end, datetime))
    except ValidationError as exc:
        raise ValidationError("ics", f"{entry.label(Lang.ZH)}：{exc.message_zh}",
                              f"{entry.label(Lang.EN)}: {exc.message_en}") from exc


def _occurrences(entries: list[Entry], first: date, last: date) -> list[Entry]:
    """Recurring entries expanded within ``first``..``last``; overrides replace occurrences."""
    overrides = {(e.uid, _key(e.recurrence_id)): e for e in entries if e.recurrence_id is not None}
    result: list[Entry] = []
    for entry in entries:
        if entry.recurrence_id is not None:
            continue
        if not entry.recurring:
            result.append(entry)
            continue
        for occurrence in expand(entry, first, last):
            result.append(overrides.pop((entry.uid, _key(occurrence.recurrence_id)), occurrence))
    result.extend(overrides.values())  # moved occurrences of masters outside the file or window
    return result


def _key(value: date | datetime | None) -> str:
    return occurrence_key(value) if value is not None else ""


def _uuid(entry: Entry) -> str:
    return record_uuid(entry.uid, entry.recurrence_id)


def _city_named(text: str, cities: Iterable[City]) -> City | None:
    """The city whose Chinese or English name is exactly ``text``."""
    wanted = text.strip().casefold()
    for city in cities:
        if wanted and wanted in (city.name_zh.casefold(), city.name_en.casefold()):
            return city
    return None


def _city_in(text: str, cities: Iterable[City]) -> City | None:
    """The city named exactly by ``text``, else the first whose name it contains."""
    cities = list(cities)
    exact = _city_named(text, cities)
    if exact is not None:
        return exact
    for city in cities:
        if any(name and name in text for name in (city.name_zh, city.name_en)):
            return city
    return None


def _is_city_name(text: str, city: City | None) -> bool:
    return city is not None and text.strip().casefold() in (city.name_zh.casefold(),
                                                              city.name_en.casefold())


_ITEM_WORDS: tuple[tuple[ItemKind, tuple[str, ...]], ...] = (
    (ItemKind.FLIGHT, ("航班", "飞机", "flight", "departure", "arrival", "airport")),
    (ItemKind.TRAIN, ("火车", "高铁", "动车", "列车", "train", "rail")),
    (ItemKind.HOTEL, ("酒店", "入住", "hotel", "check-in", "check in")),
    (ItemKind.TRANSFER, ("接送", "接机", "送机", "transfer", "shuttle", "pick-up", "pickup")),
    (ItemKind.SIGNING, ("签约", "签署", "signing", "sign ")),
    (ItemKind.BANQUET, ("宴", "晚餐", "午餐", "dinner", "lunch", "banquet", "reception")),
    (ItemKind.PROMOTION_MEETING, ("推介", "说明会", "promotion", "roadshow", "seminar")),
    (ItemKind.FREE_TIME, ("自由活动", "free time")),
)

_EVENT_WORDS: tuple[tuple[EventKind, tuple[str, ...]], ...] = (
    (EventKind.GLOBAL_CONFERENCE, ("全球招商大会", "global investment conference")),
    (EventKind.VIP_MEETING, ("尊享会", "vip")),
    (EventKind.MULTINATIONAL_TOUR, ("东莞行", "multinational")),
    (EventKind.INDUSTRY_SUMMIT, ("峰会", "论坛", "summit", "forum")),
    (EventKind.SIGNING_CEREMONY, ("签约", "signing")),
)


def _guess(text: str, words: tuple[tuple[K, tuple[str, ...]], ...], default: K) -> K:
    lowered = text.casefold()
    for kind, keys in words:
        if any(k in lowered for k in keys):
            return kind
    return default


def _stale(entry: Entry, current_sequence: int) -> bool:
    """One of our own entries exported before the record's latest saved change."""
    return entry.own_uuid is not None and entry.sequence < current_sequence


# --- into a trip's itinerary ------------------------------------------------------------------


class _TripImport:
    def __init__(self, session: Session, trip_code: str) -> None:
        self.session = session
        self.trip = queries.get_trip(session, trip_code)
        self.report = ImportReport()
        self.sequences: dict[str, int] = {}

    def run(self, entries: list[Entry]) -> ImportReport:
        trip = self.trip
        others = self._other_records({_uuid(e) for e in entries})
        expanded = _occurrences(entries, trip.start_date, trip.end_date)
        uuids = [_uuid(e) for e in expanded]
        items = {i.uuid: i for i in self.session.scalars(
            select(ItineraryItem).where(ItineraryItem.uuid.in_(uuids)))}
        # the SEQUENCE each record exports now, before this import's own changes raise it
        self.sequences = {u: i.revision - 1 + i.trip.revision - 1 for u, i in items.items()}
        for entry, uuid in zip(expanded, uuids, strict=True):
            if uuid == trip.uuid:  # the trip's own span, as in an export of this trip
                continue
            if uuid in others:
                self.report.skip(entry, f"这是{others[uuid][0]}，不是行程事项",
                                 f"it is {others[uuid][1]}, not an itinerary item")
                continue
            existing = items.get(uuid)
            if existing is not None and existing.trip_id != trip.id:
                raise ValidationError(
                    "ics", f"{entry.label(Lang.ZH)}已属于推广活动 {existing.trip.code}，"
                    f"不能再导入到 {trip.code}",
                    f"{entry.label(Lang.EN)} already belongs to trip {existing.trip.code}, not "
                    f"{trip.code}",
                )
            self._one(entry, uuid, existing)
        self.session.flush()
        return self.report

    def _other_records(self, uuids: set[str]) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        for model, zh, en in ((Trip, "推广活动本身", "the trip itself"),
                              (ThemedEvent, "专题活动", "a themed event"),
                              (AgendaSession, "专题活动议程", "an agenda session")):
            for uuid in self.session.scalars(select(model.uuid).where(model.uuid.in_(uuids))):
                found[uuid] = (zh, en)
        return found

    def _fallback_zone(self, entry: Entry, existing: ItineraryItem | None) -> tuple[str, City | None]:
        if existing is not None:  # its city changes only when the file names another city
            return existing.timezone, _city_named(entry.location, self.trip.cities) or existing.city
        city = _city_in(entry.location, self.trip.cities)
        if city is not None:
            return city.timezone, city
        if self.trip.cities:
            return self.trip.cities[0].timezone, None
        return BEIJING_TZ, None

    def _one(self, entry: Entry, uuid: str, existing: ItineraryItem | None) -> None:
        trip = self.trip
        if entry.status == "CANCELLED" and entry.own_uuid is None:
            if existing is None:
                self.report.skip(entry, "已取消", "cancelled")
            else:
                delete_item(self.session, existing.id)
                self.report.deleted += 1
            return
        if existing is not None and _stale(entry, self.sequences[uuid]):
            self.report.skip(entry, "文件中的版本比数据库中的旧", "the file is older than the record")
            return
        fallback, city = self._fallback_zone(entry, existing)
        zone = _zone_of(entry, fallback)
        starts_at, ends_at = _instants(entry, zone)
        first = starts_at.astimezone(ZoneInfo(zone)).date()
        last = ends_at.astimezone(ZoneInfo(zone)).date()
        if first < trip.start_date or last > trip.end_date:
            self.report.skip(
                entry, f"不在推广活动日期内（{trip.start_date}—{trip.end_date}）",
                f"outside the trip's dates ({trip.start_date} to {trip.end_date})")
            return
        before = item_draft(existing) if existing is not None else None
        draft = replace(before) if before is not None else ItemDraft(
            kind=_guess(f"{entry.summary} {entry.location}", _ITEM_WORDS, ItemKind.COMPANY_VISIT),
            title_zh=UNTITLED, starts_at=starts_at, ends_at=ends_at, timezone=zone,
            uuid=uuid, attendee_ids=self._attendees(entry),
        )
        self._apply(draft, entry, starts_at, ends_at, zone, city, existing is None)
        if before is None:
            _with_entry(entry, lambda: self._add(draft))
            self.report.created += 1
        elif draft == before:
            self.report.unchanged += 1
        else:
            item_id = existing.id  # type: ignore[union-attr]
            _with_entry(entry, lambda: update_item(self.session, item_id, draft))
            self.report.updated += 1

    def _add(self, draft: ItemDraft) -> None:
        add_item(self.session, self.trip.id, draft)

    def _attendees(self, entry: Entry) -> list[int]:
        by_email = {m.person.email.strip().lower(): m.person_id for m in self.trip.members
                    if m.person.email.strip()}
        return [by_email[e] for e in entry.emails if e in by_email]

    @staticmethod
    def _apply(draft: ItemDraft, entry: Entry, starts_at: datetime, ends_at: datetime, zone: str,
               city: City | None, new: bool) -> None:
        draft.place = _apply_common(draft, entry, starts_at, ends_at, zone, city, new)
        if entry.kind in {k.value for k in ItemKind}:
            draft.kind = ItemKind(entry.kind)
        if entry.own_uuid is None:
            draft.notes = entry.description


def _apply_common(draft: ItemDraft | EventDraft, entry: Entry, starts_at: datetime,
                  ends_at: datetime, zone: str, city: City | None, new: bool) -> str:
    """Title, times, zone and city of an item or event draft; returns its place text.

    A location that only names the city becomes the city, with no place text.
    """
    if entry.summary_lang == "en" and not new:
        draft.title_en = entry.summary.strip()
    else:
        draft.title_zh = entry.summary.strip() or UNTITLED
    draft.starts_at, draft.ends_at, draft.timezone = starts_at, ends_at, zone
    if city is not None:
        draft.city_id = city.id
    return "" if _is_city_name(entry.location, city) else entry.location.strip()


# --- as themed events ---------------------------------------------------------------------------


class _EventImport:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.report = ImportReport()
        self.sequences: dict[str, int] = {}
        self.campaign = queries.current_campaign(session)
        self.cities = list(session.scalars(select(City).order_by(City.id)))

    def run(self, entries: list[Entry]) -> ImportReport:
        year = self.campaign.year
        expanded = _occurrences(entries, date(year, 1, 1), date(year, 12, 31))
        uuids = {_uuid(e) for e in expanded}
        others = self._other_records(uuids)
        events = {e.uuid: e for e in self.session.scalars(
            select(ThemedEvent).where(ThemedEvent.uuid.in_(uuids)))}
        sessions = {s.uuid: s for s in self.session.scalars(
            select(AgendaSession).where(AgendaSession.uuid.in_(uuids)))}
        self.sequences = {u: e.revision - 1 for u, e in events.items()}
        parents = {e.uid for e in expanded if _uuid(e) not in others}
        top: list[Entry] = []
        children: dict[str, list[Entry]] = {}  # by the parent's UID
        lone: list[Entry] = []  # sessions of ours whose event is not in the file
        for entry in expanded:
            uuid = _uuid(entry)
            if uuid in others:
                self.report.skip(entry, f"这是{others[uuid][0]}，不是专题活动",
                                 f"it is {others[uuid][1]}, not a themed event")
            elif entry.related_to in parents and entry.related_to != entry.uid:
                children.setdefault(entry.related_to, []).append(entry)
            elif uuid in sessions:
                lone.append(entry)
            else:
                top.append(entry)
        for entry in top:
            uuid = _uuid(entry)
            self._one(entry, uuid, events.get(uuid), children.get(entry.uid, []))
        for entry in lone:
            self._session_only(entry, sessions[_uuid(entry)])
        self.session.flush()
        return self.report

    def _other_records(self, uuids: set[str]) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        for model, zh, en in ((Trip, "推广活动", "a promotion trip"),
                              (ItineraryItem, "推广活动的行程事项", "an itinerary item")):
            for uuid in self.session.scalars(select(model.uuid).where(model.uuid.in_(uuids))):
                found[uuid] = (zh, en)
        return found

    def _zone(self, entry: Entry, existing: ThemedEvent | None) -> tuple[str, City | None]:
        if existing is not None:  # its city changes only when the file names another city
            city = _city_named(entry.location, self.cities) or existing.city
            return _zone_of(entry, existing.timezone), city
        city = _city_in(entry.location, self.cities)
        return _zone_of(entry, city.timezone if city is not None else BEIJING_TZ), city

    def _one(self, entry: Entry, uuid: str, existing: ThemedEvent | None,
             children: list[Entry]) -> None:
        if entry.status == "CANCELLED" and existing is None:
            self.report.skip(entry, "已取消", "cancelled")
            return
        if existing is not None and _stale(entry, self.sequences[uuid]):
            self.report.skip(entry, "文件中的版本比数据库中的旧", "the file is older than the record")
            return
        zone, city = self._zone(entry, existing)
        starts_at, ends_at = _instants(entry, zone)
        before = event_draft(self.session, existing.id) if existing is not None else None
        draft = replace(before) if before is not None else EventDraft(
            kind=_guess(entry.summary, _EVENT_WORDS, EventKind.OTHER), title_zh=UNTITLED,
            starts_at=starts_at, ends_at=ends_at, timezone=zone, campaign_id=self.campaign.id,
            status=EventStatus.PLANNED, uuid=uuid, sessions=[], invitations=[],
        )
        self._apply(draft, entry, starts_at, ends_at, zone, city, before is None)
        if children:
            draft.sessions = self._sessions(draft, children, zone)
        if before is None:
            _with_entry(entry, lambda: create_event(self.session, draft))
            self.report.created += 1 + len(children)
            return
        if replace(draft, sessions=before.sessions) == before:
            self.report.unchanged += 1
        else:
            self.report.updated += 1
        old = {s.uuid: s for s in before.sessions or []}
        new = {s.uuid: s for s in draft.sessions or []}
        for child in children:
            uuid = _uuid(child)
            if uuid not in old:
                self.report.created += 1
            elif old[uuid] != new[uuid]:
                self.report.updated += 1
            else:
                self.report.unchanged += 1
        if draft != before:
            event_id = existing.id  # type: ignore[union-attr]
            _with_entry(entry, lambda: update_event(self.session, event_id, draft))

    @staticmethod
    def _apply(draft: EventDraft, entry: Entry, starts_at: datetime, ends_at: datetime, zone: str,
               city: City | None, new: bool) -> None:
        draft.venue = _apply_common(draft, entry, starts_at, ends_at, zone, city, new)
        if entry.kind in {k.value for k in EventKind}:
            draft.kind = EventKind(entry.kind)
        if entry.own_uuid is None:
            draft.description = entry.description
        wanted = {"TENTATIVE": EventStatus.PLANNED, "CONFIRMED": EventStatus.APPROVED,
                  "CANCELLED": EventStatus.CANCELLED}.get(entry.status)
        if wanted is not None and _group(wanted) != _group(draft.status):
            draft.status = wanted
            if wanted is EventStatus.CANCELLED:
                draft.cancel_reason = draft.cancel_reason or "{} ({})".format(*CANCELLED_IN_FILE)

    def _sessions(self, draft: EventDraft, children: list[Entry], zone: str) -> list[SessionDraft]:
        by_uuid = {s.uuid: s for s in draft.sessions or []}
        for child in children:
            uuid = _uuid(child)
            starts_at, ends_at = _instants(child, _zone_of(child, zone))
            s = replace(by_uuid[uuid]) if uuid in by_uuid else SessionDraft(
                title_zh=UNTITLED, starts_at=starts_at, ends_at=ends_at, uuid=uuid)
            if child.summary_lang == "en" and uuid in by_uuid:
                s.title_en = child.summary.strip()
            else:
                s.title_zh = child.summary.strip() or UNTITLED
            s.starts_at, s.ends_at = starts_at, ends_at
            location = child.location.strip()
            if location != s.room:  # the export shows the venue (or city) for a session without room
                venue_or_city = location in (draft.venue, "") or _city_named(location, self.cities)
                s.room = "" if venue_or_city else location
            if child.own_uuid is None:
                s.notes = child.description
            by_uuid[uuid] = s
        return sorted(by_uuid.values(), key=lambda s: (s.starts_at, s.uuid or ""))

    def _session_only(self, entry: Entry, session_row: AgendaSession) -> None:
        """A session of ours whose event is not in the file: update it through its event."""
        event = session_row.event
        before = event_draft(self.session, event.id)
        draft = replace(before, sessions=self._sessions(before, [entry], event.timezone))
        if draft == before:
            self.report.unchanged += 1
            return
        _with_entry(entry, lambda: update_event(self.session, event.id, draft))
        self.report.updated += 1


def _group(status: EventStatus) -> str:
    if status is EventStatus.CANCELLED:
        return "cancelled"
    if status in (EventStatus.DRAFT, EventStatus.PLANNED):
        return "tentative"
    return "confirmed"

