"""The editors' History… button opens the saved record's audit history."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop.context import AppContext
from desktop.editors.person import PersonEditor
from desktop.editors.trip import TripEditor
from desktop.editors.unit import UnitEditor
from desktop.history.dialog import HistoryDialog
from models import queries


def changes(dialog: HistoryDialog, row: int) -> list[tuple[str, str, str]]:
    """The (field, before, after) lines under one top-level entry."""
    entry = dialog.tree.topLevelItem(row)
    assert entry is not None
    children: list[QTreeWidgetItem] = [entry.child(i) for i in range(entry.childCount())]
    return [(c.text(3), c.text(4), c.text(5)) for c in children]


def test_history_button_shows_a_saved_trip_edit(sample_ctx: AppContext, qtbot: QtBot) -> None:
    with sample_ctx.sessions() as session:
        trip = queries.list_trips(session)[0]
    editor = TripEditor(sample_ctx, trip.id)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.history_button.isVisible() and editor.history_button.isEnabled()
    editor.title_zh.setText(trip.title_zh + "（改）")
    assert editor.save()
    editor.history_button.click()
    dialog = editor.history_window
    assert isinstance(dialog, HistoryDialog) and dialog.isVisible()
    qtbot.addWidget(dialog)
    newest = dialog.entry_texts()[0]
    assert trip.code in dialog.windowTitle()
    assert f"修改 推广活动 {trip.code}" in newest  # the newest entry is this edit
    assert ("名称", trip.title_zh, trip.title_zh + "（改）") in changes(dialog, 0)
    editor.discard_and_close()


def test_history_button_is_disabled_for_a_new_record(sample_ctx: AppContext,
                                                     qtbot: QtBot) -> None:
    editor = PersonEditor(sample_ctx, None)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.history_button.isVisible() and not editor.history_button.isEnabled()
    assert editor.show_history() is None
    editor.discard_and_close()


def test_history_button_is_hidden_for_units(sample_ctx: AppContext, qtbot: QtBot) -> None:
    with sample_ctx.sessions() as session:
        unit = queries.units(session)[0]
    editor = UnitEditor(sample_ctx, unit.id)
    qtbot.addWidget(editor)
    editor.show()
    assert not editor.history_button.isVisible()
    editor.discard_and_close()
