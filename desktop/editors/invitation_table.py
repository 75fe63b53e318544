"""Invitations of an event: organisations invited, their RSVP and guests, against capacity."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.editors.form import EnumCombo, IdCombo
from models.enums import RsvpState
from models.language import Lang
from models.lookups import Lookups
from models.operations.events import InvitationDraft

CONFIRMED = (RsvpState.ACCEPTED, RsvpState.ATTENDED)


class InvitationTable(QWidget):
    changed = Signal()

    def __init__(self, lookups: Lookups, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.lookups = lookups
        self.capacity: int | None = None
        self.picker = IdCombo(((o.name(lang), o.id) for o in lookups.organisations), parent=self)
        invite = QPushButton(self.tr("Invite"), self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Organisation"), self.tr("RSVP"),
                                              self.tr("Guests"), self.tr("Notes")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 260)
        self.table.setColumnWidth(1, 130)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        remove = QPushButton(self.tr("Remove invitation"), self)
        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addWidget(invite)
        bottom = QHBoxLayout()
        bottom.addWidget(remove)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        invite.clicked.connect(self._invite_picked)
        remove.clicked.connect(self._remove)
        self.changed.connect(self._update_summary)

    def _invite_picked(self) -> None:
        org_id = self.picker.value()
        if org_id is not None:
            self.add(InvitationDraft(org_id))

    def add(self, inv: InvitationDraft) -> None:
        if inv.organisation_id in {i.organisation_id for i in self.invitations()}:
            return
        org = self.lookups.organisation(inv.organisation_id)
        n = self.table.rowCount()
        self.table.insertRow(n)
        name = QTableWidgetItem(org.name(self.lang) if org else str(inv.organisation_id))
        name.setData(Qt.ItemDataRole.UserRole, inv.organisation_id)
        self.table.setItem(n, 0, name)
        rsvp = EnumCombo(RsvpState, self.lang)
        rsvp.set_value(inv.rsvp)
        rsvp.currentIndexChanged.connect(lambda _i: self.changed.emit())
        guests = QSpinBox()
        guests.setRange(0, 999)
        guests.setValue(inv.guests)
        guests.valueChanged.connect(lambda _v: self.changed.emit())
        notes = QLineEdit(inv.notes)
        notes.textChanged.connect(lambda _t: self.changed.emit())
        self.table.setCellWidget(n, 1, rsvp)
        self.table.setCellWidget(n, 2, guests)
        self.table.setCellWidget(n, 3, notes)
        self.changed.emit()

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for n in rows:
            self.table.removeRow(n)
        if rows:
            self.changed.emit()

    def invitations(self) -> list[InvitationDraft]:
        out = []
        for n in range(self.table.rowCount()):
            item = self.table.item(n, 0)
            rsvp, guests, notes = (self.table.cellWidget(n, c) for c in (1, 2, 3))
            if (item is not None and isinstance(rsvp, QComboBox) and isinstance(guests, QSpinBox)
                    and isinstance(notes, QLineEdit)):
                out.append(InvitationDraft(int(item.data(Qt.ItemDataRole.UserRole)),
                                           RsvpState(rsvp.currentData()), guests.value(),
                                           notes.text()))
        return out

    def set_invitations(self, invitations: list[InvitationDraft]) -> None:
        self.blockSignals(True)
        self.table.setRowCount(0)
        for inv in invitations:
            self.add(inv)
        self.blockSignals(False)
        self.changed.emit()

    def set_capacity(self, capacity: int | None) -> None:
        self.capacity = capacity
        self._update_summary()

    def confirmed_guests(self) -> int:
        return sum(i.guests for i in self.invitations() if i.rsvp in CONFIRMED)

    def _update_summary(self) -> None:
        invitations = self.invitations()
        counts = Counter(i.rsvp for i in invitations)
        parts = [f"{state.label(self.lang)} {counts[state]}" for state in RsvpState
                 if counts[state]]
        confirmed = self.confirmed_guests()
        text = self.tr("%1 invited (%2). Confirmed guests: %3").replace(
            "%1", str(len(invitations))).replace("%2", "，".join(parts) or "—").replace(
            "%3", str(confirmed))
        over = self.capacity is not None and confirmed > self.capacity
        if self.capacity is not None:
            text += " / " + self.tr("capacity %1").replace("%1", str(self.capacity))
        if over:
            text += "  ⚠ " + self.tr("more confirmed guests than seats")
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b35c00; font-weight: 600;" if over else "")
