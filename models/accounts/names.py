"""Names of accounts and of the PostgreSQL roles behind them.

PostgreSQL roles belong to the whole server (the cluster), not to one database, while one server
may hold several campaign databases (and the test suite makes many on one cluster). So:

- the four group roles of a database carry its name: ``<database>_admin``, ``<database>_planner``,
  ``<database>_unit``, ``<database>_viewer`` (a database name too long for that gets a short hash
  instead of its tail), and the grants and policies of one database only ever name its own;
- a login role is the account's login itself (``zhangwei``: what people type in the login dialog
  and give ``psql -U``); a login already taken by any role on the server is refused, so two
  databases never share a login role.
"""

from __future__ import annotations

import hashlib
import re
from enum import StrEnum

from models.errors import ValidationError
from models.language import Lang

MAX_IDENTIFIER = 63  # PostgreSQL's NAMEDATALEN - 1
LOGIN_PATTERN = re.compile(r"^[a-z][a-z0-9_.-]{1,39}$")


class AccountRole(StrEnum):
    """What an account may do (stored in ``accounts.role``)."""

    ADMIN = "admin"  # everything, the accounts included
    PLANNER = "planner"  # bureau staff: every campaign record
    UNIT = "unit"  # a unit's staff: its own unit's trips, events, leads, HQ visits
    VIEWER = "viewer"  # leaders and observers: read only

    @property
    def labels(self) -> tuple[str, str]:
        return _LABELS[self]

    def label(self, lang: Lang = Lang.ZH) -> str:
        return lang.pick(*_LABELS[self])

    @classmethod
    def parse(cls, text: str) -> AccountRole:
        """A role from its value or its Chinese label; a clear error otherwise."""
        value = text.strip().lower()
        for role in cls:
            if value in (role.value, role.labels[0]):
                return role
        choices = ", ".join(f"{r.value} ({r.labels[0]})" for r in cls)
        raise ValidationError("role", f"角色无效：{text}（可选：{choices}）",
                              f"Not a role: {text} (choose one of {choices})")


_LABELS: dict[AccountRole, tuple[str, str]] = {
    AccountRole.ADMIN: ("管理员", "administrator"),
    AccountRole.PLANNER: ("计划员", "planner"),
    AccountRole.UNIT: ("单位人员", "unit staff"),
    AccountRole.VIEWER: ("只读", "viewer"),
}


def group_role(database: str, role: AccountRole | str) -> str:
    """The group role of ``role`` in ``database``: ``campaign_unit``."""
    suffix = f"_{AccountRole(role).value}"
    name = f"{database}{suffix}"
    if len(name.encode()) <= MAX_IDENTIFIER:
        return name
    digest = hashlib.sha1(database.encode()).hexdigest()[:8]
    head = database.encode()[: MAX_IDENTIFIER - len(suffix) - len(digest) - 1].decode(errors="ignore")
    return f"{head}_{digest}{suffix}"


def check_login(login: str) -> str:
    """A valid login (lower-case letters, digits, ``_ . -``; 2–40 characters; a letter first)."""
    value = login.strip()
    if not LOGIN_PATTERN.match(value) or value.startswith("pg_"):
        raise ValidationError(
            "login",
            f"登录名无效：{login!r}。请用 2–40 个小写字母、数字、_ . -，以字母开头（如 zhangwei）",
            f"Not a valid login: {login!r}; use 2–40 lower-case letters, digits, _ . - "
            "starting with a letter (e.g. zhangwei)",
        )
    return value
