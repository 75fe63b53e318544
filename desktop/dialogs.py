"""Small questions the pages ask: confirm, why cancel, how far to move, where to copy."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QSpinBox, QWidget

from desktop.editors.form import date_edit, date_of
from desktop.editors.form_dialog import FormDialog
from desktop.formatting import join_names
from models.deletion import EventDeletion, TripDeletion
from models.language import Lang

translate = QCoreApplication.translate


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question (the one blocking dialog; tests replace it)."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes
                                  | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def delete_box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """The question before a delete: what goes with the record, a 删除 button, Cancel first."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # titles are user text, never markup
    delete = box.addButton(translate("DeleteQuestion", "Delete"),
                           QMessageBox.ButtonRole.DestructiveRole)
    delete.setObjectName("delete")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def confirm_delete(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before deleting (blocking; tests replace it like :func:`confirm`)."""
    box = delete_box(parent, title, text)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and clicked.objectName() == "delete"


def _named(found: list[TripDeletion] | list[EventDeletion], lang: Lang) -> str:
    return "\n".join(f"{d.code} {lang.pick(d.title_zh, d.title_en)} · {d.status.label(lang)}"
                     for d in found)


def _deletion_lines(question: str, names: str, parts: list[str], projects: int,
                    lang: Lang) -> str:
    with_it = translate("DeleteQuestion", "Deleted with it: %1.")
    lines = [question, names, "", with_it.replace("%1", join_names(parts, lang))]
    if projects:
        kept = translate("DeleteQuestion", "%n project(s) stay but lose it as their source.",
                         "", projects)
        lines.append(kept)
    undo = translate("DeleteQuestion", "Ctrl+Z undoes the deletion.")
    lines.append(undo)
    return "\n".join(lines)


def trip_deletion_text(found: list[TripDeletion], lang: Lang) -> str:
    """``删除 1 个推广活动？``, each trip with its status, and what goes with them."""
    trips = len(found)
    items = sum(d.items for d in found)
    delegates = sum(d.delegates for d in found)
    targets = sum(d.targets for d in found)
    parts = [translate("DeleteQuestion", "%n itinerary item(s)", "", items),
             translate("DeleteQuestion", "%n delegate(s)", "", delegates),
             translate("DeleteQuestion", "%n target organisation(s)", "", targets)]
    return _deletion_lines(translate("DeleteQuestion", "Delete %n trip(s)?", "", trips),
                           _named(found, lang), parts, sum(d.projects for d in found), lang)


def event_deletion_text(found: list[EventDeletion], lang: Lang) -> str:
    """``删除 1 个专题活动？``, each event with its status, its agenda and invitations."""
    events = len(found)
    sessions = sum(d.sessions for d in found)
    invitations = sum(d.invitations for d in found)
    parts = [translate("DeleteQuestion", "%n agenda session(s)", "", sessions),
             translate("DeleteQuestion", "%n invitation(s)", "", invitations)]
    return _deletion_lines(translate("DeleteQuestion", "Delete %n event(s)?", "", events),
                           _named(found, lang), parts, sum(d.projects for d in found), lang)


class MessageDisplay:
    """Shows a failed page action (delete, cancel...) in a message box, not blocking."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.last_message = ""
        self.box: QMessageBox | None = None

    def clear_errors(self) -> None:
        self.last_message = ""

    def show_field_error(self, field: str, message: str) -> None:
        self._show(message)

    def show_problem(self, message: str, retry_possible: bool) -> None:
        self._show(message)

    def _show(self, message: str) -> None:
        self.last_message = message
        self.box = QMessageBox(QMessageBox.Icon.Warning,
                               translate("MessageDisplay", "Could not be done"), message,
                               QMessageBox.StandardButton.Ok, self.parent)
        self.box.open()


class ReasonDialog(FormDialog):
    """Why a trip or event is cancelled (the reason is kept with the record)."""

    def __init__(self, what: str, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(translate("ReasonDialog", "Cancel %1").replace("%1", what), lang, parent)
        self.reason = QPlainTextEdit()
        self.reason.setMaximumHeight(90)
        self.reason.setPlaceholderText(translate(
            "ReasonDialog", "e.g. the partner postponed the visit; the leader's schedule changed"))
        self.form.field(translate("ReasonDialog", "Reason"), self.reason, "cancel_reason")
        self.resize(480, 200)

    def text(self) -> str:
        return self.reason.toPlainText()


class MoveDialog(FormDialog):
    """By how many days to move a trip or event (negative: earlier)."""

    def __init__(self, what: str, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(translate("MoveDialog", "Move %1").replace("%1", what), lang, parent)
        self.days = QSpinBox()
        self.days.setRange(-365, 365)
        self.days.setValue(7)
        self.days.setSuffix(translate("MoveDialog", " day(s)"))
        self.form.field(translate("MoveDialog", "Move by"), self.days, "start_date", "starts_at")
        self.resize(360, 140)


class DuplicateDialog(FormDialog):
    """A copy of a trip as a template: its new first day and title."""

    def __init__(self, what: str, start: date, title_zh: str, lang: Lang,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("DuplicateDialog", "Duplicate %1").replace("%1", what), lang,
                         parent)
        self.start = date_edit(start)
        self.title_zh = QLineEdit(title_zh)
        self.form.field(translate("DuplicateDialog", "First day of the copy"), self.start,
                        "start_date", "starts_at", "end_date")
        self.form.field(translate("DuplicateDialog", "Title (Chinese)"), self.title_zh,
                        "title_zh")
        self.resize(440, 160)

    def start_date(self) -> date:
        return date_of(self.start)
