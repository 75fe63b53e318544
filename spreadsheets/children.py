"""Sheets that belong to one trip or event: a trip's delegation, a trip's itinerary, an event's
invitations. The headers are those ``export-sheet`` writes (Chinese or English), so an exported
sheet imports back unchanged.

``plan_children(session, kind, table, code)`` reads and checks every row and writes nothing;
``apply_children(session, plan)`` saves the trip or event once, in the caller's transaction,
refused (``ImportRefusedError``-like :class:`ChildImportRefusedError`) if it changed since the plan.
Rows add to what the trip or event already holds or update it; nothing is removed:
  - delegation: a person (by e-mail, else by a unique name) and a role;
  - itinerary: an item (the same title at the same start updates it), its day, times, zone;
  - invitations: an organisation of the directory, its RSVP, guests and notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime, time
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import queries
from models.campaign import City
from models.enums import ItemKind, MemberRole, RsvpState
from models.errors import PlannerError, ValidationError
from models.language import Lang
from models.operations.events import EventDraft, InvitationDraft, event_draft, update_event
from models.operations.items import ItemDraft, add_items
from models.operations.trips import TripDraft, trip_draft, update_trip
from models.people import Person
from models.rules import timezone_name
from models.timeutil import BEIJING_TZ, local_to_utc
from spreadsheets import values as cell
from spreadsheets.columns import Column, map_columns
from spreadsheets.lookups import Directory
from spreadsheets.mojibake import find_damage
from spreadsheets.plan import RowError
from spreadsheets.reading import Table
from spreadsheets.records import RowCells


class ChildKind(StrEnum):
    DELEGATION = "delegation"
    ITINERARY = "itinerary"
    INVITATIONS = "invitations"

    def label(self, lang: Lang = Lang.ZH) -> str:
        zh, en = {ChildKind.DELEGATION: ("团组名单", "delegation"),
                  ChildKind.ITINERARY: ("行程", "itinerary"),
                  ChildKind.INVITATIONS: ("邀请名单", "invitations")}[self]
        return lang.pick(zh, en)


DELEGATION_COLUMNS = (
    Column("parent", "推广活动", "Trip", ("推广活动", "trip", "活动编号")),
    Column("name", "姓名", "Name", ("姓名", "name", "人员"), required=True),
    Column("name_en", "英文名", "Name (EN)", ("英文名", "name(en)", "英文姓名")),
    Column("role", "角色", "Role", ("角色", "role", "团内职务", "分工")),
    Column("email", "邮箱", "E-mail", ("邮箱", "e-mail", "email", "电子邮箱")),
)
ITINERARY_COLUMNS = (
    Column("parent", "推广活动", "Trip", ("推广活动", "trip")),
    Column("start_date", "开始日期", "Start date", ("开始日期", "日期", "startdate", "date"),
           required=True),
    Column("start_time", "开始时间", "Start time", ("开始时间", "starttime", "时间", "time")),
    Column("end_date", "结束日期", "End date", ("结束日期", "enddate")),
    Column("end_time", "结束时间", "End time", ("结束时间", "endtime")),
    Column("all_day", "全天", "All day", ("全天", "allday")),
    Column("timezone", "时区", "Time zone", ("时区", "timezone", "zone")),
    Column("kind", "类别", "Kind", ("类别", "类型", "kind", "type")),
    Column("title_zh", "名称", "Title", ("名称", "事项", "title", "item"), required=True),
    Column("title_en", "英文名称", "Title (EN)", ("英文名称", "title(en)")),
    Column("city", "城市", "City", ("城市", "city")),
    Column("place", "地点", "Place", ("地点", "place", "地址", "address")),
    Column("organisation", "机构", "Organisation", ("机构", "organisation", "organization",
                                                    "company")),
    Column("attendees", "参加人员", "Attendees", ("参加人员", "attendees", "attending")),
    Column("notes", "备注", "Notes", ("备注", "notes", "note")),
)
INVITATION_COLUMNS = (
    Column("parent", "专题活动", "Event", ("专题活动", "event")),
    Column("organisation", "机构", "Organisation", ("机构", "organisation", "organization",
                                                    "company"), required=True),
    Column("rsvp", "回复", "RSVP", ("回复", "rsvp", "回复状态")),
    Column("guests", "人数", "Guests", ("人数", "guests", "出席人数")),
    Column("notes", "备注", "Notes", ("备注", "notes", "note")),
)
COLUMNS = {ChildKind.DELEGATION: DELEGATION_COLUMNS, ChildKind.ITINERARY: ITINERARY_COLUMNS,
           ChildKind.INVITATIONS: INVITATION_COLUMNS}
_YES = {"是", "y", "yes", "true", "1", "全天", "√", "✓", "x"}
_TIME = re.compile(r"^(\d{1,2})[:：](\d{2})$")


@dataclass
class ChildPlan:
    """What importing the sheet would do to one trip or event."""

    kind: ChildKind
    code: str
    revision: int
    draft: TripDraft | EventDraft
    source_zh: str
    source_en: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self, lang: Lang = Lang.ZH) -> str:
        if lang is Lang.BOTH:
            return f"{self.counts(Lang.ZH)} ({self.counts(Lang.EN)})"
        if lang is Lang.EN:
            return (f"{self.code} {self.kind.label(lang)}: {self.created} to add, "
                    f"{self.updated} to update, {self.unchanged} unchanged")
        return (f"{self.code} {self.kind.label(lang)}：新增 {self.created}，更新 {self.updated}，"
                f"未变 {self.unchanged}")

    def error_text(self, lang: Lang = Lang.ZH, limit: int = 10) -> str:
        rows = len({e.row for e in self.errors})
        head = {Lang.EN: f"Import refused, nothing written: {len(self.errors)} errors in {rows} "
                         f"rows of {self.source_en}"}.get(
            lang, f"导入被拒绝，未写入任何数据：{self.source_zh}，共 {rows} 行有 {len(self.errors)} 处错误")
        more = len(self.errors) - limit
        tail = ([f"  … and {more} more" if lang is Lang.EN else f"  …… 另有 {more} 处错误"]
                if more > 0 else [])
        return "\n".join([head, *(f"  {e.text(lang)}" for e in self.errors[:limit]), *tail])

    def summary(self, lang: Lang = Lang.ZH) -> str:
        if self.errors:
            return self.error_text(lang)
        lines = [lang.pick(self.source_zh, self.source_en), self.counts(lang)]
        for w in self.warnings[:10]:
            lines.append(f"  {w.text(lang)}")
        return "\n".join(lines)


class ChildImportRefusedError(ValidationError):
    def __init__(self, plan: ChildPlan) -> None:
        self.plan = plan
        super().__init__("import", plan.error_text(Lang.ZH), plan.error_text(Lang.EN))


def child_kind(text: str) -> ChildKind:
    try:
        return ChildKind(text.strip().lower())
    except ValueError:
        known = ", ".join(k.value for k in ChildKind)
        raise ValidationError("kind", f"未知的导入类别“{text}”（可选：{known}）",
                              f"Unknown kind '{text}' (one of: {known})") from None


def plan_children(session: Session, kind: ChildKind | str, table: Table, code: str) -> ChildPlan:
    """Check every row of ``table`` against the trip (delegation, itinerary) or event
    (invitations) ``code``; write nothing."""
    kind = child_kind(kind) if not isinstance(kind, ChildKind) else kind
    if kind is ChildKind.INVITATIONS:
        event = queries.get_event(session, code)
        draft: TripDraft | EventDraft = event_draft(session, event.id)
        revision, code = event.revision, event.code
    else:
        trip = queries.get_trip(session, code)
        draft, revision, code = trip_draft(session, trip.id), trip.revision, trip.code
    plan = ChildPlan(kind, code, revision, draft, table.describe(Lang.ZH), table.describe(Lang.EN))
    columns = map_columns(table.headers, COLUMNS[kind])
    for zh, en in columns.problems:
        plan.errors.append(RowError(table.header_row, "", zh, en))
    if plan.errors:
        return plan
    reader = _Reader(session, plan)
    trial = session.begin_nested()
    try:
        for row in table.rows:
            cells = RowCells(row, columns)
            cells.check_formulas()
            plan.warnings += [RowError(row.number, w.column, w.message_zh, w.message_en)
                              for w in cells.warnings]
            for key in columns.index:
                damage = find_damage(cells.get(key))
                if damage is not None:
                    cells.fail(key, damage.message(Lang.ZH), damage.message(Lang.EN))
            if not cells.problems:
                reader.row(cells)
            plan.errors += [RowError(row.number, p.column.strip(), p.message_zh, p.message_en)
                            for p in cells.problems]
    finally:
        trial.rollback()
    return plan


class _Reader:
    def __init__(self, session: Session, plan: ChildPlan) -> None:
        self.session = session
        self.plan = plan
        self.directory = Directory(session)
        self.seen: dict[object, int] = {}

    def _parent(self, cells: RowCells) -> bool:
        given = cells.get("parent").strip()
        if given and given.upper() != self.plan.code.upper():
            cells.fail("parent", f"这一行属于 {given}，不是 {self.plan.code}",
                       f"this row belongs to {given}, not {self.plan.code}")
            return False
        return True

    def row(self, cells: RowCells) -> None:
        if not self._parent(cells):
            return
        try:
            {ChildKind.DELEGATION: self._member, ChildKind.ITINERARY: self._item,
             ChildKind.INVITATIONS: self._invitation}[self.plan.kind](cells)
        except cell.CellError as exc:
            cells.fail("", exc.message_zh, exc.message_en)

    def _once(self, cells: RowCells, key: object, what: str) -> bool:
        if key in self.seen:
            cells.fail("", f"“{what}”与第 {self.seen[key]} 行重复",
                       f"'{what}' repeats row {self.seen[key]}")
            return False
        self.seen[key] = cells.row.number
        return True

    def _count(self, before: object, after: object) -> None:
        if before is None:
            self.plan.created += 1
        elif before == after:
            self.plan.unchanged += 1
        else:
            self.plan.updated += 1

    # --- delegation ---------------------------------------------------------------------------

    def _person(self, cells: RowCells) -> Person | None:
        email = cell.text(cells.get("email")).casefold()
        if email:
            found = list(self.session.scalars(select(Person).where(Person.email.ilike(email))))
            if len(found) == 1:
                return found[0]
        name = cell.text(cells.get("name"))
        found = list(self.session.scalars(
            select(Person).where((Person.name_zh == name) | (Person.name_en == name))))
        english = cell.text(cells.get("name_en"))
        if len(found) > 1 and english:
            found = [p for p in found if p.name_en == english]
        if len(found) == 1:
            return found[0]
        if found:
            cells.fail("name", f"名录中有多位“{name}”，请填写邮箱以区分",
                       f"More than one person named '{name}': give the e-mail")
        else:
            cells.fail("name", f"人员名录中没有“{name}”（请先导入人员）",
                       f"No person named '{name}' in the directory (import the people first)")
        return None

    def _member(self, cells: RowCells) -> None:
        draft = self.plan.draft
        assert isinstance(draft, TripDraft)
        person = self._person(cells)
        if person is None or not self._once(cells, person.id, person.name_zh):
            return
        raw_role = cells.get("role")
        current = dict(draft.members)
        role = cell.choice(raw_role, MemberRole) if cell.text(raw_role) else current.get(
            person.id, MemberRole.MEMBER)
        before = current.get(person.id)
        self._count(before, role)
        if before is None:
            draft.members.append((person.id, role))
        else:
            draft.members = [(pid, role if pid == person.id else r) for pid, r in draft.members]

    # --- itinerary ----------------------------------------------------------------------------

    def _item(self, cells: RowCells) -> None:
        draft = self.plan.draft
        assert isinstance(draft, TripDraft)
        trip = queries.get_trip(self.session, self.plan.code)
        title = cell.text(cells.get("title_zh"))
        city = self._city(cells, trip.cities)
        zone_text = cell.text(cells.get("timezone"))
        zone = (timezone_name("timezone", zone_text) if zone_text else
                city.timezone if city else trip.cities[0].timezone if trip.cities else BEIJING_TZ)
        all_day = cell.text(cells.get("all_day")).casefold() in _YES
        first = cell.day(cells.get("start_date"))
        last = cell.day(cells.get("end_date")) if cell.text(cells.get("end_date")) else first
        if all_day:
            start_wall, end_wall = datetime.combine(first, time()), datetime.combine(last,
                                                                                     time(23, 59))
        else:
            start_wall = datetime.combine(first, self._time(cells, "start_time", time(9)))
            end_wall = datetime.combine(last, self._time(cells, "end_time", None)
                                        or (start_wall.replace(hour=min(start_wall.hour + 1, 23))
                                            .time()))
        try:
            starts_at = local_to_utc(start_wall, zone, "starts_at")
            ends_at = local_to_utc(end_wall, zone, "ends_at")
        except ValidationError as exc:
            cells.fail("start_time", exc.message_zh, exc.message_en or exc.message_zh)
            return
        if not self._once(cells, (title, starts_at), title):
            return
        items = draft.items if draft.items is not None else []
        existing = next((i for i in items if i.title_zh == title and i.starts_at == starts_at),
                        None)
        base = existing or ItemDraft(kind=ItemKind.COMPANY_VISIT, title_zh=title,
                                     starts_at=starts_at, ends_at=ends_at, timezone=zone)
        values: dict[str, Any] = {"starts_at": starts_at, "ends_at": ends_at, "timezone": zone,
                                  "all_day": all_day, "title_zh": title}
        if cell.text(cells.get("kind")):
            values["kind"] = cell.choice(cells.get("kind"), ItemKind)
        for key in ("title_en", "place", "notes"):
            if cell.text(cells.get(key)):
                values[key] = cells.get(key) if cells.quoted(key) else cell.text(cells.get(key))
        if city is not None:
            values["city_id"] = city.id
        if cell.text(cells.get("organisation")):
            values["organisation_id"] = self.directory.organisations.find(
                cells.get("organisation")).id
        if cell.text(cells.get("attendees")):
            values["attendee_ids"] = self._attendees(cells, draft)
        after = replace(base, **values)
        if existing is None:
            try:  # the model's rules for an item (dates within the trip, attendees...)
                with self.session.begin_nested() as check:
                    add_items(self.session, trip.id, [after])
                    check.rollback()
            except PlannerError as exc:
                cells.fail("start_date", exc.message_zh, exc.message_en or exc.message_zh)
                return
            items.append(after)
        else:
            items[items.index(existing)] = after
        draft.items = items
        self._count(existing, after)

    def _time(self, cells: RowCells, key: str, default: time | None) -> time:
        raw = cell.text(cells.get(key))
        if not raw:
            return default  # type: ignore[return-value]
        found = _TIME.match(raw)
        if found is None or int(found.group(1)) > 23 or int(found.group(2)) > 59:
            raise cell.CellError(f"时间“{raw}”应写作 时:分，例如 09:30",
                                 f"The time '{raw}' should be hours:minutes, e.g. 09:30")
        return time(int(found.group(1)), int(found.group(2)))

    def _city(self, cells: RowCells, trip_cities: list[City]) -> City | None:
        name = cell.text(cells.get("city"))
        if not name:
            return None
        for city in [*trip_cities, *self.session.scalars(select(City).order_by(City.id))]:
            if name in (city.name_zh, city.name_en, city.timezone):
                return city
        raise cell.CellError(f"没有名为“{name}”的城市", f"No city named '{name}'")

    def _attendees(self, cells: RowCells, draft: TripDraft) -> list[int]:
        members = {pid for pid, _ in draft.members}
        people = {p.id: p for p in self.session.scalars(
            select(Person).where(Person.id.in_(members)))}
        ids = []
        for name in (n.strip() for n in re.split(r"[、,，;；]", cells.get("attendees"))):
            match = [pid for pid, p in people.items() if name and name in (p.name_zh, p.name_en)]
            if len(match) != 1:
                raise cell.CellError(f"“{name}”不是团组成员", f"'{name}' is not in the delegation")
            ids.append(match[0])
        return ids

    # --- invitations --------------------------------------------------------------------------

    def _invitation(self, cells: RowCells) -> None:
        draft = self.plan.draft
        assert isinstance(draft, EventDraft)
        org = self.directory.organisations.find(cells.get("organisation"))
        if not self._once(cells, org.id, org.name_zh):
            return
        invitations = draft.invitations if draft.invitations is not None else []
        existing = next((i for i in invitations if i.organisation_id == org.id), None)
        after = replace(existing) if existing else InvitationDraft(org.id)
        if cell.text(cells.get("rsvp")):
            after.rsvp = cell.choice(cells.get("rsvp"), RsvpState)
        if cell.text(cells.get("guests")):
            raw = cell.text(cells.get("guests"))
            if not raw.isdigit():
                raise cell.CellError(f"人数“{raw}”应为整数", f"Guests '{raw}' should be a number")
            after.guests = int(raw)
        if cell.text(cells.get("notes")):
            after.notes = cells.get("notes") if cells.quoted("notes") else cell.text(
                cells.get("notes"))
        if existing is None:
            invitations.append(after)
        else:
            invitations[invitations.index(existing)] = after
        draft.invitations = invitations
        self._count(existing, after)


def apply_children(session: Session, plan: ChildPlan) -> ChildPlan:
    """Save the trip or event of ``plan`` in the caller's transaction (once, all rows)."""
    if plan.errors:
        raise ChildImportRefusedError(plan)
    if plan.created == plan.updated == 0:
        return plan
    if isinstance(plan.draft, EventDraft):
        update_event(session, plan.code, plan.draft, expected_revision=plan.revision)
    else:
        update_trip(session, plan.code, plan.draft, expected_revision=plan.revision)
    return plan
