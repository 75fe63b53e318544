"""The Trips page: every promotion trip, filters, the selected trip's itinerary below."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from html import escape

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop import dialogs
from desktop.context import AppContext
from desktop.dialogs import DuplicateDialog, MoveDialog, ReasonDialog
from desktop.editors.form_dialog import FormDialog
from desktop.editors.item_dialog import ItemDialog
from desktop.editors.opening import Editors
from desktop.editors.saving import save
from desktop.formatting import fmt_date, in_brackets, join_names
from desktop.pages.entity_page import EntityPage
from desktop.tables.itinerary import ItineraryTableModel, draft_of
from desktop.tables.trips import TripTableModel
from desktop.undo.trips import (
    AddItem,
    CancelTrip,
    DeleteItem,
    DeleteTrip,
    DuplicateTrip,
    EditItem,
    MoveTrip,
)
from models import queries
from models.changes import RecordKind
from models.deletion import trip_deletion
from models.enums import ItemKind, TripStatus
from models.lookups import NO_LOOKUPS, lookups_of_items
from models.operations.items import ItemDraft
from models.rows import TripDetail, TripRow
from models.timeutil import BEIJING_TZ, at
from models.trips import Trip


class TripsPage(EntityPage):
    kinds = (RecordKind.TRIP, RecordKind.ITEM, RecordKind.PERSON, RecordKind.ORGANISATION)
    offers = frozenset({"new", "edit", "delete", "duplicate", "cancel", "move", "export",
                        "brief"})
    initial_sort = "start"

    def __init__(self, ctx: AppContext, editors: Editors, parent: QWidget | None = None) -> None:
        super().__init__(ctx, editors, TripTableModel(ctx.lang), parent)
        self.detail: TripDetail | None = None
        with ctx.sessions() as session:
            regions = queries.regions(session)
        self.add_filter(self.tr("All regions"), "region",
                        [(r.name(self.lang), _region_is(r.id)) for r in regions])
        self.add_filter(self.tr("All statuses"), "status",
                        [(s.label(self.lang), _status_is(s)) for s in TripStatus])
        self._build_detail()

    def _build_detail(self) -> None:
        pane = QWidget(self)
        self.summary = QLabel(pane)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(self.summary.textFormat().RichText)
        self.items = QTableView(pane)
        self.itinerary = ItineraryTableModel(self.lang, NO_LOOKUPS, self)
        self.items.setModel(self.itinerary)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.verticalHeader().hide()
        self.items.horizontalHeader().setStretchLastSection(True)
        self.items.doubleClicked.connect(lambda _i: self.edit_item())
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add item…"), self.add_item),
                           (self.tr("Edit item…"), self.edit_item),
                           (self.tr("Delete item"), self.delete_item)):
            button = QPushButton(text, pane)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.items, 1)
        layout.addLayout(buttons)
        self.set_detail(pane)

    def query(self) -> Callable[[Session], list[TripRow]]:
        return queries.list_trips

    def show_detail(self, row: TripRow | None) -> None:
        if row is None:
            self.detail = None
            self.summary.setText(self.tr("Select a trip to see its itinerary."))
            self.itinerary.set_rows([])
            return
        with self.ctx.sessions() as session:
            self.detail = queries.trip_detail(session, row.id)
        d = self.detail
        lang = self.lang
        members = join_names((m.person.name(lang) + in_brackets(m.role.label(lang), lang)
                              for m in d.members), lang)
        cities = join_names((c.name(lang) for c in d.cities), lang)
        delegation = self.tr("Delegation")
        self.summary.setText(
            f"<b>{escape(d.code)} {escape(d.title_zh)}</b> {escape(d.title_en)}<br>"
            f"{escape(fmt_date(d.start_date, lang))} — {escape(fmt_date(d.end_date, lang))} · "
            f"{escape(cities)} · {escape(d.status.label(lang))}<br>"
            f"{escape(delegation)}: {escape(members) or '—'}")
        self.itinerary.lookups = lookups_of_items(d.items)  # the names it shows, from the items
        self.itinerary.set_rows([draft_of(i) for i in d.items])
        self.items.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)

    # --- trip actions ----------------------------------------------------------------------

    def new_record(self) -> QWidget:
        return self.editors.open_trip(None)

    def edit_selected(self) -> QWidget | None:
        row = self.selected_row()
        return self.editors.open_trip(row.id) if row else None

    def delete_selected(self) -> None:
        rows: list[TripRow] = self.selected_rows()
        if not rows or any(self.refused(Trip, r.id) for r in rows):
            return
        with self.ctx.sessions() as session:
            found = [trip_deletion(session, r.id) for r in rows]
        if not dialogs.confirm_delete(self, self.tr("Delete trips"),
                                      dialogs.trip_deletion_text(found, self.lang)):
            return
        stack = self.ctx.undo_stack
        if len(rows) > 1:
            stack.beginMacro(self.tr("Delete %n trip(s)", "", len(rows)))
        for r in rows:
            if not save(self.ctx, DeleteTrip(self.ctx, r.code), self.messages):
                break
        if len(rows) > 1:
            stack.endMacro()

    def duplicate_selected(self) -> FormDialog | None:
        row: TripRow | None = self.selected_row()
        if row is None or self.refused(Trip, row.id):
            return None
        start = row.start_date + timedelta(days=7)
        dialog = DuplicateDialog(row.code, start, f"{row.title_zh}（副本）", self.lang, self)
        dialog.accept_with = lambda d: save(
            self.ctx, DuplicateTrip(self.ctx, row.code, dialog.start_date(),
                                    dialog.title_zh.text()), d)
        dialog.open()
        return dialog

    def cancel_selected(self) -> FormDialog | None:
        row: TripRow | None = self.selected_row()
        if row is None or self.refused(Trip, row.id):
            return None
        dialog = ReasonDialog(row.code, self.lang, self)
        dialog.accept_with = lambda d: save(self.ctx, CancelTrip(self.ctx, row.code,
                                                                 dialog.text()), d)
        dialog.open()
        return dialog

    def move_selected(self) -> FormDialog | None:
        row: TripRow | None = self.selected_row()
        if row is None or self.refused(Trip, row.id):
            return None
        dialog = MoveDialog(row.code, self.lang, self)
        dialog.accept_with = lambda d: save(self.ctx, MoveTrip(self.ctx, row.code,
                                                               dialog.days.value()), d)
        dialog.open()
        return dialog

    def selected_codes(self) -> list[str]:
        return [r.code for r in self.selected_rows()]

    # --- itinerary actions (each one undoable step) --------------------------------------

    def _members(self) -> list[tuple[str, int]]:
        if self.detail is None:
            return []
        return [(m.person.name(self.lang), m.person.id) for m in self.detail.members]

    def _selected_item(self) -> ItemDraft | None:
        rows = self.items.selectionModel().selectedRows()
        return self.itinerary.row_at(rows[0].row()) if rows else None

    def add_item(self) -> ItemDialog | None:
        d = self.detail
        if d is None:
            return None
        zone = d.cities[0].timezone if d.cities else BEIJING_TZ
        draft = ItemDraft(kind=ItemKind.COMPANY_VISIT, title_zh="",
                          starts_at=at(d.start_date, "09:00", zone),
                          ends_at=at(d.start_date, "10:30", zone), timezone=zone,
                          city_id=d.cities[0].id if d.cities else None)
        dialog = ItemDialog(draft, self.editors.lookups.get(), self._members(), self.lang,
                            self.tr("New itinerary item for %1").replace("%1", d.code), self)
        dialog.accept_with = lambda dlg: save(self.ctx, AddItem(self.ctx, d.code,
                                                                dialog.draft()), dlg)
        dialog.open()
        return dialog

    def edit_item(self) -> ItemDialog | None:
        d, before = self.detail, self._selected_item()
        if d is None or before is None:
            return None
        dialog = ItemDialog(before, self.editors.lookups.get(), self._members(), self.lang,
                            self.tr("Itinerary item of %1").replace("%1", d.code), self)
        dialog.accept_with = lambda dlg: save(self.ctx, EditItem(self.ctx, d.code, before,
                                                                 dialog.draft()), dlg)
        dialog.open()
        return dialog

    def delete_item(self) -> None:
        d, item = self.detail, self._selected_item()
        if d is None or item is None:
            return
        if dialogs.confirm(self, self.tr("Delete item"), self.tr("Delete “%1” from the itinerary?")
                   .replace("%1", item.title_zh)):
            save(self.ctx, DeleteItem(self.ctx, d.code, item), self.messages)


def _region_is(region_id: int) -> Callable[[TripRow], bool]:
    return lambda row: row.region.id == region_id


def _status_is(status: TripStatus) -> Callable[[TripRow], bool]:
    return lambda row: row.status is status
