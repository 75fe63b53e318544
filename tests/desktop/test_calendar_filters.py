"""The planning views' filter bar: its boxes filled from the choices read with the entries."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.calendar.filters import FilterBar
from models.enums import RegionKind
from models.language import Lang
from models.rows import Ref, RegionRow
from planning.feed import FilterChoices, Filters


def choices(people: int) -> FilterChoices:
    regions = (RegionRow(1, "EUUS", "欧美", "Europe & US", next(iter(RegionKind))),)
    return FilterChoices(regions, (Ref(1, "新能源汽车"),), (Ref(1, "投资促进局"),),
                         tuple(Ref(n, f"人员{n}") for n in range(1, people + 1)))


def test_the_same_choices_read_again_leave_the_boxes_as_they_are(qtbot: QtBot) -> None:
    """A change elsewhere reads the choices again with the entries; the same ~1,000 people are
    not put into the box again, and a new person is."""
    bar = FilterBar(Lang.ZH)
    qtbot.addWidget(bar)
    bar.set_choices(choices(1000))
    bar.set_filters(Filters(person_id=500))
    model = bar.person.model()
    assert model is not None
    refills: list[int] = []
    model.rowsRemoved.connect(lambda *_a: refills.append(1))
    bar.set_choices(choices(1000))
    assert refills == [] and bar.person.count() == 1001
    assert bar.filters().person_id == 500 and bar.person.currentText() == "人员500"
    bar.set_choices(choices(1001))
    assert refills and bar.person.count() == 1002
    assert bar.filters().person_id == 500  # what was chosen stays chosen
