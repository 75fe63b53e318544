"""A trip's or an event's projects are read by their source in SQL: an editor's projects panel
reads that trip's few rows, not every project of ten years."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models import list_columns, queries
from models.enums import EventKind
from models.operations.events import EventDraft, create_event
from models.operations.leads import LeadDraft, create_lead
from models.timeutil import at
from tests.factories import make_trip, make_world

pytestmark = pytest.mark.backends("sqlite", "postgresql")


def _rows_read(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """The table and the number of rows of each statement the column reads run."""
    counts: list[tuple[str, int]] = []
    execute = list_columns._execute

    def counting(session: Session, stmt: Any) -> Any:
        frozen = execute(session, stmt).freeze()
        counts.append((stmt.selected_columns[0].table.name, len(frozen.data)))
        return frozen()

    monkeypatch.setattr(list_columns, "_execute", counting)
    return counts


def test_projects_of_a_trip_or_an_event_read_only_theirs(sessions: sessionmaker[Session],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w)
        other = make_trip(s, w, title_zh="日本推介", start_date=date(2023, 6, 1),
                          end_date=date(2023, 6, 3))
        summit = create_event(s, EventDraft(
            kind=EventKind.INDUSTRY_SUMMIT, title_zh="新能源汽车产业峰会", timezone="Asia/Shanghai",
            city_id=w.dongguan_id, starts_at=at(date(2023, 4, 10), "09:00", "Asia/Shanghai"),
            ends_at=at(date(2023, 4, 10), "17:00", "Asia/Shanghai"))).value
        from_trip = create_lead(s, LeadDraft("电池工厂", w.org_id, 600_000_000,
                                             source_trip_id=trip.id)).value
        from_summit = create_lead(s, LeadDraft("储能基地", w.org_id, 300_000_000,
                                               source_event_id=summit.id)).value
        for n in range(12):  # other trips' projects
            create_lead(s, LeadDraft(f"配套项目{n}", w.org_id, 10_000_000,
                                     source_trip_id=other.id))
    with sessions() as s:
        read = _rows_read(monkeypatch)
        mine = queries.list_leads(s, source_trip_code=trip.code)
        either = queries.list_leads(s, source_trip_code=trip.code, source_event_code=summit.code)
        everything = queries.list_leads(s)
        unknown = queries.list_leads(s, source_trip_code="TRIP-1999-001")
    assert [r.id for r in mine] == [from_trip.id]
    assert sorted(r.id for r in either) == sorted([from_trip.id, from_summit.id])
    assert len(everything) == 14
    # each call: the small tables whole, then the projects' stage steps and the projects: the
    # sources' own rows only
    assert [(t, n) for t, n in read if t in ("lead_stage_changes", "leads")] == [
        ("lead_stage_changes", 1), ("leads", 1), ("lead_stage_changes", 2), ("leads", 2),
        ("lead_stage_changes", 14), ("leads", 14), ("lead_stage_changes", 0), ("leads", 0)]
    assert unknown == []
