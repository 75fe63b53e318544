"""Finding a person or an organisation from what a user typed: an id, or an exact name in
Chinese or English. An unknown name is refused, and so is an ambiguous one, naming the
candidates so that the user can give the id instead."""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from models import tables
from models.errors import NotFoundError, ValidationError
from models.rows import OrganisationRow, PersonRow
from models.tables import ORGANISATION, PERSON
from models.trip_columns import (
    ORGANISATION_COLUMNS,
    ORGANISATION_INDUSTRY,
    organisation_of,
    people_by_id,
)

MAX_CANDIDATES = 8  # named in the message; more are counted


def find_person(session: Session, text: str) -> PersonRow:
    """The person with this id, or the one person with this exact Chinese or English name."""
    needle = text.strip()
    if needle.isdigit():
        person = people_by_id(session, {int(needle)}).get(int(needle))
        if person is None:
            raise NotFoundError(f"人员名录中没有编号为 {needle} 的人员",
                                f"No person with the id {needle}")
        return person
    ids = list(session.scalars(
        select(PERSON.id).where(or_(PERSON.name_zh == needle, PERSON.name_en == needle))
        .order_by(PERSON.id)))
    people = people_by_id(session, set(ids))
    found = [people[i] for i in ids]
    if not found:
        raise NotFoundError(f"人员名录中没有“{needle}”", f"No person named '{needle}'")
    if len(found) > 1:
        zh, en = _candidates([(p.id, p.name_zh, p.name_en, p.title_zh, p.title_en) for p in found])
        raise ValidationError("person", f"人员名录中有 {len(found)} 位“{needle}”，请用编号：{zh}",
                              f"{len(found)} people are named '{needle}'; give the id: {en}")
    return found[0]


def find_organisation(session: Session, text: str) -> OrganisationRow:
    """The organisation with this id, or the one organisation with this exact Chinese or
    English name."""
    needle = text.strip()
    if needle.isdigit():
        by_id = _organisations(session, ORGANISATION.id == int(needle))
        if not by_id:
            raise NotFoundError(f"机构名录中没有编号为 {needle} 的机构",
                                f"No organisation with the id {needle}")
        return by_id[0]
    found = _organisations(session, or_(ORGANISATION.name_zh == needle,
                                        ORGANISATION.name_en == needle))
    if not found:
        raise NotFoundError(f"机构名录中没有“{needle}”", f"No organisation named '{needle}'")
    if len(found) > 1:
        zh, en = _candidates([(o.id, o.name_zh, o.name_en, o.hq_city, o.hq_city) for o in found])
        raise ValidationError("organisation",
                              f"机构名录中有 {len(found)} 家“{needle}”，请用编号：{zh}",
                              f"{len(found)} organisations are named '{needle}'; give the id: {en}")
    return found[0]


def _organisations(session: Session, where: ColumnElement[bool]) -> list[OrganisationRow]:
    """The organisations for which ``where`` holds, by id, without their contacts: the rows
    ``row_builders.organisation_row`` builds."""
    stmt = (select(ORGANISATION.id, *ORGANISATION_COLUMNS).select_from(tables.organisations)
            .outerjoin(ORGANISATION_INDUSTRY,
                       ORGANISATION_INDUSTRY.c.id == ORGANISATION.industry_id)
            .where(where).order_by(ORGANISATION.id))
    return [organisation_of(r) for r in session.execute(stmt)]


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
