"""Operations on promotion trips and their itineraries."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import rules
from models.campaign import City, Industry, Region, Unit
from models.enums import TRIP_FLOW, ItemKind, MemberRole, TripStatus
from models.errors import ConcurrentEditError, ValidationError
from models.organisations import Organisation
from models.people import Person
from models.queries import current_campaign, get_trip
from models.row_builders import trip_row
from models.rows import TripRow
from models.timeutil import local_date, shift_local
from models.trips import ItineraryItem, Trip, TripMember

T = TypeVar("T")


@dataclass
class ItemDraft:
    kind: ItemKind
    title_zh: str
    starts_at: datetime  # aware
    ends_at: datetime  # aware
    timezone: str
    title_en: str = ""
    city_id: int | None = None
    place: str = ""
    organisation_id: int | None = None
    attendee_ids: list[int] = field(default_factory=list)
    notes: str = ""
    outcome: str = ""
    uuid: str | None = None
    travel: TravelDetails = field(default_factory=lambda: TravelDetails())
    counterpart_ids: list[int] = field(default_factory=list)
    ask: str = ""
    offer: str = ""


@dataclass(frozen=True)
class TravelDetails:
    """A travel leg's service, ends and booking (flights, trains, transfers), or a stay's
    address and phone (hotels). ``arrival_timezone`` "" means the departure's zone."""

    arrival_timezone: str = ""
    carrier: str = ""
    service_number: str = ""
    from_place: str = ""
    from_code: str = ""
    from_terminal: str = ""
    to_place: str = ""
    to_code: str = ""
    to_terminal: str = ""
    booking_ref: str = ""
    seat_class: str = ""
    meeting_point: str = ""
    address: str = ""
    phone: str = ""


TRAVEL_FIELDS = tuple(f for f in TravelDetails.__dataclass_fields__)


@dataclass
class TripDraft:
    title_zh: str
    region_id: int
    start_date: date
    end_date: date
    title_en: str = ""
    code: str | None = None
    campaign_id: int | None = None
    leader_id: int | None = None
    host_unit_id: int | None = None
    status: TripStatus = TripStatus.DRAFT
    city_ids: list[int] = field(default_factory=list)
    industry_ids: list[int] = field(default_factory=list)
    target_ids: list[int] = field(default_factory=list)
    members: list[tuple[int, MemberRole]] = field(default_factory=list)
    purpose: str = ""
    key_messages: str = ""
    logistics: str = ""
    emergency_contacts: str = ""
    notes: str = ""
    cancel_reason: str = ""
    items: list[ItemDraft] | None = None  # None: leave the itinerary as it is
    uuid: str | None = None


# --- reading a record back as a draft (editors, undo, duplicate) ----------------------------


def item_draft(item: ItineraryItem) -> ItemDraft:
    return ItemDraft(
        kind=item.kind, title_zh=item.title_zh, title_en=item.title_en,
        starts_at=item.starts_at, ends_at=item.ends_at, timezone=item.timezone,
        city_id=item.city_id, place=item.place, organisation_id=item.organisation_id,
        attendee_ids=[p.id for p in item.attendees], notes=item.notes, outcome=item.outcome,
        uuid=item.uuid,
        travel=TravelDetails(**{name: getattr(item, name) for name in TRAVEL_FIELDS}),
        counterpart_ids=[p.id for p in item.counterparts], ask=item.ask, offer=item.offer,
    )


def trip_draft(session: Session, code_or_id: str | int) -> TripDraft:
    trip = get_trip(session, code_or_id)
    return TripDraft(
        title_zh=trip.title_zh, title_en=trip.title_en, region_id=trip.region_id,
        start_date=trip.start_date, end_date=trip.end_date, code=trip.code,
        campaign_id=trip.campaign_id, leader_id=trip.leader_id, host_unit_id=trip.host_unit_id,
        status=trip.status, city_ids=[c.id for c in trip.cities],
        industry_ids=[i.id for i in trip.industries], target_ids=[o.id for o in trip.targets],
        members=[(m.person_id, m.role) for m in trip.members], purpose=trip.purpose,
        key_messages=trip.key_messages, logistics=trip.logistics,
        emergency_contacts=trip.emergency_contacts, notes=trip.notes,
        cancel_reason=trip.cancel_reason, items=[item_draft(i) for i in trip.items],
        uuid=trip.uuid,
    )


