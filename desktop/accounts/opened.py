"""A database the window has opened (signed in to, on the shared server): a small module of
its own, so that starting on a local file never imports the login dialog and the keyring."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

Opener = Callable[[str], tuple[Engine, sessionmaker[Session]]]


@dataclass(frozen=True)
class Opened:
    """A database signed in to: its engine and sessions, and its address without a password
    (for the title and the status bar)."""

    engine: Engine
    sessions: sessionmaker[Session]
    url: str
