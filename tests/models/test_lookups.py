"""The reference lists pickers use: ids and names in bulk, and finding one by id."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from models.enums import PersonKind
from models.language import Lang
from models.lookups import NO_LOOKUPS, PersonRef, load_lookups, organisation_refs, person_refs
from models.operations.directory import OrganisationDraft, create_organisation
from models.rows import Ref
from tests.factories import make_world


def test_people_by_kind_then_id_with_names_and_titles(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
    with sessions() as s:
        people = person_refs(s)
    assert people == [  # kinds are stored as their values: bureau_staff < city_leader < delegate
        PersonRef(w.staff_id, "李晓敏", "Li Xiaomin", "", "", PersonKind.BUREAU_STAFF),
        PersonRef(w.leader_id, "王建国", "Wang Jianguo", "副市长", "Vice Mayor", PersonKind.CITY_LEADER),
        PersonRef(w.delegate_id, "陈志强", "Chen Zhiqiang", "", "", PersonKind.DELEGATE),
    ]
    assert people[1].name(Lang.EN) == "Wang Jianguo" and people[1].title(Lang.ZH) == "副市长"
    assert people[0].title(Lang.EN) == ""


def test_organisations_by_chinese_name(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        other = create_organisation(s, OrganisationDraft("埃克森美孚", name_en="ExxonMobil")).value.id
    with sessions() as s:
        orgs = organisation_refs(s)
    assert sorted(orgs, key=lambda o: o.name_zh) == orgs
    assert set(orgs) == {Ref(w.org_id, "博世集团", "Bosch"), Ref(other, "埃克森美孚", "ExxonMobil")}


def test_every_list_loaded_at_once_and_found_by_id(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
    with sessions() as s:
        lookups = load_lookups(s)
    assert [r.code for r in lookups.regions] == ["EUUS", "LOCAL"]
    assert {c.name_zh for c in lookups.cities} == {"法兰克福", "东莞"}
    assert [u.name_zh for u in lookups.units] == ["松山湖高新区"]
    assert [i.name_zh for i in lookups.industries] == ["新能源汽车"]
    assert len(lookups.people) == 3 and len(lookups.organisations) == 1
    city = lookups.city(w.berlin_id)
    assert city is not None and city.timezone == "Europe/Berlin"
    person = lookups.person(w.staff_id)
    assert person is not None and person.name_zh == "李晓敏"
    org = lookups.organisation(w.org_id)
    assert org is not None and org.name_en == "Bosch"
    assert lookups.city(None) is None and lookups.person(-1) is None
    assert lookups.organisation(None) is None
    assert NO_LOOKUPS.person(w.staff_id) is None and NO_LOOKUPS.people == ()
