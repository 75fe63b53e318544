"""Allocation of human codes such as TRIP-2023-007."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session


def next_code(session: Session, column: InstrumentedAttribute[str], prefix: str, year: int) -> str:
    """The next free code ``PREFIX-YEAR-NNN`` for the table of ``column``.

    Codes are unique in the schema, so two people allocating at once cannot both save the
    same code: the second flush fails with an IntegrityError and the caller retries.
    """
    stem = f"{prefix}-{year}-"
    existing = session.scalars(select(column).where(column.like(f"{stem}%"))).all()
    numbers = [int(c[len(stem):]) for c in existing if c[len(stem):].isdigit()]
    return f"{stem}{max(numbers, default=0) + 1:03d}"