# --- validation -------------------------------------------------------------------------------


def _ids_exist(session: Session, model: type[T], ids: list[int], field_name: str,
                  what_zh: str, what_en: str) -> list[T]:
    objects: list[T] = []
    for ident in dict.fromkeys(ids):
        obj = session.get(model, ident)
        if obj is None:
            raise ValidationError(field_name, f"{what_zh}不存在（编号 {ident}）",
                                  f"No such {what_en} (id {ident})")
        objects.append(obj)
    return objects


def _check_item(session: Session, draft: ItemDraft, trip: Trip, member_ids: set[int]) -> None:
    rules.required_name("title_zh", draft.title_zh, "行程事项名称", "Item title")
    rules.timezone_name("timezone", draft.timezone)
    rules.aware("starts_at", draft.starts_at)
    rules.aware("ends_at", draft.ends_at)
    rules.span("starts_at", draft.starts_at, draft.ends_at)
    first = local_date(draft.starts_at, draft.timezone)
    last = local_date(draft.ends_at, draft.timezone)
    if first < trip.start_date or last > trip.end_date:
        raise ValidationError(
            "starts_at",
            f"行程事项“{draft.title_zh}”（{first:%m-%d}—{last:%m-%d}，当地时间）超出了"
            f"推广活动 {trip.code} 的日期 {trip.start_date:%m-%d}—{trip.end_date:%m-%d}",
            f"Itinerary item '{draft.title_en or draft.title_zh}' ({first:%m-%d} to "
            f"{last:%m-%d}, local) lies outside the dates of trip {trip.code} "
            f"({trip.start_date:%m-%d} to {trip.end_date:%m-%d})",
        )
    if draft.city_id is not None and session.get(City, draft.city_id) is None:
        raise ValidationError("city_id", f"城市不存在（编号 {draft.city_id}）",
                              f"No such city (id {draft.city_id})")
    if draft.organisation_id is not None and session.get(Organisation,
                                                         draft.organisation_id) is None:
        raise ValidationError("organisation_id", f"机构不存在（编号 {draft.organisation_id}）",
                              f"No such organisation (id {draft.organisation_id})")
    for pid in draft.attendee_ids:
        rules.person(session, "attendee_ids", pid, "参加人员", "attendee")
        if pid not in member_ids:
            name = session.get(Person, pid).name_zh  # type: ignore[union-attr]
            raise ValidationError(
                "attendee_ids",
                f"{name} 不是该团组成员，不能安排参加“{draft.title_zh}”",
                f"{name} is not in the delegation and cannot attend '{draft.title_zh}'",
            )
    for pid in draft.counterpart_ids:
        rules.person(session, "counterpart_ids", pid, "会见对象", "counterpart")
    if draft.travel.arrival_timezone.strip():
        rules.timezone_name("arrival_timezone", draft.travel.arrival_timezone.strip())
    limits = {c.name: c.type.length for c in ItineraryItem.__table__.columns  # type: ignore[attr-defined]
              if c.name in TRAVEL_FIELDS}
    for name in TRAVEL_FIELDS:
        value = getattr(draft.travel, name).strip()
        if limits.get(name) and len(value) > limits[name]:
            raise ValidationError(name, f"“{value[:20]}…”过长（最多 {limits[name]} 个字符）",
                                  f"'{value[:20]}…' is too long (at most {limits[name]})")


