"""The event editor's Run-of-show tab: posts, guests of honour and duties by unit are added,
moved and removed in place, Ctrl+Z in the editor takes the last table change back, saving is
one undoable change of the event."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.context import AppContext
from desktop.editors.event import EventEditor
from desktop.main_window import MainWindow
from models import queries
from models.operations.events import UnitDutyDraft, VipSeatDraft
from tests.desktop.conftest import Small


def _editor(window: MainWindow, small: Small, qtbot: QtBot) -> EventEditor:
    editor = EventEditor(window.ctx, small.event.id, window)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentWidget(editor.run_of_show)
    return editor


def test_posts_seats_and_duties_are_saved_and_undone(window: MainWindow, small: Small,
                                                     qtbot: QtBot) -> None:
    editor = _editor(window, small, qtbot)
    posts = editor.run_of_show.posts
    posts.add_new()  # an hour before the doors open, up to the start
    post, post_en, _room, room_en, _person, start, _end, duty, duty_en = posts._row_widgets(0)
    assert isinstance(post, QLineEdit) and isinstance(duty, QLineEdit)
    assert isinstance(post_en, QLineEdit) and isinstance(room_en, QLineEdit)
    assert isinstance(duty_en, QLineEdit)
    assert isinstance(start, QDateTimeEdit)
    assert start.dateTime().toString("HH:mm") == "08:00"
    post.setText("签到接待")
    duty.setText("核对来宾名单 & 发放胸牌")
    post_en.setText("Registration desk")
    room_en.setText("Lobby")
    duty_en.setText("Checks the guest list & hands out badges")
    editor.run_of_show.vips.add(VipSeatDraft(small.world.leader_id, "1", "1"))
    editor.run_of_show.vips.add_new()  # the next seat at the same table
    assert [(v.table_no, v.seat_no) for v in editor.run_of_show.vips.values()] == [
        ("1", "1"), ("1", "2")]
    editor.run_of_show.vips.table.selectRow(1)
    editor.run_of_show.vips.move_selected(-1)
    assert editor.run_of_show.vips.values()[0].seat_no == "2"
    editor.run_of_show.vips.remove_selected()
    editor.run_of_show.duties.add(UnitDutyDraft(small.world.unit_id, "会场布置与安保",
                                                small.world.staff_id))
    assert editor.is_dirty()
    assert editor.save()
    with window.ctx.sessions() as session:
        saved = queries.event_detail(session, small.event.id)
    assert [(p.post, p.duty) for p in saved.staff_posts] == [("签到接待", "核对来宾名单 & 发放胸牌")]
    assert [(p.post_en, p.room_en, p.duty_en) for p in saved.staff_posts] == [
        ("Registration desk", "Lobby", "Checks the guest list & hands out badges")]
    assert [v.person.id for v in saved.vip_seats] == [small.world.leader_id]
    assert [(d.unit.id, d.duty) for d in saved.unit_duties] == [
        (small.world.unit_id, "会场布置与安保")]
    window.ctx.undo_stack.undo()
    with window.ctx.sessions() as session:
        undone = queries.event_detail(session, small.event.id)
    assert (undone.staff_posts, undone.vip_seats, undone.unit_duties) == ((), (), ())


def test_ctrl_z_in_the_editor_takes_back_the_last_table_change(
        window: MainWindow, small: Small, qtbot: QtBot) -> None:
    editor = _editor(window, small, qtbot)
    duties = editor.run_of_show.duties
    duties.add(UnitDutyDraft(small.world.unit_id, "会场布置"))
    assert len(duties.values()) == 1
    assert editor.field_undo.undo()
    assert duties.values() == []


def test_a_post_outside_the_event_day_is_shown_on_its_table(
        window: MainWindow, small: Small, qtbot: QtBot) -> None:
    editor = _editor(window, small, qtbot)
    editor.run_of_show.posts.add_new()
    post, *_rest, end, _duty, _duty_en = editor.run_of_show.posts._row_widgets(0)
    assert isinstance(post, QLineEdit) and isinstance(end, QDateTimeEdit)
    post.setText("撤场")
    end.setDateTime(end.dateTime().addDays(2))
    assert not editor.save()
    label = editor.run_of_show.labels["staff_posts"]
    assert "活动当天" in label.text() or "event's days" in label.text()
    editor.discard_and_close()


def test_the_sample_run_of_show_tab_looks_right(sample_ctx: AppContext, qtbot: QtBot,
                                                tmp_path: Path) -> None:
    with sample_ctx.sessions() as session:
        event = queries.event_detail(session, "EVT-2023-001")
    editor = EventEditor(sample_ctx, event.id)
    qtbot.addWidget(editor)
    editor.resize(1100, 760)
    editor.show()
    editor.tabs.setCurrentWidget(editor.run_of_show)
    assert len(editor.run_of_show.posts.values()) == len(event.staff_posts)
    assert len(editor.run_of_show.vips.values()) == len(event.vip_seats)
    assert not editor.is_dirty()  # what was loaded reads back the same
    first = editor.run_of_show.posts._row_widgets(0)[5]
    assert isinstance(first, QDateTimeEdit) and isinstance(first.dateTime(), QDateTime)
    english = editor.run_of_show.posts._row_widgets(0)[1]  # the sample's posts have English
    assert isinstance(english, QLineEdit) and english.text() == event.staff_posts[0].post_en != ""
    editor.grab().save(str(tmp_path / "event-run-of-show.png"))
    editor.grab().save("/tmp/i11/event-run-of-show.png")


def test_a_post_s_person_shows_with_their_position_uncut(small: Small, db_url: str,
                                                         qtbot: QtBot) -> None:
    """The English "name  position" of a post's person fits its column (up to a limit), and the
    choice is in the combo's tooltip."""
    from datetime import UTC, datetime

    from PySide6.QtWidgets import QComboBox, QWidget

    from desktop.editors.run_of_show import COMBO_CHROME_W, MAX_CHOICE_W
    from models.language import Lang
    from models.operations.events import StaffPostDraft

    english = AppContext(small.sessions, db_url, Lang.EN)
    english.background_loading = False
    host = QWidget()
    qtbot.addWidget(host)
    editor = EventEditor(english, small.event.id, host)  # host owns it
    editor.show()
    editor.tabs.setCurrentWidget(editor.run_of_show)
    posts = editor.run_of_show.posts
    posts.add(StaffPostDraft("签到接待", datetime(2023, 3, 1, 1, tzinfo=UTC),
                             datetime(2023, 3, 1, 2, tzinfo=UTC), person_id=small.world.leader_id))
    column = [posts.table.horizontalHeaderItem(c).text()
              for c in range(posts.table.columnCount())].index("Person")
    person = posts.table.cellWidget(0, column)
    assert isinstance(person, QComboBox)
    text = person.currentText()
    assert "  " in text  # the name and the position
    needed = min(person.fontMetrics().horizontalAdvance(text) + COMBO_CHROME_W, MAX_CHOICE_W)
    assert posts.table.columnWidth(column) >= needed
    assert person.toolTip() == text
    editor.discard_and_close()
