"""Operations on promotion trips (their itinerary items: ``models.operations.items``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from models import rules
from models.campaign import City, Industry, Region, Unit
from models.changes import OpChanges, OpResult, RecordKind
from models.enums import TRIP_FLOW, MemberRole, TripStatus
from models.errors import ConcurrentEditError, ValidationError
from models.operations.codes import next_code
from models.operations.items import ItemDraft, check_item, item_draft, sync_items
from models.organisations import Organisation
from models.people import Person
from models.queries import current_campaign, get_trip, loader_options
from models.row_builders import trip_row
from models.rows import TripRow
from models.timeutil import shift_local
from models.trips import Trip, TripMember

T = TypeVar("T")


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


# --- reading a trip back as a draft (editors, undo, duplicate) ------------------------------


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
    if draft.code and (existing is None or rules.code("code", draft.code) != existing.code):
        code = rules.code("code", draft.code)  # a trip's own code is its own (codes are unique)
        clash = session.scalars(select(Trip).where(Trip.code == code)).first()
        if clash is not None and clash is not existing:
            raise ValidationError("code", f"编号 {code} 已被“{clash.title_zh}”使用",
                                  f"The code {code} is already used by '{clash.title_zh}'")
    if draft.cancel_reason == "" and draft.status is TripStatus.CANCELLED and existing is None:
        raise ValidationError("cancel_reason", "取消活动需要填写原因",
                              "Cancelling needs a reason")


def delegation(draft: TripDraft) -> list[tuple[int, MemberRole]]:
    """The delegation as stored: the draft's members, with the leader first (as leader) when
    the members do not already name them."""
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
    by_person = {m.person_id: m for m in trip.members}
    members = []
    for position, (pid, role) in enumerate(delegation(draft)):
        member = by_person.get(pid) or TripMember(person_id=pid)
        member.role = role
        member.position = position
        members.append(member)
    trip.members = members


def _check_revision(trip: Trip, expected: int | None) -> None:
    if expected is not None and trip.revision != expected:
        raise ConcurrentEditError(f"推广活动 {trip.code}", expected, trip.revision)


def _check_transition(old: TripStatus, new: TripStatus) -> None:
    if new not in TRIP_FLOW[old]:
        allowed = "、".join(s.zh for s in TRIP_FLOW[old]) or "无"
        raise ValidationError(
            "status",
            f"状态不能从“{old.zh}”改为“{new.zh}”（可改为：{allowed}）",
            f"The status cannot go from {old.en} to {new.en}",
        )


def _check_step_back(current: TripStatus, earlier: TripStatus) -> None:
    """Taking back a step of TRIP_FLOW: ``current`` must be a step forward from ``earlier``."""
    if current not in TRIP_FLOW[earlier]:
        raise ValidationError(
            "status",
            f"状态不能从“{current.zh}”退回“{earlier.zh}”（“{earlier.zh}”不能改为“{current.zh}”）",
            f"The status cannot go back from {current.en} to {earlier.en}",
        )


def _trip_changes(trip: Trip, removed_items: set[int] | None = None) -> OpChanges:
    changes = OpChanges.of(RecordKind.TRIP, trip.id)
    item_ids = {i.id for i in trip.items} | (removed_items or set())
    if item_ids:
        changes = changes | OpChanges.of(RecordKind.ITEM, *item_ids)
    return changes


# --- trip operations ------------------------------------------------------------------------


def create_trip(session: Session, draft: TripDraft) -> OpResult[TripRow]:
    """Create a trip (and its itinerary when ``draft.items`` is given).

    A draft read from a deleted trip (``delete_trip``) re-creates it with its code and UUIDs.
    """
    _check_trip(session, draft, None)
    campaign = current_campaign(session) if draft.campaign_id is None else None
    campaign_id = draft.campaign_id if draft.campaign_id is not None else campaign.id  # type: ignore[union-attr]
    year = campaign.year if campaign else draft.start_date.year
    code = rules.code("code", draft.code) if draft.code else next_code(session, Trip.code, "TRIP", year)
    trip = Trip(code=code, campaign_id=campaign_id)
    if draft.uuid:
        trip.uuid = draft.uuid
    with session.no_autoflush:
        _apply_trip(session, trip, draft)
        session.add(trip)
        if draft.items:
            sync_items(session, trip, draft.items)
    session.flush()
    return OpResult(trip_row(trip), _trip_changes(trip))


def update_trip(session: Session, code_or_id: str | int, draft: TripDraft,
                expected_revision: int | None = None) -> OpResult[TripRow]:
    """Save an edited trip. ``expected_revision`` guards against overwriting another's change;
    a new status must be a step of TRIP_FLOW."""
    return _save_trip(session, code_or_id, draft, expected_revision, _check_transition)


def revert_trip(session: Session, code_or_id: str | int, draft: TripDraft,
                expected_revision: int | None = None) -> OpResult[TripRow]:
    """Put back the state a trip had before a change (undo), under the rules of ``update_trip``
    but one: the status may also take back a step of TRIP_FLOW (DONE back to UNDERWAY, a
    cancelled trip back to the status it was cancelled from), never jump anywhere else."""
    return _save_trip(session, code_or_id, draft, expected_revision, _check_step_back)


def _read_for_saving(session: Session, code_or_id: str | int,
                     draft: TripDraft) -> tuple[Trip, list[object]]:
    """The trip, read at once with what checking and saving ``draft`` over it look up one by
    one: its campaign, region, leader and unit, its collections with the delegation's and the
    items' people, then the people, cities, organisations and industries the draft names that
    this did not bring (one statement each, however many items; none when the draft names
    only what the trip already holds): the checks' ``session.get`` then find them in the
    session. The caller holds the list returned while it saves (the session keeps only weak
    references)."""
    trip = get_trip(session, code_or_id, *loader_options("TRIP_SAVE_OPTS"))
    items = draft.items if draft.items is not None else []
    people = {pid for pid, _role in draft.members} | {
        pid for item in items for pid in (*item.attendee_ids, *item.counterpart_ids)}
    if draft.leader_id is not None:
        people.add(draft.leader_id)
    wanted: list[tuple[type[Any], set[int]]] = [
        (Person, people),
        (City, set(draft.city_ids) | {i.city_id for i in items if i.city_id is not None}),
        (Organisation, set(draft.target_ids) | {
            i.organisation_id for i in items if i.organisation_id is not None}),
        (Industry, set(draft.industry_ids)),
    ]
    held: list[object] = [trip]
    for model, ids in wanted:
        missing = sorted(i for i in ids if not _in_session(session, model, i))
        if missing:
            held.extend(session.scalars(select(model).where(model.id.in_(missing))))
    return trip, held


def _in_session(session: Session, model: type[Any], ident: int) -> bool:
    """Whether the session holds the record, loaded (``session.get`` would not read it)."""
    found = session.identity_map.get(session.identity_key(model, ident))
    return found is not None and not inspect(found).expired_attributes


def _save_trip(session: Session, code_or_id: str | int, draft: TripDraft,
               expected_revision: int | None,
               check_status: Callable[[TripStatus, TripStatus], None]) -> OpResult[TripRow]:
    trip, _held = _read_for_saving(session, code_or_id, draft)  # held while it saves
    _check_revision(trip, expected_revision)
    _check_trip(session, draft, trip)
    if draft.status is not trip.status:
        check_status(trip.status, draft.status)
        if draft.status is TripStatus.CANCELLED and not draft.cancel_reason.strip():
            raise ValidationError("cancel_reason", "取消活动需要填写原因",
                                  "Cancelling needs a reason")
    if draft.code and rules.code("code", draft.code) != trip.code:
        trip.code = rules.code("code", draft.code)
    removed: set[int] = set()
    with session.no_autoflush:
        _apply_trip(session, trip, draft)
        if draft.items is not None:
            removed = sync_items(session, trip, draft.items)
        else:
            members = {pid for pid, _ in delegation(draft)}
            for item in trip.items:
                check_item(session, item_draft(item), trip, members)
    session.flush()
    return OpResult(trip_row(trip), _trip_changes(trip, removed))


def set_trip_status(session: Session, code_or_id: str | int, status: TripStatus,
                    reason: str = "") -> OpResult[TripRow]:
    trip = get_trip(session, code_or_id)
    changes = OpChanges.of(RecordKind.TRIP, trip.id)
    if status is trip.status:
        return OpResult(trip_row(trip), changes)
    _check_transition(trip.status, status)
    if status is TripStatus.CANCELLED:
        if not reason.strip():
            raise ValidationError("cancel_reason", "取消活动需要填写原因",
                                  "Cancelling needs a reason")
        trip.cancel_reason = reason.strip()
    trip.status = status
    session.flush()
    return OpResult(trip_row(trip), changes)


def cancel_trip(session: Session, code_or_id: str | int, reason: str) -> OpResult[TripRow]:
    return set_trip_status(session, code_or_id, TripStatus.CANCELLED, reason)


def delete_trip(session: Session, code_or_id: str | int) -> OpResult[TripDraft]:
    """Delete a trip and its itinerary; the draft that re-creates it (undo)."""
    draft = trip_draft(session, code_or_id)
    trip = get_trip(session, code_or_id)
    changes = _trip_changes(trip)
    session.delete(trip)
    session.flush()
    return OpResult(draft, changes)


def move_trip(session: Session, code_or_id: str | int, *, days: int = 0,
              delta: timedelta = timedelta(0),
              expected_revision: int | None = None) -> OpResult[TripRow]:
    """Shift a trip and every itinerary item by whole ``days``, keeping local clock times.

    A trip moves by whole days only: a ``delta`` is refused. ``expected_revision`` guards
    against moving what someone else has changed since.
    """
    if delta:
        raise ValidationError("start_date", "推广活动只能按整天移动",
                              "A promotion trip moves by whole days only")
    trip = get_trip(session, code_or_id)
    _check_revision(trip, expected_revision)
    if days == 0:
        return OpResult(trip_row(trip), OpChanges.of(RecordKind.TRIP, trip.id))
    trip.start_date += timedelta(days=days)
    trip.end_date += timedelta(days=days)
    for item in trip.items:
        item.starts_at = shift_local(item.starts_at, item.timezone, days)
        item.ends_at = shift_local(item.ends_at, item.timezone, days)
    session.flush()
    return OpResult(trip_row(trip), _trip_changes(trip))


def duplicate_trip(session: Session, code_or_id: str | int, start_date: date,
                   title_zh: str | None = None) -> OpResult[TripRow]:
    """A new draft trip built from another as a template, starting on ``start_date``."""
    source = trip_draft(session, code_or_id)
    days = (start_date - source.start_date).days
    items = [
        replace(i, uuid=None, outcome="", external_uid="",
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


