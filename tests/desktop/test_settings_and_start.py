"""Settings stored with QSettings; the first start on an empty database; crash and Qt logs;
formatting for the locale."""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from desktop import crash, first_run
from desktop.formatting import fmt_cny, fmt_date, fmt_int
from desktop.settings import DEFAULT_ISSUER_ZH, AppSettings
from desktop.settings_dialog import SettingsDialog
from models import queries
from models.language import Lang
from tests.desktop.test_trip_editing import press_ok


def test_settings_dialog_stores_every_setting(private_settings: Path, qtbot: QtBot) -> None:
    settings = AppSettings()
    assert settings.issuer_zh == DEFAULT_ISSUER_ZH and settings.language == "system"
    dialog = SettingsDialog(settings, Lang.ZH)
    qtbot.addWidget(dialog)
    dialog.db_url.setText("postgresql://planner@db.example.cn/campaign")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.font_path.setText("/fonts/msyh.ttc")
    dialog.issuer_zh.setText("东莞市投资促进局（测试）")
    dialog.issuer_en.setText("Dongguan IPB (test)")
    press_ok(dialog)
    again = AppSettings()
    assert again.db_url == "postgresql://planner@db.example.cn/campaign"
    assert again.ui_language() == "en" and again.ui_language("zh") == "zh"
    assert again.font_path == "/fonts/msyh.ttc"
    assert (again.issuer_zh, again.issuer_en) == ("东莞市投资促进局（测试）", "Dongguan IPB (test)")
    assert "东莞市投资促进局（测试）" in private_settings.read_text(encoding="utf-8")


def test_an_empty_organisation_name_is_refused(qtbot: QtBot) -> None:
    dialog = SettingsDialog(AppSettings(), Lang.ZH)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.issuer_zh.setText("  ")
    press_ok(dialog)
    assert dialog.isVisible() and "不能为空" in dialog.errors.label("issuer_zh").text()


def test_first_run_loads_the_sample_or_an_empty_campaign(db_url: str, tmp_path: Path,
                                                         sessions: sessionmaker[Session]) -> None:
    assert first_run.is_empty(sessions)
    first_run.prepare(sessions, first_run.EMPTY, 2026)
    assert not first_run.is_empty(sessions)
    with sessions() as session:
        assert queries.current_campaign(session).year == 2026
        assert queries.regions(session) and not queries.list_trips(session)


def test_first_run_sample(sessions: sessionmaker[Session]) -> None:
    first_run.prepare(sessions, first_run.SAMPLE, 2026)
    with sessions() as session:
        assert len(queries.list_trips(session)) >= 30


def test_qt_messages_go_to_logging(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="qt"):
        crash.qt_message_handler(QtMsgType.QtWarningMsg, QMessageLogContext(), "a warning")
        crash.qt_message_handler(QtMsgType.QtWarningMsg, QMessageLogContext(),
                                 crash.HARMLESS[0])
    levels = {r.getMessage(): r.levelno for r in caplog.records}
    assert levels["a warning"] == logging.WARNING
    assert levels[crash.HARMLESS[0]] == logging.DEBUG


def test_crash_text_holds_the_traceback() -> None:
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        kind, value, tb = sys.exc_info()
    assert kind is not None and value is not None
    text = crash.crash_text(kind, value, tb)
    assert "RuntimeError: boom" in text and "test_crash_text_holds_the_traceback" in text


def test_formatting_for_the_locale() -> None:
    assert fmt_date(date(2023, 3, 23), Lang.ZH) == "2023-03-23 周四"
    assert fmt_date(date(2023, 3, 23), Lang.EN) == "Thu 23 Mar 2023"
    assert fmt_cny(6_000_000_000, Lang.ZH) == "60 亿元"
    assert fmt_cny(123_456, Lang.ZH) == "12.35 万元"
    assert fmt_cny(6_500_000_000, Lang.EN) == "CNY 6.5 bn"
    assert fmt_cny(950, Lang.EN) == "CNY 950"
    assert fmt_int(1_234_567, Lang.EN) == "1,234,567"


def test_the_window_refuses_a_missing_database_file(tmp_path: Path, private_settings: Path,
                                                     qtbot: QtBot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QMessageBox

    from desktop import app
    missing = tmp_path / "typo" / "x.db"
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    locale = QLocale()
    started: list[int] = []
    try:
        assert app.run_desktop(f"sqlite:///{missing}", "zh",
                               started=lambda: started.append(len(shown))) == 1
    finally:
        QLocale.setDefault(locale)
    assert len(shown) == 1 and str(missing) in shown[0] and "init" in shown[0]
    assert started == [0]  # start-up was over before the message (main.py: the collector)
    assert not missing.parent.exists()


QUIT_AT_ONCE = """
import json, sys
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication
from desktop import app
from desktop.worker import start_job

shown, stopped = [], []


def endless(progress):  # an export that stops only when asked (its progress raises)
    import time
    try:
        for step in range(6000):
            progress(step, 6000)
            time.sleep(0.01)
    except BaseException:
        stopped.append(True)
        raise


class QuitAtOnce(app.MainWindow):
    def show(self):
        super().show()
        shown.append(self.dashboard.loading)
        start_job(endless, self)
        QTimer.singleShot(0, QApplication.quit)


app.MainWindow = QuitAtOnce
code = app.run_desktop(sys.argv[1], "zh")
print(json.dumps({"code": code, "loading": shown, "stopped": stopped,
                  "running": QThreadPool.globalInstance().activeThreadCount()}))
"""


def test_quitting_while_the_first_view_loads_waits_for_its_read(sample_url: str,
                                                                tmp_path: Path) -> None:
    """Quit as soon as the window shows, the dashboard's read still on its worker: the program
    ends cleanly, no job left running to report to a window being destroyed (a job finishing
    as the window went crashed the process, once in four quick starts and quits); a job that
    would run for a minute is asked to stop. A fresh interpreter, as the program starts."""
    import json
    import os
    import subprocess

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", QUIT_AT_ONCE, sample_url], env=env,
                          cwd=Path(__file__).resolve().parents[2], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    assert result["loading"] == [True]  # it quit with the read under way
    assert result["running"] == 0  # and waited for it
    assert result["stopped"] == [True]  # the endless job was asked to stop, and stopped
