"""Editing a promotion trip: every field, its delegation, destinations, targets and itinerary.

The itinerary is edited in memory; Save writes the whole trip in one transaction (one undo
step). Conflicts found by ``models.conflicts`` are shown beside the fields they concern.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.editors.base import EditorDialog, copy_titles
from desktop.editors.delegation_table import DelegationTable
from desktop.editors.form import (
    CheckList,
    EnumCombo,
    Form,
    IdCombo,
    button_row,
    date_edit,
    date_of,
    error_label,
    set_date,
)
from desktop.editors.form_dialog import FormDialog
from desktop.editors.item_dialog import ItemDialog
from desktop.editors.lead import LeadEditor
from desktop.editors.own_unit import keep_to_own_unit, own_unit
from desktop.editors.produced_projects import ProducedProjects
from desktop.editors.timed_rows import delete_row, put_row, rows_view, selected_row
from desktop.errors_text import describe
from desktop.lookups import city_choices, leader_choices, organisation_choices
from desktop.tables.itinerary import ItineraryTableModel
from desktop.undo.base import PlannerCommand
from desktop.undo.trips import CreateTrip, EditTrip
from desktop.worker import Progress, start_job
from models.changes import RecordKind
from models.checks import Conflict, run_checks
from models.enums import ItemKind, RegionKind, TripStatus
from models.errors import NotFoundError, PlannerError
from models.lookups import Lookups
from models.operations.items import ItemDraft
from models.operations.trips import TripDraft, delegation, trip_draft
from models.queries import current_campaign_row, get_trip, list_leads, loaded_trip
from models.record_types import RecordType
from models.row_builders import trip_detail_row
from models.rows import TripDetail
from models.tables import TRIP
from models.timeutil import BEIJING_TZ, at

log = logging.getLogger(__name__)

ITEM_FIELDS = ("items", "item", "starts_at", "ends_at", "timezone", "attendee_ids", "city_id",
               "organisation_id")


def new_trip_draft(lookups: Lookups, start: date) -> TripDraft:
    """Sensible defaults: an overseas region, a week from ``start``."""
    region = next((r for r in lookups.regions if r.kind is RegionKind.OVERSEAS),
                  lookups.regions[0] if lookups.regions else None)
    return TripDraft(title_zh="", region_id=region.id if region else 0, start_date=start,
                     end_date=start + timedelta(days=6), items=[])


def read_ahead(session: Session) -> None:
    """What :meth:`TripEditor.reload` reads, for the newest trip, then dropped: SQLAlchemy
    compiles the editor's statements once a process (~0.1 s), here on a worker thread
    (``Editors.read_ahead``) rather than on the window's when the first trip is opened."""
    with contextlib.suppress(NotFoundError):  # a database without a campaign yet
        current_campaign_row(session)  # every editor's year (``EditorDialog.campaign_year``)
    newest = session.scalar(select(func.max(TRIP.id)))
    if newest is not None:
        detail = trip_detail_row(loaded_trip(session, newest))
        trip_draft(session, newest)
        list_leads(session, source_trip_code=detail.code)  # its projects' tab


def open_findings(session: Session, code: str) -> list[Conflict]:
    """The trip's findings not acknowledged."""
    return [c for c in run_checks(session, trip_codes={code}) if c.is_open]



