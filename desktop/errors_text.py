"""What to tell the user when an action fails, in their language, with what they can do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from models.errors import ConcurrentEditError, PlannerError
from models.language import Lang

translate = QCoreApplication.translate


def is_connection_lost(exc: BaseException) -> bool:
    return isinstance(exc, OperationalError) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated)


def is_concurrent_edit(exc: BaseException) -> bool:
    return isinstance(exc, ConcurrentEditError | StaleDataError)


def describe(exc: BaseException, lang: Lang) -> str:
    """One or two sentences for a message box or a banner; never a traceback."""
    if isinstance(exc, ConcurrentEditError):
        return exc.text(lang) + "\n" + translate(
            "ErrorText",
            "Your input is kept. Close the editor and open the record again to see the other "
            "change, then make yours again.")
    if isinstance(exc, StaleDataError):
        return translate(
            "ErrorText",
            "Someone else changed or deleted this record since you opened it. Your input is "
            "kept. Open the record again to see the other change.")
    if isinstance(exc, PlannerError):
        return exc.text(lang)
    if is_connection_lost(exc):
        return translate(
            "ErrorText",
            "The connection to the database was lost. Nothing was saved and your input is "
            "kept: check the network or the database and try again.")
    if isinstance(exc, IntegrityError):
        return translate(
            "ErrorText",
            "The database refused the change because it clashes with another record (for "
            "example the same code saved by someone else at the same moment). Nothing was "
            "saved; try again.")
    if isinstance(exc, OSError):
        detail = f"{exc.strerror or exc} {exc.filename or ''}".strip()
        return translate("ErrorText", "The file could not be written: %1").replace("%1", detail)
    detail = f"{type(exc).__name__}: {exc}"
    return translate("ErrorText", "Unexpected error: %1").replace("%1", detail)
