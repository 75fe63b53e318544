"""The save-conflict dialog: someone else saved the record while you were editing it.

Shows both versions field by field (theirs, as now in the database, beside yours) and lets the
user choose what happens; nothing is decided behind their back:

- ``RELOAD``: discard my input, load their version into the editor;
- ``OVERWRITE``: save my version over theirs (theirs stays in the audit history);
- ``KEEP_THEIRS_AS_COPY``: save my version, and keep their version as a new copy of the record;
- ``CANCEL``: decide later; the editor stays open with my input.

Call :func:`resolve_conflict` from the save path when a ``ConcurrentEditError`` arrives.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import is_dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.formatting import plain_tooltip
from models.audit.labels import field_label, local_time
from models.language import Lang

DIFFERENT = QColor("#fff1c2")


class Resolution(enum.Enum):
    RELOAD = "reload"
    OVERWRITE = "overwrite"
    KEEP_THEIRS_AS_COPY = "keep_theirs_as_copy"
    CANCEL = "cancel"


def _t(lang: Lang, zh: str, en: str) -> str:
    return en if lang == "en" else f"{zh} {en}" if lang == "both" else zh


def format_value(value: Any, lang: Lang = Lang.ZH) -> str:
    """A draft's value as a person reads it."""
    if value is None or value == "" or (isinstance(value, Sequence | set) and not isinstance(
            value, str) and len(value) == 0):
        return "—"
    if isinstance(value, bool):
        return ("yes" if value else "no") if lang == "en" else ("是" if value else "否")
    label = getattr(value, "label", None)
    if isinstance(value, enum.Enum):
        return str(label(lang)) if callable(label) else str(value.value)
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "，".join(f"{k}: {format_value(v, lang)}" for k, v in value.items())
    if isinstance(value, list | tuple | set):
        return "、".join(format_value(v, lang) for v in value)
    if is_dataclass(value) and hasattr(value, "title_zh"):
        start = getattr(value, "starts_at", None)
        return f"{value.title_zh}" + (f"（{start:%m-%d %H:%M}）" if isinstance(start, datetime) else "")
    return str(value)


def field_name(key: str, lang: Lang = Lang.ZH, labels: Mapping[str, str] | None = None) -> str:
    """A draft field's label: given labels first, then the audit history's names."""
    if labels and key in labels:
        return labels[key]
    candidates = [key]
    if key.endswith("_ids"):
        candidates += [key[:-4] + "s", key[:-4]]
    elif key.endswith("_id"):
        candidates.append(key[:-3])
    for candidate in candidates:
        name = field_label(candidate, lang)
        if name != candidate:
            return name
    return key


def differing_fields(mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> list[str]:
    keys = list(dict.fromkeys([*mine, *theirs]))
    return [k for k in keys if mine.get(k) != theirs.get(k)]


class ConflictDialog(QDialog):
    """Both versions side by side; the chosen :class:`Resolution` is in ``resolution``."""

    def __init__(self, mine: Mapping[str, Any], theirs: Mapping[str, Any], *, what: str = "",
                 changed_by: str = "", changed_at: datetime | None = None,
                 labels: Mapping[str, str] | None = None, lang: Lang = Lang.ZH,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.resolution = Resolution.CANCEL
        self.mine, self.theirs = dict(mine), dict(theirs)
        self.labels = labels
        self.setWindowTitle(_t(lang, "保存冲突", "Save conflict") + (f" — {what}" if what else ""))
        self.resize(860, 520)

        who = changed_by or _t(lang, "其他人", "someone else")
        when = f"（{local_time(changed_at)}）" if changed_at else ""
        subject = what or _t(lang, "这条记录", "this record")
        self.intro = QLabel(_t(
            lang,
            f"在您编辑期间，{who}{when}保存了{subject}。下面是数据库中的版本和您的版本，"
            "请选择如何处理；在您选择之前什么都不会保存。",
            f"{who}{when} saved {subject} while you were editing it. Below are the version in "
            "the database and yours; nothing is saved until you choose.",
        ))
        self.intro.setWordWrap(True)

        self.only_differences = QCheckBox(_t(lang, "只显示不同之处", "Only the differences"))
        self.only_differences.setChecked(True)
        self.only_differences.toggled.connect(self._fill)

        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([
            _t(lang, "字段", "Field"),
            _t(lang, "数据库中的版本（他人保存）", "Theirs (in the database)"),
            _t(lang, "您的版本", "Yours"),
        ])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.reload_button = QPushButton(_t(lang, "放弃我的修改，重新载入", "Reload theirs"))
        self.reload_button.setToolTip(_t(lang, "丢弃您的输入，载入数据库中的版本",
                                         "Discard your input and load the version in the database"))
        self.overwrite_button = QPushButton(_t(lang, "用我的版本覆盖", "Overwrite with mine"))
        self.overwrite_button.setToolTip(_t(lang, "保存您的版本；对方的修改仍可在修改记录中查看",
                                            "Save yours; their change stays in the history"))
        self.copy_button = QPushButton(_t(lang, "保存我的版本，对方版本另存为副本",
                                          "Save mine, keep theirs as a copy"))
        self.copy_button.setToolTip(_t(lang, "保存您的版本，同时把对方的版本复制为一条新记录",
                                       "Save yours and copy their version into a new record"))
        self.cancel_button = QPushButton(_t(lang, "稍后决定（继续编辑）", "Decide later"))
        for button, resolution in ((self.reload_button, Resolution.RELOAD),
                                   (self.overwrite_button, Resolution.OVERWRITE),
                                   (self.copy_button, Resolution.KEEP_THEIRS_AS_COPY),
                                   (self.cancel_button, Resolution.CANCEL)):
            button.clicked.connect(lambda _=False, r=resolution: self.choose(r))
        self.cancel_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.overwrite_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.only_differences)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._fill()

    def rows(self) -> list[tuple[str, str, str, bool]]:
        """(field label, theirs, mine, differs) as shown."""
        keys = list(dict.fromkeys([*self.mine, *self.theirs]))
        differing = set(differing_fields(self.mine, self.theirs))
        out = []
        for key in keys:
            if self.only_differences.isChecked() and key not in differing:
                continue
            out.append((field_name(key, self.lang, self.labels),
                        format_value(self.theirs.get(key), self.lang),
                        format_value(self.mine.get(key), self.lang), key in differing))
        return out

    def _fill(self) -> None:
        rows = self.rows()
        self.table.setRowCount(len(rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for r, (name, theirs, mine, differs) in enumerate(rows):
            for c, text in enumerate((name, theirs, mine)):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(text))
                if differs:
                    item.setBackground(QBrush(DIFFERENT))
                    if c == 0:
                        item.setFont(bold)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()

    def choose(self, resolution: Resolution) -> None:
        self.resolution = resolution
        if resolution is Resolution.CANCEL:
            self.reject()
        else:
            self.accept()


def resolve_conflict(parent: QWidget | None, mine: Mapping[str, Any], theirs: Mapping[str, Any],
                     *, what: str = "", changed_by: str = "", changed_at: datetime | None = None,
                     labels: Mapping[str, str] | None = None, lang: Lang = Lang.ZH) -> Resolution:
    """Ask the user how to settle a save conflict (modal); CANCEL when they close it."""
    dialog = ConflictDialog(mine, theirs, what=what, changed_by=changed_by, changed_at=changed_at,
                            labels=labels, lang=lang, parent=parent)
    dialog.exec()
    return dialog.resolution
