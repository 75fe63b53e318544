"""What every view and editor of the window shares: the database, undo, language, signals.

Views never keep a session: they open one per user action with ``ctx.sessions.begin()`` (or
``ctx.sessions()`` for reads), copy plain rows out of it, and close it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy.orm import Session, sessionmaker

from models.changes import OpChanges
from models.language import Lang


class AppContext(QObject):
    """Shared by the main window, its views and editors. One per window."""

    data_changed = Signal(object)  # OpChanges: what a saved action changed, views refresh from it
    open_trip_requested = Signal(int)  # trip id: open the trip editor
    open_event_requested = Signal(int)  # event id: open the event editor
    new_event_requested = Signal(object, object)  # date, time or None: a new event there
    open_lead_requested = Signal(int)  # project id: open the project editor
    open_visit_requested = Signal(int)  # HQ visit id: open the visit dialog
    # (RecordKind, id, field): open a record's editor at a field (a finding of the checks)
    open_field_requested = Signal(object, int, str)
    status_message = Signal(str)  # a line for the status bar
    failed = Signal(str)  # an action that could not be done (undo/redo, background work)

    def __init__(self, sessions: sessionmaker[Session], db_url: str, lang: Lang = Lang.ZH,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.db_url = db_url
        self.lang = lang
        self.undo_stack = QUndoStack(self)
        self.background_loading = True  # tables load on a worker thread (tests: at once)

    def notify(self, changes: OpChanges) -> None:
        """Tell the views what an action changed (nothing: no signal)."""
        if not changes.empty:
            self.data_changed.emit(changes)
