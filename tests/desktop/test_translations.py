"""The Simplified Chinese translation is complete, in step with the sources, and loads."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.context import AppContext
from desktop.i18n import TRANSLATIONS, install_translators, qm_path, remove_translators
from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from tests.desktop.qt_tools import pyside6_tool

TS = TRANSLATIONS / "campaign_planner_zh_CN.ts"
DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def messages(path: Path) -> list[ET.Element]:
    return [m for ctx in ET.parse(path).getroot().iter("context") for m in ctx.iter("message")]


def test_every_message_is_translated() -> None:
    found = messages(TS)
    assert len(found) > 300
    for message in found:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None, source
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), source
        texts = [f.text for f in translation.iter("numerusform")] or [translation.text]
        assert all(t and t.strip() for t in texts), source
        for marker in ("%1", "%2", "%3", "%4", "%n"):
            if marker in source:
                assert all(marker in (t or "") for t in texts), (source, texts)


def test_the_catalogue_holds_every_string_of_the_window(tmp_path: Path) -> None:
    """pyside6-lupdate finds nothing in desktop/*.py that the .ts does not translate."""
    lupdate = pyside6_tool("pyside6-lupdate")
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    sources = sorted(str(p) for p in DESKTOP.rglob("*.py"))
    subprocess.run([lupdate, "-locations", "none", "-no-obsolete", *sources, "-ts", str(copy)],
                   check=True, capture_output=True)
    missing = [m.findtext("source") for m in messages(copy)
               if m.find("translation[@type='unfinished']") is not None]
    assert missing == []


def test_the_compiled_catalogue_loads_and_translates(qtbot: QtBot) -> None:
    assert qm_path("zh").is_file()
    translator = QTranslator()
    assert translator.load(str(qm_path("zh")))
    assert translator.translate("MainWindow", "Promotion trips") == "推广活动"
    assert translator.translate("EditorDialog", "&Save") == "保存(&S)"


def test_the_window_speaks_chinese(ctx: AppContext, qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translators(app, "zh")
    try:
        window = MainWindow(ctx, AppSettings())
        qtbot.addWidget(window)
        titles = [window.nav.item(n).text() for n in range(window.nav.count())]
        assert titles == ["总览", "日历", "年度时间轴", "推广活动", "专题活动", "招商项目",
                          "百队千企拜访", "机构", "人员", "责任单位与英雄榜"]
        assert window.trips.model.headerData(0, Qt.Orientation.Horizontal) == "编号"
        assert QCoreApplication.translate("ErrorText", "Unexpected error: %1") == "意外错误：%1"
    finally:
        remove_translators(app, installed)
    assert QCoreApplication.translate("MainWindow", "Promotion trips") == "Promotion trips"


def test_the_compiled_catalogue_is_built_from_the_sources(tmp_path: Path) -> None:
    lrelease = pyside6_tool("pyside6-lrelease")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == qm_path("zh").read_bytes(), "run pyside6-lrelease (README)"
