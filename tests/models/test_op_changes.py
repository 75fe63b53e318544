"""Every operation returns an OpResult: its value and the records it changed, by kind and id."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.changes import RecordKind
from models.enums import EventKind, LeadStage, RsvpState, TripStatus, UnitKind
from models.operations import directory, events, items, leads, trips
from models.operations.directory import OrganisationDraft, PersonDraft, UnitDraft
from models.operations.events import EventDraft, SessionDraft
from models.operations.leads import LeadDraft
from models.queries import trip_detail
from models.timeutil import at
from tests.factories import World, item_draft, make_trip, make_world, trip_draft


@pytest.fixture
def world(sessions: sessionmaker[Session]) -> World:
    with sessions.begin() as s:
        return make_world(s)


def _event(w: World, **overrides: Any) -> EventDraft:
    day = date(2023, 6, 1)
    values: dict[str, Any] = dict(
        kind=EventKind.INDUSTRY_SUMMIT, title_zh="新能源汽车产业峰会",
        starts_at=at(day, "09:00", "Asia/Shanghai"), ends_at=at(day, "17:00", "Asia/Shanghai"),
        timezone="Asia/Shanghai", city_id=w.dongguan_id,
        sessions=[SessionDraft("开幕式", at(day, "09:00", "Asia/Shanghai"),
                               at(day, "10:00", "Asia/Shanghai"))],
    )
    values.update(overrides)
    return EventDraft(**values)


def test_a_trip_reports_itself_and_its_itinerary(sessions: sessionmaker[Session],
                                                 world: World) -> None:
    with sessions.begin() as s:
        created = trips.create_trip(s, trips_draft(world))
        trip_id = created.value.id
        item_ids = {i.id for i in trip_detail(s, trip_id).items}
    assert len(item_ids) == 2
    assert created.changes.ids_of(RecordKind.TRIP) == {trip_id}
    assert created.changes.ids_of(RecordKind.ITEM) == item_ids
    assert created.changes.kinds == {RecordKind.TRIP, RecordKind.ITEM}

    with sessions.begin() as s:
        status = trips.set_trip_status(s, trip_id, TripStatus.PLANNED)
    assert status.value.status is TripStatus.PLANNED
    assert status.changes.kinds == {RecordKind.TRIP}

    with sessions.begin() as s:
        deleted = trips.delete_trip(s, trip_id)
    assert deleted.value.title_zh == "欧洲新能源汽车推介"  # the draft that re-creates it
    assert deleted.changes.ids_of(RecordKind.TRIP) == {trip_id}
    assert deleted.changes.ids_of(RecordKind.ITEM) == item_ids


def test_an_edit_that_drops_an_item_names_it(sessions: sessionmaker[Session],
                                             world: World) -> None:
    with sessions.begin() as s:
        created = trips.create_trip(s, trips_draft(world)).value
        draft = trips.trip_draft(s, created.code)
        dropped, kept = (i.id for i in trip_detail(s, created.id).items)
    assert draft.items is not None
    with sessions.begin() as s:
        saved = trips.update_trip(s, created.code, _with_items(draft, draft.items[1:]))
    assert saved.changes.ids_of(RecordKind.TRIP) == {created.id}
    assert saved.changes.ids_of(RecordKind.ITEM) == {dropped, kept}


def test_an_item_change_also_changes_its_trip(sessions: sessionmaker[Session],
                                              world: World) -> None:
    with sessions.begin() as s:
        trip = make_trip(s, world)
    with sessions.begin() as s:
        added = items.add_item(s, trip.code, item_draft(world))
    assert added.changes.ids_of(RecordKind.ITEM) == {added.value}
    assert added.changes.ids_of(RecordKind.TRIP) == {trip.id}
    with sessions.begin() as s:
        updated = items.update_item(s, added.value, item_draft(world, title_zh="拜访博世总部"))
    assert updated.value is None
    assert updated.changes.ids_of(RecordKind.ITEM) == {added.value}
    assert updated.changes.ids_of(RecordKind.TRIP) == {trip.id}
    with sessions.begin() as s:
        deleted = items.delete_item(s, added.value)
    assert deleted.value.title_zh == "拜访博世总部"
    assert deleted.changes.ids_of(RecordKind.ITEM) == {added.value}
    assert deleted.changes.ids_of(RecordKind.TRIP) == {trip.id}


def test_an_event_reports_itself_and_its_agenda(sessions: sessionmaker[Session],
                                                world: World) -> None:
    with sessions.begin() as s:
        created = events.create_event(s, _event(world))
        event_id = created.value.id
        session_ids = created.changes.ids_of(RecordKind.SESSION)
    assert created.changes.ids_of(RecordKind.EVENT) == {event_id}
    assert len(session_ids) == 1
    with sessions.begin() as s:
        rsvp = events.set_rsvp(s, event_id, world.org_id, RsvpState.ACCEPTED)
    assert rsvp.changes.kinds == {RecordKind.EVENT}
    with sessions.begin() as s:
        emptied = events.update_event(s, event_id, _event(world, sessions=[]))
    assert emptied.changes.ids_of(RecordKind.SESSION) == session_ids  # the removed session
    with sessions.begin() as s:
        cancelled = events.cancel_event(s, event_id, "场地冲突")
    assert cancelled.changes.ids_of(RecordKind.EVENT) == {event_id}
    with sessions.begin() as s:
        deleted = events.delete_event(s, event_id)
    assert deleted.value.cancel_reason == "场地冲突"
    assert deleted.changes.ids_of(RecordKind.EVENT) == {event_id}


def test_directory_and_lead_operations_name_their_record(sessions: sessionmaker[Session],
                                                         world: World) -> None:
    with sessions.begin() as s:
        person = directory.create_person(s, PersonDraft("赵敏"))
        org = directory.create_organisation(s, OrganisationDraft("宁德时代"))
        unit = directory.add_unit(s, UnitDraft("虎门镇", "Humen Town", UnitKind.TOWN_STREET))
        lead = leads.create_lead(s, LeadDraft("电池工厂", org.value.id, 100, LeadStage.CONTACT))
        visit = leads.record_hq_visit(s, org.value.id, date(2023, 4, 3))
    assert person.changes.ids_of(RecordKind.PERSON) == {person.value.id}
    assert org.changes.ids_of(RecordKind.ORGANISATION) == {org.value.id}
    assert unit.changes.ids_of(RecordKind.UNIT) == {unit.value}
    assert lead.changes.ids_of(RecordKind.LEAD) == {lead.value.id}
    assert visit.changes.ids_of(RecordKind.HQ_VISIT) == {visit.value}
    with sessions.begin() as s:
        gone = directory.delete_person(s, person.value.id)
        gone_unit = directory.delete_unit(s, unit.value)
    assert (gone.value.name_zh, gone.changes.ids_of(RecordKind.PERSON)) == ("赵敏",
                                                                          {person.value.id})
    assert (gone_unit.value.name_zh, gone_unit.changes.kinds) == ("虎门镇", {RecordKind.UNIT})



def trips_draft(world: World) -> trips.TripDraft:
    return trip_draft(world, items=[item_draft(world, day=24), item_draft(world, day=25)])


def _with_items(draft: trips.TripDraft, kept: list[items.ItemDraft]) -> trips.TripDraft:
    return replace(draft, items=kept)
