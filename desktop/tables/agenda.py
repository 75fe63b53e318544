"""The agenda of one event in its editor: sessions in the event's local time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from desktop.formatting import fmt_date, join_names
from desktop.tables.itinerary import span_text
from desktop.tables.row_model import Column, RowTableModel
from models.language import Lang
from models.lookups import Lookups
from models.operations.events import SessionDraft


class AgendaTableModel(RowTableModel[SessionDraft]):
    def __init__(self, lang: Lang, lookups: Lookups, zone: str,
                 parent: QObject | None = None) -> None:
        self.lang = lang
        self.lookups = lookups
        self.zone = zone
        super().__init__([
            Column("day", self.tr("Day"), lambda s: fmt_date(self._local(s).date(), lang),
                   sort=lambda s: s.starts_at.timestamp()),
            Column("time", self.tr("Time (local)"),
                   lambda s: span_text(self._local(s), s.ends_at.astimezone(ZoneInfo(self.zone))),
                   sort=lambda s: s.starts_at.timestamp()),
            Column("title_zh", self.tr("Title"), lambda s: s.title_zh, width=220),
            Column("title_en", self.tr("English title"), lambda s: s.title_en, width=180),
            Column("room", self.tr("Room"), lambda s: s.room),
            Column("speakers", self.tr("Speakers"), self._speakers),
        ], parent)

    def _local(self, s: SessionDraft) -> datetime:
        return s.starts_at.astimezone(ZoneInfo(self.zone))

    def _speakers(self, s: SessionDraft) -> str:
        people = (self.lookups.person(pid) for pid in s.speaker_ids)
        return join_names((p.name(self.lang) for p in people if p), self.lang)

    def row_id(self, row: SessionDraft) -> int:
        return self.rows().index(row)
