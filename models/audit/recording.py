"""Writing the history: flush listeners on the planner session.

Before a flush, :class:`_Flush` reads what each editable record's create, change or delete
does (its fields as plain JSON, parts included); after it, when ids and revisions are known,
the rows go into ``audit_log`` in the same transaction.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Table, event, insert, inspect, text
from sqlalchemy.orm import RelationshipProperty, Session, UOWTransaction

from models.audit.actor import current_actor
from models.audit.chain import chain_unhashed
from models.audit.inspection import attribute_history as _history
from models.audit.inspection import composition_parent as _composition_parent
from models.audit.inspection import current_value as _current
from models.audit.inspection import many_to_one as _many_to_one
from models.audit.inspection import old_value as _old
from models.audit.inspection import part_collections as _part_collections
from models.audit.inspection import tracked_collections as _tracked_collections
from models.audit.labels import is_empty as _empty
from models.audit.labels import record_label
from models.audit.table import CREATE, DELETE, UPDATE, AuditEntry
from models.base import Editable, new_uuid, utcnow
from models.concurrency import PlannerSession
from models.timeutil import BEIJING_TZ

SKIPPED_FIELDS = frozenset({"id", "uuid", "revision", "created_at", "updated_at"})


def _zone_of(obj: object) -> ZoneInfo:
    name = getattr(obj, "timezone", None)
    if not name:
        parent = getattr(obj, "event", None) or getattr(obj, "trip", None)
        name = getattr(parent, "timezone", None)
    try:
        return ZoneInfo(name or BEIJING_TZ)
    except (KeyError, ValueError):
        return ZoneInfo(BEIJING_TZ)


def plain_value(value: Any, zone: ZoneInfo) -> Any:
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
            out[key] = plain_value(value, zone)
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
                out[key] = plain_value(_current(obj, key), zone)
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
                out[key] = [plain_value(old_value, zone), plain_value(new_value, zone)]
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

    if flush.pending and _by_database(session):
        _hand_notes(session, flush)


def _by_database(session: Session) -> bool:
    """PostgreSQL writes the history itself (triggers, migration 0008); SQLite is written here."""
    return session.connection().dialect.name == "postgresql"


def _hand_notes(session: Session, flush: _Flush) -> None:
    """Tell PostgreSQL's history trigger how this flush's changes read (labels, collections):
    a transaction-local setting keyed by table and UUID. Who and when the database decides."""
    notes: dict[str, Any] = {}
    for obj, _action, changes, _revision in flush.pending:
        if not getattr(obj, "uuid", None):
            obj.uuid = new_uuid()  # type: ignore[attr-defined]
        table = inspect(obj).mapper.persist_selectable.name
        notes[f"{table}:{obj.uuid}"] = {  # type: ignore[attr-defined]
            "changes": changes, "label": record_label(obj)[:300]}
    set_notes(session, json.dumps(notes, ensure_ascii=False))


def set_notes(session: Session, value: str) -> None:
    session.connection().execute(
        text("SELECT set_config('campaign_planner.audit_notes', :value, true)"), {"value": value})


@event.listens_for(PlannerSession, "after_flush")
def _after_flush(session: Session, _context: UOWTransaction) -> None:
    flush: _Flush | None = session.info.pop("audit_flush", None)
    if flush is None or not flush.pending:
        return
    if _by_database(session):
        set_notes(session, "")  # the triggers have written this flush's history
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
    chain_unhashed(session.connection())


@event.listens_for(PlannerSession, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop("audit_flush", None)

