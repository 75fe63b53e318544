"""The frame every record editor shares: banner, tabs, Save (Ctrl+S), Save & close, Close.

A subclass builds its fields, loads a record into them (``load``), and turns them into an
undoable command (``build_command``). Saving goes through :func:`desktop.editors.saving.save`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.editors import edit_conflict_dialog
from desktop.editors.date_field import DateTimeField
from desktop.editors.edit_conflict_dialog import Resolution
from desktop.editors.field_undo import FieldUndo
from desktop.editors.form import FieldErrors, banner_label
from desktop.editors.saving import save
from desktop.elided_label import ElidedLabel
from desktop.errors_text import describe
from desktop.history.dialog import HistoryDialog, open_history
from desktop.undo.base import PlannerCommand
from models.audit.history import last_change
from models.changes import RecordKind
from models.errors import NotFoundError, PlannerError
from models.language import Lang
from models.lookups import Lookups, load_lookups
from models.queries import current_campaign_row
from models.record_types import RecordType
from models.working_days import next_working_day
from planning.dates import campaign_today

if TYPE_CHECKING:
    from models.checks import Conflict

HIDDEN_FIELDS = {"uuid", "campaign_id"}
T = TypeVar("T")


@dataclass(frozen=True)
class Stored:
    """A record as saved now: its draft, revision, and who saved it last, when."""

    draft: Any
    revision: int
    changed_by: str = ""
    changed_at: datetime | None = None


def shown_fields(draft: Any) -> dict[str, Any]:
    """A draft's fields for the conflict dialog (internal ones left out)."""
    return {f.name: getattr(draft, f.name) for f in fields(draft) if f.name not in HIDDEN_FIELDS}


def copy_titles(title_zh: str, title_en: str) -> tuple[str, str]:
    """A copy's titles: "…（副本）" and "… (copy)" (no English title stays none)."""
    return f"{title_zh}（副本）", f"{title_en} (copy)" if title_en else ""


def last_saved(session: Session, record_type: RecordType, record_id: int) -> tuple[str, datetime | None]:
    change = last_change(session, record_type, record_id)
    return (change.actor, change.at) if change is not None else ("", None)


