"""Checking a whole sheet against the model, then writing it all or nothing.

:func:`plan_import` reads every row, finds the record it updates (or decides to create one),
and checks every draft against the model's own rules (required names, e-mail addresses, ranks,
unique names, replacement characters...), the same functions the one-record operations use,
with the look-ups loaded once for the whole sheet (:mod:`models.operations.bulk`): a handful
of queries whatever the number of rows, nothing written. Every problem of every row is
collected with its row number.

:func:`apply_import` writes a plan without errors in the caller's transaction, in batches. It
raises :class:`ImportRefusedError` for a plan with errors, or when a row is refused now
(someone changed the record since the check); the caller's rollback then leaves nothing
written.
"""

from __future__ import annotations

from collections.abc import Hashable
from contextlib import closing
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from models.errors import PlannerError, ValidationError
from models.language import Lang
from models.operations.bulk import BulkRefusedError, Update
from spreadsheets.collector import collector_held
from spreadsheets.columns import map_columns
from spreadsheets.leads import LeadRecords
from spreadsheets.lookups import Directory
from spreadsheets.mojibake import find_damage
from spreadsheets.organisations import OrganisationRecords
from spreadsheets.people import PersonRecords
from spreadsheets.plan import (
    Action,
    ImportKind,
    ImportPlan,
    ImportRefusedError,
    PlannedRow,
    RowError,
    SheetImportReport,
)
from spreadsheets.reading import Row, SheetFile, Table
from spreadsheets.records import CellProblem, Records, RowCells, changed_fields

CHUNK = 5000  # rows read, and their records loaded, at a time

RECORDS: dict[ImportKind, type[Records[Any]]] = {
    ImportKind.ORGANISATIONS: OrganisationRecords,
    ImportKind.PEOPLE: PersonRecords,
    ImportKind.LEADS: LeadRecords,
}


def import_kind(kind: ImportKind | str) -> ImportKind:
    try:
        return ImportKind(kind)
    except ValueError as exc:
        known = ", ".join(k.value for k in ImportKind)
        raise ValidationError("kind", f"未知的导入类型“{kind}”（可选：{known}）",
                              f"Unknown kind of import '{kind}' (one of: {known})") from exc


def plan_import(session: Session, kind: ImportKind | str, table: Table | SheetFile) -> ImportPlan:
    """Check every row of ``table`` as records of ``kind``; write nothing.

    Runs in the caller's session (read, and trial writes rolled back to a savepoint). The
    rows are read ``CHUNK`` at a time (a :class:`SheetFile` is never held whole, and its file
    is closed when they have been read or on an error) and checked a chunk at a time; a
    chunk's planned rows go to the plan's spool (a temporary file), so what the plan holds
    in memory is the errors and each row's identity (to find repeats).
    """
    kind = import_kind(kind)
    with collector_held():  # the rows' objects are freed by their counts (collector.py)
        return _plan(session, kind, table)


def _plan(session: Session, kind: ImportKind, table: Table | SheetFile) -> ImportPlan:
    records = RECORDS[kind](session, Directory(session))
    columns = map_columns(table.headers, records.columns)
    records.use_columns(columns)
    plan = ImportPlan(
        kind, "", "",
        columns=tuple((columns.headers[i].strip(), col.zh, col.en)
                      for col in records.columns if (i := columns.index.get(col.key)) is not None),
        ignored_columns=columns.ignored,
        attr_columns={attr: columns.header(col.key).strip() for col in records.columns
                      if col.key in columns.index for attr in col.targets},
    )
    for zh, en in columns.problems:
        plan.errors.append(RowError(table.header_row, "", zh, en))
    for header in table.headers:
        damage = find_damage(header)
        if damage is not None:
            plan.errors.append(RowError(table.header_row, "", "表头" + damage.message(Lang.ZH),
                                        "Header " + damage.message(Lang.EN)))
    if plan.errors:
        with closing(table.data_rows()) as data_rows:  # the rows counted, not checked
            _describe(plan, table, sum(1 for _ in data_rows))
        return plan
    seen: dict[Hashable, int] = {}
    count = 0
    with closing(table.data_rows()) as data_rows:  # the file closed also on an error
        while chunk := list(islice(data_rows, CHUNK)):  # a chunk's records read at once
            count += len(chunk)
            rows = [r for r in (_read_row(records, RowCells(row, columns), plan)
                                for row in chunk) if r is not None]
            records.load_existing({r.record_id for r in rows if r.record_id is not None})
            unchanged: list[PlannedRow] = []
            checked: list[_Checked] = []
            for read in rows:
                _plan_row(records, read, plan, seen, checked, unchanged)
            del rows
            _check_chunk(records, plan, checked, unchanged)
    _describe(plan, table, count)
    plan.errors.sort(key=lambda e: e.row)  # stable: a row's cell problems before its rule
    return plan


