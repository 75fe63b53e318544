"""The history's hash chain: each ``audit_log`` row stores ``row_hash``, the SHA-256 of the
previous row's hash and the row's own content, so a row changed or removed behind the
program's back (by a superuser, with the triggers disabled) breaks the chain from there on.

On PostgreSQL the database computes the hash (a trigger on ``audit_log``, under an advisory
lock, see migration 0008); on SQLite the program does (:mod:`models.audit.recording`). Both
write the same canonical text: the fields below joined by U+001F, ``changes`` as PostgreSQL
prints it as ``jsonb`` (keys ordered by length, then bytes; ``", "`` and ``": "`` between).
:func:`verify_chain` recomputes the chain and names the first row that does not fit.

The chain alone cannot tell that its newest rows were removed: what is left still fits. So
``audit_chain_head`` (one row) holds the id and hash of the newest row, written in the same
statement that hashes a row (PostgreSQL: the trigger, under the same lock; SQLite:
:func:`chain_unhashed`); a new row continues the chain from the head, and :func:`verify_chain`
reports the chain broken when its last row is not the head.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from json.encoder import encode_basestring  # what json.dumps(s, ensure_ascii=False) returns
from typing import Any

from sqlalchemy import Connection, Table, Text, bindparam, cast, select

from models.audit.table import AuditChainHead, AuditEntry

SEPARATOR = "\x1f"
AUDIT_TABLE: Table = AuditEntry.__table__  # type: ignore[assignment]
HEAD_TABLE: Table = AuditChainHead.__table__  # type: ignore[assignment]
BATCH = 1000
CHAINED = ("id", "at", "actor", "action", "record_type", "record_id", "record_uuid",
           "record_label", "parent_type", "parent_id", "revision", "row_hash")


def jsonb_text(value: Any) -> str:
    """``value`` as PostgreSQL prints it as ``jsonb`` (``SELECT x::jsonb::text``)."""
    if isinstance(value, str):  # the most frequent: first, without a new encoder each time
        return encode_basestring(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, list | tuple):  # [old, new] pairs, mostly of text or null: inline
        return "[" + ", ".join(encode_basestring(v) if type(v) is str else
                               "null" if v is None else jsonb_text(v) for v in value) + "]"
    if isinstance(value, Mapping):
        keys = _jsonb_order(tuple(str(k) for k in value))
        return "{" + ", ".join(f"{encode_basestring(k)}: {jsonb_text(value[k])}"
                               for k in keys) + "}"
    return json.dumps(str(value), ensure_ascii=False)


@lru_cache(maxsize=1024)
def _jsonb_order(keys: tuple[str, ...]) -> tuple[str, ...]:
    """Keys in jsonb's order (by length in bytes, then bytes): the same few sets of fields
    come again on every row of a history."""
    return tuple(sorted(keys, key=lambda k: (len(k.encode()), k.encode())))


def stamp(moment: datetime) -> str:
    """An instant as the chain writes it: UTC, to the microsecond, without a zone."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def row_hash(previous: str | None, row: Mapping[str, Any], changes_text: str) -> str:
    """sha256(previous hash || canonical content of the row), as hex."""
    parts = [_text(previous), _text(row["id"]), stamp(row["at"]), row["actor"], row["action"],
             row["record_type"], _text(row["record_id"]), _text(row["record_uuid"]),
             _text(row["record_label"]), _text(row["parent_type"]), _text(row["parent_id"]),
             _text(row["revision"]), changes_text]
    return hashlib.sha256(SEPARATOR.join(parts).encode("utf-8")).hexdigest()


def last_hash(conn: Connection) -> str | None:
    return conn.execute(select(AUDIT_TABLE.c.row_hash)
                        .order_by(AUDIT_TABLE.c.id.desc()).limit(1)).scalar()


def chain_rows(conn: Connection, after_id: int = 0) -> Iterator[tuple[dict[str, Any], str]]:
    """Every history row from ``after_id`` on, in chain order, with its ``changes`` text as
    the chain hashes it (read back from the server on PostgreSQL)."""
    t = AUDIT_TABLE
    postgres = conn.dialect.name == "postgresql"
    if postgres:  # the dialect's package is loaded only on it
        from sqlalchemy.dialects.postgresql import JSONB

        changes = cast(cast(t.c.changes, JSONB), Text)
    else:
        changes = cast(t.c.changes, Text)
    columns = [t.c[name] for name in CHAINED]
    query = select(*columns, changes.label("changes_text")).order_by(t.c.id).limit(BATCH)
    while True:  # in batches by id: a long history is never read whole into memory
        batch = conn.execute(query.where(t.c.id > after_id)).mappings().all()
        if not batch:
            return
        after_id = int(batch[-1]["id"])
        yield from (_chained(dict(row), postgres) for row in batch)


