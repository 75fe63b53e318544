"""Allocation of human codes such as TRIP-2023-007, safe when several people create at once.

Each stem (``TRIP-2023-``) has a row in ``code_counters`` holding the last number given out.
Allocating locks that row (an UPDATE) for the rest of the caller's transaction, so a second
person creating a trip at the same moment waits for the first to commit (or roll back) and
then gets the next number: never the same code, never a gap from a rolled-back attempt.
Codes typed by hand or loaded from elsewhere are respected: the next number is above both
the counter and the highest code already in the table.
"""

from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from models.base import Base

code_counters = Table(
    "code_counters",
    Base.metadata,
    Column("stem", String(40), primary_key=True),
    Column("last", Integer, nullable=False),
)


def next_code(session: Session, column: InstrumentedAttribute[str], prefix: str, year: int) -> str:
    """The next free code ``PREFIX-YEAR-NNN`` for the table of ``column``.

    Holds the stem's counter row locked until the caller's transaction ends.
    """
    return next_codes(session, column, prefix, year, 1)[0]


def next_codes(session: Session, column: InstrumentedAttribute[str], prefix: str, year: int,
               count: int) -> list[str]:
    """The next ``count`` free codes, in order, with the same four statements as one code."""
    if count <= 0:
        return []
    stem = f"{prefix}-{year}-"
    _ensure_counter(session, stem)
    last = session.execute(  # the UPDATE takes the row lock before anything is read
        update(code_counters).where(code_counters.c.stem == stem)
        .values(last=code_counters.c.last).returning(code_counters.c.last)
    ).scalar_one()
    existing = session.scalars(select(column).where(column.like(f"{stem}%"))).all()
    numbers = [int(c[len(stem):]) for c in existing if c[len(stem):].isdigit()]
    first = max([last, *numbers]) + 1
    number = first + count - 1
    session.execute(update(code_counters).where(code_counters.c.stem == stem).values(last=number))
    return [f"{stem}{n:03d}" for n in range(first, number + 1)]


def _ensure_counter(session: Session, stem: str) -> None:
    # the dialect's own INSERT … ON CONFLICT; imported here: the PostgreSQL dialect package
    # loads every driver's module (asyncpg's among them, ~25 ms), which a window on SQLite
    # never needs at start
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(pg_insert(code_counters).values(stem=stem, last=0)
                        .on_conflict_do_nothing(index_elements=["stem"]))
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        session.execute(sqlite_insert(code_counters).values(stem=stem, last=0)
                        .on_conflict_do_nothing(index_elements=["stem"]))
