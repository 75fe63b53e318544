"""Operations on themed investment events, their agenda and invitations."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import rules
from models.base import utcnow
from models.campaign import City, Industry, Unit
from models.changes import OpChanges, OpResult, RecordKind
from models.enums import EventKind, EventStatus, RsvpState
from models.errors import ConcurrentEditError, ValidationError
from models.events import AgendaSession, Invitation, StaffPost, ThemedEvent, UnitDuty, VipSeat
from models.operations.codes import next_code
from models.organisations import Organisation
from models.people import Person
from models.queries import current_campaign, get_event
from models.row_builders import event_row
from models.rows import EventRow
from models.timeutil import shift_local


@dataclass
class SessionDraft:
    title_zh: str
    starts_at: datetime
    ends_at: datetime
    title_en: str = ""
    room: str = ""
    speaker_ids: list[int] = field(default_factory=list)
    notes: str = ""
    uuid: str | None = None


@dataclass
class InvitationDraft:
    organisation_id: int
    rsvp: RsvpState = RsvpState.INVITED
    guests: int = 1
    notes: str = ""


@dataclass
class StaffPostDraft:
    """A staff post of the run-of-show: the post, its room, who, from–to, the duty."""

    post: str
    starts_at: datetime
    ends_at: datetime
    room: str = ""
    person_id: int | None = None
    duty: str = ""
    post_en: str = ""
    room_en: str = ""
    duty_en: str = ""


@dataclass
class VipSeatDraft:
    """A guest of honour and their seat; organisation and title as the seating list prints
    them (from the directory unless given)."""

    person_id: int
    table_no: str = ""
    seat_no: str = ""
    organisation_id: int | None = None
    title: str = ""


@dataclass
class UnitDutyDraft:
    """What one responsible unit does for the event, and whom to call there."""

    unit_id: int
    duty: str
    contact_person_id: int | None = None


@dataclass
class EventDraft:
    kind: EventKind
    title_zh: str
    starts_at: datetime
    ends_at: datetime
    timezone: str
    title_en: str = ""
    code: str | None = None
    campaign_id: int | None = None
    venue: str = ""
    city_id: int | None = None
    host_unit_id: int | None = None
    lead_person_id: int | None = None
    capacity: int | None = None
    status: EventStatus = EventStatus.DRAFT
    industry_ids: list[int] = field(default_factory=list)
    description: str = ""
    responsibilities: str = ""
    notes: str = ""
    cancel_reason: str = ""
    sessions: list[SessionDraft] | None = None  # None: leave the agenda as it is
    invitations: list[InvitationDraft] | None = None  # None: leave invitations as they are
    staff_posts: list[StaffPostDraft] | None = None  # None: leave the run-of-show as it is
    vip_seats: list[VipSeatDraft] | None = None
    unit_duties: list[UnitDutyDraft] | None = None
    uuid: str | None = None
    external_uid: str = ""  # the UID of the partner's calendar entry it came from


def event_draft(session: Session, code_or_id: str | int) -> EventDraft:
    e = get_event(session, code_or_id)
    return EventDraft(
        kind=e.kind, title_zh=e.title_zh, title_en=e.title_en, starts_at=e.starts_at,
        ends_at=e.ends_at, timezone=e.timezone, code=e.code, campaign_id=e.campaign_id,
        venue=e.venue, city_id=e.city_id, host_unit_id=e.host_unit_id,
        lead_person_id=e.lead_person_id, capacity=e.capacity, status=e.status,
        industry_ids=[i.id for i in e.industries], description=e.description,
        responsibilities=e.responsibilities, notes=e.notes, cancel_reason=e.cancel_reason,
        sessions=[
            SessionDraft(s.title_zh, s.starts_at, s.ends_at, s.title_en, s.room,
                         [p.id for p in s.speakers], s.notes, s.uuid)
            for s in e.sessions
        ],
        invitations=[
            InvitationDraft(i.organisation_id, i.rsvp, i.guests, i.notes) for i in e.invitations
        ],
        staff_posts=[StaffPostDraft(p.post, p.starts_at, p.ends_at, p.room, p.person_id, p.duty,
                                    p.post_en, p.room_en, p.duty_en)
                     for p in e.staff_posts],
        vip_seats=[VipSeatDraft(v.person_id, v.table_no, v.seat_no, v.organisation_id, v.title)
                   for v in e.vip_seats],
        unit_duties=[UnitDutyDraft(u.unit_id, u.duty, u.contact_person_id)
                     for u in e.unit_duties],
        uuid=e.uuid, external_uid=e.external_uid,
    )


def _check(session: Session, d: EventDraft, existing: ThemedEvent | None) -> None:
    rules.required_name("title_zh", d.title_zh, "活动名称", "Event title")
    rules.timezone_name("timezone", d.timezone)
    rules.aware("starts_at", d.starts_at)
    rules.aware("ends_at", d.ends_at)
    rules.span("starts_at", d.starts_at, d.ends_at)
    if d.capacity is not None:
        rules.non_negative("capacity", d.capacity, "容纳人数", "Capacity")
    if d.city_id is not None and session.get(City, d.city_id) is None:
        raise ValidationError("city_id", f"城市不存在（编号 {d.city_id}）",
                              f"No such city (id {d.city_id})")
    if d.host_unit_id is not None and session.get(Unit, d.host_unit_id) is None:
        raise ValidationError("host_unit_id", f"责任单位不存在（编号 {d.host_unit_id}）",
                              f"No such unit (id {d.host_unit_id})")
    if d.lead_person_id is not None:
        rules.person(session, "lead_person_id", d.lead_person_id, "出席领导", "lead person")
    if d.code:
        code = rules.code("code", d.code)
        clash = session.scalars(select(ThemedEvent).where(ThemedEvent.code == code)).first()
        if clash is not None and clash is not existing:
            raise ValidationError("code", f"编号 {code} 已被“{clash.title_zh}”使用",
                                  f"The code {code} is already used by '{clash.title_zh}'")
    if d.status is EventStatus.CANCELLED and not d.cancel_reason.strip():
        raise ValidationError("cancel_reason", "取消活动需要填写原因", "Cancelling needs a reason")
    for s in d.sessions or []:
        rules.required_name("sessions", s.title_zh, "议程名称", "Session title")
        rules.aware("sessions", s.starts_at)
        rules.aware("sessions", s.ends_at)
        rules.span("sessions", s.starts_at, s.ends_at)
        if s.starts_at < d.starts_at or s.ends_at > d.ends_at:
            raise ValidationError("sessions", f"议程“{s.title_zh}”超出了活动的起止时间",
                                  f"Session '{s.title_zh}' lies outside the event's times")
        for pid in s.speaker_ids:
            rules.person(session, "sessions", pid, "演讲嘉宾", "speaker")
    seen: set[int] = set()
    for inv in d.invitations or []:
        if session.get(Organisation, inv.organisation_id) is None:
            raise ValidationError("invitations", f"机构不存在（编号 {inv.organisation_id}）",
                                  f"No such organisation (id {inv.organisation_id})")
        if inv.organisation_id in seen:
            raise ValidationError("invitations", "同一机构被邀请了两次",
                                  "The same organisation is invited twice")
        seen.add(inv.organisation_id)
        rules.non_negative("invitations", inv.guests, "来宾人数", "Guests")
    _check_run_of_show(session, d)


def _check_run_of_show(session: Session, d: EventDraft) -> None:
    """Staff posts lie within the event's days (local dates: setting up before the doors open
    is fine, the day before is not); a guest of honour is listed once and a seat (table and
    seat number) is given once; each unit's duty is said once."""
    zone = ZoneInfo(d.timezone)
    first, last = d.starts_at.astimezone(zone).date(), d.ends_at.astimezone(zone).date()
    for p in d.staff_posts or []:
        rules.required_name("staff_posts", p.post, "岗位名称", "Post")
        rules.aware("staff_posts", p.starts_at)
        rules.aware("staff_posts", p.ends_at)
        rules.span("staff_posts", p.starts_at, p.ends_at)
        if (p.starts_at.astimezone(zone).date() < first
                or p.ends_at.astimezone(zone).date() > last):
            raise ValidationError("staff_posts", f"岗位“{p.post}”的时间不在活动当天（当地时间）",
                                  f"The post '{p.post}' lies outside the event's days "
                                  "(local time)")
        if p.person_id is not None:
            rules.person(session, "staff_posts", p.person_id, "岗位人员", "person on the post")
    people: set[int] = set()
    seats: set[tuple[str, str]] = set()
    for v in d.vip_seats or []:
        person = rules.person(session, "vip_seats", v.person_id, "贵宾", "guest of honour")
        if v.person_id in people:
            raise ValidationError("vip_seats", f"贵宾“{person.name_zh}”列了两次",
                                  f"The guest of honour '{person.name_en or person.name_zh}' "
                                  "is listed twice")
        people.add(v.person_id)
        if v.organisation_id is not None and session.get(Organisation, v.organisation_id) is None:
            raise ValidationError("vip_seats", f"机构不存在（编号 {v.organisation_id}）",
                                  f"No such organisation (id {v.organisation_id})")
        seat = (v.table_no.strip(), v.seat_no.strip())
        if seat[1]:
            if seat in seats:
                raise ValidationError(
                    "vip_seats", f"第 {seat[0] or '—'} 桌 {seat[1]} 号座位安排了两位贵宾",
                    f"Table {seat[0] or '—'}, seat {seat[1]} is given twice")
            seats.add(seat)
    units: set[int] = set()
    for u in d.unit_duties or []:
        unit = session.get(Unit, u.unit_id)
        if unit is None:
            raise ValidationError("unit_duties", f"责任单位不存在（编号 {u.unit_id}）",
                                  f"No such unit (id {u.unit_id})")
        if u.unit_id in units:
            raise ValidationError("unit_duties", f"“{unit.name_zh}”的职责写了两次，请合并为一条",
                                  f"The duty of '{unit.name_en or unit.name_zh}' is given twice: "
                                  "merge them")
        units.add(u.unit_id)
        rules.required_name("unit_duties", u.duty, "职责", "Duty")
        if u.contact_person_id is not None:
            rules.person(session, "unit_duties", u.contact_person_id, "联系人", "contact")


