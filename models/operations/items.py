"""Operations on the itinerary items of a promotion trip.

An item belongs to its trip: a trip's revision counts its itinerary, so every change of an
item reports the trip as changed too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from models import rules
from models.campaign import City
from models.changes import OpChanges, OpResult, RecordKind
from models.enums import ItemKind
from models.errors import ConcurrentEditError, ValidationError
from models.organisations import Organisation
from models.people import Person
from models.queries import get_trip
from models.timeutil import local_date, shift_local
from models.trips import ItineraryItem, Trip


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
    all_day: bool = False  # starts_at is local midnight of the first day, ends_at 23:59 of the last
    external_uid: str = ""  # the UID of the partner's calendar entry it came from
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


def item_draft(item: ItineraryItem) -> ItemDraft:
    """An item read back as a draft (editors, undo, duplicate)."""
    return ItemDraft(
        kind=item.kind, title_zh=item.title_zh, title_en=item.title_en,
        starts_at=item.starts_at, ends_at=item.ends_at, timezone=item.timezone,
        city_id=item.city_id, place=item.place, organisation_id=item.organisation_id,
        attendee_ids=[p.id for p in item.attendees], notes=item.notes, outcome=item.outcome,
        uuid=item.uuid, all_day=item.all_day, external_uid=item.external_uid,
        travel=TravelDetails(**{name: getattr(item, name) for name in TRAVEL_FIELDS}),
        counterpart_ids=[p.id for p in item.counterparts], ask=item.ask, offer=item.offer,
    )


def item_changes(trip: Trip, *item_ids: int | None) -> OpChanges:
    """Items changed: they and their trip."""
    return OpChanges.of(RecordKind.TRIP, trip.id) | OpChanges.of(RecordKind.ITEM, *item_ids)


# --- validation -------------------------------------------------------------------------------


def check_item(session: Session, draft: ItemDraft, trip: Trip, member_ids: set[int]) -> None:
    """The rules of an item: a title, aware times in a known zone, inside the trip's dates,
    existing city and organisation, attendees from the delegation (``member_ids``)."""
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


def apply_item(session: Session, item: ItineraryItem, draft: ItemDraft) -> None:
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
    item.all_day = draft.all_day
    item.external_uid = draft.external_uid.strip()
    for name in TRAVEL_FIELDS:
        setattr(item, name, getattr(draft.travel, name).strip())
    item.counterparts = [session.get_one(Person, pid)
                         for pid in dict.fromkeys(draft.counterpart_ids)]
    item.ask = draft.ask
    item.offer = draft.offer
    if draft.uuid and not item.uuid:
        item.uuid = draft.uuid


def member_ids(trip: Trip) -> set[int]:
    """The people of a trip's delegation as stored."""
    return {m.person_id for m in trip.members}


def sync_items(session: Session, trip: Trip, drafts: list[ItemDraft]) -> set[int]:
    """Make ``trip``'s itinerary the one of ``drafts`` (matched by UUID); the ids of the items
    removed (those kept or added are in ``trip.items`` after the caller's flush)."""
    members = member_ids(trip)
    for d in drafts:
        check_item(session, d, trip, members)
    by_uuid = {i.uuid: i for i in trip.items}
    for d in drafts:
        item = by_uuid.pop(d.uuid, None) if d.uuid else None
        if item is None:
            item = ItineraryItem()
            trip.items.append(item)
        apply_item(session, item, d)
    removed = {orphan.id for orphan in by_uuid.values()}
    for orphan in by_uuid.values():
        trip.items.remove(orphan)
    return removed


def _get_item(session: Session, item_id: int) -> ItineraryItem:
    item = session.get(ItineraryItem, item_id)
    if item is None:
        raise ValidationError("item", f"行程事项不存在（编号 {item_id}）",
                              f"No itinerary item {item_id}")
    return item


def _check_revision(item: ItineraryItem, expected: int | None) -> None:
    if expected is not None and item.revision != expected:
        raise ConcurrentEditError(f"行程事项“{item.title_zh}”", expected, item.revision)


# --- operations -------------------------------------------------------------------------------


def add_item(session: Session, trip_code_or_id: str | int, draft: ItemDraft) -> OpResult[int]:
    """A new item in a trip's itinerary; its id."""
    trip = get_trip(session, trip_code_or_id)
    check_item(session, draft, trip, member_ids(trip))
    item = ItineraryItem()
    with session.no_autoflush:
        apply_item(session, item, draft)
        trip.items.append(item)
    session.flush()
    return OpResult(item.id, item_changes(trip, item.id))


def add_items(session: Session, trip_code_or_id: str | int, drafts: Sequence[ItemDraft],
              on_error: Callable[[int, ValidationError], ValidationError] | None = None
              ) -> OpResult[list[int]]:
    """Add many items to a trip at once (imports): each is checked by the same rules as
    :func:`add_item`, then all are written in one flush, so the work per item does not grow
    with the items the trip already has. ``on_error(index, error)`` may reword a refusal."""
    trip = get_trip(session, trip_code_or_id)
    members = member_ids(trip)
    for index, draft in enumerate(drafts):
        try:
            check_item(session, draft, trip, members)
        except ValidationError as exc:
            raise (on_error(index, exc) if on_error is not None else exc) from exc
    items = []
    with session.no_autoflush:
        for draft in drafts:
            item = ItineraryItem()
            apply_item(session, item, draft)
            trip.items.append(item)
            items.append(item)
    session.flush()
    ids = [item.id for item in items]
    return OpResult(ids, item_changes(trip, *ids))


def update_item(session: Session, item_id: int, draft: ItemDraft,
                expected_revision: int | None = None) -> OpResult[None]:
    item = _get_item(session, item_id)
    _check_revision(item, expected_revision)
    trip = item.trip
    check_item(session, draft, trip, member_ids(trip))
    with session.no_autoflush:
        apply_item(session, item, draft)
    session.flush()
    return OpResult(None, item_changes(trip, item_id))


def move_item(session: Session, item_id: int, *, days: int = 0,
              delta: timedelta = timedelta(0), end_delta: timedelta = timedelta(0),
              expected_revision: int | None = None) -> OpResult[None]:
    """Move an item by whole ``days`` (each end keeps its local clock time, safe across daylight
    saving) and then by an exact ``delta`` (a drag in the calendar); ``end_delta`` then moves
    its end alone (its length dragged in the week view). The item's rules hold after the move
    (inside its trip's dates, the end after the start); ``expected_revision`` guards against
    moving what someone else has changed since."""
    item = _get_item(session, item_id)
    _check_revision(item, expected_revision)
    draft = item_draft(item)
    if days:
        draft.starts_at = shift_local(draft.starts_at, draft.timezone, days)
        draft.ends_at = shift_local(draft.ends_at, draft.timezone, days)
    draft.starts_at += delta
    draft.ends_at += delta + end_delta
    return update_item(session, item_id, draft)


def delete_item(session: Session, item_id: int) -> OpResult[ItemDraft]:
    """Remove an item from its trip; the draft that re-creates it (undo)."""
    item = _get_item(session, item_id)
    draft = item_draft(item)
    trip = item.trip
    trip.items.remove(item)
    session.flush()
    return OpResult(draft, item_changes(trip, item_id))
