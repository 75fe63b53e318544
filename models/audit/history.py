"""Reading the history: the changes of one record, a record found by its code, the last change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, Table, or_, select
from sqlalchemy.orm import Session

from models import tables
from models.audit.labels import action_label
from models.errors import NotFoundError
from models.language import Lang
from models.record_types import RecordType
from models.tables import AUDIT

# the tables a code names, and the record types they are kept under
_CODED: tuple[tuple[Table, RecordType], ...] = (
    (tables.trips, RecordType.TRIPS), (tables.themed_events, RecordType.THEMED_EVENTS),
    (tables.leads, RecordType.LEADS))


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
    record_type: RecordType
    record_id: int
    record_label: str
    parent_type: RecordType | None
    parent_id: int | None
    revision: int | None
    changes: tuple[FieldChange, ...]

    def what(self, lang: Lang = Lang.ZH) -> str:
        """"推广活动 TRIP-2023-007" / "trip TRIP-2023-007"."""
        return f"{self.record_type.label(lang)} {self.record_label}"

    def action_label(self, lang: Lang = Lang.ZH) -> str:
        return action_label(self.action, lang)


def audit_row(entry: Row[Any]) -> AuditRow:
    """The row of a history entry: a row of the ``audit_log`` table (every column)."""
    changes = tuple(FieldChange(k, v[0], v[1]) for k, v in (entry.changes or {}).items()
                    if isinstance(v, list) and len(v) == 2)
    parent_type = RecordType(entry.parent_type) if entry.parent_type else None
    return AuditRow(entry.id, entry.at, entry.actor, entry.action, RecordType(entry.record_type),
                    entry.record_id, entry.record_label, parent_type, entry.parent_id,
                    entry.revision, changes)


def record_history(session: Session, record_type: RecordType, record_id: int,
                   with_parts: bool = True) -> list[AuditRow]:
    """The changes of one record (and of its parts: a trip's items), oldest first."""
    if RecordType.parse(record_type) is None:  # a table name typed by a person
        raise NotFoundError(f"没有这种记录：{record_type}", f"No such kind of record: {record_type}")
    condition: ColumnElement[bool] = (AUDIT.record_type == record_type) & (
        AUDIT.record_id == record_id)
    if with_parts:
        condition = or_(condition, (AUDIT.parent_type == record_type)
                        & (AUDIT.parent_id == record_id))
    entries = session.execute(select(tables.audit_log).where(condition)
                              .order_by(AUDIT.at, AUDIT.id)).all()
    return [audit_row(e) for e in entries]


def find_record(session: Session, code: str) -> tuple[RecordType, int, str]:
    """(record_type, id, label) of a trip, event or lead code, even a deleted one."""
    wanted = code.strip().upper()
    for table, record_type in _CODED:
        row = session.execute(select(table.c.id, table.c.code)
                              .where(table.c.code == wanted)).first()
        if row is not None:
            return record_type, row.id, row.code
    gone = session.execute(
        select(AUDIT.record_type, AUDIT.record_id, AUDIT.record_label)
        .where(AUDIT.record_label == wanted,
               AUDIT.record_type.in_([record_type for _table, record_type in _CODED]))
        .order_by(AUDIT.id.desc())
    ).first()
    if gone is not None:
        return RecordType(gone.record_type), gone.record_id, gone.record_label
    raise NotFoundError(f"找不到编号 {code}", f"No trip, event or lead with the code {code}")


def last_change(session: Session, record_type: RecordType, record_id: int) -> AuditRow | None:
    """The newest change of a record: who saved the version a conflict is about."""
    entry = session.execute(
        select(tables.audit_log)
        .where(AUDIT.record_type == record_type, AUDIT.record_id == record_id)
        .order_by(AUDIT.id.desc()).limit(1)
    ).first()
    return audit_row(entry) if entry is not None else None
