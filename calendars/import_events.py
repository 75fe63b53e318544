"""Importing an .ics file as themed events, with their agenda sessions (see
:mod:`calendars.importer`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from calendars.guessing import city_in, city_named, guess_event_kind
from calendars.import_common import (
    UNTITLED,
    apply_common,
    entry_uuid,
    instants,
    is_stale,
    occurrences,
    with_entry,
    zone_of,
)
from calendars.import_report import IcsImportReport, Progress
from calendars.reading import IcsEntry
from models import queries
from models.campaign import City
from models.enums import EventKind, EventStatus
from models.events import AgendaSession, ThemedEvent
from models.operations.events import EventDraft, SessionDraft, create_event, event_draft, update_event
from models.timeutil import BEIJING_TZ
from models.trips import ItineraryItem, Trip

CANCELLED_IN_FILE = ("导入的日历中已取消", "cancelled in the imported calendar")


class EventImport:
    def __init__(self, session: Session, default_kind: EventKind = EventKind.OTHER,
                 progress: Progress | None = None) -> None:
        self.session = session
        self.default_kind = default_kind
        self.progress = progress
        self.report = IcsImportReport()
        self.sequences: dict[str, int] = {}
        self.campaign = queries.current_campaign(session)
        self.cities = list(session.scalars(select(City).order_by(City.id)))

    def run(self, entries: list[IcsEntry]) -> IcsImportReport:
        year = self.campaign.year
        expanded = occurrences(entries, date(year, 1, 1), date(year, 12, 31))
        uuids = {entry_uuid(e) for e in expanded}
        others = self._other_records(uuids)
        events = {e.uuid: e for e in self.session.scalars(
            select(ThemedEvent).where(ThemedEvent.uuid.in_(uuids)))}
        sessions = {s.uuid: s for s in self.session.scalars(
            select(AgendaSession).where(AgendaSession.uuid.in_(uuids)))}
        self.sequences = {u: e.revision - 1 for u, e in events.items()}
        parents = {e.uid for e in expanded if entry_uuid(e) not in others}
        top: list[IcsEntry] = []
        children: dict[str, list[IcsEntry]] = {}  # by the parent's UID
        lone: list[IcsEntry] = []  # sessions of ours whose event is not in the file
        for entry in expanded:
            uuid = entry_uuid(entry)
            if uuid in others:
                self.report.skip(entry, f"这是{others[uuid][0]}，不是专题活动",
                                 f"it is {others[uuid][1]}, not a themed event")
            elif entry.related_to in parents and entry.related_to != entry.uid:
                children.setdefault(entry.related_to, []).append(entry)
            elif uuid in sessions:
                lone.append(entry)
            else:
                top.append(entry)
        step = max(1, len(top) // 100)
        for done, entry in enumerate(top, 1):
            if self.progress is not None and (done % step == 0 or done == len(top)):
                self.progress(done, len(top))
            uuid = entry_uuid(entry)
            self._one(entry, uuid, events.get(uuid), children.get(entry.uid, []))
        for entry in lone:
            self._session_only(entry, sessions[entry_uuid(entry)])
        self.session.flush()
        return self.report

    def _other_records(self, uuids: set[str]) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        for model, zh, en in ((Trip, "推广活动", "a promotion trip"),
                              (ItineraryItem, "推广活动的行程事项", "an itinerary item")):
            for uuid in self.session.scalars(select(model.uuid).where(model.uuid.in_(uuids))):
                found[uuid] = (zh, en)
        return found

    def _zone(self, entry: IcsEntry, existing: ThemedEvent | None) -> tuple[str, City | None]:
        if existing is not None:  # its city changes only when the file names another city
            city = city_named(entry.location, self.cities) or existing.city
            return zone_of(entry, existing.timezone), city
        city = city_in(entry.location, self.cities)
        return zone_of(entry, city.timezone if city is not None else BEIJING_TZ), city

    def _one(self, entry: IcsEntry, uuid: str, existing: ThemedEvent | None,
             children: list[IcsEntry]) -> None:
        if entry.status == "CANCELLED" and existing is None:
            self.report.skip(entry, "已取消", "cancelled")
            return
        if existing is not None and is_stale(entry, self.sequences[uuid]):
            self.report.skip(entry, "文件中的版本比数据库中的旧", "the file is older than the record")
            return
        zone, city = self._zone(entry, existing)
        starts_at, ends_at = instants(entry, zone)
        before = event_draft(self.session, existing.id) if existing is not None else None
        draft = replace(before) if before is not None else EventDraft(
            kind=guess_event_kind(entry.summary, entry.categories, self.default_kind),
            title_zh=UNTITLED,
            starts_at=starts_at, ends_at=ends_at, timezone=zone, campaign_id=self.campaign.id,
            status=EventStatus.PLANNED, uuid=uuid, sessions=[], invitations=[],
        )
        self._apply(draft, entry, starts_at, ends_at, zone, city, before is None)
        if children:
            draft.sessions = self._sessions(draft, children, zone)
        if before is None:
            with_entry(entry, lambda: create_event(self.session, draft))
            self.report.created += 1 + len(children)
            self.report.planned(entry, "new", draft.kind, zone)
            return
        if replace(draft, sessions=before.sessions) == before:
            self.report.unchanged += 1
        else:
            self.report.updated += 1
        old = {s.uuid: s for s in before.sessions or []}
        new = {s.uuid: s for s in draft.sessions or []}
        for child in children:
            uuid = entry_uuid(child)
            if uuid not in old:
                self.report.created += 1
            elif old[uuid] != new[uuid]:
                self.report.updated += 1
            else:
                self.report.unchanged += 1
        if draft != before:
            self.report.planned(entry, "update", draft.kind, zone)
            event_id = existing.id  # type: ignore[union-attr]
            with_entry(entry, lambda: update_event(self.session, event_id, draft))

    @staticmethod
    def _apply(draft: EventDraft, entry: IcsEntry, starts_at: datetime, ends_at: datetime, zone: str,
               city: City | None, new: bool) -> None:
        draft.venue = apply_common(draft, entry, starts_at, ends_at, zone, city, new)
        if entry.kind in {k.value for k in EventKind}:
            draft.kind = EventKind(entry.kind)
        if not entry.from_us:
            draft.description = entry.description
        if entry.partner_uid:
            draft.external_uid = entry.partner_uid
        wanted = {"TENTATIVE": EventStatus.PLANNED, "CONFIRMED": EventStatus.APPROVED,
                  "CANCELLED": EventStatus.CANCELLED}.get(entry.status)
        if wanted is not None and _group(wanted) != _group(draft.status):
            draft.status = wanted
            if wanted is EventStatus.CANCELLED:
                draft.cancel_reason = draft.cancel_reason or "{} ({})".format(*CANCELLED_IN_FILE)

    def _sessions(self, draft: EventDraft, children: list[IcsEntry], zone: str) -> list[SessionDraft]:
        by_uuid = {s.uuid: s for s in draft.sessions or []}
        for child in children:
            uuid = entry_uuid(child)
            starts_at, ends_at = instants(child, zone_of(child, zone))
            s = replace(by_uuid[uuid]) if uuid in by_uuid else SessionDraft(
                title_zh=UNTITLED, starts_at=starts_at, ends_at=ends_at, uuid=uuid)
            if child.summary_lang == "en" and uuid in by_uuid:
                s.title_en = child.summary.strip()
            else:
                s.title_zh = child.summary.strip() or UNTITLED
            s.starts_at, s.ends_at = starts_at, ends_at
            location = child.location.strip()
            if location != s.room:  # the export shows the venue (or city) for a session without room
                venue_or_city = location in (draft.venue, "") or city_named(location, self.cities)
                s.room = "" if venue_or_city else location
            if not child.from_us:
                s.notes = child.description
            by_uuid[uuid] = s
        return sorted(by_uuid.values(), key=lambda s: (s.starts_at, s.uuid or ""))

    def _session_only(self, entry: IcsEntry, session_row: AgendaSession) -> None:
        """A session of ours whose event is not in the file: update it through its event."""
        event = session_row.event
        before = event_draft(self.session, event.id)
        draft = replace(before, sessions=self._sessions(before, [entry], event.timezone))
        if draft == before:
            self.report.unchanged += 1
            return
        with_entry(entry, lambda: update_event(self.session, event.id, draft))
        self.report.updated += 1


def _group(status: EventStatus) -> str:
    if status is EventStatus.CANCELLED:
        return "cancelled"
    if status in (EventStatus.DRAFT, EventStatus.PLANNED):
        return "tentative"
    return "confirmed"
