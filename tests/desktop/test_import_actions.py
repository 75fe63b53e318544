"""Importing calendars and spreadsheets from the File menu; only the file dialog and the
confirmation are answered at the boundary."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

import calendars
from desktop import dialogs
from desktop.documents.import_actions import CalendarImportDialog, SheetImportDialog
from desktop.main_window import MainWindow
from models.events import ThemedEvent
from models.organisations import Organisation
from models.trips import ItineraryItem
from tests.desktop.conftest import Small


def open_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def count(small: Small, entity: type) -> int:
    with small.sessions() as session:
        return session.scalar(select(func.count()).select_from(entity)) or 0


def finish(dialog: CalendarImportDialog | SheetImportDialog, qtbot: QtBot) -> None:
    assert dialog.job is not None
    with qtbot.waitSignal(dialog.job.finished, timeout=10_000):
        pass


@pytest.fixture
def trip_ics(small: Small, tmp_path: Path) -> Path:
    """The small trip exported, with the UIDs a partner's calendar would have."""
    data = calendars.export_ics(small.sessions,
                                calendars.ExportScope(trip_codes=(small.trip.code,)))
    assert b"@campaign-planner" in data
    path = tmp_path / "trip.ics"
    path.write_bytes(data.replace(b"@campaign-planner", b"@partner.example"))
    return path


def test_import_a_trip_calendar_as_themed_events(window: MainWindow, small: Small, trip_ics: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 answers: list[str], qtbot: QtBot) -> None:
    open_file(monkeypatch, trip_ics)
    before = count(small, ThemedEvent)
    dialog = window.import_calendar()
    assert isinstance(dialog, CalendarImportDialog)
    dialog.as_events.setChecked(True)
    assert dialog.trip_code() is None
    dialog.accept()
    finish(dialog, qtbot)  # the preview
    qtbot.waitUntil(lambda: dialog.applied, timeout=10_000)  # the import
    assert count(small, ThemedEvent) > before
    assert dialog.message.startswith("新建 ") and "跳过 0" in dialog.message, dialog.message
    assert window.settings.last_folder == str(trip_ics.parent)


def test_import_a_calendar_into_the_selected_trip(window: MainWindow, small: Small,
                                                  trip_ics: Path, monkeypatch: pytest.MonkeyPatch,
                                                  answers: list[str], qtbot: QtBot) -> None:
    open_file(monkeypatch, trip_ics)
    window.show_page("trips")
    window.trips.select_id(small.trip.id)
    items = count(small, ItineraryItem)
    dialog = window.import_calendar()
    assert isinstance(dialog, CalendarImportDialog)
    assert dialog.trip_code() == small.trip.code  # the trip selected on the Trips page
    asked_with: list[int] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked_with.append(count(small, ItineraryItem))
        answers.append(text)
        return True

    monkeypatch.setattr(dialogs, "confirm", confirm)
    dialog.accept()
    finish(dialog, qtbot)  # the preview
    assert asked_with == [items]  # the preview wrote nothing before the question
    assert len(answers) == 1 and "类别：" in answers[0], answers
    qtbot.waitUntil(lambda: dialog.applied, timeout=10_000)  # the import
    created = count(small, ItineraryItem) - items
    assert created >= 1
    assert dialog.message.startswith(f"新建 {created}，"), dialog.message
    assert dialog.box is not None and dialog.box.icon() == dialog.box.Icon.Information


def test_a_malformed_calendar_shows_the_error_and_writes_nothing(
        window: MainWindow, small: Small, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        qtbot: QtBot) -> None:
    bad = tmp_path / "bad.ics"
    bad.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Half an entry\r\n")
    open_file(monkeypatch, bad)
    before = count(small, ThemedEvent)
    dialog = window.import_calendar()
    assert isinstance(dialog, CalendarImportDialog)
    dialog.as_events.setChecked(True)
    dialog.accept()
    finish(dialog, qtbot)
    assert dialog.box is not None and dialog.box.icon() == dialog.box.Icon.Warning
    assert dialog.message == "日历文件有误，第 2 行：BEGIN:VEVENT 没有对应的 END"
    assert count(small, ThemedEvent) == before