def _apply_item(session: Session, item: ItineraryItem, draft: ItemDraft) -> None:
    item.kind = draft.kind
    item.title_zh = draft.title_zh.strip()
    item.title_en = draft.title_en.strip()
    item.starts_at = draft.starts_at
    item.ends_at = draft.ends_at
    item.timezone = draft.timezone.strip()
    item.city_id = draft.city_id
    item.place = draft.place.strip()
    item.organisation_id = draft.organisation_id
    item.attendees = [session.get_one(Person, pid) for pid in dict.fromkeys(draft.attendee_ids)]
    item.notes = draft.notes
    item.outcome = draft.outcome
    for name in TRAVEL_FIELDS:
        setattr(item, name, getattr(draft.travel, name).strip())
    item.counterparts = [session.get_one(Person, pid)
                         for pid in dict.fromkeys(draft.counterpart_ids)]
    item.ask = draft.ask
    item.offer = draft.offer
    if draft.uuid and not item.uuid:
        item.uuid = draft.uuid


def _check_trip(session: Session, draft: TripDraft, existing: Trip | None) -> None:
    rules.required_name("title_zh", draft.title_zh, "推广活动名称", "Trip title")
    rules.span("start_date", draft.start_date, draft.end_date)
    if (draft.end_date - draft.start_date).days > 60:
        raise ValidationError("end_date", "一次推广活动不应超过 60 天",
                              "A promotion trip should not last more than 60 days")
    if session.get(Region, draft.region_id) is None:
        raise ValidationError("region_id", f"区域不存在（编号 {draft.region_id}）",
                              f"No such region (id {draft.region_id})")
    if draft.leader_id is not None:
        rules.person(session, "leader_id", draft.leader_id, "带队领导", "leader")
    if draft.host_unit_id is not None and session.get(Unit, draft.host_unit_id) is None:
        raise ValidationError("host_unit_id", f"责任单位不存在（编号 {draft.host_unit_id}）",
                              f"No such unit (id {draft.host_unit_id})")
    seen: set[int] = set()
    for pid, _role in draft.members:
        rules.person(session, "members", pid, "团组成员", "delegate")
        if pid in seen:
            name = session.get_one(Person, pid).name_zh
            raise ValidationError("members", f"{name} 在团组名单中出现了两次",
                                  f"{name} appears twice in the delegation")
        seen.add(pid)
    if draft.code:
        code = rules.code("code", draft.code)
        clash = session.scalars(select(Trip).where(Trip.code == code)).first()
        if clash is not None and clash is not existing:
            raise ValidationError("code", f"编号 {code} 已被“{clash.title_zh}”使用",
                                  f"The code {code} is already used by '{clash.title_zh}'")
    if draft.cancel_reason == "" and draft.status is TripStatus.CANCELLED and existing is None:
        raise ValidationError("cancel_reason", "取消活动需要填写原因",
                              "Cancelling needs a reason")


def _member_list(draft: TripDraft) -> list[tuple[int, MemberRole]]:
    members = list(draft.members)
    if draft.leader_id is not None and all(pid != draft.leader_id for pid, _ in members):
        members.insert(0, (draft.leader_id, MemberRole.LEADER))
    return members


def _apply_trip(session: Session, trip: Trip, draft: TripDraft) -> None:
    trip.title_zh = draft.title_zh.strip()
    trip.title_en = draft.title_en.strip()
    trip.region_id = draft.region_id
    trip.start_date = draft.start_date
    trip.end_date = draft.end_date
    trip.leader_id = draft.leader_id
    trip.host_unit_id = draft.host_unit_id
    trip.status = draft.status
    trip.purpose = draft.purpose
    trip.key_messages = draft.key_messages
    trip.logistics = draft.logistics
    trip.emergency_contacts = draft.emergency_contacts
    trip.notes = draft.notes
    trip.cancel_reason = draft.cancel_reason
    trip.cities = _ids_exist(session, City, draft.city_ids, "city_ids", "城市", "city")
    trip.industries = _ids_exist(session, Industry, draft.industry_ids, "industry_ids", "产业",
                                 "industry")
    trip.targets = _ids_exist(session, Organisation, draft.target_ids, "target_ids", "目标机构",
                              "organisation")
    wanted = _member_list(draft)
    by_person = {m.person_id: m for m in trip.members}
    members = []
    for position, (pid, role) in enumerate(wanted):
        member = by_person.get(pid) or TripMember(person_id=pid)
        member.role = role
        member.position = position
        members.append(member)
    trip.members = members


