"""Counting the SQL a piece of code sends: the statement-count tests' one recorder."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session


class Sent(NamedTuple):
    """One statement as the cursor is given it, with its parameters and the thread sending it."""

    statement: str
    parameters: Any
    thread: int  # threading.get_ident()
    thread_name: str


@contextmanager
def _listening(bind: Session | Engine | type[Engine], on_statement: Callable[..., None]
               ) -> Iterator[None]:
    engine = bind.get_bind() if isinstance(bind, Session) else bind
    event.listen(engine, "before_cursor_execute", on_statement)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", on_statement)


@contextmanager
def recorded(bind: Session | Engine | type[Engine]) -> Iterator[list[str]]:
    """The statements sent to ``bind``'s engine (every engine: the ``Engine`` class) while the
    block runs, in order (as the cursor is given them: an ``executemany`` is one)."""
    seen: list[str] = []

    def on_statement(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    with _listening(bind, on_statement):
        yield seen


@contextmanager
def sent(bind: Session | Engine | type[Engine]) -> Iterator[list[Sent]]:
    """As :func:`recorded`, each statement with its parameters and its thread."""
    seen: list[Sent] = []

    def on_statement(_conn: object, _cursor: object, statement: str, parameters: Any,
                     *_args: object) -> None:
        current = threading.current_thread()
        seen.append(Sent(statement, parameters, threading.get_ident(), current.name))

    with _listening(bind, on_statement):
        yield seen
