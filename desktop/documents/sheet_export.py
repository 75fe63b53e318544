"""Export the list a page shows (its rows after search and filters) as .xlsx or CSV.

The same functions as ``export-sheet`` on the command line (``spreadsheets.export``), off the
window's thread: the rows are collected in one short session, written atomically.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.context import AppContext
from desktop.documents.saved_notice import show_saved
from desktop.errors_text import describe
from desktop.settings import AppSettings
from desktop.worker import Job, Progress, run_in_background
from models.atomic_write import write_bytes_atomic
from models.language import Lang
from spreadsheets.export import SheetFilters, SheetKind, collect_sheet, render_sheet

translate = QCoreApplication.translate


def _filters() -> tuple[str, str]:
    xlsx = translate("SheetExport", "Excel workbook (*.xlsx)")
    csv = translate("SheetExport", "CSV, UTF-8 (*.csv)")
    return xlsx, csv


def choose_path(settings: AppSettings, parent: QWidget, name: str) -> Path | None:
    """Ask where to save; the chosen filter gives the format when the name has no suffix."""
    xlsx, csv = _filters()
    path, chosen = QFileDialog.getSaveFileName(
        parent, translate("SheetExport", "Export spreadsheet"),
        str(Path(settings.last_folder) / name), f"{xlsx};;{csv}")
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        target = target.with_name(target.name + (".csv" if chosen == csv else ".xlsx"))
    settings.last_folder = str(target.parent)
    return target


def export_sheet(ctx: AppContext, settings: AppSettings, parent: QWidget, kind: SheetKind,
                 filters: SheetFilters, name: str | None = None) -> Job | None:
    """Pick a file, then write the list there in the background; the status bar says how
    many rows went out, a failure is shown as a message."""
    path = choose_path(settings, parent, name or f"{kind.value}.xlsx")
    if path is None:
        return None
    sessions = ctx.sessions
    lang = Lang.EN if ctx.lang == "en" else Lang.ZH
    fmt = path.suffix.lower().lstrip(".")

    def work(progress: Progress) -> tuple[int, Path]:
        progress(0, 2)
        with sessions() as session:
            sheet = collect_sheet(session, kind, lang, filters)
        progress(1, 3)
        data = render_sheet(sheet, fmt)
        progress(2, 3)  # cancelled meanwhile: nothing written
        return len(sheet.rows), write_bytes_atomic(path, data)

    def done(result: tuple[int, Path]) -> None:
        rows, written = result
        ctx.status_message.emit(translate("SheetExport", "%1 rows exported to %2")
                                .replace("%1", str(rows)).replace("%2", str(written)))
        show_saved(parent, translate("SheetExport", "Exported %n row(s)", "", rows), written)

    def failed(exc: BaseException) -> None:
        ctx.failed.emit(describe(exc, ctx.lang))

    return run_in_background(parent, translate("SheetExport", "Exporting the spreadsheet…"),
                             work, done, failed)
