"""Counting the SQL a piece of code sends: the statement-count tests' one recorder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session


@contextmanager
def recorded(bind: Session | Engine) -> Iterator[list[str]]:
    """The statements sent to ``bind``'s engine while the block runs, in order (as the cursor
    is given them: an ``executemany`` is one)."""
    engine = bind.get_bind() if isinstance(bind, Session) else bind
    seen: list[str] = []

    def on_statement(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", on_statement)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", on_statement)
