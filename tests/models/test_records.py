"""Finding a record again by its UUID, and its UUID by its id."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.errors import NotFoundError
from models.operations.directory import PersonDraft, create_person, delete_person
from models.people import Person
from models.records import id_by_uuid, uuid_by_id


def test_uuid_and_id_find_each_other(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        person = create_person(s, PersonDraft("赵敏")).value
    with sessions() as s:
        assert id_by_uuid(s, Person, person.uuid) == person.id
        assert uuid_by_id(s, Person, person.id) == person.uuid
    with sessions.begin() as s:
        delete_person(s, person.id)
    with pytest.raises(NotFoundError) as caught, sessions() as s:
        id_by_uuid(s, Person, person.uuid)
    assert "已不存在" in caught.value.message_zh
    with pytest.raises(NotFoundError), sessions() as s:
        uuid_by_id(s, Person, person.id)
