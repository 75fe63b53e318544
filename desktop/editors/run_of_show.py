"""The run-of-show tab of the event editor: staff posts, guests of honour with their seats,
and what each responsible unit does. Rows are edited in place; saving the event saves them
(one undoable change of the event)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.editors.form import IdCombo, button_row, error_label
from desktop.editors.item_dialog import to_qdatetime, wall_clock
from models.language import Lang
from models.lookups import Lookups
from models.operations.events import StaffPostDraft, UnitDutyDraft, VipSeatDraft
from models.timeutil import local_to_utc

translate = QCoreApplication.translate
DraftT = TypeVar("DraftT")


def _time_edit(moment: datetime, zone: str) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setDisplayFormat("MM-dd HH:mm")
    edit.setDateTime(to_qdatetime(moment.astimezone(ZoneInfo(zone))))
    return edit


MAX_CHOICE_W = 300  # the widest a column of choices grows to fit its longest choice
COMBO_CHROME_W = 36  # a combo box's frame and arrow beside its text


class RowTable(QWidget):
    """A table whose cells are editors, with add / remove / move buttons under it."""

    changed = Signal()

    def __init__(self, headers: Sequence[str], widths: Sequence[int], add_label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_add: Callable[[], None] = lambda: None  # the subclass's "add a row"
        self.read: Callable[[], list[object]] = list
        self.write: Callable[[list[object]], None] = lambda _rows: None
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(list(headers))
        for n, width in enumerate(widths):
            self.table.setColumnWidth(n, width)
        self.table.horizontalHeader().setSectionResizeMode(
            len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.verticalHeader().hide()
        buttons = button_row(self, (
            (add_label, lambda: self.on_add()),
            (translate("RowTable", "Remove"), self.remove_selected),
            (translate("RowTable", "Move up"), lambda: self.move_selected(-1)),
            (translate("RowTable", "Move down"), lambda: self.move_selected(1))))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _row_widgets(self, n: int) -> list[QWidget]:
        return [w for c in range(self.table.columnCount()) if (w := self.table.cellWidget(n, c))]

    def _append(self, widgets: Sequence[QWidget]) -> None:
        n = self.table.rowCount()
        self.table.insertRow(n)
        for column, widget in enumerate(widgets):
            signal: Callable[..., object] | None = None
            # a line is one change when finished (one undo step), not one per key
            for name in ("editingFinished", "currentIndexChanged", "dateTimeChanged"):
                if hasattr(widget, name):
                    signal = getattr(widget, name)
                    break
            if signal is not None:
                signal.connect(lambda *_a: self.changed.emit())  # type: ignore[attr-defined]
            if isinstance(widget, QComboBox):  # the whole choice when the column cuts it
                widget.setToolTip(widget.currentText())
                widget.currentTextChanged.connect(widget.setToolTip)
            self.table.setCellWidget(n, column, widget)
            self._widen(column, widget)
        if not self.signalsBlocked():  # a row the user adds is the one selected
            self.table.selectRow(n)
        self.changed.emit()

    def _widen(self, column: int, widget: QWidget) -> None:
        """A choice (a person with their position) gets the room to show it whole, up to
        MAX_CHOICE_W; the last column stretches anyway."""
        if not isinstance(widget, QComboBox) or column == self.table.columnCount() - 1:
            return
        text_w = widget.fontMetrics().horizontalAdvance(widget.currentText())
        wanted = min(text_w + COMBO_CHROME_W, MAX_CHOICE_W)
        if wanted > self.table.columnWidth(column):
            self.table.setColumnWidth(column, wanted)

    def undo_accessors(self) -> tuple[Callable[[], list[object]],
                                      Callable[[list[object]], None], object]:
        """The whole table is one field of the editor's Ctrl+Z (adds, removals, edits)."""
        return self.read, self.write, self.changed

    def wire(self, on_add: Callable[[], None], read: Callable[[], list[object]],
             write: Callable[[list[object]], None]) -> None:
        """The buttons add, and rows move, through the subclass's own typed methods."""
        self.on_add, self.read, self.write = on_add, read, write

    def refill(self, add: Callable[[DraftT], None], values: Iterable[DraftT]) -> None:
        """The rows of ``values`` (each added by ``add``) in place of those shown, the first in
        view; ``changed`` once at the end."""
        self.blockSignals(True)
        self.table.setRowCount(0)
        for draft in values:
            add(draft)
        self.show_top()
        self.blockSignals(False)
        self.changed.emit()

    def show_top(self) -> None:
        """After loading: the first rows in view, nothing selected, fields from their start."""
        if self.table.rowCount():
            self.table.setCurrentCell(0, 0)
        self.table.clearSelection()
        self.table.scrollToTop()
        for n in range(self.table.rowCount()):
            for widget in self._row_widgets(n):
                line = widget if isinstance(widget, QLineEdit) else widget.findChild(QLineEdit)
                if isinstance(line, QLineEdit):
                    line.setCursorPosition(0)

    def current_row(self) -> int:
        """The row being edited (its field has the focus), else the selected row, else -1."""
        focus = QApplication.focusWidget()
        if focus is not None:
            for n in range(self.table.rowCount()):
                if any(w is focus or w.isAncestorOf(focus) for w in self._row_widgets(n)):
                    return n
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def remove_selected(self) -> None:
        n = self.current_row()
        if n >= 0:
            self.table.removeRow(n)
            self.changed.emit()

    def move_selected(self, step: int) -> None:
        n = self.current_row()
        if n < 0:
            return
        values = self.read()
        m = n + step
        if 0 <= m < len(values):
            values[n], values[m] = values[m], values[n]
            self.write(values)
            self.table.selectRow(m)


