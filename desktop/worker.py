"""Long work off the UI thread, with progress and cancel: exports, briefs, imports, reports.

    job = run_in_background(parent, "Exporting…", work, on_done=..., on_error=...)

``work(progress)`` runs on a thread of the global QThreadPool; it opens its own session if
it needs one (one session per thread) and calls ``progress(done, total)`` now and then, which
raises :class:`CancelledError` once the user pressed Cancel. The callbacks run on the UI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class CancelledError(Exception):
    """Raised inside the work by ``progress`` after the user cancelled."""


class Job(QObject):
    """One background task. Its public signals are emitted on the UI thread: the worker
    thread emits the private ``_done`` and ``_step``, queued to this object's slots."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()  # after any of the three above
    _step = Signal(int, int)
    _done = Signal(str)

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self._step.connect(self._relay_step, Qt.ConnectionType.QueuedConnection)
        self._done.connect(self._relay_done, Qt.ConnectionType.QueuedConnection)

    @Slot(int, int)
    def _relay_step(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @Slot(str)
    def _relay_done(self, outcome: str) -> None:
        if outcome == "ok":
            self.succeeded.emit(self.result)
        elif outcome == "failed":
            self.failed.emit(self.error)
        else:
            self.cancelled.emit()
        self.finished.emit()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise CancelledError
        try:
            self._step.emit(done, total)
        except RuntimeError:  # deleted with its owner (a closed editor or window): stop
            raise CancelledError from None

    def run(self) -> None:
        """Runs on the worker thread."""
        try:
            self.result = self._work(self._progress)
        except CancelledError:
            self._finish("cancelled")
        except Exception as exc:  # reported to the UI thread, which explains it
            log.warning("background work failed: %s", exc, exc_info=True)
            self.error = exc
            self._finish("failed")
        else:
            self._finish("ok")

    def _finish(self, outcome: str) -> None:
        try:
            self._done.emit(outcome)
        except RuntimeError:
            # the job was deleted with its owner while it ran (an editor or the window closed
            # before its read came back): nobody waits for the outcome. Not an error: raised
            # here it reached the crash handler, which showed a dialog from the worker thread
            log.debug("background work %s after its owner was closed", outcome)


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job.run()


def start_job(work: Callable[[Progress], Any], parent: QObject,
              pool: QThreadPool | None = None) -> Job:
    """Start ``work`` on the thread pool, without a progress dialog (quick loads)."""
    job = Job(work, parent)
    job.finished.connect(job.deleteLater, Qt.ConnectionType.QueuedConnection)
    (pool or QThreadPool.globalInstance()).start(_Runnable(job))
    return job


def run_in_background(parent: QWidget, label: str, work: Callable[[Progress], Any],
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None,
                      pool: QThreadPool | None = None) -> Job:
    """Start ``work`` and show a progress dialog (after a short delay) with Cancel."""
    job = Job(work, parent)
    dialog = QProgressDialog(label, parent.tr("Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    job.progressed.connect(progressed)
    if on_done is not None:
        job.succeeded.connect(on_done)
    if on_error is not None:
        job.failed.connect(on_error)
    job.finished.connect(dialog.reset)
    job.finished.connect(dialog.deleteLater)
    job.finished.connect(job.deleteLater, Qt.ConnectionType.QueuedConnection)
    (pool or QThreadPool.globalInstance()).start(_Runnable(job))
    return job
