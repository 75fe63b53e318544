"""The window's parts on the scale database, for the scripts that time them offscreen
(``bench/bench_calendar.py``, ``bench/bench_desktop_tables.py``)."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bench import scale_data
from models.database import open_database
from models.language import Lang

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: TID251

from desktop.context import AppContext  # noqa: TID251


@dataclass
class ScaleWindow:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    app: QApplication
    ctx: AppContext
    repeat: int


def open_scale_window(description: str | None) -> ScaleWindow:
    """Read ``--db``, ``--scale`` and ``--repeat`` from the command line, make the scale
    database when the file is new, and open it for the window (Chinese, offscreen)."""
    parser = argparse.ArgumentParser(description=(description or "").splitlines()[0])
    parser.add_argument("--db", help="SQLite file to (re)use; default: a temporary one")
    parser.add_argument("--scale", type=float, default=1.0, help="of a new scale database")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    url = scale_data.sqlite_file(args.db, args.scale)
    engine, sessions = open_database(url)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    return ScaleWindow(url, engine, sessions, app, AppContext(sessions, url, Lang.ZH), args.repeat)
