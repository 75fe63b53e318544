"""The one date and date-time field of every editor: typed freely, picked from a calendar.

Typing accepts what office staff write (``2024-02-05``, ``2024-2-5``, ``2/5`` in the campaign's
year, ``2月5日``, with ``9:30`` after a space); the arrows still step a part of the date, and
the button opens a month calendar. The weekday is a label beside the field (``星期一``), not
part of the format, so moving between the parts of the date stays simple.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QLabel, QWidget
from typing_extensions import override

from models.date_input import may_become_date, parse_moment
from models.language import Lang
from models.wording import weekday

translate = QCoreApplication.translate

DATE_FORMAT = "yyyy-MM-dd"
DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def ui_lang() -> Lang:
    """The window's language, as the translators set the default locale."""
    return Lang.EN if QLocale().language() == QLocale.Language.English else Lang.ZH


class DateTimeField(QDateTimeEdit):
    """A day (``with_time=False``) or a day and a time, with its weekday in ``self.weekday``.

    ``default_year`` is the year of a day typed without one (the campaign's year; the year the
    field shows when not set). An optional field (``setSpecialValueText`` with its minimum as
    "no date") accepts an empty text as "no date".
    """

    def __init__(self, with_time: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_year: int | None = None
        self.weekday = QLabel()
        self.weekday.setMinimumWidth(self.weekday.fontMetrics().horizontalAdvance("星期三 Wed"))
        self.weekday.setStyleSheet("color: #555;")
        self.setCalendarPopup(True)
        self.setKeyboardTracking(False)  # the value changes when typing is done (Enter, Tab)
        self.set_with_time(with_time)
        self.setToolTip(translate("DateTimeField", "Type a date such as 2024-02-05, 2024-2-5 "
                                  "or 2/5 (this year), or pick it with the button"))
        self.dateTimeChanged.connect(self._show_weekday)
        self._show_weekday()

    def set_with_time(self, with_time: bool) -> None:
        """Show the time as well (``HH:mm``) or the day alone (an all-day item)."""
        self.with_time = with_time
        self.setDisplayFormat(DATETIME_FORMAT if with_time else DATE_FORMAT)

    # --- lenient typing ----------------------------------------------------------------------

    def _year(self) -> int:
        return self.default_year or self.date().year()

    def _parse(self, text: str) -> QDateTime | None:
        if self._no_date(text):
            return self.minimumDateTime()
        current = self.time()
        moment = parse_moment(text, self._year(), time(current.hour(), current.minute()))
        if moment is None:
            return None
        if not self.with_time:
            moment = datetime.combine(moment.date(), time(current.hour(), current.minute()))
        value = QDateTime(QDate(moment.year, moment.month, moment.day),
                          QTime(moment.hour, moment.minute))
        if value < self.minimumDateTime() or value > self.maximumDateTime():
            return None
        return value

    def _no_date(self, text: str) -> bool:
        special = self.specialValueText()
        return bool(special) and text.strip() in ("", special)

    @override
    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self._parse(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if may_become_date(text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    @override
    def fixup(self, text: str) -> str:
        return text if self._parse(text) is not None else self.textFromDateTime(self.dateTime())

    @override
    def dateTimeFromText(self, text: str) -> QDateTime:
        value = self._parse(text)
        return value if value is not None else self.dateTime()

    @override
    def textFromDateTime(self, dt: QDateTime) -> str:
        if self.specialValueText() and dt == self.minimumDateTime():
            return self.specialValueText()
        return dt.toString(DATETIME_FORMAT if self.with_time else DATE_FORMAT)

    # --- the weekday beside ------------------------------------------------------------------

    def _show_weekday(self) -> None:
        if self.specialValueText() and self.dateTime() == self.minimumDateTime():
            self.weekday.setText("")
            return
        day = self.date()
        self.weekday.setText(weekday(date(day.year(), day.month(), day.day()), ui_lang(),
                                     long=True))


def beside(field: DateTimeField) -> QWidget:
    """The field with its weekday to the right, for a form row or a toolbar."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    layout.addWidget(field.weekday)
    return box