def _chained(data: dict[str, Any], postgres: bool) -> tuple[dict[str, Any], str]:
    text = data.pop("changes_text")
    if not postgres:
        text = jsonb_text(json.loads(text)) if text is not None else "null"
    return data, text


def read_head(conn: Connection) -> tuple[int, str | None] | None:
    """The chain head: the newest row's id and hash ((0, None) for an empty history), or None
    when the head itself is gone."""
    row = conn.execute(select(HEAD_TABLE.c.last_id, HEAD_TABLE.c.last_hash)
                       .where(HEAD_TABLE.c.id == 1)).first()
    return None if row is None else (int(row.last_id), row.last_hash)


def head_to_newest(conn: Connection) -> None:
    """Set the head to the newest history row (SQLite, after loading a dump; on PostgreSQL the
    chain trigger does this itself and nobody else may)."""
    t = AUDIT_TABLE
    newest = conn.execute(select(t.c.id, t.c.row_hash).order_by(t.c.id.desc()).limit(1)).first()
    last_id, last_hash = (int(newest.id), newest.row_hash) if newest else (0, None)
    if conn.execute(HEAD_TABLE.update().where(HEAD_TABLE.c.id == 1)
                    .values(last_id=last_id, last_hash=last_hash)).rowcount == 0:
        conn.execute(HEAD_TABLE.insert().values(id=1, last_id=last_id, last_hash=last_hash))


@dataclass(frozen=True)
class ChainReport:
    """What :func:`verify_chain` found: how many rows, and the first that does not fit."""

    count: int
    broken_id: int | None = None
    broken_at: datetime | None = None
    broken_record: str = ""  # "people 周文华": its record type (a table name) and label
    broken_type: str = ""
    broken_label: str = ""
    removed_after: int | None = None  # the chain fits, but the rows after this id are gone

    @property
    def intact(self) -> bool:
        return self.broken_id is None and self.removed_after is None


def verify_chain(conn: Connection) -> ChainReport:
    """Recompute the chain over the whole history; stop at the first row that does not fit,
    then compare the last row with the chain head (its newest rows removed)."""
    previous: str | None = None
    count = 0
    last: dict[str, Any] | None = None
    head = read_head(conn)
    head_id, head_hash = head if head is not None else (0, None)
    for row, changes_text in chain_rows(conn):
        count += 1
        expected = row_hash(previous, row, changes_text)
        if row["row_hash"] != expected or (row["id"] == head_id and expected != head_hash):
            return _broken(count, row)
        if row["id"] > head_id:  # rows the head never saw: written behind the chain's back
            return _broken(count, row)
        previous = expected
        last = row
    if last is None and head_id == 0:
        return ChainReport(count)
    if last is None or last["id"] != head_id:
        return ChainReport(count, removed_after=int(last["id"]) if last else 0)
    return ChainReport(count)


def _broken(count: int, row: Mapping[str, Any]) -> ChainReport:
    moment = row["at"]
    return ChainReport(count, int(row["id"]),
                       moment if moment.tzinfo else moment.replace(tzinfo=UTC),
                       f"{row['record_type']} {row['record_label']}".strip(),
                       str(row["record_type"]), str(row["record_label"]))


def chain_unhashed(conn: Connection, head: bool = True) -> int:
    """Hash the rows written without a hash (SQLite: the program's new rows, or every row of
    a database migrated to 0008), continuing the chain from its head, and move the head to
    the newest row (one statement); returns how many were hashed. ``head=False``: before
    migration 0014, which adds the head."""
    t = AUDIT_TABLE
    start = conn.execute(select(t.c.id).where(t.c.row_hash.is_(None))
                         .order_by(t.c.id).limit(1)).scalar()
    if start is None:
        return 0
    known = read_head(conn) if head else None
    if known is not None:  # from the head, even if the newest rows went (SQLite reuses ids)
        previous = known[1]
    else:
        previous = conn.execute(select(t.c.row_hash).where(t.c.id < start)
                                .order_by(t.c.id.desc()).limit(1)).scalar()
    hashes: list[dict[str, Any]] = []
    last_id = 0
    for row, changes_text in list(chain_rows(conn, after_id=start - 1)):
        last_id = int(row["id"])
        if row["row_hash"] is not None:  # a row already in the chain: go on from it
            previous = row["row_hash"]
            continue
        previous = row_hash(previous, row, changes_text)
        hashes.append({"row_id": row["id"], "hash": previous})
    if hashes:  # one statement for the lot (executemany), not one per history row
        conn.execute(t.update().where(t.c.id == bindparam("row_id"))
                     .values(row_hash=bindparam("hash")), hashes)
        if head and conn.dialect.name != "postgresql":  # there the trigger keeps the head
            conn.execute(HEAD_TABLE.update().where(HEAD_TABLE.c.id == 1)
                         .values(last_id=last_id, last_hash=previous))
    return len(hashes)
