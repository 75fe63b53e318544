"""Audit history: who changed which record, when, which fields, from what to what.

Every flush of a planner session (:class:`models.concurrency.PlannerSession`) writes one
``audit_log`` row per editable record it creates, changes or deletes, in the same transaction
as the change itself: a rolled-back save leaves no history, a committed one always has it.

- ``changes`` maps each field to ``[old, new]`` in plain JSON: references to other records as
  their labels at the time (a leader's name, an organisation's name), enums as their values,
  dates as ISO text, instants as ISO text in the record's own time zone, collections (cities,
  delegation, invitations, attendees) as lists. A deleted record keeps its last content.
- A change to a record's parts (its itinerary, agenda, delegation, invitations) is a change of
  the record: its revision rises, so a stale save of the whole record is refused too.
- "Who" is :func:`current_actor`: ``session.info["actor"]``, else what the program set with
  :func:`set_actor`, else ``$CAMPAIGN_PLANNER_USER``, else ``user@host`` of the OS.
"""

from __future__ import annotations

import enum
import getpass
import os
import socket
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import (
    JSON,
    ColumnElement,
    Enum,
    Index,
    Integer,
    String,
    Table,
    event,
    insert,
    inspect,
    or_,
    select,
)
from sqlalchemy.orm import Mapped, Mapper, RelationshipProperty, Session, UOWTransaction, mapped_column
from sqlalchemy.orm.attributes import History

from models.base import Base, Editable, utcnow
from models.concurrency import PlannerSession
from models.errors import NotFoundError
from models.language import Lang
from models.timeutil import BEIJING_TZ
from models.wording import utc_offset

ACTOR_VAR = "CAMPAIGN_PLANNER_USER"
CREATE, UPDATE, DELETE = "create", "update", "delete"
ACTIONS = {CREATE: ("新建", "created"), UPDATE: ("修改", "changed"), DELETE: ("删除", "deleted")}
SKIPPED_FIELDS = frozenset({"id", "uuid", "revision", "created_at", "updated_at"})

