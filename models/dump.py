"""The whole campaign as one JSON document, to move it between SQLite and PostgreSQL.

Every table of the schema, every column, every row: ids, uuids, revisions, instants (ISO 8601
in UTC, to the microsecond), dates, enums (their stored values), the audit history and the
code counters. Rows are sorted by primary key and written one per line, so the same data
gives the same document whichever database it comes from. Loading checks the whole document
before writing anything, writes in one transaction (the caller's), refuses a database that
already holds data unless asked to replace it, and moves PostgreSQL's id sequences past the
loaded ids.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from enum import Enum as PyEnum
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Date, Enum, Integer, String, Table, delete, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from models import every_table  # every mapping and table on Base.metadata
from models.atomic_write import atomic_file
from models.audit.chain import head_to_newest
from models.base import Base, UTCDateTime
from models.database import known_revisions, stored_revision
from models.errors import DatabaseError, ValidationError

FORMAT = "campaign-planner-dump"
VERSION = 1
CHUNK = 500


NOT_DUMPED = frozenset({"accounts", "audit_chain_head"})
"""Accounts belong to the server they were made on (each is a login role there), not to the
campaign: a dump leaves them out and a load keeps the target's own. The history's chain head
follows the history loaded: the PostgreSQL trigger or :func:`head_to_newest` sets it."""


def _tables() -> list[Table]:
    return [t for t in every_table().sorted_tables if t.name not in NOT_DUMPED]


def _schema(session: Session) -> str:
    """The schema's revision the dump records; a database without one (no table, several
    rows) is not dumped: its dump could not be told apart from a newer program's."""
    revision = stored_revision(session.connection())
    if revision is None:
        raise DatabaseError("数据库没有唯一的结构版本（alembic_version），无法导出；请先运行 init",
                            "The database has no single schema revision (alembic_version) to "
                            "dump; run init first")
    return revision


# --- values -----------------------------------------------------------------------------------


_PLAIN = frozenset({str, int, float, bool, type(None)})  # written as they are (most values)


def _encode(value: Any) -> Any:
    if type(value) in _PLAIN:  # not isinstance: a str or int enum is encoded below
        return value
    if isinstance(value, PyEnum):
        return value.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decoder(table: Table, name: str) -> Callable[[Any], Any]:
    column = table.c[name]
    kind = column.type
    where = f"{table.name}.{name}"

    def fail(value: Any, what_zh: str, what_en: str) -> ValidationError:
        return ValidationError("file", f"导出文件中 {where} 的值 {value!r} 不是{what_zh}",
                               f"The value {value!r} of {where} is not {what_en}")

    def decode(value: Any) -> Any:
        if value is None:
            if not column.nullable:
                raise ValidationError("file", f"导出文件中 {where} 缺少必填的值",
                                      f"{where} lacks a required value")
            return None
        if isinstance(kind, JSON):
            return value
        if isinstance(kind, UTCDateTime):
            try:
                moment = datetime.fromisoformat(value)
            except (TypeError, ValueError):
                raise fail(value, "时间", "an ISO 8601 instant") from None
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        if isinstance(kind, Date):
            try:
                return date.fromisoformat(value)
            except (TypeError, ValueError):
                raise fail(value, "日期", "an ISO date") from None
        if isinstance(kind, Enum) and kind.enum_class is not None:
            try:
                return kind.enum_class(value)
            except ValueError:
                raise fail(value, "允许的取值", "one of the allowed values") from None
        if isinstance(kind, Integer):
            if not isinstance(value, int) or isinstance(value, bool):
                raise fail(value, "整数", "an integer")
            return value
        if isinstance(kind, String):
            if not isinstance(value, str):
                raise fail(value, "文本", "text")
            if kind.length is not None and len(value) > kind.length:
                raise ValidationError(
                    "file", f"导出文件中 {where} 的文本超过 {kind.length} 个字符",
                    f"The text of {where} is longer than {kind.length} characters")
            return value
        return value

    return decode


# --- dump -------------------------------------------------------------------------------------


def _snapshot(session: Session) -> None:
    """Read every table as of one moment, while others may be saving."""
    if session.in_transaction():
        return  # the caller's transaction decides
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
    elif conn.dialect.name == "sqlite":
        dbapi = conn.connection.dbapi_connection
        if dbapi is not None and not getattr(dbapi, "in_transaction", True):
            conn.exec_driver_sql("BEGIN")  # pysqlite reads outside a transaction otherwise


