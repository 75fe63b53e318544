"""Responsible units: created, edited and deleted by the rules; refusals write nothing."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models import queries
from models.enums import UnitKind
from models.errors import NotFoundError, ValidationError
from models.operations import directory
from models.operations.directory import UnitDraft
from tests.factories import World, make_world


@pytest.fixture
def world(sessions: sessionmaker[Session]) -> World:
    with sessions.begin() as s:
        return make_world(s)


def _names(sessions: sessionmaker[Session]) -> dict[str, tuple[str, UnitKind]]:
    with sessions() as s:
        return {u.name_zh: (u.name_en, u.kind) for u in queries.units(s)}


def _refused(sessions: sessionmaker[Session], field: str, unit_id: int,
             draft: UnitDraft) -> ValidationError:
    before = _names(sessions)
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        directory.update_unit(s, unit_id, draft)
    assert caught.value.field == field
    assert caught.value.message_zh and caught.value.message_en
    assert _names(sessions) == before
    return caught.value


def test_update_unit_saves_names_and_kind(sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        draft = directory.unit_draft(s, world.unit_id)
        assert draft == UnitDraft("松山湖高新区", "Songshan Lake Hi-tech Zone", UnitKind.PARK)
        assert directory.update_unit(s, world.unit_id, UnitDraft(
            " 松山湖科学城 ", " Songshan Lake Science City ", UnitKind.DEPARTMENT)).value == world.unit_id
    assert _names(sessions) == {
        "松山湖科学城": ("Songshan Lake Science City", UnitKind.DEPARTMENT)}


def test_update_unit_keeps_its_own_name(sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        directory.update_unit(s, world.unit_id, UnitDraft("松山湖高新区", "", UnitKind.PARK))
    assert _names(sessions)["松山湖高新区"] == ("", UnitKind.PARK)


def test_update_unit_refuses_an_empty_name(sessions: sessionmaker[Session],
                                           world: World) -> None:
    err = _refused(sessions, "name_zh", world.unit_id, UnitDraft("  ", "x", UnitKind.PARK))
    assert "不能为空" in err.message_zh


def test_update_unit_refuses_another_units_name(sessions: sessionmaker[Session],
                                                world: World) -> None:
    with sessions.begin() as s:
        other = directory.create_unit(s, "长安镇", UnitKind.TOWN_STREET, "Chang'an Town").value
    err = _refused(sessions, "name_zh", other, UnitDraft("松山湖高新区", "", UnitKind.PARK))
    assert "已存在" in err.message_zh


def test_update_unit_refuses_a_missing_unit(sessions: sessionmaker[Session],
                                            world: World) -> None:
    with pytest.raises(NotFoundError), sessions.begin() as s:
        directory.update_unit(s, world.unit_id + 99, UnitDraft("虎门镇", "", UnitKind.TOWN_STREET))
    with pytest.raises(NotFoundError), sessions() as s:
        directory.unit_draft(s, world.unit_id + 99)


def test_add_and_delete_unit(sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        unit_id = directory.add_unit(s, UnitDraft("虎门镇", "Humen Town", UnitKind.TOWN_STREET)).value
        assert directory.unit_id_by_name(s, "虎门镇") == unit_id
    with sessions.begin() as s:
        draft = directory.delete_unit(s, unit_id).value
    assert draft == UnitDraft("虎门镇", "Humen Town", UnitKind.TOWN_STREET)
    assert "虎门镇" not in _names(sessions)


def test_a_unit_in_use_is_not_deleted(sessions: sessionmaker[Session], world: World) -> None:
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        directory.delete_unit(s, world.unit_id)
    assert "仍被引用" in caught.value.message_zh
    assert "松山湖高新区" in _names(sessions)
