"""Long lists (projects, organisations) are read a chunk of records at a time: the ORM objects
of a chunk are let go once its plain rows are built, so ten years of history never sit in
memory as objects all at once; the rows are the same whatever the chunk."""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session, object_session, sessionmaker

from models import queries
from models.leads import Lead
from models.operations.directory import OrganisationDraft, create_organisation
from models.operations.leads import LeadDraft, create_lead
from models.organisations import Organisation
from tests.factories import make_world


def _held(kind: type, real: Callable[..., object], seen: list[int]) -> Callable[..., object]:
    """``real`` (a row builder), counting the records of ``kind`` alive in its session first."""

    def build(record: object, *args: object, **kwargs: object) -> object:
        session = object_session(record)
        assert session is not None
        gc.collect()
        seen.append(sum(isinstance(o, kind) for o in session.identity_map.values()))
        return real(record, *args, **kwargs)

    return build


@pytest.fixture
def many(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    with sessions.begin() as s:
        w = make_world(s)
        for n in range(9):
            org = create_organisation(s, OrganisationDraft(f"测试机构{n}有限公司",
                                                           name_en=f"Test Org {n}")).value
            create_lead(s, LeadDraft(f"项目{n}", org.id, (n + 1) * 100_000_000,
                                     unit_id=w.unit_id))
    return sessions


def test_projects_are_built_a_chunk_at_a_time(many: sessionmaker[Session],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    with many() as s:
        whole = queries.list_leads(s)
    seen: list[int] = []
    monkeypatch.setattr(queries, "ROWS_PER_CHUNK", 2)
    monkeypatch.setattr(queries, "lead_row", _held(Lead, queries.lead_row, seen))
    with many() as s:
        chunked = queries.list_leads(s)
    assert chunked == whole and len(whole) == 9
    assert len(seen) == 9 and max(seen) <= 2  # never more than one chunk of projects alive


def test_organisations_are_built_a_chunk_at_a_time(many: sessionmaker[Session],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with many() as s:
        whole = queries.list_organisations(s)
    seen: list[int] = []
    monkeypatch.setattr(queries, "ROWS_PER_CHUNK", 3)
    monkeypatch.setattr(queries, "organisation_row",
                        _held(Organisation, queries.organisation_row, seen))
    with many() as s:
        chunked = queries.list_organisations(s)
    assert chunked == whole and len(whole) >= 10
    assert len(seen) == len(whole) and max(seen) <= 3