def _rows(session: Session, table: Table) -> Iterator[list[Any]]:
    """The table's rows, encoded, in primary-key order. A table keyed by integers is read in
    that order from the database a chunk at a time (the history of ten years is 140,000 rows:
    held whole with its copies it took 1.8 GB on SQLite and 4 GB on PostgreSQL); a table with
    a text key is small and sorted here, so that both back ends give the same order."""
    key = list(table.primary_key.columns)
    if key and all(isinstance(c.type, Integer) for c in key):
        stmt = select(table).order_by(*key).execution_options(yield_per=CHUNK)
        for row in session.execute(stmt):
            yield [_encode(v) for v in row]
        return
    names = [c.name for c in table.c]
    key_at = [names.index(c.name) for c in key]
    rows = [tuple(r) for r in session.execute(select(table)).all()]
    rows.sort(key=lambda r: tuple(r[i] for i in key_at))
    for values in rows:
        yield [_encode(v) for v in values]


def _header(session: Session, now: datetime | None) -> dict[str, Any]:
    _snapshot(session)
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": _schema(session),
        "source": session.get_bind().dialect.name,
        "dumped_at": _encode(now or datetime.now(UTC)),
    }


def dump_document(session: Session, now: datetime | None = None) -> dict[str, Any]:
    """The database behind ``session`` as a JSON-ready dict (one consistent snapshot when
    the session has not begun a transaction yet)."""
    document = _header(session, now)
    document["tables"] = {t.name: {"columns": [c.name for c in t.c], "rows": list(_rows(session, t))}
                          for t in _tables()}
    return document


def _lines(header: dict[str, Any],
           tables: Iterable[tuple[str, list[str], Iterable[list[Any]]]]) -> Iterator[str]:
    """The document's text a line at a time: its header, then each table's columns and one
    row per line (readable, diffable)."""
    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    yield "{\n"
    for key, value in header.items():
        yield f"  {dumps(key)}: {dumps(value)},\n"
    yield '  "tables": {\n'
    tables = list(tables)
    for t, (name, columns, rows) in enumerate(tables):
        yield f"    {dumps(name)}: {{\n"
        yield f'      "columns": {dumps(columns)},\n'
        before: list[Any] | None = None  # a row is written once the next says it is not last
        for row in rows:
            if before is None:
                yield '      "rows": [\n'
            else:
                yield f"        {dumps(before)},\n"
            before = row
        if before is None:
            yield '      "rows": []\n'
        else:
            yield f"        {dumps(before)}\n"
            yield "      ]\n"
        yield "    }" + ("," if t < len(tables) - 1 else "") + "\n"
    yield "  }\n"
    yield "}\n"


def document_text(document: dict[str, Any]) -> str:
    """The document as JSON text with one row per line (readable, diffable)."""
    header = {k: v for k, v in document.items() if k != "tables"}
    tables = [(name, body["columns"], body["rows"])
              for name, body in document.get("tables", {}).items()]
    return "".join(_lines(header, tables))


def write_dump(session: Session, path: str | Path, now: datetime | None = None) -> dict[str, int]:
    """Write the whole database to ``path`` (atomically), a chunk of rows at a time: the
    memory it takes does not grow with the history. Returns the rows per table."""
    counts: dict[str, int] = {}

    def counted(table: Table) -> Iterator[list[Any]]:
        counts[table.name] = 0
        for row in _rows(session, table):
            counts[table.name] += 1
            yield row

    header = _header(session, now)
    tables = [(t.name, [c.name for c in t.c], counted(t)) for t in _tables()]
    with atomic_file(path) as out:
        pending: list[str] = []
        for line in _lines(header, tables):
            pending.append(line)
            if len(pending) >= CHUNK:
                out.write("".join(pending).encode("utf-8"))
                pending.clear()
        out.write("".join(pending).encode("utf-8"))
    return counts


# --- load -------------------------------------------------------------------------------------


def read_dump(path: str | Path) -> dict[str, Any]:
    file = Path(path).expanduser()
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise ValidationError("file", f"找不到文件：{file}", f"No file at {file}") from None
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError("file", f"{file.name} 不是 JSON 导出文件（{exc}）",
                              f"{file.name} is not a JSON dump ({exc})") from exc
    if not isinstance(document, dict):
        raise ValidationError("file", f"{file.name} 不是导出文件", f"{file.name} is not a dump")
    return document


