"""Signing in to the shared server: a real PostgreSQL account through the socket that asks for
passwords (tests/pgserver.py), a keyring in memory; wrong, right and remembered passwords."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from desktop import app
from desktop.accounts import passwords
from desktop.accounts.login_dialog import LoginDialog, sign_in
from models.accounts.names import AccountRole
from models.accounts.service import AccountDraft, add_account
from models.database import open_database
from models.errors import SignInError
from models.language import Lang
from tests.desktop.keyrings import MemoryKeyring, memory_keyring  # noqa: F401  (a fixture)
from tests.factories import make_world
from tests.pgserver import PgServer

PASSWORD = "Mima-2023-ok"
pytestmark = pytest.mark.backends("postgresql")


@pytest.fixture
def account_url(pg_server: PgServer, db_url: str, sessions: sessionmaker[Session]) -> str:
    """The address of a fresh shared database as a unit account, without its password."""
    if pg_server.socket_dir is None:
        pytest.skip("signing in with a password needs the throw-away cluster's socket")
    database = str(make_url(db_url).database)
    with sessions.begin() as s:
        make_world(s)
        add_account(s, AccountDraft(f"{database}.zhang", "张伟", AccountRole.UNIT, "松山湖高新区"),
                    PASSWORD)
    return pg_server.password_url(database, f"{database}.zhang", None)


def _refusal(url: str) -> SignInError:
    with pytest.raises(SignInError) as caught:
        open_database(url)
    return caught.value


def _session_user(dialog: LoginDialog) -> str:
    assert dialog.opened is not None
    with dialog.opened.sessions() as s:
        return str(s.execute(text("SELECT session_user")).scalar())


def test_a_wrong_password_is_said_in_the_dialog_then_the_right_one_signs_in(
        qtbot: QtBot, account_url: str, memory_keyring: MemoryKeyring,  # noqa: F811
        private_settings: Path) -> None:
    url = make_url(account_url)
    dialog = LoginDialog(url, open_database, Lang.ZH, _refusal(account_url))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.login.text() == url.username  # from the address
    assert dialog.remember.isEnabled()
    assert dialog.banner.isHidden()  # no password was given: nothing was wrong yet

    dialog.password.setText("not-the-password")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "refused this login and password" in dialog.banner.text()  # (no catalogue loaded)
    assert dialog.opened is None

    dialog.password.setText(PASSWORD)
    dialog.remember.setChecked(True)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _session_user(dialog) == url.username
    assert dialog.opened is not None and PASSWORD not in dialog.opened.url
    assert memory_keyring.passwords == {(passwords.service_name(url), url.username): PASSWORD}
    assert PASSWORD not in private_settings.read_text(encoding="utf-8") \
        if private_settings.exists() else True
    dialog.opened.engine.dispose()


def test_a_remembered_password_signs_in_without_asking(
        account_url: str, memory_keyring: MemoryKeyring,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    url = make_url(account_url)
    memory_keyring.set_password(passwords.service_name(url), str(url.username), PASSWORD)

    def never(_dialog: LoginDialog) -> int:
        raise AssertionError("the dialog was shown although the keyring had the password")

    monkeypatch.setattr(LoginDialog, "exec", never)
    opened = sign_in(account_url, open_database, Lang.ZH, _refusal(account_url))
    assert opened is not None
    with opened.sessions() as s:
        assert s.execute(text("SELECT session_user")).scalar() == url.username
    opened.engine.dispose()


def test_a_refused_remembered_password_is_forgotten_and_the_dialog_says_why(
        account_url: str, memory_keyring: MemoryKeyring,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    url = make_url(account_url)
    memory_keyring.set_password(passwords.service_name(url), str(url.username), "an-old-one-1")
    shown: list[str] = []

    def cancel(dialog: LoginDialog) -> int:
        shown.append(dialog.banner.text())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(LoginDialog, "exec", cancel)
    assert sign_in(account_url, open_database, Lang.BOTH, _refusal(account_url)) is None
    assert memory_keyring.passwords == {}
    assert len(shown) == 1 and "refused this login and password" in shown[0]


def test_cancel_at_the_start_offers_another_database(
        qtbot: QtBot, account_url: str, memory_keyring: MemoryKeyring,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QLocale

    boxes: list[str] = []
    monkeypatch.setattr(LoginDialog, "exec", lambda _d: int(QDialog.DialogCode.Rejected))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box.text()) or 0)
    locale = QLocale()
    try:
        assert app.run_desktop(account_url, "zh") == 1
    finally:
        QLocale.setDefault(locale)
    assert len(boxes) == 1 and "服务器要求登录" in boxes[0]


def test_signing_in_at_the_start_opens_the_database_as_the_account(
        account_url: str, memory_keyring: MemoryKeyring,  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    def type_password(dialog: LoginDialog) -> int:
        dialog.password.setText(PASSWORD)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", type_password)
    opened = app.open_signed_in(account_url, Lang.ZH)
    with opened.sessions() as s:
        assert s.execute(text("SELECT session_user")).scalar() == make_url(account_url).username
    assert make_url(opened.url).password is None
    assert memory_keyring.passwords == {}  # not asked to remember
    opened.engine.dispose()


def test_without_a_keyring_the_password_cannot_be_remembered(
        qtbot: QtBot, account_url: str) -> None:
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        dialog = LoginDialog(make_url(account_url), open_database, Lang.ZH)
        qtbot.addWidget(dialog)
        assert not dialog.remember.isEnabled()
        assert passwords.stored(make_url(account_url), "x") is None
    finally:
        keyring.set_keyring(before)