# record_type (table name) -> (Chinese, English) label; the keys the history queries accept.
RECORD_TYPES: dict[str, tuple[str, str]] = {
    "campaigns": ("年度计划", "campaign"),
    "trips": ("推广活动", "trip"),
    "itinerary_items": ("行程事项", "itinerary item"),
    "themed_events": ("专题活动", "event"),
    "agenda_sessions": ("议程", "agenda session"),
    "people": ("人员", "person"),
    "organisations": ("机构", "organisation"),
    "leads": ("项目", "lead"),
    "hq_visits": ("总部拜访", "HQ visit"),
}

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "code": ("编号", "code"),
    "title_zh": ("名称", "title"),
    "title_en": ("英文名称", "English title"),
    "name_zh": ("名称", "name"),
    "name_en": ("英文名称", "English name"),
    "campaign": ("年度计划", "campaign"),
    "region": ("区域", "region"),
    "start_date": ("开始日期", "start date"),
    "end_date": ("结束日期", "end date"),
    "leader": ("带队领导", "leader"),
    "host_unit": ("责任单位", "host unit"),
    "unit": ("所属单位", "unit"),
    "status": ("状态", "status"),
    "purpose": ("目的", "purpose"),
    "key_messages": ("主要推介内容", "key messages"),
    "logistics": ("后勤安排", "logistics"),
    "emergency_contacts": ("紧急联系人", "emergency contacts"),
    "cancel_reason": ("取消原因", "reason for cancelling"),
    "notes": ("备注", "notes"),
    "cities": ("城市", "cities"),
    "industries": ("产业", "industries"),
    "targets": ("目标机构", "target organisations"),
    "members": ("团组成员", "delegation"),
    "kind": ("类别", "kind"),
    "starts_at": ("开始时间", "starts"),
    "ends_at": ("结束时间", "ends"),
    "timezone": ("时区", "time zone"),
    "city": ("城市", "city"),
    "place": ("地点", "place"),
    "organisation": ("机构", "organisation"),
    "outcome": ("成果", "outcome"),
    "attendees": ("参加人员", "attendees"),
    "venue": ("场地", "venue"),
    "lead_person": ("负责领导", "lead person"),
    "capacity": ("容量", "capacity"),
    "description": ("简介", "description"),
    "responsibilities": ("分工", "responsibilities"),
    "invitations": ("邀请机构", "invitations"),
    "room": ("会议室", "room"),
    "speakers": ("发言人", "speakers"),
    "event": ("专题活动", "event"),
    "title": ("职务", "title"),
    "phone": ("电话", "phone"),
    "email": ("电子邮箱", "e-mail"),
    "languages": ("语言", "languages"),
    "industry": ("产业", "industry"),
    "fortune_global_500_rank": ("世界500强排名", "Fortune Global 500 rank"),
    "china_top_500_rank": ("中国500强排名", "China Top 500 rank"),
    "hq_city": ("总部城市", "HQ city"),
    "hq_country": ("总部国家", "HQ country"),
    "website": ("网站", "website"),
    "talking_points": ("洽谈要点", "talking points"),
    "amount_cny": ("投资金额（元）", "amount (CNY)"),
    "stage": ("阶段", "stage"),
    "source_trip": ("来源推广活动", "source trip"),
    "source_event": ("来源专题活动", "source event"),
    "first_contact_on": ("首次接洽", "first contact"),
    "signed_on": ("签约日期", "signed on"),
    "funds_in_cny": ("到位资金（元）", "funds in (CNY)"),
    "visited_on": ("拜访日期", "visited on"),
    "team": ("小分队", "team"),
    "trip": ("推广活动", "trip"),
    "year": ("年度", "year"),
    "slogan": ("口号", "slogan"),
    "person": ("人员", "person"),
    "role": ("角色", "role"),
    "rsvp": ("回复", "RSVP"),
    "guests": ("人数", "guests"),
}


# labels that differ by kind of record (a person's title is a job title)
TYPE_FIELD_LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ("people", "title_zh"): ("职务", "job title"),
    ("people", "title_en"): ("英文职务", "English job title"),
    ("people", "kind"): ("人员类别", "kind of person"),
    ("people", "organisation"): ("所属机构", "organisation"),
    ("organisations", "kind"): ("机构类别", "kind of organisation"),
    ("themed_events", "kind"): ("活动类别", "kind of event"),
    ("itinerary_items", "kind"): ("事项类别", "kind of item"),
}


class AuditEntry(Base):
    """One change of one record."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_record", "record_type", "record_id"),
        Index("ix_audit_log_parent", "parent_type", "parent_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(10))
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    record_uuid: Mapped[str] = mapped_column(String(36), default="")
    record_label: Mapped[str] = mapped_column(String(300), default="", index=True)
    parent_type: Mapped[str | None] = mapped_column(String(40))
    parent_id: Mapped[int | None] = mapped_column(Integer)
    revision: Mapped[int | None] = mapped_column(Integer)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# --- who ----------------------------------------------------------------------------------

_actor: str | None = None


def default_actor() -> str:
    """``$CAMPAIGN_PLANNER_USER``, else ``user@host``: office PCs often share one account name."""
    configured = os.environ.get(ACTOR_VAR, "").strip()
    if configured:
        return configured
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no login name in the environment nor the password database
        user = "unknown"
    host = socket.gethostname().split(".")[0]
    return f"{user}@{host}" if host else user


def set_actor(name: str | None) -> None:
    """Who the program's following changes are by (None: back to :func:`default_actor`)."""
    global _actor
    _actor = name.strip() if name and name.strip() else None


def current_actor(session: Session | None = None) -> str:
    if session is not None and session.info.get("actor"):
        return str(session.info["actor"])
    return _actor or default_actor()


# --- describing records and values ---------------------------------------------------------


