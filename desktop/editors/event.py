"""Editing a themed investment event: details, agenda sessions, invitations with RSVP."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.editors.base import EditorDialog, copy_titles
from desktop.editors.form import (
    CheckList,
    EnumCombo,
    Form,
    IdCombo,
    button_row,
    error_label,
    keep_duration,
)
from desktop.editors.form_dialog import FormDialog
from desktop.editors.invitation_table import InvitationTable
from desktop.editors.item_dialog import datetime_edit, to_qdatetime, wall_clock
from desktop.editors.lead import LeadEditor
from desktop.editors.own_unit import keep_to_own_unit, own_unit
from desktop.editors.produced_projects import ProducedProjects
from desktop.editors.run_of_show import RunOfShowTab
from desktop.editors.session_dialog import SessionDialog
from desktop.editors.timed_rows import delete_row, put_row, rows_view, selected_row
from desktop.editors.zone_combo import ZoneCombo
from desktop.formatting import fmt_datetime
from desktop.lookups import leader_choices
from desktop.tables.agenda import AgendaTableModel
from desktop.undo.base import PlannerCommand
from desktop.undo.events import CreateEvent, EditEvent
from models import rules
from models.changes import RecordKind
from models.checks import Conflict, run_checks
from models.enums import EventKind, EventStatus, RegionKind
from models.errors import ValidationError
from models.lookups import Lookups
from models.operations.events import EventDraft, SessionDraft, event_draft
from models.queries import event_detail, get_event
from models.record_types import RecordType
from models.timeutil import BEIJING, BEIJING_TZ, at, local_to_utc
from models.wording import place_name


def new_event_draft(lookups: Lookups, day: date, start: time | None = None) -> EventDraft:
    """A draft summit at home on ``day``, 09:00–17:30 local time (from ``start`` for an hour
    when given: a time slot double-clicked in the week view)."""
    home = next((c for c in lookups.cities for r in lookups.regions
                 if c.region_id == r.id and r.kind is RegionKind.LOCAL), None)
    zone = home.timezone if home else BEIJING_TZ
    begins, ends = at(day, "09:00", zone), at(day, "17:30", zone)
    if start is not None:
        begins = at(day, start.strftime("%H:%M"), zone)
        ends = begins + timedelta(hours=1)
    return EventDraft(kind=EventKind.INDUSTRY_SUMMIT, title_zh="",
                      starts_at=begins, ends_at=ends,
                      timezone=zone, city_id=home.id if home else None, sessions=[],
                      invitations=[], staff_posts=[], vip_seats=[], unit_duties=[])


class EventEditor(EditorDialog):
    def __init__(self, ctx: AppContext, event_id: int | None = None,
                 parent: QWidget | None = None, today: date | None = None,
                 lookups: Lookups | None = None, day: date | None = None,
                 at: time | None = None) -> None:
        """A new event is on ``day`` (the day clicked in the calendar; from ``at`` for an hour)
        or on the next working day of the campaign's year seen from ``today``."""
        super().__init__(ctx, parent)
        self.event_id = event_id
        self.revision = 0
        self.code = ""
        self.lookups = self.lookups_or_read(lookups)
        self.loaded = new_event_draft(self.lookups, day or self.new_record_day(today), at)
        unit = own_unit(ctx)
        if unit is not None and event_id is None:  # a unit account hosts its own unit's events
            self.loaded = replace(self.loaded, host_unit_id=unit)
        self._build()
        self.reload()
        keep_to_own_unit(self.host_unit, unit, self.loaded.host_unit_id, event_id is None)
        self.resize(980, 720)

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        lang = self.lang
        page = QWidget()
        form = Form(self.errors, page)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("assigned when saved, e.g. EVT-2023-012"))
        self.kind = EnumCombo(EventKind, lang)
        self.title_zh = QLineEdit()
        self.title_en = QLineEdit()
        self.status = EnumCombo(EventStatus, lang)
        self.cancel_reason = QLineEdit()
        self.city = IdCombo(((place_name(c.name(lang), c.country_code, lang), c.id)
                             for c in self.lookups.cities), none_label=self.tr("(no city)"))
        self.zone = ZoneCombo({c.timezone for c in self.lookups.cities} | {BEIJING_TZ}, lang)
        self.start = datetime_edit()
        self.end = datetime_edit()
        self.beijing = QLabel()
        self.beijing.setStyleSheet("color: #2c5d8a;")
        self.venue = QLineEdit()
        self.host_unit = IdCombo(((u.name(lang), u.id) for u in self.lookups.units),
                                 none_label=self.tr("(none)"))
        # name · position, as the trip's leader: two people of one name are told apart
        self.lead_person = IdCombo(leader_choices(self.lookups, lang),
                                   none_label=self.tr("(not decided)"))
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 100_000)
        self.capacity.setSpecialValueText(self.tr("not limited"))
        self.industries = CheckList((i.name(lang), i.id) for i in self.lookups.industries)
        self.industries.setMaximumHeight(150)
        form.field(self.tr("Code"), self.code_edit, "code")
        form.field(self.tr("Type"), self.kind, "kind")
        form.field(self.tr("Title (Chinese)"), self.title_zh, "title_zh")
        form.field(self.tr("Title (English)"), self.title_en, "title_en")
        form.field(self.tr("Status"), self.status, "status")
        form.field(self.tr("Cancellation reason"), self.cancel_reason, "cancel_reason")
        self.general_form = form
        self.status.currentIndexChanged.connect(self._show_cancel_reason)
        form.field(self.tr("City"), self.city, "city_id")
        form.field(self.tr("Time zone"), self.zone, "timezone")
        form.field(self.tr("Starts (local time)"), self.start, "starts_at")
        form.field(self.tr("Ends (local time)"), self.end, "ends_at")
        form.field(self.tr("Beijing time"), self.beijing)
        form.field(self.tr("Venue"), self.venue, "venue")
        form.field(self.tr("Host unit"), self.host_unit, "host_unit_id")
        form.field(self.tr("Lead person"), self.lead_person, "lead_person_id")
        form.field(self.tr("Capacity (seats)"), self.capacity, "capacity")
        form.field(self.tr("Industries"), self.industries, "industry_ids")
        self.tabs.addTab(page, self.tr("General"))
        self.city.currentIndexChanged.connect(self._city_changed)
        keep_duration(self.start, self.end)
        for signal in (self.start.dateTimeChanged, self.end.dateTimeChanged,
                       self.zone.currentTextChanged):
            signal.connect(self._update_beijing)
        self._build_agenda()
        self._build_invitations()
        self._build_run_of_show()
        self.projects_tab = self.tabs.addTab(self.projects, self.tr("Projects"))
        texts = QWidget()
        form = Form(self.errors, texts)
        self.description = QPlainTextEdit()
        self.responsibilities = QPlainTextEdit()
        self.notes = QPlainTextEdit()
        form.field(self.tr("Description"), self.description, "description")
        form.field(self.tr("Responsibilities"), self.responsibilities, "responsibilities")
        form.field(self.tr("Notes"), self.notes, "notes")
        self.tabs.addTab(texts, self.tr("Brief"))

    def _build_agenda(self) -> None:
        page = QWidget()
        self.agenda = AgendaTableModel(self.lang, self.lookups, self.loaded.timezone, self)
        self.agenda_view = rows_view(self.agenda, page, self.edit_session)
        label = error_label(page)
        buttons = button_row(page, (
            (self.tr("Add session…"), self.add_session),
            (self.tr("Edit session…"), self.edit_session),
            (self.tr("Delete session"), self.delete_session),
            (self.tr("Project from this meeting…"), self.project_from_session)))
        layout = QVBoxLayout(page)
        layout.addWidget(label)
        layout.addWidget(self.agenda_view, 1)
        layout.addLayout(buttons)
        self.errors.add("sessions", self.agenda_view, label)
        self.tabs.addTab(page, self.tr("Agenda"))
        self.projects = ProducedProjects(self.ctx, self)

    def _build_invitations(self) -> None:
        page = QWidget()
        self.invitations = InvitationTable(self.lookups, self.lang, page)
        label = error_label(page)
        layout = QVBoxLayout(page)
        layout.addWidget(label)
        layout.addWidget(self.invitations, 1)
        self.errors.add("invitations", self.invitations, label, "guests", "organisation_id")
        self.capacity.valueChanged.connect(
            lambda v: self.invitations.set_capacity(v or None))
        self.tabs.addTab(page, self.tr("Invitations && RSVP"))

    def _build_run_of_show(self) -> None:
        self.run_of_show = RunOfShowTab(self.lookups, self.lang, self._zone_or_home,
                                        self._start_or_now, self)
        for key, table in (("staff_posts", self.run_of_show.posts),
                           ("vip_seats", self.run_of_show.vips),
                           ("unit_duties", self.run_of_show.duties)):
            self.errors.add(key, table, self.run_of_show.labels[key])
        self.tabs.addTab(self.run_of_show, self.tr("Run-of-show"))

    def _zone_or_home(self) -> str:
        try:
            return rules.timezone_name("timezone", self.zone.zone())
        except ValidationError:
            return self.loaded.timezone

    def _start_or_now(self) -> datetime:
        try:
            return self._times()[1]
        except ValidationError:
            return self.loaded.starts_at

    # --- loading and showing -------------------------------------------------------------

    def reload(self) -> None:
        conflicts: list[Conflict] = []
        if self.event_id is not None:
            with self.ctx.sessions() as session:
                detail = event_detail(session, self.event_id)
                self.loaded = event_draft(session, self.event_id)
                conflicts = [c for c in run_checks(session, event_codes={detail.code})
                             if c.is_open]
            self.revision = detail.revision
            self.code = detail.code
            self.heading.setText(f"{detail.code}  {detail.title(self.lang)}")
            self.setWindowTitle(self.tr("Event %1").replace("%1", detail.code))
        else:
            self.heading.setText(self.tr("New themed event"))
            self.setWindowTitle(self.tr("New themed event"))
        self._show(self.loaded)
        self.projects.show_source(event_code=self.code or None)
        self.tabs.setTabEnabled(self.projects_tab, self.event_id is not None)
        self.clear_errors()
        for c in conflicts:
            self.warn_finding(c, RecordKind.EVENT, self.event_id or -1)

    def _show_cancel_reason(self) -> None:
        """The reason is asked for and shown only while the status is 已取消."""
        self.general_form.show_row(self.cancel_reason, self.status.value() == EventStatus.CANCELLED)

    def _show(self, d: EventDraft) -> None:
        zone = ZoneInfo(d.timezone)
        self.code_edit.setText(d.code or "")
        self.kind.set_value(d.kind)
        self.title_zh.setText(d.title_zh)
        self.title_en.setText(d.title_en)
        self.status.set_value(d.status)
        self.cancel_reason.setText(d.cancel_reason)
        self._show_cancel_reason()
        self.city.blockSignals(True)
        self.city.set_value(d.city_id)
        self.city.blockSignals(False)
        self.zone.set_zone(d.timezone)
        self.start.setDateTime(to_qdatetime(d.starts_at.astimezone(zone)))
        self.end.setDateTime(to_qdatetime(d.ends_at.astimezone(zone)))
        self.venue.setText(d.venue)
        self.host_unit.set_value(d.host_unit_id)
        self.lead_person.set_value(d.lead_person_id)
        self.capacity.setValue(d.capacity or 0)
        self.industries.set_values(d.industry_ids)
        self.agenda.zone = d.timezone
        self.agenda.set_rows(list(d.sessions or []))
        self.invitations.set_invitations(list(d.invitations or []))
        self.invitations.set_capacity(d.capacity)
        self.run_of_show.posts.set_values(list(d.staff_posts or []))
        self.run_of_show.vips.set_values(list(d.vip_seats or []))
        self.run_of_show.duties.set_values(list(d.unit_duties or []))
        self.description.setPlainText(d.description)
        self.responsibilities.setPlainText(d.responsibilities)
        self.notes.setPlainText(d.notes)
        self._update_beijing()

    def _city_changed(self) -> None:
        city = self.lookups.city(self.city.value())
        if city is not None:
            self.zone.set_zone(city.timezone)

    def _times(self) -> tuple[str, datetime, datetime]:
        zone = rules.timezone_name("timezone", self.zone.zone())
        return (zone, local_to_utc(wall_clock(self.start), zone, "starts_at"),
                local_to_utc(wall_clock(self.end), zone, "ends_at"))

    def _update_beijing(self) -> None:
        try:
            _zone, start, end = self._times()
        except ValidationError:
            self.beijing.setText(self.tr("(enter a valid time zone and times)"))
            return
        self.beijing.setText(f"{fmt_datetime(start.astimezone(BEIJING), self.lang)} – "
                             f"{fmt_datetime(end.astimezone(BEIJING), self.lang)}")

    # --- agenda ----------------------------------------------------------------------------

    def project_from_session(self) -> LeadEditor | None:
        """A new project prefilled from the selected (saved) agenda session."""
        n = selected_row(self.agenda_view)
        if n < 0:
            self.show_problem(self.tr("Select a session in the agenda first."), False)
            return None
        row = self.agenda.row_at(n)
        return self.run_showing_problem(lambda: self.projects.from_meeting(
            session_uuid=row.uuid or "", title=row.title_zh))

    def _session_dialog(self, draft: SessionDraft, title: str, at_row: int) -> SessionDialog:
        zone = rules.timezone_name("timezone", self.zone.zone())
        self.agenda.zone = zone
        dialog = SessionDialog(draft, zone, self.lookups, self.lang, title, self)

        def accept(d: FormDialog) -> bool:
            assert isinstance(d, SessionDialog)
            put_row(self.agenda, d.draft(), at_row)
            return True

        dialog.accept_with = accept
        dialog.open()
        return dialog

    def add_session(self) -> SessionDialog | None:
        try:
            _zone, start, _end = self._times()
        except ValidationError as exc:
            self.show_field_error(exc.field, exc.text(self.lang))
            return None
        last = self.agenda.rows()[-1].ends_at if self.agenda.rowCount() else start
        draft = SessionDraft("", last, last + timedelta(hours=1))
        return self._session_dialog(draft, self.tr("New agenda session"), -1)

    def edit_session(self) -> SessionDialog | None:
        n = selected_row(self.agenda_view)
        if n < 0:
            return None
        return self._session_dialog(self.agenda.row_at(n), self.tr("Agenda session"), n)

    def delete_session(self) -> None:
        delete_row(self.agenda, selected_row(self.agenda_view))

    # --- saving ----------------------------------------------------------------------------

    def draft(self) -> EventDraft:
        zone, start, end = self._times()
        return replace(
            self.loaded, code=self.code_edit.text().strip() or None, kind=self.kind.value(),
            title_zh=self.title_zh.text(), title_en=self.title_en.text(),
            status=self.status.value(), cancel_reason=self.cancel_reason.text(),
            city_id=self.city.value(), timezone=zone, starts_at=start, ends_at=end,
            venue=self.venue.text(), host_unit_id=self.host_unit.value(),
            lead_person_id=self.lead_person.value(), capacity=self.capacity.value() or None,
            industry_ids=self.industries.values(), sessions=self.agenda.rows(),
            invitations=self.invitations.invitations(),
            staff_posts=self.run_of_show.posts.values(),
            vip_seats=self.run_of_show.vips.values(),
            unit_duties=self.run_of_show.duties.values(),
            description=self.description.toPlainText(),
            responsibilities=self.responsibilities.toPlainText(), notes=self.notes.toPlainText(),
        )

    def is_dirty(self) -> bool:
        try:
            return _comparable(self.draft()) != _comparable(self.loaded)
        except ValidationError:
            return True

    def build_command(self) -> PlannerCommand | None:
        draft = self.draft()
        if self.event_id is None:
            return CreateEvent(self.ctx, draft)
        if _comparable(draft) == _comparable(self.loaded):
            return None
        return EditEvent(self.ctx, self.code, self.loaded, draft, self.revision)

    def after_save(self, command: PlannerCommand) -> None:
        if self.event_id is None:
            self.event_id = min(command.changes.ids_of(RecordKind.EVENT))
        self.reload()

    record_type = RecordType.THEMED_EVENTS

    def record_id(self) -> int | None:
        return self.event_id

    def read_stored(self, session: Session, record_id: int) -> tuple[Any, int]:
        return event_draft(session, record_id), get_event(session, record_id).revision

    def copy_command(self, theirs: EventDraft) -> PlannerCommand:
        title_zh, title_en = copy_titles(theirs.title_zh, theirs.title_en)
        copy = replace(theirs, code=None, uuid=None, status=EventStatus.DRAFT,
                       cancel_reason="", title_zh=title_zh, title_en=title_en,
                       sessions=[replace(x, uuid=None) for x in theirs.sessions or []])
        return CreateEvent(self.ctx, copy)


def _comparable(d: EventDraft) -> EventDraft:
    return replace(d, industry_ids=sorted(d.industry_ids), code=d.code or None)