def _check_chunk(records: Records[Any], plan: ImportPlan, checked: list[_Checked],
                 unchanged: list[PlannedRow]) -> None:
    """The model's rules over a chunk's drafts at once; its planned rows go to the plan's
    spool (a temporary file): what stays in memory is the identities seen (for rows that
    repeat one) and the errors. A name repeated across chunks is refused by ``seen``."""
    problems = records.check([c.draft for c in checked], [c.record_id for c in checked])
    refused = {position: error for position, error in problems}
    planned: list[PlannedRow] = list(unchanged)
    for position, item in enumerate(checked):
        error = refused.get(position)
        if error is not None:
            _refuse(plan, item, error)
        elif item.planned is not None:
            planned.append(item.planned)
    plan.spool.add(sorted(planned, key=lambda r: r.row))


def _describe(plan: ImportPlan, table: Table | SheetFile, rows: int) -> None:
    plan.source_zh, plan.source_en = table.describe(Lang.ZH, rows), table.describe(Lang.EN, rows)


@dataclass
class _Read:
    """A row's cells read: its values and the record it updates."""

    cells: RowCells
    values: dict[str, Any]
    record_id: int | None


@dataclass
class _Checked:
    """A draft waiting for the model's rules: a planned row, or (``planned`` None) a row with
    refused cells whose readable part is checked too."""

    draft: Any
    record_id: int | None
    row: int
    planned: PlannedRow | None
    reported: frozenset[str] = frozenset()


def _read_row(records: Records[Any], cells: RowCells, plan: ImportPlan) -> _Read | None:
    row = cells.row
    if records.is_total(cells):
        plan.skipped.append(row.number)
        return None
    _check_stray_cells(cells)
    cells.check_formulas()
    for warning in cells.warnings:
        plan.warnings.append(RowError(row.number, warning.column.strip(), warning.message_zh,
                                      warning.message_en))
    values = records.values(cells)
    return _Read(cells, values, records.find(values, cells))


def _plan_row(records: Records[Any], read: _Read, plan: ImportPlan, seen: dict[Hashable, int],
              checked: list[_Checked], unchanged: list[PlannedRow]) -> None:
    cells, values, record_id = read.cells, read.values, read.record_id
    row = cells.row
    if cells.problems:
        _report(plan, row, cells)
        _also_model_error(records, read, checked)
        return
    if record_id is None:
        before, revision = records.new_draft(values), None
    else:
        before, revision = records.existing(record_id)
    draft = records.merge(before, values)
    identity = records.identity(draft, record_id)
    if identity in seen:
        what = records.label(draft)
        plan.errors.append(RowError(row.number, "", f"“{what}”与第 {seen[identity]} 行重复",
                                    f"'{what}' repeats row {seen[identity]}"))
        return
    seen[identity] = row.number
    if record_id is not None and draft == before:
        unchanged.append(PlannedRow(row.number, Action.UNCHANGED, records.label(draft), draft,
                                    record_id, revision))
        return
    if record_id is None:
        planned = PlannedRow(row.number, Action.CREATE, records.label(draft), draft)
    else:
        planned = PlannedRow(row.number, Action.UPDATE, records.label(draft), draft, record_id,
                             revision, changed_fields(before, draft))
    checked.append(_Checked(draft, record_id, row.number, planned))


