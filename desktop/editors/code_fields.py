"""Fields for values stored as codes and shown by their CLDR names: a country (``DE`` shown as
德国) and a person's languages (``zh,en`` shown as 中文、英语)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from models.language import Lang
from models.wording import countries, language_codes, language_names


class CountryCombo(QComboBox):
    """Countries by name (the ISO code as item data and tooltip); typing filters the list."""

    def __init__(self, lang: Lang, none_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem(none_label, "")
        for name, code in countries(lang):
            self.addItem(name, code)
            self.setItemData(self.count() - 1, code, Qt.ItemDataRole.ToolTipRole)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def code(self) -> str:
        """The ISO code chosen; typed text no name matches is passed on as typed (the model
        says what is wrong with it)."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return str(self.itemData(index) or "")
        by_code = self.findData(text.upper())
        return str(self.itemData(by_code)) if by_code >= 0 else text

    def set_code(self, code: str) -> None:
        index = self.findData(code.strip().upper())
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code)


class LanguagesEdit(QLineEdit):
    """A person's languages by name (中文、英语), stored as codes (``zh,en``)."""

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang

    def codes(self) -> str:
        return language_codes(self.text())

    def set_codes(self, codes: str) -> None:
        self.setText(language_names(codes, self.lang))
