"""Finding a person or an organisation from what a user typed: an id, or an exact name in
Chinese or English. An unknown name is refused, and so is an ambiguous one, naming the
candidates so that the user can give the id instead."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models.errors import NotFoundError, ValidationError
from models.organisations import Organisation
from models.people import Person
from models.row_builders import organisation_row, person_row
from models.rows import OrganisationRow, PersonRow

MAX_CANDIDATES = 8  # named in the message; more are counted


def find_person(session: Session, text: str) -> PersonRow:
    """The person with this id, or the one person with this exact Chinese or English name."""
    needle = text.strip()
    if needle.isdigit():
        person = session.get(Person, int(needle))
        if person is None:
            raise NotFoundError(f"人员名录中没有编号为 {needle} 的人员",
                                f"No person with the id {needle}")
        return person_row(person)
    found = list(session.scalars(
        select(Person).where(or_(Person.name_zh == needle, Person.name_en == needle))
        .order_by(Person.id)))
    if not found:
        raise NotFoundError(f"人员名录中没有“{needle}”", f"No person named '{needle}'")
    if len(found) > 1:
        zh, en = _candidates([(p.id, p.name_zh, p.name_en, p.title_zh, p.title_en) for p in found])
        raise ValidationError("person", f"人员名录中有 {len(found)} 位“{needle}”，请用编号：{zh}",
                              f"{len(found)} people are named '{needle}'; give the id: {en}")
    return person_row(found[0])


def find_organisation(session: Session, text: str) -> OrganisationRow:
    """The organisation with this id, or the one organisation with this exact Chinese or
    English name."""
    needle = text.strip()
    if needle.isdigit():
        org = session.get(Organisation, int(needle))
        if org is None:
            raise NotFoundError(f"机构名录中没有编号为 {needle} 的机构",
                                f"No organisation with the id {needle}")
        return organisation_row(org)
    found = list(session.scalars(
        select(Organisation)
        .where(or_(Organisation.name_zh == needle, Organisation.name_en == needle))
        .order_by(Organisation.id)))
    if not found:
        raise NotFoundError(f"机构名录中没有“{needle}”", f"No organisation named '{needle}'")
    if len(found) > 1:
        zh, en = _candidates([(o.id, o.name_zh, o.name_en, o.hq_city, o.hq_city) for o in found])
        raise ValidationError("organisation",
                              f"机构名录中有 {len(found)} 家“{needle}”，请用编号：{zh}",
                              f"{len(found)} organisations are named '{needle}'; give the id: {en}")
    return organisation_row(found[0])


def _candidates(rows: list[tuple[int, str, str, str, str]]) -> tuple[str, str]:
    """'编号 3 王建国（副市长）、编号 9 王建国' and '3 Wang Jianguo (Vice Mayor), 9 Wang Jianguo'."""
    zh, en = [], []
    for ident, name_zh, name_en, detail_zh, detail_en in rows[:MAX_CANDIDATES]:
        zh.append(f"编号 {ident} {name_zh}" + (f"（{detail_zh}）" if detail_zh else ""))
        detail = detail_en or detail_zh
        en.append(f"{ident} {name_en or name_zh}" + (f" ({detail})" if detail else ""))
    more = len(rows) - MAX_CANDIDATES
    if more > 0:
        zh.append(f"另有 {more} 个")
        en.append(f"and {more} more")
    return "、".join(zh), ", ".join(en)
