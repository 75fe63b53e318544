"""Errors the model raises. Their messages can be shown to a user as they are."""

from __future__ import annotations

from models.language import Lang


class PlannerError(Exception):
    """Base of every error the planner raises on purpose.

    ``message_zh`` is primary; ``message_en`` goes beside it. ``str(error)`` gives both.
    """

    def __init__(self, message_zh: str, message_en: str = "") -> None:
        self.message_zh = message_zh
        self.message_en = message_en
        super().__init__(self.text())

    def text(self, lang: Lang = Lang.BOTH) -> str:
        return lang.pick(self.message_zh, self.message_en)


class ValidationError(PlannerError):
    """A rule of the model failed; nothing was written. ``field`` names the input concerned."""

    def __init__(self, field: str, message_zh: str, message_en: str = "") -> None:
        self.field = field
        super().__init__(message_zh, message_en)


class NotFoundError(PlannerError):
    """A code, id or name given by the user matches no record."""


class ConcurrentEditError(PlannerError):
    """Someone else saved the record since it was loaded."""

    def __init__(self, what: str, expected: int, actual: int) -> None:
        self.what = what
        self.expected = expected
        self.actual = actual
        super().__init__(
            f"{what} 已被他人修改（您编辑的是第 {expected} 版，当前为第 {actual} 版）",
            f"{what} was changed by someone else (you edited revision {expected}, "
            f"it is now {actual})",
        )


class DatabaseError(PlannerError):
    """The database cannot be opened or used (too new, unreachable, damaged)."""


class SignInError(DatabaseError):
    """The server asks for a password (none was given, or it was wrong): the window asks the
    person to sign in. ``wrong_password`` tells a refused password from a missing one."""

    def __init__(self, message_zh: str, message_en: str = "", *, wrong_password: bool = False) -> None:
        self.wrong_password = wrong_password
        super().__init__(message_zh, message_en)


class DatabaseURLError(DatabaseError):
    """The database address given by the user is not a usable URL (bad input, not a failure)."""


class MissingDatabaseError(DatabaseURLError):
    """A SQLite file named by the user does not exist, and only ``init`` creates one."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            f"数据库文件不存在：{path}。请先运行 init 创建数据库，或检查路径。",
            f"No database file at {path}; run `init` to create one, or check the path.",
        )


class PermissionDeniedError(PlannerError):
    """The signed-in account may not make this change (on the command line: exit code 4).

    ``record`` names the record (``TRIP-2023-005``), ``owner`` its responsible unit ("" when it
    has none).
    """

    def __init__(self, record: str, owner: str = "", reason_zh: str = "", reason_en: str = "") -> None:
        self.record = record
        self.owner = owner
        owner_zh = f"（负责单位：{owner}）" if owner else ""
        owner_en = f" (responsible unit: {owner})" if owner else ""
        zh = f"无权修改 {record}{owner_zh}"
        en = f"not allowed: changing {record}{owner_en}"
        if reason_zh:
            zh = f"{zh}：{reason_zh}"
        if reason_en:
            en = f"{en}: {reason_en}"
        super().__init__(zh, en)
