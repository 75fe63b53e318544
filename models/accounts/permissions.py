"""What the signed-in account may change, checked before anything is written.

The rules are the ones PostgreSQL enforces with grants and row-level security (migration 0007);
checking them here first gives one clear message naming the record and its owner instead of a
database error, and lets the window open a record read-only and disable what would fail. The
command line and the window share :func:`check_flush` (called by the planner session before every
flush) and :func:`may_change` / :func:`refusal` (asked before showing an editor).

- admin and planner: every campaign record; SQLite: the one person, everything;
- unit: the trips and themed events its unit hosts with all their parts (itinerary items,
  delegation, cities, agenda sessions, invitations, speakers, attendees, counterparts), its own
  unit's leads (with their stage history) and HQ visits; it adds and edits organisations and
  people but does not delete them; nothing else;
- viewer: nothing;
- confirming a result the leaderboard counts (``confirmed_at`` / ``confirmed_by`` of a lead or
  an HQ visit): planners and admins only (:func:`check_confirm`; migration 0012 enforces it).
  A unit's change of a counted field clears the confirmation (the app does, the database lets
  it): that is not a confirmation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import InstanceState, Session

from models.accounts.names import AccountRole
from models.accounts.signed_in import SignedIn, signed_in
from models.audit.labels import record_label
from models.campaign import Unit
from models.errors import PermissionDeniedError
from models.events import AgendaSession, Invitation, ThemedEvent
from models.leads import HqVisit, Lead, LeadStageChange
from models.trips import ItineraryItem, Trip, TripMember

CREATE, UPDATE, DELETE = "create", "update", "delete"

OWNED_BY_UNIT = (Trip, ThemedEvent, Lead, HqVisit)
"""Records that belong to one unit, with the column naming it."""
_UNIT_COLUMN = {Trip: "host_unit_id", ThemedEvent: "host_unit_id", Lead: "unit_id",
                HqVisit: "unit_id"}
_PARENT = {ItineraryItem: ("trip", "trip_id", Trip), TripMember: ("trip", "trip_id", Trip),
           AgendaSession: ("event", "event_id", ThemedEvent),
           Invitation: ("event", "event_id", ThemedEvent),
           LeadStageChange: ("lead", "lead_id", Lead)}
DIRECTORY_TABLES = frozenset({"organisations", "people"})
BOOKKEEPING_TABLES = frozenset({"audit_log", "code_counters"})
"""What every writer needs: the history rows and the code counters behind each save."""


CONFIRMATION = ("confirmed_at", "confirmed_by")
CONFIRM_REASON = ("只有计划员和管理员可以确认成果", "only planners and admins confirm results")


@dataclass(frozen=True)
class Owner:
    """The record a change counts against (a trip for its items) and its units, old and new."""

    label: str
    unit_ids: frozenset[int | None]


def _values(obj: Any, key: str) -> set[Any]:
    """The value of attribute ``key`` now and before this transaction's changes."""
    state = inspect(obj)
    if key not in state.attrs:
        return set()
    history = state.attrs[key].history
    values = set(history.added) | set(history.unchanged) | set(history.deleted)
    if not values and not state.transient and key in state.dict:
        values.add(state.dict[key])
    return values


def owner_of(session: Session, obj: Any) -> Owner | None:
    """The unit-owned record ``obj`` is (or is part of), or None when it is not unit-owned."""
    for cls, (rel, fk, parent_cls) in _PARENT.items():
        if isinstance(obj, cls):
            parents = {p for p in _values(obj, rel) if p is not None}
            with session.no_autoflush:
                parents |= {session.get(parent_cls, i) for i in _values(obj, fk) if i is not None}
            found = [owner_of(session, p) for p in parents if p is not None]
            owners = [o for o in found if o is not None]
            if not owners:
                return Owner(record_label(obj), frozenset({None}))
            return Owner(owners[0].label, frozenset().union(*(o.unit_ids for o in owners)))
    for cls, column in _UNIT_COLUMN.items():
        if isinstance(obj, cls):
            ids: set[int | None] = set(_values(obj, column))
            ids |= {u.id for u in _values(obj, column.removesuffix("_id")) if isinstance(u, Unit)}
            if not ids:
                ids = {None}
            return Owner(record_label(obj), frozenset(ids))
    return None


def unit_name(session: Session, unit_id: int | None) -> str:
    if unit_id is None:
        return ""
    with session.no_autoflush:
        unit = session.get(Unit, unit_id)
    return unit.name_zh if unit is not None else f"#{unit_id}"


def may_change(account: SignedIn, table: str, action: str, owner_units: Iterable[int | None] = ()) -> bool:
    """Whether ``account`` may ``action`` (create/update/delete) a row of ``table`` owned by
    ``owner_units`` (the units named before and after the change)."""
    if table == "accounts":
        return account.manages_accounts
    if account.writes_everything:
        return True
    if account.role is not AccountRole.UNIT:
        return False
    if table in BOOKKEEPING_TABLES:
        return True
    if table in DIRECTORY_TABLES:
        return action != DELETE
    units = set(owner_units)
    return bool(units) and account.unit_id is not None and units == {account.unit_id}