def record_label(obj: object) -> str:
    """How a record is named in the history and in messages: its code, else its name."""
    keys = ("code", "name_zh", "title_zh") if isinstance(obj, Editable) else (
        "name_zh", "title_zh", "code")
    for key in keys:
        value = getattr(obj, key, None)
        if value:
            return str(value)
    visited = getattr(obj, "visited_on", None)
    if visited is not None:
        org = getattr(obj, "organisation", None)
        return f"{record_label(org) if org is not None else ''} {visited}".strip()
    ident = getattr(obj, "id", None)
    return f"#{ident}" if ident is not None else ""


def describe_record(obj: object) -> str:
    """"推广活动 TRIP-2023-007": the kind of record and its label, for messages."""
    table = getattr(obj, "__tablename__", "")
    kind = RECORD_TYPES.get(table, (table, table))[0]
    return f"{kind} {record_label(obj)}".strip()


def _zone_of(obj: object) -> ZoneInfo:
    name = getattr(obj, "timezone", None)
    if not name:
        parent = getattr(obj, "event", None) or getattr(obj, "trip", None)
        name = getattr(parent, "timezone", None)
    try:
        return ZoneInfo(name or BEIJING_TZ)
    except (KeyError, ValueError):
        return ZoneInfo(BEIJING_TZ)


