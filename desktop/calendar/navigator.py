"""Beside the calendar: a small month to jump to any day, and "go to date" (Ctrl+G)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

from desktop.editors.form import date_edit, date_of
from desktop.editors.form_dialog import FormDialog
from desktop.formatting import qdate
from models.language import Lang

translate = QCoreApplication.translate


class MiniMonth(QCalendarWidget):
    """A compact month; a click shows that day in the calendar (``clicked``). The days on
    screen in the calendar are marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLocale(QLocale())
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setHorizontalHeaderFormat(QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames)
        self.setFixedWidth(230)
        self.setMaximumHeight(200)
        self._marked: list[date] = []

    def show_day(self, day: date, first: date, last: date) -> None:
        """Select ``day`` and mark ``first``…``last`` (the calendar's range), no signals."""
        self.blockSignals(True)
        try:
            self.setSelectedDate(qdate(day))
            self.setCurrentPage(day.year, day.month)
            for old in self._marked:
                self.setDateTextFormat(qdate(old), QTextCharFormat())
            marked = QTextCharFormat()
            marked.setBackground(Qt.GlobalColor.transparent)
            marked.setFontWeight(700)
            self._marked = [first + timedelta(days=n) for n in range((last - first).days + 1)]
            for shown in self._marked:
                self.setDateTextFormat(qdate(shown), marked)
        finally:
            self.blockSignals(False)


class GoToDateDialog(FormDialog):
    """Which day to show: typed (2024-2-5, 2/5) or picked from the pop-up calendar."""

    def __init__(self, day: date, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(translate("GoToDateDialog", "Go to date"), lang, parent)
        self.field = date_edit(day)
        self.field.default_year = day.year
        self.form.field(translate("GoToDateDialog", "Date"), self.field, "day")
        self.resize(360, 120)

    def day(self) -> date:
        return date_of(self.field)
