"""Which organisation a project from a meeting concerns: the meeting's own organisations first
(an item's company and its trip's targets; a session's speakers' organisations and the event's
invitees, those who came first), then every other one. Type to narrow; Enter or a double-click
chooses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.language import Lang
from models.rows import Ref

ID_ROLE = Qt.ItemDataRole.UserRole


class OrganisationChooser(QDialog):
    def __init__(self, lang: Lang, meeting: str, suggested: list[Ref], others: list[Ref],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("Project from this meeting"))
        intro = QLabel(self.tr("Which organisation is the project with? “%1”")
                       .replace("%1", meeting), self)
        intro.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Type to search all organisations…"))
        self.list = QListWidget(self)
        self.list.setUniformItemSizes(True)
        shown = {o.id for o in suggested}
        self._heading(self.tr("In this meeting") if suggested
                      else self.tr("This meeting names no organisation"))
        for org in suggested:
            self._add(org, bold=True)
        self._heading(self.tr("All organisations"))
        for org in others:
            if org.id not in shown:
                self._add(org, bold=False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _i: self._ok())
        self.list.currentItemChanged.connect(lambda *_a: self._enable_ok())
        self.search.textChanged.connect(self._narrow)
        self.search.returnPressed.connect(self._ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        first = self._choices()
        if suggested and first:
            self.list.setCurrentItem(first[0])
        self._enable_ok()
        self.search.setFocus()
        self.resize(520, 560)

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text, self.list)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setForeground(Qt.GlobalColor.darkGray)

    def _add(self, org: Ref, bold: bool) -> None:
        other = org.name_en if self.lang == Lang.ZH else org.name_zh
        text = org.name(self.lang) + (f"  ·  {other}" if other and other != org.name(self.lang)
                                      else "")
        item = QListWidgetItem(text, self.list)
        item.setData(ID_ROLE, org.id)
        if bold:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)

    def _choices(self) -> list[QListWidgetItem]:
        items = (self.list.item(n) for n in range(self.list.count()))
        return [i for i in items if i.data(ID_ROLE) is not None and not i.isHidden()]

    def _narrow(self, text: str) -> None:
        wanted = text.strip().casefold()
        for n in range(self.list.count()):
            item = self.list.item(n)
            if item.data(ID_ROLE) is not None:
                item.setHidden(bool(wanted) and wanted not in item.text().casefold())
        current = self.list.currentItem()
        if current is None or current.isHidden():
            choices = self._choices()
            if choices:
                self.list.setCurrentItem(choices[0])
        self._enable_ok()

    def _enable_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.chosen() is not None)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        ident = item.data(ID_ROLE)
        return int(ident) if ident is not None else None

    def choose(self, organisation_id: int) -> bool:
        """Select an organisation (keyboard users type; tests call this)."""
        for item in self._choices():
            if item.data(ID_ROLE) == organisation_id:
                self.list.setCurrentItem(item)
                return True
        return False

    def _ok(self) -> None:
        if self.chosen() is not None:
            self.accept()
