"""A time-zone field that shows zones by their names (德国 · 中欧时间 (UTC+01:00)) and gives the
IANA name (``Europe/Berlin``) to the model. Any IANA name may still be typed."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from models.language import Lang
from models.wording import zone_label


class ZoneCombo(QComboBox):
    """Editable: the list holds the zones given (by their CLDR names, the IANA name as item data
    and tooltip); typed text that is not one of them is taken as an IANA name."""

    def __init__(self, zones: Iterable[str], lang: Lang, empty: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setEditable(True)
        if empty is not None:
            self.addItem(empty, "")
        labelled = sorted((zone_label(z, lang), z) for z in set(zones))
        for label, zone in labelled:
            self._add(label, zone)

    def _add(self, label: str, zone: str) -> int:
        self.addItem(label, zone)
        index = self.count() - 1
        self.setItemData(index, zone, Qt.ItemDataRole.ToolTipRole)
        return index

    def zone(self) -> str:
        """The IANA name chosen or typed (``""`` for the empty choice)."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return str(self.itemData(index) or "")
        by_name = self.findData(text)
        return str(self.itemData(by_name) or "") if by_name >= 0 else text

    def set_zone(self, zone: str) -> None:
        """Select ``zone`` (an IANA name), adding it to the list when it is not there."""
        index = self.findData(zone)
        if index < 0:
            index = self._add(zone_label(zone, self.lang), zone) if zone else -1
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText("")
