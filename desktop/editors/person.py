"""Editing one person of the directory: names, kind, position, unit or organisation, contact."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.editors.code_fields import LanguagesEdit
from desktop.editors.date_field import DateTimeField
from desktop.editors.directory import DirectoryEditor
from desktop.editors.form import EnumCombo, Form, IdCombo
from desktop.pages.steering import SteeringPanel
from desktop.undo.base import PlannerCommand
from desktop.undo.directory import CreatePerson, EditPerson
from models.changes import RecordKind
from models.enums import PersonKind
from models.lookups import Lookups
from models.operations.directory import PersonDraft, person_draft
from models.queries import get_person
from models.record_types import RecordType

NO_DATE = QDate(2000, 1, 1)  # the date edit's "not known"


class PersonEditor(DirectoryEditor):
    record_kind = RecordKind.PERSON

    def __init__(self, ctx: AppContext, person_id: int | None = None,
                 parent: QWidget | None = None, lookups: Lookups | None = None) -> None:
        super().__init__(ctx, person_id, PersonDraft(""), parent)
        self.lookups = self.lookups_or_read(lookups)
        self._build()
        self.steering: SteeringPanel | None = None
        if person_id is not None:  # what the person steers: projects, trips, visits
            self.steering = SteeringPanel(ctx, person_id=person_id)
            self.steering_tab = self.tabs.addTab(self.steering,
                                                 self.tr("Projects, trips && visits"))
        self.reload()
        self.resize(720, 560)

    def _build(self) -> None:
        lang = self.lang
        page = QWidget()
        form = Form(self.errors, page)
        self.name_zh = QLineEdit()
        self.name_en = QLineEdit()
        self.kind = EnumCombo(PersonKind, lang)
        self.title_zh = QLineEdit()
        self.title_en = QLineEdit()
        self.unit = IdCombo(((u.name(lang), u.id) for u in self.lookups.units),
                            none_label=self.tr("(none)"))
        self.organisation = IdCombo(((o.name(lang), o.id) for o in self.lookups.organisations),
                                    none_label=self.tr("(none)"))
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.languages = LanguagesEdit(lang)
        self.languages.setPlaceholderText(self.tr("e.g. Chinese, English"))
        self.notes = QPlainTextEdit()
        form.field(self.tr("Name (Chinese)"), self.name_zh, "name_zh")
        form.field(self.tr("Name (English)"), self.name_en, "name_en")
        form.field(self.tr("Kind"), self.kind, "kind")
        form.field(self.tr("Position (Chinese)"), self.title_zh, "title_zh")
        form.field(self.tr("Position (English)"), self.title_en, "title_en")
        form.field(self.tr("Responsible unit"), self.unit, "unit_id")
        form.field(self.tr("Organisation"), self.organisation, "organisation_id")
        form.field(self.tr("Phone"), self.phone, "phone")
        form.field(self.tr("E-mail"), self.email, "email")
        form.field(self.tr("Languages"), self.languages, "languages")
        form.field(self.tr("Notes"), self.notes, "notes")
        self.tabs.addTab(page, self.tr("Person"))
        self._build_travel()

    def _build_travel(self) -> None:
        """What a delegate abroad needs: a reachable number, documents, diet."""
        page = QWidget()
        form = Form(self.errors, page)
        self.mobile_abroad = QLineEdit()
        self.mobile_abroad.setPlaceholderText(self.tr("a number that works abroad"))
        self.passport_number = QLineEdit()
        self.passport_expires = DateTimeField(with_time=False)
        self.passport_expires.setMinimumDate(NO_DATE)
        self.passport_expires.setSpecialValueText(self.tr("(not known)"))
        self.visa_status = QLineEdit()
        self.visa_status.setPlaceholderText(self.tr("e.g. Schengen visa issued"))
        self.dietary = QLineEdit()
        self.dietary.setPlaceholderText(self.tr("e.g. halal, vegetarian, no spicy food"))
        form.field(self.tr("Mobile abroad"), self.mobile_abroad, "mobile_abroad")
        form.field(self.tr("Passport number"), self.passport_number, "passport_number")
        form.field(self.tr("Passport valid until"), self.passport_expires, "passport_expires")
        form.field(self.tr("Visa status"), self.visa_status, "visa_status")
        form.field(self.tr("Dietary needs"), self.dietary, "dietary")
        self.tabs.addTab(page, self.tr("Travel"))

    def reload(self) -> None:
        person_id = self.record_id()
        if person_id is not None:
            with self.ctx.sessions() as session:
                row = get_person(session, person_id)
                self.loaded = person_draft(session, person_id)
            self.revision = row.revision
            self.heading.setText(self.tr("Person: %1").replace(
                "%1", self.lang.pick(row.name_zh, row.name_en)))
        else:
            self.heading.setText(self.tr("New person"))
        self._show(self.loaded)

    def _show(self, d: PersonDraft) -> None:
        self.name_zh.setText(d.name_zh)
        self.name_en.setText(d.name_en)
        self.kind.set_value(d.kind)
        self.title_zh.setText(d.title_zh)
        self.title_en.setText(d.title_en)
        self.unit.set_value(d.unit_id)
        self.organisation.set_value(d.organisation_id)
        self.phone.setText(d.phone)
        self.email.setText(d.email)
        self.languages.set_codes(d.languages)
        self.notes.setPlainText(d.notes)
        self.mobile_abroad.setText(d.mobile_abroad)
        self.passport_number.setText(d.passport_number)
        expires = d.passport_expires
        self.passport_expires.setDate(QDate(expires.year, expires.month, expires.day)
                                      if expires else NO_DATE)
        self.visa_status.setText(d.visa_status)
        self.dietary.setText(d.dietary)

    def _expires(self) -> date | None:
        value = self.passport_expires.date()
        if value == NO_DATE:
            return None
        return date(value.year(), value.month(), value.day())

    def draft(self) -> PersonDraft:
        return replace(
            self.loaded, name_zh=self.name_zh.text(), name_en=self.name_en.text(),
            kind=self.kind.value(), title_zh=self.title_zh.text(), title_en=self.title_en.text(),
            unit_id=self.unit.value(), organisation_id=self.organisation.value(),
            phone=self.phone.text(), email=self.email.text(), languages=self.languages.codes(),
            notes=self.notes.toPlainText(), mobile_abroad=self.mobile_abroad.text(),
            passport_number=self.passport_number.text(), passport_expires=self._expires(),
            visa_status=self.visa_status.text(), dietary=self.dietary.text(),
        )

    def create_command(self, draft: PersonDraft) -> PlannerCommand:
        return CreatePerson(self.ctx, draft)

    def edit_command(self, draft: PersonDraft) -> PlannerCommand:
        return EditPerson(self.ctx, self.loaded, draft, self.revision)

    record_type = RecordType.PEOPLE

    def read_stored(self, session: Session, record_id: int) -> tuple[Any, int]:
        return person_draft(session, record_id), get_person(session, record_id).revision

    def copy_command(self, theirs: PersonDraft) -> PlannerCommand:
        return CreatePerson(self.ctx, replace(theirs, uuid=None))
