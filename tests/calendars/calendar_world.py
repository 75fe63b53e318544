"""A small campaign for calendar tests: a trip to Frankfurt across the March 2023 change to
summer time (with awkward text), a cancelled trip, and a themed event with an agenda.
UUIDs are fixed, and ``frozen`` pins the change times, so golden files compare bytes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from calendars import CalendarData
from models.enums import EventKind, EventStatus, ItemKind, MemberRole, TripStatus
from models.operations.events import EventDraft, InvitationDraft, SessionDraft, create_event
from models.timeutil import at
from tests.factories import World, item_draft, make_trip, make_world

TRIP_UUID = "0a1b2c3d-0000-4000-8000-000000000001"
CANCELLED_UUID = "0a1b2c3d-0000-4000-8000-000000000002"
EVENT_UUID = "0a1b2c3d-0000-4000-8000-000000000003"
AWKWARD = "签约：宝马, 奔驰; 路径 C:\\合同\\2023 🚀 “引号”"
NOTES = ("第一行：拜访议程, 逗号; 分号 \\ 反斜杠\n第二行 — 请提前 15 分钟到达酒店大堂集合，"
         "携带名片、礼品和中英文推介材料。Bring business cards 🎁")
CHANGED = datetime(2023, 2, 1, 8, 30, tzinfo=UTC)


def item_uuid(n: int) -> str:
    return f"0a1b2c3d-0000-4000-8000-0000000001{n:02d}"


def session_uuid(n: int) -> str:
    return f"0a1b2c3d-0000-4000-8000-0000000002{n:02d}"


@dataclass
class CalendarWorld:
    world: World
    trip_code: str
    cancelled_code: str
    event_code: str


def make_calendar_world(session: Session) -> CalendarWorld:
    w = make_world(session)
    trip = make_trip(
        session, w, uuid=TRIP_UUID, status=TripStatus.APPROVED,
        members=[(w.leader_id, MemberRole.LEADER), (w.staff_id, MemberRole.LIAISON),
                 (w.delegate_id, MemberRole.INTERPRETER)],
        items=[
            item_draft(w, day=24, start="09:00", end="11:00", uuid=item_uuid(1)),
            item_draft(w, day=26, start="03:30", end="05:00", uuid=item_uuid(2),
                       kind=ItemKind.TRAIN, title_zh="早班火车去慕尼黑",
                       title_en="Early train to Munich", place="Frankfurt Hbf",
                       organisation_id=None, attendee_ids=[w.leader_id, w.staff_id]),
            item_draft(w, day=27, start="14:00", end="16:30", uuid=item_uuid(3),
                       kind=ItemKind.SIGNING, title_zh=AWKWARD, title_en="Signing, BMW; Benz",
                       notes=NOTES, attendee_ids=[w.staff_id, w.delegate_id]),
            item_draft(w, day=30, start="10:00", end="21:00", uuid=item_uuid(4),
                       kind=ItemKind.FLIGHT, title_zh="返程航班 LH 720", title_en="Flight LH 720",
                       timezone="UTC", place="", city_id=None, organisation_id=None),
        ],
    )
    cancelled = make_trip(
        session, w, uuid=CANCELLED_UUID, title_zh="欧洲储能推介", title_en="Europe storage roadshow",
        start_date=date(2023, 10, 25), end_date=date(2023, 10, 31), status=TripStatus.CANCELLED,
        cancel_reason="日程冲突", items=[],
    )
    event = create_event(session, EventDraft(
        kind=EventKind.INDUSTRY_SUMMIT, title_zh="新能源汽车产业峰会", title_en="NEV Industry Summit",
        starts_at=at(date(2023, 5, 18), "09:00", "Asia/Shanghai"),
        ends_at=at(date(2023, 5, 18), "17:30", "Asia/Shanghai"), timezone="Asia/Shanghai",
        venue="松山湖国际会展中心", city_id=w.dongguan_id, host_unit_id=w.unit_id,
        lead_person_id=w.staff_id, capacity=300, status=EventStatus.PLANNED,
        industry_ids=[w.industry_id], description="百家企业参会，现场签约。", uuid=EVENT_UUID,
        sessions=[
            SessionDraft("开幕致辞", at(date(2023, 5, 18), "09:00", "Asia/Shanghai"),
                         at(date(2023, 5, 18), "09:30", "Asia/Shanghai"), "Opening",
                         "主会场", [w.leader_id], uuid=session_uuid(1)),
            SessionDraft("产业对接会", at(date(2023, 5, 18), "14:00", "Asia/Shanghai"),
                         at(date(2023, 5, 18), "16:00", "Asia/Shanghai"), "Matchmaking",
                         "", [w.staff_id], uuid=session_uuid(2)),
        ],
        invitations=[InvitationDraft(w.org_id)],
    )).value
    return CalendarWorld(w, trip.code, cancelled.code, event.code)


def frozen(data: CalendarData) -> CalendarData:
    """The same data with every record's change time pinned (as if saved on 1 February)."""
    return replace(
        data,
        trips=tuple(replace(t, updated_at=CHANGED,
                            items=tuple(replace(i, updated_at=CHANGED) for i in t.items))
                    for t in data.trips),
        events=tuple(replace(e, updated_at=CHANGED,
                             sessions=tuple(replace(s, updated_at=CHANGED) for s in e.sessions))
                     for e in data.events),
    )
