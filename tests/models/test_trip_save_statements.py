"""Saving an edited trip reads what its checks and its new values look up (the delegation, the
items with their attendees and counterparts, and the people, cities and organisations they
name) in a fixed number of statements: as many for a trip of twelve items as for one of two,
on SQLite and PostgreSQL (it was one statement or more per item and per person).

And each once: the trip row is read once, with what its row shows after the save (campaign,
region, leader, unit) and its collections; the people of the delegation and of the items come
with them, not again by id; its own code is not looked up again. A title change is eight
reads, the UPDATE and the history row (on SQLite the program then chains the history row's
hash: a few statements more; on PostgreSQL a trigger does). It was 16 reads (the trip read
three times, the attendees and the other people, cities, organisations, industries, region and
unit twice). A person, city or organisation the trip does not hold yet is read by id, all of
a kind in one statement."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.enums import MemberRole, PersonKind
from models.errors import ValidationError
from models.operations.directory import PersonDraft, create_person
from models.operations.trips import TripDraft, update_trip
from models.operations.trips import trip_draft as stored_draft
from tests.factories import World, item_draft, make_trip, make_world
from tests.statements import recorded

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


TRIP = "SELECT trips"  # by code, joined with its campaign, region, leader (and theirs), unit
COLLECTIONS = sorted([  # its eager loads, in no fixed order
    "SELECT trip_cities", "SELECT trip_industries", "SELECT trip_targets",
    "SELECT trip_members",  # joined with the people of the delegation
    "SELECT itinerary_items",
    "SELECT item_attendees", "SELECT item_counterparts",  # with their people: not read again
])
# after the reads: the UPDATE (under the revision read: optimistic concurrency) and what goes
# with any write: on PostgreSQL the signed-in account (the permission check, read once per
# session) and the history's notes passed to the trigger that writes the history row; on
# SQLite the history row written by the program and its hash chained
AROUND_THE_WRITE = {
    "sqlite": ["UPDATE trips", "INSERT audit_log", "SELECT audit_log", "SELECT audit_chain_head",
               "SELECT audit_log", "SELECT audit_log", "UPDATE audit_log",
               "UPDATE audit_chain_head"],
    "postgresql": ["SELECT pg_roles", "SELECT accounts", "SELECT set_config", "UPDATE trips",
                   "SELECT set_config"],
}
STATEMENTS = {name: 1 + len(COLLECTIONS) + len(rest) for name, rest in AROUND_THE_WRITE.items()}
# 16 on SQLite, 13 on PostgreSQL; they were 27 and 24 (the trip read three times, the
# attendees, the other people, the cities, organisations, industries, region and unit again)


def _table(statement: str) -> str:
    """"SELECT trips" for a statement: its verb and the first table it names (or, for a
    SELECT of a function, the function)."""
    verb, rest = statement.split(None, 1)
    named = re.search(r"\b(?:FROM|INTO|UPDATE)\s+\"?(\w+)", statement, re.IGNORECASE)
    name = named.group(1) if named else re.split(r"[(\s]", rest, maxsplit=1)[0]
    return f"{verb.upper()} {name}"


def _saving(sessions: sessionmaker[Session], code: str,
            change: Callable[[TripDraft], TripDraft] | None = None) -> list[str]:
    """The statements of saving a new title over the stored trip (its items unchanged), and
    ``change`` if given."""
    with sessions() as session:
        draft = stored_draft(session, code)
    with recorded(sessions.kw["bind"]) as statements, sessions.begin() as session:
        new = replace(draft, title_zh=draft.title_zh + "（改）")
        update_trip(session, code, change(new) if change is not None else new)
    seen = [_table(statement) for statement in statements]
    with sessions() as session:
        saved = stored_draft(session, code)
    assert saved.title_zh.endswith("（改）") and saved.items == draft.items
    if change is not None:
        assert saved.members == change(draft).members
    return seen


def test_saving_a_trip_issues_the_same_statements_for_two_items_as_for_twelve(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        small, big = _trip(s, w, 2), _trip(s, w, 12)
    statements = _saving(sessions, small)
    assert statements == _saving(sessions, big)
    backend = sessions.kw["bind"].dialect.name
    assert statements[0] == TRIP and sorted(statements[1:8]) == COLLECTIONS
    assert statements[8:] == AROUND_THE_WRITE[backend]
    assert len(statements) == STATEMENTS[backend]


def test_a_person_new_to_the_trip_is_read_by_id_once(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        code = _trip(s, w, 3)
        newcomer = create_person(s, PersonDraft("新团员", PersonKind.DELEGATE)).value.id

    def joining(draft: TripDraft) -> TripDraft:
        return replace(draft, members=[*draft.members, (newcomer, MemberRole.MEMBER)])

    statements = _saving(sessions, code, joining)
    assert statements[0] == TRIP and statements.count(TRIP) == 1
    assert statements.count("SELECT people") == 1
    assert "INSERT trip_members" in statements


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
