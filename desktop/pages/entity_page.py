"""A page of the main window around one table: search, filters, the table, a detail pane.

Subclasses say how their rows are read (``query``: a function of a session, run on a worker
thread so that 20,000 organisations never freeze the window), which changes concern them
(``kinds``) and which actions they offer (``offers``): new, edit, delete, duplicate, cancel,
move, export, brief. The main window's menus and toolbar call these on the current page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session
from typing_extensions import override

from desktop.context import AppContext
from desktop.dialogs import MessageDisplay
from desktop.editors.opening import Editors
from desktop.errors_text import describe
from desktop.tables.elided_tip import ElidedTipDelegate
from desktop.tables.row_model import (
    ID_ROLE,
    ROW_ROLE,
    Prepared,
    RowFilterProxy,
    RowTableModel,
)
from desktop.worker import Progress, start_job
from models.accounts.permissions import may_edit_record
from models.accounts.signed_in import SignedIn
from models.changes import OpChanges, RecordKind

translate = QCoreApplication.translate

SORT_ARROW_ROOM = 48  # a header's padding and its sort arrow on either side of the centred title
FIT_SAMPLE = 40  # rows whose contents fit the columns: those in sight (and no more than this)


class EntityPage(QWidget):
    selection_changed = Signal()
    loaded = Signal()  # new rows are in the table

    kinds: tuple[RecordKind, ...] = ()
    initial_sort = ""  # the column (key) sorted on first show, A to Z (default: the first)
    offers: frozenset[str] = frozenset({"new", "edit"})
    account: SignedIn | None = None  # who is signed in (the window sets it)

    def __init__(self, ctx: AppContext, editors: Editors, model: RowTableModel[Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.lang
        self.editors = editors
        self.model = model
        self.messages = MessageDisplay(self)
        self.stale = True
        self.loading = False
        self._generation = 0  # a load older than the latest one is dropped
        self._select_after_load: list[int] = []  # saved or moved records, shown selected
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(translate("EntityPage", "Search this table…"))
        self.search.setMinimumWidth(260)
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(lambda: self.proxy.set_search(self.search.text()))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.focus_table)  # Enter or Down: on to the rows
        self.search.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setStyleSheet("color: #5f6b7a;")
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setWordWrap(False)
        self.view.setItemDelegate(ElidedTipDelegate(self.view))  # a cut title: whole in a tooltip
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setResizeContentsPrecision(FIT_SAMPLE)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(bool(model.columns) and not model.columns[-1].align_right)
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.view.activated.connect(lambda _i: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.view)
        self.splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addLayout(self.filters)
        top.addStretch(1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        ctx.data_changed.connect(self._data_changed)
        if model.columns:  # sorted from the first read on, by the worker that reads; Qt's own
            # first sort (when sorting is enabled) is the first column from Z to A
            column = self.model.column_number(self.initial_sort) if self.initial_sort else 0
            self.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)

    # --- for subclasses ------------------------------------------------------------------

    def query(self) -> Callable[[Session], list[Any]]:
        """How to read the rows: called on the UI thread (it may read the filters), the
        function it returns runs on a worker thread with a session of its own."""
        raise NotImplementedError

    def side_read(self) -> Callable[[Session, list[Any]], Any] | None:
        """What the page shows beside its rows (totals, a second list, reference data): called
        on the UI thread, the function it returns runs after ``query``'s on the worker thread,
        with the same session and the rows just read, and what it returns is handed to
        :meth:`side_loaded`."""
        return None

    def side_loaded(self, side: Any) -> None:
        """What ``side_read`` read, on the UI thread, just before the new rows go in."""

    def add_filter(self, label: str, name: str, choices: list[tuple[str, Any]]) -> QComboBox:
        """A combo box of (text, predicate) choices: the rows for which the chosen one holds."""
        combo = QComboBox(self)
        combo.addItem(label, None)
        for text, predicate in choices:
            combo.addItem(text, predicate)
        combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_predicate(name, combo.currentData()))
        # never narrower than its "All …" label plus the arrow: the row squeezes the search box
        # and the count before it clips "All industries" to "All industrie"
        arrow = combo.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 24
        combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance(label) + arrow)
        self.filters.addWidget(combo)
        return combo

    def set_detail(self, widget: QWidget) -> None:
        self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([560, 320])

    def show_detail(self, row: Any | None) -> None:
        """Show the selected row in the detail pane (None: nothing selected)."""

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the rows again: on a worker thread in the window, at once when
        ``ctx.background_loading`` is off (tests, screenshots)."""
        self._generation += 1
        generation = self._generation
        read, side = self.query(), self.side_read()
        self.stale = False
        if not self.ctx.background_loading:
            with self.ctx.sessions() as session:
                rows = read(session)
                beside = side(session, rows) if side is not None else None
            self._show_rows(rows, beside)
            return
        sessions, prepare = self.ctx.sessions, self.model.prepare

        def work(_progress: Progress) -> tuple[Prepared[Any], Any]:
            with sessions() as session:
                rows = read(session)
                beside = side(session, rows) if side is not None else None
            return prepare(rows), beside  # search texts and the sort, off the UI thread too

        self.loading = True
        self.count.setText(translate("EntityPage", "Loading…"))
        job = start_job(work, self)
        job.succeeded.connect(lambda read: self._loaded(generation, *read))
        job.failed.connect(lambda exc: self._load_failed(generation, exc))

    def _loaded(self, generation: int, rows: Prepared[Any], side: Any) -> None:
        if generation == self._generation:
            self.loading = False
            self._show_rows(rows, side)

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.loading = False
            self.stale = True
            self._update_count()
            self.messages.show_problem(describe(exc, self.lang), True)

    def _show_rows(self, rows: list[Any] | Prepared[Any], side: Any = None) -> None:
        selected = self.selected_ids()
        self.side_loaded(side)
        if isinstance(rows, Prepared):
            self.model.set_prepared(rows)
        else:
            self.model.set_rows(rows)
        if not self.view.horizontalHeader().property("fitted"):
            self.fit_columns()
        wanted = [i for i in self._select_after_load if self.model.find_row(i) >= 0]
        self._select_after_load = []
        for n, ident in enumerate(wanted or selected):
            self.select_id(ident, clear=bool(wanted) and n == 0)
        self._selection_changed()
        self._update_count()
        self.loaded.emit()

    def fit_columns(self) -> None:
        """Each column as wide as its contents and its whole title beside the sort arrow (up to
        its limit); a ``stretch`` column takes what the others leave of the page's width.
        The contents measured are the first :data:`FIT_SAMPLE` rows in sight (Qt would measure
        a thousand, every cell's text through Python: a second for 20,000 projects; and with
        no limit, every row of a page not yet shown)."""
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        for n, column in enumerate(self.model.columns):
            title = metrics.horizontalAdvance(column.title.replace("&&", "&")) + SORT_ARROW_ROOM
            width = max(self.view.columnWidth(n) + 12, title, 60)
            if column.stretch:
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch)
                header.setStretchLastSection(False)
                continue
            self.view.setColumnWidth(n, min(width, column.width or 320))
        header.setProperty("fitted", True)

    def _data_changed(self, changes: OpChanges) -> None:
        if self.kinds and not changes.everything:  # a saved or moved record is selected
            changed = changes.ids_of(self.kinds[0])
            if changed and len(changed) <= 50:
                self._select_after_load = sorted(changed)
        if changes.touches(*self.kinds):
            if self.isVisible():
                self.refresh()
            else:
                self.stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def _update_count(self, *_args: object) -> None:
        if self.loading:
            return
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(translate("EntityPage", "%1 of %2 shown").replace("%1", str(shown))
                           .replace("%2", str(total)) if shown != total else
                           translate("EntityPage", "%n record(s)", "", total))

    # --- selection -------------------------------------------------------------------------

    def selected_rows(self) -> list[Any]:
        return [i.data(ROW_ROLE) for i in self.view.selectionModel().selectedRows()]

    def selected_row(self) -> Any | None:
        current = self.view.currentIndex()
        if current.isValid() and self.view.selectionModel().isSelected(current):
            return current.siblingAtColumn(0).data(ROW_ROLE)
        rows = self.selected_rows()
        return rows[0] if rows else None

    def selected_ids(self) -> list[int]:
        return [int(i.data(ID_ROLE)) for i in self.view.selectionModel().selectedRows()]

    def select_id(self, ident: int, clear: bool = True) -> bool:
        source_row = self.model.find_row(ident)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            self.search.clear()
            self.proxy.set_search("")
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag
        mode = flags.ClearAndSelect if clear else flags.Select
        self.view.selectionModel().select(index, mode | flags.Rows)
        self.view.selectionModel().setCurrentIndex(index, flags.NoUpdate)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def focus_table(self) -> None:
        """Put the keyboard in the table with a row current and selected (the first one when
        none is), so Down, Enter and Delete act at once, as in Outlook's message list."""
        if self.loading:  # rows still coming from the worker thread
            self.loaded.connect(self.focus_table, Qt.ConnectionType.SingleShotConnection)
            return
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.proxy.rowCount() == 0 or self.view.selectionModel().hasSelection():
            return
        current = self.view.currentIndex()
        index = current if current.isValid() else self.proxy.index(0, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box moves on to the table, as Enter does."""
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down):
            self.focus_table()
            return True
        return super().eventFilter(watched, event)

    def _selection_changed(self, *_args: QItemSelection | QModelIndex) -> None:
        self.show_detail(self.selected_row())
        self.selection_changed.emit()

    # --- actions (the main window calls those in ``offers``) ----------------------------

    def set_account(self, account: SignedIn | None) -> None:
        """Who is signed in: a unit's or a viewer's actions on records it may not change are
        refused up front (:meth:`refused`)."""
        self.account = account

    def refused(self, model: type[Any], ident: int) -> bool:
        """Whether the signed-in account may not change record ``ident`` of ``model``: then the
        one refusal (the record, its unit, why) is shown, before any question is asked."""
        if self.account is None or self.account.writes_everything:
            return False
        with self.ctx.sessions() as session:
            record = session.get(model, ident)
            problem = may_edit_record(session, record) if record is not None else None
        if problem is None:
            return False
        self.messages.show_problem(str(problem), False)
        return True

    def new_record(self) -> QWidget | None:
        return None

    def edit_selected(self) -> QWidget | None:
        return None

    def delete_selected(self) -> None:
        """Delete the selection (after a confirmation)."""

    def duplicate_selected(self) -> QWidget | None:
        return None

    def cancel_selected(self) -> QWidget | None:
        return None

    def move_selected(self) -> QWidget | None:
        return None
