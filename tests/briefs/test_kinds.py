"""One way to prepare any brief: the kind, the code, and the renderer bound to the data."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from briefs import (
    BriefKind,
    BriefOptions,
    collect_campaign,
    collect_event,
    collect_trip,
    prepare,
    render_campaign,
    render_event,
    render_trip,
)
from models.errors import NotFoundError
from tests.briefs.world import BriefWorld

OPTIONS = BriefOptions(generated_on=date(2023, 3, 1))
World = tuple[sessionmaker[Session], BriefWorld]


def test_brief_kinds_are_the_command_line_words() -> None:
    assert [k.value for k in BriefKind] == ["trip", "event", "campaign", "leaderboard"]
    assert BriefKind("event") is BriefKind.EVENT


def test_prepare_renders_what_collect_and_render_give(brief_world: World) -> None:
    sessions, w = brief_world
    with sessions() as session:
        renders = [prepare(session, BriefKind.TRIP, w.trip_code),
                   prepare(session, BriefKind.EVENT, w.event_code),
                   prepare(session, BriefKind.CAMPAIGN)]
        expected = [render_trip(collect_trip(session, w.trip_code), OPTIONS),
                    render_event(collect_event(session, w.event_code), OPTIONS),
                    render_campaign(collect_campaign(session), OPTIONS)]
    assert [render(OPTIONS) for render in renders] == expected


def test_prepare_refuses_an_unknown_code(brief_world: World) -> None:
    sessions, _ = brief_world
    with sessions() as session, pytest.raises(NotFoundError):
        prepare(session, BriefKind.TRIP, "TRIP-1999-001")
