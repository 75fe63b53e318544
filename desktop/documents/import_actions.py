"""Imports from the File menu: a partner's calendar (.ics) and spreadsheets (.csv, .xlsx).

Both call the same packages as the command line (``calendars.import_ics``,
``spreadsheets.plan_import``/``apply_import``), off the UI thread, each write in one
transaction: a malformed file, a plan with errors or a cancelled question writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

import calendars
import spreadsheets
from desktop import dialogs
from desktop.context import AppContext
from desktop.errors_text import describe
from desktop.settings import AppSettings
from desktop.worker import Job, Progress, run_in_background
from models.changes import OpChanges, RecordKind
from models.enums import EventKind, ItemKind
from models.queries import event_refs, trip_refs
from models.rows import Ref
from spreadsheets.children import (
    ChildImportRefusedError,
    ChildKind,
    ChildPlan,
    apply_children,
    plan_children,
)

translate = QCoreApplication.translate

KIND_CHANGES = {"organisations": RecordKind.ORGANISATION, "people": RecordKind.PERSON,
                "leads": RecordKind.LEAD}


class _ImportDialog(QDialog):
    """The question before an import, and what the user was told after it."""

    def __init__(self, title: str, path: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.path = path
        self.owner = parent  # the window: progress and messages belong to it
        self.job: Job | None = None
        self.message = ""  # the last report or error shown
        self.box: QMessageBox | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(QLabel(translate("ImportActions", "File: %1").replace("%1", path.name)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.buttons)
        self.resize(460, 180)

    def tell(self, text: str, failed: bool = False) -> None:
        """Show the outcome without blocking the window."""
        self.message = text
        icon = QMessageBox.Icon.Warning if failed else QMessageBox.Icon.Information
        title = translate("ImportActions", "Import refused") if failed else self.windowTitle()
        self.box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.owner)
        self.box.open()


def _open_file(settings: AppSettings, parent: QWidget, title: str, filters: str) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(parent, title, settings.last_folder, filters)
    if not path:
        return None
    chosen = Path(path)
    settings.last_folder = str(chosen.parent)
    return chosen


# --- calendar (.ics) ---------------------------------------------------------------------------


class CalendarImportDialog(_ImportDialog):
    """Into which trip's itinerary the calendar goes, or as themed events, and the kind of an
    entry that suggests none. OK previews the import (nothing written: each entry with the
    kind chosen for it), a confirmation then imports it; both run with progress."""

    PREVIEW_LINES = 40

    def __init__(self, ctx: AppContext, path: Path, trips: list[Ref], selected: str | None,
                 parent: QWidget) -> None:
        super().__init__(self.tr("Import calendar"), path, parent)
        self.ctx = ctx
        self.report: calendars.IcsImportReport | None = None  # the preview
        self.applied = False
        self.into_trip = QRadioButton(self.tr("Into the itinerary of the trip:"))
        self.trip = QComboBox()
        for row in trips:
            self.trip.addItem(f"{row.code}  {row.name(ctx.lang)}", row.code)
        self.as_events = QRadioButton(self.tr("As themed events"))
        group = QButtonGroup(self)
        group.addButton(self.into_trip)
        group.addButton(self.as_events)
        index = self.trip.findData(selected) if selected else -1
        if index >= 0:
            self.trip.setCurrentIndex(index)
        self.default_kind = QComboBox()
        if trips:
            self.into_trip.setChecked(True)
        else:
            self.into_trip.setEnabled(False)
            self.trip.setEnabled(False)
            self.as_events.setChecked(True)
        self._fill_kinds()
        self.into_trip.toggled.connect(self.trip.setEnabled)
        self.into_trip.toggled.connect(self._fill_kinds)
        for widget in (self.into_trip, self.trip, self.as_events,
                       QLabel(self.tr("Kind of an entry whose categories and title suggest none:")),
                       self.default_kind):
            self.layout_.addWidget(widget)
        self.finish_layout()

    def _fill_kinds(self) -> None:
        kinds: list[ItemKind] | list[EventKind] = (
            list(EventKind) if self.as_events.isChecked() else list(ItemKind))
        default = EventKind.OTHER if self.as_events.isChecked() else ItemKind.COMPANY_VISIT
        self.default_kind.clear()
        for kind in kinds:
            self.default_kind.addItem(kind.label(self.ctx.lang), kind.value)
        self.default_kind.setCurrentIndex(self.default_kind.findData(default.value))

    def trip_code(self) -> str | None:
        return None if self.as_events.isChecked() else self.trip.currentData()

    def accept(self) -> None:
        super().accept()
        self.job = self._run(preview=True)

    def _run(self, preview: bool) -> Job:
        sessions, path, trip_code = self.ctx.sessions, self.path, self.trip_code()
        kind = self.default_kind.currentData()

        def work(progress: Progress) -> calendars.IcsImportReport:
            progress(0, 1)
            data = path.read_bytes()
            # the preview runs the whole import and rolls it back; the import is one transaction
            with sessions() if preview else sessions.begin() as session:
                return calendars.import_ics(session, data, trip_code=trip_code,
                                            as_events=trip_code is None, default_kind=kind,
                                            progress=progress)

        label = (self.tr("Checking the calendar…") if preview
                 else self.tr("Importing the calendar…"))
        return run_in_background(self.owner, label, work,
                                 self._previewed if preview else self._done, self._failed)

    def preview_text(self, report: calendars.IcsImportReport) -> str:
        lang = self.ctx.lang
        lines = [report.text(lang)]
        lines += [entry.text(lang) for entry in report.entries[: self.PREVIEW_LINES]]
        more = len(report.entries) - self.PREVIEW_LINES
        if more > 0:
            lines.append(self.tr("… and %n more", "", more))
        lines += report.notes[: self.PREVIEW_LINES]
        return "\n".join(lines)

    def _previewed(self, report: calendars.IcsImportReport) -> None:
        self.report = report
        if not report.entries and not report.deleted:
            self.tell("\n".join([report.text(self.ctx.lang), *report.notes]))
            return
        question = self.preview_text(report) + "\n\n" + self.tr("Import these entries now?")
        if not dialogs.confirm(self.owner, self.windowTitle(), question):
            self.message = self.tr("Import cancelled: nothing written.")
            return
        self.job = self._run(preview=False)

    def _done(self, report: calendars.IcsImportReport) -> None:
        self.applied = True
        lines = [report.text(self.ctx.lang), *report.notes]
        self.tell("\n".join(lines))
        if self.trip_code() is None:
            self.ctx.notify(OpChanges.of(RecordKind.EVENT) | OpChanges.of(RecordKind.SESSION))
        else:
            self.ctx.notify(OpChanges.of(RecordKind.TRIP) | OpChanges.of(RecordKind.ITEM))

    def _failed(self, exc: BaseException) -> None:
        self.tell(describe(exc, self.ctx.lang), failed=True)


def import_calendar(ctx: AppContext, settings: AppSettings, parent: QWidget,
                    selected_trip: str | None = None) -> CalendarImportDialog | None:
    """Pick an .ics file, then ask where it goes; OK imports it in the background."""
    path = _open_file(settings, parent, translate("ImportActions", "Import calendar"),
                      translate("ImportActions", "iCalendar files (*.ics);;All files (*)"))
    if path is None:
        return None
    with ctx.sessions() as session:
        trips = trip_refs(session)  # codes and titles: thousands at ten years
    dialog = CalendarImportDialog(ctx, path, trips, selected_trip, parent)
    dialog.open()
    return dialog


# --- spreadsheets (.csv, .xlsx) ----------------------------------------------------------------


class SheetImportDialog(_ImportDialog):
    """What the spreadsheet holds (directory records, or a trip's delegation or itinerary, or
    an event's invitations, with the trip or event); OK plans the import, a confirmation then
    applies it."""

    def __init__(self, ctx: AppContext, path: Path, parent: QWidget,
                 trips: Sequence[Ref] = (), events: Sequence[Ref] = ()) -> None:
        super().__init__(self.tr("Import spreadsheet"), path, parent)
        self.ctx = ctx
        self.plan: spreadsheets.ImportPlan | ChildPlan | None = None
        self.applied = False
        self.trips, self.events = list(trips), list(events)
        self.kind = QComboBox()
        for kind in spreadsheets.ImportKind:
            self.kind.addItem(self._kind_text(kind), kind.value)
        for child in ChildKind:
            if (self.trips if child is not ChildKind.INVITATIONS else self.events):
                self.kind.addItem(self._child_text(child), child.value)
        self.parent_label = QLabel()
        self.parent_record = QComboBox()
        self.layout_.addWidget(QLabel(self.tr("The rows are:")))
        self.layout_.addWidget(self.kind)
        self.layout_.addWidget(self.parent_label)
        self.layout_.addWidget(self.parent_record)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.finish_layout()

    def _kind_text(self, kind: spreadsheets.ImportKind) -> str:
        texts = {spreadsheets.ImportKind.ORGANISATIONS: self.tr("Organisations"),
                 spreadsheets.ImportKind.PEOPLE: self.tr("People"),
                 spreadsheets.ImportKind.LEADS: self.tr("Investment leads")}
        return texts[kind]

    def _child_text(self, kind: ChildKind) -> str:
        return {ChildKind.DELEGATION: self.tr("A trip's delegation"),
                ChildKind.ITINERARY: self.tr("A trip's itinerary"),
                ChildKind.INVITATIONS: self.tr("An event's invitations")}[kind]

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.parent_record.clear()
        records: Sequence[Ref] = ()
        if kind in (ChildKind.DELEGATION, ChildKind.ITINERARY):
            self.parent_label.setText(self.tr("Into the trip:"))
            records = self.trips
        elif kind == ChildKind.INVITATIONS:
            self.parent_label.setText(self.tr("Into the event:"))
            records = self.events
        for row in records:
            self.parent_record.addItem(f"{row.code}  {row.name(self.ctx.lang)}", row.code)
        self.parent_label.setVisible(bool(records))
        self.parent_record.setVisible(bool(records))

    def set_kind(self, kind: str, code: str | None = None) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))
        if code is not None:
            self.parent_record.setCurrentIndex(self.parent_record.findData(code))

    def accept(self) -> None:
        super().accept()
        self.job = self._plan()

    def _plan(self) -> Job:
        sessions, path, kind = self.ctx.sessions, self.path, self.kind.currentData()
        code = self.parent_record.currentData() if kind in set(ChildKind) else None

        def work(progress: Progress) -> spreadsheets.ImportPlan | ChildPlan:
            progress(0, 2)
            progress(1, 2)
            with sessions() as session:  # the plan writes nothing; closing keeps nothing
                if code is not None:
                    return plan_children(session, kind, spreadsheets.read_table(path), code)
                with spreadsheets.open_table(path) as table:  # closed however the plan ends
                    return spreadsheets.plan_import(session, kind, table)

        return run_in_background(self.owner, self.tr("Reading the spreadsheet…"), work,
                                 self._planned, self._failed)

    def _planned(self, plan: spreadsheets.ImportPlan | ChildPlan) -> None:
        self.plan = plan
        lang = self.ctx.lang
        if plan.errors:
            self.tell(plan.summary(lang), failed=True)
            return
        question = plan.summary(lang) + "\n\n" + self.tr("Import these rows now?")
        if not dialogs.confirm(self.owner, self.windowTitle(), question):
            self.message = self.tr("Import cancelled: nothing written.")
            return
        self.job = self._apply(plan)

    def _apply(self, plan: spreadsheets.ImportPlan | ChildPlan) -> Job:
        sessions = self.ctx.sessions

        def work(progress: Progress) -> Any:
            progress(0, 1)
            with sessions.begin() as session:  # one transaction: a refused row keeps nothing
                if isinstance(plan, ChildPlan):
                    return apply_children(session, plan)
                return spreadsheets.apply_import(session, plan)

        return run_in_background(self.owner, self.tr("Importing the spreadsheet…"),
                                 work, self._applied, self._failed)

    def _applied(self, report: spreadsheets.SheetImportReport | ChildPlan) -> None:
        self.applied = True
        if isinstance(report, ChildPlan):
            self.tell(report.counts(self.ctx.lang))
            if report.kind is ChildKind.INVITATIONS:
                self.ctx.notify(OpChanges.of(RecordKind.EVENT))
            else:
                self.ctx.notify(OpChanges.of(RecordKind.TRIP) | OpChanges.of(RecordKind.ITEM))
            return
        self.tell(report.text(self.ctx.lang))
        self.ctx.notify(OpChanges.of(KIND_CHANGES[str(report.kind)],
                                     *report.created, *report.updated))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, spreadsheets.ImportRefusedError | ChildImportRefusedError):
            self.tell(exc.plan.error_text(self.ctx.lang), failed=True)  # changed since the plan
            return
        self.tell(describe(exc, self.ctx.lang), failed=True)


def import_spreadsheet(ctx: AppContext, settings: AppSettings,
                       parent: QWidget) -> SheetImportDialog | None:
    """Pick a .csv or .xlsx file, then ask what its rows are; OK plans the import."""
    path = _open_file(settings, parent, translate("ImportActions", "Import spreadsheet"),
                      translate("ImportActions", "Spreadsheets (*.csv *.xlsx);;All files (*)"))
    if path is None:
        return None
    with ctx.sessions() as session:
        trips, events = trip_refs(session), event_refs(session)
    dialog = SheetImportDialog(ctx, path, parent, trips, events)
    dialog.open()
    return dialog
