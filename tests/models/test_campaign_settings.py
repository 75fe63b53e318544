"""The campaign's settings edited through one operation: all of them or, on a wrong value,
none; the revision guards against someone else's newer change."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models import queries
from models.changes import RecordKind
from models.errors import ConcurrentEditError, ValidationError
from models.operations.campaign import campaign_draft, update_campaign
from models.row_builders import campaign_row
from tests.factories import make_world


def test_settings_are_saved_and_returned_with_what_changed(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        before = campaign_draft(s)
        revision = queries.current_campaign(s).revision
        result = update_campaign(s, replace(
            before, slogan="有空间、进莞来", slogan_en=" Room to grow ",
            duty_phone=" +86  769 2283 0000 转 8 ", target_investment_cny=160_000_000_000,
            flagship_threshold_cny=5_000_000_000), expected_revision=revision)
    assert result.changes.ids_of(RecordKind.CAMPAIGN) == frozenset({w.campaign_id})
    assert result.value.slogan_en == "Room to grow"
    with sessions() as s:
        row = campaign_row(queries.current_campaign(s))
    assert (row.slogan, row.slogan_en, row.duty_phone) == (
        "有空间、进莞来", "Room to grow", "+86 769 2283 0000 转 8")
    assert row.target_investment_cny == 160_000_000_000
    assert row.revision > revision


@pytest.mark.parametrize(("change", "field"), [
    (dict(duty_phone="ask the office"), "duty_phone"),
    (dict(name_zh=" "), "name_zh"),
    (dict(target_hq_visits=-1), "target_hq_visits"),
    (dict(slogan_en="x" * 201), "slogan_en"),
])
def test_a_wrong_value_is_refused_and_nothing_is_written(
        sessions: sessionmaker[Session], change: dict[str, object], field: str) -> None:
    with sessions.begin() as s:
        make_world(s)
        before = campaign_draft(s)
    with pytest.raises(ValidationError) as error, sessions.begin() as s:
        # a good change beside the wrong one: neither is written
        update_campaign(s, replace(replace(before, slogan_en="Changed"), **change))  # type: ignore[arg-type]
    assert error.value.field == field
    with sessions() as s:
        assert campaign_draft(s) == before


def test_someone_elses_newer_change_is_not_overwritten(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        make_world(s)
        before = campaign_draft(s)
        revision = queries.current_campaign(s).revision
    with sessions.begin() as s:
        update_campaign(s, replace(before, duty_phone="+86 769 2283 0001"))
    with pytest.raises(ConcurrentEditError), sessions.begin() as s:
        update_campaign(s, replace(before, slogan_en="Mine"), expected_revision=revision)
    with sessions() as s:
        assert campaign_draft(s).duty_phone == "+86 769 2283 0001"
