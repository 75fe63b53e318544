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

:func:`update_changed` does the same for edits of existing records: one Core ``UPDATE`` a batch
(SQLite: an executemany; PostgreSQL: ``UPDATE ... FROM unnest(...)``), each row only where its
revision is still the one the import read, and an ``update`` history row for each record whose
fields changed, built from the old and new values at hand: the changed fields in column order,
``[old, new]``, linked records by their labels, the new revision, as the flush listeners write
for a record edited in the window. A row whose revision moved is refused with the conflict
message of a window's save (:class:`models.concurrency.StaleEditError`), and the caller's
transaction rolls back.

Only for records that are not parts of another (no parent) and without collections recorded as
fields: an organisation, a person.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Dialect, Table, Text, any_, bindparam, func, insert, select, update
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.orm.util import identity_key
from sqlalchemy.sql import Executable
from sqlalchemy.types import TypeEngine

from models.audit.actor import current_actor
from models.audit.chain import AUDIT_TABLE, HEAD_TABLE, jsonb_text, last_hash, read_head, row_hash
from models.audit.inspection import composition_parent, many_to_one, tracked_collections
from models.audit.labels import RECORD_LABEL_KEYS, is_empty, record_label
from models.audit.pg_arrays import array_text
from models.audit.recording import SKIPPED_FIELDS, plain_value, set_notes
from models.audit.table import CREATE, UPDATE
from models.base import Base, new_uuid, utcnow
from models.concurrency import StaleEditError
from models.record_types import kind_label
from models.timeutil import BEIJING_TZ

IN_CHUNK = 500  # ids per IN (...) list when reading the labels of linked records
ANY_CHUNK = 5000  # PostgreSQL: ids per = ANY(array) when reading rows to edit


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
        if type(value) is str:  # most fields: shown as they are, unless empty
            if value:
                out[key] = [None, value]
            continue
        shown = plain_value(value, zone)
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
    _write_history(session, [
        {"action": CREATE, "record_type": table.name, "record_id": ident,
         "record_uuid": row["uuid"], "record_label": name, "revision": 1, "changes": content}
        for ident, row, content, name in zip(ids, rows, contents, names, strict=True)], now)
    return ids


def _insert_unnested(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]
                     ) -> list[int]:
    """PostgreSQL: ``INSERT ... SELECT FROM unnest(column arrays)``: one array parameter a
    column, not one placeholder a cell (the driver parses a statement of 20,000 placeholders
    slowly); the ids in the order of ``rows``, matched by UUID."""
    names = tuple(sorted({name for row in rows for name in row},
                         key=list(table.c.keys()).index))
    dialect = session.get_bind().dialect
    cells = {f"cells_{position}": array_text([row.get(name) for row in rows],
                                             _processor(table.c[name].type, dialect))
             for position, name in enumerate(names)}
    ids: dict[str, int] = {uuid: ident for uuid, ident in session.execute(
        _unnested_insert(table, names), cells)}
    return [ids[row["uuid"]] for row in rows]


