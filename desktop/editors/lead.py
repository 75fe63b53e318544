"""Editing one project (招商项目): every field, its source meeting and its stage history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.editors.base import EditorDialog
from desktop.editors.date_field import DateTimeField
from desktop.editors.form import EnumCombo, Form, IdCombo
from desktop.editors.own_unit import keep_to_own_unit, own_unit
from desktop.editors.stage_dialog import cny, yi_box
from desktop.formatting import pydate, qdate
from desktop.undo.base import PlannerCommand
from desktop.undo.leads import CreateLead, EditLead
from models import queries
from models.changes import RecordKind
from models.enums import LeadStage, PersonKind
from models.lookups import Lookups, load_lookups
from models.operations.leads import LeadDraft, get_lead, lead_draft
from models.record_types import RecordType
from models.rows import StageStep

NO_DATE = date(2000, 1, 1)  # the "—" of an optional date field


def optional_date_edit(parent: QWidget | None = None) -> DateTimeField:
    """A day field that may be left empty (shown as —)."""
    edit = DateTimeField(with_time=False, parent=parent)
    edit.setMinimumDate(qdate(NO_DATE))
    edit.setSpecialValueText("—")
    edit.setDate(qdate(NO_DATE))
    return edit


def optional_date(edit: QDateTimeEdit) -> date | None:
    value = pydate(edit.date())
    return None if value <= NO_DATE else value


def set_optional_date(edit: QDateTimeEdit, value: date | None) -> None:
    edit.setDate(qdate(value) if value else QDate(NO_DATE.year, NO_DATE.month, NO_DATE.day))


class LeadEditor(EditorDialog):
    record_type = RecordType.LEADS

    def __init__(self, ctx: AppContext, lead_id: int | None = None,
                 parent: QWidget | None = None, lookups: Lookups | None = None,
                 draft: LeadDraft | None = None) -> None:
        """``draft`` prefills a new project (e.g. one made from a meeting)."""
        super().__init__(ctx, parent)
        self.lead_id = lead_id
        self.revision = 0
        self.loaded = draft or LeadDraft("", 0, 0)
        unit = own_unit(ctx)
        if unit is not None and lead_id is None:  # a unit account credits its own unit
            self.loaded = replace(self.loaded, unit_id=unit)
        with ctx.sessions() as session:
            self.lookups = lookups or load_lookups(session)
            self.trips = queries.trip_refs(session)  # the pickers: codes and titles only
            self.events = queries.event_refs(session)
        self._build()
        self.reload()
        keep_to_own_unit(self.unit, unit, self.loaded.unit_id, lead_id is None)
        self.resize(820, 640)

    def _build(self) -> None:
        lang = self.lang
        page = QWidget()
        form = Form(self.errors, page)
        self.title_zh = QLineEdit()
        self.title_en = QLineEdit()
        self.organisation = IdCombo(((o.name(lang), o.id) for o in self.lookups.organisations),
                                    none_label=self.tr("(choose)"))
        self.industry = IdCombo(((i.name(lang), i.id) for i in self.lookups.industries),
                                none_label=self.tr("(none)"))
        self.unit = IdCombo(((u.name(lang), u.id) for u in self.lookups.units),
                            none_label=self.tr("(none)"))
        # city leaders first, then anyone (a project may name another leader)
        people = sorted(self.lookups.people, key=lambda p: p.kind is not PersonKind.CITY_LEADER)
        self.leader = IdCombo(((f"{p.name(lang)}  {p.title(lang)}".strip(), p.id)
                               for p in people), none_label=self.tr("(none)"))
        self.leader.setToolTip(self.tr("The city leader linked to the project (挂点领导)"))
        self.amount = yi_box(0)
        self.stage = EnumCombo(LeadStage, lang)
        self.stage_reason = QLineEdit()
        self.stage_reason.setPlaceholderText(
            self.tr("Why the project goes back (needed after funds in)"))
        self.first_contact = optional_date_edit()
        self.signed_on = optional_date_edit()
        self.funds = yi_box(0)
        self.source_trip = IdCombo(((f"{t.code}  {t.name(lang)}", t.id) for t in self.trips),
                                   none_label=self.tr("(none)"))
        self.source_event = IdCombo(((f"{e.code}  {e.name(lang)}", e.id) for e in self.events),
                                    none_label=self.tr("(none)"))
        self.meeting = QLineEdit()
        self.meeting.setReadOnly(True)
        self.notes = QPlainTextEdit()
        form.field(self.tr("Project (Chinese)"), self.title_zh, "title_zh")
        form.field(self.tr("Project (English)"), self.title_en, "title_en")
        form.field(self.tr("Organisation"), self.organisation, "organisation_id")
        form.field(self.tr("Industry"), self.industry, "industry_id")
        form.field(self.tr("Credited unit"), self.unit, "unit_id")
        form.field(self.tr("Linked city leader"), self.leader, "leader_id")
        form.field(self.tr("Amount"), self.amount, "amount_cny")
        form.field(self.tr("Stage"), self.stage, "stage")
        form.field(self.tr("Reason for the stage change"), self.stage_reason, "stage_reason")
        form.field(self.tr("First contact"), self.first_contact, "first_contact_on")
        form.field(self.tr("Signed on"), self.signed_on, "signed_on")
        form.field(self.tr("Funds received"), self.funds, "funds_in_cny")
        form.field(self.tr("Source trip"), self.source_trip, "source_trip_id")
        form.field(self.tr("Source event"), self.source_event, "source_event_id")
        form.field(self.tr("Source meeting"), self.meeting, "source_item_id",
                   "source_session_id")
        form.field(self.tr("Notes"), self.notes, "notes")
        self.tabs.addTab(page, self.tr("Project"))
        history = QWidget()
        self.history = QTreeWidget(history)
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("Date"), self.tr("Stage"), self.tr("By"),
                                      self.tr("Reason")])
        layout = QVBoxLayout(history)
        layout.addWidget(self.history)
        self.history_tab = self.tabs.addTab(history, self.tr("Stage history"))

    def reload(self) -> None:
        if self.lead_id is not None:
            with self.ctx.sessions() as session:
                row = queries.get_lead_row(session, self.lead_id)
                self.revision = row.revision
                self.loaded = lead_draft(session, self.lead_id)
            self.heading.setText(self.tr("Project %1: %2").replace("%1", row.code)
                                 .replace("%2", row.title(self.lang)))
            self.meeting.setText(row.source_meeting)
        else:
            self.heading.setText(self.tr("New project"))
            self.meeting.setText(self._meeting_title(self.loaded))
        self._show(self.loaded)
        self._show_history(self.loaded.history)

    def _meeting_title(self, d: LeadDraft) -> str:
        if d.source_item_id is None and d.source_session_id is None:
            return ""
        with self.ctx.sessions() as session:
            if d.source_trip_id is not None and d.source_item_id is not None:
                trip = queries.trip_detail(session, d.source_trip_id)
                return next((i.title_zh for i in trip.items if i.id == d.source_item_id), "")
            if d.source_event_id is not None:
                event = queries.event_detail(session, d.source_event_id)
                return next((s.title_zh for s in event.sessions
                             if s.id == d.source_session_id), "")
        return ""

    def _show_history(self, steps: tuple[StageStep, ...]) -> None:
        self.history.clear()
        for h in steps:
            QTreeWidgetItem(self.history, [h.on.isoformat(), h.stage.label(self.lang), h.by,
                                           h.reason])
        for n in range(4):
            self.history.resizeColumnToContents(n)
        self.tabs.setTabEnabled(self.history_tab, bool(steps))

    def _show(self, d: LeadDraft) -> None:
        self.title_zh.setText(d.title_zh)
        self.title_en.setText(d.title_en)
        self.organisation.set_value(d.organisation_id or None)
        self.industry.set_value(d.industry_id)
        self.unit.set_value(d.unit_id)
        self.leader.set_value(d.leader_id)
        self.amount.setValue(d.amount_cny / 100_000_000)
        self.stage.set_value(d.stage)
        self.stage_reason.clear()
        set_optional_date(self.first_contact, d.first_contact_on)
        set_optional_date(self.signed_on, d.signed_on)
        self.funds.setValue(d.funds_in_cny / 100_000_000)
        self.source_trip.set_value(d.source_trip_id)
        self.source_event.set_value(d.source_event_id)
        self.notes.setPlainText(d.notes)

    def draft(self) -> LeadDraft:
        return replace(
            self.loaded, title_zh=self.title_zh.text(), title_en=self.title_en.text(),
            organisation_id=self.organisation.value() or 0, industry_id=self.industry.value(),
            unit_id=self.unit.value(), leader_id=self.leader.value(),
            amount_cny=cny(self.amount), stage=self.stage.value(),
            stage_reason=self.stage_reason.text(),
            first_contact_on=optional_date(self.first_contact),
            signed_on=optional_date(self.signed_on), funds_in_cny=cny(self.funds),
            source_trip_id=self.source_trip.value(), source_event_id=self.source_event.value(),
            notes=self.notes.toPlainText(),
        )

    def is_dirty(self) -> bool:
        return self.draft() != self.loaded

    def build_command(self) -> PlannerCommand | None:
        draft = self.draft()
        if self.lead_id is None:
            return CreateLead(self.ctx, draft)
        if draft == self.loaded:
            return None
        return EditLead(self.ctx, self.loaded, draft, self.revision)

    def after_save(self, command: PlannerCommand) -> None:
        if self.lead_id is None:
            self.lead_id = min(command.changes.ids_of(RecordKind.LEAD))
        self.reload()

    def record_id(self) -> int | None:
        return self.lead_id

    def read_stored(self, session: Session, record_id: int) -> tuple[Any, int]:
        return lead_draft(session, record_id), get_lead(session, record_id).revision

    def copy_command(self, theirs: LeadDraft) -> PlannerCommand:
        return CreateLead(self.ctx, replace(theirs, uuid=None, code=None, history=(),
                                            title_zh=f"{theirs.title_zh}（副本）"))
