"""The year timeline: how a campaign is planned. One row per region (or per leader), trips and
events as bars across the year, a month grid and a today line; zoom from the whole year down
to days; drag a bar (or Alt+←/→) to move it by whole days, with undo."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session
from typing_extensions import override

from desktop.calendar.actions import Permits, move_entry, open_entry, read_permits, reload_on
from desktop.calendar.banner import Banner
from desktop.calendar.colour_box import ColourByBox
from desktop.calendar.filters import FilterBar
from desktop.calendar.legend import Legend
from desktop.calendar.mark_reads import MarkReads
from desktop.calendar.style import HEADER_BG, ColourBy, legend
from desktop.calendar.timeline_parts import (
    LABEL_W,
    LayoutKey,
    TimelineCanvas,
    TimelineHeader,
    TimelineLabels,
    YearLayout,
    lay_out_year,
)
from desktop.context import AppContext
from desktop.elided_label import ElidedLabel
from desktop.errors_text import describe
from desktop.undo.moves import Move
from desktop.worker import Progress, start_job
from models.changes import OpChanges
from models.enums import TripStatus
from models.errors import NotFoundError
from models.queries import current_campaign_row
from planning.check_marks import CheckMarks, read_marks
from planning.entries import CalendarEntry, EntryKind
from planning.feed import FilterChoices, Filters, filter_choices, load_entries
from planning.timeline import Grouping

MIN_PX, MAX_PX = 1.5, 48.0

translate = QCoreApplication.translate


@dataclass(frozen=True)
class YearRead:
    """What the timeline shows of a year, read in one session (plain values, any thread)."""

    year: int
    choices: FilterChoices | None  # read again only after a change to the reference data
    entries: list[CalendarEntry]
    marks: CheckMarks | None  # None: read after the bars are shown (a year of checks)
    permits: Permits
    layout: YearLayout  # the bars laid out for the zoom and the rows asked for


def _year_reader(key: LayoutKey, filters: Filters, choices: bool, font: QFont,
                 marks: bool) -> Callable[[Session], YearRead]:
    """Read ``key.year`` and lay its bars out for ``key`` (in ``font``, a copy the reader
    alone uses): the UI thread then only shows them. The rows are the regions read here when
    the filter choices are read again. ``marks``: run the checks too (else the window reads
    them on a worker thread of their own once the bars are shown)."""
    year, lang = key.year, key.lang

    def read(session: Session) -> YearRead:
        first, last = date(year, 1, 1), date(year, 12, 31)
        entries = load_entries(session, first, last, replace(filters, items=False))
        read_choices = filter_choices(session) if choices else None
        regions = tuple(read_choices.regions) if read_choices is not None else key.regions
        layout = lay_out_year(entries, replace(key, regions=regions), font)
        return YearRead(year, read_choices, entries,
                        read_marks(session, first, last, lang, entries) if marks else None,
                        read_permits(session, entries, lang), layout)

    return read


class TimelineView(QWidget):
    loaded = Signal()  # the year's bars are shown
    marks_loaded = Signal()  # ... and the checks' marks on them (in the window: after the bars)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = date.today()
        self.year: int | None = None  # the campaign's year, on first refresh
        self.entries: list[CalendarEntry] = []
        self._stale = True
        self._choices_stale = True
        self._fitted = False
        self.loading = False  # a read on a worker thread is under way
        self._generation = 0  # a read older than the latest one is dropped

        self.canvas = TimelineCanvas()
        self.canvas.lang = ctx.lang
        self.header = TimelineHeader(self.canvas)
        self.labels = TimelineLabels(self.canvas)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.canvas)
        self.scroller.setWidgetResizable(False)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.scroller.horizontalScrollBar().valueChanged.connect(self.header.set_offset)
        self.scroller.verticalScrollBar().valueChanged.connect(self.labels.set_offset)
        self.canvas.open_requested.connect(self.open_entry)
        self.canvas.move_requested.connect(self.move_entry)
        self.canvas.refused.connect(self.say_refused)
        self.canvas.zoom_requested.connect(self._zoom_at)

        grid = QGridLayout()
        grid.setSpacing(0)
        corner = QLabel()
        corner.setFixedWidth(int(LABEL_W))
        corner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        corner_font = QFont(corner.font())
        corner_font.setBold(True)
        corner.setFont(corner_font)
        corner.setStyleSheet(f"color: #1b1f24; background: {HEADER_BG.name()};")
        self.corner = corner  # the year shown, above the row names
        grid.addWidget(corner, 0, 0)
        grid.addWidget(self.header, 0, 1)
        grid.addWidget(self.labels, 1, 0)
        grid.addWidget(self.scroller, 1, 1)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setLayout(grid)
        grid.setContentsMargins(1, 1, 1, 1)

        self.banner = Banner()
        self.mark_reads = MarkReads(ctx, self.banner, self)
        self.mark_reads.arrived.connect(self._marks_arrived)
        self.filter_bar = FilterBar(ctx.lang, items=False)
        self.filter_bar.changed.connect(lambda _f: self.refresh())
        self.legend = Legend()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.banner)
        layout.addWidget(frame, 1)
        layout.addWidget(self.legend)
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, lambda: self.zoom(1)),
                           (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom(-1))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        ctx.data_changed.connect(self._on_data_changed)

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(4)
        self.prev_button = QToolButton()
        self.prev_button.setText("‹")
        self.prev_button.setToolTip(self.tr("Previous year"))
        self.prev_button.clicked.connect(lambda: self.set_year((self.year or self.today.year) - 1))
        self.next_button = QToolButton()
        self.next_button.setText("›")
        self.next_button.setToolTip(self.tr("Next year"))
        self.next_button.clicked.connect(lambda: self.set_year((self.year or self.today.year) + 1))
        self.title = ElidedLabel()  # elided, whole in its tooltip, when the window is narrow
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.title.setFont(font)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        bar.addWidget(self.title, 1)
        bar.addWidget(QLabel(self.tr("Rows")))
        self.group_box = QComboBox()
        self.group_box.addItem(self.tr("By region"), Grouping.REGION.value)
        self.group_box.addItem(self.tr("By leader"), Grouping.LEADER.value)
        self.group_box.currentIndexChanged.connect(
            lambda _i: self.set_grouping(Grouping(self.group_box.currentData())))
        bar.addWidget(self.group_box)
        bar.addSpacing(8)
        bar.addWidget(QLabel(self.tr("Colour by")))
        self.colour_box = ColourByBox()
        self.colour_box.chosen.connect(self.set_colour_by)
        bar.addWidget(self.colour_box)
        bar.addSpacing(8)
        zoom_out = QToolButton()
        zoom_out.setText("−")
        zoom_out.setToolTip(self.tr("Zoom out (Ctrl+-, Ctrl+wheel)"))
        zoom_out.clicked.connect(lambda: self.zoom(-1))
        self.zoom_slider = QSlider(Qt.Orientation.Horizontal)
        self.zoom_slider.setRange(0, 100)
        self.zoom_slider.setFixedWidth(120)
        self.zoom_slider.setToolTip(self.tr("Zoom"))
        self.zoom_slider.valueChanged.connect(self._slider_zoom)
        zoom_in = QToolButton()
        zoom_in.setText("+")
        zoom_in.setToolTip(self.tr("Zoom in (Ctrl++, Ctrl+wheel)"))
        zoom_in.clicked.connect(lambda: self.zoom(1))
        fit = QToolButton()
        fit.setText(self.tr("Whole year"))
        fit.setToolTip(self.tr("Fit the whole year in the window"))
        fit.clicked.connect(self.fit_year)
        for widget in (zoom_out, self.zoom_slider, zoom_in, fit):
            bar.addWidget(widget)
        return bar

    # --- state ------------------------------------------------------------------------------

    def set_year(self, year: int) -> None:
        self.year = year
        self.refresh()

    def set_grouping(self, grouping: Grouping) -> None:
        self.canvas.grouping = grouping
        self.group_box.setCurrentIndex(self.group_box.findData(grouping.value))
        self.refresh()

    def set_colour_by(self, colour_by: ColourBy) -> None:
        self.canvas.colour_by = colour_by
        self.colour_box.set_value(colour_by)
        self.refresh()

    def set_filters(self, filters: Filters) -> None:
        self.filter_bar.set_filters(filters)

    # --- zoom ---------------------------------------------------------------------------------

    def _slider_value(self, px: float) -> int:
        return round(100 * math.log(px / MIN_PX) / math.log(MAX_PX / MIN_PX))

    def _slider_zoom(self, value: int) -> None:
        px = MIN_PX * (MAX_PX / MIN_PX) ** (value / 100)
        if abs(px - self.canvas.px_per_day) > 0.01:
            self.set_zoom(px)

    def zoom(self, steps: int) -> None:
        viewport = self.scroller.viewport()
        centre = self.scroller.horizontalScrollBar().value() + (viewport.width() if viewport else 0) / 2
        self._zoom_at(steps, centre)

    def _zoom_at(self, steps: int, x: float) -> None:
        self.set_zoom(self.canvas.px_per_day * (1.25 ** steps), keep_x=x)

    def set_zoom(self, px_per_day: float, keep_x: float | None = None) -> None:
        """Zoom so a day is ``px_per_day`` wide, keeping the day under ``keep_x`` in place."""
        px = min(max(px_per_day, MIN_PX), MAX_PX)
        bar = self.scroller.horizontalScrollBar()
        if keep_x is None:
            keep_x = bar.value() + self.scroller.viewport().width() / 2
        on_screen = keep_x - bar.value()
        day = keep_x / self.canvas.px_per_day
        self.canvas.px_per_day = px
        self.canvas.relayout()
        self.canvas.update()
        self.header.update()
        self.labels.update()
        bar.setValue(int(day * px - on_screen))
        self.zoom_slider.blockSignals(True)
        self.zoom_slider.setValue(self._slider_value(px))
        self.zoom_slider.blockSignals(False)

    def fit_year(self) -> None:
        # room for a vertical scroll bar, which appears when the rows are taller than the view
        width = self.scroller.width() - self.scroller.verticalScrollBar().sizeHint().width() - 4
        self.set_zoom(max(width, 100) / self.canvas.day_count, keep_x=0)
        self.scroller.horizontalScrollBar().setValue(0)

    # --- loading ----------------------------------------------------------------------------

    def _campaign_year(self) -> int:
        try:
            with self.ctx.sessions() as session:
                return current_campaign_row(session).year
        except NotFoundError:
            return self.today.year

    def refresh(self) -> None:
        """Reload the year's trips and events: read on a worker thread in the window (a year
        of a large history takes longer than a frame; the title says 正在载入… meanwhile), at
        once when ``ctx.background_loading`` is off (tests, screenshots)."""
        self._stale = False
        if self.year is None:
            self.year = self._campaign_year()
        self._generation += 1  # drops the reads under way, the year's and its marks'
        generation = self._generation
        self.mark_reads.drop()
        key = replace(self.canvas.layout_key(), year=self.year, lang=self.ctx.lang)
        background = self.ctx.background_loading
        read = _year_reader(key, self.filter_bar.filters(), self._choices_stale,
                            self.canvas.bar_font(), marks=not background)
        if not background:
            with self.ctx.sessions() as session:
                self._show_year(read(session))
            return
        sessions = self.ctx.sessions

        def work(_progress: Progress) -> YearRead:
            with sessions() as session:
                return read(session)

        self.loading = True
        self.title.setText(self._year_label(self.year) + " · "
                           + translate("EntityPage", "Loading…"))
        job = start_job(work, self)
        job.succeeded.connect(lambda data: self._loaded(generation, data))
        job.failed.connect(lambda exc: self._load_failed(generation, exc))

    def _loaded(self, generation: int, data: YearRead) -> None:
        if generation == self._generation:  # an older read (another year, filter) is dropped
            self.loading = False
            self._show_year(data)
            # the checks' marks of the bars follow: seconds of checks at ten years of history
            self.mark_reads.read(date(data.year, 1, 1), date(data.year, 12, 31), data.entries)

    @property
    def marks_loading(self) -> bool:
        """The checks' marks of the bars shown are being read on a worker thread."""
        return self.mark_reads.loading

    def _marks_arrived(self, marks: CheckMarks) -> None:
        self.canvas.marks = marks
        self.canvas.update()
        self.marks_loaded.emit()

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.loading = False
            self._stale = True
            self.title.setText(self._year_label(self.year or self.today.year))
            self.banner.show_message(describe(exc, self.ctx.lang))

    def _year_label(self, year: int) -> str:
        return f"{year}年" if self.ctx.lang != "en" else str(year)

    def _show_year(self, data: YearRead) -> None:
        if data.choices is not None:
            self.canvas.regions = list(data.choices.regions)
            self.filter_bar.set_choices(data.choices)
            self._choices_stale = False
        self.entries = data.entries
        c = self.canvas
        if data.marks is not None:  # else they follow (the last ones stay meanwhile)
            c.marks = data.marks
        c.permits = data.permits
        c.lang, c.year, c.today = self.ctx.lang, data.year, self.today
        c.set_entries(self.entries, data.layout)  # laid out again only if the zoom changed
        self.header.update()
        self.labels.setMinimumHeight(0)
        self.labels.update()
        trips = sum(1 for e in c.entries if e.kind is EntryKind.TRIP)
        self.corner.setText(self._year_label(data.year))
        self.title.setText(self.tr("{year} · trips: {trips} · events: {events}").format(
            year=data.year, trips=trips, events=len(c.entries) - trips))
        statuses = [(s.label(self.ctx.lang), s.value) for s in TripStatus
                    if s is not TripStatus.UNDERWAY]
        self.legend.set_items(legend(c.colour_by, c.regions, self.ctx.lang), statuses)
        if not self._fitted and self.isVisible():
            self._fitted = True
            self.fit_year()
        self.loaded.emit()
        if data.marks is not None:
            self.marks_loaded.emit()

    def _on_data_changed(self, changes: OpChanges) -> None:
        reload_on(self, changes)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:  # first, so that the year's read lays its bars out for this zoom
            self._fitted = True
            if self.year is None:
                self.year = self._campaign_year()
            self.canvas.year = self.year  # (no bars yet: a year's width to fit)
            self.fit_year()
        if self._stale:
            self.refresh()

    # --- acting on bars ---------------------------------------------------------------------

    def selected_entry(self) -> CalendarEntry | None:
        return self.canvas.selected_entry()

    def select(self, kind: EntryKind, ident: int) -> CalendarEntry | None:
        entry = next((e for e in self.canvas.entries if e.key == (kind, ident)), None)
        self.canvas.select(entry)
        return entry

    def open_entry(self, entry: CalendarEntry) -> None:
        """Open the entry's editor, at the field of its worst open finding if it has one."""
        open_entry(self.ctx, entry, self.canvas.mark_of(entry))

    def say_refused(self, reason: str) -> None:
        """A drag or a key tried to move a bar the account may not change: say why."""
        self.banner.show_message(reason)
        self.ctx.status_message.emit(reason)

    def move_entry(self, entry: CalendarEntry, move: Move, merge: bool = False) -> bool:
        """Move ``entry`` (undoable); a refusal is shown in the banner. True when moved."""
        return move_entry(self.ctx, self.banner, entry, move, merge)

    def move_selected(self, days: int) -> bool:
        entry = self.selected_entry()
        return entry is not None and self.move_entry(entry, Move(days=days), merge=True)
