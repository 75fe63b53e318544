"""One itinerary item, entered in the local time of its city, with Beijing time shown beside."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.editors.date_field import DateTimeField
from desktop.editors.form import CheckList, EnumCombo, Form, IdCombo, row
from desktop.editors.form_dialog import FormDialog
from desktop.editors.zone_combo import ZoneCombo
from desktop.formatting import fmt_datetime
from desktop.lookups import organisation_choices
from models import rules
from models.enums import ItemKind, PersonKind
from models.errors import ValidationError
from models.language import Lang
from models.lookups import Lookups
from models.operations.items import ItemDraft, TravelDetails
from models.timeutil import BEIJING, BEIJING_TZ, local_to_utc
from models.wording import place_name, utc_offset


def to_qdatetime(moment: datetime) -> QDateTime:
    """A wall-clock QDateTime (no zone) for a local, aware datetime."""
    return QDateTime.fromString(moment.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")


def wall_clock(edit: QDateTimeEdit) -> datetime:
    value = edit.dateTime()
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def datetime_edit(parent: QWidget | None = None) -> DateTimeField:
    """A day-and-time field (typed or picked, its weekday beside it)."""
    return DateTimeField(with_time=True, parent=parent)


class ItemDialog(FormDialog):
    """``members`` are the delegation (id, name): only they can attend."""

    def __init__(self, draft: ItemDraft, lookups: Lookups, members: list[tuple[str, int]],
                 lang: Lang, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, lang, parent)
        self.original = draft
        self.lookups = lookups
        self.kind = EnumCombo(ItemKind, lang)
        self.title_zh = QLineEdit()
        self.title_en = QLineEdit()
        self.city = IdCombo(((place_name(c.name(lang), c.country_code, lang), c.id)
                             for c in lookups.cities), none_label=self.tr("(no city)"))
        zones = {c.timezone for c in lookups.cities} | {BEIJING_TZ}
        self.zone = ZoneCombo(zones, lang)
        self.all_day = QCheckBox(self.tr("All day (whole days, no times)"))
        self.start = datetime_edit()
        self.end = datetime_edit()
        self.beijing = QLabel()
        self.beijing.setStyleSheet("color: #2c5d8a;")
        self.place = QLineEdit()
        self.organisation = IdCombo(organisation_choices(lookups, lang),
                                    none_label=self.tr("(none)"))
        self.attendees = CheckList(members)
        self.attendees.setMinimumHeight(120)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.outcome = QPlainTextEdit()
        self.outcome.setMaximumHeight(70)
        f = self.form
        f.field(self.tr("Kind"), self.kind, "kind")
        f.field(self.tr("Title (Chinese)"), self.title_zh, "title_zh")
        f.field(self.tr("Title (English)"), self.title_en, "title_en")
        f.field(self.tr("City"), self.city, "city_id")
        f.field(self.tr("Time zone"), self.zone, "timezone")
        f.field("", self.all_day)
        f.field(self.tr("Starts (local time)"), self.start, "starts_at")
        f.field(self.tr("Ends (local time; a journey: where it arrives)"), self.end, "ends_at")
        f.field(self.tr("Beijing time"), row(self.beijing))
        f.field(self.tr("Place"), self.place, "place")
        f.field(self.tr("Organisation"), self.organisation, "organisation_id")
        f.field(self.tr("Attendees"), self.attendees, "attendee_ids")
        f.field(self.tr("Notes"), self.notes, "notes")
        f.field(self.tr("Outcome"), self.outcome, "outcome")
        self._build_details(zones)
        self._show(draft)
        self.city.currentIndexChanged.connect(self._city_changed)
        for signal in (self.start.dateTimeChanged, self.end.dateTimeChanged,
                       self.zone.currentTextChanged, self.arrival_zone.currentTextChanged):
            signal.connect(self._update_beijing)
        self.start.dateTimeChanged.connect(self._keep_length)
        self.all_day.toggled.connect(self._all_day_changed)
        self._length = draft.ends_at - draft.starts_at
        self._update_beijing()
        self.resize(620, 720)

    def _build_details(self, zones: set[str]) -> None:
        """The second tab: a journey's service and ends, a stay's address, a meeting's people
        and purpose. The first tab keeps the item itself."""
        details = QWidget()
        form = Form(self.errors, details)
        self.arrival_zone = ZoneCombo(zones, self.lang, empty="")
        self.arrival_zone.setToolTip(self.tr("Leave empty when the journey ends in the zone it "
                                             "starts in"))
        line = {name: QLineEdit() for name in TravelDetails.__dataclass_fields__
                if name != "arrival_timezone"}
        self.travel_edits = line
        line["carrier"].setPlaceholderText(self.tr("e.g. 国泰航空 Cathay Pacific"))
        line["service_number"].setPlaceholderText(self.tr("e.g. CX563"))
        for name in ("from_code", "to_code"):
            line[name].setPlaceholderText(self.tr("code"))
            line[name].setMaximumWidth(70)
        for name in ("from_terminal", "to_terminal"):
            line[name].setPlaceholderText(self.tr("terminal"))
            line[name].setMaximumWidth(110)
        counterparts = [(f"{p.name(self.lang)}  {p.title(self.lang)}".strip(), p.id)
                        for p in self.lookups.people if p.kind is PersonKind.EXTERNAL]
        self.counterparts = CheckList(counterparts)
        self.counterparts.setMinimumHeight(110)
        self.ask = QPlainTextEdit()
        self.ask.setMaximumHeight(60)
        self.offer = QPlainTextEdit()
        self.offer.setMaximumHeight(60)
        form.field(self.tr("Arrival time zone"), self.arrival_zone, "arrival_timezone")
        form.field(self.tr("Carrier"), line["carrier"], "carrier")
        form.field(self.tr("Flight or train no."), line["service_number"], "service_number")
        form.field(self.tr("From"), row(line["from_place"], line["from_code"],
                                        line["from_terminal"]), "from_place", "from_code",
                   "from_terminal")
        form.field(self.tr("To"), row(line["to_place"], line["to_code"], line["to_terminal"]),
                   "to_place", "to_code", "to_terminal")
        form.field(self.tr("Booking reference"), line["booking_ref"], "booking_ref")
        form.field(self.tr("Seat class"), line["seat_class"], "seat_class")
        form.field(self.tr("Meeting point"), line["meeting_point"], "meeting_point")
        form.field(self.tr("Hotel address"), line["address"], "address")
        form.field(self.tr("Hotel phone"), line["phone"], "phone")
        form.field(self.tr("People we meet"), self.counterparts, "counterpart_ids")
        form.field(self.tr("What we ask"), self.ask, "ask")
        form.field(self.tr("What we offer"), self.offer, "offer")
        tabs = QTabWidget(self)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(self.body)
        tabs.addTab(self.body, self.tr("Item"))
        tabs.addTab(details, self.tr("Travel, stay && meeting"))
        layout.insertWidget(1, tabs, 1)
        self.tabs = tabs

    def _end_zone(self) -> str:
        return self.arrival_zone.zone() or self.zone.zone()

    def _show(self, d: ItemDraft) -> None:
        local_zone = ZoneInfo(d.timezone)
        self.arrival_zone.set_zone(d.travel.arrival_timezone)
        for name, edit in self.travel_edits.items():
            edit.setText(getattr(d.travel, name))
        self.counterparts.set_values(d.counterpart_ids)
        self.ask.setPlainText(d.ask)
        self.offer.setPlainText(d.offer)
        self.kind.set_value(d.kind)
        self.title_zh.setText(d.title_zh)
        self.title_en.setText(d.title_en)
        self.city.set_value(d.city_id)
        self.zone.set_zone(d.timezone)
        self.start.setDateTime(to_qdatetime(d.starts_at.astimezone(local_zone)))
        self.end.setDateTime(to_qdatetime(d.ends_at.astimezone(
            ZoneInfo(d.travel.arrival_timezone or d.timezone))))
        self.place.setText(d.place)
        self.organisation.set_value(d.organisation_id)
        self.attendees.set_values(d.attendee_ids)
        self.notes.setPlainText(d.notes)
        self.outcome.setPlainText(d.outcome)
        self.all_day.setChecked(d.all_day)
        self._all_day_changed(d.all_day)

    def _all_day_changed(self, checked: bool) -> None:
        """Whole days show dates only; the item then runs from 00:00 to 23:59 local time."""
        for edit in (self.start, self.end):
            edit.set_with_time(not checked)

    def _wall(self, edit: QDateTimeEdit, end: bool) -> datetime:
        wall = wall_clock(edit)
        if self.all_day.isChecked():
            return datetime.combine(wall.date(), time(23, 59) if end else time())
        return wall

    def _city_changed(self) -> None:
        city = self.lookups.city(self.city.value())
        if city is not None:
            self.zone.set_zone(city.timezone)

    def _keep_length(self) -> None:
        """Moving the start moves the end with it, as calendars do."""
        if self._length > timedelta(0):
            end = wall_clock(self.start) + self._length
            self.end.blockSignals(True)
            self.end.setDateTime(QDateTime.fromString(end.strftime("%Y-%m-%d %H:%M"),
                                                      "yyyy-MM-dd HH:mm"))
            self.end.blockSignals(False)
            self._update_beijing()

    def _update_beijing(self) -> None:
        try:
            zone = rules.timezone_name("timezone", self.zone.zone())
            end_zone = rules.timezone_name("arrival_timezone", self._end_zone())
            start = local_to_utc(self._wall(self.start, False), zone).astimezone(BEIJING)
            end = local_to_utc(self._wall(self.end, True), end_zone).astimezone(BEIJING)
        except ValidationError:  # a preview: the error is shown beside the field on OK
            self.beijing.setText(self.tr("(enter a valid time zone and times)"))
            return
        local_start = local_to_utc(self._wall(self.start, False), zone).astimezone(ZoneInfo(zone))
        self.beijing.setText(self.tr("%1 – %2 Beijing time (local %3)")
                             .replace("%1", fmt_datetime(start, self.lang))
                             .replace("%2", fmt_datetime(end, self.lang))
                             .replace("%3", utc_offset(local_start)))

    def draft(self) -> ItemDraft:
        """The item as entered. Raises ValidationError for a zone or time that cannot be."""
        zone = rules.timezone_name("timezone", self.zone.zone())
        arrival = self.arrival_zone.zone()
        if arrival:
            arrival = rules.timezone_name("arrival_timezone", arrival)
        travel = TravelDetails(arrival_timezone=arrival,
                               **{name: edit.text() for name, edit in self.travel_edits.items()})
        return ItemDraft(
            kind=self.kind.value(), title_zh=self.title_zh.text(), title_en=self.title_en.text(),
            starts_at=local_to_utc(self._wall(self.start, False), zone, "starts_at"),
            ends_at=local_to_utc(self._wall(self.end, True), arrival or zone, "ends_at"),
            timezone=zone,
            travel=travel, counterpart_ids=self.counterparts.values(),
            ask=self.ask.toPlainText(), offer=self.offer.toPlainText(),
            city_id=self.city.value(), place=self.place.text(),
            organisation_id=self.organisation.value(), attendee_ids=self.attendees.values(),
            notes=self.notes.toPlainText(), outcome=self.outcome.toPlainText(),
            uuid=self.original.uuid, all_day=self.all_day.isChecked(),
            external_uid=self.original.external_uid,
        )
