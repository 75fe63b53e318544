"""Responsible units: new and open from the Units page, saved undoably, refusals beside the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from desktop.editors.unit import UnitEditor
from desktop.main_window import MainWindow
from models import queries
from models.enums import UnitKind
from tests.desktop.conftest import Small


def units(window: MainWindow) -> dict[str, tuple[str, UnitKind]]:
    with window.ctx.sessions() as session:
        return {u.name_zh: (u.name_en, u.kind) for u in queries.units(session)}


def test_unit_create_edit_undo_redo(window: MainWindow, small: Small, qtbot: QtBot) -> None:
    window.show_page("units")
    assert window.new_action.isEnabled()
    assert window.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    editor = window.new_record()
    assert isinstance(editor, UnitEditor)
    editor.name_zh.setText("长安镇")
    editor.name_en.setText("Chang'an Town")
    editor.kind.set_value(UnitKind.TOWN_STREET)
    assert editor.save()
    assert units(window)["长安镇"] == ("Chang'an Town", UnitKind.TOWN_STREET)
    assert window.units.model.rowCount() == 2  # the page heard of the new unit
    unit_id = editor.record_id()
    assert unit_id is not None and editor.heading.text().endswith("长安镇")
    editor.close()

    window.units.select_id(unit_id)
    assert window.edit_action.isEnabled()
    editor = window.edit_selected()
    assert isinstance(editor, UnitEditor)
    assert editor.heading.text().endswith("长安镇")
    editor.name_zh.setText("长安镇人民政府")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert "长安镇人民政府" in units(window) and "长安镇" not in units(window)

    stack = window.ctx.undo_stack
    stack.undo()  # the rename
    assert "长安镇" in units(window) and "长安镇人民政府" not in units(window)
    stack.undo()  # the new unit
    assert set(units(window)) == {"松山湖高新区"}
    assert window.units.model.rowCount() == 1
    stack.redo()
    stack.redo()
    assert units(window)["长安镇人民政府"] == ("Chang'an Town", UnitKind.TOWN_STREET)


def test_unit_refusals_keep_the_input(window: MainWindow, small: Small, qtbot: QtBot) -> None:
    window.show_page("units")
    window.units.select_id(small.world.unit_id)
    editor = window.edit_selected()
    assert isinstance(editor, UnitEditor)
    editor.name_zh.setText("   ")
    editor.name_en.setText("Songshan Lake Science City")
    assert not editor.save()
    label = editor.errors.label("name_zh")
    assert label is not None and "不能为空" in label.text()
    assert editor.name_en.text() == "Songshan Lake Science City"
    assert editor.name_zh.text() == "   "
    assert set(units(window)) == {"松山湖高新区"}
    assert window.ctx.undo_stack.count() == 0

    other = window.new_record()
    assert isinstance(other, UnitEditor)
    other.name_zh.setText("松山湖高新区")
    assert not other.save()
    label = other.errors.label("name_zh")
    assert label is not None and "已存在" in label.text()
    assert other.name_zh.text() == "松山湖高新区"
    editor.discard_and_close()
    other.discard_and_close()