def _apply(session: Session, e: ThemedEvent, d: EventDraft) -> None:
    e.kind = d.kind
    e.title_zh = d.title_zh.strip()
    e.title_en = d.title_en.strip()
    e.starts_at = d.starts_at
    e.ends_at = d.ends_at
    e.timezone = d.timezone.strip()
    e.venue = d.venue.strip()
    e.city_id = d.city_id
    e.host_unit_id = d.host_unit_id
    e.lead_person_id = d.lead_person_id
    e.capacity = d.capacity
    e.status = d.status
    e.description = d.description
    e.responsibilities = d.responsibilities
    e.notes = d.notes
    e.cancel_reason = d.cancel_reason
    e.external_uid = d.external_uid.strip()
    e.industries = [session.get_one(Industry, i) for i in dict.fromkeys(d.industry_ids)]
    if d.sessions is not None:
        by_uuid = {s.uuid: s for s in e.sessions}
        sessions = []
        for sd in d.sessions:
            s = by_uuid.pop(sd.uuid, None) if sd.uuid else None
            if s is None:
                s = AgendaSession()
                if sd.uuid:
                    s.uuid = sd.uuid
            s.title_zh = sd.title_zh.strip()
            s.title_en = sd.title_en.strip()
            s.starts_at = sd.starts_at
            s.ends_at = sd.ends_at
            s.room = sd.room
            s.notes = sd.notes
            s.speakers = [session.get_one(Person, p) for p in dict.fromkeys(sd.speaker_ids)]
            sessions.append(s)
        e.sessions = sessions
    if d.invitations is not None:
        by_org = {i.organisation_id: i for i in e.invitations}
        invitations = []
        for inv in d.invitations:
            row = by_org.get(inv.organisation_id) or Invitation(
                organisation_id=inv.organisation_id
            )
            row.rsvp = inv.rsvp
            row.guests = inv.guests
            row.notes = inv.notes
            invitations.append(row)
        e.invitations = invitations
    _apply_run_of_show(session, e, d)