def refusal(session: Session, account: SignedIn, record: str, owner_units: Iterable[int | None],
            table: str, action: str) -> PermissionDeniedError:
    """The one message for a refused change: the record, its owner, and why."""
    owners = sorted({u for u in owner_units if u is not None and u != account.unit_id}) or sorted(
        {u for u in owner_units if u is not None})
    owner = unit_name(session, owners[0]) if owners else ""
    if account.role is AccountRole.VIEWER or (account.role is not AccountRole.UNIT
                                              and not account.writes_everything):
        return PermissionDeniedError(record, owner, "只读账户不能修改任何记录",
                                     "a read-only account changes nothing")
    if table in DIRECTORY_TABLES and action == DELETE:
        return PermissionDeniedError(record, owner, "只有计划员和管理员可以删除机构和人员",
                                     "only planners and admins delete organisations and people")
    if table == "accounts":
        return PermissionDeniedError(record, owner, "只有管理员可以管理账户",
                                     "only admins manage accounts")
    mine = account.unit_name or "—"
    if owner:
        return PermissionDeniedError(record, owner, f"您的账户属于 {mine}",
                                     f"your account belongs to {mine}")
    return PermissionDeniedError(record, owner, f"记录须由您的单位（{mine}）负责",
                                 f"the record must be your unit's ({mine})")


def may_confirm(account: SignedIn) -> bool:
    """Whether ``account`` confirms results (or takes a confirmation back): planners, admins,
    the one person of a SQLite file."""
    return account.writes_everything


def confirm_refusal(session: Session, obj: Lead | HqVisit) -> PermissionDeniedError:
    """The one message for confirming without being a planner: the record, its owner, why."""
    owner = owner_of(session, obj)
    units = sorted(u for u in (owner.unit_ids if owner else ()) if u is not None)
    return PermissionDeniedError(owner.label if owner else record_label(obj),
                                 unit_name(session, units[0]) if units else "", *CONFIRM_REASON)


def check_confirm(session: Session, obj: Lead | HqVisit) -> None:
    """Refuse (PermissionDeniedError) confirming ``obj`` unless a planner or admin is signed in."""
    if not may_confirm(signed_in(session)):
        raise confirm_refusal(session, obj)


def _confirmation_set(obj: Any, action: str) -> bool:
    """Whether this change of a lead or visit confirms it or takes its confirmation back."""
    if not isinstance(obj, (Lead, HqVisit)):
        return False
    if action == CREATE:
        return obj.confirmed_at is not None or bool(obj.confirmed_by)
    if action != UPDATE:
        return False
    state: InstanceState[Any] = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in CONFIRMATION)


def check_change(session: Session, obj: Any, action: str) -> None:
    """Refuse (PermissionDeniedError) a change of ``obj`` the signed-in account may not make."""
    account = signed_in(session)
    if account.writes_everything and getattr(obj, "__tablename__", "") != "accounts":
        return
    if account.role is AccountRole.UNIT and _confirmation_set(obj, action):
        raise confirm_refusal(session, obj)
    table = str(getattr(obj, "__tablename__", ""))
    owner = owner_of(session, obj)
    units: frozenset[int | None] = owner.unit_ids if owner is not None else frozenset()
    if owner is None and table not in DIRECTORY_TABLES | BOOKKEEPING_TABLES | {"accounts"}:
        units = frozenset()  # reference data and the rest: planners' and admins' only
        if account.role is AccountRole.UNIT:
            raise PermissionDeniedError(
                record_label(obj) or table, "", "单位账户只能修改本单位的活动、项目和走访",
                "a unit account changes only its unit's trips, events, leads and visits")
    if not may_change(account, table, action, units):
        raise refusal(session, account, owner.label if owner else record_label(obj), units, table,
                      action)


def _really_changed(session: Session, obj: Any) -> bool:
    """A dirty object with a column changed or a many-to-many collection changed (a collection
    filled by a back reference alone is not a change of the record). For the unit-owned records
    and their parts, any change counts: an item taken out of its trip's list is deleted."""
    if isinstance(obj, OWNED_BY_UNIT + tuple(_PARENT)):
        return session.is_modified(obj, include_collections=True)
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        if state.attrs[attr.key].history.has_changes():
            return True
    for rel in state.mapper.relationships:
        if rel.secondary is not None and state.attrs[rel.key].history.has_changes():
            return True
    return False


def check_flush(session: Session) -> None:
    """Check every pending create, change and delete of ``session`` (before the flush writes)."""
    if not session.new and not session.dirty and not session.deleted:
        return
    account = signed_in(session)
    if account.writes_everything:
        return
    new, dirty, deleted = list(session.new), list(session.dirty), list(session.deleted)
    with session.no_autoflush:  # reading a parent must not flush what is being checked
        for obj in new:
            check_change(session, obj, CREATE)
        for obj in dirty:
            if _really_changed(session, obj):
                check_change(session, obj, UPDATE)
        for obj in deleted:
            check_change(session, obj, DELETE)


def may_edit_record(session: Session, obj: Any) -> PermissionDeniedError | None:
    """None when the signed-in account may edit ``obj``, else the refusal to show (read-only)."""
    try:
        check_change(session, obj, UPDATE)
    except PermissionDeniedError as exc:
        return exc
    return None
