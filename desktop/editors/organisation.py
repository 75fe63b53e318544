"""Editing one organisation, with its history: trips, events, leads and HQ visits."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.editors.code_fields import CountryCombo
from desktop.editors.directory import DirectoryEditor
from desktop.editors.form import EnumCombo, Form, IdCombo
from desktop.history.tree import HistoryTree
from desktop.undo.base import PlannerCommand
from desktop.undo.directory import CreateOrganisation, EditOrganisation
from models import queries
from models.changes import RecordKind
from models.enums import OrganisationKind
from models.operations.directory import OrganisationDraft, organisation_draft
from models.organisation_history import organisation_history
from models.record_types import RecordType
from models.wording import YI


def rank_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 500)
    box.setSpecialValueText("—")
    return box


class OrganisationEditor(DirectoryEditor):
    record_kind = RecordKind.ORGANISATION

    def __init__(self, ctx: AppContext, org_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, org_id, OrganisationDraft(""), parent)
        with ctx.sessions() as session:
            self.industries = queries.industries(session)
        self._build()
        self.reload()
        self.resize(900, 660)

    def _build(self) -> None:
        lang = self.lang
        page = QWidget()
        form = Form(self.errors, page)
        self.name_zh = QLineEdit()
        self.name_en = QLineEdit()
        self.kind = EnumCombo(OrganisationKind, lang)
        self.industry = IdCombo(((i.name(lang), i.id) for i in self.industries),
                                none_label=self.tr("(none)"))
        self.fortune = rank_box()
        self.china500 = rank_box()
        self.hq_city = QLineEdit()
        self.hq_country = CountryCombo(lang, self.tr("(none)"))
        self.website = QLineEdit()
        self.talking_points = QPlainTextEdit()
        self.notes = QPlainTextEdit()
        form.field(self.tr("Name (Chinese)"), self.name_zh, "name_zh")
        form.field(self.tr("Name (English)"), self.name_en, "name_en")
        form.field(self.tr("Kind"), self.kind, "kind")
        form.field(self.tr("Industry"), self.industry, "industry_id")
        form.field(self.tr("Fortune Global 500 rank"), self.fortune, "fortune_global_500_rank")
        form.field(self.tr("China Top 500 rank"), self.china500, "china_top_500_rank")
        form.field(self.tr("Headquarters city"), self.hq_city, "hq_city")
        form.field(self.tr("Headquarters country"), self.hq_country, "hq_country")
        form.field(self.tr("Website"), self.website, "website")
        form.field(self.tr("Talking points"), self.talking_points, "talking_points")
        form.field(self.tr("Notes"), self.notes, "notes")
        self.tabs.addTab(page, self.tr("Organisation"))
        self._build_dossier()
        history = QWidget()
        self.history = HistoryTree(self.lang, history)
        layout = QVBoxLayout(history)
        layout.addWidget(self.history)
        self.history_tab = self.tabs.addTab(history, self.tr("History"))

    def reload(self) -> None:
        org_id = self.record_id()
        if org_id is not None:
            with self.ctx.sessions() as session:
                row = queries.get_organisation(session, org_id)
                self.loaded = organisation_draft(session, org_id)
                history = organisation_history(session, org_id)
            self.revision = row.revision
            self.heading.setText(self.tr("Organisation: %1").replace(
                "%1", self.lang.pick(row.name_zh, row.name_en)))
            self.history.show_history(history, row.contacts)
            self.tabs.setTabEnabled(self.history_tab, True)
        else:
            self.heading.setText(self.tr("New organisation"))
            self.tabs.setTabEnabled(self.history_tab, False)
        self._show(self.loaded)

    def _show(self, d: OrganisationDraft) -> None:
        self.name_zh.setText(d.name_zh)
        self.name_en.setText(d.name_en)
        self.kind.set_value(d.kind)
        self.industry.set_value(d.industry_id)
        self.fortune.setValue(d.fortune_global_500_rank or 0)
        self.china500.setValue(d.china_top_500_rank or 0)
        self.hq_city.setText(d.hq_city)
        self.hq_country.set_code(d.hq_country)
        self.website.setText(d.website)
        self.talking_points.setPlainText(d.talking_points)
        self.notes.setPlainText(d.notes)
        self._show_dossier(d)

    def _build_dossier(self) -> None:
        """What the briefs print about the organisation beyond the directory's facts."""
        page = QWidget()
        form = Form(self.errors, page)
        self.business = QPlainTextEdit()
        self.business.setMaximumHeight(70)
        self.revenue = QDoubleSpinBox()
        self.revenue.setRange(0, 1_000_000)
        self.revenue.setDecimals(2)
        self.revenue.setSuffix(self.tr(" × 100 million CNY"))
        self.revenue.setSpecialValueText(self.tr("(not known)"))
        self.employees = QSpinBox()
        self.employees.setRange(0, 10_000_000)
        self.employees.setGroupSeparatorShown(True)
        self.employees.setSpecialValueText(self.tr("(not known)"))
        self.china_presence = QPlainTextEdit()
        self.china_presence.setMaximumHeight(70)
        self.gba_presence = QPlainTextEdit()
        self.gba_presence.setMaximumHeight(70)
        form.field(self.tr("Business"), self.business, "business")
        form.field(self.tr("Revenue"), self.revenue, "revenue_cny")
        form.field(self.tr("Employees"), self.employees, "employees")
        form.field(self.tr("Presence in China"), self.china_presence, "china_presence")
        form.field(self.tr("Presence in the Greater Bay Area"), self.gba_presence,
                   "gba_presence")
        self.tabs.addTab(page, self.tr("Dossier"))

    def _show_dossier(self, d: OrganisationDraft) -> None:
        self.business.setPlainText(d.business)
        self.revenue.setValue((d.revenue_cny or 0) / YI)
        self.employees.setValue(d.employees or 0)
        self.china_presence.setPlainText(d.china_presence)
        self.gba_presence.setPlainText(d.gba_presence)

    def draft(self) -> OrganisationDraft:
        return replace(
            self.loaded, name_zh=self.name_zh.text(), name_en=self.name_en.text(),
            kind=self.kind.value(), industry_id=self.industry.value(),
            fortune_global_500_rank=self.fortune.value() or None,
            china_top_500_rank=self.china500.value() or None, hq_city=self.hq_city.text(),
            hq_country=self.hq_country.code(), website=self.website.text(),
            talking_points=self.talking_points.toPlainText(), notes=self.notes.toPlainText(),
            business=self.business.toPlainText(),
            revenue_cny=round(self.revenue.value() * YI) or None,
            employees=self.employees.value() or None,
            china_presence=self.china_presence.toPlainText(),
            gba_presence=self.gba_presence.toPlainText(),
        )

    def create_command(self, draft: OrganisationDraft) -> PlannerCommand:
        return CreateOrganisation(self.ctx, draft)

    def edit_command(self, draft: OrganisationDraft) -> PlannerCommand:
        return EditOrganisation(self.ctx, self.loaded, draft, self.revision)

    record_type = RecordType.ORGANISATIONS

    def read_stored(self, session: Session, record_id: int) -> tuple[Any, int]:
        revision = queries.get_organisation(session, record_id).revision
        return organisation_draft(session, record_id), revision

    def copy_command(self, theirs: OrganisationDraft) -> PlannerCommand:
        """Names are unique: the copy is named "…（副本）"."""
        return CreateOrganisation(self.ctx, replace(theirs, uuid=None,
                                                    name_zh=f"{theirs.name_zh}（副本）"))
