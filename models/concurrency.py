"""Two people saving the same record: the session turns a stale write into a clear conflict.

Every editable record has a revision (SQLAlchemy's version counter). An UPDATE or DELETE that
finds another revision in the row makes SQLAlchemy raise ``StaleDataError`` at flush; the
planner's session re-raises it as :class:`StaleEditError`, a :class:`ConcurrentEditError`
whose message names the record and both revisions, so the window and the command line show
it like any other planner error. It still is a ``StaleDataError`` for code that expects one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Table, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models.base import Base, Editable
from models.errors import ConcurrentEditError, PermissionDeniedError
from models.record_types import kind_label
from models.rules import text_lengths

_TABLE_IN_MESSAGE = re.compile(r"on table '([^']+)'")
_TABLE_IN_REFUSAL = re.compile(r'(?:for table|policy for table) "?([^"\s]+)"?')
INSUFFICIENT_PRIVILEGE = "42501"


class RefusedByServerError(PermissionDeniedError, StaleDataError):
    """PostgreSQL refused the change (a grant or row-level security): the account may not make
    it. The message names the record when one can be named."""


def _refused(exc: Exception, editing: list[_Edited]) -> RefusedByServerError:
    found = _TABLE_IN_REFUSAL.search(str(getattr(exc, "orig", None) or exc))
    table = found.group(1) if found else ""
    named = [e for e in editing if e.table == table] or editing
    what = f"{kind_label(named[0].table)} {named[0].label}".strip() if named else (
        kind_label(table) or table or "记录")
    return RefusedByServerError(what, "", "数据库拒绝了此账户的这项修改",
                                "the database refused this change for this account")


class StaleEditError(ConcurrentEditError, StaleDataError):
    """Someone else saved (or deleted) the record between loading and saving it.

    ``actual`` is the revision now in the database, 0 when the record was deleted.
    ``record_type`` and ``record_id`` name the record (table name and id).
    """

    def __init__(self, what: str, expected: int, actual: int, record_type: str = "",
                 record_id: int | None = None) -> None:
        self.record_type = record_type
        self.record_id = record_id
        super().__init__(what, expected, actual)


def install_write_listeners() -> None:
    """What every write relies on: the history's listeners (who changed what) and the clearing
    of a confirmation by a counted change. Installed by the first flush of the process, so that
    a command or a window that only reads does not import them (~50 ms)."""
    import models.audit.recording
    import models.operations.confirmations  # noqa: F401


class PlannerSession(Session):
    """The session class of :func:`models.database.open_database`."""

    def flush(self, objects: Sequence[Any] | None = None) -> None:
        if self._is_clean():  # as Session.flush: every query autoflushes, most with nothing to do
            return
        from models.accounts.permissions import check_flush  # the mappings import this module

        install_write_listeners()

        # read before flushing: after a failed flush the objects cannot be loaded any more
        editing = [_Edited.of(obj) for obj in (*self.dirty, *self.deleted, *self.new)
                   if isinstance(obj, Editable)]
        for obj in (*self.new, *self.dirty):
            text_lengths(obj)  # the same limits on SQLite as on PostgreSQL
        check_flush(self)  # the account may make these changes (the database checks again)
        try:
            super().flush(objects)
        except StaleEditError:
            raise
        except StaleDataError as exc:
            raise self._conflict(exc, editing) from exc
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
                raise _refused(exc, editing) from exc
            raise

    def _conflict(self, exc: StaleDataError, editing: list[_Edited]) -> StaleDataError:
        found = _TABLE_IN_MESSAGE.search(str(exc))
        table = found.group(1) if found else ""
        candidates = [e for e in editing if e.table == table and e.revision is not None]
        if len(candidates) != 1:
            return exc  # not one record we can name: keep SQLAlchemy's own error
        edited = candidates[0]
        kind = kind_label(table)
        actual = _current_revision(self, edited)
        if actual == edited.revision and self.get_bind().dialect.name == "postgresql":
            # the row is there, unchanged, yet the UPDATE or DELETE met no row: row-level
            # security hid it from this account
            return _refused(exc, [edited])
        return StaleEditError(f"{kind} {edited.label}", edited.revision or 0, actual, table,
                              edited.id)


@dataclass(frozen=True)
class _Edited:
    table: str
    id: int | None
    revision: int | None
    label: str

    @classmethod
    def of(cls, obj: Editable) -> _Edited:
        loaded = obj.__dict__  # never a lazy load (nor an autoflush) from inside flush()
        label = next((str(loaded[k]) for k in ("code", "title_zh", "name_zh") if loaded.get(k)),
                     f"#{loaded.get('id')}")
        return cls(getattr(obj, "__tablename__", ""), loaded.get("id"), loaded.get("revision"),
                   label)


def _current_revision(session: Session, edited: _Edited) -> int:
    """The revision in the database now (0: deleted), read on a connection of its own."""
    if edited.id is None:
        return 0
    table = table_named(edited.table)
    try:
        bind = session.get_bind()
        engine = bind if isinstance(bind, Engine) else bind.engine
        with engine.connect() as conn:
            value = conn.execute(select(table.c.revision).where(table.c.id == edited.id)).scalar()
    except Exception:  # the conflict message matters more than the exact number
        return 0
    return int(value or 0)


def table_named(name: str) -> Table:
    return Base.metadata.tables[name]
