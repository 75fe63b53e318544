"""Who is signed in: the account of the connection's login role (PostgreSQL), or the one
person of a SQLite file."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from models import tables
from models.accounts.names import AccountRole
from models.accounts.table import Account
from models.audit.actor import default_actor
from models.language import Lang
from models.tables import UNIT

INFO_KEY = "signed_in"


@dataclass(frozen=True)
class SignedIn:
    """The person behind a session. ``shared`` is False on SQLite, where one person may do all."""

    login: str
    name: str
    role: AccountRole
    unit_id: int | None = None
    unit_name: str = ""
    shared: bool = False

    @property
    def writes_everything(self) -> bool:
        return not self.shared or self.role in (AccountRole.ADMIN, AccountRole.PLANNER)

    @property
    def manages_accounts(self) -> bool:
        return self.shared and self.role is AccountRole.ADMIN

    def describe(self, lang: Lang = Lang.BOTH) -> str:
        """"张伟（zhangwei，单位人员：长安镇）": for the status bar and messages."""
        if not self.shared:
            return lang.pick(f"本机用户 {self.login}", f"local user {self.login}")
        zh = f"{self.name}（{self.login}，{self.role.labels[0]}" + (
            f"：{self.unit_name}）" if self.unit_name else "）")
        en = f"{self.name} ({self.login}, {self.role.labels[1]}" + (
            f": {self.unit_name})" if self.unit_name else ")")
        return lang.pick(zh, en)


def is_shared(session: Session) -> bool:
    """Whether the session is on a shared server (PostgreSQL) rather than a SQLite file."""
    return session.get_bind().dialect.name == "postgresql"


def signed_in(session: Session) -> SignedIn:
    """The account signed in on ``session`` (read once per session).

    On SQLite: the OS user, who may do everything. On PostgreSQL: the account whose login is the
    connection's role; a superuser without one counts as an admin; any other role without an
    account is a viewer (the database grants it nothing to write with either).
    """
    cached = session.info.get(INFO_KEY)
    if isinstance(cached, SignedIn):
        return cached
    if not is_shared(session):
        found = SignedIn(default_actor(), default_actor(), AccountRole.ADMIN)
    else:
        found = _from_server(session)
    session.info[INFO_KEY] = found
    return found


def _from_server(session: Session) -> SignedIn:
    # the table's columns, not the record: asked as the window opens, reading an Account would
    # configure every mapper there (~45 ms before the first paint)
    account, unit = Account.__table__.c, UNIT
    with session.no_autoflush:  # asked from inside a flush too
        login, superuser = session.execute(text(
            "SELECT session_user, rolsuper FROM pg_roles WHERE rolname = session_user")).one()
        found = session.execute(
            select(account.login, account.name, account.role, account.unit_id, unit.name_zh)
            .outerjoin(tables.units, unit.id == account.unit_id)
            .where(account.login == login)).first()
        if found is not None:
            return SignedIn(found.login, found.name, found.role, found.unit_id,
                            found.name_zh or "", True)
    return SignedIn(str(login), str(login), AccountRole.ADMIN if superuser else AccountRole.VIEWER,
                    shared=True)


def forget_signed_in(session: Session) -> None:
    """Read the account again on next use (after changing one's own account)."""
    session.info.pop(INFO_KEY, None)
