"""Calendar export (.ics) and briefing packs (PDF) for the current selection, off the UI thread.

Both call the same packages as the command line: ``calendars`` and ``briefs``.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

import calendars
from desktop.context import AppContext
from desktop.documents.pdf_preview import PdfPreview
from desktop.documents.saved_notice import show_saved
from desktop.errors_text import describe
from desktop.settings import AppSettings
from desktop.worker import Job, Progress, run_in_background

if TYPE_CHECKING:
    import briefs

translate = QCoreApplication.translate


def _report_failure(ctx: AppContext, exc: BaseException) -> None:
    ctx.failed.emit(describe(exc, ctx.lang))


def export_calendar(ctx: AppContext, settings: AppSettings, parent: QWidget,
                    scope: calendars.ExportScope, file_name: str) -> Job | None:
    """Ask where to save, then collect the entries and render them into the .ics file in the
    background."""
    suggested = str(Path(settings.last_folder) / file_name)
    path, _filter = QFileDialog.getSaveFileName(
        parent, translate("DocumentActions", "Export calendar"), suggested,
        translate("DocumentActions", "iCalendar files (*.ics)"))
    if not path:
        return None
    target = Path(path if path.lower().endswith(".ics") else f"{path}.ics")
    settings.last_folder = str(target.parent)
    sessions, lang = ctx.sessions, ctx.lang

    def work(progress: Progress) -> tuple[int, Path]:
        with sessions() as session:
            data = calendars.collect(session, scope)
        # rendered into the file as it goes, as export-ics does (the whole calendar is never
        # held); a cancel or an error part of the way leaves the old file and no temporary
        return data.entry_count, calendars.write_calendar(target, data, lang, progress=progress)

    def done(result: tuple[int, Path]) -> None:
        entries, written = result
        ctx.status_message.emit(translate("DocumentActions", "Calendar saved to %1").replace(
            "%1", str(written)))
        show_saved(parent, translate("DocumentActions", "Exported %n calendar entry(ies)", "",
                                     entries), written)

    return run_in_background(parent, translate("DocumentActions", "Exporting the calendar…"),
                             work, done, lambda exc: _report_failure(ctx, exc))


def brief_options(ctx: AppContext, settings: AppSettings, today: date | None = None
                  ) -> briefs.BriefOptions:
    import briefs  # ReportLab and the briefs: on the first brief, not at start

    return briefs.BriefOptions(generated_on=today or date.today(), lang=ctx.lang,
                               font_path=settings.font_path or None,
                               issuer_zh=settings.issuer_zh, issuer_en=settings.issuer_en)


def show_brief(ctx: AppContext, settings: AppSettings, parent: QWidget, kind: briefs.BriefKind,
               code: str = "", year: int | None = None, month: int | None = None) -> Job:
    """Build the brief of a trip or event (its ``code``), the campaign report, or the
    leaderboard of ``month`` of ``year``, then preview it in the window."""
    import briefs

    options = brief_options(ctx, settings)
    sessions = ctx.sessions

    def work(progress: Progress) -> tuple[bytes, str, briefs.PreparedBrief]:
        progress(0, 2)
        with sessions() as session:
            render = briefs.prepare(session, kind, code, year, month)
        progress(1, 2)
        pdf = render(options)
        missing = [w.text(ctx.lang) for w in render.glyph_warnings(options.font_path)]
        return pdf, "\n".join(missing), render

    if kind is briefs.BriefKind.LEADERBOARD:
        title = translate("DocumentActions", "Leaderboard %1").replace("%1", f"{year}-{month:02d}")
        name = f"leaderboard-{year}-{month:02d}-{options.generated_on:%Y%m%d}.pdf"
    else:
        title = (translate("DocumentActions", "Brief %1").replace("%1", code) if code
                 else translate("DocumentActions", "Campaign report"))
        name = f"{code or 'campaign-report'}-{options.generated_on:%Y%m%d}.pdf"
    font_warning = briefs.find_cjk_font(options.font_path).warning

    def done(result: tuple[bytes, str, briefs.PreparedBrief]) -> None:
        pdf, glyphs, render = result
        warning = "\n".join(x for x in (font_warning, glyphs) if x)

        def rerender(redact: bool) -> bytes:  # pure: the data is already read
            return render(dataclasses.replace(options, redact=redact))

        preview = PdfPreview(pdf, title, name, ctx.lang, settings, warning, parent, rerender)
        preview.open()

    job = run_in_background(parent, translate("DocumentActions", "Preparing the brief…"), work,
                            done, lambda exc: _report_failure(ctx, exc))
    return job
