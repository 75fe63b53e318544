"""New records inserted in bulk (a sheet import's thousands of organisations) with their history,
built from the plain values being inserted rather than from ORM objects.

:func:`insert_created` inserts the rows of one kind of record in one multi-row ``INSERT`` and
gives each the ``create`` history row the flush listeners of :mod:`models.audit.recording`
would give it: the same fields (every non-empty column, a linked record by its label, an enum
by its value), the same label, revision 1, who and when. On PostgreSQL the values go in as
one array a column (``unnest``). On SQLite the history rows are
numbered and hashed here, continuing the chain from its head, in one more ``INSERT`` and one
``UPDATE`` of the head: nothing is read back to be hashed. On PostgreSQL the database writes
them, as for any insert, from the description handed over in ``campaign_planner.audit_notes``.

Only for records that are not parts of another (no parent) and whose collections start empty:
an organisation, a person.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Table, bindparam, func, insert, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapper, Session

from models.audit.actor import current_actor
from models.audit.chain import AUDIT_TABLE, HEAD_TABLE, jsonb_text, last_hash, read_head, row_hash
from models.audit.inspection import composition_parent, many_to_one
from models.audit.labels import RECORD_LABEL_KEYS, is_empty, record_label
from models.audit.recording import SKIPPED_FIELDS, plain_value, set_notes
from models.audit.table import CREATE
from models.base import Base, new_uuid, utcnow
from models.timeutil import BEIJING_TZ

IN_CHUNK = 500  # ids per IN (...) list when reading the labels of linked records


def created_content(mapper: Mapper[Any], values: Mapping[str, Any],
                    labels: Mapping[str, Mapping[int, str]]) -> dict[str, list[Any]]:
    """A new record's history ``changes`` from its column values: ``{field: [None, value]}``
    for each non-empty field, in the mapping's column order, a linked record by its label
    (``labels``: relationship key -> id -> label), as :meth:`recording._Flush.snapshot` reads
    an ORM object."""
    zone = _zone(values)
    out: dict[str, list[Any]] = {}
    for key, link, default in _fields(mapper):
        value = values.get(key)
        if value is None:
            value = default
        if link is not None:
            shown: Any = None if value is None else labels.get(link, {}).get(value, f"#{value}")
            if not is_empty(shown):
                out[link] = [None, shown]
            continue
        shown = value if type(value) is str else plain_value(value, zone)
        if not is_empty(shown):
            out[key] = [None, shown]
    return out


@cache  # a mapping does not change once configured
def _fields(mapper: Mapper[Any]) -> tuple[tuple[str, str | None, Any], ...]:
    """The fields a new record's history shows, in column order: (attribute, the relationship
    it links through or None, the column's default)."""
    refs = many_to_one(mapper)
    fields = []
    for attr in mapper.column_attrs:
        if attr.key in SKIPPED_FIELDS:
            continue
        default = getattr(mapper.columns.get(attr.key), "default", None)
        rel = refs.get(attr.key)
        fields.append((attr.key, rel.key if rel is not None else None,
                       default.arg if default is not None and default.is_scalar else None))
    return tuple(fields)


def label_of(values: Mapping[str, Any]) -> str:
    """How a new record is named in the history: its code, else its name (as
    :func:`models.audit.labels.record_label` names an editable record)."""
    for key in RECORD_LABEL_KEYS:
        value = values.get(key)
        if value:
            return str(value)
    return ""


def linked_labels(session: Session, mapper: Mapper[Any], rows: Sequence[Mapping[str, Any]]
                  ) -> dict[str, dict[int, str]]:
    """The labels of the records ``rows`` link to, by relationship and id: an ``IN`` query per
    linked kind (and per ``IN_CHUNK`` ids), never one per row."""
    labels: dict[str, dict[int, str]] = {}
    for key, rel in many_to_one(mapper).items():
        ids = sorted({row[key] for row in rows if row.get(key) is not None})
        if not ids:
            continue
        target = rel.mapper.class_
        id_column = rel.mapper.persist_selectable.c.id
        found = labels.setdefault(rel.key, {})
        for start in range(0, len(ids), IN_CHUNK):
            for record in session.scalars(select(target).where(
                    id_column.in_(ids[start:start + IN_CHUNK]))):
                found[record.id] = record_label(record)
    return labels