def _plain(value: Any, zone: ZoneInfo) -> Any:
    """A value as plain JSON."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.astimezone(zone).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


# --- mapper introspection ------------------------------------------------------------------


def _many_to_one(mapper: Mapper[Any]) -> dict[str, RelationshipProperty[Any]]:
    """Foreign-key column key -> the relationship that reads it (leader_id -> leader)."""
    found: dict[str, RelationshipProperty[Any]] = {}
    for rel in mapper.relationships:
        if rel.direction.name == "MANYTOONE" and len(rel.local_columns) == 1:
            column = next(iter(rel.local_columns))
            prop = mapper.get_property_by_column(column)
            found[prop.key] = rel
    return found


def _composition_parent(mapper: Mapper[Any]) -> RelationshipProperty[Any] | None:
    """The relationship to the record this one is part of (an item's trip), if any."""
    for rel in mapper.relationships:
        if rel.direction.name != "MANYTOONE" or not rel.back_populates:
            continue
        if not issubclass(rel.mapper.class_, Editable):
            continue
        back = rel.mapper.get_property(rel.back_populates)
        if isinstance(back, RelationshipProperty) and back.cascade.delete_orphan:
            return rel
    return None


def _tracked_collections(mapper: Mapper[Any]) -> list[RelationshipProperty[Any]]:
    """Collections recorded as fields: many-to-many links and parts that are not records."""
    return [rel for rel in mapper.relationships
            if rel.uselist and not rel.viewonly
            and (rel.secondary is not None or not issubclass(rel.mapper.class_, Editable))]


def _part_collections(mapper: Mapper[Any]) -> list[RelationshipProperty[Any]]:
    """Collections of records that are parts of this one (a trip's itinerary items)."""
    return [rel for rel in mapper.relationships
            if rel.uselist and rel.cascade.delete_orphan and rel.secondary is None
            and issubclass(rel.mapper.class_, Editable)]


# --- reading old and new values ------------------------------------------------------------


def _history(obj: object, key: str) -> History:
    return inspect(obj).attrs[key].history


def _old(obj: object, key: str) -> Any:
    hist = _history(obj, key)
    if hist.deleted:
        return hist.deleted[0]
    if hist.unchanged:
        return hist.unchanged[0]
    return getattr(obj, key) if not hist.added else None


def _current(obj: object, key: str) -> Any:
    """The value now; for a record not yet inserted, the column's default where none is set."""
    value = getattr(obj, key)
    if value is None and not inspect(obj).persistent:
        column = inspect(obj).mapper.columns.get(key)
        default = getattr(column, "default", None)
        if default is not None and default.is_scalar:
            return default.arg
    return value


def _label_of_id(session: Session, cls: type, ident: Any) -> str | None:
    if ident is None:
        return None
    target = session.get(cls, ident)
    return record_label(target) if target is not None else f"#{ident}"


def _part_snapshot(session: Session, part: object, parent_rel: str, old: bool) -> dict[str, Any]:
    """A non-record part (a delegation member, an invitation) as a small dict."""
    mapper = inspect(part).mapper
    refs = _many_to_one(mapper)
    zone = _zone_of(part)
    out: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        key = attr.key
        if key in ("position",):
            continue
        rel = refs.get(key)
        if rel is not None and rel.key == parent_rel:
            continue
        value = _old(part, key) if old else _current(part, key)
        if rel is not None:
            out[rel.key] = _label_of_id(session, rel.mapper.class_, value)
        else:
            out[key] = _plain(value, zone)
    return out


def _position(part: object, old: bool) -> Any:
    if not hasattr(part, "position"):
        return 0
    value = _old(part, "position") if old else part.position
    return value if value is not None else 0


class _Flush:
    """What one flush changes: the audit rows to write once ids and revisions are known."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.pending: list[tuple[object, str, dict[str, Any], int | None]] = []
        self.seen: set[int] = set()

    # -- collections

    def collection_change(self, obj: object, rel: RelationshipProperty[Any],
                          created: bool) -> tuple[Any, Any] | None:
        session = self.session
        if created:
            current = list(obj.__dict__.get(rel.key) or [])
            return None, self._members(current, rel, old=False)
        hist = _history(obj, rel.key)
        if rel.secondary is not None or issubclass(rel.mapper.class_, Editable):
            if not hist.has_changes():
                return None
            old_items = [*hist.unchanged, *hist.deleted]
            new_items = [*hist.unchanged, *hist.added]
            old_labels = sorted(record_label(o) for o in old_items)
            new_labels = sorted(record_label(o) for o in new_items)
            return (old_labels, new_labels) if old_labels != new_labels else None
        back = rel.back_populates or ""
        parts_changed = hist.has_changes() or any(
            getattr(p, back, None) is obj
            for p in (*session.dirty, *session.new, *session.deleted)
            if type(p) is rel.mapper.class_)
        if not parts_changed:
            return None
        current = list(getattr(obj, rel.key))
        new_parts = [p for p in current if p not in session.deleted]
        old_parts = [p for p in current if p not in hist.added and p not in session.new]
        old_parts += [p for p in hist.deleted if p not in old_parts]
        old_parts += [p for p in session.deleted
                      if type(p) is rel.mapper.class_ and _old(p, back) is obj
                      and p not in old_parts]
        old_value = self._members(old_parts, rel, old=True)
        new_value = self._members(new_parts, rel, old=False)
        return (old_value, new_value) if old_value != new_value else None

    def _members(self, items: Sequence[object], rel: RelationshipProperty[Any],
                 old: bool) -> list[Any]:
        if rel.secondary is not None or issubclass(rel.mapper.class_, Editable):
            return sorted(record_label(o) for o in items)
        back = rel.back_populates or ""
        ordered = sorted(items, key=lambda p: _position(p, old))
        return [_part_snapshot(self.session, p, back, old) for p in ordered]

    # -- one record

    def snapshot(self, obj: object, created: bool) -> dict[str, Any]:
        """All non-empty fields: the content of a created or deleted record."""
        mapper = inspect(obj).mapper
        refs = _many_to_one(mapper)
        zone = _zone_of(obj)
        parent = _composition_parent(mapper)
        out: dict[str, Any] = {}
        for attr in mapper.column_attrs:
            key = attr.key
            if key in SKIPPED_FIELDS:
                continue
            rel = refs.get(key)
            if rel is not None:
                if parent is not None and rel.key == parent.key:
                    continue
                loaded = obj.__dict__.get(rel.key)
                value: Any = (record_label(loaded) if loaded is not None
                              else _label_of_id(self.session, rel.mapper.class_,
                                                getattr(obj, key)))
                out[rel.key] = value
            else:
                out[key] = _plain(_current(obj, key), zone)
        for rel in _tracked_collections(mapper):
            if created:
                change = self.collection_change(obj, rel, created=True)
                out[rel.key] = change[1] if change else []
            else:
                out[rel.key] = self._members(list(getattr(obj, rel.key)), rel, old=False)
        return {k: v for k, v in out.items() if not _empty(v)}

    def changes(self, obj: object) -> dict[str, list[Any]]:
        mapper = inspect(obj).mapper
        refs = _many_to_one(mapper)
        zone = _zone_of(obj)
        out: dict[str, list[Any]] = {}
        for attr in mapper.column_attrs:
            key = attr.key
            if key in SKIPPED_FIELDS:
                continue
            rel = refs.get(key)
            if rel is not None:
                rel_hist = _history(obj, rel.key)
                if rel_hist.has_changes():
                    old_obj = (rel_hist.deleted or rel_hist.unchanged or [None])[0]
                    new_obj = (rel_hist.added or [None])[0]
                    old_label = record_label(old_obj) if old_obj is not None else None
                    new_label = record_label(new_obj) if new_obj is not None else None
                    if old_label != new_label:
                        out[rel.key] = [old_label, new_label]
                    continue
            hist = _history(obj, key)
            if not hist.has_changes():
                continue
            old_value = hist.deleted[0] if hist.deleted else None
            new_value = hist.added[0] if hist.added else None
            if old_value == new_value:
                continue
            if rel is not None:
                cls = rel.mapper.class_
                out[rel.key] = [_label_of_id(self.session, cls, old_value),
                                _label_of_id(self.session, cls, new_value)]
            else:
                out[key] = [_plain(old_value, zone), _plain(new_value, zone)]
        for rel in _tracked_collections(mapper):
            change = self.collection_change(obj, rel, created=False)
            if change is not None:
                out[rel.key] = list(change)
        return out

    def add(self, obj: object, action: str, changes: dict[str, Any]) -> None:
        if id(obj) in self.seen:
            return
        self.seen.add(id(obj))
        revision = obj.revision if action == DELETE else None  # type: ignore[attr-defined]
        self.pending.append((obj, action, changes, revision))


def _touch(obj: object, session: Session) -> None:
    """Make the record's row UPDATE (and its revision rise) in this flush."""
    state = inspect(obj)
    if state.persistent and obj not in session.deleted:
        obj.updated_at = utcnow()  # type: ignore[attr-defined]


def _orphans(session: Session, obj: object) -> list[object]:
    """Parts removed from a record's part collections: the flush deletes them."""
    out = []
    for rel in _part_collections(inspect(obj).mapper):
        hist = _history(obj, rel.key)
        back = rel.back_populates or ""
        for part in hist.deleted:
            if inspect(part).persistent and getattr(part, back, None) in (None, obj):
                out.append(part)
    return out


@event.listens_for(PlannerSession, "before_flush")
def _before_flush(session: Session, _context: UOWTransaction,
                  _instances: Iterable[object] | None) -> None:
    flush = _Flush(session)
    session.info["audit_flush"] = flush
    touched: list[object] = []

    deleted: list[object] = [o for o in session.deleted if isinstance(o, Editable)]
    for obj in list(session.dirty):
        if isinstance(obj, Editable):
            deleted += [p for p in _orphans(session, obj) if p not in deleted]
    for obj in deleted:
        content = flush.snapshot(obj, created=False)
        flush.add(obj, DELETE, {k: [v, None] for k, v in content.items()})

    for obj in list(session.new):
        if isinstance(obj, Editable):
            content = flush.snapshot(obj, created=True)
            flush.add(obj, CREATE, {k: [None, v] for k, v in content.items()})

    # parts that are not records (delegation members, invitations) change their record
    for part in (*session.new, *session.dirty, *session.deleted):
        if isinstance(part, Editable):
            continue
        parent_rel = _composition_parent(inspect(part).mapper)
        if parent_rel is None:
            continue
        parent = getattr(part, parent_rel.key, None) or _old(part, parent_rel.key)
        if isinstance(parent, Editable) and parent not in session.new:
            touched.append(parent)

    for obj in [*list(session.dirty), *touched]:
        if not isinstance(obj, Editable) or id(obj) in flush.seen:
            continue
        if obj in session.deleted or obj in session.new:
            continue
        changes = flush.changes(obj)
        if changes:
            flush.add(obj, UPDATE, changes)
            _touch(obj, session)

    # a record's parts (items, agenda sessions) changed: the record's revision rises
    for obj, _action, _changes, _rev in list(flush.pending):
        parent_rel = _composition_parent(inspect(obj).mapper)
        if parent_rel is None:
            continue
        parent = getattr(obj, parent_rel.key, None) or _old(obj, parent_rel.key)
        if parent is not None:
            _touch(parent, session)


@event.listens_for(PlannerSession, "after_flush")
def _after_flush(session: Session, _context: UOWTransaction) -> None:
    flush: _Flush | None = session.info.pop("audit_flush", None)
    if flush is None or not flush.pending:
        return
    now = utcnow()
    actor = current_actor(session)
    rows = []
    for obj, action, changes, revision in flush.pending:
        mapper = inspect(obj).mapper
        parent_rel = _composition_parent(mapper)
        parent_type = parent_id = None
        if parent_rel is not None:
            parent_type = parent_rel.mapper.persist_selectable.name  # type: ignore[attr-defined]
            column = next(iter(parent_rel.local_columns))
            parent_id = getattr(obj, mapper.get_property_by_column(column).key)
        rows.append({
            "at": now, "actor": actor, "action": action,
            "record_type": mapper.persist_selectable.name,
            "record_id": obj.id,  # type: ignore[attr-defined]
            "record_uuid": obj.uuid or "",  # type: ignore[attr-defined]
            "record_label": record_label(obj)[:300],
            "parent_type": parent_type, "parent_id": parent_id,
            "revision": revision if action == DELETE else obj.revision,  # type: ignore[attr-defined]
            "changes": changes,
        })
    session.connection().execute(insert(cast(Table, AuditEntry.__table__)), rows)


@event.listens_for(PlannerSession, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop("audit_flush", None)


# --- reading the history -------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime  # aware, UTC
    actor: str
    action: str
    record_type: str
    record_id: int
    record_label: str
    parent_type: str | None
    parent_id: int | None
    revision: int | None
    changes: tuple[FieldChange, ...]

    def what(self, lang: Lang = Lang.ZH) -> str:
        """"推广活动 TRIP-2023-007" / "trip TRIP-2023-007"."""
        kind = RECORD_TYPES.get(self.record_type, (self.record_type, self.record_type))
        return f"{lang.pick(*kind)} {self.record_label}"

    def action_label(self, lang: Lang = Lang.ZH) -> str:
        zh, en = ACTIONS.get(self.action, (self.action, self.action))
        return lang.pick(zh, en)


def audit_row(entry: AuditEntry) -> AuditRow:
    changes = tuple(FieldChange(k, v[0], v[1]) for k, v in (entry.changes or {}).items()
                    if isinstance(v, list) and len(v) == 2)
    return AuditRow(entry.id, entry.at, entry.actor, entry.action, entry.record_type,
                    entry.record_id, entry.record_label, entry.parent_type, entry.parent_id,
                    entry.revision, changes)


def record_history(session: Session, record_type: str, record_id: int,
                   with_parts: bool = True) -> list[AuditRow]:
    """The changes of one record (and of its parts: a trip's items), oldest first."""
    if record_type not in RECORD_TYPES:
        raise NotFoundError(f"没有这种记录：{record_type}", f"No such kind of record: {record_type}")
    condition: ColumnElement[bool] = (AuditEntry.record_type == record_type) & (
        AuditEntry.record_id == record_id)
    if with_parts:
        condition = or_(condition, (AuditEntry.parent_type == record_type)
                        & (AuditEntry.parent_id == record_id))
    entries = session.scalars(select(AuditEntry).where(condition)
                              .order_by(AuditEntry.at, AuditEntry.id)).all()
    return [audit_row(e) for e in entries]


def find_record(session: Session, code: str) -> tuple[str, int, str]:
    """(record_type, id, label) of a trip, event or lead code, even a deleted one."""
    from models.events import ThemedEvent
    from models.leads import Lead
    from models.trips import Trip

    wanted = code.strip().upper()
    for cls in (Trip, ThemedEvent, Lead):
        row = session.execute(select(cls.id, cls.code).where(cls.code == wanted)).first()
        if row is not None:
            return cls.__tablename__, row.id, row.code
    gone = session.execute(
        select(AuditEntry.record_type, AuditEntry.record_id, AuditEntry.record_label)
        .where(AuditEntry.record_label == wanted,
               AuditEntry.record_type.in_(("trips", "themed_events", "leads")))
        .order_by(AuditEntry.id.desc())
    ).first()
    if gone is not None:
        return gone.record_type, gone.record_id, gone.record_label
    raise NotFoundError(f"找不到编号 {code}", f"No trip, event or lead with the code {code}")


def last_change(session: Session, record_type: str, record_id: int) -> AuditRow | None:
    """The newest change of a record: who saved the version a conflict is about."""
    entry = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.record_type == record_type, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.id.desc())
    ).first()
    return audit_row(entry) if entry is not None else None


