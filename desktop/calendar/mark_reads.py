"""The checks' marks of the entries a view shows, read on a worker thread.

Checking a month or a year of a large history takes longer than a frame, and the entries need
not wait for it: the calendar and the timeline show their entries at once and paint the marks
when :attr:`MarkReads.arrived` brings them. A newer read (or :meth:`MarkReads.drop`, when the
view reads its entries again) leaves an older one unused.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from desktop.calendar.banner import Banner
from desktop.context import AppContext
from desktop.errors_text import describe
from desktop.worker import Progress, start_job
from planning.check_marks import CheckMarks, read_marks
from planning.entries import CalendarEntry


class MarkReads(QObject):
    arrived = Signal(object)  # the CheckMarks of the latest read
    settled = Signal()  # no read under way any more: arrived, failed or dropped

    def __init__(self, ctx: AppContext, banner: Banner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.banner = ctx, banner
        self.loading = False  # a read is under way
        self._generation = 0  # a read older than the latest one is dropped

    def read(self, first: date, last: date, entries: list[CalendarEntry]) -> None:
        """Read the marks of ``entries`` (shown from ``first`` to ``last``)."""
        self._generation += 1
        generation, sessions, lang = self._generation, self.ctx.sessions, self.ctx.lang

        def work(_progress: Progress) -> CheckMarks:
            with sessions() as session:
                return read_marks(session, first, last, lang, entries)

        self.loading = True
        job = start_job(work, self)
        job.succeeded.connect(lambda marks: self._read(generation, marks))
        job.failed.connect(lambda exc: self._failed(generation, exc))

    def drop(self) -> None:
        """The read under way is of entries no longer shown: its marks are not wanted."""
        self._generation += 1
        if self.loading:
            self.loading = False
            self.settled.emit()

    def _read(self, generation: int, marks: CheckMarks) -> None:
        if generation == self._generation:
            self.loading = False
            self.arrived.emit(marks)
            self.settled.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.loading = False
            self.banner.show_message(describe(exc, self.ctx.lang))
            self.settled.emit()
