"""Background work: progress and result on the UI thread, cancel, failure."""

from __future__ import annotations

import sys
import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.worker import Progress, run_in_background, start_job


def test_result_and_progress_arrive_on_the_ui_thread(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    steps: list[tuple[int, int]] = []
    threads: list[bool] = []
    results: list[object] = []

    def work(progress: Progress) -> str:
        for n in range(3):
            progress(n, 3)
        return "done"

    def done(result: object) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        results.append(result)

    job = run_in_background(parent, "working", work, on_done=done)
    job.progressed.connect(lambda d, t: steps.append((d, t)))
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert results == ["done"] and threads == [True]
    assert steps[-1] == (2, 3)


def test_cancel_stops_the_work(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    release = threading.Event()
    reached: list[int] = []

    def work(progress: Progress) -> None:
        started.set()
        release.wait(5)
        for n in range(100):
            progress(n, 100)
            reached.append(n)

    job = run_in_background(parent, "working", work)
    cancelled: list[bool] = []
    job.cancelled.connect(lambda: cancelled.append(True))
    assert started.wait(5)
    job.cancel()
    release.set()
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert cancelled == [True] and reached == []


def test_failure_reaches_the_error_callback(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[BaseException] = []

    def work(_progress: Progress) -> None:
        raise OSError(28, "No space left on device", "/tmp/x.ics")

    job = run_in_background(parent, "working", work, on_error=errors.append)
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert isinstance(errors[0], OSError)


def test_work_outliving_its_owner_ends_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor or the window closed while its read runs deletes the job with it: the work
    stops at its next progress, and neither that nor its end reaches the crash handler (whose
    dialog, from the worker thread, would have been shown after the window was gone)."""
    crashes: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, value, _tb: crashes.append(value))
    gate = threading.Event()
    after: list[int] = []

    def work(progress: Progress) -> str:
        gate.wait(5)
        progress(1, 2)
        after.append(1)  # not reached: the owner is gone
        return "done"

    def ends(progresses: bool) -> None:
        owner = QObject()
        start_job(work if progresses else (lambda _p: gate.wait(5)), owner)
        shiboken6.delete(owner)  # as WA_DeleteOnClose deletes a closed editor and its children
        gate.set()
        QThreadPool.globalInstance().waitForDone()
        gate.clear()

    ends(progresses=True)
    ends(progresses=False)
    assert crashes == [] and after == []
