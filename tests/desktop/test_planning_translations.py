"""The planning views' Chinese: every visible string of the dashboard, calendar and timeline
has a translation in resources/translations/zh_CN_calendar.tsv, and the translation loads."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from desktop.calendar.view import CalendarView
from tests.desktop.planning_world import context, make_plan
from tests.desktop.qt_tools import pyside6_tool

ROOT = Path(__file__).resolve().parents[2]
TSV = ROOT / "resources" / "translations" / "zh_CN_calendar.tsv"
SOURCES = [
    *sorted((ROOT / "desktop" / "calendar").glob("*.py")),
    ROOT / "desktop" / "pages" / "dashboard.py",
    ROOT / "desktop" / "pages" / "dashboard_charts.py",
    ROOT / "desktop" / "undo" / "moves.py",
]
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def visible_strings(path: Path) -> list[tuple[str, str]]:
    """(context, source) of each ``self.tr("...")`` (context: the class) and
    ``translate("Context", "...")``, as pyside6-lupdate finds them."""
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST, cls: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                f = child.func
                args = child.args
                if (isinstance(f, ast.Attribute) and f.attr == "tr"
                        and isinstance(f.value, ast.Name) and f.value.id == "self"):
                    assert isinstance(args[0], ast.Constant), f"{path}: tr() of a non-literal"
                    found.append((cls, args[0].value))
                named = isinstance(f, ast.Name) and f.id == "translate"
                qualified = (isinstance(f, ast.Attribute) and f.attr == "translate"
                             and isinstance(f.value, ast.Name) and f.value.id == "QCoreApplication")
                if named or qualified:
                    assert all(isinstance(a, ast.Constant) for a in args[:2]), \
                        f"{path}: translate() of a non-literal: lupdate would miss it"
                    found.append((args[0].value, args[1].value))  # type: ignore[attr-defined]
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def table() -> dict[tuple[str, str], str]:
    rows = {}
    for line in TSV.read_text(encoding="utf-8").splitlines():
        context_name, source, translation = line.split("\t")
        rows[(context_name, source)] = translation
    return rows


def test_every_visible_string_has_a_chinese_translation() -> None:
    used = {pair for path in SOURCES for pair in visible_strings(path)}
    rows = table()
    assert len(used) > 90
    assert sorted(used - rows.keys()) == []  # untranslated
    assert sorted(rows.keys() - used) == []  # stale
    for (_context, source), translation in rows.items():
        assert translation.strip(), source
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), \
            source
        assert re.search(r"[\u4e00-\u9fff]", translation), f"not Chinese: {translation}"


def compile_translator(folder: Path) -> QTranslator:
    """The TSV as a Qt translation (.ts -> .qm with pyside6-lrelease)."""
    contexts: dict[str, list[tuple[str, str]]] = {}
    for (name, source), translation in table().items():
        contexts.setdefault(name, []).append((source, translation))
    body = "".join(
        f"<context><name>{escape(name)}</name>" + "".join(
            f"<message><source>{escape(s)}</source><translation>{escape(t)}</translation>"
            "</message>" for s, t in messages) + "</context>"
        for name, messages in contexts.items())
    ts = folder / "calendar_zh_CN.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS>'
                  f'<TS version="2.1" language="zh_CN">{body}</TS>', encoding="utf-8")
    lrelease = pyside6_tool("pyside6-lrelease")
    assert lrelease is not None, "pyside6-lrelease comes with PySide6"
    subprocess.run([lrelease, str(ts), "-qm", str(folder / "calendar_zh_CN.qm")], check=True,
                   capture_output=True)
    translator = QTranslator()
    assert translator.load(str(folder / "calendar_zh_CN.qm"))
    return translator


def test_the_translation_loads_into_the_views(qtbot: QtBot, sessions: sessionmaker[Session],
                                              tmp_path: Path) -> None:
    make_plan(sessions)
    translator = compile_translator(tmp_path)
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        view = CalendarView(context(sessions))
        qtbot.addWidget(view)
        assert view.today_button.text() == "今天"
        assert view.time_box.itemText(1) == "北京时间"
        assert view.filter_bar.region.itemText(0) == "全部区域"
    finally:
        app.removeTranslator(translator)
