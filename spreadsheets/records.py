"""What the three kinds of import share: reading a row's cells into the attributes of a draft,
finding the record a row updates, and calling the model's operations.

A kind (:mod:`spreadsheets.organisations`, :mod:`spreadsheets.people`, :mod:`spreadsheets.leads`)
says which columns it reads, how each cell becomes draft attributes, how a row finds an
existing record, and which operations create and update one. Empty cells leave the existing
value as it is: a sparse sheet never erases what the directory already holds.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import String
from sqlalchemy.orm import Session

from models.base import Base
from models.language import Lang
from spreadsheets.columns import Column, ColumnMap
from spreadsheets.lookups import Directory
from spreadsheets.mojibake import find_damage
from spreadsheets.reading import Row
from spreadsheets.values import CellError, text

D = TypeVar("D")
Parser = Callable[[str], dict[str, Any]]
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

    def get(self, key: str) -> str:
        if key not in self.columns.index:
            return ""
        return self.row.cell(self.columns.index[key])

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

    @staticmethod
    def create(session: Session, draft: Any) -> int:
        raise NotImplementedError

    @staticmethod
    def update(session: Session, record_id: int, draft: Any, revision: int) -> int:
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
        """The draft attributes the filled cells give; problems go to ``cells``."""
        values: dict[str, Any] = {}
        for column in self.columns:
            raw = cells.get(column.key)
            if not text(raw):
                continue
            damage = find_damage(raw)
            if damage is not None:
                cells.fail(column.key, damage.message(Lang.ZH), damage.message(Lang.EN))
                continue
            parse = self.parsers.get(column.key)
            try:
                values.update(parse(raw) if parse else {column.key: text(raw)})
            except CellError as exc:
                cells.fail(column.key, exc.message_zh, exc.message_en)
        self._check_lengths(values, cells)
        return values

    def merge(self, base: D, values: dict[str, Any]) -> D:
        return replace(base, **values)  # type: ignore[type-var]

    def _check_lengths(self, values: dict[str, Any], cells: RowCells) -> None:
        table = self.model.__table__
        for attr, value in values.items():
            if not isinstance(value, str) or attr not in table.c:
                continue
            kind = table.c[attr].type
            limit = kind.length if isinstance(kind, String) else None
            if limit is not None and len(value) > limit:
                cells.fail(self.column_of(attr), f"太长（{len(value)} 字，最多 {limit} 字）",
                           f"too long ({len(value)} characters, at most {limit})")

    def column_of(self, attr: str) -> str:
        """The field key of the column that fills draft attribute ``attr``."""
        for column in self.columns:
            if attr in column.targets:
                return column.key
        return attr


def changed_fields(before: Any, after: Any) -> tuple[str, ...]:
    return tuple(f.name for f in fields(before) if getattr(before, f.name) != getattr(after, f.name))
