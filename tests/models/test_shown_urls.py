"""A database URL is shown or logged without its password, valid or not."""

from __future__ import annotations

import pytest

from models.database import create_db_engine, shown_url
from models.errors import DatabaseURLError

SECRET = "Mima-2023-ok"


@pytest.mark.parametrize(("url", "shown"), [
    (f"postgresql://unit:{SECRET}@10.20.1.5/campaign", "postgresql://unit:***@10.20.1.5/campaign"),
    (f"postgresql+psycopg://unit:{SECRET}@10.20.1.5:5433/campaign?sslmode=require",
     "postgresql+psycopg://unit:***@10.20.1.5:5433/campaign?sslmode=require"),
    ("postgresql://zhangwei@10.20.1.5/campaign", "postgresql://zhangwei@10.20.1.5/campaign"),
    ("sqlite:////home/张伟/招商.db", "sqlite:////home/张伟/招商.db"),
    (f"postgresql://unit:{SECRET}@host:notaport/campaign", "postgresql://unit:***@host:notaport/campaign"),
    (f"postgresql://unit:Mi@{SECRET}@host:x/db", "postgresql://unit:***@host:x/db"),
])
def test_a_url_is_shown_without_its_password(url: str, shown: str) -> None:
    assert shown_url(url) == shown


def test_a_bad_url_is_refused_without_showing_its_password() -> None:
    with pytest.raises(DatabaseURLError) as refused:
        create_db_engine(f"postgresql://unit:{SECRET}@host:notaport/campaign")
    assert SECRET not in str(refused.value) and "unit:***@host" in str(refused.value)
