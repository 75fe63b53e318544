"""Importing an .ics file into a trip's itinerary (see :mod:`calendars.importer`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from calendars.guessing import city_in, city_named, guess_item_kind
from calendars.import_common import (
    UNTITLED,
    apply_common,
    entry_error,
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
from models.enums import ItemKind
from models.errors import ValidationError
from models.events import AgendaSession, ThemedEvent
from models.language import Lang
from models.operations.items import ItemDraft, add_items, delete_item, item_draft, update_item
from models.timeutil import BEIJING_TZ
from models.trips import ItineraryItem, Trip


class TripImport:
    def __init__(self, session: Session, trip_code: str,
                 default_kind: ItemKind = ItemKind.COMPANY_VISIT,
                 progress: Progress | None = None) -> None:
        self.session = session
        self.trip = queries.get_trip(session, trip_code)
        self.report = IcsImportReport()
        self.sequences: dict[str, int] = {}
        self.default_kind = default_kind
        self.progress = progress
        self.pending: list[tuple[IcsEntry, ItemDraft]] = []  # new items, added in one go

    def run(self, entries: list[IcsEntry]) -> IcsImportReport:
        trip = self.trip
        others = self._other_records({entry_uuid(e) for e in entries})
        expanded = occurrences(entries, trip.start_date, trip.end_date)
        uuids = [entry_uuid(e) for e in expanded]
        items = {i.uuid: i for i in self.session.scalars(
            select(ItineraryItem).where(ItineraryItem.uuid.in_(uuids))
            .options(selectinload(ItineraryItem.attendees)))}
        # the SEQUENCE each record exports now, before this import's own changes raise it
        self.sequences = {u: i.revision - 1 + i.trip.revision - 1 for u, i in items.items()}
        total = len(expanded)
        step = max(1, total // 100)
        for done, (entry, uuid) in enumerate(zip(expanded, uuids, strict=True), 1):
            if self.progress is not None and (done % step == 0 or done == total):
                self.progress(done, total)
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
        if self.pending:
            add_items(self.session, trip.id, [draft for _, draft in self.pending],
                      on_error=lambda n, exc: entry_error(self.pending[n][0], exc))
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

    def _fallback_zone(self, entry: IcsEntry, existing: ItineraryItem | None) -> tuple[str, City | None]:
        if existing is not None:  # its city changes only when the file names another city
            return existing.timezone, city_named(entry.location, self.trip.cities) or existing.city
        city = city_in(entry.location, self.trip.cities)
        if city is not None:
            return city.timezone, city
        if self.trip.cities:
            return self.trip.cities[0].timezone, None
        return BEIJING_TZ, None

    def _one(self, entry: IcsEntry, uuid: str, existing: ItineraryItem | None) -> None:
        trip = self.trip
        if entry.status == "CANCELLED" and not entry.from_us:
            if existing is None:
                self.report.skip(entry, "已取消", "cancelled")
            else:
                delete_item(self.session, existing.id)
                self.report.deleted += 1
            return
        if existing is not None and is_stale(entry, self.sequences[uuid]):
            self.report.skip(entry, "文件中的版本比数据库中的旧", "the file is older than the record")
            return
        fallback, city = self._fallback_zone(entry, existing)
        zone = zone_of(entry, fallback)
        starts_at, ends_at = instants(entry, zone)
        first = starts_at.astimezone(ZoneInfo(zone)).date()
        last = ends_at.astimezone(ZoneInfo(zone)).date()
        if first < trip.start_date or last > trip.end_date:
            self.report.skip(
                entry, f"不在推广活动日期内（{trip.start_date}—{trip.end_date}）",
                f"outside the trip's dates ({trip.start_date} to {trip.end_date})")
            return
        before = item_draft(existing) if existing is not None else None
        draft = replace(before) if before is not None else ItemDraft(
            kind=guess_item_kind(f"{entry.summary}\n{entry.location}", entry.categories,
                                 self.default_kind),
            title_zh=UNTITLED, starts_at=starts_at, ends_at=ends_at, timezone=zone,
            uuid=uuid, attendee_ids=self._attendees(entry),
        )
        self._apply(draft, entry, starts_at, ends_at, zone, city, existing is None)
        if before is None:
            self.pending.append((entry, draft))
            self.report.created += 1
            self.report.planned(entry, "new", draft.kind, zone)
        elif draft == before:
            self.report.unchanged += 1
        else:
            item_id = existing.id  # type: ignore[union-attr]
            with_entry(entry, lambda: update_item(self.session, item_id, draft))
            self.report.updated += 1
            self.report.planned(entry, "update", draft.kind, zone)

    def _attendees(self, entry: IcsEntry) -> list[int]:
        by_email = {m.person.email.strip().lower(): m.person_id for m in self.trip.members
                    if m.person.email.strip()}
        return [by_email[e] for e in entry.emails if e in by_email]

    @staticmethod
    def _apply(draft: ItemDraft, entry: IcsEntry, starts_at: datetime, ends_at: datetime, zone: str,
               city: City | None, new: bool) -> None:
        draft.place = apply_common(draft, entry, starts_at, ends_at, zone, city, new)
        if entry.kind in {k.value for k in ItemKind}:
            draft.kind = ItemKind(entry.kind)
        if not entry.from_us:
            draft.notes = entry.description
        draft.all_day = entry.all_day
        if entry.partner_uid:
            draft.external_uid = entry.partner_uid
