"""Export (.ics) and brief (PDF) actions write files; only the file dialog is stubbed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.documents.pdf_preview import PdfPreview
from desktop.main_window import MainWindow
from tests.desktop.conftest import Small
from tests.desktop.window_jobs import BRIEF_WAIT, export_trip, trip_brief, wait_for


def test_export_the_selected_trip(window: MainWindow, small: Small, save_as: list[Path],
                                  qtbot: QtBot) -> None:
    export_trip(window, small, qtbot)
    written = save_as[0].with_suffix(".ics")
    text = written.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    assert "拜访博世" in text and small.trip.code in text
    assert window.settings.last_folder == str(written.parent)


def test_export_the_whole_campaign(window: MainWindow, small: Small, save_as: list[Path],
                                   qtbot: QtBot) -> None:
    window.show_page("events")
    wait_for(window.export_selection(), qtbot)  # nothing selected: the whole campaign
    text = save_as[0].with_suffix(".ics").read_text(encoding="utf-8")
    assert "新能源汽车产业峰会" in text and "拜访博世" in text


def test_cancelled_file_dialog_writes_nothing(window: MainWindow, small: Small,
                                              monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path, qtbot: QtBot) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: ("", "")))
    assert window.export_campaign() is None
    assert not list(tmp_path.glob("*.ics"))


def test_brief_preview_and_save_as_pdf(window: MainWindow, small: Small, save_as: list[Path],
                                       qtbot: QtBot) -> None:
    preview = trip_brief(window, small, qtbot)
    assert len(window.findChildren(PdfPreview)) == 1
    assert preview.document.pageCount() >= 1
    path = preview.save_pdf()
    assert path is not None and path.suffix == ".pdf"
    assert path.read_bytes().startswith(b"%PDF")
    assert small.trip.code in path.name
    preview.close()


def test_event_brief(window: MainWindow, small: Small, qtbot: QtBot) -> None:
    window.show_page("events")
    window.events.select_id(small.event.id)
    wait_for(window.brief(), qtbot, BRIEF_WAIT)
    preview = window.findChildren(PdfPreview)[0]
    text = preview.document.getAllText(0).text()
    assert "新能源汽车产业峰会" in text


def test_printing_the_brief(window: MainWindow, small: Small, tmp_path: Path,
                            qtbot: QtBot) -> None:
    """What Print sends to a printer, here a PDF printer (the print dialog is the boundary)."""
    preview = trip_brief(window, small, qtbot)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    preview.print_to(printer)
    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_size > 10_000  # the pages went in as images


def test_export_the_selected_persons_own_schedule(window: MainWindow, small: Small,
                                                  save_as: list[Path], qtbot: QtBot) -> None:
    window.show_page("people")
    assert window.people.select_id(small.world.leader_id)
    assert window.export_action.isEnabled()
    wait_for(window.export_selection(), qtbot)
    written = save_as[0].with_suffix(".ics")
    text = written.read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    assert small.trip.code in text and "拜访博世" in text  # the trip the leader leads
    assert written.stem != "campaign"  # the person's schedule, not the whole campaign


def test_person_export_leaves_out_events_they_have_no_part_in(
        window: MainWindow, small: Small, save_as: list[Path], qtbot: QtBot) -> None:
    window.show_page("people")
    assert window.people.select_id(small.world.staff_id)  # in the trip, not at the event
    wait_for(window.export_selection(), qtbot)
    text = save_as[0].with_suffix(".ics").read_text(encoding="utf-8")
    assert small.trip.code in text
    assert "新能源汽车产业峰会" not in text


def test_the_preview_leaves_out_personal_data_on_request(window: MainWindow, small: Small,
                                                         qtbot: QtBot, tmp_path: Path) -> None:
    from models.people import Person
    from models.trips import TripMember

    with small.sessions.begin() as session:
        for member in session.query(TripMember).filter_by(trip_id=small.trip.id):
            person = session.get(Person, member.person_id)
            assert person is not None
            person.phone = "+86 139 0000 1234"
    preview = trip_brief(window, small, qtbot)
    assert preview.redact.isVisibleTo(preview) and not preview.redact.isChecked()
    full = preview.pdf
    preview.redact.setChecked(True)
    assert preview.pdf != full and preview.pdf.startswith(b"%PDF")
    texts = "".join(preview.document.getAllText(p).text()
                    for p in range(preview.document.pageCount()))
    assert "已隐去" in texts or "withheld" in texts
    assert "0000 1234" not in texts
    preview.grab().save(str(tmp_path / "preview-redacted.png"))
    preview.redact.setChecked(False)
    assert preview.pdf == full
    preview.close()


def test_the_units_page_prints_the_months_leaderboard(window: MainWindow, small: Small,
                                                      qtbot: QtBot) -> None:
    window.show_page("units")
    units = window.units
    units.period.setCurrentIndex(units.period.findData(3))
    assert units.month() == 3
    assert window.brief_action.isEnabled()
    wait_for(window.brief(), qtbot, BRIEF_WAIT)
    preview = window.findChildren(PdfPreview)[0]
    assert "英雄榜" in preview.document.getAllText(0).text()
    assert preview.file_name.startswith(f"leaderboard-{units.year}-03-")
    preview.close()
