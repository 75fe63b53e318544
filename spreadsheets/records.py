"""What the three kinds of import share: reading a row's cells into the attributes of a draft,
finding the record a row updates, and calling the model's operations.

A kind (:mod:`spreadsheets.organisations`, :mod:`spreadsheets.people`, :mod:`spreadsheets.leads`)
says which columns it reads, how each cell becomes draft attributes, how a row finds an
existing record, and which operations create and update one. Empty cells leave the existing
value as it is: a sparse sheet never erases what the directory already holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache, lru_cache
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import String
from sqlalchemy.orm import Session

from models.base import Base
from models.errors import PlannerError
from models.language import Lang
from models.operations.bulk import Update
from spreadsheets.columns import Column, ColumnMap
from spreadsheets.lookups import Directory
from spreadsheets.mojibake import Damage, find_damage
from spreadsheets.reading import Row
from spreadsheets.values import CellError, text

D = TypeVar("D")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_STARTS)  # the first character of a cell run as a formula
_NUMBER_LIKE = re.compile(r"^[+-]?[\d\s().,/:-]*\d[\d\s().,/:-]*$")  # -5, +86 769 1234


def unquote_formula(raw: str) -> tuple[str, bool]:
    """A cell as meant, and whether it looks like a formula a spreadsheet would run.

    An apostrophe before ``=``, ``+``, ``-``, ``@``, a tab or a CR is how exports (this app's,
    and OWASP's advice) keep such text from running: it is removed. Text that starts with one
    of them unquoted is kept as text, and reported (:func:`runs_as_formula`).
    """
    if quoted_formula(raw):
        return raw[1:], False
    return raw, runs_as_formula(raw)


def quoted_formula(raw: str) -> bool:
    """The cell was written with an export's apostrophe before a formula's first character."""
    return raw[:1] == "'" and raw[1:2] in _FORMULA_FIRST


def runs_as_formula(raw: str) -> bool:
    """The cell, unquoted, starts as a formula would; numbers and phone numbers ("-5",
    "+86 769 2233 4455") are not formulas. The first character is tested first: most cells
    are decided by it."""
    return (raw[:1] in _FORMULA_FIRST and text(raw) not in ("", "-", "--")
            and not _NUMBER_LIKE.match(raw))


Parser = Callable[[str], dict[str, Any]]
PARSED_KEPT = 4096  # distinct cells of a column whose reading is remembered (see Records.values)
TOTAL_ROWS = frozenset({"合计", "总计", "小计", "共计", "total", "sum", "subtotal"})


@dataclass
class CellProblem:
    column: str  # the header as the file has it; "" for the row as a whole
    message_zh: str
    message_en: str


@dataclass
class RowCells:
    """The cells of one row by field key, and the problems found reading them."""

    row: Row
    columns: ColumnMap
    problems: list[CellProblem] = field(default_factory=list)
    warnings: list[CellProblem] = field(default_factory=list)

    def get(self, key: str) -> str:
        if key not in self.columns.index:
            return ""
        return unquote_formula(self.row.cell(self.columns.index[key]))[0]

    def quoted(self, key: str) -> bool:
        """The cell was written with an export's apostrophe: its text is kept exactly."""
        if key not in self.columns.index:
            return False
        return quoted_formula(self.row.cell(self.columns.index[key]))

    def check_formulas(self) -> None:
        """Warn about each cell that a spreadsheet program would run as a formula."""
        cells = self.row.cells
        for key, position in self.columns.index.items():
            raw = cells[position] if position < len(cells) else ""
            if runs_as_formula(raw):
                shown = text(raw)[:30]
                self.warnings.append(CellProblem(
                    self.columns.header(key),
                    f"“{shown}”以 {raw[:1]!r} 开头，表格软件会把它当作公式运行；已按文字保存",
                    f"'{shown}' starts with {raw[:1]!r}, which a spreadsheet runs as a formula; "
                    "stored as text",
                ))

    def fail(self, key: str, zh: str, en: str) -> None:
        header = self.columns.header(key) if key in self.columns.index else ""
        self.problems.append(CellProblem(header, zh, en))


class Records(Generic[D]):
    """One kind of record a sheet can hold. Subclasses fill in the class attributes and the
    methods below; :mod:`spreadsheets.importer` drives them."""

    columns: ClassVar[tuple[Column, ...]]
    model: ClassVar[type[Base]]
    name_key: ClassVar[str]  # the required name field, also where total rows are recognised

    def __init__(self, session: Session, directory: Directory | None = None) -> None:
        self.session = session
        self.directory = directory or Directory(session)
        self.parsers: dict[str, Parser] = {}
        self._parsed: dict[str, dict[str, dict[str, Any] | CellError]] = {}

    # --- to be provided by each kind ------------------------------------------------------

    def find(self, values: dict[str, Any], cells: RowCells) -> int | None:
        """The id of the record this row updates, or None for a new one. Reports ambiguity
        through ``cells.fail`` and returns None."""
        raise NotImplementedError

    def new_draft(self, values: dict[str, Any]) -> D:
        raise NotImplementedError

    def existing(self, record_id: int) -> tuple[D, int]:
        """The draft of a record as it is, and its revision."""
        raise NotImplementedError

    def identity(self, draft: D, record_id: int | None) -> Hashable:
        """Two rows with the same identity are the same record twice."""
        raise NotImplementedError

    def label(self, draft: D) -> str:
        raise NotImplementedError

    def load_existing(self, record_ids: Collection[int]) -> None:
        """Read the records the rows update, all at once (a few ``IN`` queries), for
        :meth:`existing`."""
        raise NotImplementedError

    def check(self, drafts: Sequence[D], record_ids: Sequence[int | None]
              ) -> list[tuple[int, PlannerError]]:
        """The model's rule each draft breaks, by position, checked for the whole sheet at
        once (``record_ids``: the record each draft edits, or None)."""
        raise NotImplementedError

    @staticmethod
    def save(session: Session, creates: Sequence[Any], updates: Sequence[Update]
             ) -> tuple[list[int], list[int]]:
        """Write every row: the ids created and updated. Raises ``BulkRefusedError`` (nothing
        written) when a record is refused now."""
        raise NotImplementedError

    # --- shared -----------------------------------------------------------------------------

    def use_columns(self, columns: ColumnMap) -> None:
        """Learn what the header says beyond positions (units of amount columns)."""

    def is_total(self, cells: RowCells) -> bool:
        """A 合计/Total line at the foot of a sheet, not a record: its first filled cell (or
        its name) says so."""
        first = next((c for c in cells.row.cells if text(c)), "")
        return any(text(c).casefold().rstrip(":：") in TOTAL_ROWS
                   for c in (first, cells.get(self.name_key)))

    def values(self, cells: RowCells) -> dict[str, Any]:
        """The draft attributes the filled cells give; problems go to ``cells``. Each cell is
        read once (its export apostrophe removed, as :meth:`RowCells.get` does); a text seen
        before in the sheet is not checked for garbled text again (:func:`damage_in`), and a
        column's parser (kinds, industries, ranks, countries...) reads each distinct text once:
        its values, or its refusal, are remembered for the last ``PARSED_KEPT`` texts of the
        column (the parsers depend on the cell and on what is fixed for the whole sheet: the
        look-ups, the header's units)."""
        values: dict[str, Any] = {}
        index, row = cells.columns.index, cells.row
        for column in self.columns:
            position = index.get(column.key)
            if position is None:
                continue
            raw = row.cell(position)
            quoted = quoted_formula(raw)
            if quoted:
                raw = raw[1:]
            plain = text(raw)
            if not plain:
                continue
            damage = damage_in(raw)
            if damage is not None:
                cells.fail(column.key, damage.message(Lang.ZH), damage.message(Lang.EN))
                continue
            parse = self.parsers.get(column.key)
            if parse is None:  # an apostrophe-quoted "\tTAB" stays as it was
                values[column.key] = raw if quoted else plain
                continue
            read = self._parse(column.key, parse, raw)
            if isinstance(read, CellError):
                cells.fail(column.key, read.message_zh, read.message_en)
            else:
                values.update(read)
        self._check_lengths(values, cells)
        return values

    def _parse(self, key: str, parse: Parser, raw: str) -> dict[str, Any] | CellError:
        """What ``parse`` reads from ``raw`` (or its refusal), remembered for the column."""
        parsed = self._parsed.setdefault(key, {})
        read = parsed.get(raw)
        if read is None:
            try:
                read = parse(raw)
            except CellError as exc:
                read = exc
            if len(parsed) >= PARSED_KEPT:
                parsed.clear()
            parsed[raw] = read
        return read

    def merge(self, base: D, values: dict[str, Any]) -> D:
        return replace(base, **values)  # type: ignore[type-var]

    def _check_lengths(self, values: dict[str, Any], cells: RowCells) -> None:
        limits = _text_limits(self.model)
        for attr, value in values.items():
            limit = limits.get(attr)
            if limit is not None and isinstance(value, str) and len(value) > limit:
                cells.fail(self.column_of(attr), f"太长（{len(value)} 字，最多 {limit} 字）",
                           f"too long ({len(value)} characters, at most {limit})")

    def column_of(self, attr: str) -> str:
        """The field key of the column that fills draft attribute ``attr``."""
        for column in self.columns:
            if attr in column.targets:
                return column.key
        return attr


@cache
def _text_limits(model: type[Base]) -> dict[str, int]:
    """The longest text each of ``model``'s length-limited columns holds."""
    return {column.key: column.type.length for column in model.__table__.columns
            if isinstance(column.type, String) and column.type.length is not None}


@lru_cache(maxsize=8192)
def damage_in(cell: str) -> Damage | None:
    """:func:`spreadsheets.mojibake.find_damage`, remembered for the last few thousand texts:
    a sheet repeats its industries, countries, kinds and cities on every row."""
    return find_damage(cell)


def changed_fields(before: Any, after: Any) -> tuple[str, ...]:
    return tuple(f.name for f in fields(before) if getattr(before, f.name) != getattr(after, f.name))
