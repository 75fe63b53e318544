"""The window offscreen on a database, one PNG per main view and per editor, for review and for
the README. ``main.py`` gives :func:`take_screenshots` to the command line's ``screenshots`` verb
(``cli/screenshots_cmd.py``)."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from models.language import Lang


def take_screenshots(sessions: sessionmaker[Session], url: str, folder: Path,
                     lang: Lang) -> list[Path]:
    """Save the PNGs into ``folder`` (which exists) and return their paths, in order."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, qInstallMessageHandler

    from desktop.app import application
    from desktop.context import AppContext
    from desktop.crash import qt_message_handler
    from desktop.i18n import install_translators, remove_translators
    from desktop.main_window import MainWindow
    from desktop.settings import AppSettings

    app = application()
    qInstallMessageHandler(qt_message_handler)
    translators = install_translators(app, lang)
    with tempfile.TemporaryDirectory() as scratch:
        settings = AppSettings(QSettings(str(Path(scratch) / "settings.ini"),
                                         QSettings.Format.IniFormat))
        actx = AppContext(sessions, url, lang)
        actx.background_loading = False  # every table filled before it is photographed
        window = MainWindow(actx, settings)
        try:
            return _shoot(window, folder, lang)
        finally:
            for editor in list(window.editors.open.values()):
                editor.discard_and_close()
            window.close()
            window.deleteLater()
            app.processEvents()
            remove_translators(app, translators)


def _shoot(window: object, folder: Path, lang: Lang) -> list[Path]:
    from PySide6.QtWidgets import QApplication, QDialog, QWidget

    from desktop.main_window import MainWindow
    from desktop.pages.entity_page import EntityPage

    assert isinstance(window, MainWindow)
    saved: list[Path] = []

    def settle() -> None:
        for _ in range(3):
            QApplication.processEvents()

    def grab(widget: QWidget, name: str) -> None:
        settle()
        path = folder / f"{len(saved) + 1:02d}-{name}-{lang}.png"
        widget.grab().save(str(path))
        saved.append(path)

    window.resize(1480, 920)
    window.show()
    for page in window.pages:
        window.show_page(page.key)
        if isinstance(page.widget, EntityPage) and page.widget.proxy.rowCount():
            page.widget.view.selectRow(0)
        grab(window, page.key)

    trip_id = _busiest_trip(window)
    if trip_id is not None:
        editor = window.editors.open_trip(trip_id)
        editor.resize(1100, 760)
        for n in range(editor.tabs.count()):
            editor.tabs.setCurrentIndex(n)
            grab(editor, f"trip-editor-{n + 1}")
        editor.items_view.selectRow(0)
        dialog: QDialog | None = editor.edit_item()
        if dialog is not None:
            grab(dialog, "itinerary-item")
            dialog.reject()
        editor.discard_and_close()
    events = window.events
    if events.model.rowCount():
        editor_e = window.editors.open_event(events.model.row_at(0).id)
        editor_e.resize(1100, 760)
        for n in range(editor_e.tabs.count()):
            editor_e.tabs.setCurrentIndex(n)
            grab(editor_e, f"event-editor-{n + 1}")
        editor_e.discard_and_close()
    if window.organisations.model.rowCount():
        org = window.editors.open_organisation(window.organisations.model.row_at(0).id)
        grab(org, "organisation-editor")
        org.tabs.setCurrentIndex(1)
        grab(org, "organisation-history")
        org.discard_and_close()
    if window.people.model.rowCount():
        person = window.editors.open_person(window.people.model.row_at(0).id)
        grab(person, "person-editor")
        person.discard_and_close()
    settings = window.open_settings()
    grab(settings, "settings")
    settings.reject()
    saved += _brief_preview(window, folder, lang, len(saved))
    return saved


def _busiest_trip(window: object) -> int | None:
    """The trip with the longest itinerary: the most telling editor to look at."""
    from desktop.main_window import MainWindow
    from models import queries

    assert isinstance(window, MainWindow)
    window.trips.refresh()
    with window.ctx.sessions() as session:
        details = queries.trip_details(session, ids=[r.id for r in window.trips.model.rows()][:60])
    if not details:
        return None
    return max(details, key=lambda d: len(d.items)).id


def _brief_preview(window: object, folder: Path, lang: Lang, count: int) -> list[Path]:
    """The brief of the first trip in the in-app preview (rendered here, not in a thread)."""
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    import briefs
    from desktop.documents.export_actions import brief_options
    from desktop.documents.pdf_preview import PdfPreview
    from desktop.main_window import MainWindow

    assert isinstance(window, MainWindow)
    if not window.trips.model.rowCount():
        return []
    code = window.trips.model.row_at(0).code
    options = brief_options(window.ctx, window.settings, date(2023, 1, 1))
    with window.ctx.sessions() as session:
        data = briefs.collect_trip(session, code)
    preview = PdfPreview(briefs.render_trip(data, options), code, f"{code}.pdf", lang,
                         window.settings, parent=window)
    preview.resize(900, 1000)
    preview.show()
    for _ in range(40):  # QPdfView renders its pages on threads of its own
        QApplication.processEvents()
        QThread.msleep(50)
    path = folder / f"{count + 1:02d}-brief-preview-{lang}.png"
    preview.grab().save(str(path))
    preview.close()
    return [path]
