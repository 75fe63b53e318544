"""Moving trips, itinerary items and events in time (drag or keyboard), as undoable commands.

A move is tried once before it goes on the undo stack: a move the model refuses (an item
dragged outside its trip's dates, a time skipped by daylight saving, someone else's newer
revision) leaves the stack as it was and comes back as the message to show. The rules of a
move (whole days keep the local clock, a trip moves by whole days only, the revision guard)
live in the model's move operations (``move_trip``, ``move_item``, ``move_event``); a command
only calls them. Each step is one transaction (``PlannerCommand``), after which views hear of
it through ``ctx.notify``.
Records are found again by code (trips, events) or UUID (items), which survive a delete and
its undo, as ids do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from typing_extensions import override

from desktop.context import AppContext
from desktop.errors_text import describe
from desktop.undo.base import PlannerCommand
from models.changes import OpChanges
from models.errors import PlannerError
from models.language import Lang
from models.timeutil import local_to_utc
from planning.entries import CalendarEntry, EntryKind

translate = QCoreApplication.translate

MOVE_COMMAND_ID = 5301  # consecutive keyboard moves of one entry merge into one undo step


@dataclass(frozen=True)
class Move:
    """How far: whole ``days`` (each keeps its local clock time, DST-safe), an exact ``delta``,
    or to a wall-clock start ``to_wall`` in ``zone`` (made a delta when applied); ``end_delta``
    moves the end alone (the length dragged at an entry's bottom edge)."""

    days: int = 0
    delta: timedelta = timedelta(0)
    to_wall: datetime | None = None
    zone: str = ""
    end_delta: timedelta = timedelta(0)

    @property
    def empty(self) -> bool:
        return self.days == 0 and not self.delta and self.to_wall is None and not self.end_delta

    def inverse(self) -> Move:
        return Move(-self.days, -self.delta, end_delta=-self.end_delta)

    def resolved(self, entry: CalendarEntry) -> Move:
        """``to_wall`` turned into an exact duration from the entry's start."""
        if self.to_wall is None:
            return self
        target = local_to_utc(self.to_wall, self.zone, "starts_at")
        return Move(self.days, self.delta + (target - entry.starts_at), end_delta=self.end_delta)

    @property
    def whole_days(self) -> bool:
        return bool(self.days) and not self.delta and not self.end_delta

    @property
    def duration(self) -> bool:
        return not self.days and bool(self.delta) and not self.end_delta



def describe_move(entry: CalendarEntry, move: Move, lang: Lang) -> str:
    """The undo stack's text: ``Move TRIP-2023-007 欧洲推介 by +2 day(s)``."""
    what = (f"{entry.title(lang)} ({entry.code})" if entry.kind is EntryKind.ITEM
            else f"{entry.code_in(lang)} {entry.title(lang)}")
    if move.whole_days:
        return translate("MoveCommands", "Move {what} by {days:+d} day(s)").format(
            what=what, days=move.days)
    if move.end_delta and not move.days and not move.delta:
        minutes = int(move.end_delta.total_seconds() // 60)
        hours, rest = divmod(abs(minutes), 60)
        return translate("MoveCommands", "Change the length of {what} by {shift}").format(
            what=what, shift=f"{'+' if minutes >= 0 else '-'}{hours}:{rest:02d}")
    minutes = int(move.delta.total_seconds() // 60) + move.days * 24 * 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return translate("MoveCommands", "Move {what} by {shift}").format(
        what=what, shift=f"{sign}{hours}:{rest:02d}")


class MoveCommand(PlannerCommand):
    """Moves one trip, item or event; undo moves it back by the same amount."""

    def __init__(self, ctx: AppContext, entry: CalendarEntry, move: Move, merge: bool = False) -> None:
        super().__init__(ctx, describe_move(entry, move, ctx.lang))
        self.entry = entry
        self.move = move
        self._merge = merge
        self._expected: int | None = entry.revision  # guards the first step only

    @override
    def forward(self, session: Session) -> OpChanges:
        expected, self._expected = self._expected, None
        return self._shift(session, self.move, expected)

    @override
    def backward(self, session: Session) -> OpChanges:
        return self._shift(session, self.move.inverse(), None)

    def _shift(self, session: Session, move: Move, expected: int | None) -> OpChanges:
        # the operations are imported by the first move, not with the window's calendar
        from models.operations.events import move_event
        from models.operations.items import move_item
        from models.operations.teams import move_visit
        from models.operations.trips import move_trip
        from models.records import id_by_uuid
        from models.trips import ItineraryItem

        entry = self.entry
        if entry.kind is EntryKind.TRIP:
            return move_trip(session, entry.code, days=move.days, delta=move.delta,
                             expected_revision=expected).changes
        if entry.kind is EntryKind.EVENT:
            return move_event(session, entry.code, days=move.days, delta=move.delta,
                              end_delta=move.end_delta, expected_revision=expected).changes
        if entry.kind is EntryKind.VISIT:
            return move_visit(session, entry.uuid, days=move.days + move.delta.days,
                              expected_revision=expected).changes
        item_id = id_by_uuid(session, ItineraryItem, entry.uuid)
        return move_item(session, item_id, days=move.days, delta=move.delta,
                         end_delta=move.end_delta, expected_revision=expected).changes

    @override
    def id(self) -> int:
        return MOVE_COMMAND_ID if self._merge else -1

    @override
    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MoveCommand) or not other._merge:
            return False
        if other.entry.uuid != self.entry.uuid:
            return False
        a, b = self.move, other.move
        if not (a.whole_days and b.whole_days) and not (a.duration and b.duration):
            return False  # like with like: days with days, durations with durations
        self.move = Move(a.days + b.days, a.delta + b.delta, end_delta=a.end_delta + b.end_delta)
        self.setText(describe_move(self.entry, self.move, self.ctx.lang))
        if self.move.empty:
            self.setObsolete(True)  # moved there and back: nothing to undo
        return True


def push_move(ctx: AppContext, entry: CalendarEntry, move: Move, merge: bool = False) -> str | None:
    """Move ``entry`` and put the move on the undo stack. Returns what to tell the user when
    the move is refused (nothing is written then), or None."""
    try:
        resolved = move.resolved(entry)
        if resolved.empty:
            return None
        command = MoveCommand(ctx, entry, resolved, merge)
        command.execute()
    except (PlannerError, StaleDataError, SQLAlchemyError) as exc:
        return describe(exc, ctx.lang)
    text = command.text()
    ctx.undo_stack.push(command)  # a keyboard step may merge into the last one: ``command`` is gone
    ctx.status_message.emit(text)
    return None
