"""Checking a whole sheet against the model, then writing it all or nothing.

:func:`plan_import` reads every row, finds the record it updates (or decides to create one),
and runs the model's own operations on it inside a savepoint that is rolled back at the end:
the model's rules (required names, e-mail addresses, ranks, unique names, replacement
characters...) are applied exactly as when someone types the record in, every problem of every
row is collected with its row number, and the database is left as it was.

:func:`apply_import` writes a plan without errors in the caller's transaction. It raises
:class:`ImportRefusedError` for a plan with errors, or when a row is refused now (someone changed
the record since the check); the caller's rollback then leaves nothing written.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from models.errors import PlannerError, ValidationError
from models.language import Lang
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
from spreadsheets.reading import Row, Table
from spreadsheets.records import CellProblem, Records, RowCells, changed_fields

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


def plan_import(session: Session, kind: ImportKind | str, table: Table) -> ImportPlan:
    """Check every row of ``table`` as records of ``kind``; write nothing.

    Runs in the caller's session (read, and trial writes rolled back to a savepoint).
    """
    kind = import_kind(kind)
    records = RECORDS[kind](session, Directory(session))
    columns = map_columns(table.headers, records.columns)
    records.use_columns(columns)
    plan = ImportPlan(
        kind, table.describe(Lang.ZH), table.describe(Lang.EN),
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
        return plan
    seen: dict[Hashable, int] = {}
    trial = session.begin_nested()
    try:
        for row in table.rows:
            _plan_row(session, records, RowCells(row, columns), plan, seen)
    finally:
        trial.rollback()
    return plan


def _plan_row(session: Session, records: Records[Any], cells: RowCells, plan: ImportPlan,
              seen: dict[Hashable, int]) -> None:
    row = cells.row
    if records.is_total(cells):
        plan.skipped.append(row.number)
        return
    _check_stray_cells(cells)
    cells.check_formulas()
    for warning in cells.warnings:
        plan.warnings.append(RowError(row.number, warning.column.strip(), warning.message_zh,
                                      warning.message_en))
    values = records.values(cells)
    record_id = records.find(values, cells)
    if cells.problems:
        _report(plan, row, cells)
        _also_model_error(session, records, cells, plan, values, record_id)
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
        plan.rows.append(PlannedRow(row.number, Action.UNCHANGED, records.label(draft), draft,
                                    record_id, revision))
        return
    try:
        with session.begin_nested():
            if record_id is None:
                records.create(session, draft)
            else:
                assert revision is not None
                records.update(session, record_id, draft, revision)
    except PlannerError as exc:
        plan.errors.append(_model_error(row.number, exc, plan))
        return
    except (IntegrityError, DataError) as exc:
        plan.errors.append(RowError(row.number, "", f"数据库拒绝了这一行：{exc.orig}",
                                    f"The database refused this row: {exc.orig}"))
        return
    if record_id is None:
        plan.rows.append(PlannedRow(row.number, Action.CREATE, records.label(draft), draft))
    else:
        plan.rows.append(PlannedRow(row.number, Action.UPDATE, records.label(draft), draft,
                                    record_id, revision, changed_fields(before, draft)))


def _also_model_error(session: Session, records: Records[Any], cells: RowCells,
                      plan: ImportPlan, values: dict[str, Any], record_id: int | None) -> None:
    """Every problem of a row at once: with cells already refused, the model's rules still
    check what was readable, and a rule broken in another column is reported too."""
    try:
        before = records.new_draft(values) if record_id is None else records.existing(record_id)[0]
        draft = records.merge(before, values)
        with session.begin_nested() as trial:
            try:
                if record_id is None:
                    records.create(session, draft)
                else:
                    records.update(session, record_id, draft, records.existing(record_id)[1])
            finally:
                if trial.is_active:
                    trial.rollback()
    except PlannerError as exc:
        error = _model_error(cells.row.number, exc, plan)
        reported = {p.column.strip() for p in cells.problems}
        if error.column not in reported and error.column:
            plan.errors.append(error)
    except (IntegrityError, DataError, KeyError, TypeError, ValueError):
        return  # the cells already explain the row


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
    refused = ImportPlan(plan.kind, plan.source_zh, plan.source_en, attr_columns=plan.attr_columns)
    for planned in plan.rows:
        try:
            if planned.action is Action.CREATE:
                created.append(records.create(session, planned.draft))
            elif planned.action is Action.UPDATE:
                assert planned.record_id is not None and planned.revision is not None
                updated.append(records.update(session, planned.record_id, planned.draft,
                                              planned.revision))
        except PlannerError as exc:  # raised before anything is flushed: go on collecting
            refused.errors.append(_model_error(planned.row, exc, plan))
    if refused.errors:
        raise ImportRefusedError(refused)
    return SheetImportReport(plan.kind, tuple(created), tuple(updated), len(plan.unchanged),
                        len(plan.skipped))
