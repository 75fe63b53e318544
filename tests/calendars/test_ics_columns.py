"""The calendar reads trips as columns and writes the same bytes as with the ORM loader: the
whole sample campaign in Chinese and English, a person's schedule and a dated, filtered scope."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from calendars import ExportScope, export_ics
from models import queries
from models.language import Lang
from models.rows import TripDetail
from tests.orm_rows import orm_trip_details

SCOPES = [
    (ExportScope(all_=True), Lang.ZH),
    (ExportScope(all_=True), Lang.EN),
    (ExportScope(person_id=1), Lang.ZH),
    (ExportScope(all_=True, start=date(2023, 3, 1), end=date(2023, 6, 30),
                 statuses=("approved", "done")), Lang.EN),
]


def _orm_loader(session: Session, ids: Sequence[int]) -> list[TripDetail]:
    return orm_trip_details(session, ids, contacts=False) if ids else []


@pytest.mark.parametrize(("scope", "lang"), SCOPES)
def test_the_same_bytes_as_with_the_orm_loader(sample_sessions: sessionmaker[Session],
                                               scope: ExportScope, lang: Lang,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    columns = export_ics(sample_sessions, scope, lang)
    monkeypatch.setattr(queries, "trip_calendar_details", _orm_loader)
    orm = export_ics(sample_sessions, scope, lang)
    assert columns.count(b"BEGIN:VEVENT") > 10
    assert columns == orm
