"""Trips through the window: create, edit, itinerary, move, cancel, duplicate, delete; undo."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.dialogs import DuplicateDialog, MoveDialog, ReasonDialog
from desktop.editors.item_dialog import ItemDialog
from desktop.editors.trip import TripEditor
from desktop.main_window import MainWindow
from models import queries
from models.enums import MemberRole, TripStatus
from tests.desktop.conftest import Small


def trips(window: MainWindow) -> dict[str, object]:
    with window.ctx.sessions() as session:
        return {t.code: t for t in queries.list_trips(session)}


def press_ok(dialog: object) -> None:
    buttons = dialog.findChild(QDialogButtonBox)  # type: ignore[attr-defined]
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_create_a_trip_with_delegation_and_itinerary(window: MainWindow, small: Small,
                                                     qtbot: QtBot) -> None:
    window.show_page("trips")
    editor = window.new_record()
    assert isinstance(editor, TripEditor)
    editor.title_zh.setText("日韩半导体推介")  # QTest types ASCII only
    editor.title_en.setText("Japan-Korea semiconductor roadshow")
    editor.start.setDate(QDate(2023, 3, 12))
    editor.end.setDate(QDate(2023, 3, 18))
    editor.leader.set_value(small.world.leader_id)
    editor.delegation.add(small.world.staff_id, MemberRole.INTERPRETER)
    editor.cities.set_values([small.world.berlin_id])
    editor.targets.set_values([small.world.org_id])
    dialog = editor.add_item()
    assert isinstance(dialog, ItemDialog)
    dialog.title_zh.setText("拜访博世总部")
    dialog.start.setDateTime(QDateTime(QDate(2023, 3, 13), dialog.start.time()))
    assert dialog.beijing.text() == ("2023-03-13 周一 16:00 – 2023-03-13 周一 17:30 Beijing time "
                                     "(local UTC+1)")  # 09:00–10:30 in Berlin
    press_ok(dialog)
    assert editor.itinerary.rowCount() == 1
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    assert not editor.banner.isVisible()
    assert editor.trip_id is not None
    with window.ctx.sessions() as session:
        saved = queries.trip_detail(session, editor.trip_id)
    assert saved.title_zh == "日韩半导体推介"
    assert [(m.person.id, m.role) for m in saved.members] == [
        (small.world.leader_id, MemberRole.LEADER), (small.world.staff_id, MemberRole.INTERPRETER)]
    assert saved.items[0].title_zh == "拜访博世总部"
    assert saved.items[0].local_start.date() == date(2023, 3, 13)
    assert window.trips.model.find_row(saved.id) >= 0  # the table refreshed
    window.undo_action.trigger()
    assert saved.code not in trips(window)
    window.redo_action.trigger()
    assert saved.code in trips(window)


def test_validation_error_is_shown_beside_the_field_and_input_kept(window: MainWindow,
                                                                   small: Small,
                                                                   qtbot: QtBot) -> None:
    window.show_page("trips")
    window.trips.select_id(small.trip.id)
    editor = window.edit_selected()
    assert isinstance(editor, TripEditor)
    editor.title_zh.setText("")
    editor.title_en.setText("kept as typed")
    assert not editor.save()
    label = editor.errors.label("title_zh")
    assert label is not None and label.isVisibleTo(editor) and "不能为空" in label.text()
    assert editor.title_en.text() == "kept as typed"
    assert editor.tabs.currentIndex() == 0
    editor.title_zh.setText("欧洲推介")
    editor.end.setDate(QDate(2023, 3, 23))
    assert not editor.save()  # the item on the 24th now lies outside the trip
    assert editor.tabs.currentWidget().isAncestorOf(editor.items_view)
    assert "超出" in editor.errors.label("items").text()
    editor.end.setDate(QDate(2023, 3, 30))
    assert editor.save()
    assert trips(window)[small.trip.code].title_zh == "欧洲推介"  # type: ignore[attr-defined]
    assert window.ctx.undo_stack.count() == 1


def test_page_actions_move_cancel_duplicate_delete_with_undo(window: MainWindow, small: Small,
                                                             answers: list[str],
                                                             qtbot: QtBot) -> None:
    code = small.trip.code
    window.show_page("trips")
    window.trips.select_id(small.trip.id)
    move = window.move_selected()
    assert isinstance(move, MoveDialog)
    move.days.setValue(-2)
    press_ok(move)
    assert trips(window)[code].start_date == date(2023, 3, 21)  # type: ignore[attr-defined]

    window.trips.select_id(small.trip.id)
    cancel = window.cancel_selected()
    assert isinstance(cancel, ReasonDialog)
    press_ok(cancel)  # no reason: refused, the dialog stays with the message beside the field
    assert cancel.isVisible()
    assert "原因" in cancel.errors.label("cancel_reason").text()
    cancel.reason.setPlainText("领导日程调整")
    press_ok(cancel)
    assert trips(window)[code].status is TripStatus.CANCELLED  # type: ignore[attr-defined]

    window.trips.select_id(small.trip.id)
    duplicate = window.duplicate_selected()
    assert isinstance(duplicate, DuplicateDialog)
    duplicate.start.setDate(QDate(2023, 10, 9))
    press_ok(duplicate)
    copies = [t for t in trips(window).values() if t.start_date == date(2023, 10, 9)]  # type: ignore[attr-defined]
    assert len(copies) == 1 and copies[0].status is TripStatus.DRAFT  # type: ignore[attr-defined]

    window.trips.select_id(small.trip.id)
    window.delete_action.trigger()
    assert code in answers[-1]
    assert code not in trips(window)

    stack = window.ctx.undo_stack
    assert stack.count() == 4
    stack.undo()  # delete
    stack.undo()  # duplicate
    stack.undo()  # cancel
    stack.undo()  # move
    trip = trips(window)[code]
    assert (trip.status, trip.start_date) == (TripStatus.DRAFT, date(2023, 3, 23))  # type: ignore[attr-defined]
    assert len(trips(window)) == 1
    for _ in range(4):
        stack.redo()
    assert code not in trips(window) and len(trips(window)) == 1


def test_itinerary_item_from_the_trips_page(window: MainWindow, small: Small,
                                            answers: list[str], qtbot: QtBot) -> None:
    window.show_page("trips")
    window.trips.select_id(small.trip.id)
    assert window.trips.itinerary.rowCount() == 1
    dialog = window.trips.add_item()
    assert isinstance(dialog, ItemDialog)
    dialog.title_zh.setText("推介会")
    dialog.start.setDateTime(QDateTime(QDate(2023, 4, 30), dialog.start.time()))
    press_ok(dialog)  # after the trip: refused by the model, shown in the dialog
    assert dialog.isVisible()
    assert "超出" in dialog.errors.label("starts_at").text()
    dialog.start.setDateTime(QDateTime(QDate(2023, 3, 25), dialog.start.time()))
    press_ok(dialog)
    assert not dialog.isVisible()
    window.trips.select_id(small.trip.id)
    assert window.trips.itinerary.rowCount() == 2
    window.ctx.undo_stack.undo()
    window.trips.select_id(small.trip.id)
    assert window.trips.itinerary.rowCount() == 1


def test_conflicts_are_shown_beside_the_fields(window: MainWindow, small: Small,
                                               qtbot: QtBot) -> None:
    from models.operations.trips import create_trip
    from tests.factories import trip_draft

    with window.ctx.sessions.begin() as session:  # the leader booked twice at once
        create_trip(session, trip_draft(small.world, title_zh="同期另一推介"))
    editor = window.editors.open_trip(small.trip.id)
    label = editor.errors.label("members")
    assert label is not None and "同时安排" in label.text()


def test_a_flight_lands_in_its_own_zone_and_keeps_its_details(window: MainWindow, small: Small,
                                                              qtbot: QtBot, tmp_path: object
                                                              ) -> None:
    from pathlib import Path

    from models.enums import ItemKind

    window.show_page("trips")
    window.trips.select_id(small.trip.id)
    editor = window.edit_selected()
    assert isinstance(editor, TripEditor)
    dialog = editor.add_item()
    dialog.kind.set_value(ItemKind.FLIGHT)
    dialog.title_zh.setText("CA931")
    dialog.zone.setCurrentText("Asia/Shanghai")
    day = QDate(small.trip.start_date.year, small.trip.start_date.month,
                small.trip.start_date.day)
    dialog.start.setDateTime(QDateTime(day, dialog.start.time().fromString("02:10", "HH:mm")))
    dialog.arrival_zone.setCurrentText("Europe/Berlin")
    dialog.end.setDateTime(QDateTime(day, dialog.end.time().fromString("07:15", "HH:mm")))
    dialog.travel_edits["service_number"].setText("CA931")
    dialog.travel_edits["from_code"].setText("PEK")
    dialog.travel_edits["to_code"].setText("FRA")
    dialog.travel_edits["booking_ref"].setText("X7KQ2M")
    dialog.tabs.setCurrentIndex(1)
    dialog.grab().save(str(Path(str(tmp_path)) / "item-travel.png"))
    press_ok(dialog)
    assert editor.save()
    with window.ctx.sessions() as session:
        saved = queries.trip_detail(session, editor.trip_id or 0)
    (flight,) = [i for i in saved.items if i.kind is ItemKind.FLIGHT]
    assert flight.arrival_timezone == "Europe/Berlin"
    assert (flight.from_code, flight.to_code, flight.booking_ref) == ("PEK", "FRA", "X7KQ2M")
    # 07:15 in Frankfurt (UTC+1), not in Beijing: 12 h 05 in the air, not 5 h 05
    assert flight.local_arrival.strftime("%H:%M") == "07:15"
    assert (flight.ends_at - flight.starts_at).total_seconds() == 12 * 3600 + 5 * 60


def test_an_english_editor_s_warnings_read_with_an_english_colon(
        small: Small, db_url: str, qtbot: QtBot) -> None:
    """"Conflict: …" in the English window, not the Chinese full-width "Conflict：…"."""
    from PySide6.QtWidgets import QWidget

    from desktop.context import AppContext
    from desktop.editors.opening import Editors
    from models.language import Lang
    from models.operations.trips import create_trip
    from tests.factories import trip_draft

    with small.sessions.begin() as session:  # the leader booked twice at once
        create_trip(session, trip_draft(small.world, title_zh="同期另一推介"))
    english = AppContext(small.sessions, db_url, Lang.EN)
    english.background_loading = False
    host = QWidget()
    qtbot.addWidget(host)
    editor = Editors(english, host).open_trip(small.trip.id)
    label = editor.errors.label("members")
    assert label is not None and "：" not in label.text()
    assert label.text().lstrip("⚠ ").startswith("Conflict: ")
    editor.discard_and_close()