class TripEditor(EditorDialog):
    checked = Signal()  # the trip's findings are shown (read on a worker thread)

    def __init__(self, ctx: AppContext, trip_id: int | None = None,
                 parent: QWidget | None = None, today: date | None = None,
                 lookups: Lookups | None = None, day: date | None = None) -> None:
        """A new trip starts on ``day`` (the day clicked in the calendar) or on the next
        working day of the campaign's year seen from ``today``."""
        super().__init__(ctx, parent)
        self.checks_loading = False  # the trip's findings are being read on a worker thread
        self._checks_generation = 0
        self._just_saved = False  # reloading after its own save (its projects are shown)
        self.trip_id = trip_id
        self.revision = 0
        self.code = ""
        self.detail: TripDetail | None = None
        self.lookups = self.lookups_or_read(lookups)
        self.loaded = new_trip_draft(self.lookups, day or self.new_record_day(today))
        unit = own_unit(ctx)
        if unit is not None and trip_id is None:  # a unit account plans its own unit's trips
            self.loaded = replace(self.loaded, host_unit_id=unit)
        self._build()
        self.reload()
        keep_to_own_unit(self.host_unit, unit, self.loaded.host_unit_id, trip_id is None)
        self.resize(980, 720)

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self._build_general()
        self._build_delegation()
        self._build_destinations()
        self._build_itinerary()
        self._build_texts()
        self.projects = ProducedProjects(self.ctx, self)
        self.projects_tab = self.tabs.addTab(self.projects, self.tr("Projects"))

    def _build_general(self) -> None:
        lang = self.lang
        page = QWidget()
        form = Form(self.errors, page)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("assigned when saved, e.g. TRIP-2023-007"))
        self.title_zh = QLineEdit()
        self.title_en = QLineEdit()
        self.region = IdCombo((r.name(lang), r.id) for r in self.lookups.regions)
        self.start = date_edit(self.loaded.start_date)
        self.end = date_edit(self.loaded.end_date)
        self.days = QLabel()
        self.status = EnumCombo(TripStatus, lang)
        self.leader = IdCombo(leader_choices(self.lookups, lang),  # city leaders first
                              none_label=self.tr("(not decided)"))
        self.host_unit = IdCombo(((u.name(lang), u.id) for u in self.lookups.units),
                                 none_label=self.tr("(none)"))
        self.cancel_reason = QLineEdit()
        self.notes = QPlainTextEdit()
        form.field(self.tr("Code"), self.code_edit, "code")
        form.field(self.tr("Title (Chinese)"), self.title_zh, "title_zh")
        form.field(self.tr("Title (English)"), self.title_en, "title_en")
        form.field(self.tr("Region"), self.region, "region_id")
        form.field(self.tr("First day"), self.start, "start_date")
        form.field(self.tr("Last day"), self.end, "end_date")
        form.field("", self.days)
        form.field(self.tr("Status"), self.status, "status")
        form.field(self.tr("Cancellation reason"), self.cancel_reason, "cancel_reason")
        self.general_form = form
        self.status.currentIndexChanged.connect(self._show_cancel_reason)
        form.field(self.tr("Leader"), self.leader, "leader_id")
        form.field(self.tr("Responsible unit"), self.host_unit, "host_unit_id")
        form.field(self.tr("Notes"), self.notes, "notes")
        for signal in (self.start.dateChanged, self.end.dateChanged):
            signal.connect(self._update_days)
        self.start.dateChanged.connect(self._keep_length)
        self.tabs.addTab(page, self.tr("General"))

    def _build_delegation(self) -> None:
        page = QWidget()
        self.delegation = DelegationTable(self.lookups.people, self.lang, page)
        self.members_label = error_label(page)
        layout = QVBoxLayout(page)
        layout.addWidget(self.members_label)
        layout.addWidget(self.delegation, 1)
        self.errors.add("members", self.delegation, self.members_label)
        self.tabs.addTab(page, self.tr("Delegation"))

    def _build_destinations(self) -> None:
        lang = self.lang
        page = QWidget()
        self.cities = CheckList(city_choices(self.lookups, lang))
        self.industries = CheckList((i.name(lang), i.id) for i in self.lookups.industries)
        self.targets = CheckList(organisation_choices(self.lookups, lang))
        grid = QGridLayout(page)
        labels = (self.tr("Destination cities"), self.tr("Industries"),
                  self.tr("Target organisations"))
        widgets: tuple[CheckList, ...] = (self.cities, self.industries, self.targets)
        fields = ("city_ids", "industry_ids", "target_ids")
        for n, (label, widget, name) in enumerate(zip(labels, widgets, fields, strict=True)):
            grid.addWidget(QLabel(f"<b>{label}</b>"), 0, n)
            message = error_label(page)
            grid.addWidget(message, 1, n)
            grid.addWidget(widget, 2, n)
            self.errors.add(name, widget, message)
        grid.setRowStretch(2, 1)
        self.tabs.addTab(page, self.tr("Destinations && targets"))

    def _build_itinerary(self) -> None:
        page = QWidget()
        self.itinerary = ItineraryTableModel(self.lang, self.lookups, self)
        self.items_view = rows_view(self.itinerary, page, self.edit_item)
        self.items_label = error_label(page)
        hint = QLabel(self.tr("Times are entered in the local time of each place; Beijing time "
                              "is shown beside them."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6b7a;")
        buttons = button_row(page, (
            (self.tr("Add item…"), self.add_item),
            (self.tr("Edit item…"), self.edit_item),
            (self.tr("Duplicate item"), self.duplicate_item),
            (self.tr("Delete item"), self.delete_item),
            (self.tr("Project from this meeting…"), self.project_from_item)))
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.items_label)
        layout.addWidget(self.items_view, 1)
        layout.addLayout(buttons)
        self.errors.add("items", self.items_view, self.items_label, *ITEM_FIELDS[1:])
        self.tabs.addTab(page, self.tr("Itinerary"))

    def _build_texts(self) -> None:
        page = QWidget()
        form = Form(self.errors, page)
        self.purpose = QPlainTextEdit()
        self.key_messages = QPlainTextEdit()
        self.logistics = QPlainTextEdit()
        self.emergency = QPlainTextEdit()
        form.field(self.tr("Purpose"), self.purpose, "purpose")
        form.field(self.tr("Key messages"), self.key_messages, "key_messages")
        form.field(self.tr("Logistics"), self.logistics, "logistics")
        form.field(self.tr("Emergency contacts"), self.emergency, "emergency_contacts")
        self.tabs.addTab(page, self.tr("Brief"))

    # --- loading and showing -------------------------------------------------------------

    def reload(self) -> None:
        """The trip's fields at once; its checks' findings beside them when they are read (on
        a worker thread: checking a trip reads every trip of its months, longer than a frame
        at ten years of history; at once when ``ctx.background_loading`` is off)."""
        conflicts: list[Conflict] = []
        self._checks_generation += 1
        self.checks_loading = False
        if self.trip_id is not None:
            with self.ctx.sessions() as session:
                trip = loaded_trip(session, self.trip_id)  # held: the draft reads it again
                self.detail = trip_detail_row(trip)
                self.loaded = trip_draft(session, self.trip_id)
                del trip
                if not self.ctx.background_loading:
                    conflicts = open_findings(session, self.detail.code)
            self.revision = self.detail.revision
            self.code = self.detail.code
            self.heading.setText(f"{self.detail.code}  {self.detail.title(self.lang)}")
            self.setWindowTitle(self.tr("Trip %1").replace("%1", self.detail.code))
        else:
            self.heading.setText(self.tr("New promotion trip"))
            self.setWindowTitle(self.tr("New promotion trip"))
        self._show(self.loaded)
        self._show_conflicts(conflicts)
        self.projects.show_source(trip_code=self.code or None, again=not self._just_saved)
        self.tabs.setTabEnabled(self.projects_tab, self.trip_id is not None)
        if self.trip_id is not None and self.ctx.background_loading:
            self._read_checks(self.code)

    def _read_checks(self, code: str) -> None:
        """The trip's open findings, read on a worker thread; a newer load drops an older one.
        The job belongs to the window's context, not to this editor, which may be closed (and
        deleted) before it ends; its result comes to this editor only while it exists."""
        generation, sessions = self._checks_generation, self.ctx.sessions

        def work(_progress: Progress) -> tuple[int, list[Conflict] | Exception]:
            with sessions() as session:
                try:
                    return generation, open_findings(session, code)
                except PlannerError as exc:  # e.g. the trip was deleted meanwhile
                    return generation, exc
                except Exception as exc:  # the database could not be read: with its read's
                    log.warning("the trip's checks failed: %s", exc, exc_info=True)  # number,
                    return generation, exc  # so an older read's failure is dropped too

        self.checks_loading = True
        job = start_job(work, self.ctx)
        job.succeeded.connect(self._checks_read)
        job.failed.connect(self._checks_failed)

    def _checks_read(self, result: tuple[int, list[Conflict] | Exception]) -> None:
        generation, found = result
        if generation != self._checks_generation:
            return
        self.checks_loading = False
        if isinstance(found, Exception):
            self.errors.show_banner(describe(found, self.lang))
        else:
            self._show_conflicts(found, clear=False)
        self.checked.emit()

    def _checks_failed(self, exc: BaseException) -> None:
        """The read ended without an answer (logged by the worker): said in the banner."""
        self.checks_loading = False
        self.errors.show_banner(describe(exc, self.lang))
        self.checked.emit()

    def project_from_item(self) -> LeadEditor | None:
        """A new project prefilled from the selected (saved) itinerary item."""
        n = selected_row(self.items_view)
        if n < 0:
            self.show_problem(self.tr("Select a meeting in the itinerary first."), False)
            return None
        row = self.itinerary.row_at(n)
        return self.run_showing_problem(lambda: self.projects.from_meeting(
            item_uuid=row.uuid or "", title=row.title_zh))

    def _show_cancel_reason(self) -> None:
        """The reason is asked for and shown only while the status is 已取消."""
        self.general_form.show_row(self.cancel_reason, self.status.value() == TripStatus.CANCELLED)

    def _show(self, d: TripDraft) -> None:
        self.code_edit.setText(d.code or "")
        self.title_zh.setText(d.title_zh)
        self.title_en.setText(d.title_en)
        self.region.set_value(d.region_id)
        self.start.blockSignals(True)
        set_date(self.start, d.start_date)
        self.start.blockSignals(False)
        set_date(self.end, d.end_date)
        self._update_days()
        self.status.set_value(d.status)
        self.cancel_reason.setText(d.cancel_reason)
        self._show_cancel_reason()
        self.leader.set_value(d.leader_id)
        self.host_unit.set_value(d.host_unit_id)
        self.notes.setPlainText(d.notes)
        self.delegation.set_members(list(d.members))
        self.cities.set_values(d.city_ids)
        self.industries.set_values(d.industry_ids)
        self.targets.set_values(d.target_ids)
        self.itinerary.set_rows([replace(i) for i in d.items or []])
        self.purpose.setPlainText(d.purpose)
        self.key_messages.setPlainText(d.key_messages)
        self.logistics.setPlainText(d.logistics)
        self.emergency.setPlainText(d.emergency_contacts)

    def _show_conflicts(self, conflicts: list[Conflict], clear: bool = True) -> None:
        """The findings beside their fields and items; ``clear=False`` keeps what is shown
        (findings read on a worker thread arrive after the user may have seen an error)."""
        if clear:
            self.clear_errors()
        uuids = {i.id: i.uuid for i in self.detail.items} if self.detail else {}
        shown = self.itinerary.warnings
        self.itinerary.warnings = {}
        trip_id = self.detail.id if self.detail else -1
        for c in conflicts:
            self.warn_finding(c, RecordKind.TRIP, trip_id)
            items: list[int | None] = [x.id for x in c.concerns if x.kind is RecordKind.ITEM]
            items = items or [c.item_id]
            for item_id in items:
                if item_id in uuids:
                    known = self.itinerary.warnings.get(uuids[item_id])
                    self.itinerary.warnings[uuids[item_id]] = (
                        f"{known}\n{c.text(self.lang)}" if known else c.text(self.lang))
        if shown or self.itinerary.warnings:  # the rows' colours and tooltips change
            self.itinerary.set_rows(self.itinerary.rows())
        self.conflicts = conflicts

    def _update_days(self) -> None:
        days = (date_of(self.end) - date_of(self.start)).days + 1
        self.days.setText(self.tr("%n day(s)", "", days) if days > 0 else "")

    def _keep_length(self) -> None:
        """Moving the first day keeps the trip's length."""
        length = self.loaded.end_date - self.loaded.start_date
        set_date(self.end, date_of(self.start) + length)

    # --- itinerary -------------------------------------------------------------------------

    def _members(self) -> list[tuple[str, int]]:
        people = {p.id: p for p in self.lookups.people}
        return [(people[pid].name(self.lang), pid) for pid in self.delegation.person_ids()
                if pid in people]

    def _new_item(self) -> ItemDraft:
        cities = [c for c in self.lookups.cities if c.id in self.cities.values()]
        zone = cities[0].timezone if cities else BEIJING_TZ
        day = date_of(self.start)
        leader = self.leader.value()
        return ItemDraft(kind=ItemKind.COMPANY_VISIT, title_zh="",
                         starts_at=at(day, "09:00", zone), ends_at=at(day, "10:30", zone),
                         timezone=zone, city_id=cities[0].id if cities else None,
                         attendee_ids=[leader] if leader in self.delegation.person_ids() else [])

    def _item_dialog(self, draft: ItemDraft, title: str, at_row: int) -> ItemDialog:
        dialog = ItemDialog(draft, self.lookups, self._members(), self.lang, title, self)

        def accept(d: FormDialog) -> bool:
            assert isinstance(d, ItemDialog)
            self._put_item(d.draft(), at_row)
            return True

        dialog.accept_with = accept
        dialog.open()
        return dialog

    def add_item(self) -> ItemDialog:
        return self._item_dialog(self._new_item(), self.tr("New itinerary item"), -1)

    def edit_item(self) -> ItemDialog | None:
        n = selected_row(self.items_view)
        if n < 0:
            return None
        return self._item_dialog(self.itinerary.row_at(n), self.tr("Itinerary item"), n)

    def _put_item(self, draft: ItemDraft, at_row: int) -> None:
        self.items_view.selectRow(put_row(self.itinerary, draft, at_row))

    def duplicate_item(self) -> None:
        n = selected_row(self.items_view)
        if n >= 0:
            self._put_item(replace(self.itinerary.row_at(n), uuid=None, outcome=""), -1)

    def delete_item(self) -> None:
        delete_row(self.itinerary, selected_row(self.items_view))

    # --- saving ----------------------------------------------------------------------------

    def draft(self) -> TripDraft:
        return replace(
            self.loaded, code=self.code_edit.text().strip() or None,
            title_zh=self.title_zh.text(), title_en=self.title_en.text(),
            region_id=self.region.value() or 0, start_date=date_of(self.start),
            end_date=date_of(self.end), status=self.status.value(),
            cancel_reason=self.cancel_reason.text(), leader_id=self.leader.value(),
            host_unit_id=self.host_unit.value(), notes=self.notes.toPlainText(),
            members=self.delegation.members(), city_ids=self.cities.values(),
            industry_ids=self.industries.values(), target_ids=self.targets.values(),
            items=self.itinerary.rows(), purpose=self.purpose.toPlainText(),
            key_messages=self.key_messages.toPlainText(), logistics=self.logistics.toPlainText(),
            emergency_contacts=self.emergency.toPlainText(),
        )

    def is_dirty(self) -> bool:
        return _comparable(self.draft()) != _comparable(self.loaded)

    def build_command(self) -> PlannerCommand | None:
        draft = self.draft()
        if self.trip_id is None:
            return CreateTrip(self.ctx, draft)
        if _comparable(draft) == _comparable(self.loaded):
            return None
        return EditTrip(self.ctx, self.code, self.loaded, draft, self.revision)

    def after_save(self, command: PlannerCommand) -> None:
        if self.trip_id is None:
            self.trip_id = min(command.changes.ids_of(RecordKind.TRIP))
        self._just_saved = True
        try:
            self.reload()
        finally:
            self._just_saved = False

    record_type = RecordType.TRIPS

    def record_id(self) -> int | None:
        return self.trip_id

    def read_stored(self, session: Session, record_id: int) -> tuple[Any, int]:
        return trip_draft(session, record_id), get_trip(session, record_id).revision

    def copy_command(self, theirs: TripDraft) -> PlannerCommand:
        title_zh, title_en = copy_titles(theirs.title_zh, theirs.title_en)
        copy = replace(theirs, code=None, uuid=None, status=TripStatus.DRAFT, cancel_reason="",
                       title_zh=title_zh, title_en=title_en,
                       items=[replace(i, uuid=None) for i in theirs.items or []])
        return CreateTrip(self.ctx, copy)


def _comparable(d: TripDraft) -> TripDraft:
    """As the model stores it: the leader always in the delegation, id sets unordered."""
    return replace(d, members=delegation(d), code=d.code or None, city_ids=sorted(d.city_ids),
                   industry_ids=sorted(d.industry_ids), target_ids=sorted(d.target_ids))