def _processor(column_type: TypeEngine[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """The column type's bind processing (a UTC instant made naive, an enum by its stored
    text), as SQLAlchemy applies it to a parameter of that type."""
    return column_type.dialect_impl(dialect).bind_processor(dialect)


def _array(name: str, column_type: TypeEngine[Any]) -> Any:
    """A parameter holding an array's text (:func:`array_text`), read as an array of the
    column's type."""
    return sql_cast(bindparam(name, type_=Text()), ARRAY(column_type))


@cache  # the same statement for every batch of a table's rows (the values go with the call)
def _unnested_insert(table: Table, names: tuple[str, ...]) -> Executable:
    arrays = [_array(f"cells_{position}", table.c[name].type)
              for position, name in enumerate(names)]
    source = func.unnest(*arrays).table_valued(*names).render_derived()
    return (insert(table).from_select(names, select(*(source.c[name] for name in names)))
            .returning(table.c.uuid, table.c.id))


def _write_history(session: Session, described: Sequence[dict[str, Any]], now: Any) -> None:
    """SQLite: the history rows (``described``: action, record, label, revision, changes),
    numbered after the newest and chained from the head."""
    conn = session.connection()
    first = int(conn.execute(select(func.max(AUDIT_TABLE.c.id))).scalar() or 0) + 1
    head = read_head(conn)
    previous = head[1] if head is not None else last_hash(conn)
    actor = current_actor(session)
    entries: list[dict[str, Any]] = []
    for offset, one in enumerate(described):
        entry = {"id": first + offset, "at": now, "actor": actor, "action": one["action"],
                 "record_type": one["record_type"], "record_id": one["record_id"],
                 "record_uuid": one["record_uuid"], "record_label": one["record_label"],
                 "parent_type": None, "parent_id": None, "revision": one["revision"],
                 "changes": one["changes"]}
        previous = row_hash(previous, entry, jsonb_text(one["changes"]))
        entry["row_hash"] = previous
        entries.append(entry)
    conn.execute(insert(AUDIT_TABLE), entries)
    conn.execute(HEAD_TABLE.update().where(HEAD_TABLE.c.id == 1)
                 .values(last_id=entries[-1]["id"], last_hash=previous))


# --- edits of existing records ------------------------------------------------------------

def read_rows(session: Session, model: type[Base], ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The rows of ``model`` with ``ids`` as plain values by attribute key (no ORM object),
    ``IN_CHUNK`` ids a query (PostgreSQL: ``ANY_CHUNK`` ids in one array parameter): what an
    edit in bulk compares its new values with."""
    mapper = model.__mapper__
    table = cast(Table, model.__table__)
    keys = [attr.key for attr in mapper.column_attrs]
    statement = select(*(attr.columns[0] for attr in mapper.column_attrs))
    wanted = sorted(set(ids))
    postgres = session.get_bind().dialect.name == "postgresql"
    step = ANY_CHUNK if postgres else IN_CHUNK
    where = (table.c.id == any_(bindparam("cp_ids", type_=ARRAY(table.c.id.type))) if postgres
             else table.c.id.in_(bindparam("cp_ids", expanding=True)))
    found: dict[int, dict[str, Any]] = {}
    position = keys.index("id")
    for start in range(0, len(wanted), step):
        for row in session.execute(statement.where(where),
                                   {"cp_ids": wanted[start:start + step]}):
            found[row[position]] = dict(zip(keys, row, strict=True))
    return found


def changed_content(mapper: Mapper[Any], old: Mapping[str, Any], new: Mapping[str, Any],
                    labels: Mapping[str, Mapping[int, str]]) -> dict[str, list[Any]]:
    """An edit's history ``changes``: ``{field: [old, new]}`` for each field whose value
    differs, in the mapping's column order, a linked record by its label, as
    :meth:`recording._Flush.changes` reads an edited ORM object."""
    zone = _zone({**old, **new})
    out: dict[str, list[Any]] = {}
    for key, link, _default in _fields(mapper):
        if key not in new:
            continue
        before, after = old.get(key), new[key]
        if before == after:
            continue
        if link is not None:
            out[link] = [None if v is None else labels.get(link, {}).get(v, f"#{v}")
                         for v in (before, after)]
        else:
            out[key] = [plain_value(before, zone), plain_value(after, zone)]
    return out


def update_changed(session: Session, model: type[Base],
                   edits: Sequence[tuple[Mapping[str, Any], dict[str, Any]]]) -> list[int]:
    """Write edits of existing records of ``model`` and their history in the caller's
    transaction (``edits``: each record's row as read, by attribute key with its ``id``,
    ``uuid`` and ``revision``, and its new values by attribute key). A record whose values do
    not change is not written (nor recorded), as an ORM flush skips it. Each written row must
    still have the revision it was read at, else :class:`StaleEditError` names the first that
    moved. The ids written."""
    mapper = model.__mapper__
    if composition_parent(mapper) is not None or tracked_collections(mapper):
        raise ValueError(f"{model.__name__} has parts or linked lists: edit it with the ORM")
    changed = [(old, new) for old, new in edits
               if any(old.get(key) != value for key, value in new.items())]
    if not changed:
        return []
    table = cast(Table, model.__table__)
    now = utcnow()
    labels = linked_labels(session, mapper, [*(old for old, _ in changed),
                                             *(new for _, new in changed)])
    described = [{"action": UPDATE, "record_type": table.name, "record_id": old["id"],
                  "record_uuid": old["uuid"] or "",
                  "record_label": label_of({**old, **new})[:300],
                  "revision": old["revision"] + 1,
                  "changes": changed_content(mapper, old, new, labels)}
                 for old, new in changed]
    columns = {attr.key: attr.columns[0].key for attr in mapper.column_attrs}
    keys = sorted({key for _, new in changed for key in new}, key=list(columns).index)
    rows = [{**{columns[key]: new.get(key, old.get(key)) for key in keys},
             "revision": old["revision"] + 1, "updated_at": now,
             "cp_id": old["id"], "cp_revision": old["revision"]} for old, new in changed]
    if session.connection().dialect.name == "postgresql":
        set_notes(session, json.dumps(  # the trigger writes the history from this
            {f"{table.name}:{one['record_uuid']}": {"changes": one["changes"],
                                                    "label": one["record_label"]}
             for one in described}, ensure_ascii=False))
        written = _update_unnested(session, table, rows)
        set_notes(session, "")
        if len(written) != len(rows):
            raise _moved(session, table, changed, lambda old: old["id"] not in written)
    else:
        statement = (update(table).where(table.c.id == bindparam("cp_id"),
                                         table.c.revision == bindparam("cp_revision"))
                     .values({name: bindparam(name) for name in rows[0]
                              if not name.startswith("cp_")}))
        if session.connection().execute(statement, rows).rowcount != len(rows):
            stamped = dict(session.execute(select(table.c.id, table.c.updated_at).where(
                table.c.id.in_([old["id"] for old, _ in changed]))).all())
            raise _moved(session, table, changed, lambda old: stamped.get(old["id"]) != now)
        _write_history(session, described, now)
    for old, _ in changed:  # a record of these already in the session is out of date now
        held = session.identity_map.get(identity_key(model, old["id"]))
        if held is not None:
            session.expire(held)
    return [old["id"] for old, _ in changed]


def _update_unnested(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]
                     ) -> set[int]:
    """PostgreSQL: one ``UPDATE ... FROM unnest(column arrays)`` where id and revision match;
    the ids it wrote."""
    names = tuple(rows[0])
    dialect = session.get_bind().dialect
    cells = {f"cells_{position}": array_text([row[name] for row in rows],
                                             _processor(_edit_type(table, name), dialect))
             for position, name in enumerate(names)}
    return set(session.scalars(_unnested_update(table, names), cells))


def _edit_type(table: Table, name: str) -> TypeEngine[Any]:
    return {"cp_id": table.c.id.type, "cp_revision": table.c.revision.type}.get(
        name) or table.c[name].type


@cache  # the same statement for every batch of a table's edits (the values go with the call)
def _unnested_update(table: Table, names: tuple[str, ...]) -> Executable:
    arrays = [_array(f"cells_{position}", _edit_type(table, name))
              for position, name in enumerate(names)]
    source = func.unnest(*arrays).table_valued(*names).render_derived(name="cp_edits")
    return (update(table)
            .where(table.c.id == source.c.cp_id, table.c.revision == source.c.cp_revision)
            .values({name: source.c[name] for name in names if not name.startswith("cp_")})
            .returning(table.c.id))


def _moved(session: Session, table: Table,
           changed: Sequence[tuple[Mapping[str, Any], Mapping[str, Any]]],
           missed: Callable[[Mapping[str, Any]], bool]) -> StaleEditError:
    """The conflict of the first record the UPDATE did not write (``missed``): its revision
    moved since it was read (0: it was deleted)."""
    old = next((old for old, _ in changed if missed(old)), changed[0][0])
    actual = session.scalar(select(table.c.revision).where(table.c.id == old["id"]))
    return StaleEditError(f"{kind_label(table.name)} {label_of(old)}".strip(),
                          old["revision"], int(actual or 0), table.name, old["id"])


def _zone(values: Mapping[str, Any]) -> ZoneInfo:
    try:
        return ZoneInfo(values.get("timezone") or BEIJING_TZ)
    except (KeyError, ValueError):
        return ZoneInfo(BEIJING_TZ)
