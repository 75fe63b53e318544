"""An entity page's load leaves the window's thread only the swap: the rows, what the page shows
beside them and their sort come from the worker thread; the columns are fitted to the rows in
sight, not to every row (issue 13: 20,000 projects at ten years of history)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from desktop.context import AppContext
from desktop.editors.opening import Editors
from desktop.pages.entity_page import FIT_SAMPLE, EntityPage
from desktop.pages.organisations import OrganisationsPage
from desktop.pages.people import PeoplePage
from desktop.pages.projects import ProjectsPage
from desktop.pages.trips import TripsPage
from desktop.pages.visits import VisitsPage
from desktop.tables.row_model import SORT_ROLE
from tests.statements import Sent, sent

PAGES: dict[str, type[EntityPage]] = {
    "projects": ProjectsPage, "visits": VisitsPage, "trips": TripsPage,
    "organisations": OrganisationsPage,
}


@pytest.fixture
def statements(sample_ctx: AppContext) -> Iterator[list[Sent]]:
    """Every statement run on the sample's engine, with its thread."""
    engine = sample_ctx.sessions.kw["bind"]
    assert isinstance(engine, Engine)
    with sent(engine) as seen:
        yield seen


def _on_window_thread(statements: list[Sent]) -> int:
    return sum(1 for s in statements if s.thread_name == threading.main_thread().name)


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
        key: str, sample_ctx: AppContext, statements: list[Sent], qtbot: QtBot) -> None:
    """From showing the page to its filled table, every statement (the rows; the campaign of
    the projects' totals; the visits' coverage, teams and target list; the organisations'
    target list; the trips' lookups) runs on the worker thread."""
    sample_ctx.background_loading = True
    page = _page(PAGES[key], sample_ctx, qtbot)
    statements.clear()  # the filters' choices, read as the page is built
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    assert page.model.rowCount() > 0
    assert statements, "the load read nothing"
    assert _on_window_thread(statements) == 0
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


def test_the_trips_itinerary_names_come_from_its_items(sample_ctx: AppContext,
                                                       statements: list[Sent],
                                                       qtbot: QtBot) -> None:
    """The trips page reads no list of every organisation and person (20,000 at ten years of
    history) to name the selected trip's items: the trip's detail names them."""
    trips = _page(TripsPage, sample_ctx, qtbot)
    trips.show()
    qtbot.waitUntil(lambda: trips.model.rowCount() > 0)
    statements.clear()
    row = next(n for n in range(trips.model.rowCount())
               if trips.model.row_at(n).code == "TRIP-2023-004")
    trips.select_id(trips.model.row_at(row).id)
    assert trips.detail is not None and trips.itinerary.rowCount() == len(trips.detail.items)
    shown = [trips.itinerary.index(n, c).data() for n in range(trips.itinerary.rowCount())
             for c in range(trips.itinerary.columnCount())]
    for item in trips.detail.items:
        if item.organisation is not None:
            assert item.organisation.name_zh in shown
        if item.city is not None:
            assert item.city.name_zh in shown
        for person in item.attendees:
            assert any(person.name_zh in text for text in shown if text)
    assert trips.editors.lookups._lookups is None  # nothing read for the editors' pickers
    assert len(statements) < 20, [s.statement for s in statements]


def test_changed_lookups_are_read_again_off_the_window_thread(
        sample_ctx: AppContext, statements: list[Sent], qtbot: QtBot) -> None:
    """Once an editor has used the lookups, a change to people or organisations has them read
    again on a worker thread: the next editor opens without reading them on the window's."""
    from PySide6.QtWidgets import QWidget

    from models.changes import OpChanges, RecordKind

    sample_ctx.background_loading = True
    host = QWidget()
    qtbot.addWidget(host)
    cache = Editors(sample_ctx, host).lookups
    first = cache.get()
    statements.clear()
    sample_ctx.notify(OpChanges.of(RecordKind.ORGANISATION, 1))
    qtbot.waitUntil(lambda: cache._lookups is not None, timeout=20_000)
    assert cache.get() is not first and cache.get() == first
    assert statements and _on_window_thread(statements) == 0


@pytest.mark.parametrize("key", ["projects", "trips"])
def test_rows_come_sorted_from_the_worker(key: str, sample_ctx: AppContext,
                                          qtbot: QtBot) -> None:
    """The first load is sorted by the page's initial column where it was read: the window's
    thread does not sort again once the rows are in, and the header shows the sort."""
    sample_ctx.background_loading = True
    page = _page(PAGES[key], sample_ctx, qtbot)
    sorts: list[object] = []
    orderings: list[str] = []  # the thread of every ordering of the rows
    real_sort, real_order = page.model.sort, page.model._order_of
    page.model.sort = lambda *a: (sorts.append(a), real_sort(*a))[1]  # type: ignore[method-assign]

    def order_of(*args: Any) -> Any:
        orderings.append(threading.current_thread().name)
        return real_order(*args)

    page.model._order_of = order_of  # type: ignore[method-assign]
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    assert sorts == []
    assert orderings and threading.main_thread().name not in orderings
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


def test_the_totals_of_every_row_are_summed_by_the_worker(
        sample_ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The projects' totals line and the visits' summary over every row are worked out where
    the rows were read; the window's thread sums rows only for a filtered list."""
    from desktop.pages import projects as projects_module
    from desktop.pages import visits as visits_module

    threads: list[str] = []
    for cls in (projects_module.LeadTotals, visits_module.VisitCounts):
        real = cls.of.__func__  # type: ignore[attr-defined]

        def of(klass: Any, rows: Any, real: Any = real) -> Any:
            threads.append(threading.current_thread().name)
            return real(klass, rows)

        monkeypatch.setattr(cls, "of", classmethod(of))
    sample_ctx.background_loading = True
    page = _page(ProjectsPage, sample_ctx, qtbot)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    visits = _page(VisitsPage, sample_ctx, qtbot)
    with qtbot.waitSignal(visits.loaded, timeout=20_000):
        visits.show()
    main = threading.main_thread().name
    assert len(threads) == 2 and main not in threads
    assert isinstance(page, ProjectsPage) and isinstance(visits, VisitsPage)
    assert page.totals.text() == page.totals_text(page.model.rows())  # the same line
    assert visits.summary.text().startswith("1019 ")  # the sample's visits done
    page.flagship_filter.setCurrentIndex(1)  # a filtered list: summed here
    assert threads[-1] == main
    assert page.totals.text() == page.totals_text(page.shown_rows())


@pytest.mark.parametrize("kind", [OrganisationsPage, PeoplePage])
def test_a_page_without_an_initial_column_lists_its_first_column_a_to_z(
        kind: type[EntityPage], sample_ctx: AppContext, qtbot: QtBot) -> None:
    """Organisations and people by name from A to Z (Qt's first sort is Z to A)."""
    from PySide6.QtCore import Qt

    page = _page(kind, sample_ctx, qtbot)
    page.refresh()
    header = page.view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0, Qt.SortOrder.AscendingOrder)
    names = [page.model.index(n, 0).data(SORT_ROLE) for n in range(page.model.rowCount())]
    assert len(names) > 50 and names == sorted(names, key=str.casefold)  # as the model sorts
