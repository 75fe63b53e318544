"""The timed rows an editor keeps in memory until Save: a trip's itinerary, an event's agenda.

Both show the rows in a table in time order (a double click edits one), put a row from a
dialog in its place in time, and delete the selected one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol, TypeVar

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.tables.row_model import RowTableModel


class Timed(Protocol):
    @property
    def starts_at(self) -> datetime: ...


TimedT = TypeVar("TimedT", bound=Timed)


def rows_view(model: RowTableModel[Any], parent: QWidget,
              open_row: Callable[[], object]) -> QTableView:
    """The rows one per line, one selected at a time; a double click calls ``open_row``."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.doubleClicked.connect(lambda _i: open_row())
    return view


def selected_row(view: QTableView) -> int:
    """The selected row's number, -1 when none is."""
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


def put_row(model: RowTableModel[TimedT], row: TimedT, at_row: int) -> int:
    """``row`` in place of row ``at_row`` (added when -1), the rows sorted by their start
    again; the row's number in that order."""
    rows = model.rows()
    if at_row < 0:
        rows.append(row)
    else:
        rows[at_row] = row
    rows.sort(key=lambda r: r.starts_at)
    model.set_rows(rows)
    return rows.index(row)


def delete_row(model: RowTableModel[Any], n: int) -> None:
    """Row ``n`` deleted (nothing when -1: no row selected)."""
    if n >= 0:
        rows = model.rows()
        del rows[n]
        model.set_rows(rows)
