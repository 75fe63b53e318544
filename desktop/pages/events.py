"""The Events page: every themed event, filters, the selected event's agenda and RSVPs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget
from sqlalchemy.orm import Session

from desktop import dialogs
from desktop.context import AppContext
from desktop.dialogs import MoveDialog, ReasonDialog
from desktop.editors.form_dialog import FormDialog
from desktop.editors.opening import Editors
from desktop.editors.saving import save
from desktop.formatting import fmt_datetime, fmt_int, fmt_time
from desktop.pages.entity_page import EntityPage
from desktop.tables.events import EventTableModel
from desktop.undo.events import CancelEvent, DeleteEvent, DuplicateEvent, MoveEvent
from models import queries
from models.changes import RecordKind
from models.deletion import event_deletion
from models.enums import EventKind, EventStatus, RsvpState
from models.events import ThemedEvent
from models.rows import EventRow
from models.timeutil import BEIJING


class EventsPage(EntityPage):
    kinds = (RecordKind.EVENT, RecordKind.PERSON, RecordKind.ORGANISATION)
    offers = frozenset({"new", "edit", "delete", "duplicate", "cancel", "move", "export",
                        "brief"})
    initial_sort = "start"

    def __init__(self, ctx: AppContext, editors: Editors, parent: QWidget | None = None) -> None:
        super().__init__(ctx, editors, EventTableModel(ctx.lang), parent)
        with ctx.sessions() as session:
            regions = queries.regions(session)
        self.add_filter(self.tr("All types"), "kind",
                        [(k.label(self.lang), _kind_is(k)) for k in EventKind])
        self.add_filter(self.tr("All regions"), "region",
                        [(r.name(self.lang), _region_is(r.id)) for r in regions])
        self.add_filter(self.tr("All statuses"), "status",
                        [(s.label(self.lang), _status_is(s)) for s in EventStatus])
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setContentsMargins(4, 4, 4, 4)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.summary)
        self.set_detail(scroll)

    def query(self) -> Callable[[Session], list[EventRow]]:
        return queries.list_events

    def show_detail(self, row: EventRow | None) -> None:
        if row is None:
            self.summary.setText(self.tr("Select an event to see its agenda and invitations."))
            return
        with self.ctx.sessions() as session:
            e = queries.event_detail(session, row.id)
        lang = self.lang
        counts = Counter(i.rsvp for i in e.invitations)
        rsvps = "，".join(f"{s.label(lang)} {counts[s]}" for s in RsvpState if counts[s])
        beijing = self.tr("Beijing time")
        agenda = self.tr("Agenda")
        lines = [
            f"<b>{escape(e.code)} {escape(e.title_zh)}</b> {escape(e.title_en)}",
            escape(f"{fmt_datetime(e.local_start, lang)} – {fmt_time(e.local_end)} "
                   f"({e.timezone}) · {beijing} "
                   f"{fmt_datetime(e.starts_at.astimezone(BEIJING), lang)}"),
            escape(f"{e.venue} · {e.kind.label(lang)} · {e.status.label(lang)}"),
            escape(self.tr("Invitations: %1 (%2); confirmed guests %3 of %4 seats")
                   .replace("%1", str(len(e.invitations))).replace("%2", rsvps or "—")
                   .replace("%3", fmt_int(e.confirmed_guests, lang))
                   .replace("%4", fmt_int(e.capacity, lang) if e.capacity else "—")),
            f"<b>{escape(agenda)}</b>",
        ]
        for s in e.sessions:
            start = s.starts_at.astimezone(e.local_start.tzinfo)
            end = s.ends_at.astimezone(e.local_start.tzinfo)
            lines.append(escape(f"{fmt_time(start)}–{fmt_time(end)}  {s.title_zh}  {s.room}"))
        self.summary.setText("<br>".join(lines))

    def new_record(self) -> QWidget:
        return self.editors.open_event(None)

    def edit_selected(self) -> QWidget | None:
        row = self.selected_row()
        return self.editors.open_event(row.id) if row else None

    def delete_selected(self) -> None:
        rows: list[EventRow] = self.selected_rows()
        if not rows or any(self.refused(ThemedEvent, r.id) for r in rows):
            return
        with self.ctx.sessions() as session:
            found = [event_deletion(session, r.id) for r in rows]
        if not dialogs.confirm_delete(self, self.tr("Delete events"),
                                      dialogs.event_deletion_text(found, self.lang)):
            return
        stack = self.ctx.undo_stack
        if len(rows) > 1:
            stack.beginMacro(self.tr("Delete %n event(s)", "", len(rows)))
        for r in rows:
            if not save(self.ctx, DeleteEvent(self.ctx, r.code), self.messages):
                break
        if len(rows) > 1:
            stack.endMacro()

    def duplicate_selected(self) -> FormDialog | None:
        row: EventRow | None = self.selected_row()
        if row is None or self.refused(ThemedEvent, row.id):
            return None
        dialog = MoveDialog(row.code, self.lang, self)
        dialog.setWindowTitle(self.tr("Duplicate %1").replace("%1", row.code))
        dialog.accept_with = lambda d: save(
            self.ctx, DuplicateEvent(self.ctx, row.code, dialog.days.value()), d)
        dialog.open()
        return dialog

    def cancel_selected(self) -> FormDialog | None:
        row: EventRow | None = self.selected_row()
        if row is None or self.refused(ThemedEvent, row.id):
            return None
        dialog = ReasonDialog(row.code, self.lang, self)
        dialog.accept_with = lambda d: save(self.ctx, CancelEvent(self.ctx, row.code,
                                                                  dialog.text()), d)
        dialog.open()
        return dialog

    def move_selected(self) -> FormDialog | None:
        row: EventRow | None = self.selected_row()
        if row is None or self.refused(ThemedEvent, row.id):
            return None
        dialog = MoveDialog(row.code, self.lang, self)
        dialog.accept_with = lambda d: save(self.ctx, MoveEvent(self.ctx, row.code,
                                                                dialog.days.value()), d)
        dialog.open()
        return dialog

    def selected_codes(self) -> list[str]:
        return [r.code for r in self.selected_rows()]


def _kind_is(kind: EventKind) -> Callable[[EventRow], bool]:
    return lambda row: row.kind is kind


def _region_is(region_id: int) -> Callable[[EventRow], bool]:
    return lambda row: row.region is not None and row.region.id == region_id


def _status_is(status: EventStatus) -> Callable[[EventRow], bool]:
    return lambda row: row.status is status
