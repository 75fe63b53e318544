"""The window's exports and briefs run as jobs on a worker thread: start one, wait for its end."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.documents.pdf_preview import PdfPreview
from desktop.main_window import MainWindow
from desktop.worker import Job
from tests.desktop.conftest import Small

EXPORT_WAIT = 10_000  # ms
BRIEF_WAIT = 30_000  # ms: a brief renders a PDF


def wait_for(job: Job | None, qtbot: QtBot, timeout: int = EXPORT_WAIT) -> None:
    """Until the job the window started (None: it started none) has finished."""
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=timeout):
        pass


def select_trip(window: MainWindow, small: Small) -> None:
    """The small world's trip selected on the trips page."""
    window.show_page("trips")
    window.trips.select_id(small.trip.id)


def export_trip(window: MainWindow, small: Small, qtbot: QtBot) -> None:
    """The trip's calendar exported (through the file dialog the test answers)."""
    select_trip(window, small)
    wait_for(window.export_selection(), qtbot)


def trip_brief(window: MainWindow, small: Small, qtbot: QtBot) -> PdfPreview:
    """The trip's brief, in its preview."""
    select_trip(window, small)
    wait_for(window.brief(), qtbot, BRIEF_WAIT)
    return window.findChildren(PdfPreview)[0]