class StaffPostTable(RowTable):
    """Posts in the event's local time; ``zone`` and ``default_start`` come from the editor."""

    def __init__(self, lookups: Lookups, lang: Lang, zone: Callable[[], str],
                 default_start: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(
            [translate("StaffPostTable", "Post"), translate("StaffPostTable", "Post (English)"),
             translate("StaffPostTable", "Room / place"),
             translate("StaffPostTable", "Room (English)"),
             translate("StaffPostTable", "Person"), translate("StaffPostTable", "From"),
             translate("StaffPostTable", "To"), translate("StaffPostTable", "Duty"),
             translate("StaffPostTable", "Duty (English)")],
            [110, 130, 140, 150, 150, 105, 105, 220, 220],
            translate("StaffPostTable", "Add post"), parent)
        self.lookups, self.lang, self.zone, self.default_start = lookups, lang, zone, default_start
        self.wire(self.add_new, self.values, self.set_values)  # type: ignore[arg-type]

    def add(self, draft: StaffPostDraft) -> None:
        zone = self.zone()
        person = IdCombo(((f"{p.name(self.lang)}  {p.title(self.lang)}".strip(), p.id)
                          for p in self.lookups.people),
                         none_label=translate("StaffPostTable", "(to be named)"))
        person.set_value(draft.person_id)
        post, room, duty = QLineEdit(draft.post), QLineEdit(draft.room), QLineEdit(draft.duty)
        post_en, room_en = QLineEdit(draft.post_en), QLineEdit(draft.room_en)
        duty_en = QLineEdit(draft.duty_en)
        post.setPlaceholderText(translate("StaffPostTable", "e.g. 签到接待"))
        post_en.setPlaceholderText(translate("StaffPostTable", "e.g. Registration desk"))
        for line in (post_en, room_en, duty_en):  # the English run-of-show prints them
            line.setToolTip(translate("StaffPostTable",
                                      "Printed in the English run-of-show; empty: the Chinese"))
        self._append([post, post_en, room, room_en, person, _time_edit(draft.starts_at, zone),
                      _time_edit(draft.ends_at, zone), duty, duty_en])

    def add_new(self) -> None:
        start = self.default_start()
        self.add(StaffPostDraft("", start - timedelta(hours=1), start))

    def values(self) -> list[StaffPostDraft]:
        out = []
        zone = self.zone()
        for n in range(self.table.rowCount()):
            post, post_en, room, room_en, person, start, end, duty, duty_en = \
                self._row_widgets(n)
            assert isinstance(post, QLineEdit) and isinstance(room, QLineEdit)
            assert isinstance(post_en, QLineEdit) and isinstance(room_en, QLineEdit)
            assert isinstance(duty, QLineEdit) and isinstance(duty_en, QLineEdit)
            assert isinstance(person, IdCombo)
            assert isinstance(start, QDateTimeEdit) and isinstance(end, QDateTimeEdit)
            out.append(StaffPostDraft(
                post.text(), local_to_utc(wall_clock(start), zone, "staff_posts"),
                local_to_utc(wall_clock(end), zone, "staff_posts"), room.text(),
                person.value(), duty.text(), post_en.text(), room_en.text(), duty_en.text()))
        return out

    def set_values(self, values: list[StaffPostDraft]) -> None:
        self.refill(self.add, values)


class VipSeatTable(RowTable):
    def __init__(self, lookups: Lookups, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(
            [translate("VipSeatTable", "Table"), translate("VipSeatTable", "Seat"),
             translate("VipSeatTable", "Guest of honour"),
             translate("VipSeatTable", "Organisation"), translate("VipSeatTable", "Title")],
            [70, 60, 200, 220, 200], translate("VipSeatTable", "Add guest of honour"), parent)
        self.lookups, self.lang = lookups, lang
        self.wire(self.add_new, self.values, self.set_values)  # type: ignore[arg-type]

    def add(self, draft: VipSeatDraft) -> None:
        person = IdCombo((p.name(self.lang), p.id) for p in self.lookups.people)
        person.set_value(draft.person_id)
        org = IdCombo(((o.name(self.lang), o.id) for o in self.lookups.organisations),
                      none_label=translate("VipSeatTable", "(from the directory)"))
        org.set_value(draft.organisation_id)
        title = QLineEdit(draft.title)
        title.setPlaceholderText(translate("VipSeatTable", "(from the directory)"))
        self._append([QLineEdit(draft.table_no), QLineEdit(draft.seat_no), person, org, title])

    def add_new(self) -> None:
        values = self.values()
        table = values[-1].table_no if values else "1"
        seats = [int(v.seat_no) for v in values if v.table_no == table and v.seat_no.isdigit()]
        first = self.lookups.people[0].id if self.lookups.people else 0
        self.add(VipSeatDraft(first, table, str(max(seats, default=0) + 1)))

    def values(self) -> list[VipSeatDraft]:
        out = []
        for n in range(self.table.rowCount()):
            table, seat, person, org, title = self._row_widgets(n)
            assert isinstance(table, QLineEdit) and isinstance(seat, QLineEdit)
            assert isinstance(person, IdCombo) and isinstance(org, IdCombo)
            assert isinstance(title, QLineEdit)
            out.append(VipSeatDraft(person.value() or 0, table.text(), seat.text(), org.value(),
                                    title.text()))
        return out

    def set_values(self, values: list[VipSeatDraft]) -> None:
        self.refill(self.add, values)


class UnitDutyTable(RowTable):
    def __init__(self, lookups: Lookups, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(
            [translate("UnitDutyTable", "Unit"), translate("UnitDutyTable", "Contact"),
             translate("UnitDutyTable", "Duty")],
            [200, 200, 300], translate("UnitDutyTable", "Add unit"), parent)
        self.lookups, self.lang = lookups, lang
        self.wire(self.add_new, self.values, self.set_values)  # type: ignore[arg-type]

    def add(self, draft: UnitDutyDraft) -> None:
        unit = IdCombo((u.name(self.lang), u.id) for u in self.lookups.units)
        unit.set_value(draft.unit_id)
        contact = IdCombo(((f"{p.name(self.lang)}  {p.title(self.lang)}".strip(), p.id)
                           for p in self.lookups.people),
                          none_label=translate("UnitDutyTable", "(none)"))
        contact.set_value(draft.contact_person_id)
        self._append([unit, contact, QLineEdit(draft.duty)])

    def add_new(self) -> None:
        taken = {v.unit_id for v in self.values()}
        free = next((u.id for u in self.lookups.units if u.id not in taken), 0)
        self.add(UnitDutyDraft(free, ""))

    def values(self) -> list[UnitDutyDraft]:
        out = []
        for n in range(self.table.rowCount()):
            unit, contact, duty = self._row_widgets(n)
            assert isinstance(unit, IdCombo) and isinstance(contact, IdCombo)
            assert isinstance(duty, QLineEdit)
            out.append(UnitDutyDraft(unit.value() or 0, duty.text(), contact.value()))
        return out

    def set_values(self, values: list[UnitDutyDraft]) -> None:
        self.refill(self.add, values)


class RunOfShowTab(QWidget):
    """Three tables one above the other, each with its error line."""

    def __init__(self, lookups: Lookups, lang: Lang, zone: Callable[[], str],
                 default_start: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.posts = StaffPostTable(lookups, lang, zone, default_start, self)
        self.vips = VipSeatTable(lookups, lang, self)
        self.duties = UnitDutyTable(lookups, lang, self)
        self.labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        for key, title, table in (
                ("staff_posts", translate("RunOfShowTab", "Staff posts (local time)"), self.posts),
                ("vip_seats", translate("RunOfShowTab", "Guests of honour and seating"),
                 self.vips),
                ("unit_duties", translate("RunOfShowTab", "Duties by unit"), self.duties)):
            heading = QLabel(title, self)
            heading.setStyleSheet("font-weight: 600;")
            layout.addWidget(heading)
            self.labels[key] = error_label(self)
            layout.addWidget(self.labels[key])
            layout.addWidget(table, 1)