def _apply_run_of_show(session: Session, e: ThemedEvent, d: EventDraft) -> None:
    """Rows are rewritten in place, in the order given (fewer rows: the last ones go)."""
    if d.staff_posts is not None:
        posts = list(e.staff_posts[:len(d.staff_posts)])
        posts += [StaffPost() for _ in range(len(d.staff_posts) - len(posts))]
        for n, (row, pd) in enumerate(zip(posts, d.staff_posts, strict=True)):
            row.position, row.post, row.room = n, pd.post.strip(), pd.room.strip()
            row.person_id, row.duty = pd.person_id, pd.duty
            row.post_en, row.room_en, row.duty_en = (pd.post_en.strip(), pd.room_en.strip(),
                                                     pd.duty_en)
            row.starts_at, row.ends_at = pd.starts_at, pd.ends_at
        e.staff_posts = posts
    if d.vip_seats is not None:
        seats = list(e.vip_seats[:len(d.vip_seats)])
        seats += [VipSeat() for _ in range(len(d.vip_seats) - len(seats))]
        for n, (seat, vd) in enumerate(zip(seats, d.vip_seats, strict=True)):
            person = session.get_one(Person, vd.person_id)
            seat.position, seat.person_id = n, vd.person_id
            seat.organisation_id = (vd.organisation_id if vd.organisation_id is not None
                                    else person.organisation_id)
            seat.title = vd.title.strip() or person.title_zh
            seat.table_no, seat.seat_no = vd.table_no.strip(), vd.seat_no.strip()
        e.vip_seats = seats
    if d.unit_duties is not None:
        duties = list(e.unit_duties[:len(d.unit_duties)])
        duties += [UnitDuty() for _ in range(len(d.unit_duties) - len(duties))]
        for n, (duty, ud) in enumerate(zip(duties, d.unit_duties, strict=True)):
            duty.position, duty.unit_id = n, ud.unit_id
            duty.duty, duty.contact_person_id = ud.duty.strip(), ud.contact_person_id
        e.unit_duties = duties


