"""What goes with a trip or an event when it is deleted, counted alike on both back ends."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from models.deletion import event_deletion, trip_deletion
from models.enums import EventKind, EventStatus, TripStatus
from models.operations.events import EventDraft, InvitationDraft, SessionDraft, create_event
from models.operations.items import add_item
from models.operations.leads import LeadDraft, create_lead
from models.timeutil import at
from tests.factories import item_draft, make_trip, make_world


def test_a_trip_counts_its_items_delegates_targets_and_the_projects_it_sourced(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, title_zh="<b>欧洲</b> & 路演")
        for day in (24, 25, 26):
            add_item(s, trip.id, item_draft(w, day=day))
        create_lead(s, LeadDraft("电池工厂", w.org_id, 6_000_000_000, source_trip_id=trip.id))
    with sessions() as s:
        found = trip_deletion(s, trip.code)
    assert (found.items, found.delegates, found.targets, found.projects) == (3, 2, 1, 1)
    assert found.code == trip.code and found.title_zh == "<b>欧洲</b> & 路演"
    assert found.status is TripStatus.DRAFT


def test_an_event_counts_its_sessions_and_invitations(sessions: sessionmaker[Session]) -> None:
    day, zone = date(2023, 4, 12), "Asia/Shanghai"
    with sessions.begin() as s:
        w = make_world(s)
        event = create_event(s, EventDraft(
            kind=EventKind.INDUSTRY_SUMMIT, title_zh="新能源汽车产业峰会",
            starts_at=at(day, "09:00", zone), ends_at=at(day, "17:30", zone), timezone=zone,
            sessions=[SessionDraft("开幕", at(day, "09:00", zone), at(day, "09:30", zone)),
                      SessionDraft("圆桌", at(day, "10:00", zone), at(day, "11:30", zone))],
            invitations=[InvitationDraft(w.org_id, guests=3)])).value
    with sessions() as s:
        found = event_deletion(s, event.id)
    assert (found.sessions, found.invitations, found.projects) == (2, 1, 0)
    assert found.status is EventStatus.DRAFT and found.code == event.code
