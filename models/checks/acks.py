"""Acknowledging a warning: who, when and why, kept until the records it concerns change."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit.actor import current_actor
from models.base import utcnow
from models.campaign import Campaign
from models.changes import RecordKind
from models.checks.finding import Acknowledgement, Conflict
from models.checks.records import CheckAck
from models.enums import Severity
from models.errors import NotFoundError, ValidationError
from models.events import ThemedEvent
from models.people import Person
from models.tables import ITEM, table_of
from models.trips import ItineraryItem, Trip

_TABLES: dict[RecordKind, type[Trip | ItineraryItem | ThemedEvent | Person | Campaign]] = {
    RecordKind.TRIP: Trip, RecordKind.ITEM: ItineraryItem, RecordKind.EVENT: ThemedEvent,
    RecordKind.PERSON: Person, RecordKind.CAMPAIGN: Campaign,
}

# read through the tables (Core): the dashboard's findings configure no mapper
ACK = table_of(CheckAck).c


def revisions(session: Session, findings: Iterable[Conflict]) -> dict[tuple[RecordKind, int], str]:
    """The revision of every record concerned; a trip's includes its items' (added, edited,
    removed items change it)."""
    wanted: dict[RecordKind, set[int]] = defaultdict(set)
    for finding in findings:
        for c in finding.concerns:
            wanted[c.kind].add(c.id)
    out: dict[tuple[RecordKind, int], str] = {}
    for kind, ids in wanted.items():
        model = _TABLES.get(kind)
        if model is None or not ids:
            continue
        column = table_of(model).c
        for record_id, revision in session.execute(
                select(column.id, column.revision).where(column.id.in_(ids))):
            out[(kind, record_id)] = str(revision)
    trip_ids = wanted.get(RecordKind.TRIP, set())
    if trip_ids:
        items: dict[int, list[str]] = defaultdict(list)
        for trip_id, item_id, revision in session.execute(
                select(ITEM.trip_id, ITEM.id, ITEM.revision)
                .where(ITEM.trip_id.in_(trip_ids))
                .order_by(ITEM.trip_id, ITEM.id)):
            items[trip_id].append(f"{item_id}.{revision}")
        for trip_id in trip_ids:
            if (RecordKind.TRIP, trip_id) in out:
                out[(RecordKind.TRIP, trip_id)] += "/" + ",".join(items.get(trip_id, []))
    return out


def fingerprint(finding: Conflict, revs: dict[tuple[RecordKind, int], str]) -> str:
    parts = [finding.message_en]
    parts += [f"{c.kind.value}:{c.id}={revs.get((c.kind, c.id), '-')}"
              for c in sorted(set(finding.concerns), key=lambda c: (c.kind.value, c.id))]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def apply_acks(session: Session, findings: Sequence[Conflict]) -> list[Conflict]:
    """The findings, those acknowledged (and unchanged since) carrying their acknowledgement."""
    ids = {f.id for f in findings if f.severity is not Severity.ERROR}
    if not ids:
        return list(findings)
    # every acknowledgement (a few hundred), not an IN list of every finding's id: ten years
    # give 20,000 findings, near SQLite's limit of 32,766 parameters a statement
    acks = {a.finding_id: a for a in session.execute(
        select(ACK.finding_id, ACK.fingerprint, ACK.acked_by, ACK.acked_at, ACK.reason))
        if a.finding_id in ids}
    if not acks:
        return list(findings)
    revs = revisions(session, [f for f in findings if f.id in acks])
    out = []
    for f in findings:
        ack = acks.get(f.id)
        if ack is not None and f.severity is not Severity.ERROR and \
                ack.fingerprint == fingerprint(f, revs):
            f = replace(f, ack=Acknowledgement(ack.acked_by, ack.acked_at, ack.reason))
        out.append(f)
    return out


def acknowledge(session: Session, finding: Conflict, reason: str, by: str | None = None,
                at: datetime | None = None) -> Acknowledgement:
    """Record that ``finding`` (a warning or note) was looked at and accepted, and why."""
    if finding.severity is Severity.ERROR:
        raise ValidationError(
            "id", f"{finding.id} 是错误（无法执行的安排），不能确认忽略，只能修改安排",
            f"{finding.id} is an error (the plan cannot work): change the plan instead")
    if not reason.strip():
        raise ValidationError("reason", "请写明确认的理由", "Give the reason for the acknowledgement")
    who = (by or current_actor(session)).strip()
    when = at or utcnow()
    print_ = fingerprint(finding, revisions(session, [finding]))
    row = session.get(CheckAck, finding.id)
    if row is None:
        row = CheckAck(finding_id=finding.id)
        session.add(row)
    row.fingerprint, row.reason, row.acked_by, row.acked_at = print_, reason.strip(), who, when
    row.summary = finding.message_zh[:500]
    session.flush()
    return Acknowledgement(who, when, reason.strip())


def unacknowledge(session: Session, finding_id: str) -> None:
    row = session.get(CheckAck, finding_id)
    if row is None:
        raise NotFoundError(f"没有对 {finding_id} 的确认", f"No acknowledgement of {finding_id}")
    session.delete(row)
    session.flush()