def _check_document(document: dict[str, Any]) -> dict[str, tuple[Table, list[str], list[Any]]]:
    if document.get("format") != FORMAT or not isinstance(document.get("tables"), dict):
        raise ValidationError("file", "这不是 Campaign Planner 的导出文件",
                              "This is not a Campaign Planner dump")
    if document.get("version") != VERSION:
        raise ValidationError("file", f"不支持的导出格式版本 {document.get('version')}",
                              f"Unsupported dump format version {document.get('version')}")
    schema = document.get("schema")
    if str(schema) not in known_revisions()[0]:
        raise ValidationError(
            "file", f"导出文件来自更新版本的 Campaign Planner（版本 {schema}），请先升级本程序",
            f"The dump comes from a newer Campaign Planner (schema {schema}); upgrade first",
        )
    known = {t.name: t for t in _tables()}
    checked: dict[str, tuple[Table, list[str], list[Any]]] = {}
    for name, body in document["tables"].items():
        table = known.get(name)
        if table is None:
            raise ValidationError("file", f"导出文件中有未知的表 {name}", f"Unknown table {name} in the dump")
        columns, rows = body.get("columns"), body.get("rows")
        if not isinstance(columns, list) or not isinstance(rows, list):
            raise ValidationError("file", f"导出文件中表 {name} 的格式不对", f"Table {name} is malformed")
        unknown = [c for c in columns if c not in table.c]
        if unknown:
            raise ValidationError("file", f"表 {name} 中有未知的列 {', '.join(map(str, unknown))}",
                                  f"Unknown column(s) {', '.join(map(str, unknown))} in {name}")
        for column in table.c:
            if (column.name not in columns and not column.nullable and column.default is None
                    and column.server_default is None and not column.primary_key):
                raise ValidationError("file", f"导出文件中表 {name} 缺少列 {column.name}",
                                      f"Table {name} lacks the column {column.name}")
        decoders = [_decoder(table, c) for c in columns]
        decoded = []
        for number, row in enumerate(rows, 1):
            if not isinstance(row, list) or len(row) != len(columns):
                raise ValidationError("file", f"表 {name} 第 {number} 行的列数不对",
                                      f"Row {number} of {name} has the wrong number of values")
            decoded.append({c: d(v) for c, d, v in zip(columns, decoders, row, strict=True)})
        checked[name] = (table, columns, decoded)
    return checked


def holds_data(session: Session) -> bool:
    return any(session.execute(select(1).select_from(t).limit(1)).first() for t in _tables())


def load_document(session: Session, document: dict[str, Any], replace: bool = False) -> dict[str, int]:
    """Write a dump into the (migrated) database behind ``session``; returns rows per table.

    Nothing is written when the document is faulty. A database that holds data is refused
    unless ``replace``, which first deletes everything in it.
    """
    checked = _check_document(document)
    if session.get_bind().dialect.name == "postgresql":
        # the owner loads the dump as it is: its history kept, the tables' triggers quiet
        # (for any other role the database ignores this and records the load)
        session.execute(text("SELECT set_config('campaign_planner.restoring', 'on', true)"))
    if holds_data(session):
        if not replace:
            raise ValidationError(
                "force", "数据库中已有数据，载入会替换全部内容。确认替换请加 --force。",
                "The database already holds data; loading replaces all of it. Add --force to "
                "replace it.")
        units_of_accounts = _unbind_accounts(session)
        for table in reversed(_tables()):
            session.execute(delete(table))
    else:
        units_of_accounts = {}
    counts: dict[str, int] = {}
    try:
        for table in _tables():
            _table, _columns, rows = checked.get(table.name, (table, [], []))
            for start in range(0, len(rows), CHUNK):
                session.execute(insert(table), rows[start:start + CHUNK])
            counts[table.name] = len(rows)
        session.flush()
        _rebind_accounts(session, units_of_accounts)
    except (IntegrityError, DBAPIError) as exc:
        detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise ValidationError("file", f"导出文件的数据与数据库不一致：{detail}",
                              f"The dump's data does not fit the database: {detail}") from exc
    if session.get_bind().dialect.name == "postgresql":
        _move_sequences(session)
        session.execute(text("SELECT set_config('campaign_planner.restoring', '', true)"))
    else:
        head_to_newest(session.connection())
    return counts


def _unbind_accounts(session: Session) -> dict[int, str]:
    """Unit accounts lose their unit while the units are replaced: {account id: unit name}."""
    accounts, units = Base.metadata.tables["accounts"], Base.metadata.tables["units"]
    rows = session.execute(select(accounts.c.id, units.c.name_zh).join(
        units, units.c.id == accounts.c.unit_id)).all()
    if rows:
        session.execute(accounts.update().where(accounts.c.unit_id.is_not(None)).values(unit_id=None))
    return {int(account_id): str(name) for account_id, name in rows}


def _rebind_accounts(session: Session, units_of_accounts: dict[int, str]) -> None:
    """Unit accounts find their unit again by its Chinese name in the loaded campaign."""
    accounts, units = Base.metadata.tables["accounts"], Base.metadata.tables["units"]
    for account_id, name in units_of_accounts.items():
        unit_id = session.scalar(select(units.c.id).where(units.c.name_zh == name))
        session.execute(accounts.update().where(accounts.c.id == account_id).values(unit_id=unit_id))


def _move_sequences(session: Session) -> None:
    """After explicit ids, the next generated id must come after the highest one."""
    for table in _tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        key = keys[0].name
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence(:table, :key), "
            f"COALESCE((SELECT MAX({key}) FROM {table.name}), 0) + 1, false) "
            f"WHERE pg_get_serial_sequence(:table, :key) IS NOT NULL"
        ), {"table": table.name, "key": key})
