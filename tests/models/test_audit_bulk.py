"""Records created in bulk (Core INSERTs built from plain values, models/audit/bulk.py) have
the history one-record operations give them, and the chain still verifies, on SQLite and
PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.accounts import AccountRole, SignedIn
from models.accounts.signed_in import INFO_KEY as SIGNED_IN
from models.audit.bulk import read_rows
from models.audit.chain import read_head, verify_chain
from models.audit.table import AuditEntry
from models.campaign import Industry, Unit
from models.concurrency import StaleEditError
from models.enums import OrganisationKind, PersonKind
from models.errors import PermissionDeniedError
from models.operations import bulk
from models.operations.bulk import Update, save_organisations, save_people
from models.operations.directory import (
    OrganisationDraft,
    PersonDraft,
    apply_organisation,
    create_organisation,
    create_person,
    draft_of_organisation,
    organisation_draft,
    person_draft,
    update_organisation,
    update_person,
)
from models.organisations import Organisation
from models.people import Person
from tests.factories import make_world
from tests.statements import recorded

pytestmark = pytest.mark.backends("sqlite", "postgresql")


def _created(session: Session, record_type: str, record_id: int) -> AuditEntry:
    return session.scalars(select(AuditEntry).where(
        AuditEntry.record_type == record_type, AuditEntry.record_id == record_id)).one()


def _same_history(one: AuditEntry, many: AuditEntry, name_zh: str) -> None:
    assert (many.action, many.record_type, many.revision, many.actor) == (
        one.action, one.record_type, one.revision, one.actor)
    assert (many.parent_type, many.parent_id) == (one.parent_type, one.parent_id)
    assert many.record_label == name_zh
    assert many.changes == {**one.changes, "name_zh": [None, name_zh]}
    assert list(many.changes) == list(one.changes)  # the fields in the same order


def _organisation(session: Session, name_zh: str) -> OrganisationDraft:
    industry = session.scalars(select(Industry).order_by(Industry.id)).first()
    assert industry is not None
    return OrganisationDraft(
        name_zh, OrganisationKind.CHAMBER, name_en=" Siemens Energy ", industry_id=industry.id,
        fortune_global_500_rank=95, hq_city="斯图加特", hq_country="de",
        talking_points="储能“新质生产力”；<合作> & 投资", revenue_cny=6_000_000_000, employees=0)


def test_a_bulk_created_organisation_has_the_history_of_one_created_alone(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        make_world(s)
        alone = create_organisation(s, _organisation(s, "西门子能源")).value.id
        created, updated = save_organisations(s, [_organisation(s, "西门子能源（中国）投资有限公司"),
                                                  OrganisationDraft("华为")]).value
    assert updated == []
    with sessions() as s:
        one, many = _created(s, "organisations", alone), _created(s, "organisations", created[0])
        _same_history(one, many, "西门子能源（中国）投资有限公司")
        assert many.changes["industry"] == [None, s.get_one(Industry, many_industry(s, created[0])).name_zh]
        assert many.changes["kind"] == [None, "chamber"]
        assert "employees" in many.changes and "notes" not in many.changes
        plain = _created(s, "organisations", created[1])
        assert plain.changes == {"name_zh": [None, "华为"], "kind": [None, "company"]}
        org = s.get(Organisation, created[0])
        assert org is not None and org.revision == 1 and len(org.uuid) == 36
        assert (org.name_en, org.hq_country, org.created_at.tzinfo is not None) == (
            "Siemens Energy", "DE", True)
        assert verify_chain(s.connection()).intact


def many_industry(session: Session, org_id: int) -> int:
    industry_id = session.scalar(select(Organisation.industry_id)
                                 .where(Organisation.id == org_id))
    assert industry_id is not None
    return industry_id


def unit_and_organisation(session: Session) -> tuple[int, int]:
    """The small world, its first unit and a new organisation (the people's employer)."""
    make_world(session)
    unit = session.scalars(select(Unit).order_by(Unit.id)).first()
    assert unit is not None
    return unit.id, create_organisation(session, OrganisationDraft("西门子能源")).value.id


def test_a_bulk_created_person_has_the_history_of_one_created_alone(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        unit_id, org = unit_and_organisation(s)

        def draft(name: str) -> PersonDraft:
            return PersonDraft(name, PersonKind.EXTERNAL, title_zh=" 副总裁 ", unit_id=unit_id,
                               organisation_id=org, email="x@bosch.com", languages="de,zh")

        alone = create_person(s, draft("周文华")).value.id
        created, _updated = save_people(s, [draft("Dr. Müller 穆勒")]).value
    with sessions() as s:
        _same_history(_created(s, "people", alone), _created(s, "people", created[0]),
                      "Dr. Müller 穆勒")
        person = s.get(Person, created[0])
        assert person is not None and person.title_zh == "副总裁"
        assert verify_chain(s.connection()).intact


def test_the_chain_verifies_across_bulk_and_one_record_writes(
        sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> None:
    """Bulk batches (of 7 here) between ORM writes and edits: the chain runs on from its head
    without a gap, and the head is the newest row."""
    monkeypatch.setattr(bulk, "BATCH", 7)
    with sessions.begin() as s:
        make_world(s)
        first = create_organisation(s, OrganisationDraft("第一家")).value.id
    with sessions.begin() as s:
        created, _ = save_organisations(s, [OrganisationDraft(f"公司{i:03d}") for i in range(30)]
                                        ).value
    with sessions.begin() as s:
        update_organisation(s, first, replace(organisation_draft(s, first), notes="复访"))
        draft = draft_of_organisation(s.get_one(Organisation, created[3]))
        more, edited = save_organisations(s, [OrganisationDraft("最后一家")],
                                          [Update(created[3], replace(draft, hq_city="东莞"))]
                                          ).value
    assert edited == [created[3]] and len(more) == 1
    with sessions() as s:
        report = verify_chain(s.connection())
        rows = s.scalar(select(func.count()).select_from(AuditEntry))
        newest = s.scalar(select(func.max(AuditEntry.id)))
        head = read_head(s.connection())
        assert report.intact and report.count == rows
        assert head is not None and head[0] == newest
        kinds = [(e.action, e.record_label) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.record_type == "organisations")
            .order_by(AuditEntry.id))]
    assert kinds[-3:] == [("update", "第一家"), ("update", "公司003"), ("create", "最后一家")]
    assert [k for k in kinds if k[1].startswith("公司")] == [
        *(("create", f"公司{i:03d}") for i in range(30)), ("update", "公司003")]


def test_a_refused_bulk_write_leaves_neither_records_nor_history(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        make_world(s)  # it holds 博世集团
    before = _counts(sessions)
    with pytest.raises(bulk.BulkRefusedError), sessions.begin() as s:
        save_organisations(s, [OrganisationDraft("新公司"), OrganisationDraft("博世集团")])
    assert _counts(sessions) == before


def test_a_bulk_write_by_a_read_only_account_is_refused_naming_its_first_record(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        make_world(s)
        ids = save_organisations(s, [OrganisationDraft("只读公司")]).value[0]
    before = _counts(sessions)
    viewer = SignedIn("guest", "访客", AccountRole.VIEWER, shared=True)
    with sessions.begin() as s:
        s.info[SIGNED_IN] = viewer
        assert save_organisations(s, [], []).value == ([], [])  # nothing to write: no check
        with pytest.raises(PermissionDeniedError) as created:
            save_organisations(s, [OrganisationDraft("新公司"), OrganisationDraft("另一公司")])
        draft = replace(organisation_draft(s, ids[0]), notes="改")
        with pytest.raises(PermissionDeniedError) as updated:
            save_organisations(s, [], [Update(ids[0], draft)])
    assert (created.value.record, updated.value.record) == ("新公司", "只读公司")
    assert _counts(sessions) == before


def _counts(sessions: sessionmaker[Session]) -> tuple[Any, ...]:
    with sessions() as s:
        return (s.scalar(select(func.count()).select_from(Organisation)),
                s.scalar(select(func.count()).select_from(AuditEntry)),
                read_head(s.connection()))


def _updated(session: Session, record_type: str, record_id: int) -> AuditEntry:
    return session.scalars(select(AuditEntry).where(
        AuditEntry.record_type == record_type, AuditEntry.record_id == record_id,
        AuditEntry.action == "update")).one()


def test_a_bulk_edited_organisation_has_the_history_of_one_edited_alone(
        sessions: sessionmaker[Session]) -> None:
    """The same edit (industry, English name, country, notes) made by ``update_organisation``
    and by ``save_organisations``: the same fields, old -> new, in the same order, the same
    who and revision; an edit that changes nothing writes nothing."""
    with sessions.begin() as s:
        make_world(s)
        first = create_organisation(s, _organisation(s, "西门子能源")).value.id
        second = create_organisation(s, _organisation(s, "西门子能源（中国）")).value.id
        same = create_organisation(s, OrganisationDraft("华为")).value.id
        other = Industry(code="ESS", name_zh="新型储能", name_en="Energy storage")
        s.add(other)
        s.flush()

        def edit(org_id: int) -> OrganisationDraft:
            return replace(organisation_draft(s, org_id), industry_id=other.id, name_en="SE",
                           hq_country="cn", notes="复访：储能“合作”", employees=None)

        update_organisation(s, first, edit(first))
        created, updated = save_organisations(
            s, [], [Update(second, edit(second), 1),
                    Update(same, organisation_draft(s, same), 1)]).value
    assert (created, updated) == ([], [second, same])
    with sessions() as s:
        one, many = _updated(s, "organisations", first), _updated(s, "organisations", second)
        assert (many.action, many.revision, many.actor, many.record_label) == (
            one.action, one.revision, one.actor, "西门子能源（中国）")
        assert many.changes == one.changes and list(many.changes) == list(one.changes)
        assert many.changes["industry"] == ["新能源汽车", "新型储能"]
        assert many.changes["hq_country"] == ["DE", "CN"] and many.changes["employees"] == [0, None]
        org = s.get_one(Organisation, second)
        assert (org.revision, org.name_en, org.notes, org.industry_id) == (
            2, "SE", "复访：储能“合作”", other.id)
        assert s.get_one(Organisation, same).revision == 1
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.record_id == same, AuditEntry.record_type == "organisations")) == 1
        assert verify_chain(s.connection()).intact


def test_a_bulk_edited_person_has_the_history_of_one_edited_alone(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        unit_id, org = unit_and_organisation(s)
        ids = [create_person(s, PersonDraft(name, PersonKind.EXTERNAL)).value.id
               for name in ("周文华", "Dr. Müller 穆勒")]

        def edit(person_id: int) -> PersonDraft:
            return replace(person_draft(s, person_id), unit_id=unit_id, organisation_id=org,
                           title_zh=" 副总裁 ", email="x@bosch.com")

        update_person(s, ids[0], edit(ids[0]))
        save_people(s, [], [Update(ids[1], edit(ids[1]))])
    with sessions() as s:
        one, many = _updated(s, "people", ids[0]), _updated(s, "people", ids[1])
        assert (many.revision, many.actor, many.record_label) == (2, one.actor, "Dr. Müller 穆勒")
        assert many.changes == one.changes and list(many.changes) == list(one.changes)
        assert many.changes["title_zh"] == ["", "副总裁"]
        assert many.changes["organisation"] == [None, "西门子能源"]
        assert verify_chain(s.connection()).intact


def test_an_edit_whose_record_moved_meanwhile_refuses_the_whole_batch(
        sessions: sessionmaker[Session]) -> None:
    """The revision is checked again in the UPDATE itself: a record saved by someone else
    between the check and the write is refused as a window's save would be, and nothing of
    the batch (records, history) is left."""
    with sessions.begin() as s:
        make_world(s)
        ids = [create_organisation(s, OrganisationDraft(f"公司{i}")).value.id for i in range(3)]
    before = _counts(sessions)
    with pytest.raises(StaleEditError) as refused, sessions.begin() as s:
        drafts = [Update(i, replace(organisation_draft(s, i), notes="新"), 1) for i in ids]
        rows = read_rows(s, Organisation, ids)
        with sessions.begin() as other:  # someone saves the second meanwhile
            update_organisation(other, ids[1], replace(organisation_draft(other, ids[1]),
                                                       hq_city="东莞"))
        bulk._edit(s, Organisation, apply_organisation, rows, drafts)
    assert (refused.value.record_id, refused.value.record_type) == (ids[1], "organisations")
    assert "公司1" in refused.value.message_zh
    after = _counts(sessions)
    assert after[0] == before[0] and after[1] == before[1] + 1  # the other's save alone
    with sessions() as s:
        assert {o.notes for o in s.scalars(select(Organisation).where(
            Organisation.id.in_(ids)))} == {""}


def test_taken_names_are_found_alike_by_a_pass_over_the_table_and_by_look_ups(
        sessions: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> None:
    """Many names asked about a table of about as many rows: one pass over its name column;
    a few asked about a table many times bigger (an import's later chunks): look-ups by name
    (SQLite: IN lists; PostgreSQL: one array parameter), whose statements do not grow with
    the table. Both find the same owners."""
    monkeypatch.setattr(bulk, "WHOLE_TABLE", 5)
    monkeypatch.setattr(bulk, "WHOLE_TABLE_RATIO", 2)
    with sessions.begin() as s:
        make_world(s)
        ids, _ = save_organisations(s, [OrganisationDraft(f"公司{i:03d}") for i in range(60)]).value
    asked = [f"公司{i:03d}" for i in range(0, 60, 3)] + ["没有这家"]  # 20 taken names of 60+
    wanted = {f"公司{i:03d}": ids[i] for i in range(0, 60, 3)}
    with sessions() as s:
        with recorded(s) as seen:
            assert bulk.organisation_name_owners(s, asked) == wanted  # 60+ rows > 2 × 21 names
        by_lists = [" ".join(q.split()) for q in seen]
        assert bulk.organisation_name_owners(s, asked[:6] * 4 + asked[6:]) == wanted
        monkeypatch.setattr(bulk, "WHOLE_TABLE_RATIO", 10)  # 60+ rows <= 10 × 21 names
        with recorded(s) as seen:
            assert bulk.organisation_name_owners(s, asked) == wanted
        by_table = [" ".join(q.split()) for q in seen]
    # max(id), then the names: an IN list, or = any(one array)
    assert len(by_lists) == 2 and (" IN (" in by_lists[1] or "= any(" in by_lists[1])
    assert len(by_table) == 2 and not any(" IN " in q or "any(" in q for q in by_table)
