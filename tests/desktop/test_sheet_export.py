"""Exporting the lists of the window as spreadsheets: the rows shown, from the File menu and
the list's context menu; the file dialog is answered at the boundary."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.documents import sheet_export
from desktop.main_window import MainWindow
from models.operations.trips import create_trip
from tests.desktop.conftest import Small
from tests.factories import trip_draft


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path, chosen: str = "") -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), chosen)))


def rows_of(path: Path) -> list[list[object]]:
    book = load_workbook(path)
    assert book.active is not None
    return [[c.value for c in row] for row in book.active.iter_rows()]


@pytest.fixture
def two_trips(small: Small) -> str:
    with small.sessions.begin() as session:
        create_trip(session, trip_draft(small.world, title_zh="日韩半导体推介",
                                        title_en="Japan-Korea roadshow"))
    return small.trip.code


def test_the_list_shown_goes_out_with_its_search(window: MainWindow, small: Small,
                                                 two_trips: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 qtbot: QtBot) -> None:
    window.show_page("trips")
    window.trips.refresh()
    assert window.trips.proxy.rowCount() == 2
    assert window.export_sheet_action.isEnabled()
    window.trips.proxy.set_search("日韩")
    qtbot.waitUntil(lambda: window.trips.proxy.rowCount() == 1)
    target = tmp_path / "trips.xlsx"
    save_as(monkeypatch, target)
    job = window.export_list()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    rows = rows_of(target)
    assert rows[0][:3] == ["编号", "名称", "区域"]
    assert [r[1] for r in rows[1:]] == ["日韩半导体推介"]
    assert window.settings.last_folder == str(tmp_path)


def test_itineraries_of_the_selected_trip_as_csv(window: MainWindow, small: Small,
                                                 two_trips: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 qtbot: QtBot) -> None:
    window.show_page("trips")
    window.trips.refresh()
    window.trips.select_id(small.trip.id)
    assert window.export_itineraries_action in window.trips.view.actions()
    assert window.trips.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    target = tmp_path / "items"  # no suffix: the chosen filter decides
    save_as(monkeypatch, target, sheet_export._filters()[1])
    window.export_itineraries_action.trigger()
    written = tmp_path / "items.csv"
    qtbot.waitUntil(written.exists, timeout=10_000)
    text = written.read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")
    lines = text.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("推广活动,开始日期,开始时间")
    assert len(lines) == 2 and lines[1].startswith(f"{two_trips},2023-03-24,09:00")


def test_the_action_is_off_where_there_is_no_list(window: MainWindow,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window.show_page("calendar")
    assert not window.export_sheet_action.isEnabled()
    assert window.export_list() is None
    window.show_page("people")
    assert window.export_sheet_action.isEnabled()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert window.export_list() is None  # the file dialog was cancelled


def test_the_leaderboard_shown_goes_out_with_its_year(window: MainWindow, small: Small,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      qtbot: QtBot) -> None:
    window.show_page("units")
    window.units.refresh()
    shown = window.units.proxy.rowCount()
    assert shown > 0
    assert window.export_sheet_action.isEnabled()
    target = tmp_path / "leaderboard.xlsx"
    save_as(monkeypatch, target)
    job = window.export_list()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    rows = rows_of(target)
    assert rows[0][:2] == ["名次", "责任单位"]
    assert len(rows) - 1 == shown


@pytest.mark.parametrize(("page", "header"), [("projects", "编号"), ("visits", "拜访日期")])
def test_projects_and_visits_shown_go_out(window: MainWindow, small: Small, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, qtbot: QtBot,
                                          page: str, header: str) -> None:
    widget = window.show_page(page)
    entity = window.current_entity_page()
    assert entity is widget
    entity.refresh()
    assert window.export_sheet_action.isEnabled()
    target = tmp_path / f"{page}.xlsx"
    save_as(monkeypatch, target)
    job = window.export_list()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    rows = rows_of(target)
    assert rows[0][0] == header
    assert len(rows) - 1 == entity.proxy.rowCount()
