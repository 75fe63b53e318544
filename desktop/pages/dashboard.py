"""The dashboard: where the campaign stands against its targets, the next fortnight, open
conflicts, and this month's leaderboard of responsible units.

"Today" is settable. Opening a past (or future) campaign, the dashboard looks at the same day
of the campaign's year: the 2023 sample opened on 10 June 2025 shows 10 June 2023 — the trips
of that fortnight and June's leaderboard — and says so.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from desktop.calendar.actions import REFRESH_KINDS, open_entry
from desktop.calendar.agenda import EntryItem
from desktop.calendar.style import (
    HOLIDAY_TEXT,
    MUTED_TEXT,
    ColourBy,
    base_colour,
    entry_tooltip,
    time_text,
)
from desktop.context import AppContext
from desktop.editors.date_field import DateTimeField, beside
from desktop.errors_text import describe
from desktop.formatting import plain_tooltip, pydate, qdate
from desktop.pages.dashboard_charts import GaugeCard, MonthChart
from desktop.tables.row_model import AWAITING
from desktop.worker import Progress as JobProgress
from desktop.worker import start_job
from models.changes import OpChanges, RecordKind
from models.conflicts import Conflict
from models.enums import Severity
from models.errors import NotFoundError
from models.progress import LeaderboardRow, Progress
from models.search import trip_or_event
from models.wording import board_count, board_money, unconfirmed_results
from planning.dashboard import FORTNIGHT, DashboardData, read_dashboard
from planning.dates import day_label, month_name
from planning.entries import CalendarEntry, TimeMode

DASHBOARD_KINDS = (*REFRESH_KINDS, RecordKind.LEAD, RecordKind.ORGANISATION, RecordKind.HQ_VISIT)


SEVERITY_MARKS = {Severity.ERROR: "●", Severity.WARNING: "▲", Severity.NOTE: "○"}
SEVERITY_COLOURS = {Severity.ERROR: HOLIDAY_TEXT, Severity.WARNING: QColor("#b7791f"),
                    Severity.NOTE: MUTED_TEXT}


class _ConflictItem(QTreeWidgetItem):
    def __init__(self, parent: QTreeWidget, conflict: Conflict) -> None:
        super().__init__(parent)
        self.conflict = conflict


def _panel(title: str, body: QWidget) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setObjectName("dashPanel")
    frame.setStyleSheet("#dashPanel { background: #ffffff; border: 1px solid #dde2e8; "
                        "border-radius: 6px; }")
    heading = QLabel(title)
    font = QFont(heading.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() + 1)
    heading.setFont(font)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(10, 8, 10, 10)
    layout.addWidget(heading)
    layout.addWidget(body, 1)
    return frame, heading


def _tree(columns: int) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setColumnCount(columns)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setIndentation(0)
    tree.setFrameShape(QFrame.Shape.NoFrame)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setAllColumnsShowFocus(True)
    tree.setMinimumHeight(230)
    return tree


class DashboardView(QWidget):
    drill_down = Signal(str)  # a target's ring was clicked: the measure's key ("hq_visits"…)
    loaded = Signal()  # the figures read by the latest refresh are shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today: date | None = None  # set_today(), or today seen from the campaign's year
        self._chosen_today = False
        self._stale = True
        self._generation = 0  # only the latest refresh's answer is shown
        self.loading = False
        self.progress: Progress | None = None
        self.upcoming: list[CalendarEntry] = []
        self.conflicts: list[Conflict] = []
        self.findings: list[Conflict] = []
        self.board: list[LeaderboardRow] = []

        self.heading = QLabel()
        big = QFont(self.heading.font())
        big.setPointSizeF(big.pointSizeF() + 5)
        big.setBold(True)
        self.heading.setFont(big)
        self.slogan = QLabel()
        self.slogan.setStyleSheet(f"color: {MUTED_TEXT.name()}")
        self.as_of = DateTimeField(with_time=False)
        self.as_of.setToolTip(self.tr("The day the dashboard looks from: the next 14 days, open "
                                      "conflicts and the month's leaderboard follow it"))
        self.as_of.dateChanged.connect(lambda d: self.set_today(pydate(d)))
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("Today"))
        self.today_button.clicked.connect(self.reset_today)
        self.note = QLabel()
        self.note.setStyleSheet(f"color: {MUTED_TEXT.name()}")
        self.note.setWordWrap(True)

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.slogan)
        top.addLayout(titles, 1)
        self.as_of_label = QLabel(self.tr("As of"))
        top.addWidget(self.as_of_label)
        self.as_of_box = beside(self.as_of)
        top.addWidget(self.as_of_box)
        top.addWidget(self.today_button)

        self.gauges = [GaugeCard() for _ in range(5)]
        for card in self.gauges:
            card.clicked.connect(self.drill_down.emit)
        gauges = QHBoxLayout()
        gauges.setSpacing(8)
        for card in self.gauges:
            gauges.addWidget(card, 1)

        self.next_days = _tree(5)
        self.next_days.itemDoubleClicked.connect(self._open_upcoming)
        self.conflict_list = _tree(2)
        self.conflict_list.setWordWrap(True)
        self.conflict_list.setUniformRowHeights(False)
        self.conflict_list.itemDoubleClicked.connect(self._open_conflict)
        self.findings_list = _tree(3)
        self.findings_list.setWordWrap(True)
        self.findings_list.setUniformRowHeights(False)
        self.findings_list.itemDoubleClicked.connect(self._open_finding)
        self.findings_list.itemActivated.connect(self._open_finding)
        self.board_list = _tree(6)
        self.month_chart = MonthChart()
        next_panel, self.next_heading = _panel(self.tr("The next 14 days"), self.next_days)
        # the clashes, and every check's open findings with their count by severity
        self.findings_heading = QLabel()
        self.findings_heading.setWordWrap(True)
        findings_page = QWidget()
        findings_layout = QVBoxLayout(findings_page)
        findings_layout.setContentsMargins(0, 4, 0, 0)
        findings_layout.addWidget(self.findings_heading)
        findings_layout.addWidget(self.findings_list, 1)
        self.check_tabs = QTabWidget()
        self.check_tabs.setDocumentMode(True)
        self.check_tabs.addTab(findings_page, self.tr("All checks"))
        self.check_tabs.addTab(self.conflict_list, self.tr("Clashes"))
        conflict_panel, self.conflict_heading = _panel(self.tr("Open conflicts and warnings"),
                                                       self.check_tabs)
        board_panel, self.board_heading = _panel("", self.board_list)
        month_panel, _ = _panel(self.tr("Trips and events by month"), self.month_chart)

        grid = QGridLayout()
        grid.setSpacing(8)
        grid.addWidget(next_panel, 0, 0)
        grid.addWidget(conflict_panel, 0, 1)
        grid.addWidget(month_panel, 1, 0)
        grid.addWidget(board_panel, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 10, 12, 12)
        column.setSpacing(8)
        column.addLayout(top)
        column.addWidget(self.note)
        self.body = QWidget()  # hidden until the first read has filled it
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(8)
        body.addLayout(gauges)
        body.addLayout(grid, 1)
        column.addWidget(self.body, 1)
        column.addStretch(0)  # keeps the heading at the top while the body is hidden
        scroller = QScrollArea()
        scroller.setWidget(content)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        content.setObjectName("dashboard")
        content.setStyleSheet("#dashboard { background: #f4f6f8; }")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroller)
        ctx.data_changed.connect(self._on_data_changed)

    # --- the day seen from ----------------------------------------------------------------

    def set_today(self, day: date) -> None:
        """Look at the campaign as of ``day`` (kept until ``reset_today``)."""
        if day == self.today and self._chosen_today:
            return
        self.today = day
        self._chosen_today = True
        self.refresh()

    def reset_today(self) -> None:
        self._chosen_today = False
        self.today = None
        self.refresh()

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything the dashboard shows in one short session and show it: on a worker
        thread in the window (the window shows at once, saying it is loading), at once when
        ``ctx.background_loading`` is off (tests, screenshots)."""
        self._stale = False
        self._generation += 1
        generation = self._generation
        chosen = self.today if self._chosen_today else None
        real = date.today()
        sessions = self.ctx.sessions

        def read(_progress: JobProgress | None = None) -> DashboardData | NotFoundError:
            with sessions() as session:
                try:
                    return read_dashboard(session, real, chosen)
                except NotFoundError as exc:  # no campaign yet: said on the page
                    return exc

        if not self.ctx.background_loading:
            self._loaded(generation, read())
            return
        self.loading = True
        if self.progress is None:  # nothing shown yet: say so instead of empty rings and lists
            self.heading.setText(self.tr("Loading…"))
            self.slogan.clear()
            self.note.hide()
            self._show_body(False)
        job = start_job(read, self)
        job.succeeded.connect(lambda data: self._loaded(generation, data))
        job.failed.connect(lambda exc: self._load_failed(generation, exc))

    def _loaded(self, generation: int, data: DashboardData | NotFoundError) -> None:
        if generation != self._generation:  # a later refresh is under way
            return
        self.loading = False
        if isinstance(data, NotFoundError):
            self._show_empty(data.text(self.ctx.lang))
        else:
            self._show(data)
        self.loaded.emit()

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self._stale = True  # read again when the page is next shown
        if self.progress is None:
            self.heading.setText(self.tr("The dashboard could not be read"))
        self.ctx.failed.emit(describe(exc, self.ctx.lang))

    def _show_body(self, shown: bool) -> None:
        for widget in (self.body, self.as_of_box, self.today_button, self.as_of_label):
            widget.setVisible(shown)

    def _show(self, data: DashboardData) -> None:
        lang = self.ctx.lang
        self._show_body(True)
        self.today, today = data.today, data.today
        self.progress = data.progress
        self.upcoming, self.conflicts, self.board = (
            list(data.upcoming), list(data.conflicts), list(data.board))
        self.findings = list(data.findings)
        self._show_header(data.year, today)
        for card, measure in zip(self.gauges, self.progress.measures, strict=False):
            card.show_measure(measure, lang)
        self.month_chart.show_months(self.progress.by_month, lang)
        self._show_upcoming(today)
        self._show_conflicts()
        self._show_findings()
        self._show_board(today)

    def _show_empty(self, message: str) -> None:
        self._show_body(True)
        self.heading.setText(self.tr("No campaign yet"))
        self.slogan.setText(message)
        self.progress = None
        self.upcoming, self.conflicts, self.board = [], [], []
        self.findings = []
        for tree in (self.next_days, self.conflict_list, self.board_list):
            tree.clear()

    def _show_header(self, year: int, today: date) -> None:
        assert self.progress is not None
        lang = self.ctx.lang
        campaign = self.progress.campaign
        self.heading.setText(campaign.name(lang))
        self.slogan.setText(campaign.slogan_text(lang))
        self.as_of.blockSignals(True)
        self.as_of.setDate(qdate(today))
        self.as_of.setDateRange(QDate(year - 1, 1, 1), QDate(year + 1, 12, 31))
        self.as_of.blockSignals(False)
        real = date.today()
        if today == real:
            self.note.clear()
            self.note.hide()
            return
        if self._chosen_today:
            text = self.tr("Seen as of {day}, a day you chose (today is {real}).")
        else:
            text = self.tr("This is the {year} campaign: it is seen as of {day}, the same day of "
                           "its year (today is {real}). Choose another day above.")
        self.note.setText(text.format(day=day_label(today, lang, with_year=True),
                                      real=day_label(real, lang, with_year=True), year=year))
        self.note.show()

    def _show_upcoming(self, today: date) -> None:
        lang = self.ctx.lang
        tree = self.next_days
        tree.clear()
        tree.setHeaderLabels([self.tr("When"), self.tr("Title"), self.tr("Region"),
                              self.tr("Leader"), self.tr("Status")])
        for entry in self.upcoming:
            item = EntryItem(tree, entry)
            first = max(entry.first_day(TimeMode.BEIJING), today)
            when = day_label(first, lang)
            if not entry.all_day:
                when += " " + time_text(entry, TimeMode.BEIJING, lang).split("–")[0]
            elif entry.first_day(TimeMode.BEIJING) < today:
                when = self.tr("under way, until {day}").format(
                    day=day_label(entry.last_day(TimeMode.BEIJING), lang, with_weekday=False))
            item.setText(0, when)
            item.setText(1, f"{entry.title(lang)} · {entry.code_in(lang)}")
            item.setForeground(1, QBrush(base_colour(entry, ColourBy.REGION)))
            item.setText(2, entry.region.name(lang) if entry.region else "")
            item.setText(3, entry.leader.name(lang) if entry.leader else "")
            item.setText(4, entry.status_label(lang))
            tip = entry_tooltip(entry, TimeMode.BEIJING, lang)
            for column in range(5):
                item.setToolTip(column, plain_tooltip(tip))
        if not self.upcoming:
            empty = QTreeWidgetItem(tree)
            empty.setText(1, self.tr("Nothing planned in the next 14 days"))
            empty.setForeground(1, QBrush(MUTED_TEXT))
        header = tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        end = today + timedelta(days=FORTNIGHT - 1)
        self.next_heading.setText(self.tr("The next 14 days ({first} – {last})").format(
            first=day_label(today, lang, with_weekday=False),
            last=day_label(end, lang, with_weekday=False)))

    def _show_conflicts(self) -> None:
        lang = self.ctx.lang
        tree = self.conflict_list
        tree.clear()
        tree.setHeaderLabels([self.tr("Severity"), self.tr("What")])
        errors = sum(1 for c in self.conflicts if c.severity is Severity.ERROR)
        for conflict in self.conflicts:
            item = _ConflictItem(tree, conflict)
            error = conflict.severity is Severity.ERROR
            item.setText(0, ("● " + self.tr("Conflict")) if error else ("▲ " + self.tr("Warning")))
            item.setForeground(0, QBrush(HOLIDAY_TEXT if error else QColor("#b7791f")))
            item.setText(1, conflict.text(lang))
            item.setToolTip(1, plain_tooltip(conflict.text(lang) + "\n" + " · ".join(conflict.codes)))
        if not self.conflicts:
            ok = QTreeWidgetItem(tree)
            ok.setText(1, self.tr("No open conflicts: no one is booked twice, no venue is "
                                  "double-booked, every itinerary fits its trip."))
            ok.setForeground(1, QBrush(MUTED_TEXT))
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.conflict_heading.setText(self.tr("Open conflicts and warnings (conflicts: {errors}, "
                                              "warnings: {warnings})").format(
            errors=errors, warnings=len(self.conflicts) - errors))

    def _show_findings(self) -> None:
        """Every check's open findings, counted by severity; double-click opens the record at
        the field concerned."""
        lang = self.ctx.lang
        tree = self.findings_list
        tree.clear()
        tree.setHeaderLabels([self.tr("Severity"), self.tr("Record"), self.tr("What")])
        for finding in self.findings:
            item = _ConflictItem(tree, finding)
            item.setText(0, f"{SEVERITY_MARKS[finding.severity]} {finding.severity.label(lang)}")
            item.setForeground(0, QBrush(SEVERITY_COLOURS[finding.severity]))
            item.setText(1, ", ".join(finding.codes))
            item.setText(2, finding.text(lang))
            item.setToolTip(2, plain_tooltip(
                f"{finding.kind.label(lang)} · {finding.id}\n{finding.text(lang)}"))
        if not self.findings:
            ok = QTreeWidgetItem(tree)
            ok.setText(2, self.tr("Nothing open: no holiday, late hour, tight transfer or "
                                  "shortfall found."))
            ok.setForeground(2, QBrush(MUTED_TEXT))
        header = tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        counts = {s: sum(1 for f in self.findings if f.severity is s) for s in Severity}
        self.findings_heading.setText(self.tr(
            "Holidays, local hours, travel legs, people and targets — errors: {errors}, "
            "warnings: {warnings}, notes: {notes}. Double-click one to open it.").format(
            errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING],
            notes=counts[Severity.NOTE]))
        self.check_tabs.setTabText(0, self.tr("All checks ({count})").format(
            count=len(self.findings)))
        self.check_tabs.setTabText(1, self.tr("Clashes ({count})").format(
            count=len(self.conflicts)))

    def _open_finding(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        if not isinstance(item, _ConflictItem):
            return
        target = item.conflict.target()
        if target is None:
            self.ctx.status_message.emit(item.conflict.text(self.ctx.lang))
            return
        self.ctx.open_field_requested.emit(target.kind, target.id,
                                           target.field or item.conflict.field)

    def _show_board(self, today: date) -> None:
        lang = self.ctx.lang
        tree = self.board_list
        tree.clear()
        tree.setHeaderLabels([self.tr("Rank"), self.tr("Unit"), self.tr("Signed projects"),
                              self.tr("Investment signed"), self.tr("HQ visits"),
                              self.tr("Unconfirmed")])
        for row in self.board:
            item = QTreeWidgetItem(tree)
            item.setText(0, str(row.rank))
            item.setText(1, row.unit.name(lang))
            item.setText(2, board_count(row.signed_leads))  # a zero reads — (models.wording)
            item.setText(3, board_money(row.signed_cny, lang))
            item.setText(4, board_count(row.hq_visits))
            item.setText(5, unconfirmed_results(row.unconfirmed_leads, row.unconfirmed_cny,
                                                row.unconfirmed_visits, lang))
            item.setForeground(5, QBrush(AWAITING))
            for column in (0, 2, 3, 4):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
        if not self.board:
            empty = QTreeWidgetItem(tree)  # across the whole row: the columns are narrow
            empty.setFirstColumnSpanned(True)
            empty.setText(0, self.tr("No signed projects or HQ visits this month yet"))
            empty.setForeground(0, QBrush(MUTED_TEXT))
        header = tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.board_heading.setText(self.tr("Leaderboard of units — {month}").format(
            month=month_name(today.year, today.month, lang)))

    # --- acting -----------------------------------------------------------------------------

    def _open_upcoming(self, item: QTreeWidgetItem, _column: int) -> None:
        if isinstance(item, EntryItem):
            open_entry(self.ctx, item.entry)

    def _open_conflict(self, item: QTreeWidgetItem, _column: int) -> None:
        if not isinstance(item, _ConflictItem) or not item.conflict.codes:
            return
        with self.ctx.sessions() as session:
            target = trip_or_event(session, item.conflict.codes[0])
        if target is None:
            return
        if target.kind is RecordKind.TRIP:
            self.ctx.open_trip_requested.emit(target.id)
        else:
            self.ctx.open_event_requested.emit(target.id)

    def _on_data_changed(self, changes: OpChanges) -> None:
        if not changes.touches(*DASHBOARD_KINDS):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

