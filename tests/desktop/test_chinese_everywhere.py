"""Chinese everywhere in a Chinese session: Qt's own dialogs, zones, countries and languages by
their names, the window's title and settings, the cancellation reason only where it applies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.calendar.view import CalendarView
from desktop.context import AppContext
from desktop.i18n import install_translators, remove_translators
from desktop.main_window import MainWindow
from desktop.qt_strings import MISSING_FROM_QT
from desktop.settings import AppSettings
from desktop.settings_dialog import SettingsDialog
from models.checks.calendars import calendar_last_year
from models.enums import EventStatus
from models.language import Lang
from tests.desktop.conftest import Small

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
NAMES = re.compile(r"TrueType|SQLite|iCalendar|PDF|ics")  # names, not English words


@pytest.fixture
def chinese(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translators(app, Lang.ZH)
    yield
    remove_translators(app, installed)


def english_left(dialog: QWidget) -> list[str]:
    """The visible captions and buttons of ``dialog`` that still hold an English word."""
    texts = [dialog.windowTitle()]
    for widget in dialog.findChildren(QWidget):
        if widget.isVisibleTo(dialog) and isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
    return [t for t in texts if LATIN_WORD.search(NAMES.sub("", t))]


def inspect_next_modal(found: list[list[str]]) -> None:
    """When the next modal dialog is up, record its English leftovers and close it."""
    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, look)
            return
        found.append(english_left(modal))
        modal.close()
    QTimer.singleShot(20, look)


def test_the_file_dialogs_of_the_settings_are_all_chinese(chinese: None, qtbot: QtBot) -> None:
    assert [QApplication.translate("QFileDialog", s) for s in MISSING_FROM_QT] == [
        "查找范围(&L)：", "文件类型(&T)："]
    dialog = SettingsDialog(AppSettings(), Lang.ZH, in_use="sqlite:////tmp/x.db")
    qtbot.addWidget(dialog)
    found: list[list[str]] = []
    inspect_next_modal(found)
    dialog._choose_database()  # the Qt dialog offscreen (Windows: the native one)
    inspect_next_modal(found)
    dialog._choose_font()
    assert found == [[], []]


def test_a_file_dialog_shows_no_english_caption(chinese: None, qtbot: QtBot) -> None:
    dialog = QFileDialog(None, "导出日历", "", "iCalendar 文件 (*.ics)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    for mode in (QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen):
        dialog.setAcceptMode(mode)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert english_left(dialog) == []


def test_message_box_buttons_are_chinese(chinese: None, qtbot: QtBot) -> None:
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "删除", "删除？",
                      buttons.Yes | buttons.No | buttons.Ok | buttons.Cancel | buttons.Close
                      | buttons.Save | buttons.Discard)
    qtbot.addWidget(box)
    box.show()
    assert [b.text() for b in box.buttons() if LATIN_WORD.search(b.text().replace("&", ""))
            and not re.search(r"\(&\w\)", b.text())] == []


def test_zones_countries_and_languages_show_their_names(window: MainWindow, small: Small) -> None:
    event = window.editors.open_event(small.event.id)
    assert event.zone.currentText() == "北京时间 (UTC+08:00)"
    assert event.zone.zone() == "Asia/Shanghai"
    assert "/" not in event.city.currentText()
    event.zone.setEditText("Europe/Berlin")  # an IANA name may still be typed
    assert event.zone.zone() == "Europe/Berlin"
    event.zone.set_zone("Europe/Berlin")
    assert event.zone.currentText() == "德国 · 中欧时间 (UTC+01:00)"
    event.discard_and_close()
    organisation = window.editors.open_organisation(small.world.org_id)
    assert organisation.hq_country.currentText() == "德国"
    assert organisation.hq_country.code() == "DE"
    organisation.hq_country.setEditText("日本")
    assert organisation.hq_country.code() == "JP"
    organisation.discard_and_close()
    person = window.editors.open_person(small.world.staff_id)
    person.languages.set_codes("zh,en")
    assert person.languages.text() == "中文、英语"
    person.languages.setText("中文、德语")
    assert person.languages.codes() == "zh,de"
    person.discard_and_close()
    window.show_page("organisations")
    model = window.organisations.model
    assert model.index(0, model.column_number("hq")).data() == "Stuttgart（德国）"


def test_the_title_names_the_campaign_not_the_program_twice(window: MainWindow) -> None:
    title = window.windowTitle()
    assert title.startswith("2023 招商年 · ")
    assert "招商活动规划" not in title and "Campaign Planner" not in title


def test_the_settings_show_the_database_in_use(window: MainWindow) -> None:
    dialog = window.open_settings()
    assert dialog.in_use.text() == window.ctx.db_url
    dialog.reject()


def test_the_cancellation_reason_shows_only_on_cancelled_records(window: MainWindow,
                                                                 small: Small) -> None:
    editor = window.editors.open_event(small.event.id)
    editor.show()
    assert not editor.cancel_reason.isVisibleTo(editor)
    editor.status.set_value(EventStatus.CANCELLED)
    assert editor.cancel_reason.isVisibleTo(editor)
    editor.discard_and_close()
    trip = window.editors.open_trip(small.trip.id)
    trip.show()
    assert not trip.cancel_reason.isVisibleTo(trip)


def test_the_month_marks_china_s_working_weekends(ctx: AppContext, qtbot: QtBot,
                                                   tmp_path: Path) -> None:
    view = CalendarView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    view.go_to(date(2024, 2, 15))
    assert {date(2024, 2, 4), date(2024, 2, 18)} <= view.month.workdays  # 春节调休上班
    assert date(2024, 2, 10) not in view.month.workdays  # 春节
    assert not view.table_note.isVisibleTo(view)
    view.grab().save(str(tmp_path / "month-2024-02.png"))
    view.go_to(date(calendar_last_year() + 1, 1, 15))
    assert view.table_note.isVisibleTo(view)
    assert str(calendar_last_year() + 1) in view.table_note.text()
    assert view.month.workdays == set()
