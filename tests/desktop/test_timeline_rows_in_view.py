"""The year timeline scrolled to its end: the last row whole, bars and name in sight, in both
languages and at small window heights; the title and the year never cut."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from desktop.calendar.timeline import TimelineView
from desktop.calendar.timeline_parts import MIN_ROW_H
from desktop.i18n import install_translators, remove_translators
from models.enums import EventKind, EventStatus
from models.language import Lang
from models.operations.events import EventDraft, create_event
from models.timeutil import at
from planning.timeline import Grouping
from tests.desktop.planning_world import context, make_plan


@pytest.fixture(params=[Lang.ZH, Lang.EN], ids=["zh", "en"])
def lang(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[Lang]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translators(app, request.param)
    yield request.param
    remove_translators(app, installed)


@pytest.fixture
def tall_last_row(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """The planning world and sixteen events at home a week apart: the last row (本地) is the
    tallest, as in the sample campaign."""
    plan = make_plan(sessions)
    with sessions.begin() as s:
        for n in range(16):
            day = date(2023, 2, 6) + timedelta(days=7 * n)
            create_event(s, EventDraft(
                EventKind.INDUSTRY_SUMMIT, f"第{n + 1}期投资东莞尊享会（重点产业链专场）",
                at(day, "09:00", "Asia/Shanghai"), at(day, "17:30", "Asia/Shanghai"),
                "Asia/Shanghai", title_en=f"Invest Dongguan VIP Meeting no. {n + 1} (key chains)",
                city_id=plan.world.dongguan_id, status=EventStatus.PLANNED))
    return sessions


def scrolled_to_the_end(qtbot: QtBot, sessions: sessionmaker[Session], lang: Lang, width: int,
                        height: int, grouping: Grouping = Grouping.REGION) -> TimelineView:
    view = TimelineView(context(sessions, lang))
    qtbot.addWidget(view)
    view.today = date(2023, 3, 27)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    view.set_grouping(grouping)
    bar = view.scroller.verticalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    return view


@pytest.mark.parametrize(("width", "height"), [(1280, 700), (900, 420), (760, 320)])
def test_the_last_row_is_whole_when_scrolled_to_the_end(qtbot: QtBot, tall_last_row: sessionmaker,
                                                        lang: Lang, width: int,
                                                        height: int) -> None:
    view = scrolled_to_the_end(qtbot, tall_last_row, lang, width, height)
    canvas = view.canvas
    assert canvas.rows[-1].label(Lang.ZH) == "本地"
    shown = canvas.visibleRegion().boundingRect()
    top, bottom = canvas.row_tops[-2], canvas.row_tops[-1]
    assert shown.height() < bottom - top or shown.top() <= top  # a tall row needs scrolling
    assert shown.bottom() >= bottom  # ... and its bottom edge is in sight at the end
    last = len(canvas.rows) - 1
    for rect, _entry, row in canvas.bar_rects():
        if row == last and rect.top() >= shown.top():
            assert shown.contains(rect.toAlignedRect().adjusted(0, 0, -1, -1))
    # the row's name and counts stay beside its bars, inside the labels' column
    labels = view.labels
    name = QRect(0, int(labels.name_top(last) - labels.offset), labels.width(), int(MIN_ROW_H))
    assert labels.rect().contains(name)
    assert not view.grab().isNull()


def test_every_row_keeps_its_name_in_sight_while_any_of_it_shows(qtbot: QtBot,
                                                                 tall_last_row: sessionmaker,
                                                                 lang: Lang) -> None:
    view = scrolled_to_the_end(qtbot, tall_last_row, lang, 900, 360, Grouping.LEADER)
    labels, canvas = view.labels, view.canvas
    for value in range(0, view.scroller.verticalScrollBar().maximum() + 1, 37):
        view.scroller.verticalScrollBar().setValue(value)
        for n in range(len(canvas.rows)):
            top, bottom = canvas.row_tops[n], canvas.row_tops[n + 1]
            if bottom - value >= MIN_ROW_H and top - value < labels.height() - MIN_ROW_H:
                assert value <= labels.name_top(n) <= bottom - MIN_ROW_H + 0.5


def test_the_title_and_the_year_are_never_cut(qtbot: QtBot, tall_last_row: sessionmaker,
                                             lang: Lang) -> None:
    view = scrolled_to_the_end(qtbot, tall_last_row, lang, 700, 420)
    title = view.title.text()
    assert title.startswith("2023")
    assert view.title.toolTip() == title  # elided in the narrow window, whole in its tooltip
    assert view.title.geometry().right() < view.group_box.geometry().left()
    assert view.corner.text() == lang.pick("2023年", "2023")
    metrics = view.corner.fontMetrics()
    assert metrics.horizontalAdvance(view.corner.text()) < view.corner.width()
    view.resize(1600, 700)
    QApplication.processEvents()
    assert view.title.toolTip() == ""  # nothing cut: no tooltip needed
