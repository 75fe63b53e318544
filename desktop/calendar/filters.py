"""The filter bar over the calendar and the timeline: region, industry, unit, status, person,
and which kinds of entries to show."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QHBoxLayout, QLabel, QToolButton, QWidget

from models.enums import TripStatus
from models.language import Lang
from models.rows import Ref, RegionRow
from planning.feed import FilterChoices, Filters


class FilterBar(QWidget):
    changed = Signal(object)  # Filters

    def __init__(self, lang: Lang, items: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._loading = False
        self._choices: FilterChoices | None = None  # what the boxes list
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(QLabel(self.tr("Filter:")))
        self.region = self._combo(self.tr("All regions"))
        self.industry = self._combo(self.tr("All industries"))
        self.unit = self._combo(self.tr("All units"))
        self.status = self._combo(self.tr("Any status"))
        self.person = self._combo(self.tr("Everyone"))
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.person.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.region.setToolTip(self.tr("Trips by their region, events by their city's region"))
        self.unit.setToolTip(self.tr("The responsible unit hosting the trip or event"))
        self.person.setToolTip(self.tr("Trips the person leads or joins, the items they attend, "
                                       "the events they lead or speak at"))
        for combo in (self.region, self.industry, self.unit, self.status, self.person):
            layout.addWidget(combo)
        self.trips = QCheckBox(self.tr("Trips"))
        self.items = QCheckBox(self.tr("Itinerary"))
        self.events = QCheckBox(self.tr("Events"))
        self.visits = QCheckBox(self.tr("HQ visits"))
        self.visits.setToolTip(self.tr("Planned HQ visits of the 100 teams"))
        for box in (self.trips, self.items, self.events, self.visits):
            box.setChecked(True)
            box.toggled.connect(self._emit)
            layout.addWidget(box)
        self.items.setVisible(items)  # the timeline shows no itinerary items nor visits
        self.visits.setVisible(items)
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        for status in TripStatus:
            self.status.addItem(status.label(lang), status.value)

    def _combo(self, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaximumWidth(220)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def set_choices(self, choices: FilterChoices) -> None:
        """Fill the boxes, keeping what was chosen where it still exists (the same choices read
        again after a change elsewhere leave the boxes as they are: ~1,000 people)."""
        if choices == self._choices:
            return
        self._choices = choices
        current = self.filters()
        self._loading = True
        try:
            _fill(self.region, choices.regions, self.lang)
            _fill(self.industry, choices.industries, self.lang)
            _fill(self.unit, choices.units, self.lang)
            _fill(self.person, choices.people, self.lang)
            self.set_filters(current)
        finally:
            self._loading = False

    def filters(self) -> Filters:
        return Filters(
            region_id=self.region.currentData(),
            industry_id=self.industry.currentData(),
            unit_id=self.unit.currentData(),
            status=self.status.currentData(),
            person_id=self.person.currentData(),
            trips=self.trips.isChecked(),
            items=self.items.isChecked(),
            events=self.events.isChecked(),
            visits=self.visits.isChecked(),
        )

    def set_filters(self, f: Filters) -> None:
        loading, self._loading = self._loading, True
        try:
            for combo, value in ((self.region, f.region_id), (self.industry, f.industry_id),
                                 (self.unit, f.unit_id), (self.status, f.status),
                                 (self.person, f.person_id)):
                combo.setCurrentIndex(max(combo.findData(value), 0))
            self.trips.setChecked(f.trips)
            self.items.setChecked(f.items)
            self.events.setChecked(f.events)
            self.visits.setChecked(f.visits)
        finally:
            self._loading = loading
        self._emit()

    def clear(self) -> None:
        self.set_filters(Filters())

    def _emit(self) -> None:
        if not self._loading:
            self.clear_button.setEnabled(self.filters() != Filters())
            self.changed.emit(self.filters())


def _fill(combo: QComboBox, refs: Sequence[Ref | RegionRow], lang: Lang) -> None:
    while combo.count() > 1:
        combo.removeItem(1)
    for ref in refs:
        combo.addItem(ref.name(lang), ref.id)
