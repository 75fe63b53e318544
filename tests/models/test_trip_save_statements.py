"""Saving an edited trip reads what its checks and its new values look up (the delegation, the
items with their attendees and counterparts, and the people, cities and organisations they
name) in a fixed number of statements: as many for a trip of twelve items as for one of two,
on SQLite and PostgreSQL (it was one statement or more per item and per person)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from models.enums import MemberRole, PersonKind
from models.errors import ValidationError
from models.operations.directory import PersonDraft, create_person
from models.operations.trips import trip_draft as stored_draft
from models.operations.trips import update_trip
from tests.factories import World, item_draft, make_trip, make_world

pytestmark = pytest.mark.backends("sqlite", "postgresql")


def _trip(session: Session, w: World, items: int) -> str:
    """A trip whose items each have two attendees and a counterpart of their own."""
    delegates = [create_person(session, PersonDraft(f"团员{n}", PersonKind.DELEGATE)).value.id
                 for n in range(items)]
    contacts = [create_person(session, PersonDraft(f"对方{n}", PersonKind.EXTERNAL)).value.id
                for n in range(items)]
    members = [(w.leader_id, MemberRole.LEADER), *((d, MemberRole.MEMBER) for d in delegates)]
    drafts = [item_draft(w, day=24 + n % 6, start=f"{8 + n // 6}:00", end=f"{8 + n // 6}:30",
                         title_zh=f"拜访 {n}", attendee_ids=[w.leader_id, delegates[n]],
                         counterpart_ids=[contacts[n]])
              for n in range(items)]
    return make_trip(session, w, title_zh=f"{items} 项行程", members=members, items=drafts).code


def _saving(sessions: sessionmaker[Session], code: str) -> int:
    """The statements of saving a new title over the stored trip (its items unchanged)."""
    engine = sessions.kw["bind"]
    seen = {"n": 0}

    def count(*_args: object) -> None:
        seen["n"] += 1

    with sessions() as session:
        draft = stored_draft(session, code)
    event.listen(engine, "before_cursor_execute", count)
    try:
        with sessions.begin() as session:
            update_trip(session, code, replace(draft, title_zh=draft.title_zh + "（改）"))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    with sessions() as session:
        saved = stored_draft(session, code)
    assert saved.title_zh.endswith("（改）") and saved.items == draft.items
    return seen["n"]


def test_saving_a_trip_issues_the_same_statements_for_two_items_as_for_twelve(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        small, big = _trip(s, w, 2), _trip(s, w, 12)
    assert _saving(sessions, small) == _saving(sessions, big)


def test_an_item_naming_someone_outside_the_delegation_is_still_refused(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        code = _trip(s, w, 3)
    with sessions() as s:
        draft = stored_draft(s, code)
    items = list(draft.items or [])
    items[1] = replace(items[1], attendee_ids=[w.delegate_id])  # 陈志强, not a member
    with sessions.begin() as s, pytest.raises(ValidationError) as raised:
        update_trip(s, code, replace(draft, items=items))
    assert raised.value.field == "attendee_ids" and "陈志强" in raised.value.message_zh
    with sessions.begin() as s, pytest.raises(ValidationError) as raised:  # no such person
        update_trip(s, code, replace(draft, members=[*draft.members, (999_999, MemberRole.MEMBER)]))
    assert raised.value.field == "members"
