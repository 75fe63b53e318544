"""What every command receives: the database (opened on first use) and the output streams."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from models.database import open_database, resolve_url
from models.language import Lang


class UsageError(Exception):
    """Bad usage of the command line (exit code 2)."""


@dataclass
class Context:
    db_url: str | None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    lang: Lang = Lang.ZH
    create: bool = False
    """Whether opening may create a missing SQLite file: set by ``init`` alone."""
    _engine: Engine | None = None
    _sessions: sessionmaker[Session] | None = None

    @property
    def url(self) -> str:
        return resolve_url(self.db_url)

    def sessions(self) -> sessionmaker[Session]:
        """The sessionmaker, opening (and migrating) the database on first use.

        A SQLite file that does not exist is refused unless :attr:`create` is set (``init``).
        """
        if self._sessions is None:
            self._engine, self._sessions = open_database(self.db_url, create=self.create)
        return self._sessions

    @property
    def engine(self) -> Engine:
        self.sessions()
        assert self._engine is not None
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def print(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def print_json(self, data: Any) -> None:
        self.out.write(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))
        self.out.write("\n")

    def warn(self, text: str) -> None:
        self.err.write(text + "\n")


def _json_default(value: Any) -> Any:
    iso: Callable[[], str] | None = getattr(value, "isoformat", None)
    if iso is not None:
        return iso()
    return str(value)
