"""Every table model passes pytest-qt's model tester, sorts by its sort role and filters."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.editors.form import CheckList
from desktop.tables.agenda import AgendaTableModel
from desktop.tables.events import EventTableModel
from desktop.tables.itinerary import ItineraryTableModel, draft_of
from desktop.tables.leaderboard import LeaderboardTableModel
from desktop.tables.organisations import OrganisationTableModel
from desktop.tables.people import PersonTableModel
from desktop.tables.row_model import ID_ROLE, ROW_ROLE, SEARCH_ROLE, SORT_ROLE, RowFilterProxy
from desktop.tables.trips import TripTableModel
from models import queries
from models.enums import TripStatus
from models.language import Lang
from models.lookups import load_lookups
from models.operations.events import event_draft
from models.progress import leaderboard
from tests.desktop.conftest import Small
from tests.factories import make_trip


def test_trip_model(small: Small, qtmodeltester: ModelTester) -> None:
    with small.sessions.begin() as session:
        make_trip(session, small.world, title_zh="日韩半导体推介", start_date=date(2023, 2, 1),
                  end_date=date(2023, 2, 5), items=[])
        rows = queries.list_trips(session)
    model = TripTableModel(Lang.ZH)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    march = 1  # list_trips gives them in date order
    assert model.index(march, model.column_number("title_zh")).data() == "欧洲新能源汽车推介"
    assert model.index(march, model.column_number("days")).data() == "8"
    assert model.index(march, model.column_number("status")).data() == "草稿"
    assert model.index(march, model.column_number("start")).data() == "2023-03-23 周四"
    assert model.index(0, 0).data(ROW_ROLE) == rows[0]
    assert model.index(1, 0).data(ID_ROLE) == rows[1].id
    assert model.index(march, model.column_number("start")).data(SORT_ROLE) == date(
        2023, 3, 23).toordinal()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Code"


def test_proxy_sorts_and_filters(small: Small, qtbot: QtBot) -> None:
    with small.sessions.begin() as session:
        make_trip(session, small.world, title_zh="日韩半导体推介", start_date=date(2023, 2, 1),
                  end_date=date(2023, 2, 5), items=[])
        rows = queries.list_trips(session)
    model = TripTableModel(Lang.EN)
    model.set_rows(rows)
    proxy = RowFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(model.column_number("start"))
    assert proxy.index(0, model.column_number("title_zh")).data() == "日韩半导体推介"
    proxy.set_search("bosch")  # no trip title holds it: the search covers what the table shows
    assert proxy.rowCount() == 0
    proxy.set_search("欧洲 roadshow")
    assert proxy.rowCount() == 1
    proxy.set_search("")
    proxy.set_predicate("status", lambda r: r.status is TripStatus.CANCELLED)
    assert proxy.rowCount() == 0
    proxy.set_predicate("status", None)
    assert proxy.rowCount() == 2


def test_rows_prepared_off_the_ui_thread_fill_the_model_as_set_rows_does(small: Small) -> None:
    """A page's worker thread prepares the rows (search texts, the table's sort); the model
    takes them as they are, or sorts them again if the user sorted otherwise meanwhile."""
    with small.sessions.begin() as session:
        make_trip(session, small.world, title_zh="日韩半导体推介", start_date=date(2023, 2, 1),
                  end_date=date(2023, 2, 5), items=[])
        rows = queries.list_trips(session)
    title = TripTableModel(Lang.EN).column_number("title_zh")
    start = TripTableModel(Lang.EN).column_number("start")
    direct, prepared = TripTableModel(Lang.EN), TripTableModel(Lang.EN)
    for model in (direct, prepared):
        model.sort(start, Qt.SortOrder.DescendingOrder)
    direct.set_rows(rows)
    ready = prepared.prepare(rows)
    assert [r.id for r in ready.rows] == [r.id for r in reversed(rows)]
    assert ready.sorted_by == (start, Qt.SortOrder.DescendingOrder)
    prepared.set_prepared(ready)
    assert prepared.rows() == direct.rows()
    for n in range(direct.rowCount()):
        assert prepared.index(n, 0).data(SEARCH_ROLE) == direct.index(n, 0).data(SEARCH_ROLE)
    assert "roadshow" in prepared.index(0, 0).data(SEARCH_ROLE)  # lower-cased, every column
    ready = prepared.prepare(rows)
    prepared.sort(start, Qt.SortOrder.AscendingOrder)  # the user sorts while rows are read
    prepared.set_prepared(ready)
    assert prepared.index(0, title).data() == "日韩半导体推介"
    assert [r.id for r in prepared.rows()] == [r.id for r in rows]


def test_event_model(small: Small, qtmodeltester: ModelTester) -> None:
    with small.sessions() as session:
        rows = queries.list_events(session)
    model = EventTableModel(Lang.ZH)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.index(0, model.column_number("start")).data() == "2023-04-12 周三 09:00"
    assert model.index(0, model.column_number("capacity")).data() == "200"


def test_people_and_organisation_models(small: Small, qtmodeltester: ModelTester) -> None:
    with small.sessions() as session:
        people = queries.list_people(session)
        orgs = queries.list_organisations(session)
    person_model = PersonTableModel(Lang.EN)
    person_model.set_rows(people)
    qtmodeltester.check(person_model)
    names = [person_model.index(n, 0).data() for n in range(person_model.rowCount())]
    assert "王建国" in names
    org_model = OrganisationTableModel(Lang.EN)
    org_model.set_rows(orgs)
    qtmodeltester.check(org_model)
    assert org_model.index(0, org_model.column_number("fortune")).data() == "95"
    assert org_model.index(0, org_model.column_number("hq")).data() == "Stuttgart (Germany)"


def test_leaderboard_model(small: Small, qtmodeltester: ModelTester) -> None:
    with small.sessions() as session:
        rows = leaderboard(session, 2023)
    model = LeaderboardTableModel(Lang.ZH)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.index(0, model.column_number("unit")).data() == "松山湖高新区"
    assert model.index(0, 0).data(ID_ROLE) == small.world.unit_id


def test_itinerary_and_agenda_models(small: Small, qtmodeltester: ModelTester) -> None:
    with small.sessions() as session:
        lookups = load_lookups(session)
        trip = queries.trip_detail(session, small.trip.code)
        agenda = event_draft(session, small.event.code).sessions or []
    itinerary = ItineraryTableModel(Lang.ZH, lookups)
    itinerary.set_rows([draft_of(i) for i in trip.items])
    qtmodeltester.check(itinerary)
    # entered in Frankfurt time (UTC+1 in March), read in Beijing time beside it
    assert itinerary.index(0, itinerary.column_number("local")).data() == "09:00–11:00 (UTC+1)"
    assert itinerary.index(0, itinerary.column_number("beijing")).data() == "16:00–18:00"
    assert itinerary.index(0, itinerary.column_number("city")).data() == "法兰克福"
    model = AgendaTableModel(Lang.ZH, lookups, "Asia/Shanghai")
    model.set_rows(agenda)
    qtmodeltester.check(model)
    assert model.index(0, model.column_number("time")).data() == "09:00–09:30"
    assert model.index(0, model.column_number("speakers")).data() == "王建国"


def test_check_list_model(small: Small, qtmodeltester: ModelTester, qtbot: QtBot) -> None:
    checks = CheckList([("法兰克福", 1), ("东莞", 2), ("慕尼黑", 3)])
    qtbot.addWidget(checks)
    qtmodeltester.check(checks.model)
    checks.set_values([3])
    checks.set_checked(1, True)
    assert checks.values() == [1, 3]
    checks.filter.setText("慕尼")
    assert checks.proxy.rowCount() == 1
