"""Saving many directory records and investment leads at once (spreadsheet imports of thousands of rows).

The rules are those of :func:`models.operations.directory.create_organisation` and the other
one-record operations, applied to every record with look-ups loaded once for the whole batch
(a few ``IN`` queries, never one per record). Every record is checked before anything is
written; a batch with a refused record raises :class:`BulkRefusedError`, which names each
refused record by its position, and writes nothing. Records are then written ``BATCH`` at a
time: new organisations and people in one multi-row INSERT a batch built from the drafts'
plain values, with their history rows (:func:`models.audit.bulk.insert_created`), and their
edits in one UPDATE a batch, each row where its revision is still the one read, with their
history built from the old and new values (:func:`models.audit.bulk.update_changed`): no ORM
object made; new and edited leads (with their stage steps) in one flush a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import String, bindparam, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import InstrumentedAttribute, Session

from models import rules
from models.audit.bulk import insert_created, read_rows, update_changed
from models.audit.table import CREATE, UPDATE
from models.base import Base
from models.campaign import Campaign, Industry, Unit
from models.changes import OpChanges, OpResult, RecordKind
from models.errors import ConcurrentEditError, NotFoundError, PlannerError, ValidationError
from models.events import ThemedEvent
from models.leads import Lead
from models.operations.codes import next_codes
from models.operations.directory import (
    OrganisationDraft,
    PersonDraft,
    apply_organisation,
    apply_person,
    check_organisation,
    check_person,
)
from models.operations.leads import (
    LEAD_REFERENCES,
    LeadDraft,
    add_step,
    apply_lead,
    check_lead,
    check_move,
    natural_day,
)
from models.organisations import Organisation
from models.people import Person
from models.trips import Trip

BATCH = 1000  # records per flush
IN_CHUNK = 500  # values per IN (...) list: well under SQLite's and PostgreSQL's limits
WHOLE_TABLE = 2000  # more names than this: read the (small) name column whole...
WHOLE_TABLE_RATIO = 3  # ...when the table holds at most this many rows a name asked about

T = TypeVar("T")
M = TypeVar("M", bound=Base)


class BulkRefusedError(ValidationError):
    """Records of a batch were refused; nothing was written. ``problems`` holds
    ``(position, error)`` for each, the position counted over creates then updates."""

    def __init__(self, problems: Sequence[tuple[int, PlannerError]]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0][1]
        count = len(self.problems)
        super().__init__(getattr(first, "field", ""),
                         f"{count} 条记录被拒绝，未写入任何数据。第一条：{first.message_zh}",
                         f"{count} record{'s' * (count != 1)} refused, nothing written. "
                         f"The first: {first.message_en or first.message_zh}")


@dataclass(frozen=True)
class Update:
    """An edit of one record in a batch: its id, the new draft, the revision it was read at."""

    record_id: int
    draft: Any
    revision: int | None = None


def chunks(values: Sequence[T], size: int = IN_CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def existing_ids(session: Session, column: InstrumentedAttribute[int],
                 ids: Iterable[int | None]) -> set[int]:
    """Which of ``ids`` are in the table of ``column`` (one query per ``IN_CHUNK`` ids)."""
    wanted = sorted({i for i in ids if i is not None})
    found: set[int] = set()
    for part in chunks(wanted):
        found.update(session.scalars(select(column).where(column.in_(part))))
    return found


def load_by_id(session: Session, model: type[M], ids: Iterable[int]) -> dict[int, M]:
    """The records of ``model`` with ``ids``, loaded by ``IN_CHUNK`` at a time."""
    wanted = sorted(set(ids))
    found: dict[int, M] = {}
    id_column = model.__table__.c.id
    for part in chunks(wanted):
        for record in session.scalars(select(model).where(id_column.in_(part))):
            found[record.id] = record  # type: ignore[attr-defined]
    return found


def _checked(items: Sequence[Any], check: Callable[[int, Any], None]) -> list[tuple[int, PlannerError]]:
    problems: list[tuple[int, PlannerError]] = []
    for position, item in enumerate(items):
        try:
            check(position, item)
        except PlannerError as exc:
            problems.append((position, exc))
    return problems


def _fill(session: Session, records: list[Any], fill: Callable[[Any, Any], None],
          updates: Sequence[Update]) -> None:
    """Fill the updated records, flushing every ``BATCH`` records (a versioned UPDATE each,
    and their history through the flush listeners)."""
    for start in range(0, len(updates), BATCH):
        for record, update in zip(records[start:start + BATCH], updates[start:start + BATCH],
                                  strict=True):
            fill(record, update.draft)
        session.flush()


def _write(session: Session, creates: Sequence[Any], make: Callable[[Any], Any],
           records: list[Any], fill: Callable[[Any, Any], None],
           updates: Sequence[Update]) -> list[int]:
    """Fill the updated records, then make and add the new ones as ORM records (those with
    parts: a lead and its first stage step), flushing every ``BATCH`` records; the ids of the
    new ones. A written batch is let go of (the session holds its records weakly), so memory
    does not grow with the number of rows."""
    _fill(session, records, fill, updates)
    created: list[int] = []
    for start in range(0, len(creates), BATCH):
        batch = [make(draft) for draft in creates[start:start + BATCH]]
        session.add_all(batch)
        session.flush()
        created.extend(record.id for record in batch)
    return created


class _Values:
    """Receives what a model's ``apply_*`` function sets, as plain attributes: the column
    values of a new record, normalised by the one function that also fills ORM records."""


def _column_values(apply: Callable[[Any, Any], None], draft: Any) -> dict[str, Any]:
    holder = _Values()
    apply(holder, draft)
    values = dict(vars(holder))
    if getattr(draft, "uuid", None):
        values["uuid"] = draft.uuid
    return values


def _may_write(session: Session, model: type[Base], action: str, label: str | None) -> None:
    """The signed-in account may ``action`` records of ``model`` (the check a flush makes,
    :func:`models.accounts.permissions.check_flush`, for writes that do not go through one);
    ``label`` names the first record in the refusal, None when there is nothing to write."""
    if label is None:
        return
    from models.accounts.permissions import may_change, refusal  # the accounts' rules: on use
    from models.accounts.signed_in import signed_in

    account = signed_in(session)
    table = str(model.__tablename__)
    if not may_change(account, table, action):
        raise refusal(session, account, label, (), table, action)


def _insert(session: Session, model: type[Base], creates: Sequence[Any],
            apply: Callable[[Any, Any], None]) -> list[int]:
    """Insert the new records ``BATCH`` at a time with their history (Core ``INSERT``s built
    from the drafts' plain values, :func:`models.audit.bulk.insert_created`); their ids. Only
    one batch of rows is held at a time."""
    _may_write(session, model, CREATE, getattr(creates[0], "name_zh", "") if creates else None)
    created: list[int] = []
    for start in range(0, len(creates), BATCH):
        created.extend(insert_created(session, model, [
            _column_values(apply, draft) for draft in creates[start:start + BATCH]]))
    return created


def _revision(what: str, revision: int, update: Update) -> None:
    if update.revision is not None and revision != update.revision:
        raise ConcurrentEditError(what, update.revision, revision)


def _field(record: Any, key: str) -> Any:
    """A field of a record read as an ORM object or as a plain row."""
    return record.get(key) if isinstance(record, dict) else getattr(record, key, None)


def _edit(session: Session, model: type[Base], apply: Callable[[Any, Any], None],
          rows: dict[int, dict[str, Any]], updates: Sequence[Update]) -> None:
    """Write the edits ``BATCH`` at a time as Core UPDATEs with their history
    (:func:`models.audit.bulk.update_changed`), the new values normalised by the model's own
    ``apply_*`` function; a row whose revision moved since it was read refuses the whole."""
    _may_write(session, model, UPDATE,
               (_field(rows.get(updates[0].record_id), "name_zh") or "") if updates else None)
    for start in range(0, len(updates), BATCH):
        update_changed(session, model, [
            (rows[u.record_id], _column_values(apply, u.draft))
            for u in updates[start:start + BATCH]])


# --- organisations ------------------------------------------------------------------------

def organisation_name_owners(session: Session, names: Iterable[str]) -> dict[str, int]:
    """The id of the organisation holding each of ``names`` (those that are taken)."""
    wanted = sorted({n.strip() for n in names if n.strip()})
    owners: dict[str, int] = {}
    # one pass over the names beats many long IN lists, unless the table is many times bigger
    # than the names asked about (an import's later chunks, a long directory): its newest id
    # bounds its size
    if len(wanted) > WHOLE_TABLE and (session.execute(select(func.max(Organisation.id)))
                                      .scalar() or 0) <= WHOLE_TABLE_RATIO * len(wanted):
        named = set(wanted)
        return {name: ident for name, ident in session.execute(
            select(Organisation.name_zh, Organisation.id)) if name in named}
    query = select(Organisation.name_zh, Organisation.id)
    if session.get_bind().dialect.name == "postgresql":  # one array parameter, one statement
        return {name: ident for name, ident in session.execute(query.where(
            Organisation.name_zh == func.any(bindparam("names", wanted, type_=ARRAY(String)))))}
    for part in chunks(wanted):
        owners.update((name, ident) for name, ident in session.execute(
            query.where(Organisation.name_zh.in_(part))))
    return owners


def check_organisations(session: Session, drafts: Sequence[OrganisationDraft],
                        own_ids: Sequence[int | None]) -> list[tuple[int, PlannerError]]:
    """The rule each draft breaks, by position (``own_ids``: the record each edits, or None).
    Two drafts of the batch with the same name: the second is refused."""
    owners = organisation_name_owners(session, (d.name_zh for d in drafts))
    industries = existing_ids(session, Industry.id, (d.industry_id for d in drafts))
    claimed: dict[str, int | None] = {}

    def owner(name: str, position: int) -> int | None:
        if name in claimed and claimed[name] != own_ids[position]:
            return -1  # taken by an earlier record of this batch
        return owners.get(name)

    def check(position: int, draft: OrganisationDraft) -> None:
        check_organisation(draft, own_ids[position], lambda n: owner(n, position),
                           industries.__contains__)
        claimed.setdefault(draft.name_zh.strip(), own_ids[position])

    return _checked(drafts, check)


def save_organisations(session: Session, creates: Sequence[OrganisationDraft],
                       updates: Sequence[Update] = ()) -> OpResult[tuple[list[int], list[int]]]:
    """Create and update many organisations: the ids created and updated, or
    :class:`BulkRefusedError` with nothing written."""
    records = read_rows(session, Organisation, [u.record_id for u in updates])
    problems = _missing_or_stale(records, updates, len(creates), "机构", "organisation")
    drafts = [*creates, *(u.draft for u in updates)]
    own_ids: list[int | None] = [*(None for _ in creates), *(u.record_id for u in updates)]
    problems += check_organisations(session, drafts, own_ids)
    if problems:
        raise BulkRefusedError(sorted(problems, key=lambda p: p[0]))
    _edit(session, Organisation, apply_organisation, records, updates)
    created = _insert(session, Organisation, creates, apply_organisation)
    updated = [u.record_id for u in updates]
    return OpResult((created, updated), OpChanges.of(RecordKind.ORGANISATION, *created, *updated))


def _missing_or_stale(records: dict[int, Any], updates: Sequence[Update], offset: int,
                      what_zh: str, what_en: str) -> list[tuple[int, PlannerError]]:
    problems: list[tuple[int, PlannerError]] = []
    for position, update in enumerate(updates, start=offset):
        record = records.get(update.record_id)
        try:
            if record is None:
                raise NotFoundError(f"找不到{what_zh} {update.record_id}",
                                    f"No {what_en} with id {update.record_id}")
            _revision(f"{what_zh} {_field(record, 'name_zh') or ''}".strip(),
                      _field(record, "revision"), update)
        except PlannerError as exc:
            problems.append((position, exc))
    return problems


# --- people -------------------------------------------------------------------------------

def check_people(session: Session, drafts: Sequence[PersonDraft]) -> list[tuple[int, PlannerError]]:
    """The rule each draft breaks, by position."""
    units = existing_ids(session, Unit.id, (d.unit_id for d in drafts))
    organisations = existing_ids(session, Organisation.id, (d.organisation_id for d in drafts))
    return _checked(drafts, lambda _position, draft: check_person(
        draft, units.__contains__, organisations.__contains__))


def save_people(session: Session, creates: Sequence[PersonDraft],
                updates: Sequence[Update] = ()) -> OpResult[tuple[list[int], list[int]]]:
    """Create and update many people: the ids created and updated, or
    :class:`BulkRefusedError` with nothing written."""
    records = read_rows(session, Person, [u.record_id for u in updates])
    problems = _missing_or_stale(records, updates, len(creates), "人员", "person")
    problems += check_people(session, [*creates, *(u.draft for u in updates)])
    if problems:
        raise BulkRefusedError(sorted(problems, key=lambda p: p[0]))
    _edit(session, Person, apply_person, records, updates)
    created = _insert(session, Person, creates, apply_person)
    updated = [u.record_id for u in updates]
    return OpResult((created, updated), OpChanges.of(RecordKind.PERSON, *created, *updated))


# --- investment leads ---------------------------------------------------------------------

def check_leads(session: Session, drafts: Sequence[LeadDraft]) -> list[tuple[int, PlannerError]]:
    """The rule each draft breaks, by position."""
    known: dict[type, set[int]] = {}
    for field_name, model, _zh, _en in LEAD_REFERENCES:
        ids = {getattr(d, field_name) for d in drafts} - {None}
        if ids:
            known.setdefault(model, set()).update(
                existing_ids(session, model.__table__.c.id, ids))  # type: ignore[attr-defined]
    return _checked(drafts, lambda _position, draft: check_lead(
        draft, lambda model, ident: ident in known.get(model, set())))


def save_leads(session: Session, creates: Sequence[LeadDraft],
               updates: Sequence[Update] = ()) -> OpResult[tuple[list[int], list[int]]]:
    """Create and update many investment leads (codes given out in one block per campaign
    year, a first stage step each): the ids created and updated, or
    :class:`BulkRefusedError` with nothing written."""
    records = load_by_id(session, Lead, (u.record_id for u in updates))
    problems = _missing_or_stale(records, updates, len(creates), "项目", "lead")
    for position, update in enumerate(updates, start=len(creates)):
        lead = records.get(update.record_id)
        if lead is not None and update.draft.stage != lead.stage:
            try:
                check_move(lead.stage, update.draft.stage, update.draft.stage_reason)
            except PlannerError as exc:
                problems.append((position, exc))
    problems += check_leads(session, [*creates, *(u.draft for u in updates)])
    campaigns = _campaigns(session, creates)
    for position, draft in enumerate(creates):
        try:
            if campaigns.get(draft.campaign_id) is None:
                raise ValidationError("campaign_id", f"年度计划不存在（编号 {draft.campaign_id}）",
                                      f"No such campaign (id {draft.campaign_id})")
            if draft.code:
                rules.code("code", draft.code)
        except PlannerError as exc:
            problems.append((position, exc))
    if problems:
        raise BulkRefusedError(sorted(problems, key=lambda p: p[0]))
    held = _referenced(session, [*creates, *(u.draft for u in updates)])
    codes: dict[int, list[str]] = {}
    for year_of in {c.id: c for c in campaigns.values() if c is not None}.values():
        count = sum(1 for d in creates if not d.code and campaigns[d.campaign_id] is year_of)
        codes[year_of.id] = next_codes(session, Lead.code, "LEAD", year_of.year, count)
        codes[year_of.id].reverse()  # popped from the end: in order, without shifting
    def make(draft: LeadDraft) -> Lead:
        campaign = campaigns[draft.campaign_id]
        assert campaign is not None
        code = rules.code("code", draft.code) if draft.code else codes[campaign.id].pop()
        lead = Lead(code=code, campaign_id=campaign.id)
        if draft.uuid:
            lead.uuid = draft.uuid
        apply_lead(lead, draft)
        add_step(session, lead, draft.stage, draft.stage_on or natural_day(draft),
                 draft.stage_reason)
        return lead

    def fill(lead: Lead, draft: LeadDraft) -> None:
        before = lead.stage
        apply_lead(lead, draft)
        if draft.stage != before:
            add_step(session, lead, draft.stage, draft.stage_on, draft.stage_reason)

    edited = [records[u.record_id] for u in updates]
    created = _write(session, creates, make, edited, fill, updates)
    del held
    updated = [lead.id for lead in edited]
    return OpResult((created, updated), OpChanges.of(RecordKind.LEAD, *created, *updated))


def _campaigns(session: Session, drafts: Sequence[LeadDraft]) -> dict[int | None, Campaign | None]:
    """The campaign of each draft's ``campaign_id`` (None: the newest campaign)."""
    wanted = {d.campaign_id for d in drafts}
    found: dict[int | None, Campaign | None] = {
        i: c for i, c in load_by_id(session, Campaign, (i for i in wanted if i is not None)).items()}
    for ident in wanted:
        found.setdefault(ident, None)
    if None in wanted:
        found[None] = session.scalars(select(Campaign).order_by(Campaign.year.desc())
                                      .limit(1)).first()
    return found


def _referenced(session: Session, drafts: Sequence[LeadDraft]) -> list[object]:
    """The organisations, industries, units, trips and events the leads name, loaded once:
    the history names them."""
    held: list[object] = []
    for field_name, model in (("organisation_id", Organisation), ("industry_id", Industry),
                              ("unit_id", Unit), ("source_trip_id", Trip),
                              ("source_event_id", ThemedEvent)):
        ids = [i for d in drafts if (i := getattr(d, field_name)) is not None]
        held.extend(load_by_id(session, model, ids).values())
    return held
