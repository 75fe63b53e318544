"""A small dialog with a form, OK/Cancel and error display (items, sessions, reasons)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QVBoxLayout, QWidget
from typing_extensions import override

from desktop.editors.form import FieldErrors, Form, banner_label
from models.errors import ValidationError
from models.language import Lang


class FormDialog(QDialog):
    """``accept_with`` receives the dialog when OK is pressed and says whether to close.

    It may raise ValidationError (shown beside its field); the input stays as typed.
    """

    def __init__(self, title: str, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(title)
        self.banner = banner_label(self)
        self.errors = FieldErrors(self.banner)
        self.body = QWidget(self)
        self.form = Form(self.errors, self.body)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        self.accept_with: Callable[[FormDialog], bool] = lambda _dialog: True

    @override
    def showEvent(self, event: QShowEvent) -> None:
        """The keyboard starts in the first field (the buttons were made first, so Qt gave
        it to OK and a typed date went nowhere), unless the dialog chose a field itself."""
        chosen = self.focusWidget()
        if chosen is None or not self.body.isAncestorOf(chosen):
            widget = self.body.nextInFocusChain()
            while widget is not self.body and widget is not None:
                if (self.body.isAncestorOf(widget) and widget.isEnabled()
                        and widget.isVisibleTo(self)
                        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                        and not isinstance(widget, QAbstractButton)):
                    widget.setFocus(Qt.FocusReason.TabFocusReason)
                    break
                widget = widget.nextInFocusChain()
        super().showEvent(event)

    def clear_errors(self) -> None:
        self.errors.clear()

    def show_field_error(self, field: str, message: str) -> None:
        self.errors.show(field, message)

    def show_problem(self, message: str, retry_possible: bool) -> None:
        if retry_possible:
            message += "\n" + self.tr("Press OK to try again.")
        self.errors.show_banner(message)

    def _ok(self) -> None:
        self.clear_errors()
        try:
            done = self.accept_with(self)
        except ValidationError as exc:
            self.show_field_error(exc.field, exc.text(self.lang))
            return
        if done:
            self.accept()