def _check_revision(e: ThemedEvent, expected: int | None) -> None:
    if expected is not None and e.revision != expected:
        raise ConcurrentEditError(f"专题活动 {e.code}", expected, e.revision)


def _event_changes(e: ThemedEvent) -> OpChanges:
    """The event and its agenda sessions."""
    changes = OpChanges.of(RecordKind.EVENT, e.id)
    if e.sessions:
        changes = changes | OpChanges.of(RecordKind.SESSION, *(s.id for s in e.sessions))
    return changes


def create_event(session: Session, draft: EventDraft) -> OpResult[EventRow]:
    """A new event; a draft read from a deleted one (``delete_event``) re-creates it with its
    code and UUIDs."""
    _check(session, draft, None)
    campaign = current_campaign(session) if draft.campaign_id is None else None
    campaign_id = draft.campaign_id if draft.campaign_id is not None else campaign.id  # type: ignore[union-attr]
    year = campaign.year if campaign else draft.starts_at.year
    code = (rules.code("code", draft.code) if draft.code
            else next_code(session, ThemedEvent.code, "EVT", year))
    event = ThemedEvent(code=code, campaign_id=campaign_id)
    if draft.uuid:
        event.uuid = draft.uuid
    with session.no_autoflush:
        _apply(session, event, draft)
        session.add(event)
    session.flush()
    return OpResult(event_row(event), _event_changes(event))


def update_event(session: Session, code_or_id: str | int, draft: EventDraft,
                 expected_revision: int | None = None) -> OpResult[EventRow]:
    event = get_event(session, code_or_id)
    before = {s.id for s in event.sessions} if draft.sessions is not None else set()
    _check_revision(event, expected_revision)
    _check(session, draft, event)
    if draft.code and rules.code("code", draft.code) != event.code:
        event.code = rules.code("code", draft.code)
    with session.no_autoflush:
        _apply(session, event, draft)
    session.flush()
    changes = _event_changes(event)
    if before:  # sessions removed from the agenda changed too
        changes = changes | OpChanges.of(RecordKind.SESSION, *before)
    return OpResult(event_row(event), changes)


def cancel_event(session: Session, code_or_id: str | int, reason: str) -> OpResult[EventRow]:
    if not reason.strip():
        raise ValidationError("cancel_reason", "取消活动需要填写原因", "Cancelling needs a reason")
    event = get_event(session, code_or_id)
    event.status = EventStatus.CANCELLED
    event.cancel_reason = reason.strip()
    session.flush()
    return OpResult(event_row(event), OpChanges.of(RecordKind.EVENT, event.id))