def insert_created(session: Session, model: type[Base], rows: Sequence[dict[str, Any]]
                   ) -> list[int]:
    """Insert new records of ``model`` (``rows``: their column values by attribute key) and
    their history in the caller's transaction; their ids, in the order of ``rows``. Each row
    gets a UUID (unless it has one), revision 1 and the creation time."""
    if not rows:
        return []
    mapper = model.__mapper__
    if composition_parent(mapper) is not None:
        raise ValueError(f"{model.__name__} is a part of another record: create it with it")
    table = cast(Table, model.__table__)
    now = utcnow()
    for row in rows:
        if not row.get("uuid"):
            row["uuid"] = new_uuid()
        row.update(revision=1, created_at=now, updated_at=now)
    labels = linked_labels(session, mapper, rows)
    contents = [created_content(mapper, row, labels) for row in rows]
    names = [label_of(row)[:300] for row in rows]
    postgres = session.connection().dialect.name == "postgresql"
    if postgres:  # the triggers write the history: tell them how these rows read
        set_notes(session, json.dumps(
            {f"{table.name}:{row['uuid']}": {"changes": content, "label": name}
             for row, content, name in zip(rows, contents, names, strict=True)},
            ensure_ascii=False))
    columns = {attr.key: attr.columns[0].key for attr in mapper.column_attrs}
    named = [{columns[key]: value for key, value in row.items()} for row in rows]
    ids = _insert_unnested(session, table, named) if postgres else list(session.execute(
        insert(table).returning(table.c.id, sort_by_parameter_order=True), named).scalars())
    if postgres:
        set_notes(session, "")
        return ids
    _write_history(session, table.name, rows, ids, contents, names, now)
    return ids


def _insert_unnested(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]
                     ) -> list[int]:
    """PostgreSQL: ``INSERT ... SELECT FROM unnest(column arrays)``: one array parameter a
    column, not one placeholder a cell (the driver parses a statement of 20,000 placeholders
    slowly); the ids in the order of ``rows``, matched by UUID."""
    names = sorted({name for row in rows for name in row}, key=list(table.c.keys()).index)
    arrays = [bindparam(f"cells_{position}", [row.get(name) for row in rows],
                        type_=ARRAY(table.c[name].type))
              for position, name in enumerate(names)]
    source = func.unnest(*arrays).table_valued(*names).render_derived()
    statement = (insert(table).from_select(names, select(*(source.c[name] for name in names)))
                 .returning(table.c.uuid, table.c.id))
    ids: dict[str, int] = {uuid: ident for uuid, ident in session.execute(statement)}
    return [ids[row["uuid"]] for row in rows]


def _write_history(session: Session, record_type: str, rows: Sequence[Mapping[str, Any]],
                   ids: Sequence[int], contents: Sequence[dict[str, Any]],
                   names: Sequence[str], now: Any) -> None:
    """SQLite: the history rows, numbered after the newest and chained from the head."""
    conn = session.connection()
    first = int(conn.execute(select(func.max(AUDIT_TABLE.c.id))).scalar() or 0) + 1
    head = read_head(conn)
    previous = head[1] if head is not None else last_hash(conn)
    actor = current_actor(session)
    entries: list[dict[str, Any]] = []
    for offset, (ident, row, content, name) in enumerate(
            zip(ids, rows, contents, names, strict=True)):
        entry = {"id": first + offset, "at": now, "actor": actor, "action": CREATE,
                 "record_type": record_type, "record_id": ident, "record_uuid": row["uuid"],
                 "record_label": name, "parent_type": None, "parent_id": None, "revision": 1,
                 "changes": content}
        previous = row_hash(previous, entry, jsonb_text(content))
        entry["row_hash"] = previous
        entries.append(entry)
    conn.execute(insert(AUDIT_TABLE), entries)
    conn.execute(HEAD_TABLE.update().where(HEAD_TABLE.c.id == 1)
                 .values(last_id=entries[-1]["id"], last_hash=previous))


def _zone(values: Mapping[str, Any]) -> ZoneInfo:
    try:
        return ZoneInfo(values.get("timezone") or BEIJING_TZ)
    except (KeyError, ValueError):
        return ZoneInfo(BEIJING_TZ)
