"""Editors behave as a planner used to Outlook expects: plain elided titles, errors that clear,
the duration kept, undo of the last field change (Ctrl+Z), Ctrl+S to save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.editors.form import INVALID_STYLE
from desktop.editors.session_dialog import SessionDialog
from desktop.elided_label import ElidedLabel
from desktop.main_window import MainWindow
from models import queries
from tests.desktop.conftest import Small

MARKUP = "<b>markup</b> & emoji 😀"


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing the window at the end of a test discards what an editor still holds."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args, **_kw: QMessageBox.StandardButton.Discard)


def test_a_long_title_is_elided_in_the_heading_with_the_full_text_in_a_tooltip(
        window: MainWindow, small: Small, qtbot: QtBot) -> None:
    editor = window.editors.open_event(small.event.id)
    editor.title_zh.setText("长" * 200)
    assert editor.save()
    editor.show()
    qtbot.waitExposed(editor)
    assert editor.width() < 1600 and editor.buttons.geometry().right() <= editor.width()
    assert isinstance(editor.heading, ElidedLabel)
    assert editor.heading.elided_text().endswith("…")
    assert editor.heading.toolTip().endswith("长" * 200)
    editor.grab().save("/tmp/i12_editor_long.png")


def test_user_text_in_the_heading_is_plain_text(window: MainWindow, small: Small,
                                                qtbot: QtBot) -> None:
    editor = window.editors.open_event(small.event.id)
    editor.title_zh.setText(MARKUP)
    assert editor.save()
    assert editor.heading.textFormat() == Qt.TextFormat.PlainText
    assert MARKUP in editor.heading.text()
    label = ElidedLabel(MARKUP)
    qtbot.addWidget(label)
    label.resize(2000, 30)
    assert label.elided_text() == MARKUP  # drawn as typed, tags and all


def test_an_over_long_title_gets_the_model_s_message_under_the_field(
        window: MainWindow, small: Small, qtbot: QtBot) -> None:
    editor = window.editors.open_event(small.event.id)
    editor.title_zh.setText("长" * 5000)
    assert not editor.save()
    message = editor.errors.label("title_zh")
    assert message is not None and "过长" in message.text() and "5000" in message.text()


def test_a_field_error_clears_as_soon_as_the_field_is_corrected(
        window: MainWindow, small: Small, qtbot: QtBot) -> None:
    editor = window.editors.open_event(small.event.id)
    editor.show()
    editor.title_zh.setText("")
    assert not editor.save()
    message = editor.errors.label("title_zh")
    assert message is not None and not message.isHidden() and message.text()
    editor.title_zh.setText("东莞招商推介会")
    assert message.isHidden() and message.text() == ""
    assert not editor.title_zh.property("invalid")
    editor.discard_and_close()


def test_only_the_field_in_error_is_outlined_and_the_dialog_has_no_style_sheet(
        window: MainWindow, small: Small, qtbot: QtBot) -> None:
    """The red outline's rule sits on the field in error, not on the whole dialog (a dialog's
    style sheet makes every widget of a trip's editor be polished through it when it opens)."""
    editor = window.editors.open_trip(small.trip.id)
    assert editor.styleSheet() == ""
    editor.title_zh.setText("")
    assert not editor.save()
    assert editor.title_zh.property("invalid")
    assert INVALID_STYLE in editor.title_zh.styleSheet()
    assert not editor.title_en.property("invalid") and editor.title_en.styleSheet() == ""
    editor.title_zh.setText("欧洲推介")
    assert not editor.title_zh.property("invalid")
    assert editor.save() and not editor.title_zh.property("invalid")
    editor.discard_and_close()


def test_moving_the_start_keeps_the_duration_in_the_event_and_session_editors(
        window: MainWindow, small: Small, qtbot: QtBot) -> None:
    editor = window.editors.open_event(small.event.id)
    before = editor.start.dateTime().secsTo(editor.end.dateTime())
    editor.start.setDateTime(QDateTime(QDate(2027, 2, 5), QTime(9, 0)))
    assert editor.end.dateTime().date() >= QDate(2027, 2, 5)
    assert editor.start.dateTime().secsTo(editor.end.dateTime()) == before
    dialog = editor.add_session()
    assert isinstance(dialog, SessionDialog)
    length = dialog.start.dateTime().secsTo(dialog.end.dateTime())
    dialog.start.setDateTime(dialog.start.dateTime().addSecs(3600))
    assert dialog.start.dateTime().secsTo(dialog.end.dateTime()) == length
    dialog.reject()


def test_ctrl_z_undoes_the_last_field_change_and_ctrl_s_saves(
        window: MainWindow, small: Small, qtbot: QtBot) -> None:
    editor = window.editors.open_event(small.event.id)
    qtbot.waitExposed(editor)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    original_title, original_venue = editor.title_zh.text(), editor.venue.text()
    original_capacity = editor.capacity.value()
    editor.title_zh.setFocus()
    editor.title_zh.selectAll()
    qtbot.keyClicks(editor.title_zh, "Renamed")
    editor.venue.setText("松山湖")
    editor.capacity.setValue(120)
    editor.title_zh.setFocus()
    qtbot.keySequence(editor.title_zh, QKeySequence.StandardKey.Undo)
    assert editor.capacity.value() == original_capacity and editor.venue.text() == "松山湖"
    qtbot.keySequence(editor.title_zh, QKeySequence.StandardKey.Undo)
    assert editor.venue.text() == original_venue
    qtbot.keySequence(editor.title_zh, QKeySequence.StandardKey.Undo)
    assert editor.title_zh.text() == original_title
    editor.title_zh.setText("改过的名称")
    qtbot.keySequence(editor.title_zh, QKeySequence.StandardKey.Save)
    with window.ctx.sessions() as session:
        assert queries.event_detail(session, small.event.id).title_zh == "改过的名称"
    assert not editor.is_dirty()
