"""The audit history of one record: who changed what, when, from which value to which.

``open_history(parent, sessions, RecordType.TRIPS, trip_id, lang)`` loads the history (plain
rows, in a session of its own) and shows it; a trip's history includes its itinerary items, an event's
its agenda sessions.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from desktop.formatting import plain_tooltip
from models.audit.history import AuditRow, record_history
from models.audit.labels import describe_value, field_label, local_time
from models.audit.table import CREATE, DELETE
from models.language import Lang
from models.record_types import RecordType


def _t(lang: Lang, zh: str, en: str) -> str:
    return lang.pick(zh, en)


class HistoryDialog(QDialog):
    """The changes of one record, newest first; each change lists its fields."""

    COLUMNS = (("时间", "When"), ("修改人", "Who"), ("操作", "What"), ("字段", "Field"),
               ("原值", "Before"), ("新值", "After"))

    def __init__(self, title: str, entries: Sequence[AuditRow], lang: Lang = Lang.ZH,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(_t(lang, f"修改记录 — {title}", f"History — {title}"))
        self.resize(900, 560)
        self.summary = QLabel(_t(lang, f"{title}：共 {len(entries)} 次修改",
                                 f"{title}: {len(entries)} change(s)"))
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(len(self.COLUMNS))
        self.tree.setHeaderLabels([_t(lang, zh, en) for zh, en in self.COLUMNS])
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        for entry in reversed(entries):
            self.tree.addTopLevelItem(self._entry_item(entry))
        self.tree.expandAll()
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def _entry_item(self, entry: AuditRow) -> QTreeWidgetItem:
        revision = f" · rev {entry.revision}" if entry.revision is not None else ""
        what = f"{entry.action_label(self.lang)} {entry.what(self.lang)}{revision}"
        item = QTreeWidgetItem([local_time(entry.at), entry.actor, what, "", "", ""])
        item.setToolTip(2, plain_tooltip(what))
        for change in entry.changes:
            old = describe_value(entry.record_type, change.field, change.old, self.lang)
            new = describe_value(entry.record_type, change.field, change.new, self.lang)
            if entry.action == CREATE:
                old = ""
            elif entry.action == DELETE:
                new = ""
            child = QTreeWidgetItem(["", "", "", field_label(change.field, self.lang,
                                                             entry.record_type), old, new])
            child.setToolTip(4, plain_tooltip(old))
            child.setToolTip(5, plain_tooltip(new))
            item.addChild(child)
        return item

    def entry_texts(self) -> list[str]:
        """The top-level lines as shown (newest first)."""
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [" | ".join(item.text(c) for c in range(3)) for item in items if item is not None]


def load_history(sessions: sessionmaker[Session], record_type: RecordType,
                 record_id: int) -> list[AuditRow]:
    with sessions() as session:
        return record_history(session, record_type, record_id)


def open_history(parent: QWidget | None, sessions: sessionmaker[Session], record_type: RecordType,
                 record_id: int, lang: Lang = Lang.ZH, title: str = "") -> HistoryDialog:
    """Show the history of one record (``record_type`` is a table name: "trips", "people"...).

    Not modal: the user may keep it open beside the editor. Returns the dialog.
    """
    entries = load_history(sessions, record_type, record_id)
    if not title:
        own = [e for e in entries if e.record_type == record_type and e.record_id == record_id]
        label = own[-1].record_label if own else f"#{record_id}"
        title = f"{record_type.label(lang)} {label}"
    dialog = HistoryDialog(title, entries, lang, parent)
    dialog.show()
    return dialog
