"""A column of a batch's values as the text of a PostgreSQL array (``{"a","b",NULL}``), for
``unnest`` in the bulk ``INSERT`` and ``UPDATE`` of :mod:`models.audit.bulk`.

The driver dumps a list element by element in Python (its array dumper looks up each
element's dumper and escapes it): ~20 % of the client's CPU of a sheet import's write. Here
each element is written by one expression for its type, after the column type's own bind
processing (the UTC instants, the enums), exactly as the driver would have sent them: a text
quoted with ``\\`` and ``"`` escaped (``array_in`` reads it back unchanged, ``"NULL"``
included), a number as Python prints it, an instant in ISO form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any


def array_text(values: Sequence[Any], process: Callable[[Any], Any] | None = None) -> str:
    """``values`` (after ``process``, the column type's bind processor) as an array's text."""
    if process is not None:
        values = [process(value) for value in values]
    return "{" + ",".join([
        '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"' if type(value) is str
        else "NULL" if value is None else _element(value) for value in values]) + "}"


def _element(value: Any) -> str:
    if isinstance(value, str):  # a subclass of str (an enum of text)
        return '"' + str.__str__(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, datetime | date | time):
        return '"' + value.isoformat() + '"'
    raise TypeError(f"no array text for {type(value).__name__}: {value!r}")