def test_cancelling_the_file_dialog_imports_nothing(window: MainWindow,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    assert window.import_calendar() is None
    assert window.import_spreadsheet() is None


ORGS = "机构名称,英文名称,产业\r\n星河储能科技,Xinghe Storage,新能源汽车\r\n华南精密,South Precision,\r\n"


def test_import_organisations_from_a_gb18030_csv(window: MainWindow, small: Small, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 answers: list[str], qtbot: QtBot) -> None:
    path = tmp_path / "orgs.csv"
    path.write_bytes(ORGS.encode("gb18030"))
    open_file(monkeypatch, path)
    dialog = window.import_spreadsheet()
    assert isinstance(dialog, SheetImportDialog)
    dialog.set_kind("organisations")
    dialog.accept()
    finish(dialog, qtbot)  # the plan
    assert len(answers) == 1 and "新建 2" in answers[0] and "GB18030" in answers[0]
    # the import: its job is queued from the plan's, and may finish within the wait above
    qtbot.waitUntil(lambda: dialog.applied, timeout=10_000)
    assert dialog.applied
    with small.sessions() as session:
        names = set(session.scalars(select(Organisation.name_zh)))
    assert {"星河储能科技", "华南精密"} <= names


def test_a_sheet_with_errors_is_refused_without_asking(window: MainWindow, small: Small,
                                                       tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       answers: list[str], qtbot: QtBot) -> None:
    path = tmp_path / "orgs.csv"
    path.write_bytes((ORGS + ",Nameless,\r\n").encode("gb18030"))
    open_file(monkeypatch, path)
    before = count(small, Organisation)
    dialog = window.import_spreadsheet()
    assert isinstance(dialog, SheetImportDialog)
    dialog.accept()
    finish(dialog, qtbot)
    assert answers == []
    assert dialog.message.startswith("导入被拒绝") and "4" in dialog.message  # row 4
    assert not dialog.applied
    assert count(small, Organisation) == before


def test_declining_the_confirmation_writes_nothing(window: MainWindow, small: Small,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   qtbot: QtBot) -> None:
    from desktop import dialogs

    monkeypatch.setattr(dialogs, "confirm", lambda *a: False)
    path = tmp_path / "orgs.csv"
    path.write_bytes(ORGS.encode("gb18030"))
    open_file(monkeypatch, path)
    before = count(small, Organisation)
    dialog = window.import_spreadsheet()
    assert isinstance(dialog, SheetImportDialog)
    dialog.accept()
    finish(dialog, qtbot)
    assert dialog.plan is not None and not dialog.applied
    assert count(small, Organisation) == before


PHONE_CALL = "\r\n".join([
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Partner//Test//EN",
    "BEGIN:VEVENT", "UID:call-1@partner.example", "DTSTAMP:20230301T000000Z",
    "DTSTART;VALUE=DATE:{day}", "SUMMARY:Abstimmung", "END:VEVENT",
    "BEGIN:VEVENT", "UID:call-2@partner.example", "DTSTAMP:20230301T000000Z",
    "DTSTART;VALUE=DATE:{day}", "SUMMARY:Phone call with Bosch", "END:VEVENT",
    "END:VCALENDAR", "",
])


def test_the_preview_shows_each_kind_and_the_default_kind_is_used(
        window: MainWindow, small: Small, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        answers: list[str], qtbot: QtBot) -> None:
    path = tmp_path / "calls.ics"
    path.write_text(PHONE_CALL.format(day=f"{small.trip.start_date:%Y%m%d}"), encoding="utf-8")
    open_file(monkeypatch, path)
    window.show_page("trips")
    window.trips.select_id(small.trip.id)
    dialog = window.import_calendar()
    assert isinstance(dialog, CalendarImportDialog)
    dialog.default_kind.setCurrentIndex(dialog.default_kind.findData("free_time"))
    dialog.accept()
    finish(dialog, qtbot)  # the preview
    assert len(answers) == 1
    assert "“Abstimmung”，类别：自由活动（全天）" in answers[0], answers[0]
    assert "“Phone call with Bosch”，类别：会谈/通话（全天）" in answers[0], answers[0]
    qtbot.waitUntil(lambda: dialog.applied, timeout=10_000)  # the import
    with small.sessions() as session:
        kinds = {i.title_zh: (i.kind.value, i.all_day) for i in session.scalars(
            select(ItineraryItem).where(ItineraryItem.external_uid.like("call-%")))}
    assert kinds == {"Abstimmung": ("free_time", True),
                     "Phone call with Bosch": ("meeting", True)}


def test_import_an_itinerary_sheet_into_a_trip(window: MainWindow, small: Small, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               answers: list[str], qtbot: QtBot) -> None:
    path = tmp_path / "itinerary.csv"
    path.write_bytes("开始日期,开始时间,结束时间,类别,名称\r\n2023-03-27,14:00,15:00,推介会,"
                     "法兰克福推介会\r\n".encode("gb18030"))
    open_file(monkeypatch, path)
    items = count(small, ItineraryItem)
    dialog = window.import_spreadsheet()
    assert isinstance(dialog, SheetImportDialog)
    dialog.set_kind("itinerary", small.trip.code)
    assert dialog.parent_record.isVisibleTo(dialog)
    dialog.accept()
    finish(dialog, qtbot)  # the plan
    assert len(answers) == 1 and "新增 1" in answers[0], answers
    qtbot.waitUntil(lambda: dialog.applied, timeout=10_000)  # the import
    assert count(small, ItineraryItem) == items + 1
    assert dialog.message.startswith(f"{small.trip.code} 行程：新增 1")