def set_event_status(session: Session, code_or_id: str | int, status: EventStatus,
                     reason: str = "") -> OpResult[EventRow]:
    if status is EventStatus.CANCELLED:
        return cancel_event(session, code_or_id, reason)
    event = get_event(session, code_or_id)
    event.status = status
    session.flush()
    return OpResult(event_row(event), OpChanges.of(RecordKind.EVENT, event.id))


def delete_event(session: Session, code_or_id: str | int) -> OpResult[EventDraft]:
    """Delete an event, its agenda and invitations; the draft that re-creates it (undo)."""
    draft = event_draft(session, code_or_id)
    event = get_event(session, code_or_id)
    changes = _event_changes(event)
    session.delete(event)
    session.flush()
    return OpResult(draft, changes)


def move_event(session: Session, code_or_id: str | int, *, days: int = 0,
               delta: timedelta = timedelta(0), end_delta: timedelta = timedelta(0),
               expected_revision: int | None = None) -> OpResult[EventRow]:
    """Move an event and its agenda by whole ``days`` (each time keeps its local clock time in
    the event's zone, safe across daylight saving) and then by an exact ``delta`` (a drag).
    ``end_delta`` then moves the event's end alone (its length dragged in the week view; the
    agenda stays); the end stays after the start. ``expected_revision`` guards against moving
    what someone else has changed since."""
    event = get_event(session, code_or_id)
    _check_revision(event, expected_revision)

    def shift(t: datetime) -> datetime:
        return (shift_local(t, event.timezone, days) if days else t) + delta

    event.starts_at = shift(event.starts_at)
    event.ends_at = shift(event.ends_at) + end_delta
    rules.span("starts_at", event.starts_at, event.ends_at)
    for s in event.sessions:
        s.starts_at = shift(s.starts_at)
        s.ends_at = shift(s.ends_at)
    for p in event.staff_posts:
        p.starts_at = shift(p.starts_at)
        p.ends_at = shift(p.ends_at)
    session.flush()
    return OpResult(event_row(event), _event_changes(event))


def set_rsvp(session: Session, code_or_id: str | int, organisation_id: int, rsvp: RsvpState,
             guests: int | None = None) -> OpResult[None]:
    event = get_event(session, code_or_id)
    for inv in event.invitations:
        if inv.organisation_id == organisation_id:
            inv.rsvp = rsvp
            if guests is not None:
                inv.guests = rules.non_negative("guests", guests, "来宾人数", "Guests")
            break
    else:
        if session.get(Organisation, organisation_id) is None:
            raise ValidationError("organisation_id", f"机构不存在（编号 {organisation_id}）",
                                  f"No such organisation (id {organisation_id})")
        event.invitations.append(Invitation(organisation_id=organisation_id, rsvp=rsvp,
                                            guests=guests or 1))
    event.updated_at = utcnow()  # an RSVP change is a change of the event: new revision
    session.flush()
    return OpResult(None, OpChanges.of(RecordKind.EVENT, event.id))


def duplicate_event(session: Session, code_or_id: str | int, days: int) -> OpResult[EventRow]:
    d = event_draft(session, code_or_id)
    copy = replace(
        d, code=None, uuid=None, status=EventStatus.DRAFT, cancel_reason="",
        title_zh=f"{d.title_zh}（副本）", title_en=f"{d.title_en} (copy)" if d.title_en else "",
        starts_at=shift_local(d.starts_at, d.timezone, days),
        ends_at=shift_local(d.ends_at, d.timezone, days),
        sessions=[replace(s, uuid=None, starts_at=shift_local(s.starts_at, d.timezone, days),
                          ends_at=shift_local(s.ends_at, d.timezone, days))
                  for s in d.sessions or []],
        staff_posts=[replace(p, starts_at=shift_local(p.starts_at, d.timezone, days),
                             ends_at=shift_local(p.ends_at, d.timezone, days))
                     for p in d.staff_posts or []],
    )
    return create_event(session, copy)
