"""Planned HQ visits of 百队千企 in the calendar feed: whole days, their own filter."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from models.enums import VisitStatus
from models.visits import find_team, list_visits
from planning.entries import EntryKind
from planning.feed import Filters, load_entries


def test_planned_visits_are_whole_day_entries_with_their_filter(
        sample_sessions: sessionmaker[Session]) -> None:
    first, last = date(2023, 12, 1), date(2023, 12, 31)
    with sample_sessions() as s:
        entries = [e for e in load_entries(s, first, last) if e.kind is EntryKind.VISIT]
        planned = [v for v in list_visits(s, statuses=[VisitStatus.PLANNED])
                   if first <= v.visited_on <= last]
        assert len(entries) == len(planned) > 0
        assert all(e.all_day and e.status == "planned" and e.code for e in entries)
        assert entries[0].title_zh.startswith("拜访")
        assert not [e for e in load_entries(s, first, last, Filters(visits=False))
                    if e.kind is EntryKind.VISIT]
        assert not [e for e in load_entries(s, first, last, Filters(status="done"))
                    if e.kind is EntryKind.VISIT]
        team = find_team(s, "第7小分队")
        assert team.leader is not None
        leader = team.leader.id
        mine = [e for e in load_entries(s, first, last, Filters(person_id=leader))
                if e.kind is EntryKind.VISIT]
        assert mine and {e.code for e in mine} == {"第7小分队"}