# --- showing values ------------------------------------------------------------------------


def field_label(field: str, lang: Lang = Lang.ZH, record_type: str = "") -> str:
    """The name of a field as a person reads it ("zh", "en", or "both")."""
    zh, en = TYPE_FIELD_LABELS.get((record_type, field)) or FIELD_LABELS.get(field, (field, field))
    if lang == "en":
        return en
    if lang == "zh":
        return zh
    return f"{zh} ({en})" if zh != en else zh


def _column_type(record_type: str, field: str) -> Any:
    table = Base.metadata.tables.get(record_type)
    if table is None or field not in table.c:
        return None
    return table.c[field].type


def _part_table(record_type: str, field: str) -> str | None:
    for mapper in Base.registry.mappers:
        if mapper.persist_selectable.name == record_type:  # type: ignore[attr-defined]
            rel = mapper.relationships.get(field)
            if rel is not None:
                return str(rel.mapper.persist_selectable.name)  # type: ignore[attr-defined]
    return None


def describe_value(record_type: str, field: str, value: Any, lang: Lang = Lang.ZH) -> str:
    """A stored value as a person reads it: enum labels, local times, lists joined."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        part_table = _part_table(record_type, field)
        return "、".join(_describe_part(part_table, v, lang) if isinstance(v, dict)
                        else str(v) for v in value)
    if isinstance(value, bool):
        return ("yes" if value else "no") if lang == "en" else ("是" if value else "否")
    column_type = _column_type(record_type, field)
    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        try:
            member = column_type.enum_class(value)
        except ValueError:
            return str(value)
        label = getattr(member, "label", None)
        return str(label(lang) if callable(label) else member.value)
    if isinstance(value, str) and field.endswith("_at") and "T" in value:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        offset = utc_offset(moment, padded=True)
        return f"{moment:%Y-%m-%d %H:%M} ({offset})" if offset else f"{moment:%Y-%m-%d %H:%M}"
    return str(value)


def _describe_part(table: str | None, part: dict[str, Any], lang: Lang) -> str:
    values = [describe_value(table or "", k, v, lang) for k, v in part.items() if not _empty(v)]
    if not values:
        return "—"
    head, rest = values[0], values[1:]
    return f"{head}（{'，'.join(rest)}）" if rest else head


def local_time(moment: datetime) -> str:
    """When a change was made, in this computer's time zone."""
    return f"{moment.astimezone():%Y-%m-%d %H:%M}"
