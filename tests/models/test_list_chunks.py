"""Long lists (trips, events) are read a chunk of records at a time: the ORM objects of a chunk
are let go once its plain rows are built, so ten years of history never sit in memory as
objects all at once; the rows are the same whatever the chunk. (Projects, visits and
organisations are read as columns, no object made: ``test_list_columns.py``.)"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from sqlalchemy.orm import Session, object_session, sessionmaker

from models import queries
from models.enums import EventKind
from models.events import ThemedEvent
from models.operations.directory import OrganisationDraft, create_organisation
from models.operations.events import EventDraft, create_event
from models.operations.leads import LeadDraft, create_lead
from models.timeutil import at
from models.trips import Trip
from tests.factories import make_trip, make_world

ZONE = "Asia/Shanghai"


def _held(kind: type, real: Callable[..., object], seen: list[int]) -> Callable[..., object]:
    """``real`` (a row builder), counting the records of ``kind`` alive in its session first."""

    def build(record: object, *args: object, **kwargs: object) -> object:
        session = object_session(record)
        assert session is not None
        gc.collect()
        seen.append(sum(isinstance(o, kind) for o in session.identity_map.values()))
        return real(record, *args, **kwargs)

    return build


@pytest.fixture(autouse=True)
def _young_objects_only() -> Iterator[None]:
    """``gc.collect()`` per row scans only what this test made: the suite's older objects
    (Qt, the ORM's, other tests') are moved out of the collector's reach meanwhile (a full
    collection per row took seconds late in a whole run)."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture
def many(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    with sessions.begin() as s:
        w = make_world(s)
        for n in range(9):
            org = create_organisation(s, OrganisationDraft(f"测试机构{n}有限公司",
                                                           name_en=f"Test Org {n}")).value
            create_lead(s, LeadDraft(f"项目{n}", org.id, (n + 1) * 100_000_000,
                                     unit_id=w.unit_id))
            make_trip(s, w, title_zh=f"推广活动{n}")
            day = date(2023, 4, 1 + n)
            create_event(s, EventDraft(EventKind.INDUSTRY_SUMMIT, f"产业峰会{n}",
                                       at(day, "09:00", ZONE), at(day, "17:00", ZONE), ZONE,
                                       city_id=w.dongguan_id, host_unit_id=w.unit_id))
    return sessions


@pytest.mark.parametrize(("kind", "builder", "lister"), [
    (Trip, "trip_row", "list_trips"), (ThemedEvent, "event_row", "list_events")])
def test_trips_and_events_are_built_a_chunk_at_a_time(
        many: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch, kind: type,
        builder: str, lister: str) -> None:
    with many() as s:
        whole = getattr(queries, lister)(s)
    seen: list[int] = []
    monkeypatch.setattr(queries, "ROWS_PER_CHUNK", 2)
    monkeypatch.setattr(queries, builder, _held(kind, getattr(queries, builder), seen))
    with many() as s:
        chunked = getattr(queries, lister)(s)
    assert chunked == whole and len(whole) == 9
    assert len(seen) == 9 and max(seen) <= 2
