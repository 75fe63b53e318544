"""Every text field has a length limit, checked by the model alike on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.enums import PersonKind
from models.errors import ValidationError
from models.operations.directory import PersonDraft, create_person
from models.operations.trips import create_trip, update_trip
from models.rules import NOTES_LIMIT
from models.trips import Trip
from tests.factories import make_world, trip_draft


def trip_count(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return int(s.scalar(select(func.count()).select_from(Trip)) or 0)


def test_an_over_long_title_is_refused_naming_the_field(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        create_trip(s, trip_draft(w, title_zh="长" * 5000))
    assert caught.value.field == "title_zh"
    assert "名称过长" in caught.value.message_zh and "5000" in caught.value.message_zh
    assert "at most 200" in caught.value.message_en
    assert trip_count(sessions) == 0


def test_the_limit_itself_is_accepted_and_an_edit_beyond_it_refused(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        row = create_trip(s, trip_draft(w, title_zh="😀" * 200, title_en="<b>x</b> & y")).value
    with sessions() as s:
        assert s.get(Trip, row.id).title_zh == "😀" * 200  # type: ignore[union-attr]
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        update_trip(s, row.id, trip_draft(w, title_en="e" * 201))
    assert caught.value.field == "title_en"
    with sessions() as s:
        assert s.get(Trip, row.id).title_en == "<b>x</b> & y"  # type: ignore[union-attr]


def test_notes_have_a_limit_too(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        create_trip(s, trip_draft(w, notes="记" * (NOTES_LIMIT + 1)))
    assert caught.value.field == "notes"
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        create_person(s, PersonDraft("王" * 101, PersonKind.EXTERNAL))
    assert caught.value.field == "name_zh"
