"""The one save path of every editor and action: run the command, report what went wrong.

- a ValidationError goes next to the field it names, the user's input stays as it is;
- a concurrent edit (ConcurrentEditError, StaleDataError) goes to ``resolve`` when the
  caller gives one (the editors ask the user with the save-conflict dialog); otherwise it is
  explained, like a lost connection (OperationalError), in the banner: input kept, Save can
  be pressed again;
- on success the command goes on the undo stack (already done: its first redo is skipped).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm.exc import StaleDataError

from desktop.context import AppContext
from desktop.errors_text import describe, is_concurrent_edit, is_connection_lost
from desktop.undo.base import PlannerCommand
from models.errors import PlannerError, ValidationError

log = logging.getLogger(__name__)


class ErrorDisplay(Protocol):
    """Where a failed save is explained: an editor (fields + banner) or a message box."""

    def clear_errors(self) -> None: ...

    def show_field_error(self, field: str, message: str) -> None: ...

    def show_problem(self, message: str, retry_possible: bool) -> None: ...


def save(ctx: AppContext, command: PlannerCommand, display: ErrorDisplay,
         resolve: Callable[[BaseException], bool] | None = None) -> bool:
    """Run ``command`` once in its own transaction; push it for undo when it succeeded.

    ``resolve(error)`` settles someone else's newer change; it says whether the save was done.
    """
    display.clear_errors()
    try:
        command.execute()
    except ValidationError as exc:
        display.show_field_error(exc.field, exc.text(ctx.lang))
        return False
    except (PlannerError, StaleDataError, SQLAlchemyError) as exc:
        if resolve is not None and is_concurrent_edit(exc):
            return resolve(exc)
        if not isinstance(exc, PlannerError):
            log.warning("saving %r failed: %s", command.text(), exc)
        retry = is_connection_lost(exc) or is_concurrent_edit(exc) or not isinstance(
            exc, PlannerError)
        display.show_problem(describe(exc, ctx.lang), retry)
        return False
    ctx.undo_stack.push(command)
    ctx.status_message.emit(command.text())
    return True
