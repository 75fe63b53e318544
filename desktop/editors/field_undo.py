"""Undo inside an open editor: Ctrl+Z puts back the field changed last, as Outlook's forms do.

Each watched field remembers its value before the change; the history lives as long as the
editor and never reaches the database (saving is undone with the window's Undo).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)


class FieldUndo(QObject):
    """The field changes made in ``editor``, newest last; :meth:`undo` reverts the newest."""

    def __init__(self, editor: QWidget) -> None:
        super().__init__(editor)
        self._steps: list[tuple[Callable[[Any], None], Any]] = []
        self._values: dict[int, Any] = {}
        self._restoring = False
        shortcut = QShortcut(QKeySequence.StandardKey.Undo, editor, self.undo)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def watch(self, widget: QWidget) -> None:
        """Follow ``widget``'s value (line, text, combo, date/time and number fields)."""
        getter, setter, signal = _accessors(widget)
        if getter is None or setter is None or signal is None:
            return
        key = id(widget)
        self._values[key] = getter()

        def changed(*_args: object) -> None:
            now = getter()
            before = self._values.get(key)
            self._values[key] = now
            if self._restoring or now == before:
                return
            if self._steps and self._steps[-1][0] is setter and isinstance(now, str) \
                    and isinstance(widget, QLineEdit | QPlainTextEdit):
                return  # typing on in the same text field: one step for the whole edit
            self._steps.append((setter, before))

        signal.connect(changed)
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.installEventFilter(self)  # their own Ctrl+Z would bypass the history

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
                event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Undo):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            self.undo()
            return True
        return super().eventFilter(watched, event)

    def watch_all(self, root: QWidget) -> None:
        """Every field under ``root``; a widget with ``undo_accessors`` (a table of rows) is
        one field, its cells part of it."""
        wholes = [w for w in root.findChildren(QWidget) if hasattr(w, "undo_accessors")]
        for widget in wholes:
            self.watch(widget)
        for kind in (QLineEdit, QPlainTextEdit, QComboBox, QDateTimeEdit, QSpinBox):
            for widget in root.findChildren(kind):
                if isinstance(widget, QLineEdit) and isinstance(
                        widget.parent(), QComboBox | QAbstractSpinBox):
                    continue  # the line inside a combo box or a date field is that field
                if any(whole.isAncestorOf(widget) for whole in wholes):
                    continue
                self.watch(widget)

    def rebase(self) -> None:
        """Forget the history: the fields now hold a freshly loaded or saved record."""
        self._steps.clear()

    def can_undo(self) -> bool:
        return bool(self._steps)

    def undo(self) -> bool:
        if not self._steps:
            return False
        setter, before = self._steps.pop()
        self._restoring = True
        try:
            setter(before)
        finally:
            self._restoring = False
        return True


def _accessors(widget: QWidget) -> tuple[Any, Any, Any]:
    own = getattr(widget, "undo_accessors", None)
    if callable(own):
        return own()
    if isinstance(widget, QLineEdit):
        return widget.text, widget.setText, widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText, widget.setPlainText, widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndex, widget.setCurrentIndex, widget.currentIndexChanged
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime, widget.setDateTime, widget.dateTimeChanged
    if isinstance(widget, QSpinBox):
        return widget.value, widget.setValue, widget.valueChanged
    return None, None, None


def change_signal(widget: QWidget) -> Any:
    """The signal a field emits when its value changes, or None for other widgets."""
    return _accessors(widget)[2]
