"""The Accounts page: shown to admins on the shared server only; add (a made-up password shown
once, or one typed twice), set role, disable/enable, reset password, through the functions
``users`` calls, on a real PostgreSQL; refusals are one message."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desktop.accounts.account_dialogs import NewAccountDialog, PasswordDialog, RoleDialog
from desktop.accounts.accounts_page import AccountsPage
from models.accounts.names import AccountRole
from models.database import open_database
from models.errors import SignInError
from tests.desktop.conftest import Small
from tests.pgserver import PgServer

PASSWORD = "Mima-2023-ok"


def _ok(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _page(window: Any) -> AccountsPage:
    page = window.show_page("accounts")
    assert isinstance(page, AccountsPage)
    return page


def _signs_in(server: PgServer, database: str, login: str, password: str) -> bool:
    try:
        engine, _ = open_database(server.password_url(database, login, password))
    except SignInError:
        return False
    with engine.connect() as conn:
        assert conn.execute(text("SELECT session_user")).scalar() == login
    engine.dispose()
    return True


def test_a_sqlite_file_has_no_accounts_page(window: Any) -> None:
    assert window.accounts is None
    assert "accounts" not in [p.key for p in window.pages]


@pytest.mark.backends("postgresql")
def test_an_admin_adds_an_account_and_its_made_up_password_signs_in(
        window: Any, db_url: str, pg_server: PgServer, qtbot: QtBot) -> None:
    if pg_server.socket_dir is None:
        pytest.skip("signing in with a password needs the throw-away cluster's socket")
    database = str(make_url(db_url).database)
    page = _page(window)
    assert [r.login for r in page.model.rows()] == ["postgres"]  # the role that ran init
    window.new_action.trigger()  # Ctrl+N on this page: a new account
    dialog = page.dialog
    assert isinstance(dialog, NewAccountDialog)
    assert dialog.roles.unit.isEnabled()  # unit staff by default: the unit is asked
    dialog.login.setText(f"{database}.li")
    dialog.name.setText("李娜")
    _ok(dialog)
    assert dialog.errors.label("unit") is not None and dialog.isVisible()  # no unit chosen
    assert "所属单位" in dialog.banner.text() + dialog.errors.label("unit").text()
    dialog.roles.unit.setCurrentText("松山湖高新区")
    _ok(dialog)
    assert dialog.added is not None and dialog.added.unit_name == "松山湖高新区"
    assert dialog.shown is not None
    password = dialog.shown.informativeText()
    assert _signs_in(pg_server, database, f"{database}.li", password)
    rows = {r.login: r for r in page.model.rows()}
    assert rows[f"{database}.li"].role is AccountRole.UNIT and rows[f"{database}.li"].enabled


@pytest.mark.backends("postgresql")
def test_typed_passwords_must_match_and_be_long_enough(window: Any, db_url: str) -> None:
    database = str(make_url(db_url).database)
    page = _page(window)
    dialog = page.new_record()
    assert isinstance(dialog, NewAccountDialog)
    dialog.login.setText(f"{database}.wang")
    dialog.name.setText("王芳")
    dialog.roles.role.set_value(AccountRole.VIEWER)
    assert not dialog.roles.unit.isEnabled()
    dialog.password.typed.setChecked(True)
    dialog.password.first.setText(PASSWORD)
    dialog.password.second.setText(PASSWORD + "x")
    _ok(dialog)
    assert "不一致" in dialog.errors.label("password").text()
    dialog.password.first.setText("short")
    dialog.password.second.setText("short")
    _ok(dialog)
    assert "太短" in dialog.errors.label("password").text() and dialog.added is None
    dialog.password.first.setText(PASSWORD)
    dialog.password.second.setText(PASSWORD)
    _ok(dialog)
    assert dialog.added is not None and dialog.shown is None  # typed: nothing to show


@pytest.mark.backends("postgresql")
def test_role_enabled_and_password_of_an_account(window: Any, db_url: str, pg_server: PgServer,
                                                 small: Small, answers: list[str]) -> None:
    if pg_server.socket_dir is None:
        pytest.skip("signing in with a password needs the throw-away cluster's socket")
    from models.accounts.service import AccountDraft, add_account
    database = str(make_url(db_url).database)
    login = f"{database}.zhao"
    with small.sessions.begin() as s:
        add_account(s, AccountDraft(login, "赵强", AccountRole.PLANNER), PASSWORD)
    page = _page(window)
    page.refresh()
    assert page.select_id(next(r.id for r in page.model.rows() if r.login == login))

    dialog = page.edit_selected()  # Enter / double-click: the role
    assert isinstance(dialog, RoleDialog)
    dialog.roles.role.set_value(AccountRole.UNIT)
    dialog.roles.unit.setCurrentText("松山湖高新区")
    _ok(dialog)
    row = next(r for r in page.model.rows() if r.login == login)
    assert (row.role, row.unit_name) == (AccountRole.UNIT, "松山湖高新区")

    assert page.enable_button.text() == "Disable"  # (no catalogue loaded in this test)
    page.toggle_enabled()
    assert answers and "赵强" in answers[-1]
    assert not next(r for r in page.model.rows() if r.login == login).enabled
    assert page.enable_button.text() == "Enable"
    page.toggle_enabled()
    assert next(r for r in page.model.rows() if r.login == login).enabled

    reset = page.reset_password()
    assert isinstance(reset, PasswordDialog)
    reset.password.typed.setChecked(True)
    reset.password.first.setText("Neu-Passwort-9")
    reset.password.second.setText("Neu-Passwort-9")
    _ok(reset)
    assert not _signs_in(pg_server, database, login, PASSWORD)
    assert _signs_in(pg_server, database, login, "Neu-Passwort-9")


@pytest.mark.backends("postgresql")
def test_a_refusal_is_one_message_and_changes_nothing(window: Any, answers: list[str]) -> None:
    page = _page(window)
    assert page.select_id(page.model.rows()[0].id)  # postgres: the only admin
    page.toggle_enabled()
    assert "最后一个启用的管理员" in page.messages.last_message
    assert page.model.rows()[0].enabled
