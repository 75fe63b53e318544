"""The Events table: one row per themed investment event (plain EventRow)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from desktop.formatting import fmt_datetime, fmt_int
from desktop.tables.row_model import MUTED, Column, RowTableModel
from models.enums import EventKind, EventStatus
from models.language import Lang
from models.rows import EventRow


def _status_colour(row: EventRow) -> QColor | None:
    return MUTED if row.status is EventStatus.CANCELLED else None


class EventTableModel(RowTableModel[EventRow]):
    def __init__(self, lang: Lang, parent: QObject | None = None) -> None:
        self.lang = lang
        super().__init__([
            Column("code", self.tr("Code"), lambda r: r.code),
            Column("title_zh", self.tr("Title"), lambda r: r.title_zh, width=260),
            Column("title_en", self.tr("English title"), lambda r: r.title_en, width=220),
            Column("kind", self.tr("Type"), lambda r: r.kind.label(lang),
                   sort=lambda r: list(EventKind).index(r.kind)),
            Column("start", self.tr("Starts (local)"), lambda r: fmt_datetime(r.local_start, lang),
                   sort=lambda r: r.starts_at.timestamp()),
            Column("venue", self.tr("Venue"), lambda r: r.venue, width=200),
            Column("city", self.tr("City"), lambda r: r.city.name(lang) if r.city else ""),
            Column("capacity", self.tr("Capacity"), lambda r: fmt_int(r.capacity, lang),
                   sort=lambda r: r.capacity or 0, align_right=True),
            Column("status", self.tr("Status"), lambda r: r.status.label(lang),
                   sort=lambda r: list(EventStatus).index(r.status), colour=_status_colour),
            Column("lead", self.tr("Lead person"),
                   lambda r: r.lead_person.name(lang) if r.lead_person else ""),
            Column("unit", self.tr("Host unit"),
                   lambda r: r.host_unit.name(lang) if r.host_unit else ""),
        ], parent)

    def search_text(self, row: EventRow) -> str:
        lead = row.lead_person
        return " ".join([
            row.code, row.title_zh, row.title_en, row.kind.zh, row.kind.en, row.venue,
            row.city.name_zh if row.city else "", row.city.name_en if row.city else "",
            row.status.zh, row.status.en, lead.name_zh if lead else "",
            lead.name_en if lead else "", row.host_unit.name_zh if row.host_unit else "",
        ])
