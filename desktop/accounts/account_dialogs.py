"""The admins' dialogs for accounts: a new account, its role, a new password.

Each calls the function ``users`` calls (:mod:`models.accounts.service`) in one transaction; a
refusal (a login taken, a password too short, not an admin) is shown at its field or in the
banner, and the dialog stays open with the input as typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.context import AppContext
from desktop.editors.form import IdCombo
from desktop.editors.form_dialog import FormDialog
from desktop.errors_text import describe
from models import queries
from models.accounts.names import AccountRole
from models.accounts.service import (
    AccountDraft,
    AccountRow,
    add_account,
    check_password,
    new_password,
    reset_password,
    set_role,
)
from models.changes import OpResult
from models.errors import PlannerError, ValidationError
from models.language import Lang

translate = QCoreApplication.translate


class PasswordChoice(QWidget):
    """Make a password up (shown once afterwards), or type one twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.generate = QRadioButton(translate("PasswordChoice", "Make one up (shown once)"))
        self.typed = QRadioButton(translate("PasswordChoice", "Type it"))
        self.group = QButtonGroup(self)
        self.group.addButton(self.generate)
        self.group.addButton(self.typed)
        self.generate.setChecked(True)
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit, hint in ((self.first, translate("PasswordChoice", "password")),
                           (self.second, translate("PasswordChoice", "again"))):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setPlaceholderText(hint)
            edit.setEnabled(False)
        self.typed.toggled.connect(self.first.setEnabled)
        self.typed.toggled.connect(self.second.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.generate)
        row.addWidget(self.typed)
        row.addWidget(self.first, 1)
        row.addWidget(self.second, 1)

    def password(self) -> tuple[str, bool]:
        """(the password, whether it was made up and must be shown once)."""
        if self.generate.isChecked():
            return new_password(), True
        if self.first.text() != self.second.text():
            raise ValidationError("password", "两次输入的密码不一致", "The two passwords differ")
        return check_password(self.first.text()), False


def show_password_once(parent: QWidget, login: str, password: str) -> QMessageBox:
    """The made-up password, selectable, for the admin to hand over; it is not kept anywhere."""
    box = QMessageBox(QMessageBox.Icon.Information,
                      translate("AccountDialogs", "Password of %1").replace("%1", login),
                      translate("AccountDialogs", "The password of %1 is shown this once: hand it "
                                "over now (it is not kept anywhere).").replace("%1", login),
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(password)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box


def _run(ctx: AppContext, dialog: FormDialog,
         action: Callable[[Session], OpResult[AccountRow]]) -> AccountRow | None:
    """One transaction; a validation error goes to its field (raised), any other refusal to the
    banner (None)."""
    try:
        with ctx.sessions.begin() as session:
            result = action(session)
    except ValidationError:
        raise
    except PlannerError as exc:
        dialog.show_problem(describe(exc, ctx.lang), retry_possible=False)
        return None
    ctx.notify(result.changes)
    return result.value


class RoleCombo(QComboBox):
    """The four roles, by their labels in the user's language."""

    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for role in AccountRole:
            self.addItem(role.label(lang), role.value)

    def value(self) -> AccountRole:
        return AccountRole(self.currentData())

    def set_value(self, role: AccountRole) -> None:
        self.setCurrentIndex(max(self.findData(role.value), 0))


class RoleFields:
    """A role and, for a unit account, its unit (the combo is enabled only then)."""

    def __init__(self, ctx: AppContext, dialog: FormDialog, role: AccountRole,
                 unit_id: int | None) -> None:
        with ctx.sessions() as session:
            self.units = {u.id: u.name_zh for u in queries.units(session)}
        self.role = RoleCombo(ctx.lang)
        self.role.set_value(role)
        self.unit = IdCombo([(name, ident) for ident, name in self.units.items()],
                            translate("AccountDialogs", "(choose the unit)"))
        self.unit.set_value(unit_id)
        self.role.currentIndexChanged.connect(lambda _i: self._role_changed())
        dialog.form.field(translate("AccountDialogs", "Role"), self.role, "role")
        dialog.form.field(translate("AccountDialogs", "Unit"), self.unit, "unit")
        self._role_changed()

    def _role_changed(self) -> None:
        self.unit.setEnabled(self.role.value() is AccountRole.UNIT)

    def unit_name(self) -> str:
        if self.role.value() is not AccountRole.UNIT:
            return ""
        ident = self.unit.value()
        return self.units.get(ident, "") if ident is not None else ""


class NewAccountDialog(FormDialog):
    """A new account: login, name, role and unit, and its first password."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(translate("AccountDialogs", "New account"), ctx.lang, parent)
        self.ctx = ctx
        self.added: AccountRow | None = None
        self.shown: QMessageBox | None = None  # the made-up password, shown once
        self.login = QLineEdit()
        self.login.setPlaceholderText(translate("AccountDialogs", "e.g. zhangwei (lower-case "
                                                "letters, digits, _ . -)"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(translate("AccountDialogs", "e.g. 张伟"))
        self.form.field(translate("AccountDialogs", "Login"), self.login, "login")
        self.form.field(translate("AccountDialogs", "Name"), self.name, "name")
        self.roles = RoleFields(ctx, self, AccountRole.UNIT, None)
        self.password = PasswordChoice()
        self.form.field(translate("AccountDialogs", "Password"), self.password, "password")
        self.accept_with = lambda _dialog: self._add()
        self.resize(620, 300)

    def _add(self) -> bool:
        password, made_up = self.password.password()
        draft = AccountDraft(self.login.text(), self.name.text(), self.roles.role.value(),
                             self.roles.unit_name())
        self.added = _run(self.ctx, self, lambda s: add_account(s, draft, password))
        if self.added is None:
            return False
        if made_up:
            self.shown = show_password_once(self.parentWidget() or self, self.added.login, password)
        return True


class RoleDialog(FormDialog):
    """Another role (and unit) for an account."""

    def __init__(self, ctx: AppContext, row: AccountRow, parent: QWidget | None = None) -> None:
        super().__init__(translate("AccountDialogs", "Role of %1").replace(
            "%1", f"{row.name}（{row.login}）"), ctx.lang, parent)
        self.ctx = ctx
        self.row = row
        self.roles = RoleFields(ctx, self, row.role, row.unit_id)
        self.accept_with = lambda _dialog: _run(ctx, self, lambda s: set_role(
            s, row.login, self.roles.role.value(), self.roles.unit_name())) is not None
        self.resize(440, 160)


class PasswordDialog(FormDialog):
    """A new password for an account (the old one stops working at once)."""

    def __init__(self, ctx: AppContext, row: AccountRow, parent: QWidget | None = None) -> None:
        super().__init__(translate("AccountDialogs", "New password for %1").replace(
            "%1", f"{row.name}（{row.login}）"), ctx.lang, parent)
        self.ctx = ctx
        self.row = row
        self.shown: QMessageBox | None = None
        self.password = PasswordChoice()
        self.form.field(translate("AccountDialogs", "Password"), self.password, "password")
        self.accept_with = lambda _dialog: self._reset()
        self.resize(560, 140)

    def _reset(self) -> bool:
        password, made_up = self.password.password()
        if _run(self.ctx, self, lambda s: reset_password(s, self.row.login, password)) is None:
            return False
        if made_up:
            self.shown = show_password_once(self.parentWidget() or self, self.row.login, password)
        return True
