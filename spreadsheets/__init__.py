"""Spreadsheet import: organisations, people and investment leads from CSV or .xlsx files.

Plain Python (no Qt); the command line (``cli/sheet_cmd.py``, ``import-sheet``) and the window
call the same three functions:

``read_table(path, encoding=None, *, sheet=None) -> Table``
    Reads a CSV file (UTF-8 with or without BOM, UTF-16/32 with BOM, else GB18030/GBK; never a
    silent guess: bytes valid in neither are refused with their line number) or an .xlsx
    workbook (the first sheet, or ``sheet``). Comma, semicolon or tab delimiters are found by
    themselves; title lines above the header are skipped. ``Table.describe(lang)`` says how the
    file was read ("GB18030 编码，逗号分隔，表头在第 1 行，数据 120 行"). ``parse_table(data, ...)``
    does the same for bytes. A file that cannot be read raises ``ValidationError``.

``open_table(path, encoding=None, *, sheet=None) -> Table | SheetFile``
    The same, for a large file: a UTF-8 or GB18030/GBK CSV file (its every byte checked for
    the encoding first, a block at a time) or an .xlsx workbook (openpyxl's read-only reader)
    gives a :class:`SheetFile` whose rows are read from the file each time ``data_rows()``
    is iterated, never held all at once (the first time from the file ``open_table`` opened
    to find the header: one opening, one parse of a workbook; ``with open_table(...) as
    table:`` closes it when the rows are not read to the end); other encodings give a
    ``Table``.

``plan_import(session, kind, table) -> ImportPlan``
    Takes a ``Table`` or a ``SheetFile`` and reads its rows 5,000 at a time.
    ``kind`` is "organisations", "people" or "leads" (:class:`ImportKind`). Maps the headers
    (Chinese or English: 名称/Name, 英文名称/Name (EN), 产业/Industry, 金额（万元）...), reads
    every cell (amounts such as "6亿" or "60,000万元", dates, ranks, countries, languages),
    refuses text garbled by an encoding round trip ("鎷涘晢" for "招商"), finds the record each
    row updates (organisations by Chinese name; people by e-mail, else name and unit; leads by
    code, else title and organisation) and runs the model's operations on every row inside a
    savepoint that is rolled back: nothing is written. The plan lists ``creates``,
    ``updates`` (with the changed fields), ``unchanged`` and ``errors`` (every problem of every
    row, with row number and column); ``summary(lang)`` and ``error_text(lang)`` give the
    message to show ("zh", "en" or "both"). Empty cells leave existing values as they are.

``apply_import(session, plan) -> SheetImportReport``
    Writes the plan in the caller's transaction (``with sessions.begin() as s:``). A plan
    with errors, or a row refused now (changed by someone since the plan), raises
    :class:`ImportRefusedError` (a ``ValidationError`` with ``.errors``); the caller's rollback
    then leaves nothing written. ``SheetImportReport.text(lang)`` says what was done.

``find_damage(text) -> Damage | None`` (in :mod:`spreadsheets.mojibake`) tells whether a text
was garbled by an encoding round trip, and what it probably said.
"""

from spreadsheets.importer import apply_import, plan_import
from spreadsheets.mojibake import Damage, find_damage
from spreadsheets.plan import (
    Action,
    ImportKind,
    ImportPlan,
    ImportRefusedError,
    PlannedRow,
    RowError,
    SheetImportReport,
)
from spreadsheets.reading import Row, SheetFile, Table, open_table, parse_table, read_table

__all__ = [
    "Action",
    "Damage",
    "ImportKind",
    "ImportPlan",
    "ImportRefusedError",
    "PlannedRow",
    "Row",
    "RowError",
    "SheetFile",
    "SheetImportReport",
    "Table",
    "apply_import",
    "find_damage",
    "open_table",
    "parse_table",
    "plan_import",
    "read_table",
]
