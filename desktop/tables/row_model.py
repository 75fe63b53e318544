"""A table model over a list of plain rows, described by a column spec; and its filter proxy.

Each entity's model (trips, events, people...) is a :class:`RowTableModel` with its own
columns. Rows are frozen dataclasses loaded in bulk; nothing touches the database in paint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from typing_extensions import override

from desktop.formatting import plain_tooltip

RowT = TypeVar("RowT")
Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the plain row object
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's database id (int)
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # a str/int/float key that sorts the column
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4  # lower-cased text the search box matches

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MUTED = QColor("#8a8f98")
AWAITING = QColor("#b35c00")  # a counted result a planner has not confirmed yet
WARNING = QColor("#b35c00")
ERROR = QColor("#c0392b")


@dataclass(frozen=True)
class Column(Generic[RowT]):
    """One column: its header and how a row is shown (and sorted) in it."""

    key: str
    title: str
    text: Callable[[RowT], str]
    sort: Callable[[RowT], str | int | float] | None = None
    align_right: bool = False
    tooltip: Callable[[RowT], str] | None = None
    colour: Callable[[RowT], QColor | None] | None = None
    width: int = 0  # preferred width in pixels (0: fit the contents)
    stretch: bool = False  # takes the width the other columns leave (the page's full width)


@dataclass(frozen=True)
class Prepared(Generic[RowT]):
    """Rows ready for a model: their search texts, and the sort they are in."""

    rows: list[RowT]
    search: list[str]  # each row's lower-cased text for the search box
    sorted_by: tuple[int, Qt.SortOrder] | None


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """Read-only rows of one entity. Subclasses give ``columns`` and ``row_id``."""

    def __init__(self, columns: Sequence[Column[RowT]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[RowT] = []
        self._search: list[str] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    # --- data in -------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.set_prepared(self.prepare(rows))

    def prepare(self, rows: Sequence[RowT]) -> Prepared[RowT]:
        """The rows with their search texts, sorted as the table is: the work of filling the
        model for 20,000 rows, done on the worker thread that read them (plain values only)."""
        sorted_by = self._sorted_by
        ordered = list(rows)
        search = [self.search_text(r).casefold() for r in ordered]
        if sorted_by is not None:
            order = self._order_of(ordered, *sorted_by)
            ordered = [ordered[i] for i in order]
            search = [search[i] for i in order]
        return Prepared(ordered, search, sorted_by)

    def set_prepared(self, prepared: Prepared[RowT]) -> None:
        self.beginResetModel()
        self._rows, self._search = list(prepared.rows), list(prepared.search)
        if self._sorted_by is not None and self._sorted_by != prepared.sorted_by:
            self._reorder(self._order(*self._sorted_by))  # sorted otherwise meanwhile
        self.endResetModel()

    # --- sorting here, in Python, with each row's key computed once -----------------------

    def _order(self, column: int, order: Qt.SortOrder) -> list[int]:
        return self._order_of(self._rows, column, order)

    def _order_of(self, rows: Sequence[RowT], column: int, order: Qt.SortOrder) -> list[int]:
        spec = self.columns[column]
        if spec.sort is not None:
            keys: list[str | int | float] = [spec.sort(r) for r in rows]
        else:
            keys = [spec.text(r).casefold() for r in rows]
        return sorted(range(len(rows)), key=keys.__getitem__,
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def _reorder(self, order: list[int]) -> None:
        self._rows = [self._rows[i] for i in order]
        self._search = [self._search[i] for i in order]

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        order_of_rows = self._order(column, order)
        self._reorder(order_of_rows)
        new_position = {old: new for new, old in enumerate(order_of_rows)}
        before = self.persistentIndexList()
        after = [self.index(new_position[i.row()], i.column()) if i.isValid() else i
                 for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def row_id(self, row: RowT) -> int:
        return int(getattr(row, "id"))  # noqa: B009

    def search_text(self, row: RowT) -> str:
        """What the search box matches: every column's text by default."""
        return " ".join(c.text(row) for c in self.columns)

    def find_row(self, ident: int) -> int:
        """The model row holding the record ``ident``, or -1."""
        for number, row in enumerate(self._rows):
            if self.row_id(row) == ident:
                return number
        return -1

    def column_number(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    # --- QAbstractTableModel -------------------------------------------------------------

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return self.row_id(row)
        if role == SEARCH_ROLE:
            return self._search[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(column.tooltip(row)) if column.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.align_right else None
        if role == Qt.ItemDataRole.ForegroundRole and column.colour:
            colour = column.colour(row)
            return QBrush(colour) if colour is not None else None
        return None

    @override
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].align_right:
                return RIGHT
        return None

    @override
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RowFilterProxy(QSortFilterProxyModel):
    """Filters by search words and named row predicates. Sorting is passed on to the source
    model, which sorts its rows once by each row's key (Python comparisons through Qt for
    20,000 rows would take a second)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []
        self._predicates: dict[str, Callable[[Any], bool]] = {}

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def set_search(self, text: str) -> None:
        words = text.casefold().split()
        if words != self._words:
            self._refilter(lambda: setattr(self, "_words", words))

    def set_predicate(self, name: str, predicate: Callable[[Any], bool] | None) -> None:
        """Keep only the rows for which ``predicate(row)`` holds (None removes the filter)."""
        if predicate is None and name not in self._predicates:
            return  # no such filter: nothing to take away, no 20,000 rows to filter again

        def change() -> None:
            if predicate is None:
                self._predicates.pop(name, None)
            else:
                self._predicates[name] = predicate

        self._refilter(change)

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    @override
    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words and not self._predicates:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._words:
            haystack = model.data(index, SEARCH_ROLE) or ""
            if not all(word in haystack for word in self._words):
                return False
        if self._predicates:
            row = model.data(index, ROW_ROLE)
            return all(p(row) for p in self._predicates.values())
        return True
