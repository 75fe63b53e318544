"""Editing one responsible unit (责任单位): its Chinese and English names and its kind."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.editors.base import Stored
from desktop.editors.directory import DirectoryEditor
from desktop.editors.form import EnumCombo, Form
from desktop.undo.base import PlannerCommand
from desktop.undo.directory import CreateUnit, EditUnit
from models.changes import RecordKind
from models.enums import UnitKind
from models.operations.directory import UnitDraft, unit_draft


class UnitEditor(DirectoryEditor):
    record_kind = RecordKind.UNIT

    def __init__(self, ctx: AppContext, unit_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, unit_id, UnitDraft(""), parent)
        self._build()
        self.reload()
        self.resize(480, 260)

    def _build(self) -> None:
        page = QWidget()
        form = Form(self.errors, page)
        self.name_zh = QLineEdit()
        self.name_en = QLineEdit()
        self.kind = EnumCombo(UnitKind, self.lang)
        form.field(self.tr("Name (Chinese)"), self.name_zh, "name_zh")
        form.field(self.tr("Name (English)"), self.name_en, "name_en")
        form.field(self.tr("Kind"), self.kind, "kind")
        self.tabs.addTab(page, self.tr("Unit"))
        self.tabs.tabBar().hide()

    def reload(self) -> None:
        unit_id = self.record_id()
        if unit_id is not None:
            with self.ctx.sessions() as session:
                self.loaded = unit_draft(session, unit_id)
            self.heading.setText(self.tr("Unit: %1").replace("%1", self.loaded.name_zh))
        else:
            self.heading.setText(self.tr("New unit"))
        self._show(self.loaded)

    def _show(self, d: UnitDraft) -> None:
        self.name_zh.setText(d.name_zh)
        self.name_en.setText(d.name_en)
        self.kind.set_value(d.kind)

    def draft(self) -> UnitDraft:
        return replace(self.loaded, name_zh=self.name_zh.text(), name_en=self.name_en.text(),
                       kind=self.kind.value())

    def create_command(self, draft: UnitDraft) -> PlannerCommand:
        return CreateUnit(self.ctx, draft)

    def edit_command(self, draft: UnitDraft) -> PlannerCommand:
        return EditUnit(self.ctx, self.loaded, draft)

    # A unit has no revision: saves are never refused as concurrent, but the editor still
    # answers the questions the conflict dialog would ask.

    def read_stored(self, session: Session, record_id: int) -> tuple[Any, int]:
        return unit_draft(session, record_id), 0  # units carry no revision

    def adopt(self, stored: Stored) -> None:
        self.loaded = stored.draft

    def copy_command(self, theirs: UnitDraft) -> PlannerCommand:
        return CreateUnit(self.ctx, theirs)
