"""The itinerary of one trip: items in the local time of their city, with Beijing time beside."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop.formatting import fmt_date, fmt_time, join_names
from desktop.tables.row_model import ERROR, Column, RowTableModel
from models.enums import ItemKind
from models.language import Lang
from models.lookups import Lookups
from models.operations.items import ItemDraft
from models.rows import ItemRow
from models.timeutil import BEIJING
from models.wording import utc_offset


def local(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(ZoneInfo(zone))


def draft_of(row: ItemRow) -> ItemDraft:
    """An editable copy of a saved item."""
    return ItemDraft(
        kind=row.kind, title_zh=row.title_zh, title_en=row.title_en, starts_at=row.starts_at,
        ends_at=row.ends_at, timezone=row.timezone, city_id=row.city.id if row.city else None,
        place=row.place, organisation_id=row.organisation.id if row.organisation else None,
        attendee_ids=[p.id for p in row.attendees], notes=row.notes, outcome=row.outcome,
        uuid=row.uuid,
    )


def span_text(start: datetime, end: datetime) -> str:
    if start.date() == end.date():
        return f"{fmt_time(start)}–{fmt_time(end)}"
    return f"{fmt_time(start)}–{end:%m-%d} {fmt_time(end)}"


class ItineraryTableModel(RowTableModel[ItemDraft]):
    """Rows are drafts: the editor changes them in memory and saves the trip in one go."""

    def __init__(self, lang: Lang, lookups: Lookups, parent: QObject | None = None) -> None:
        self.lang = lang
        self.lookups = lookups
        self.warnings: dict[str, str] = {}  # item uuid -> conflict explanation
        super().__init__([
            Column("day", self.tr("Day (local)"),
                   lambda d: fmt_date(local(d.starts_at, d.timezone).date(), lang),
                   sort=lambda d: d.starts_at.timestamp(), colour=self._colour,
                   tooltip=self._warning),
            Column("local", self.tr("Local time"), self._local_text, colour=self._colour,
                   sort=lambda d: d.starts_at.timestamp(), tooltip=self._warning),
            Column("beijing", self.tr("Beijing time"), self._beijing_text,
                   sort=lambda d: d.starts_at.timestamp()),
            Column("kind", self.tr("Kind"), lambda d: d.kind.label(lang),
                   sort=lambda d: list(ItemKind).index(d.kind)),
            Column("title", self.tr("Title"), lambda d: d.title_zh, width=200,
                   colour=self._colour, tooltip=self._warning),
            Column("city", self.tr("City"), self._city),
            Column("place", self.tr("Place"), lambda d: d.place, width=160),
            Column("organisation", self.tr("Organisation"), self._organisation),
            Column("attendees", self.tr("Attendees"), self._attendees),
        ], parent)

    def row_id(self, row: ItemDraft) -> int:
        return self.rows().index(row)

    def find_uuid(self, uuid: str) -> int:
        return next((n for n, d in enumerate(self.rows()) if d.uuid == uuid), -1)

    def _all_day_text(self, d: ItemDraft) -> str:
        first, last = local(d.starts_at, d.timezone).date(), local(d.ends_at, d.timezone).date()
        if first == last:
            return self.tr("All day")
        return self.tr("All day, to %1").replace("%1", fmt_date(last, self.lang))

    def _local_text(self, d: ItemDraft) -> str:
        if d.all_day:
            return self._all_day_text(d)
        start, end = local(d.starts_at, d.timezone), local(d.ends_at, d.timezone)
        return f"{span_text(start, end)} ({utc_offset(start)})"

    def _beijing_text(self, d: ItemDraft) -> str:
        """Beijing time; with its date when that is not the local day (a flight, 7 hours)."""
        if d.all_day:  # whole local days: Beijing's clock does not apply
            return self._all_day_text(d)
        start, end = d.starts_at.astimezone(BEIJING), d.ends_at.astimezone(BEIJING)
        text = span_text(start, end)
        if start.date() != local(d.starts_at, d.timezone).date():
            text = f"{start:%m-%d} {text}"
        return text

    def _city(self, d: ItemDraft) -> str:
        city = self.lookups.city(d.city_id)
        return city.name(self.lang) if city else d.timezone

    def _organisation(self, d: ItemDraft) -> str:
        org = self.lookups.organisation(d.organisation_id)
        return org.name(self.lang) if org else ""

    def _attendees(self, d: ItemDraft) -> str:
        names = (self.lookups.person(pid) for pid in d.attendee_ids)
        return join_names((p.name(self.lang) for p in names if p), self.lang)

    def _warning(self, d: ItemDraft) -> str:
        return self.warnings.get(d.uuid or "", "")

    def _colour(self, d: ItemDraft) -> QColor | None:
        return ERROR if d.uuid and d.uuid in self.warnings else None

    def search_text(self, row: ItemDraft) -> str:
        return f"{row.title_zh} {row.title_en} {row.place}"
