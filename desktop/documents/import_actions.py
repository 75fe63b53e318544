"""Imports from the File menu: a partner's calendar (.ics) and spreadsheets (.csv, .xlsx).

Both call the same packages as the command line (``calendars.import_ics``,
``spreadsheets.plan_import``/``apply_import``), off the UI thread, each write in one
transaction: a malformed file, a plan with errors or a cancelled question writes nothing.
"""

from __future__ import annotations

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
from models.queries import list_trips
from models.rows import TripRow

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
    """Into which trip's itinerary the calendar goes, or as themed events."""

    def __init__(self, ctx: AppContext, path: Path, trips: list[TripRow], selected: str | None,
                 parent: QWidget) -> None:
        super().__init__(self.tr("Import calendar"), path, parent)
        self.ctx = ctx
        self.into_trip = QRadioButton(self.tr("Into the itinerary of the trip:"))
        self.trip = QComboBox()
        for row in trips:
            title = row.title_en if ctx.lang == "en" else row.title_zh
            self.trip.addItem(f"{row.code}  {title}", row.code)
        self.as_events = QRadioButton(self.tr("As themed events"))
        group = QButtonGroup(self)
        group.addButton(self.into_trip)
        group.addButton(self.as_events)
        index = self.trip.findData(selected) if selected else -1
        if index >= 0:
            self.trip.setCurrentIndex(index)
        if trips:
            self.into_trip.setChecked(True)
        else:
            self.into_trip.setEnabled(False)
            self.trip.setEnabled(False)
            self.as_events.setChecked(True)
        self.into_trip.toggled.connect(self.trip.setEnabled)
        for widget in (self.into_trip, self.trip, self.as_events):
            self.layout_.addWidget(widget)
        self.finish_layout()

    def trip_code(self) -> str | None:
        return None if self.as_events.isChecked() else self.trip.currentData()

    def accept(self) -> None:
        super().accept()
        self.job = self._start()

    def _start(self) -> Job:
        sessions, path, trip_code = self.ctx.sessions, self.path, self.trip_code()

        def work(progress: Progress) -> calendars.IcsImportReport:
            progress(0, 1)
            data = path.read_bytes()
            with sessions.begin() as session:  # one transaction: an error keeps nothing
                return calendars.import_ics(session, data, trip_code=trip_code,
                                            as_events=trip_code is None)

        return run_in_background(self.owner, self.tr("Importing the calendar…"), work,
                                 self._done, self._failed)

    def _done(self, report: calendars.IcsImportReport) -> None:
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
        trips = list_trips(session)
    dialog = CalendarImportDialog(ctx, path, trips, selected_trip, parent)
    dialog.open()
    return dialog


# --- spreadsheets (.csv, .xlsx) ----------------------------------------------------------------


class SheetImportDialog(_ImportDialog):
    """What the spreadsheet holds; OK plans the import, a confirmation then applies it."""

    def __init__(self, ctx: AppContext, path: Path, parent: QWidget) -> None:
        super().__init__(self.tr("Import spreadsheet"), path, parent)
        self.ctx = ctx
        self.plan: spreadsheets.ImportPlan | None = None
        self.applied = False
        self.kind = QComboBox()
        for kind in spreadsheets.ImportKind:
            self.kind.addItem(self._kind_text(kind), kind.value)
        self.layout_.addWidget(QLabel(self.tr("The rows are:")))
        self.layout_.addWidget(self.kind)
        self.finish_layout()

    def _kind_text(self, kind: spreadsheets.ImportKind) -> str:
        texts = {spreadsheets.ImportKind.ORGANISATIONS: self.tr("Organisations"),
                 spreadsheets.ImportKind.PEOPLE: self.tr("People"),
                 spreadsheets.ImportKind.LEADS: self.tr("Investment leads")}
        return texts[kind]

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def accept(self) -> None:
        super().accept()
        self.job = self._plan()

    def _plan(self) -> Job:
        sessions, path, kind = self.ctx.sessions, self.path, self.kind.currentData()

        def work(progress: Progress) -> spreadsheets.ImportPlan:
            progress(0, 2)
            table = spreadsheets.read_table(path)
            progress(1, 2)
            with sessions() as session:  # the plan writes nothing; closing keeps nothing
                return spreadsheets.plan_import(session, kind, table)

        return run_in_background(self.owner, self.tr("Reading the spreadsheet…"), work,
                                 self._planned, self._failed)

    def _planned(self, plan: spreadsheets.ImportPlan) -> None:
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

    def _apply(self, plan: spreadsheets.ImportPlan) -> Job:
        sessions = self.ctx.sessions

        def work(progress: Progress) -> Any:
            progress(0, 1)
            with sessions.begin() as session:  # one transaction: a refused row keeps nothing
                return spreadsheets.apply_import(session, plan)

        return run_in_background(self.owner, self.tr("Importing the spreadsheet…"),
                                 work, self._applied, self._failed)

    def _applied(self, report: spreadsheets.SheetImportReport) -> None:
        self.applied = True
        self.tell(report.text(self.ctx.lang))
        self.ctx.notify(OpChanges.of(KIND_CHANGES[str(report.kind)],
                                     *report.created, *report.updated))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, spreadsheets.ImportRefusedError):  # changed since the plan
            self.tell(exc.plan.error_text(self.ctx.lang), failed=True)
            return
        self.tell(describe(exc, self.ctx.lang), failed=True)


def import_spreadsheet(ctx: AppContext, settings: AppSettings,
                       parent: QWidget) -> SheetImportDialog | None:
    """Pick a .csv or .xlsx file, then ask what its rows are; OK plans the import."""
    path = _open_file(settings, parent, translate("ImportActions", "Import spreadsheet"),
                      translate("ImportActions", "Spreadsheets (*.csv *.xlsx);;All files (*)"))
    if path is None:
        return None
    dialog = SheetImportDialog(ctx, path, parent)
    dialog.open()
    return dialog
