"""A small campaign for the planning views' tests: a Frankfurt trip over the European DST
change (25–28 March 2023 local time), a draft trip in April, a summit at home led by a member
of staff, and a context on it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from desktop.context import AppContext
from models.enums import EventKind, EventStatus, ItemKind, TripStatus
from models.language import Lang
from models.operations.events import EventDraft, create_event
from models.operations.items import add_item
from models.timeutil import at
from tests.factories import World, item_draft, make_trip, make_world

V = TypeVar("V", bound=QWidget)


@dataclass
class Plan:
    world: World
    trip_id: int
    trip_code: str
    visit_id: int  # 24 March 09:00–11:00 Frankfurt
    dinner_id: int  # 25 March 22:30–23:30 Frankfurt (26 March in Beijing)
    sunday_id: int  # 26 March 09:00–10:00 Frankfurt, the first morning of summer time
    april_id: int
    event_id: int
    event_code: str


def make_plan(sessions: sessionmaker[Session]) -> Plan:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, status=TripStatus.APPROVED)  # 23–30 March 2023
        visit = add_item(s, trip.id, item_draft(w, day=24)).value
        dinner = add_item(s, trip.id, item_draft(w, day=25, start="22:30", end="23:30",
                                                 title_zh="晚宴", title_en="Dinner",
                                                 kind=ItemKind.BANQUET)).value
        sunday = add_item(s, trip.id, item_draft(w, day=26, start="09:00", end="10:00",
                                                 title_zh="推介会", title_en="Promotion meeting",
                                                 kind=ItemKind.PROMOTION_MEETING)).value
        april = make_trip(s, w, title_zh="长三角推介", title_en="YRD roadshow",
                          start_date=date(2023, 4, 18), end_date=date(2023, 4, 20),
                          region_id=w.home_region_id, members=[], leader_id=None,
                          city_ids=[w.dongguan_id])
        event = create_event(s, EventDraft(
            EventKind.INDUSTRY_SUMMIT, "新能源汽车产业峰会",
            at(date(2023, 3, 28), "09:00", "Asia/Shanghai"),
            at(date(2023, 3, 28), "17:30", "Asia/Shanghai"), "Asia/Shanghai",
            title_en="NEV industry summit", city_id=w.dongguan_id, lead_person_id=w.staff_id,
            industry_ids=[w.industry_id], venue="东莞国际会展中心", status=EventStatus.PLANNED)).value
    return Plan(w, trip.id, trip.code, visit, dinner, sunday, april.id, event.id, event.code)


def context(sessions: sessionmaker[Session], lang: Lang = Lang.ZH) -> AppContext:
    """The views' context; they read at once (the window's worker threads have their tests)."""
    ctx = AppContext(sessions, "sqlite://", lang)
    ctx.background_loading = False
    return ctx


def threaded_view(make: Callable[[AppContext], V], sessions: sessionmaker[Session],
                  qtbot: QtBot, width: int, height: int) -> V:
    """``make``'s view on a context that reads on worker threads, as in the window: sized and
    kept by ``qtbot``, not shown yet (the tests show it while waiting for its reads)."""
    ctx = context(sessions)
    ctx.background_loading = True
    view = make(ctx)
    qtbot.addWidget(view)
    view.resize(width, height)
    return view
