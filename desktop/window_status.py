"""What the window's title and status bar say: the campaign, the database, who is signed in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMainWindow
from sqlalchemy.engine import make_url

from desktop.context import AppContext
from models import queries
from models.database import shown_url


def database_place(db_url: str) -> str:
    """The database as a person names it: the SQLite file's name (``sample.db``) or the server's
    database and host (``campaign@db.example.cn``)."""
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        return Path(url.database).name if url.database else ":memory:"
    return f"{url.database or ''}@{url.host or ''}"


def window_title(ctx: AppContext) -> str:
    """What this window holds, as Outlook names the folder and the account: the campaign and the
    database (``2023年招商年 · sample.db``). The system adds the program's name (the application's
    display name) after it, so the title never repeats it."""
    where = database_place(ctx.db_url)
    with ctx.sessions() as session:
        names = queries.newest_campaign_name(session)
    if names is None:
        return where
    name_zh, name_en = names
    return f"{ctx.lang.pick(name_zh, name_en or name_zh)} · {where}"


def add_status_labels(window: QMainWindow, who: str, db_url: str) -> tuple[QLabel, QLabel]:
    """The status bar's permanent labels: who is signed in, and the database by its name (the
    address, never with its password, in the tooltip)."""
    signed_in = QLabel(who, window)
    signed_in.setObjectName("signedIn")
    signed_in.setStyleSheet("color: #2b3a4a; padding: 0 6px;")
    window.statusBar().addPermanentWidget(signed_in)
    database = QLabel(database_place(db_url), window)
    database.setObjectName("database")
    database.setToolTip(shown_url(db_url))  # never the password
    database.setStyleSheet("color: #5f6b7a; padding: 0 6px;")
    window.statusBar().addPermanentWidget(database)
    return signed_in, database
