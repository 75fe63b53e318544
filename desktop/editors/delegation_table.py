"""The delegation of a trip in its editor: people with their roles, in order."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.editors.form import EnumCombo, IdCombo
from models.enums import MemberRole, PersonKind
from models.language import Lang
from models.lookups import PersonRef


class DelegationTable(QWidget):
    """Pick people for the delegation and give each a role (团长, 联络员, 翻译...)."""

    changed = Signal()

    def __init__(self, people: tuple[PersonRef, ...], lang: Lang,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.people = {p.id: p for p in people}
        order = list(PersonKind)
        ranked = sorted((p for p in people if p.kind is not PersonKind.EXTERNAL),
                        key=lambda p: (order.index(p.kind), p.name_zh))
        self.picker = IdCombo((self._label(p) for p in ranked), parent=self)
        self.role = EnumCombo(MemberRole, lang, parent=self)
        self.role.set_value(MemberRole.MEMBER)
        add = QPushButton(self.tr("Add to delegation"), self)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Person"), self.tr("Role"),
                                              self.tr("Position")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 150)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        remove = QPushButton(self.tr("Remove"), self)
        up = QPushButton(self.tr("Move up"), self)
        down = QPushButton(self.tr("Move down"), self)
        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addWidget(self.role)
        top.addWidget(add)
        bottom = QHBoxLayout()
        bottom.addWidget(remove)
        bottom.addWidget(up)
        bottom.addWidget(down)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        add.clicked.connect(self._add_picked)
        remove.clicked.connect(self._remove)
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))

    def _label(self, p: PersonRef) -> tuple[str, int]:
        title = p.title(self.lang)
        return (f"{p.name(self.lang)} · {title}" if title else p.name(self.lang)), p.id

    def _add_picked(self) -> None:
        person_id = self.picker.value()
        if person_id is not None:
            self.add(person_id, self.role.value())

    def add(self, person_id: int, role: MemberRole) -> None:
        if person_id in self.person_ids() or person_id not in self.people:
            return
        person = self.people[person_id]
        n = self.table.rowCount()
        self.table.insertRow(n)
        name = QTableWidgetItem(f"{person.name_zh}  {person.name_en}".strip())
        name.setData(Qt.ItemDataRole.UserRole, person_id)
        self.table.setItem(n, 0, name)
        combo = EnumCombo(MemberRole, self.lang)
        combo.set_value(role)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(n, 1, combo)
        self.table.setItem(n, 2, QTableWidgetItem(person.title(self.lang)))
        self.changed.emit()

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for n in rows:
            self.table.removeRow(n)
        if rows:
            self.changed.emit()

    def _move(self, step: int) -> None:
        n = self.table.currentRow()
        members = self.members()
        if not 0 <= n < len(members) or not 0 <= n + step < len(members):
            return
        members[n], members[n + step] = members[n + step], members[n]
        self.set_members(members)
        self.table.selectRow(n + step)

    def person_ids(self) -> list[int]:
        return [pid for pid, _role in self.members()]

    def members(self) -> list[tuple[int, MemberRole]]:
        out = []
        for n in range(self.table.rowCount()):
            item = self.table.item(n, 0)
            combo = self.table.cellWidget(n, 1)
            if item is not None and isinstance(combo, QComboBox):
                out.append((int(item.data(Qt.ItemDataRole.UserRole)),
                            MemberRole(combo.currentData())))
        return out

    def set_members(self, members: list[tuple[int, MemberRole]]) -> None:
        self.blockSignals(True)
        self.table.setRowCount(0)
        for person_id, role in members:
            self.add(person_id, role)
        self.blockSignals(False)
        self.changed.emit()
