"""What the calendar and the timeline do with an entry: open its editor, move it (with undo),
and which data changes make them reload."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from sqlalchemy.orm import Session

from desktop.calendar.banner import Banner
from desktop.context import AppContext
from desktop.undo.moves import Move, push_move
from models.changes import OpChanges, RecordKind
from models.language import Lang
from planning.entries import CalendarEntry, EntryKind

if TYPE_CHECKING:
    from planning.check_marks import Mark

REFRESH_KINDS = (RecordKind.TRIP, RecordKind.ITEM, RecordKind.EVENT, RecordKind.PERSON,
                 RecordKind.UNIT, RecordKind.CAMPAIGN, RecordKind.HQ_VISIT, RecordKind.TEAM)
CHOICE_KINDS = (RecordKind.PERSON, RecordKind.UNIT, RecordKind.CAMPAIGN)  # the filter boxes list


class PlanningView(Protocol):
    """The calendar or the timeline, as far as reloading on a change goes."""

    _stale: bool  # reload when next shown
    _choices_stale: bool  # re-read the filter boxes' choices on the next reload

    def isVisible(self) -> bool: ...  # noqa: N802 (Qt's name)

    def refresh(self) -> None: ...


def reload_on(view: PlanningView, changes: OpChanges) -> None:
    """Reload ``view`` for a change to what it shows: now if it is on screen, else when shown."""
    if not changes.touches(*REFRESH_KINDS):
        return
    if changes.touches(*CHOICE_KINDS):
        view._choices_stale = True
    if view.isVisible():
        view.refresh()
    else:
        view._stale = True


def changed_entry_keys(changes: OpChanges) -> list[tuple[EntryKind, int]]:
    """The calendar entries a save or a move changed, for the calendar to select: a trip or
    an event before its items, unless one item alone changed; none for a bulk change."""
    if changes.everything:
        return []
    items = [(EntryKind.ITEM, i) for i in sorted(changes.ids_of(RecordKind.ITEM))]
    keys = [(EntryKind.TRIP, i) for i in sorted(changes.ids_of(RecordKind.TRIP))]
    keys += [(EntryKind.EVENT, i) for i in sorted(changes.ids_of(RecordKind.EVENT))]
    keys += [(EntryKind.VISIT, i) for i in sorted(changes.ids_of(RecordKind.HQ_VISIT))]
    keys = items + keys if len(items) == 1 else keys + items
    return keys if len(keys) <= 50 else []


_TABLE = {EntryKind.TRIP: "trips", EntryKind.ITEM: "itinerary_items",
          EntryKind.EVENT: "themed_events", EntryKind.VISIT: "hq_visits"}


class Permits:
    """What the signed-in account may do on a planning view: which entries it may not move
    (each with the one refusal wording, shown as the drag's answer and in the tooltip) and
    whether a double-click on an empty day creates an event (not for viewers)."""

    def __init__(self, refused: dict[tuple[EntryKind, int], str] | None = None,
                 creates: bool = True) -> None:
        self.refused = refused or {}
        self.creates = creates

    def refusal(self, entry: CalendarEntry) -> str | None:
        return self.refused.get(entry.key)


def read_permits(session: Session, entries: list[CalendarEntry], lang: Lang) -> Permits:
    """The account's permits for ``entries``: the same rule the save checks
    (:func:`models.accounts.permissions.may_change`), by each entry's responsible unit (an
    item: its trip's; a visit: its unit)."""
    # imported by the first calendar or timeline read, not with the dashboard that opens
    # entries from here too
    from models.accounts.permissions import CREATE, UPDATE, may_change, refusal
    from models.accounts.signed_in import signed_in
    from models.audit.labels import record_label
    from models.leads import HqVisit

    account = signed_in(session)
    if account.writes_everything:
        return Permits()
    refused: dict[tuple[EntryKind, int], str] = {}
    for entry in entries:
        units = {entry.host_unit.id if entry.host_unit is not None else None}
        table = _TABLE[entry.kind]
        if may_change(account, table, UPDATE, units):
            continue
        if entry.kind is EntryKind.VISIT:
            visit = session.get(HqVisit, entry.id)
            label = record_label(visit) if visit is not None else entry.title(lang)
        else:
            label = entry.code
        refused[entry.key] = refusal(session, account, label, units, table, UPDATE).text(lang)
    creates = may_change(account, "themed_events", CREATE, {account.unit_id})
    return Permits(refused, creates)


def open_entry(ctx: AppContext, entry: CalendarEntry, mark: Mark | None = None) -> None:
    """Ask the main window for the editor: an event's, the trip's (for an item, its trip) or
    an HQ visit's dialog; with a mark of the checks on the entry, at the field its worst
    finding concerns."""
    if entry.kind is EntryKind.EVENT:
        kind, ident = RecordKind.EVENT, entry.id
        ctx.open_event_requested.emit(entry.id)
    elif entry.kind is EntryKind.VISIT:  # the visit's dialog; saving it reloads the views
        kind, ident = RecordKind.HQ_VISIT, entry.id
        ctx.open_visit_requested.emit(entry.id)
    else:
        kind, ident = RecordKind.TRIP, entry.trip_id if entry.trip_id is not None else entry.id
        ctx.open_trip_requested.emit(ident)
    if mark is not None and mark.target[:2] == (kind, ident):
        ctx.open_field_requested.emit(*mark.target)


def move_entry(ctx: AppContext, banner: Banner, entry: CalendarEntry, move: Move,
               merge: bool = False) -> bool:
    """Move ``entry`` (undoable). A refusal is shown in ``banner`` and the status bar."""
    problem = push_move(ctx, entry, move, merge)
    if problem is not None:
        banner.show_message(problem)
        ctx.status_message.emit(problem)
        return False
    banner.dismiss()
    return True
