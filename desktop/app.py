"""Starting the desktop program: translations, crash handling, the database, the window."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from desktop import crash, first_run, focus_return
from desktop.accounts.opened import Opened
from desktop.after_paint import after_next_paint
from desktop.context import AppContext
from desktop.i18n import install_translators, remove_translators
from desktop.main_window import MainWindow
from desktop.settings import APPLICATION, ORGANISATION, AppSettings
from desktop.worker import Job
from models.database import default_url, open_database, resolve_url, shown_url
from models.errors import DatabaseError, SignInError
from models.language import Lang
from models.tables import configure_records

log = logging.getLogger(__name__)

UI_FONTS = ["Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
            "Source Han Sans SC"]
# how long quitting waits for the jobs still running (asked to stop: a read, an export)
JOBS_AT_EXIT_MS = 30_000


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("招商活动规划 Campaign Planner")
    font = QFont(app.font())
    font.setFamilies([font.family(), *UI_FONTS])
    app.setFont(font)
    return app


def open_window_database(url: str) -> tuple[Engine, sessionmaker[Session]]:
    """The database the window works on. Only the default per-user file is created on the
    first start; a file chosen with --db, the environment or the settings must exist (as on
    the command line, where only ``init`` creates one)."""
    return open_database(url, create=url == default_url())


def open_signed_in(url: str, lang: Lang, parent: QWidget | None = None) -> Opened:
    """The database at ``url``; when the server asks who is there, signed in (the keyring's
    password, else the login dialog). Raises the DatabaseError (the SignInError when the person
    cancels the login), for the caller to offer another database."""
    try:
        engine, sessions = open_window_database(url)
    except SignInError as refused:
        from desktop.accounts.login_dialog import sign_in  # the shared server asks who is there

        opened = sign_in(url, open_window_database, lang, refused, parent)
        if opened is None:
            raise
        return opened
    return Opened(engine, sessions, url)


def _configure_records_aside() -> None:
    """The first view reads tables, not records (``models.tables``): SQLAlchemy configures its
    mappers (~45 ms) here, on a thread of its own, rather than on the window's thread for the
    first editor opened. A plain thread, not a job: it reports nothing to the window, and the
    interpreter waits for it at exit (a job still running while the window is destroyed emits
    to a dying object)."""
    threading.Thread(target=configure_records, name="configure-records").start()


READ_AHEAD_AFTER_MS = 1000  # after the first filled paint: the start's own work is done


def _aside(window: MainWindow) -> None:
    """Once the first filled view has been painted: the mappers configured, then, a second
    later, what the first editor needs read ahead (``Editors.read_ahead``), each off the
    window's thread. The second leaves the interpreter to the window while the user takes in
    the first view (the read holds it ~0.3 s at ten years of history); the window closed
    before then reads nothing."""
    _configure_records_aside()
    editors = window.editors
    QTimer.singleShot(READ_AHEAD_AFTER_MS, editors, editors.read_ahead)


def _end_jobs(window: QWidget, code: int) -> None:
    """The jobs still running when the window closes (a read nobody waits for, an export) are
    asked to stop and waited for while the window they report to is alive: one finishing as it
    was destroyed crashed the process. One still running after ``JOBS_AT_EXIT_MS`` (work that
    cannot stop half-way) ends with the process, which quits at once rather than tear down the
    objects it uses (a file it writes is replaced whole or not at all: ``atomic_write``)."""
    for job in window.findChildren(Job):
        job.cancel()
    if not QThreadPool.globalInstance().waitForDone(JOBS_AT_EXIT_MS):
        log.warning("quitting with background work still running")
        logging.shutdown()
        os._exit(code)


def run_desktop(db_url: str | None, lang: str | None,
                started: Callable[[], None] = lambda: None) -> int:
    """The window on ``db_url`` (else the settings', else the default database).

    ``started`` is called when start-up is over: before a question (the first run's, a
    database that does not open) and once the window is shown (so maybe twice)."""
    app = application()
    crash.install()
    focus_return.install(app)
    settings = AppSettings()
    ui_lang = settings.ui_language(lang)
    translators = install_translators(app, ui_lang)
    url = resolve_url(db_url or settings.db_url or None)
    try:
        opened = open_signed_in(url, ui_lang)
    except DatabaseError as exc:
        started()
        box = QMessageBox(QMessageBox.Icon.Critical, app.tr("Cannot open the database"),
                          exc.text(ui_lang), QMessageBox.StandardButton.Close)
        box.setInformativeText(app.tr("Choose another database in the settings, or start the "
                                      "program with --db URL."))
        settings_button = box.addButton(app.tr("Settings…"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is settings_button:
            from desktop.settings_dialog import SettingsDialog

            SettingsDialog(settings, ui_lang).exec()
        remove_translators(app, translators)
        return 1
    engine, sessions, url = opened.engine, opened.sessions, opened.url
    try:
        if first_run.is_empty(sessions):
            started()
            choice = first_run.ask(None)
            if choice is None:
                return 0
            first_run.prepare(sessions, choice, date.today().year)
        ctx = AppContext(sessions, shown_url(url), ui_lang)
        window = MainWindow(ctx, settings)
        window.show()
        started()
        # once the filled view has been painted (desktop/after_paint.py says why not sooner)
        window.when_filled(lambda: after_next_paint(window, lambda: _aside(window)))
        code = app.exec()
        _end_jobs(window, code)
    finally:
        engine.dispose()
        del translators
    return int(code)
