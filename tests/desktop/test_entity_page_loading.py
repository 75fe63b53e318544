"""An entity page's load leaves the window's thread only the swap: the rows, what the page shows
beside them and their sort come from the worker thread; the columns are fitted to the rows in
sight, not to every row (issue 13: 20,000 projects at ten years of history)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.engine import Engine

from desktop.context import AppContext
from desktop.editors.opening import Editors
from desktop.pages.entity_page import FIT_SAMPLE, EntityPage
from desktop.pages.organisations import OrganisationsPage
from desktop.pages.projects import ProjectsPage
from desktop.pages.trips import TripsPage
from desktop.pages.visits import VisitsPage
from desktop.tables.row_model import SORT_ROLE

PAGES: dict[str, type[EntityPage]] = {
    "projects": ProjectsPage, "visits": VisitsPage, "trips": TripsPage,
    "organisations": OrganisationsPage,
}


@pytest.fixture
def statement_threads(sample_ctx: AppContext) -> Iterator[list[str]]:
    """The name of the thread of every statement run on the sample's engine."""
    engine = sample_ctx.sessions.kw["bind"]
    assert isinstance(engine, Engine)
    threads: list[str] = []

    def record(*_args: Any) -> None:
        threads.append(threading.current_thread().name)

    event.listen(engine, "before_cursor_execute", record)
    yield threads
    event.remove(engine, "before_cursor_execute", record)


def _page(kind: type[EntityPage], ctx: AppContext, qtbot: QtBot) -> EntityPage:
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    qtbot.addWidget(host)
    page = kind(ctx, Editors(ctx, host))
    qtbot.addWidget(page)
    page.resize(1400, 700)
    return page


@pytest.mark.parametrize("key", sorted(PAGES))
def test_the_window_thread_reads_nothing_while_a_page_loads(
        key: str, sample_ctx: AppContext, statement_threads: list[str], qtbot: QtBot) -> None:
    """From showing the page to its filled table, every statement (the rows; the campaign of
    the projects' totals; the visits' coverage, teams and target list; the organisations'
    target list; the trips' lookups) runs on the worker thread."""
    sample_ctx.background_loading = True
    page = _page(PAGES[key], sample_ctx, qtbot)
    statement_threads.clear()  # the filters' choices, read as the page is built
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    assert page.model.rowCount() > 0
    assert statement_threads, "the load read nothing"
    main = threading.main_thread().name
    assert main not in statement_threads, statement_threads.count(main)
    qtbot.waitUntil(lambda: not page.loading)


def test_what_the_side_read_brings_is_shown(sample_ctx: AppContext, qtbot: QtBot) -> None:
    """The projects' totals hold the campaign's target, the visits' tabs their rows, the
    trips' itinerary its names, although none of them was read on the window's thread."""
    sample_ctx.background_loading = True
    projects = _page(ProjectsPage, sample_ctx, qtbot)
    with qtbot.waitSignal(projects.loaded, timeout=20_000):
        projects.show()
    assert projects.campaign is not None and projects.campaign.year == 2023
    assert "1,600 亿元" in projects.totals.text()  # the investment target beside the sums
    visits = _page(VisitsPage, sample_ctx, qtbot)
    with qtbot.waitSignal(visits.loaded, timeout=20_000):
        visits.show()
    assert visits.teams.rowCount() > 0 and visits.target_list.rowCount() > 0
    assert visits.by_industry.rowCount() > 0 and visits.by_team.rowCount() > 0
    trips = _page(TripsPage, sample_ctx, qtbot)
    with qtbot.waitSignal(trips.loaded, timeout=20_000):
        trips.show()
    assert trips.lookups.organisations, "the lookups the worker read were kept"
    assert trips.editors.lookups.get() is trips.lookups  # and cached for the editors
    trips.view.selectRow(0)
    assert trips.itinerary.rowCount() > 0


@pytest.mark.parametrize("key", ["projects", "trips"])
def test_rows_come_sorted_from_the_worker(key: str, sample_ctx: AppContext,
                                          qtbot: QtBot) -> None:
    """The first load is sorted by the page's initial column where it was read: the window's
    thread does not sort again once the rows are in, and the header shows the sort."""
    sample_ctx.background_loading = True
    page = _page(PAGES[key], sample_ctx, qtbot)
    sorts: list[object] = []
    real_sort = page.model.sort
    page.model.sort = lambda *a: (sorts.append(a), real_sort(*a))[1]  # type: ignore[method-assign]
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    assert sorts == []
    column = page.model.column_number(page.initial_sort)
    assert page.view.horizontalHeader().sortIndicatorSection() == column
    keys = [page.model.index(n, column).data(SORT_ROLE) for n in range(page.model.rowCount())]
    assert keys == sorted(keys)


@pytest.mark.parametrize("shown", [True, False])
def test_the_columns_fit_the_rows_in_sight_only(shown: bool, sample_ctx: AppContext,
                                                qtbot: QtBot) -> None:
    """Fitting the columns reads the text of at most FIT_SAMPLE rows, shown or not (Qt would
    read every row of a page not yet shown)."""
    page = _page(ProjectsPage, sample_ctx, qtbot)
    if shown:
        page.show()
        qtbot.waitExposed(page)
    else:
        page.refresh()
    assert page.model.rowCount() > FIT_SAMPLE  # the sample's 62 projects
    asked: set[int] = set()
    real_data = page.model.data

    def data(index: Any, role: int = 0) -> Any:
        asked.add(index.row())
        return real_data(index, role)

    page.model.data = data  # type: ignore[method-assign]
    page.fit_columns()
    assert asked and max(asked) < FIT_SAMPLE, max(asked)
    assert all(page.view.columnWidth(n) >= 60 for n in range(page.model.columnCount()))
