"""Records an account may not change open read-only with the refusal in a banner, Save off;
a viewer's window has every edit action off. Unit and viewer accounts on a real PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.settings import AppSettings
from models.accounts.names import AccountRole
from models.accounts.service import AccountDraft, add_account
from models.campaign import Unit
from models.database import open_database
from models.enums import UnitKind
from models.language import Lang
from models.trips import Trip
from tests.factories import make_trip, make_world
from tests.pgserver import PgServer

PASSWORD = "Mima-2023-ok"
pytestmark = pytest.mark.backends("postgresql")


class Campaign:
    def __init__(self, own: int, other: int, urls: dict[AccountRole, str]) -> None:
        self.own_trip, self.other_trip, self.urls = own, other, urls


@pytest.fixture
def campaign(pg_server: PgServer, db_url: str, sessions: sessionmaker[Session]) -> Campaign:
    if pg_server.socket_dir is None:
        pytest.skip("signing in with a password needs the throw-away cluster's socket")
    database = str(make_url(db_url).database)
    with sessions.begin() as s:
        w = make_world(s)
        other = Unit(name_zh="市工业和信息化局", name_en="Industry and IT Bureau",
                     kind=UnitKind.DEPARTMENT)
        s.add(other)
        s.flush()
        own = make_trip(s, w)
        theirs = make_trip(s, w, host_unit_id=other.id, title_zh="日韩半导体推介")
        urls = {}
        for role in (AccountRole.UNIT, AccountRole.VIEWER):
            login = f"{database}.{role.value}"
            unit = "松山湖高新区" if role is AccountRole.UNIT else ""
            add_account(s, AccountDraft(login, f"测试{role.labels[0]}", role, unit), PASSWORD)
            urls[role] = pg_server.password_url(database, login, PASSWORD)
    return Campaign(own.id, theirs.id, urls)


@pytest.fixture
def signed_in_window(campaign: Campaign, qtbot: QtBot) -> Iterator[Any]:
    engines: list[Engine] = []

    def open_as(role: AccountRole) -> MainWindow:
        engine, factory = open_database(campaign.urls[role])
        engines.append(engine)
        ctx = AppContext(factory, campaign.urls[role], Lang.ZH)
        ctx.background_loading = False
        win = MainWindow(ctx, AppSettings())
        qtbot.addWidget(win)
        win.show()
        return win

    yield open_as
    for engine in engines:
        engine.dispose()


def test_a_unit_account_reads_another_units_trip_and_edits_its_own(
        campaign: Campaign, signed_in_window: Any) -> None:
    window = signed_in_window(AccountRole.UNIT)
    theirs = window.editors.open_trip(campaign.other_trip)
    assert "无权修改" in theirs.read_only and "市工业和信息化局" in theirs.read_only
    assert theirs.read_only_banner.isVisible() and theirs.read_only_banner.text() == theirs.read_only
    assert not theirs.save_button.isEnabled() and not theirs.ok_button.isEnabled()
    assert theirs.title_zh.isReadOnly()
    assert theirs.save() is False  # Ctrl+S says why in the status bar, writes nothing
    own = window.editors.open_trip(campaign.own_trip)
    assert own.read_only == "" and own.read_only_banner.isHidden()
    assert own.save_button.isEnabled() and not own.title_zh.isReadOnly()
    assert window.new_action.isEnabled()  # a unit plans its own trips
    window.editors.close_all()


def test_a_viewer_has_every_edit_action_off_and_reads_records_only(
        campaign: Campaign, signed_in_window: Any) -> None:
    window = signed_in_window(AccountRole.VIEWER)
    window.show_page("trips")
    assert window.trips.select_id(campaign.own_trip)
    window._update_actions()
    for action in (window.new_action, window.delete_action, window.duplicate_action,
                   window.cancel_action, window.move_action, window.import_sheet_action):
        assert not action.isEnabled()
    assert window.new_record() is None
    assert window.accounts is None  # not an admin
    editor = window.editors.open_trip(campaign.own_trip)
    assert "只读账户" in editor.read_only and not editor.save_button.isEnabled()
    window.editors.close_all()


def test_confirming_is_off_for_unit_and_viewer_accounts(
        campaign: Campaign, signed_in_window: Any, tmp_path: Any) -> None:
    for role in (AccountRole.UNIT, AccountRole.VIEWER):
        window = signed_in_window(role)
        for page in (window.projects, window.visits):
            assert not page.confirm_button.isEnabled() and not page.unconfirm_button.isEnabled()
            assert page.confirm_button.toolTip() == "Only planners and admins confirm results"
        window.show_page("projects")
        window.grab().save(str(tmp_path / f"projects-{role.value}.png"))
        window.grab().save(f"/tmp/i10d-projects-{role.value}.png")


def test_a_unit_is_refused_up_front_on_another_units_trip(
        campaign: Campaign, signed_in_window: Any) -> None:
    window = signed_in_window(AccountRole.UNIT)
    window.show_page("trips")
    assert window.trips.select_id(campaign.other_trip)
    for act in (window.trips.delete_selected, window.trips.duplicate_selected,
                window.trips.cancel_selected):
        window.trips.messages.clear_errors()
        assert act() is None  # no question, no dialog
        message = window.trips.messages.last_message
        assert message.startswith("无权修改 ") and "市工业和信息化局" in message, message
        window.trips.messages.box.close()
    assert window.trips.select_id(campaign.own_trip)
    assert window.trips.refused(Trip, campaign.own_trip) is False
