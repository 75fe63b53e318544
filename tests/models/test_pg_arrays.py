"""The text of a PostgreSQL array that the bulk writes send (models.audit.pg_arrays): read back
by the database as the very values, Chinese text and the characters arrays quote included."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from models.audit.pg_arrays import array_text

TEXTS = ["", "NULL", "null", "a,b", "{x}", '"引号"', "back\\slash", " spaces ", "东莞松山湖",
         "tab\there", "line\nbreak", "😀 emoji", None, "\\\"", "}{,\"\\"]


class _Kind(StrEnum):
    COMPANY = "company"


def test_texts_numbers_and_instants_are_written_as_array_elements() -> None:
    assert array_text(["a", None, 'say "hi"', "a\\b"]) == '{"a",NULL,"say \\"hi\\"","a\\\\b"}'
    assert array_text([1, None, -2, True]) == "{1,NULL,-2,t}"
    assert array_text([Decimal("1.50"), 2.5]) == "{1.50,2.5}"
    assert array_text([datetime(2026, 12, 3, 8, 0, 0, 123456)]) == '{"2026-12-03T08:00:00.123456"}'
    assert array_text([date(2026, 12, 3)]) == '{"2026-12-03"}'
    assert array_text([_Kind.COMPANY]) == '{"company"}'
    assert array_text(["x"], str.upper) == '{"X"}'
    assert array_text([]) == "{}"
    with pytest.raises(TypeError):
        array_text([object()])


@pytest.mark.backends("postgresql")
def test_postgresql_reads_the_very_values_back(sessions: sessionmaker[Session]) -> None:
    instants = [datetime(2026, 12, 3, 8, 0, 0, 123456), None, datetime(1999, 1, 1)]
    numbers = [0, None, -7, 2**40]
    with sessions() as s:
        assert s.execute(text("SELECT CAST(:a AS text[])"),
                         {"a": array_text(TEXTS)}).scalar_one() == TEXTS
        assert s.execute(text("SELECT CAST(:a AS varchar(20)[])"),
                         {"a": array_text(TEXTS)}).scalar_one() == TEXTS
        assert s.execute(text("SELECT CAST(:a AS timestamp[])"),
                         {"a": array_text(instants)}).scalar_one() == instants
        assert s.execute(text("SELECT CAST(:a AS bigint[])"),
                         {"a": array_text(numbers)}).scalar_one() == numbers
        rows = s.execute(text("SELECT * FROM unnest(CAST(:a AS text[]), CAST(:b AS integer[]))"),
                         {"a": array_text(["甲", None]), "b": array_text([1, None])}).all()
        assert [tuple(r) for r in rows] == [("甲", 1), (None, None)]
