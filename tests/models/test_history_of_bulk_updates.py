"""PostgreSQL writes the history of an UPDATE once per statement (migration 0016, a trigger
with transition tables): an UPDATE of many rows typed without the program is described row by
row from the columns, a row left as it was leaves no history, and the chain verifies."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from models.audit.chain import verify_chain
from models.audit.history import record_history
from models.audit.table import AuditEntry
from models.campaign import Industry
from models.operations.directory import OrganisationDraft, create_organisation
from models.record_types import RecordType
from tests.factories import make_world

pytestmark = pytest.mark.backends("postgresql")


def test_one_update_of_many_rows_is_described_row_by_row(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        make_world(s)
        industry = s.scalars(select(Industry).order_by(Industry.id)).first()
        assert industry is not None
        ids = [create_organisation(s, OrganisationDraft(name, hq_city=city)).value.id
               for name, city in (("甲公司", "斯图加特"), ("乙公司", "慕尼黑"), ("丙公司", "东莞"))]
    with sessions.begin() as s:  # no program: one statement, the third row already so
        s.execute(text("UPDATE organisations SET hq_city = '东莞', industry_id = :i "
                       "WHERE id = ANY(:ids) AND hq_city <> '东莞'"), {"i": industry.id, "ids": ids})
        s.execute(text("UPDATE organisations SET hq_city = hq_city WHERE id = :id"),
                  {"id": ids[2]})
    with sessions() as s:
        first = record_history(s, RecordType.ORGANISATIONS, ids[0])
        unchanged = record_history(s, RecordType.ORGANISATIONS, ids[2])
        updates = s.scalars(select(AuditEntry).where(
            AuditEntry.action == "update", AuditEntry.record_type == "organisations")
            .order_by(AuditEntry.id)).all()
        assert verify_chain(s.connection()).intact
    assert [e.record_id for e in updates] == ids[:2]  # in id order, one each
    assert len(unchanged) == 1  # its creation only
    changes = {c.field: (c.old, c.new) for c in first[-1].changes}
    assert changes == {"hq_city": ("斯图加特", "东莞"), "industry": (None, industry.code)}  # as before 0016
    assert first[-1].record_label == "甲公司"
