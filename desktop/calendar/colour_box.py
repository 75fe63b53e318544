"""The choice the calendar and the timeline share: colour entries by region or by type."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.calendar.style import ColourBy

translate = QCoreApplication.translate


class ColourByBox(QComboBox):
    chosen = Signal(object)  # the ColourBy picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(translate("ColourByBox", "Region"), ColourBy.REGION.value)
        self.addItem(translate("ColourByBox", "Type"), ColourBy.TYPE.value)
        self.currentIndexChanged.connect(lambda _i: self.chosen.emit(self.value()))

    def value(self) -> ColourBy:
        return ColourBy(self.currentData())

    def set_value(self, colour_by: ColourBy) -> None:
        self.setCurrentIndex(self.findData(colour_by.value))
