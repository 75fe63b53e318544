"""Building blocks of the editors: pickers, field error labels, the problem banner."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from desktop.editors.date_field import DateTimeField, beside
from desktop.formatting import pydate, qdate
from models.enums import LabelledEnum
from models.language import Lang

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for a widget's size

E = TypeVar("E", bound=LabelledEnum)
translate = QCoreApplication.translate

ERROR_STYLE = "color: #c0392b;"
WARNING_STYLE = "color: #b35c00;"
# a field with an error: on the field itself, not on the whole dialog (a dialog's style sheet
# makes every one of its widgets be polished through it: 40 of a trip editor's 120 ms to open)
INVALID_STYLE = ('*[invalid="true"] { border: 1px solid #c0392b; border-radius: 2px; '
                 'background: #fff6f5; }')
BANNER_STYLE = ("QLabel { background: #fdecea; color: #8e1c12; border: 1px solid #f5c2bd; "
                "border-radius: 4px; padding: 8px; }")


class IdCombo(QComboBox):
    """Pick one record by id among (label, id) pairs; optionally "none". Type to search.

    The labels go in with one ``addItems`` call and the ids stay in a Python list: a picker
    over 20,000 organisations fills in a few milliseconds.
    """

    def __init__(self, choices: Iterable[tuple[str, int]], none_label: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        self._none_label = none_label
        self._ids: list[int | None] = []
        self.set_choices(choices)
        completer = self.completer()
        assert completer is not None
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMinimumContentsLength(14)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def set_choices(self, choices: Iterable[tuple[str, int]]) -> None:
        """Offer these (label, id) pairs (after "none", if offered) instead; the chosen one stays
        chosen when it is among them, else "none" (or the first) is."""
        chosen = self.value() if self._ids else None
        pairs = list(choices)
        none = [self._none_label] if self._none_label is not None else []
        self.clear()
        self._ids = [None] * len(none) + [ident for _label, ident in pairs]
        self.addItems(none + [label for label, _ident in pairs])
        self.set_value(chosen)

    def value(self) -> int | None:
        """The id of the chosen entry. Two entries may read the same (two people of one name):
        the current one counts while its text is shown; a typed text picks the first entry
        that reads so."""
        index = self.currentIndex()
        if not (0 <= index < self.count() and self.itemText(index) == self.currentText()):
            typed = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
            if typed >= 0:
                index = typed
        return self._ids[index] if 0 <= index < len(self._ids) else None

    def set_value(self, ident: int | None) -> None:
        self.setCurrentIndex(self._ids.index(ident) if ident in self._ids else 0)

    def limit_to(self, ident: int) -> None:
        """Offer ``ident`` alone and choose it (e.g. a unit account's own unit)."""
        if ident not in self._ids:
            return
        label = self.itemText(self._ids.index(ident))
        self.clear()
        self._ids = [ident]
        self.addItem(label)
        self.setCurrentIndex(0)


class EnumCombo(QComboBox):
    """Pick a member of a labelled enum, labels in the user's language."""

    def __init__(self, enum: type[E], lang: Lang, members: Sequence[E] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for member in members or list(enum):
            self.addItem(member.label(lang), member.value)
        self._enum: type[LabelledEnum] = enum

    def value(self) -> Any:
        return self._enum(self.currentData())

    def set_value(self, member: Enum) -> None:
        self.setCurrentIndex(max(self.findData(member.value), 0))


class CheckModel(QAbstractListModel):
    """Labels with a tick each; the ticked ids are a Python set."""

    def __init__(self, choices: Iterable[tuple[str, int]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        pairs = list(choices)
        self.labels = [label for label, _ident in pairs]
        self.ids = [ident for _label, ident in pairs]
        self.ticked: set[int] = set()

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ids)

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.labels[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            on = self.ids[index.row()] in self.ticked
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        return None

    @override
    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        ident = self.ids[index.row()]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(ident)
        else:
            self.ticked.discard(ident)
        self.dataChanged.emit(index, index, [role])
        return True

    @override
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def set_ticked(self, ids: Iterable[int]) -> None:
        self.ticked = set(ids)
        if self.ids:
            self.dataChanged.emit(self.index(0), self.index(len(self.ids) - 1),
                                  [Qt.ItemDataRole.CheckStateRole])


class CheckList(QWidget):
    """Tick any number of records; a filter box above a long list (20,000 is fine)."""

    changed = Signal()

    def __init__(self, choices: Iterable[tuple[str, int]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(translate("CheckList", "Filter…"))
        self.filter.setClearButtonEnabled(True)
        self.model = CheckModel(choices, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.setVisible(len(self.model.ids) > 12)  # a short list needs no filter
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.model.dataChanged.connect(lambda *_args: self.changed.emit())

    def values(self) -> list[int]:
        return [i for i in self.model.ids if i in self.model.ticked]

    def set_values(self, ids: Iterable[int]) -> None:
        self.model.set_ticked(ids)
        first = next((n for n, i in enumerate(self.model.ids) if i in self.model.ticked), -1)
        if first >= 0:
            self.list.scrollTo(self.proxy.mapFromSource(self.model.index(first)))

    def set_checked(self, ident: int, on: bool) -> None:
        """Tick or untick one record, as a click on its box does."""
        row = self.model.ids.index(ident)
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.model.setData(self.model.index(row), state.value, Qt.ItemDataRole.CheckStateRole)


def date_edit(value: date, parent: QWidget | None = None) -> DateTimeField:
    """A day field (typed or picked, its weekday beside it) holding ``value``."""
    edit = DateTimeField(with_time=False, parent=parent)
    edit.setDate(qdate(value))
    return edit


def date_of(edit: QDateTimeEdit) -> date:
    return pydate(edit.date())


def set_date(edit: QDateTimeEdit, value: date) -> None:
    edit.setDate(QDate(value.year, value.month, value.day))


def keep_duration(start: QDateTimeEdit, end: QDateTimeEdit) -> None:
    """Moving ``start`` moves ``end`` by as much, so the length stays (as in Outlook).

    Works for date and date-time fields; the end's own changes set a new length.
    """
    last = [start.dateTime()]

    def moved() -> None:
        now = start.dateTime()
        shift = last[0].secsTo(now)
        last[0] = now
        if shift:
            end.setDateTime(end.dateTime().addSecs(shift))

    start.dateTimeChanged.connect(moved)


class FieldErrors:
    """Error labels beside the fields, found by the model's field names."""

    def __init__(self, banner: QLabel, tabs: QTabWidget | None = None) -> None:
        self.banner = banner
        self.tabs = tabs
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._aliases: dict[str, str] = {}

    def add(self, field: str, widget: QWidget, label: QLabel, *aliases: str) -> None:
        self._fields[field] = (widget, label)
        for alias in aliases:
            self._aliases[alias] = field
        from desktop.editors.field_undo import change_signal

        signal = change_signal(widget)
        if signal is not None:  # a corrected field loses its error at once
            signal.connect(lambda *_args, name=field: self.clear_field(name))

    def clear_field(self, field: str) -> None:
        """Take the error off one field (a warning about a conflict stays until saved)."""
        widget, label = self._fields[field]
        if not widget.property("invalid"):
            return
        label.setText("")
        label.hide()
        mark_invalid(widget, False)

    def label(self, field: str) -> QLabel | None:
        entry = self._fields.get(self._aliases.get(field, field))
        return entry[1] if entry else None

    def clear(self) -> None:
        self.banner.hide()
        for widget, label in self._fields.values():  # only what shows something (each save)
            label.setText("")
            if label.styleSheet() != ERROR_STYLE:  # a warning's colour
                label.setStyleSheet(ERROR_STYLE)
            label.hide()
            mark_invalid(widget, False)

    def show(self, field: str, message: str) -> None:
        name = self._aliases.get(field, field)
        if name not in self._fields:
            self.show_banner(message)
            return
        widget, label = self._fields[name]
        label.setText(message)
        label.setStyleSheet(ERROR_STYLE)
        label.show()
        mark_invalid(widget, True)
        if self.tabs is not None:
            for n in range(self.tabs.count()):
                page = self.tabs.widget(n)
                if page is not None and page.isAncestorOf(widget):
                    self.tabs.setCurrentIndex(n)
        widget.setFocus()

    def warn(self, field: str, message: str) -> None:
        """A conflict or warning beside its field (not an error: saving stays possible)."""
        label = self.label(field)
        if label is None:
            return
        text = label.text()
        label.setText(f"{text}\n⚠ {message}" if text else f"⚠ {message}")
        label.setStyleSheet(WARNING_STYLE)
        label.show()

    def focus(self, field: str) -> bool:
        """Bring ``field`` into view (its tab) and give it the focus; False if not here."""
        entry = self._fields.get(self._aliases.get(field, field))
        if entry is None:
            return False
        widget = entry[0]
        if self.tabs is not None:
            for n in range(self.tabs.count()):
                page = self.tabs.widget(n)
                if page is not None and page.isAncestorOf(widget):
                    self.tabs.setCurrentIndex(n)
        widget.setFocus()
        return True

    def show_banner(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Outline ``widget`` in red (``INVALID_STYLE``) or no longer. The rule goes on the field
    the first time it is marked and stays there (it matches only while ``invalid`` is true)."""
    if bool(widget.property("invalid")) == invalid:
        return
    if invalid and INVALID_STYLE not in widget.styleSheet():
        widget.setStyleSheet(widget.styleSheet() + INVALID_STYLE)
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def error_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def banner_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(BANNER_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class Form(QFormLayout):
    """A form whose rows carry an error label under the field, registered by field name."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = errors
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def field(self, label: str, widget: QWidget, name: str = "", *aliases: str) -> QWidget:
        caption = QLabel(label)
        if isinstance(widget, QPlainTextEdit | CheckList | QAbstractItemView):
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            caption.setContentsMargins(0, 4, 0, 0)  # level with the first line of the field
        if not name:
            self.addRow(caption, beside(widget) if isinstance(widget, DateTimeField) else widget)
            return widget
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.setAlignment(Qt.AlignmentFlag.AlignTop)
        column.addWidget(beside(widget) if isinstance(widget, DateTimeField) else widget)
        message = error_label(box)
        column.addWidget(message)
        if widget.maximumHeight() < QWIDGETSIZE_MAX:  # a capped text box: its row stays as tall
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.addRow(caption, box)
        self.errors.add(name, widget, message, *aliases)
        return widget

    def show_row(self, widget: QWidget, visible: bool) -> None:
        """Show or hide the row of ``widget`` (a field given to :meth:`field`), caption and all."""
        holder = widget if self.indexOf(widget) >= 0 else widget.parentWidget()
        if holder is not None and self.indexOf(holder) >= 0:
            self.setRowVisible(holder, visible)


def row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box


def button_row(parent: QWidget, buttons: Iterable[tuple[str, Callable[[], object]]]) -> QHBoxLayout:
    """A line of push buttons, each calling its slot, packed to the left."""
    layout = QHBoxLayout()
    for text, slot in buttons:
        button = QPushButton(text, parent)
        button.clicked.connect(slot)
        layout.addWidget(button)
    layout.addStretch(1)
    return layout
