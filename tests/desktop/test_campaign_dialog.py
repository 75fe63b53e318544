"""File → 本年度活动 Campaign: the campaign's names, slogan, duty phone and targets, saved as
one step of the window's Undo; a wrong phone is shown beside its field and nothing is saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.campaign_dialog import CampaignDialog
from desktop.main_window import MainWindow
from models.operations.campaign import campaign_draft


def _dialog(window: MainWindow, qtbot: QtBot) -> CampaignDialog:
    dialog = window.open_campaign()
    qtbot.addWidget(dialog)
    return dialog


def test_the_campaign_is_in_the_file_menu(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert window.campaign_action in file_menu.actions()


def test_settings_are_saved_and_undone(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(window, qtbot)
    dialog.duty_phone.setText("+86 769 2283 0000")
    dialog.slogan_en.setText("Room to grow: come to Dongguan")
    dialog.investment.setValue(1600)  # 亿元
    dialog.resize(640, 560)
    dialog.grab().save(str(tmp_path / "campaign.png"))
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    with window.ctx.sessions() as session:
        saved = campaign_draft(session)
    assert (saved.duty_phone, saved.slogan_en) == ("+86 769 2283 0000",
                                                    "Room to grow: come to Dongguan")
    assert saved.target_investment_cny == 160_000_000_000
    assert window.ctx.undo_stack.undoText() == window.ctx.undo_stack.command(0).text()
    window.ctx.undo_stack.undo()
    with window.ctx.sessions() as session:
        undone = campaign_draft(session)
    assert (undone.duty_phone, undone.slogan_en) == ("", "")
    window.ctx.undo_stack.redo()
    with window.ctx.sessions() as session:
        assert campaign_draft(session).duty_phone == "+86 769 2283 0000"


def test_a_wrong_phone_is_shown_and_nothing_is_saved(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _dialog(window, qtbot)
    dialog.duty_phone.setText("ask the office")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
    assert "电话号码格式不正确" in shown or "Not a phone number" in shown
    assert window.ctx.undo_stack.count() == 0
    with window.ctx.sessions() as session:
        assert campaign_draft(session).duty_phone == ""


def test_ok_without_a_change_adds_no_undo_step(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _dialog(window, qtbot)
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible() and window.ctx.undo_stack.count() == 0