def _sync_items(session: Session, trip: Trip, drafts: list[ItemDraft]) -> None:
    member_ids = {pid for pid, _ in _member_list_of(trip)}
    for d in drafts:
        _check_item(session, d, trip, member_ids)
    by_uuid = {i.uuid: i for i in trip.items}
    kept = []
    for d in drafts:
        item = by_uuid.pop(d.uuid, None) if d.uuid else None
        if item is None:
            item = ItineraryItem()
            trip.items.append(item)
        _apply_item(session, item, d)
        kept.append(item)
    for orphan in by_uuid.values():
        trip.items.remove(orphan)


def _member_list_of(trip: Trip) -> list[tuple[int, MemberRole]]:
    return [(m.person_id, m.role) for m in trip.members]


def _check_revision(obj: Trip | ItineraryItem, expected: int | None, what: str) -> None:
    if expected is not None and obj.revision != expected:
        raise ConcurrentEditError(what, expected, obj.revision)


# --- trip operations ------------------------------------------------------------------------


def create_trip(session: Session, draft: TripDraft) -> TripRow:
    """Create a trip (and its itinerary when ``draft.items`` is given)."""
    _check_trip(session, draft, None)
    campaign = current_campaign(session) if draft.campaign_id is None else None
    campaign_id = draft.campaign_id if draft.campaign_id is not None else campaign.id  # type: ignore[union-attr]
    year = campaign.year if campaign else draft.start_date.year
    code = rules.code("code", draft.code) if draft.code else _next_trip_code(session, year)
    trip = Trip(code=code, campaign_id=campaign_id)
    if draft.uuid:
        trip.uuid = draft.uuid
    with session.no_autoflush:
        _apply_trip(session, trip, draft)
        session.add(trip)
        if draft.items:
            _sync_items(session, trip, draft.items)
    session.flush()
    return trip_row(trip)


def _next_trip_code(session: Session, year: int) -> str:
    from models.operations.codes import next_code

    return next_code(session, Trip.code, "TRIP", year)


def update_trip(session: Session, code_or_id: str | int, draft: TripDraft,
                expected_revision: int | None = None, restore: bool = False) -> TripRow:
    """Save an edited trip. ``expected_revision`` guards against overwriting another's change.

    ``restore`` puts back a state the trip had before (undo): the status goes back too, even
    where the forward flow (TRIP_FLOW) would not allow that step.
    """
    trip = get_trip(session, code_or_id)
    _check_revision(trip, expected_revision, f"推广活动 {trip.code}")
    _check_trip(session, draft, trip)
    if draft.status is not trip.status:
        if not restore:
            _check_transition(trip.status, draft.status)
        if draft.status is TripStatus.CANCELLED and not draft.cancel_reason.strip():
            raise ValidationError("cancel_reason", "取消活动需要填写原因",
                                  "Cancelling needs a reason")
    if draft.code and rules.code("code", draft.code) != trip.code:
        trip.code = rules.code("code", draft.code)
    with session.no_autoflush:
        _apply_trip(session, trip, draft)
        if draft.items is not None:
            _sync_items(session, trip, draft.items)
        else:
            member_ids = {pid for pid, _ in _member_list(draft)}
            for item in trip.items:
                _check_item(session, item_draft(item), trip, member_ids)
    session.flush()
    return trip_row(trip)


def _check_transition(old: TripStatus, new: TripStatus) -> None:
    if new not in TRIP_FLOW[old]:
        allowed = "、".join(s.zh for s in TRIP_FLOW[old]) or "无"
        raise ValidationError(
            "status",
            f"状态不能从“{old.zh}”改为“{new.zh}”（可改为：{allowed}）",
            f"The status cannot go from {old.en} to {new.en}",
        )


def set_trip_status(session: Session, code_or_id: str | int, status: TripStatus,
                    reason: str = "") -> TripRow:
    trip = get_trip(session, code_or_id)
    if status is trip.status:
        return trip_row(trip)
    _check_transition(trip.status, status)
    if status is TripStatus.CANCELLED:
        if not reason.strip():
            raise ValidationError("cancel_reason", "取消活动需要填写原因",
                                  "Cancelling needs a reason")
        trip.cancel_reason = reason.strip()
    trip.status = status
    session.flush()
    return trip_row(trip)