class EditorDialog(QDialog):
    """Base of the record editors. ``saved`` fires after each successful save."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.lang
        self.setSizeGripEnabled(True)
        self.banner = banner_label(self)
        self.tabs = QTabWidget(self)
        self.errors = FieldErrors(self.banner, self.tabs)
        self.heading = ElidedLabel("", self)
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600; padding: 2px 0 4px 0;")
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setToolTip(self.tr("Save and keep editing (Ctrl+S)"))
        self.ok_button = QPushButton(self.tr("Save && c&lose"), self)
        self.ok_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.history_button = QPushButton(self.tr("&History…"), self)
        self.history_button.setToolTip(self.tr("Who changed this record, when, and what"))
        self.buttons.addButton(self.history_button, QDialogButtonBox.ButtonRole.HelpRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.ok_button.clicked.connect(self.save_and_close)
        self.close_button.clicked.connect(self.close)
        self.history_button.clicked.connect(self.show_history)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.field_undo = FieldUndo(self)  # Ctrl+Z: the field changed last
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.read_only_banner = banner_label(self)
        self.read_only_banner.setObjectName("readOnly")
        layout.insertWidget(1, self.read_only_banner)
        self.read_only = ""  # why the record cannot be changed by this account ("" : it can)
        self._skip_close_check = False
        self.history_window: HistoryDialog | None = None
        self._watching = False
        self._campaign_year: int | None = None

    # --- the campaign's year ----------------------------------------------------------------

    def campaign_year(self) -> int | None:
        """The year of the campaign on screen (the newest), None on an empty database."""
        if self._campaign_year is None:
            try:
                with self.ctx.sessions() as session:
                    self._campaign_year = current_campaign_row(session).year
            except NotFoundError:
                return None
        return self._campaign_year

    def lookups_or_read(self, given: Lookups | None) -> Lookups:
        """The pickers' lists given by the caller (the window keeps them), or read now in a
        session of their own (an editor opened alone: tests, a dialog of a dialog)."""
        if given is not None:
            return given
        with self.ctx.sessions() as session:
            return load_lookups(session)

    def new_record_day(self, today: date | None = None) -> date:
        """The day a new trip or event starts on: the next working day after today as seen
        from the campaign's year (a past campaign: the same date in its year)."""
        return next_working_day(campaign_today(today or date.today(), self.campaign_year()))

    # --- to be given by each editor ------------------------------------------------------

    def build_command(self) -> PlannerCommand | None:
        """The command that saves the fields, or None when nothing changed.

        May raise ValidationError for input the editor itself checks (e.g. a local time
        skipped by daylight saving).
        """
        raise NotImplementedError

    def reload(self) -> None:
        """Load the record again (new revision) into the fields."""
        raise NotImplementedError

    def after_save(self, command: PlannerCommand) -> None:
        """A save succeeded: a new record's editor now edits what it created."""
        self.reload()

    def is_dirty(self) -> bool:
        raise NotImplementedError

    # --- when someone else saved the record meanwhile ------------------------------------

    record_type: RecordType | None = None  # the audit history's kind of record, if it has one

    def record_id(self) -> int | None:
        """The id of the record being edited; None while it is not saved yet."""
        raise NotImplementedError

    def draft(self) -> Any:
        """The record as the fields hold it now (a model draft)."""
        raise NotImplementedError

    def read_stored(self, session: Session, record_id: int) -> tuple[Any, int]:
        """The saved draft and revision of the record; NotFoundError when it was deleted."""
        raise NotImplementedError

    def stored(self) -> Stored | None:
        """The record as saved in the database now, or None when it was deleted."""
        ident = self.record_id()
        if ident is None:
            return None
        with self.ctx.sessions() as session:
            try:
                draft, revision = self.read_stored(session, ident)
            except NotFoundError:
                return None
            if self.record_type is None:
                return Stored(draft, revision)
            return Stored(draft, revision, *last_saved(session, self.record_type, ident))

    def adopt(self, stored: Stored) -> None:
        """Take the stored version as the one being edited (its revision, undo's "before")."""
        self.loaded, self.revision = stored.draft, stored.revision

    def copy_command(self, theirs: Any) -> PlannerCommand:
        """A new record holding ``theirs`` (the conflict dialog's "keep theirs as a copy")."""
        raise NotImplementedError

    def resolve_concurrent_edit(self, error: BaseException) -> bool:
        """Ask the user how to settle someone else's newer save; True when the save was done."""
        stored = self.stored()
        if stored is None:  # deleted meanwhile: nothing to compare with
            self.show_problem(describe(error, self.lang), False)
            return False
        mine, theirs = self.draft(), stored.draft
        choice = edit_conflict_dialog.resolve_conflict(
            self, shown_fields(mine), shown_fields(theirs), what=self.heading.text(),
            changed_by=stored.changed_by, changed_at=stored.changed_at, lang=self.lang)
        if choice is Resolution.RELOAD:
            self.reload()
            self.errors.show_banner(self.tr("The other version is loaded; your changes were "
                                            "discarded."))
            return False
        if choice is Resolution.CANCEL:
            self.show_problem(describe(error, self.lang), True)
            return False
        if choice is Resolution.KEEP_THEIRS_AS_COPY and not save(
                self.ctx, self.copy_command(theirs), self):
            return False
        self.adopt(stored)  # OVERWRITE (also after the copy): mine over the newest revision
        command = self.build_command()
        return command is None or save(self.ctx, command, self, self.resolve_concurrent_edit)

    # --- ErrorDisplay ----------------------------------------------------------------------

    def focus_field(self, field: str) -> None:
        """Show the field a finding of the checks is about (from the dashboard or calendar)."""
        self.errors.focus(field)

    def clear_errors(self) -> None:
        self.errors.clear()

    def show_field_error(self, field: str, message: str) -> None:
        self.errors.show(field, message)

    def show_problem(self, message: str, retry_possible: bool) -> None:
        if retry_possible:
            message += "\n" + self.tr("Press Save to try again.")
        self.errors.show_banner(message)

    def run_showing_problem(self, action: Callable[[], T]) -> T | None:
        """What ``action`` returns; None when it raises a PlannerError, said in the banner."""
        try:
            return action()
        except PlannerError as exc:
            self.show_problem(describe(exc, self.lang), False)
            return None

    def warn_finding(self, finding: Conflict, kind: RecordKind, record_id: int) -> None:
        """A finding of the checks beside the field it is about: "严重：…"."""
        colon = ": " if self.lang is Lang.EN else "："
        self.errors.warn(finding.field_for(kind, record_id), colon.join(
            (finding.severity.label(self.lang), finding.text(self.lang))))

    # --- actions ---------------------------------------------------------------------------

    def update_history_button(self) -> None:
        """Shown for records with an audit history; usable once the record is saved."""
        self.history_button.setVisible(bool(self.record_type))
        self.history_button.setEnabled(bool(self.record_type) and self.record_id() is not None)

    def show_history(self) -> HistoryDialog | None:
        """Open the saved record's audit history beside the editor."""
        if self.record_type is None:
            return None
        ident = self.record_id()
        if ident is None:
            return None
        self.history_window = open_history(self, self.ctx.sessions, self.record_type, ident, self.lang)
        return self.history_window

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.update_history_button()
        if not self._watching:  # the fields exist and hold the record now
            self._watching = True
            self.field_undo.watch_all(self.tabs)
            for field in self.findChildren(DateTimeField):  # 2/5 is in the campaign's year
                field.default_year = self.campaign_year()
            self.focus_first_field()
        super().showEvent(event)

    def focus_first_field(self) -> None:
        """The keyboard starts in the first field of the tab shown, as an Outlook item opens
        with the cursor in its subject; Qt would give it to the tab bar, where typing and Tab
        led nowhere useful."""
        page = self.tabs.currentWidget()
        if page is None:
            return
        widget = page.nextInFocusChain()
        while widget is not page and widget is not None:
            if (page.isAncestorOf(widget) and widget.isEnabled() and widget.isVisibleTo(self)
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                    and not isinstance(widget, QAbstractButton)):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def set_read_only(self, reason: str) -> None:
        """Open the record for reading only: the banner says why, fields and Save are off."""
        from desktop.editors.read_only import freeze

        self.read_only = reason
        self.read_only_banner.setText(reason)
        self.read_only_banner.show()
        freeze(self.tabs)
        for button in (self.save_button, self.ok_button):
            button.setEnabled(False)
            button.setToolTip(reason)
        self.close_button.setDefault(True)

    def save(self) -> bool:
        from models.errors import ValidationError

        if self.read_only:
            self.ctx.status_message.emit(self.read_only)
            return False
        self.clear_errors()
        try:
            command = self.build_command()
        except ValidationError as exc:
            self.show_field_error(exc.field, exc.text(self.lang))
            return False
        if command is None:
            self.ctx.status_message.emit(self.tr("Nothing to save"))
            return True
        if not save(self.ctx, command, self, self.resolve_concurrent_edit):
            return False
        self.after_save(command)
        self.field_undo.rebase()  # undo of the save itself is the window's Undo
        self.update_history_button()
        self.saved.emit()
        return True

    def save_and_close(self) -> None:
        if self.save():
            self._skip_close_check = True
            self.accept()

    def discard_and_close(self) -> None:
        """Close without asking about unsaved changes."""
        self._skip_close_check = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._skip_close_check or not self.is_dirty():
            event.accept()
            return
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Save the changes before closing?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.save()):
            event.ignore()
            return
        event.accept()

    def reject(self) -> None:
        self.close()
