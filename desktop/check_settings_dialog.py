"""Settings of the scheduling checks, kept in the database for every planner: transfer and
travel times, trips a month, business hours and weekends per country, blackout dates."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from desktop.context import AppContext
from desktop.editors.form_dialog import FormDialog
from models.changes import OpChanges, RecordKind
from models.checks import settings as check_settings


def _spin(value: int, maximum: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setValue(value)
    box.setSuffix(suffix)
    return box


def _text(value: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(value)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(74)
    return edit


class CheckSettingsDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Scheduling checks"), ctx.lang, parent)
        self.ctx = ctx
        with ctx.sessions() as session:
            current = check_settings.load_settings(session)
            hours, weekends = check_settings.raw_text_settings(session)
        minutes = self.tr(" min")
        self.transfer = _spin(current.transfer_minutes, 600, minutes)
        self.between_cities = _spin(current.transfer_minutes_between_cities, 2880, minutes)
        self.between_countries = _spin(current.travel_hours_between_countries, 72,
                                       self.tr(" h"))
        self.max_trips = _spin(current.max_trips_per_month, 31, "")
        self.max_trips.setSpecialValueText(self.tr("No limit"))
        opens, closes = current.default_hours
        self.default_hours = QLineEdit(f"{opens:%H:%M}-{closes:%H:%M}")
        self.hours = _text(check_settings.country_lines(hours), "DE 08:30-17:00")
        self.weekends = _text(check_settings.country_lines(weekends), "AE sat,sun")
        self.blackouts = _text(check_settings.blackout_lines(current),
                               self.tr("2023-10-16 2023-10-20 reason"))
        note = QLabel(self.tr("One country per line with its two-letter code. Friday–Saturday "
                              "weekends (Saudi Arabia, Qatar, Egypt, Israel…) are known; China's "
                              "moved working days (调休) count as working days. Blackout lines: "
                              "first day, last day (optional), reason."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6b7a;")
        f = self.form
        f.field(self.tr("Transfer time in one city"), self.transfer, "transfer_minutes")
        f.field(self.tr("Transfer time between cities"), self.between_cities,
                "transfer_minutes_between_cities")
        f.field(self.tr("Travel between countries"), self.between_countries,
                "travel_hours_between_countries")
        f.field(self.tr("Trips a month per person"), self.max_trips, "max_trips_per_month")
        f.field(self.tr("Business hours"), self.default_hours, "hours")
        f.field(self.tr("Business hours by country"), self.hours, "hours_by_country")
        f.field(self.tr("Weekends by country"), self.weekends, "weekend")
        f.field(self.tr("Blackout dates"), self.blackouts, "blackouts")
        f.field("", note)
        self.accept_with = lambda _dialog: self.store()
        self.resize(620, 560)

    def store(self) -> bool:
        hours = check_settings.parse_country_lines(self.hours.toPlainText(), "hours_by_country")
        weekends = check_settings.parse_country_lines(self.weekends.toPlainText(), "weekend")
        blackouts = check_settings.parse_blackout_lines(self.blackouts.toPlainText())
        numbers = {"transfer_minutes": self.transfer.value(),
                   "transfer_minutes_between_cities": self.between_cities.value(),
                   "travel_hours_between_countries": self.between_countries.value(),
                   "max_trips_per_month": self.max_trips.value()}
        with self.ctx.sessions.begin() as session:
            check_settings.save_settings(session, numbers, self.default_hours.text(), hours,
                                         weekends, blackouts)
        # every view that shows findings reads them again
        self.ctx.notify(OpChanges.of(RecordKind.CAMPAIGN))
        return True
