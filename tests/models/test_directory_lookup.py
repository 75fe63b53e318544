"""Finding a person or an organisation by id or exact name; unknown and ambiguous names refused."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.directory_lookup import find_organisation, find_person
from models.enums import PersonKind
from models.errors import NotFoundError, ValidationError
from models.operations.directory import (
    OrganisationDraft,
    PersonDraft,
    create_organisation,
    create_person,
)
from tests.factories import World, make_world


def _world(sessions: sessionmaker[Session]) -> tuple[World, int]:
    with sessions.begin() as s:
        w = make_world(s)
        namesake = create_person(s, PersonDraft("王建国", PersonKind.EXTERNAL, "Wang Jianguo",
                                                "总经理", "General manager")).value.id
    return w, namesake


def test_a_unique_name_in_chinese_or_english(sessions: sessionmaker[Session]) -> None:
    w, _ = _world(sessions)
    with sessions() as s:
        by_zh = find_person(s, "李晓敏")
        by_en = find_person(s, " Li Xiaomin ")
    assert by_zh == by_en
    assert (by_zh.id, by_zh.name_zh, by_zh.email) == (w.staff_id, "李晓敏", "li@example.cn")
    assert by_zh.unit is not None and by_zh.unit.name_zh == "松山湖高新区"


def test_by_id(sessions: sessionmaker[Session]) -> None:
    w, namesake = _world(sessions)
    with sessions() as s:
        assert find_person(s, str(w.leader_id)).title_zh == "副市长"
        assert find_person(s, str(namesake)).title_zh == "总经理"
        with pytest.raises(NotFoundError) as missing:
            find_person(s, "404")
    assert "404" in missing.value.message_zh and "404" in missing.value.message_en


def test_an_unknown_name_is_refused(sessions: sessionmaker[Session]) -> None:
    _world(sessions)
    with sessions() as s, pytest.raises(NotFoundError) as caught:
        find_person(s, "无名氏")
    assert caught.value.message_zh == "人员名录中没有“无名氏”"
    assert caught.value.message_en == "No person named '无名氏'"


def test_an_ambiguous_name_is_refused_naming_the_candidates(sessions: sessionmaker[Session]) -> None:
    w, namesake = _world(sessions)
    for name in ("王建国", "Wang Jianguo"):
        with sessions() as s, pytest.raises(ValidationError) as caught:
            find_person(s, name)
        error = caught.value
        assert error.field == "person"
        assert error.message_zh == (f"人员名录中有 2 位“{name}”，请用编号："
                                    f"编号 {w.leader_id} 王建国（副市长）、编号 {namesake} 王建国（总经理）")
        assert error.message_en == (f"2 people are named '{name}'; give the id: "
                                    f"{w.leader_id} Wang Jianguo (Vice Mayor), "
                                    f"{namesake} Wang Jianguo (General manager)")
        assert "\n" not in error.text()


def test_many_namesakes_are_counted_beyond_the_first_eight(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        for _ in range(10):
            create_person(s, PersonDraft("张伟", PersonKind.EXTERNAL))
    with sessions() as s, pytest.raises(ValidationError) as caught:
        find_person(s, "张伟")
    assert caught.value.message_zh.count("编号 ") == 8
    assert caught.value.message_zh.endswith("、另有 2 个")
    assert caught.value.message_en.endswith(", and 2 more")


def test_organisations_by_id_or_name_and_namesakes_refused(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        other = create_organisation(s, OrganisationDraft("博世", name_en="Bosch",
                                                         hq_city="Suzhou")).value.id
    with sessions() as s:
        assert find_organisation(s, "博世集团").id == w.org_id
        assert find_organisation(s, str(other)).name_zh == "博世"
        with pytest.raises(ValidationError) as ambiguous:
            find_organisation(s, "Bosch")
        with pytest.raises(NotFoundError) as unknown:
            find_organisation(s, "西门子")
    assert ambiguous.value.field == "organisation"
    assert ambiguous.value.message_en == (f"2 organisations are named 'Bosch'; give the id: "
                                          f"{w.org_id} Bosch (Stuttgart), {other} Bosch (Suzhou)")
    assert unknown.value.message_en == "No organisation named '西门子'"