def cancel_trip(session: Session, code_or_id: str | int, reason: str) -> TripRow:
    return set_trip_status(session, code_or_id, TripStatus.CANCELLED, reason)


def delete_trip(session: Session, code_or_id: str | int) -> TripDraft:
    """Delete a trip and its itinerary; returns the draft that re-creates it (undo)."""
    draft = trip_draft(session, code_or_id)
    session.delete(get_trip(session, code_or_id))
    session.flush()
    return draft


def move_trip(session: Session, code_or_id: str | int, days: int,
              expected_revision: int | None = None) -> TripRow:
    """Shift a trip and every itinerary item by whole days, keeping local clock times."""
    trip = get_trip(session, code_or_id)
    _check_revision(trip, expected_revision, f"推广活动 {trip.code}")
    if days == 0:
        return trip_row(trip)
    trip.start_date += timedelta(days=days)
    trip.end_date += timedelta(days=days)
    for item in trip.items:
        item.starts_at = shift_local(item.starts_at, item.timezone, days)
        item.ends_at = shift_local(item.ends_at, item.timezone, days)
    session.flush()
    return trip_row(trip)


def duplicate_trip(session: Session, code_or_id: str | int, start_date: date,
                   title_zh: str | None = None) -> TripRow:
    """A new draft trip built from another as a template, starting on ``start_date``."""
    source = trip_draft(session, code_or_id)
    days = (start_date - source.start_date).days
    items = [
        replace(i, uuid=None, outcome="",
                starts_at=shift_local(i.starts_at, i.timezone, days),
                ends_at=shift_local(i.ends_at, i.timezone, days))
        for i in source.items or []
    ]
    copy = replace(
        source, code=None, uuid=None, status=TripStatus.DRAFT, cancel_reason="",
        title_zh=title_zh or f"{source.title_zh}（副本）",
        title_en=f"{source.title_en} (copy)" if source.title_en else "",
        start_date=start_date, end_date=source.end_date + timedelta(days=days), items=items,
    )
    return create_trip(session, copy)


# --- itinerary operations -------------------------------------------------------------------


def add_item(session: Session, trip_code_or_id: str | int, draft: ItemDraft) -> int:
    trip = get_trip(session, trip_code_or_id)
    _check_item(session, draft, trip, {pid for pid, _ in _member_list_of(trip)})
    item = ItineraryItem()
    with session.no_autoflush:
        _apply_item(session, item, draft)
        trip.items.append(item)
    session.flush()
    return item.id


def update_item(session: Session, item_id: int, draft: ItemDraft,
                expected_revision: int | None = None) -> None:
    item = session.get(ItineraryItem, item_id)
    if item is None:
        raise ValidationError("item", f"行程事项不存在（编号 {item_id}）",
                              f"No itinerary item {item_id}")
    _check_revision(item, expected_revision, f"行程事项“{item.title_zh}”")
    trip = item.trip
    _check_item(session, draft, trip, {pid for pid, _ in _member_list_of(trip)})
    with session.no_autoflush:
        _apply_item(session, item, draft)
    session.flush()


def move_item(session: Session, item_id: int, delta: timedelta) -> None:
    """Move an item by an exact duration (drag in the calendar)."""
    item = session.get(ItineraryItem, item_id)
    if item is None:
        raise ValidationError("item", f"行程事项不存在（编号 {item_id}）",
                              f"No itinerary item {item_id}")
    draft = item_draft(item)
    draft.starts_at += delta
    draft.ends_at += delta
    update_item(session, item_id, draft)


def delete_item(session: Session, item_id: int) -> ItemDraft:
    item = session.get(ItineraryItem, item_id)
    if item is None:
        raise ValidationError("item", f"行程事项不存在（编号 {item_id}）",
                              f"No itinerary item {item_id}")
    draft = item_draft(item)
    item.trip.items.remove(item)
    session.flush()
    return draft
