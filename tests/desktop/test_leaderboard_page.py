"""The Units page's leaderboard (英雄榜): the page's whole width, one money rule shared with the
PDF leaderboard (a zero reads "—", never "0 元" beside "亿元"), whole column titles in both
languages, every column sortable by its number."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

import briefs
from briefs.options import BriefOptions
from desktop.context import AppContext
from desktop.editors.opening import Editors
from desktop.i18n import install_translators, remove_translators
from desktop.pages.dashboard import DashboardView
from desktop.pages.entity_page import SORT_ARROW_ROOM
from desktop.pages.units import UnitsPage
from models.enums import LeadStage, UnitKind
from models.language import Lang
from models.operations.directory import create_unit
from models.operations.leads import LeadDraft, create_lead, record_hq_visit
from models.progress import leaderboard
from models.wording import board_count, board_money, money
from tests.briefs.pdf_helpers import flat
from tests.factories import World, make_world

MONEY_COLUMNS = ("signed_cny", "funds_in")


@pytest.fixture
def world(sessions: sessionmaker[Session]) -> World:
    """松山湖 signed 25 亿元 in March; 长安镇 has no result at all."""
    with sessions.begin() as s:
        w = make_world(s)
        create_unit(s, "长安镇", UnitKind.TOWN_STREET, "Chang'an Town")
        create_lead(s, LeadDraft("电池工厂", w.org_id, 2_500_000_000, LeadStage.SIGNED,
                                 unit_id=w.unit_id, industry_id=w.industry_id,
                                 first_contact_on=date(2023, 1, 10), signed_on=date(2023, 3, 10)))
    return w


@pytest.fixture(params=[Lang.ZH, Lang.EN], ids=["zh", "en"])
def lang(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[Lang]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = install_translators(app, request.param)
    yield request.param
    remove_translators(app, installed)


def open_units(qtbot: QtBot, sessions: sessionmaker[Session], db_url: str, lang: Lang,
               width: int = 1200) -> UnitsPage:
    ctx = AppContext(sessions, db_url, lang)
    ctx.background_loading = False
    holder = QWidget()
    qtbot.addWidget(holder)
    page = UnitsPage(ctx, Editors(ctx, holder))
    qtbot.addWidget(page)
    page.resize(width, 700)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    QApplication.processEvents()
    return page


def cells(page: UnitsPage, key: str) -> list[str]:
    column = page.model.column_number(key)
    return [page.proxy.index(n, column).data() for n in range(page.proxy.rowCount())]


def test_the_leaderboard_uses_the_width_of_the_page(qtbot: QtBot, world: World,
                                                    sessions: sessionmaker[Session], db_url: str,
                                                    lang: Lang) -> None:
    for width in (1200, 1600):
        page = open_units(qtbot, sessions, db_url, lang, width)
        header = page.view.horizontalHeader()
        used = sum(header.sectionSize(n) for n in range(header.count()))
        assert used >= page.view.viewport().width() - 2
        # the unit's name takes the room; the figures keep a sensible width
        unit = header.sectionSize(page.model.column_number("unit"))
        assert unit == max(header.sectionSize(n) for n in range(header.count()))


def test_every_column_title_is_whole_beside_its_sort_arrow(qtbot: QtBot, world: World,
                                                          sessions: sessionmaker[Session],
                                                          db_url: str, lang: Lang) -> None:
    page = open_units(qtbot, sessions, db_url, lang)
    header = page.view.horizontalHeader()
    metrics = header.fontMetrics()
    titles = [page.model.headerData(n, Qt.Orientation.Horizontal) for n in range(header.count())]
    assert ("排名" in titles) == (lang == Lang.ZH)  # the titles are in the session's language
    for n, title in enumerate(titles):
        assert header.sectionSize(n) >= metrics.horizontalAdvance(title) + SORT_ARROW_ROOM, title


def test_a_zero_reads_as_a_dash_as_on_the_printed_leaderboard(qtbot: QtBot, world: World,
                                                              sessions: sessionmaker[Session],
                                                              db_url: str, lang: Lang) -> None:
    page = open_units(qtbot, sessions, db_url, lang)
    units = cells(page, "unit")
    top, quiet = units.index(lang.pick("松山湖高新区", "Songshan Lake Hi-tech Zone")), \
        units.index(lang.pick("长安镇", "Chang'an Town"))
    assert cells(page, "signed_cny")[top] == money(2_500_000_000, lang)
    for key in (*MONEY_COLUMNS, "signed_leads", "hq_visits"):
        assert cells(page, key)[quiet] == "—", key
    shown = [text for key in MONEY_COLUMNS for text in cells(page, key)]
    assert not any(text.endswith(" 元") and not text.endswith(("亿元", "万元")) for text in shown)
    assert "CNY 0" not in shown
    page.view.selectRow(quiet)
    assert "0 元" not in page.results.text() and "CNY 0" not in page.results.text()
    # the PDF leaderboard of the same month says the same thing the same way
    with sessions() as session:
        data = briefs.collect_leaderboard(session, 2023, 3)
    text = flat(briefs.render_leaderboard(
        data, BriefOptions(lang=lang, generated_on=date(2023, 4, 1))))
    assert money(2_500_000_000, lang).replace(" ", "") in text
    assert "0元" not in text and "CNY0" not in text  # the funds in (none) read —
    assert board_money(0, lang) == board_count(0) == "—"


def test_every_column_sorts_by_its_number(qtbot: QtBot, world: World,
                                          sessions: sessionmaker[Session], db_url: str,
                                          lang: Lang) -> None:
    page = open_units(qtbot, sessions, db_url, lang)
    for key in ("signed_cny", "signed_leads", "funds_in", "hq_visits", "kind", "unit", "rank"):
        column = page.model.column_number(key)
        page.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        rows = [page.proxy.index(n, 0).data(Qt.ItemDataRole.UserRole + 1)
                for n in range(page.proxy.rowCount())]
        if key == "signed_cny":
            assert [r.signed_cny for r in rows] == sorted((r.signed_cny for r in rows),
                                                          reverse=True)
            assert rows[0].unit.name_zh == "松山湖高新区"
        page.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        assert page.view.horizontalHeader().sortIndicatorSection() == column
    assert cells(page, "signed_cny")[-1] == "—"  # by rank again: the unit without results last


def test_the_dashboard_s_leaderboard_follows_the_same_rule(qtbot: QtBot, world: World,
                                                           sessions: sessionmaker[Session],
                                                           db_url: str) -> None:
    with sessions.begin() as s:  # 长安镇 visits a headquarters in March and signs nothing
        unit = next(r.unit.id for r in leaderboard(s, 2023) if r.unit.name_zh == "长安镇")
        record_hq_visit(s, world.org_id, date(2023, 3, 12), unit_id=unit)
    ctx = AppContext(sessions, db_url, Lang.ZH)
    ctx.background_loading = False
    view = DashboardView(ctx)
    qtbot.addWidget(view)
    view.set_today(date(2023, 3, 20))
    view.show()
    qtbot.waitExposed(view)
    rows = [[view.board_list.topLevelItem(n).text(c) for c in range(5)]
            for n in range(view.board_list.topLevelItemCount())]
    assert rows == [["1", "松山湖高新区", "1", "25 亿元", "—"], ["2", "长安镇", "—", "—", "1"]]
