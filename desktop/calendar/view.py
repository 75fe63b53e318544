"""The calendar: month, week and agenda views of trips, itinerary items and events.

Coloured by region or by type, filtered by region, industry, unit, status and person, read in
local or Beijing time. Double-click opens the editor (through the context's signals); a drag
or Alt+←/→ moves the entry, with undo. Each refresh reads only the days on screen.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from enum import StrEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from desktop.calendar.actions import (
    changed_entry_keys,
    move_entry,
    open_entry,
    read_permits,
    reload_on,
)
from desktop.calendar.agenda import AgendaView
from desktop.calendar.banner import Banner
from desktop.calendar.colour_box import ColourByBox
from desktop.calendar.filters import FilterBar
from desktop.calendar.legend import Legend
from desktop.calendar.mark_reads import MarkReads
from desktop.calendar.month import MonthCanvas
from desktop.calendar.navigator import GoToDateDialog, MiniMonth
from desktop.calendar.style import ColourBy, legend
from desktop.calendar.week import WeekView
from desktop.context import AppContext
from desktop.editors.form_dialog import FormDialog
from desktop.formatting import pydate
from desktop.undo.moves import Move
from models.changes import OpChanges
from models.checks.calendars import calendar_last_year
from models.enums import TripStatus
from models.errors import NotFoundError
from models.queries import current_campaign_row
from models.rows import RegionRow
from planning.check_marks import CheckMarks, read_marks
from planning.dates import campaign_today, month_name, span_label, years_beyond_china_table
from planning.entries import CalendarEntry, EntryKind, TimeMode
from planning.feed import Filters, filter_choices, load_entries
from planning.layout import add_months, days_in_month, month_grid, week_start


class CalendarMode(StrEnum):
    MONTH = "month"
    WEEK = "week"
    WORK_WEEK = "work_week"  # Monday to Friday
    AGENDA = "agenda"


WEEK_MODES = (CalendarMode.WEEK, CalendarMode.WORK_WEEK)
_PAGE = {CalendarMode.MONTH: 0, CalendarMode.WEEK: 1, CalendarMode.WORK_WEEK: 1,
         CalendarMode.AGENDA: 2}  # the stacked surface of each mode


class CalendarView(QWidget):
    marks_loaded = Signal()  # the checks' marks of the month shown are painted
    loaded = Signal()  # the marks' read is over (arrived, failed or dropped): the view is filled

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = date.today()
        self.anchor: date | None = None  # the day the view is around; set on first refresh
        self.view_mode = CalendarMode.MONTH
        self.time_mode = TimeMode.LOCAL
        self.colour_by = ColourBy.REGION
        self.entries: list[CalendarEntry] = []
        self._regions: list[RegionRow] = []
        self._stale = True
        self._choices_stale = True  # filter boxes: reloaded when people, units... change
        self._reveal_after_load: list[tuple[EntryKind, int]] = []

        self.month = MonthCanvas()
        self.week = WeekView()
        self.agenda = AgendaView()
        self.stack = QStackedWidget()
        for view in (self.month, self.week, self.agenda):
            self.stack.addWidget(view)
            view.open_requested.connect(self.open_entry)
            view.move_requested.connect(self.move_entry)
        for surface in (self.month, *self.week.surfaces()):
            surface.refused.connect(self.say_refused)
        self.month.day_requested.connect(self._show_day)
        self.month.create_requested.connect(self.create_at)
        self.week.create_requested.connect(self.create_at)
        self.navigator = MiniMonth()
        self.navigator.clicked.connect(lambda d: self.go_to(pydate(d)))

        self.banner = Banner()
        self.mark_reads = MarkReads(ctx, self.banner, self)
        self.mark_reads.arrived.connect(self._marks_arrived)
        self.mark_reads.settled.connect(self.loaded)
        self.table_note = QLabel()  # when China's moved working days are not known for a year
        self.table_note.setObjectName("tableNote")
        self.table_note.setWordWrap(True)
        self.table_note.setStyleSheet("color: #8a5a00;")
        self.table_note.hide()
        self.filter_bar = FilterBar(ctx.lang)
        self.filter_bar.changed.connect(lambda _f: self.refresh())
        self.legend = Legend()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.table_note)
        body = QHBoxLayout()
        body.setSpacing(8)
        side = QVBoxLayout()
        side.addWidget(self.navigator)
        side.addStretch(1)
        body.addLayout(side)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)
        layout.addWidget(self.legend)

        for keys, slot in ((QKeySequence.StandardKey.MoveToPreviousPage, lambda: self.step(-1)),
                           (QKeySequence.StandardKey.MoveToNextPage, lambda: self.step(1))):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        go_to = QShortcut(QKeySequence("Ctrl+G"), self)
        go_to.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        go_to.activated.connect(self.ask_date)
        ctx.data_changed.connect(self._on_data_changed)

    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(4)
        self.today_button = QToolButton()
        self.today_button.setText(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Go to today"))
        self.today_button.clicked.connect(lambda: self.go_to(self._home_day()))
        self.prev_button = QToolButton()
        self.prev_button.setText("‹")
        self.prev_button.setToolTip(self.tr("Previous (PgUp)"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QToolButton()
        self.next_button.setText("›")
        self.next_button.setToolTip(self.tr("Next (PgDn)"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.period = QLabel()
        font = QFont(self.period.font())
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.period.setFont(font)
        for widget in (self.today_button, self.prev_button, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(8)
        bar.addWidget(self.period)
        bar.addStretch(1)

        self.mode_buttons = QButtonGroup(self)
        for mode, label in ((CalendarMode.MONTH, self.tr("Month")),
                            (CalendarMode.WEEK, self.tr("Week")),
                            (CalendarMode.WORK_WEEK, self.tr("Work week")),
                            (CalendarMode.AGENDA, self.tr("Agenda"))):
            button = QToolButton()
            button.setText(label)
            button.setCheckable(True)
            button.setChecked(mode is self.view_mode)
            button.setProperty("mode", mode.value)
            self.mode_buttons.addButton(button)
            bar.addWidget(button)
        self.mode_buttons.buttonClicked.connect(
            lambda b: self.set_view(CalendarMode(b.property("mode"))))
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Colour by")))
        self.colour_box = ColourByBox()
        self.colour_box.chosen.connect(self.set_colour_by)
        bar.addWidget(self.colour_box)
        self.time_box = QComboBox()
        self.time_box.addItem(self.tr("Local time"), TimeMode.LOCAL.value)
        self.time_box.addItem(self.tr("Beijing time"), TimeMode.BEIJING.value)
        self.time_box.setToolTip(self.tr("Show itinerary items and events in the local time of "
                                         "their place, or in Beijing time"))
        self.time_box.currentIndexChanged.connect(
            lambda _i: self.set_time_mode(TimeMode(self.time_box.currentData())))
        bar.addWidget(self.time_box)
        return bar

    # --- state ------------------------------------------------------------------------------

    def _home_day(self) -> date:
        """Today, seen from the campaign's year (a past campaign opens on the same date then)."""
        try:
            with self.ctx.sessions() as session:
                year: int | None = current_campaign_row(session).year
        except NotFoundError:
            year = None
        return campaign_today(self.today, year)

    def set_view(self, mode: CalendarMode) -> None:
        if self.view_mode is CalendarMode.MONTH and mode in WEEK_MODES:
            self.anchor = self._month_day() or self.anchor  # the week of the day picked
        self.view_mode = mode
        self.stack.setCurrentIndex(_PAGE[mode])
        for button in self.mode_buttons.buttons():
            button.setChecked(button.property("mode") == mode.value)
        self.refresh()

    def set_time_mode(self, mode: TimeMode) -> None:
        self.time_mode = mode
        self.time_box.setCurrentIndex(self.time_box.findData(mode.value))
        self.refresh()

    def set_colour_by(self, colour_by: ColourBy) -> None:
        self.colour_by = colour_by
        self.colour_box.set_value(colour_by)
        self.refresh()

    def set_filters(self, filters: Filters) -> None:
        self.filter_bar.set_filters(filters)  # emits changed -> refresh

    def _month_day(self) -> date | None:
        """The day picked in the month view: the one clicked, or the selected entry's first."""
        day = self.month.selected_day
        entry = self.month.selected_entry()
        if day is None and entry is not None:
            day = entry.first_day(self.time_mode)
        return day

    def go_to(self, day: date) -> None:
        self.anchor = day
        self.month.selected_day = day
        self.refresh()
        if self.view_mode in WEEK_MODES:
            self.week.scroll_to_first()

    def ask_date(self) -> GoToDateDialog:
        """Ctrl+G: a day typed or picked, then shown (in the current view)."""
        dialog = GoToDateDialog(self.anchor or self._home_day(), self.ctx.lang, self)

        def chosen(_dialog: FormDialog) -> bool:
            self.go_to(dialog.day())
            return True

        dialog.accept_with = chosen
        dialog.open()
        return dialog

    def say_refused(self, reason: str) -> None:
        """A drag or a key tried to move an entry the account may not change: say why."""
        self.banner.show_message(reason)
        self.ctx.status_message.emit(reason)

    def create_at(self, day: date, at: time | None = None) -> None:
        """A double-click on an empty day or time slot: a new event there (its editor)."""
        self.ctx.new_event_requested.emit(day, at)

    def step(self, direction: int) -> None:
        anchor = self.anchor or self._home_day()
        if self.view_mode in WEEK_MODES:
            self.go_to(anchor + timedelta(days=7 * direction))
        else:
            self.go_to(add_months(anchor, direction))

    def _show_day(self, day: date) -> None:
        self.anchor = day
        self.month.selected_day = day
        self.set_view(CalendarMode.WEEK)
        self.week.scroll_to_first()

    def visible_range(self) -> tuple[date, date]:
        anchor = self.anchor or self._home_day()
        if self.view_mode is CalendarMode.MONTH:
            grid = month_grid(anchor.year, anchor.month)
            return grid[0], grid[-1]
        if self.view_mode in WEEK_MODES:
            first = week_start(anchor)
            return first, first + timedelta(days=6 if self.view_mode is CalendarMode.WEEK else 4)
        first = anchor.replace(day=1)
        return first, first.replace(day=days_in_month(first.year, first.month))

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload what the current view shows (one short read-only session)."""
        self._stale = False
        if self.anchor is None:
            self.anchor = self._home_day()
        first, last = self.visible_range()
        filters = self.filter_bar.filters()
        with self.ctx.sessions() as session:
            if self._choices_stale:
                choices = filter_choices(session)
                self._regions = list(choices.regions)
                self.filter_bar.set_choices(choices)
                self._choices_stale = False
            entries = load_entries(session, first, last, filters)
            if not self.ctx.background_loading:
                self.month.marks = read_marks(session, first, last, self.ctx.lang, entries)
            self.entries = [e for e in entries if e.touches(first, last, self.time_mode)]
            permits = read_permits(session, self.entries, self.ctx.lang)
        for surface in (self.month, *self.week.surfaces()):
            surface.permits = permits
        self._show(first, last)
        self._note_unknown_years(first, last)
        if self.ctx.background_loading:
            self.mark_reads.read(first, last, entries)  # painted when they come

    @property
    def marks_loading(self) -> bool:
        """The checks' marks of the entries shown are being read on a worker thread."""
        return self.mark_reads.loading

    @property
    def loading(self) -> bool:
        """Not filled yet: the marks are still read (``MainWindow.when_filled`` waits for
        ``loaded``, so that the window's configuring of the records does not compete with it)."""
        return self.marks_loading

    def _marks_arrived(self, marks: CheckMarks) -> None:
        self.month.marks = marks
        self.month.update()
        self.marks_loaded.emit()

    def _note_unknown_years(self, first: date, last: date) -> None:
        """Say so when the days shown fall in a year whose 调休 (moved working days) the
        installed chinese-calendar does not know: no 班 can be shown there."""
        years = years_beyond_china_table(first, last)
        self.table_note.setVisible(bool(years))
        if years:
            self.table_note.setText(self.tr(
                "China's moved working days (班) for %1 are not known yet (the installed "
                "chinese-calendar goes to %2): only weekends and public holidays are shown.")
                .replace("%1", "、".join(str(y) for y in years) if self.ctx.lang != "en"
                         else ", ".join(str(y) for y in years))
                .replace("%2", str(calendar_last_year())))

    def _show(self, first: date, last: date) -> None:
        lang, anchor = self.ctx.lang, self.anchor or first
        if self.view_mode is CalendarMode.MONTH:
            self.month.lang, self.month.mode, self.month.colour_by = lang, self.time_mode, self.colour_by
            self.month.today = self.today
            self.month.set_month(anchor.year, anchor.month)
            self.month.set_entries(self.entries)
            self.period.setText(month_name(anchor.year, anchor.month, lang))
        elif self.view_mode in WEEK_MODES:
            self.week.configure(lang, self.time_mode, self.colour_by)
            self.week.set_week(first, self.today, (last - first).days + 1)
            self.week.set_entries(self.entries)
            week_no = first.isocalendar().week
            label = self.tr("Week {n}").format(n=week_no)
            span = span_label(first, last, lang)
            span = f"{span} {last.year}" if lang == "en" else f"{first.year}年{span}"
            self.period.setText(f"{span} · {label}")
        else:
            self.agenda.lang, self.agenda.mode, self.agenda.colour_by = lang, self.time_mode, self.colour_by
            self.agenda.set_range(first, last, self.today)
            self.agenda.set_entries(self.entries)
            self.period.setText(month_name(anchor.year, anchor.month, lang))
        self.navigator.show_day(anchor, first, last)
        statuses = [(s.label(lang), s.value) for s in TripStatus
                    if s not in (TripStatus.UNDERWAY,)]
        self.legend.set_items(legend(self.colour_by, self._regions, lang), statuses)

    def _on_data_changed(self, changes: OpChanges) -> None:
        self._reveal_after_load = changed_entry_keys(changes)
        reload_on(self, changes)
        if self.isVisible():
            self._reveal_changed()

    def _reveal_changed(self) -> None:
        """Select the saved or moved entry and scroll it into view (when it is on screen)."""
        keys, self._reveal_after_load = self._reveal_after_load, []
        for key in keys:
            entry = next((e for e in self.entries if e.key == key), None)
            if entry is not None:
                surface = self.current_surface()
                surface.select(entry)
                if isinstance(surface, WeekView):
                    surface.reveal(entry)
                return

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
        self._reveal_changed()

    # --- acting on entries -----------------------------------------------------------------

    def current_surface(self) -> MonthCanvas | WeekView | AgendaView:
        return (self.month, self.week, self.agenda)[_PAGE[self.view_mode]]

    def selected_entry(self) -> CalendarEntry | None:
        return self.current_surface().selected_entry()

    def select(self, kind: EntryKind, ident: int) -> CalendarEntry | None:
        entry = next((e for e in self.entries if e.key == (kind, ident)), None)
        self.current_surface().select(entry)
        return entry

    def open_entry(self, entry: CalendarEntry) -> None:
        """Open the entry's editor, at the field of its worst open finding if it has one."""
        mark = self.month.mark_of(entry) if self.view_mode is CalendarMode.MONTH else None
        open_entry(self.ctx, entry, mark)

    def move_entry(self, entry: CalendarEntry, move: Move, merge: bool = False) -> bool:
        """Move ``entry`` (undoable); a refusal is shown in the banner. True when moved."""
        return move_entry(self.ctx, self.banner, entry, move, merge)

    def move_selected(self, days: int) -> bool:
        entry = self.selected_entry()
        return entry is not None and self.move_entry(entry, Move(days=days), merge=True)