def _also_model_error(records: Records[Any], read: _Read, checked: list[_Checked]) -> None:
    """Every problem of a row at once: with cells already refused, the model's rules still
    check what was readable, and a rule broken in another column is reported too."""
    try:
        before = (records.new_draft(read.values) if read.record_id is None
                  else records.existing(read.record_id)[0])
        draft = records.merge(before, read.values)
    except (KeyError, TypeError, ValueError):
        return  # the cells already explain the row
    reported = frozenset(p.column.strip() for p in read.cells.problems)
    checked.append(_Checked(draft, read.record_id, read.cells.row.number, None, reported))


def _refuse(plan: ImportPlan, item: _Checked, exc: PlannerError) -> None:
    error = _model_error(item.row, exc, plan)
    if item.planned is None and (not error.column or error.column in item.reported):
        return  # the refused cells already explain the row
    plan.errors.append(error)


def _check_stray_cells(cells: RowCells) -> None:
    """Content beyond the header, or under an empty header, would be lost: say so."""
    headers = cells.columns.headers
    for position, value in enumerate(cells.row.cells):
        if value.strip() and (position >= len(headers) or not headers[position].strip()):
            cells.problems.append(_stray(position, value))


def _stray(position: int, value: str) -> CellProblem:
    shown = value.strip()[:20]
    return CellProblem(
        "", f"第 {position + 1} 列有内容“{shown}”但没有表头（分隔符不对，或多出一列？）",
        f"column {position + 1} holds '{shown}' but has no header (wrong delimiter, or an extra "
        "column?)",
    )


def _report(plan: ImportPlan, row: Row, cells: RowCells) -> None:
    for problem in cells.problems:
        plan.errors.append(RowError(row.number, problem.column.strip(), problem.message_zh,
                                    problem.message_en))


def _model_error(row: int, exc: PlannerError, plan: ImportPlan) -> RowError:
    column = plan.attr_columns.get(getattr(exc, "field", ""), "")
    return RowError(row, column, exc.message_zh, exc.message_en or exc.message_zh)


def apply_import(session: Session, plan: ImportPlan) -> SheetImportReport:
    """Write ``plan`` in the caller's transaction: every row or, by raising, none.

    ``with sessions.begin() as s: apply_import(s, plan)`` commits on success and rolls back
    when :class:`ImportRefusedError` (or any other error) is raised.
    """
    if plan.errors:
        raise ImportRefusedError(plan)
    records = RECORDS[plan.kind]
    created: list[int] = []
    updated: list[int] = []
    with collector_held():  # the rows' objects are freed by their counts (collector.py)
        for chunk in plan.spool.chunks():  # one chunk of planned rows in memory at a time
            made, changed = _write_chunk(session, plan, records, chunk)
            created += made
            updated += changed
    return SheetImportReport(plan.kind, tuple(created), tuple(updated),
                             plan.count(Action.UNCHANGED), len(plan.skipped))


def _write_chunk(session: Session, plan: ImportPlan, records: type[Records[Any]],
                 chunk: list[PlannedRow]) -> tuple[list[int], list[int]]:
    """Re-check and write one chunk's creates and updates. A refusal raises (the caller's
    rollback then takes back the chunks already written: all or nothing)."""
    writes = [p for p in chunk if p.action is not Action.UNCHANGED]
    creates = [p for p in writes if p.action is Action.CREATE]
    updates = [p for p in writes if p.action is Action.UPDATE]
    try:
        return records.save(
            session, [p.draft for p in creates],
            [Update(p.record_id, p.draft, p.revision) for p in updates
             if p.record_id is not None])
    except BulkRefusedError as exc:  # checked before anything of the chunk is written
        refused = ImportPlan(plan.kind, plan.source_zh, plan.source_en,
                             attr_columns=plan.attr_columns)
        by_position = [*creates, *updates]
        refused.errors.extend(_model_error(by_position[position].row, error, plan)
                              for position, error in exc.problems)
        raise ImportRefusedError(refused) from exc
    except (IntegrityError, DataError) as exc:
        refused = ImportPlan(plan.kind, plan.source_zh, plan.source_en,
                             attr_columns=plan.attr_columns)
        first = writes[0].row if writes else 0
        refused.errors.append(RowError(first, "", f"数据库拒绝了导入：{exc.orig}",
                                       f"The database refused the import: {exc.orig}"))
        raise ImportRefusedError(refused) from exc
