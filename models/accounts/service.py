"""Managing accounts on the shared server: list, add, disable/enable, set role, reset password.

Each account is a PostgreSQL login role in its database's group role (see
:mod:`models.accounts.names`). The changes go through functions the migration created
(``cp_account_add`` …), which run as the database's owner and refuse anyone but an enabled
admin, so an admin needs no CREATEROLE of their own and nobody else can change an account, even
with ``psql``. SQLite has no accounts: every function here refuses it with one clear message.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from models.accounts.names import AccountRole, check_login
from models.accounts.signed_in import SignedIn, forget_signed_in, is_shared, signed_in
from models.accounts.table import Account
from models.campaign import Unit
from models.changes import OpChanges, OpResult, RecordKind
from models.errors import NotFoundError, PermissionDeniedError, ValidationError

MIN_PASSWORD = 8


@dataclass(frozen=True)
class AccountRow:
    id: int
    login: str
    name: str
    role: AccountRole
    unit_id: int | None
    unit_name: str
    enabled: bool
    created_at: datetime

    def as_json(self) -> dict[str, object]:
        return {"login": self.login, "name": self.name, "role": self.role.value,
                "unit": self.unit_name or None, "enabled": self.enabled}


@dataclass(frozen=True)
class AccountDraft:
    login: str
    name: str
    role: AccountRole
    unit_name: str = ""


def require_server(session: Session) -> None:
    """Refuse a SQLite file: it is one person's database, without accounts."""
    if not is_shared(session):
        raise ValidationError(
            "database",
            "SQLite 数据库只供一人使用，没有账户；账户只在共享服务器（PostgreSQL）上管理",
            "A SQLite file is a one-person database without accounts; accounts exist only on "
            "the shared server (PostgreSQL)",
        )


def _require_admin(session: Session, what: str) -> SignedIn:
    require_server(session)
    me = signed_in(session)
    if not me.manages_accounts:
        raise PermissionDeniedError(what, "", "只有管理员可以管理账户", "only admins manage accounts")
    return me


def _row(account: Account) -> AccountRow:
    return AccountRow(account.id, account.login, account.name, account.role, account.unit_id,
                      account.unit.name_zh if account.unit is not None else "", account.enabled,
                      account.created_at)


def list_accounts(session: Session) -> list[AccountRow]:
    """Every account, by login (everyone signed in may read who is who)."""
    require_server(session)
    return [_row(a) for a in session.scalars(select(Account).order_by(Account.login))]


def get_account(session: Session, login: str) -> Account:
    found = session.scalars(select(Account).where(Account.login == login.strip())).first()
    if found is None:
        raise NotFoundError(f"找不到账户：{login}", f"No account with the login {login}")
    return found


def _unit_for(session: Session, role: AccountRole, unit_name: str) -> int | None:
    if role is AccountRole.UNIT:
        if not unit_name.strip():
            raise ValidationError("unit", "单位人员账户须指定所属单位（--unit 单位名称）",
                                  "A unit account needs its unit (--unit NAME)")
        found = session.scalar(select(Unit.id).where(Unit.name_zh == unit_name.strip()))
        if found is None:
            raise NotFoundError(f"找不到责任单位“{unit_name}”", f"No unit called '{unit_name}'")
        return found
    if unit_name.strip():
        raise ValidationError("unit", f"只有单位人员账户属于某个单位（{role.labels[0]}账户不属于单位）",
                              f"Only unit accounts belong to a unit (not a {role.labels[1]})")
    return None


def new_password() -> str:
    """A password made up for a new account or a reset, shown once to the admin who hands it
    over (the command line prints it, the window shows it)."""
    return secrets.token_urlsafe(12)


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD or not password.strip():
        raise ValidationError("password", f"密码太短：至少 {MIN_PASSWORD} 个字符",
                              f"The password is too short: at least {MIN_PASSWORD} characters")
    if "\n" in password or "\r" in password or "\x00" in password:
        raise ValidationError("password", "密码不能包含换行符", "A password cannot hold a line break")
    return password


def _call(session: Session, sql: str, params: dict[str, object], what: str) -> None:
    """Run one account function; a refusal by the server becomes the same clear message."""
    try:
        with session.begin_nested():
            session.execute(text(sql), params)
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == "42501":
            raise PermissionDeniedError(what, "", "只有管理员可以管理账户",
                                        "only admins manage accounts") from exc
        raise
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Account):
            session.expire(obj)  # the function changed the row behind the session's back
    forget_signed_in(session)


def _enabled_admins(session: Session) -> int:
    return len(session.scalars(select(Account.id).where(
        Account.role == AccountRole.ADMIN, Account.enabled.is_(True))).all())


def add_account(session: Session, draft: AccountDraft, password: str) -> OpResult[AccountRow]:
    login = check_login(draft.login)
    _require_admin(session, login)
    name = draft.name.strip()
    if not name or len(name) > 100:
        raise ValidationError("name", "请填写姓名（最多 100 字）", "Give the name (at most 100 characters)")
    unit_id = _unit_for(session, draft.role, draft.unit_name)
    check_password(password)
    taken = session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).first()
    if taken is not None:
        raise ValidationError(
            "login", f"登录名 {login} 已被本服务器上的账户或角色占用，请换一个",
            f"The login {login} is already a role on this server; choose another")
    _call(session, "SELECT cp_account_add(:login, :name, :role, :unit, :password)",
          {"login": login, "name": name, "role": draft.role.value, "unit": unit_id,
           "password": password}, login)
    return _result(session, login)


def _result(session: Session, login: str) -> OpResult[AccountRow]:
    account = get_account(session, login)
    return OpResult(_row(account), OpChanges.of(RecordKind.ACCOUNT, account.id))


def _keep_an_admin(session: Session, account: Account, role: AccountRole, enabled: bool) -> None:
    if account.role is AccountRole.ADMIN and account.enabled and (
            role is not AccountRole.ADMIN or not enabled) and _enabled_admins(session) <= 1:
        raise ValidationError("role", f"{account.login} 是最后一个启用的管理员，不能停用或降级",
                              f"{account.login} is the last enabled admin: it cannot be disabled "
                              "or lose the admin role")


def set_enabled(session: Session, login: str, enabled: bool) -> OpResult[AccountRow]:
    """Disable (the login role becomes NOLOGIN: no new sign-in) or enable an account."""
    _require_admin(session, login)
    account = get_account(session, login)
    _keep_an_admin(session, account, account.role, enabled)
    _call(session, "SELECT cp_account_enable(:login, :enabled)",
          {"login": account.login, "enabled": enabled}, account.login)
    return _result(session, account.login)


def set_role(session: Session, login: str, role: AccountRole, unit_name: str = "") -> OpResult[AccountRow]:
    _require_admin(session, login)
    account = get_account(session, login)
    unit_id = _unit_for(session, role, unit_name)
    _keep_an_admin(session, account, role, account.enabled)
    _call(session, "SELECT cp_account_set_role(:login, :role, :unit)",
          {"login": account.login, "role": role.value, "unit": unit_id}, account.login)
    return _result(session, account.login)


def reset_password(session: Session, login: str, password: str) -> OpResult[AccountRow]:
    _require_admin(session, login)
    account = get_account(session, login)
    check_password(password)
    _call(session, "SELECT cp_account_password(:login, :password)",
          {"login": account.login, "password": password}, account.login)
    return _result(session, account.login)
