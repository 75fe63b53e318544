"""Events through the window: create with agenda and invitations, RSVP, capacity, move,
cancel, delete; undo and redo."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QTime
from pytestqt.qtbot import QtBot

from desktop.dialogs import MoveDialog, ReasonDialog
from desktop.editors.event import EventEditor
from desktop.editors.session_dialog import SessionDialog
from desktop.main_window import MainWindow
from models import queries
from models.enums import EventKind, EventStatus, RsvpState
from models.operations.events import InvitationDraft
from tests.desktop.conftest import Small
from tests.desktop.test_trip_editing import press_ok


def events(window: MainWindow) -> dict[str, object]:
    with window.ctx.sessions() as session:
        return {e.code: e for e in queries.list_events(session)}


def test_create_an_event_with_agenda_and_invitations(window: MainWindow, small: Small,
                                                     qtbot: QtBot) -> None:
    window.show_page("events")
    editor = window.new_record()
    assert isinstance(editor, EventEditor)
    editor.kind.set_value(EventKind.VIP_MEETING)
    editor.title_zh.setText("投资东莞尊享会")
    editor.start.setDateTime(QDateTime(QDate(2023, 6, 8), QTime(14, 0)))
    editor.end.setDateTime(QDateTime(QDate(2023, 6, 8), QTime(18, 0)))
    editor.venue.setText("东莞国际会展中心")
    editor.capacity.setValue(2)
    dialog = editor.add_session()
    assert isinstance(dialog, SessionDialog)
    dialog.title_zh.setText("项目推介")
    dialog.speakers.set_values([small.world.leader_id])
    press_ok(dialog)
    assert editor.agenda.rowCount() == 1
    editor.invitations.add(InvitationDraft(small.world.org_id, RsvpState.ACCEPTED, 3))
    assert "⚠" in editor.invitations.summary.text()  # 3 confirmed guests, 2 seats
    assert editor.save()
    assert editor.event_id is not None
    with window.ctx.sessions() as session:
        saved = queries.event_detail(session, editor.event_id)
    assert (saved.kind, saved.title_zh, saved.capacity) == (EventKind.VIP_MEETING,
                                                            "投资东莞尊享会", 2)
    assert saved.local_start.hour == 14 and saved.timezone == "Asia/Shanghai"
    assert [s.title_zh for s in saved.sessions] == ["项目推介"]
    assert saved.sessions[0].speakers[0].id == small.world.leader_id
    assert saved.confirmed_guests == 3
    window.ctx.undo_stack.undo()
    assert saved.code not in events(window)
    window.ctx.undo_stack.redo()
    assert saved.code in events(window)


def test_edit_rsvp_and_the_agenda_error_is_shown(window: MainWindow, small: Small,
                                                 qtbot: QtBot) -> None:
    editor = window.editors.open_event(small.event.id)
    combo = editor.invitations.table.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData(RsvpState.DECLINED.value))  # type: ignore[union-attr]
    editor.end.setDateTime(QDateTime(QDate(2023, 4, 12), QTime(9, 15)))  # before the session ends
    assert not editor.save()
    assert "超出" in editor.errors.label("sessions").text()
    assert editor.invitations.invitations()[0].rsvp is RsvpState.DECLINED  # input kept
    editor.end.setDateTime(QDateTime(QDate(2023, 4, 12), QTime(17, 30)))
    assert editor.save()
    with window.ctx.sessions() as session:
        assert queries.event_detail(session, small.event.id).invitations[0].rsvp is \
            RsvpState.DECLINED


def test_event_page_actions_with_undo(window: MainWindow, small: Small, answers: list[str],
                                      qtbot: QtBot) -> None:
    code = small.event.code
    window.show_page("events")
    window.events.select_id(small.event.id)
    move = window.move_selected()
    assert isinstance(move, MoveDialog)
    move.days.setValue(1)
    press_ok(move)
    window.events.select_id(small.event.id)
    cancel = window.cancel_selected()
    assert isinstance(cancel, ReasonDialog)
    cancel.reason.setPlainText("与全球招商大会冲突")
    press_ok(cancel)
    event = events(window)[code]
    assert event.status is EventStatus.CANCELLED  # type: ignore[attr-defined]
    assert event.local_start.day == 13  # type: ignore[attr-defined]
    window.events.select_id(small.event.id)
    window.delete_selected()
    assert code not in events(window)
    for _ in range(3):
        window.undo_action.trigger()
    event = events(window)[code]
    assert (event.status, event.local_start.day) == (EventStatus.DRAFT, 12)  # type: ignore[attr-defined]
