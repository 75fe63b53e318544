"""Operations on the directory: people, organisations, responsible units."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import rules
from models.campaign import Industry, Unit
from models.changes import OpChanges, OpResult, RecordKind
from models.enums import OrganisationKind, PersonKind, UnitKind
from models.errors import ConcurrentEditError, NotFoundError, ValidationError
from models.organisations import Organisation
from models.people import Person
from models.row_builders import organisation_row, person_row
from models.rows import OrganisationRow, PersonRow
from models.visits import city_names


@dataclass
class PersonDraft:
    name_zh: str
    kind: PersonKind = PersonKind.DELEGATE
    name_en: str = ""
    title_zh: str = ""
    title_en: str = ""
    unit_id: int | None = None
    organisation_id: int | None = None
    phone: str = ""
    email: str = ""
    languages: str = "zh"
    notes: str = ""
    uuid: str | None = None
    mobile_abroad: str = ""
    passport_number: str = ""
    passport_expires: date | None = None
    visa_status: str = ""
    dietary: str = ""


@dataclass
class OrganisationDraft:
    name_zh: str
    kind: OrganisationKind = OrganisationKind.COMPANY
    name_en: str = ""
    industry_id: int | None = None
    fortune_global_500_rank: int | None = None
    china_top_500_rank: int | None = None
    hq_city: str = ""
    hq_country: str = ""
    website: str = ""
    talking_points: str = ""
    notes: str = ""
    uuid: str | None = None
    business: str = ""
    revenue_cny: int | None = None
    employees: int | None = None
    china_presence: str = ""
    gba_presence: str = ""


def _check_person(session: Session, d: PersonDraft) -> None:
    check_person(d, lambda i: session.get(Unit, i) is not None,
                 lambda i: session.get(Organisation, i) is not None)


def check_person(d: PersonDraft, unit_exists: Callable[[int], bool],
                 organisation_exists: Callable[[int], bool]) -> None:
    """The rules of a person, with the look-ups given (one record, or a whole import's)."""
    rules.required_name("name_zh", d.name_zh, "姓名", "Name")
    rules.email("email", d.email)
    if d.unit_id is not None and not unit_exists(d.unit_id):
        raise ValidationError("unit_id", f"责任单位不存在（编号 {d.unit_id}）",
                              f"No such unit (id {d.unit_id})")
    if d.organisation_id is not None and not organisation_exists(d.organisation_id):
        raise ValidationError("organisation_id", f"机构不存在（编号 {d.organisation_id}）",
                              f"No such organisation (id {d.organisation_id})")


def apply_person(p: Person, d: PersonDraft) -> None:
    p.name_zh = d.name_zh.strip()
    p.name_en = d.name_en.strip()
    p.kind = d.kind
    p.title_zh = d.title_zh.strip()
    p.title_en = d.title_en.strip()
    p.unit_id = d.unit_id
    p.organisation_id = d.organisation_id
    p.phone = d.phone.strip()
    p.email = d.email.strip()
    p.languages = d.languages.strip()
    p.notes = d.notes
    p.mobile_abroad = d.mobile_abroad.strip()
    p.passport_number = d.passport_number.strip()
    p.passport_expires = d.passport_expires
    p.visa_status = d.visa_status.strip()
    p.dietary = d.dietary.strip()


def _check_revision(what_zh: str, revision: int, expected: int | None) -> None:
    if expected is not None and revision != expected:
        raise ConcurrentEditError(what_zh, expected, revision)


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(f"找不到人员 {person_id}", f"No person with id {person_id}")
    return person


def _flushed_person(session: Session, person: Person) -> OpResult[PersonRow]:
    """Write the changes of ``person``; its row and what changed."""
    session.flush()
    return OpResult(person_row(person), OpChanges.of(RecordKind.PERSON, person.id))


def create_person(session: Session, draft: PersonDraft) -> OpResult[PersonRow]:
    _check_person(session, draft)
    person = Person(uuid=draft.uuid) if draft.uuid else Person()
    apply_person(person, draft)
    session.add(person)
    return _flushed_person(session, person)


def update_person(session: Session, person_id: int, draft: PersonDraft,
                  expected_revision: int | None = None) -> OpResult[PersonRow]:
    person = _person(session, person_id)
    _check_revision(f"人员 {person.name_zh}", person.revision, expected_revision)
    _check_person(session, draft)
    apply_person(person, draft)
    return _flushed_person(session, person)


def person_draft(session: Session, person_id: int) -> PersonDraft:
    return draft_of_person(_person(session, person_id))


def draft_of_person(p: Person) -> PersonDraft:
    """The draft that edits a loaded person."""
    return PersonDraft(p.name_zh, p.kind, p.name_en, p.title_zh, p.title_en, p.unit_id,
                       p.organisation_id, p.phone, p.email, p.languages, p.notes, p.uuid,
                       mobile_abroad=p.mobile_abroad, passport_number=p.passport_number,
                       passport_expires=p.passport_expires, visa_status=p.visa_status,
                       dietary=p.dietary)


def _check_org(session: Session, d: OrganisationDraft, existing: Organisation | None) -> None:
    check_organisation(
        d, existing.id if existing is not None else None,
        lambda name: session.scalars(select(Organisation.id)
                                     .where(Organisation.name_zh == name)).first(),
        lambda i: session.get(Industry, i) is not None)


def check_organisation(d: OrganisationDraft, own_id: int | None,
                       owner_of_name: Callable[[str], int | None],
                       industry_exists: Callable[[int], bool]) -> None:
    """The rules of an organisation (``own_id``: the one edited, None for a new one), with the
    look-ups given: a query each for one record, or maps loaded once for a whole import."""
    name = rules.required_name("name_zh", d.name_zh, "机构名称", "Organisation name")
    clash = owner_of_name(name)
    if clash is not None and (own_id is None or clash != own_id):
        raise ValidationError("name_zh", f"机构“{name}”已存在", f"'{name}' already exists")
    for field_name, rank in (("fortune_global_500_rank", d.fortune_global_500_rank),
                             ("china_top_500_rank", d.china_top_500_rank)):
        if rank is not None and not 1 <= rank <= 500:
            raise ValidationError(field_name, "500 强排名应在 1 到 500 之间",
                                  "A Top-500 rank lies between 1 and 500")
    if d.industry_id is not None and not industry_exists(d.industry_id):
        raise ValidationError("industry_id", f"产业不存在（编号 {d.industry_id}）",
                              f"No such industry (id {d.industry_id})")
    if d.hq_country and (len(d.hq_country) != 2 or not d.hq_country.isalpha()):
        raise ValidationError("hq_country", "国家请用两位字母代码，例如 CN、JP、DE",
                              "Use a two-letter country code such as CN, JP, DE")
    for field_name, number in (("revenue_cny", d.revenue_cny), ("employees", d.employees)):
        if number is not None and number < 0:
            raise ValidationError(field_name, "营业收入和员工人数不能为负数",
                                  "Revenue and employees cannot be negative")


def apply_organisation(o: Organisation, d: OrganisationDraft) -> None:
    o.name_zh = d.name_zh.strip()
    o.name_en = d.name_en.strip()
    o.kind = d.kind
    o.industry_id = d.industry_id
    o.fortune_global_500_rank = d.fortune_global_500_rank
    o.china_top_500_rank = d.china_top_500_rank
    o.hq_city = d.hq_city.strip()
    o.hq_country = d.hq_country.strip().upper()
    o.website = d.website.strip()
    o.talking_points = d.talking_points
    o.notes = d.notes
    o.business = d.business
    o.revenue_cny = d.revenue_cny
    o.employees = d.employees
    o.china_presence = d.china_presence
    o.gba_presence = d.gba_presence


def _organisation(session: Session, org_id: int) -> Organisation:
    org = session.get(Organisation, org_id)
    if org is None:
        raise NotFoundError(f"找不到机构 {org_id}", f"No organisation with id {org_id}")
    return org


def _flushed_organisation(session: Session, org: Organisation) -> OpResult[OrganisationRow]:
    """Write the changes of ``org``; its row and what changed."""
    session.flush()
    return OpResult(organisation_row(org, cities=city_names(session)),
                    OpChanges.of(RecordKind.ORGANISATION, org.id))


def create_organisation(session: Session, draft: OrganisationDraft) -> OpResult[OrganisationRow]:
    _check_org(session, draft, None)
    org = Organisation(uuid=draft.uuid) if draft.uuid else Organisation()
    apply_organisation(org, draft)
    session.add(org)
    return _flushed_organisation(session, org)


def create_organisations(session: Session,
                         drafts: list[OrganisationDraft]) -> OpResult[list[Organisation]]:
    """Many new organisations under the same rules, written in one flush (an import, the
    sample): the value is the new records, in the order of ``drafts``."""
    names: set[str] = set()
    made = []
    for draft in drafts:
        _check_org(session, draft, None)
        name = draft.name_zh.strip()
        if name in names:
            raise ValidationError("name_zh", f"机构“{name}”已存在", f"'{name}' already exists")
        names.add(name)
        org = Organisation(uuid=draft.uuid) if draft.uuid else Organisation()
        apply_organisation(org, draft)
        made.append(org)
    session.add_all(made)
    session.flush()
    return OpResult(made, OpChanges.of(RecordKind.ORGANISATION, *(o.id for o in made)))


def update_organisation(session: Session, org_id: int, draft: OrganisationDraft,
                        expected_revision: int | None = None) -> OpResult[OrganisationRow]:
    org = _organisation(session, org_id)
    _check_revision(f"机构 {org.name_zh}", org.revision, expected_revision)
    _check_org(session, draft, org)
    apply_organisation(org, draft)
    return _flushed_organisation(session, org)


def organisation_draft(session: Session, org_id: int) -> OrganisationDraft:
    return draft_of_organisation(_organisation(session, org_id))


def draft_of_organisation(o: Organisation) -> OrganisationDraft:
    """The draft that edits a loaded organisation."""
    return OrganisationDraft(o.name_zh, o.kind, o.name_en, o.industry_id,
                             o.fortune_global_500_rank, o.china_top_500_rank, o.hq_city,
                             o.hq_country, o.website, o.talking_points, o.notes, o.uuid,
                             business=o.business, revenue_cny=o.revenue_cny,
                             employees=o.employees, china_presence=o.china_presence,
                             gba_presence=o.gba_presence)


@dataclass
class UnitDraft:
    name_zh: str
    name_en: str = ""
    kind: UnitKind = UnitKind.TOWN_STREET


def _check_unit(session: Session, d: UnitDraft, existing: Unit | None) -> str:
    name = rules.required_name("name_zh", d.name_zh, "单位名称", "Unit name")
    clash = session.scalars(select(Unit).where(Unit.name_zh == name)).first()
    if clash is not None and clash is not existing:
        raise ValidationError("name_zh", f"单位“{name}”已存在", f"'{name}' already exists")
    return name


def create_unit(session: Session, name_zh: str, kind: UnitKind, name_en: str = "") -> OpResult[int]:
    return add_unit(session, UnitDraft(name_zh, name_en, kind))


def add_unit(session: Session, draft: UnitDraft) -> OpResult[int]:
    """A new responsible unit; its id."""
    name = _check_unit(session, draft, None)
    unit = Unit(name_zh=name, name_en=draft.name_en.strip(), kind=draft.kind)
    session.add(unit)
    session.flush()
    return OpResult(unit.id, OpChanges.of(RecordKind.UNIT, unit.id))


def unit_draft(session: Session, unit_id: int) -> UnitDraft:
    u = session.get(Unit, unit_id)
    if u is None:
        raise NotFoundError(f"找不到责任单位 {unit_id}", f"No unit with id {unit_id}")
    return UnitDraft(u.name_zh, u.name_en, u.kind)


def update_unit(session: Session, unit_id: int, draft: UnitDraft) -> OpResult[int]:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFoundError(f"找不到责任单位 {unit_id}", f"No unit with id {unit_id}")
    unit.name_zh = _check_unit(session, draft, unit)
    unit.name_en = draft.name_en.strip()
    unit.kind = draft.kind
    session.flush()
    return OpResult(unit.id, OpChanges.of(RecordKind.UNIT, unit.id))


def unit_id_by_name(session: Session, name_zh: str) -> int:
    """The unit called ``name_zh`` (Chinese names are unique; undo finds units by name)."""
    found = session.scalar(select(Unit.id).where(Unit.name_zh == name_zh.strip()))
    if found is None:
        raise NotFoundError(f"找不到责任单位“{name_zh}”", f"No unit called '{name_zh}'")
    return found


def _refuse_if_used(session: Session, name: str,
                    uses: list[tuple[list[tuple[Any, Any]], str, str]], ident: int) -> None:
    """Raise when any (table, column) of ``uses`` still holds ``ident``."""
    from sqlalchemy import func

    found = []
    for places, zh, en in uses:
        n = sum(session.scalar(select(func.count()).select_from(table).where(column == ident)) or 0
                for table, column in places)
        if n:
            found.append((n, zh, en))
    if found:
        raise ValidationError(
            "delete",
            f"“{name}”仍被引用（{'、'.join(f'{zh} {n} 处' for n, zh, _ in found)}），不能删除",
            f"'{name}' is still referred to ({', '.join(f'{n} {en}' for n, _, en in found)}) "
            "and cannot be deleted",
        )


def delete_person(session: Session, person_id: int) -> OpResult[PersonDraft]:
    """Delete a person no trip, item, event or session refers to; returns the draft (undo)."""
    from models.events import StaffPost, ThemedEvent, UnitDuty, VipSeat, session_speakers
    from models.trips import Trip, TripMember, item_attendees

    draft = person_draft(session, person_id)
    _refuse_if_used(session, draft.name_zh, [
        ([(TripMember, TripMember.person_id), (Trip, Trip.leader_id)],
         "推广活动团组", "trip delegations"),
        ([(item_attendees, item_attendees.c.person_id)], "行程事项", "itinerary items"),
        ([(ThemedEvent, ThemedEvent.lead_person_id),
          (session_speakers, session_speakers.c.person_id)], "专题活动", "events"),
        ([(StaffPost, StaffPost.person_id), (VipSeat, VipSeat.person_id),
          (UnitDuty, UnitDuty.contact_person_id)], "活动工作方案", "run-of-shows"),
    ], person_id)
    session.delete(session.get_one(Person, person_id))
    session.flush()
    return OpResult(draft, OpChanges.of(RecordKind.PERSON, person_id))


def delete_unit(session: Session, unit_id: int) -> OpResult[UnitDraft]:
    """Delete a unit nothing refers to (people, trips, events, leads, HQ visits); returns the
    draft that re-creates it (undo)."""
    from models.events import ThemedEvent, UnitDuty
    from models.leads import HqVisit, Lead
    from models.trips import Trip

    draft = unit_draft(session, unit_id)
    _refuse_if_used(session, draft.name_zh, [
        ([(Person, Person.unit_id)], "人员", "people"),
        ([(Trip, Trip.host_unit_id)], "推广活动", "trips"),
        ([(ThemedEvent, ThemedEvent.host_unit_id)], "专题活动", "events"),
        ([(UnitDuty, UnitDuty.unit_id)], "活动职责分工", "event duties"),
        ([(Lead, Lead.unit_id)], "招商项目", "leads"),
        ([(HqVisit, HqVisit.unit_id)], "总部拜访", "HQ visits"),
    ], unit_id)
    session.delete(session.get_one(Unit, unit_id))
    session.flush()
    return OpResult(draft, OpChanges.of(RecordKind.UNIT, unit_id))


def delete_organisation(session: Session, org_id: int) -> OpResult[OrganisationDraft]:
    """Delete an organisation without history (trips, items, events, leads, visits, contacts);
    returns the draft that re-creates it (undo)."""
    from models.events import Invitation, VipSeat
    from models.leads import HqVisit, Lead
    from models.trips import ItineraryItem, trip_targets

    draft = organisation_draft(session, org_id)
    _refuse_if_used(session, draft.name_zh, [
        ([(trip_targets, trip_targets.c.organisation_id),
          (ItineraryItem, ItineraryItem.organisation_id)], "推广活动", "trips"),
        ([(Invitation, Invitation.organisation_id), (VipSeat, VipSeat.organisation_id)],
         "专题活动邀请", "event invitations"),
        ([(Lead, Lead.organisation_id)], "招商项目", "leads"),
        ([(HqVisit, HqVisit.organisation_id)], "总部拜访", "HQ visits"),
        ([(Person, Person.organisation_id)], "联系人", "contacts"),
    ], org_id)
    session.delete(session.get_one(Organisation, org_id))
    session.flush()
    return OpResult(draft, OpChanges.of(RecordKind.ORGANISATION, org_id))
