"""Signing in to the shared server when it asks for a password.

When opening the database raises :class:`~models.errors.SignInError` (at the start), the
window first tries the password remembered in the keyring for that server, database and login
(and forgets it when the server refuses it), then asks with :class:`LoginDialog`: the login is
filled in from the address or the computer's user, a wrong password is said in the dialog and the
person tries again, Cancel gives up (the caller then shows where to choose another database).
"""

from __future__ import annotations

import getpass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget
from sqlalchemy.engine import URL, make_url

from desktop.accounts import passwords
from desktop.accounts.opened import Opened, Opener
from desktop.editors.form_dialog import FormDialog
from models.errors import DatabaseError, SignInError
from models.language import Lang

translate = QCoreApplication.translate


def with_login(url: URL, login: str, password: str | None) -> str:
    """The address of ``url`` as ``login`` with ``password`` (only ever given to the engine)."""
    return url.set(username=login, password=password).render_as_string(hide_password=False)


def without_password(url: URL, login: str) -> str:
    return url.set(username=login, password=None).render_as_string(hide_password=False)


def default_login(url: URL) -> str:
    """The login the dialog proposes: the address's, else the computer's user name."""
    if url.username:
        return url.username
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def try_stored(url: URL, login: str, opener: Opener) -> Opened | None:
    """Open with the password remembered for ``login`` (None when there is none). A password
    the server refuses is forgotten, and the refusal raised (SignInError)."""
    password = passwords.stored(url, login)
    if password is None:
        return None
    try:
        engine, sessions = opener(with_login(url, login, password))
    except SignInError as exc:
        if exc.wrong_password:
            passwords.forget(url, login)
        raise
    return Opened(engine, sessions, without_password(url, login))


def wrong_password() -> str:
    return translate("LoginDialog", "The server refused this login and password. Check them "
                     "(capital letters count) and try again.")


class LoginDialog(FormDialog):
    """Login and password for the shared server; OK signs in, or says why not and stays open."""

    def __init__(self, url: URL, opener: Opener, lang: Lang, refused: SignInError | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("LoginDialog", "Sign in to the shared server"), lang, parent)
        self.url = url
        self.opener = opener
        self.opened: Opened | None = None
        where = f"{url.database or ''} @ {url.host or url.query.get('host') or 'localhost'}"
        intro = QLabel(translate("LoginDialog", "The database %1 asks who you are. Sign in with "
                                 "the login and password your administrator gave you.")
                       .replace("%1", where))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.login = QLineEdit(default_login(url))
        self.login.setPlaceholderText(translate("LoginDialog", "e.g. zhangwei"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(translate("LoginDialog", "Remember the password on this computer"))
        if not passwords.available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(translate(
                "LoginDialog", "This computer has no password store (keyring): the program "
                "asks each time."))
        self.form.field(translate("LoginDialog", "Login"), self.login, "login")
        self.form.field(translate("LoginDialog", "Password"), self.password, "password")
        self.form.addRow("", self.remember)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("LoginDialog", "Sign in"))
        self.accept_with = lambda _dialog: self._sign_in()
        if refused is not None and refused.wrong_password:
            self.show_problem(wrong_password(), retry_possible=False)
        (self.password if self.login.text() else self.login).setFocus()
        self.resize(460, 260)

    def _sign_in(self) -> bool:
        login = self.login.text().strip()
        if not login:
            self.show_field_error("login", translate("LoginDialog", "Type your login."))
            return False
        password = self.password.text()
        try:
            engine, sessions = self.opener(with_login(self.url, login, password))
        except SignInError as exc:
            message = wrong_password() if exc.wrong_password else translate(
                "LoginDialog", "Type your password.")
            self.show_problem(message, retry_possible=False)
            self.password.selectAll()
            self.password.setFocus()
            return False
        except DatabaseError as exc:  # a disabled account, an unreachable server
            self.show_problem(exc.text(self.lang), retry_possible=True)
            return False
        self.opened = Opened(engine, sessions, without_password(self.url, login))
        if self.remember.isChecked():
            passwords.remember(self.url, login, password)
        else:
            passwords.forget(self.url, login)
        return True


def sign_in(url: str, opener: Opener, lang: Lang, refused: SignInError,
            parent: QWidget | None = None) -> Opened | None:
    """The database at ``url`` opened as someone: the remembered password first, then the
    dialog. None when the person cancels."""
    parsed = make_url(url)
    login = default_login(parsed)
    if login:
        try:
            opened = try_stored(parsed, login, opener)
        except SignInError as exc:
            refused = exc
        else:
            if opened is not None:
                return opened
    dialog = LoginDialog(parsed, opener, lang, refused, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.opened
