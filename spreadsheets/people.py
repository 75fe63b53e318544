"""People from a sheet. A row updates the person with its e-mail address, else the person with
its name in its unit (a responsible unit or an organisation of the directory), else, when the
row names no unit, the only person of that name; any other row creates a person."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Hashable, Sequence
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit.bulk import read_rows
from models.enums import PersonKind
from models.errors import PlannerError
from models.operations.bulk import Update, check_people, save_people
from models.operations.directory import PersonDraft, draft_of_person
from models.people import Person
from spreadsheets import values as cell
from spreadsheets.columns import PERSON_COLUMNS
from spreadsheets.lookups import Directory
from spreadsheets.records import Records, RowCells

KIND_ALIASES = {
    "领导": PersonKind.CITY_LEADER, "市领导": PersonKind.CITY_LEADER,
    "投促局": PersonKind.BUREAU_STAFF, "局工作人员": PersonKind.BUREAU_STAFF,
    "单位工作人员": PersonKind.UNIT_STAFF, "团员": PersonKind.DELEGATE,
    "外部": PersonKind.EXTERNAL, "联系人": PersonKind.EXTERNAL, "客商": PersonKind.EXTERNAL,
    "contact": PersonKind.EXTERNAL,
}


class PersonRecords(Records[PersonDraft]):
    columns = PERSON_COLUMNS
    model = Person
    name_key = "name_zh"

    def __init__(self, session: Session, directory: Directory | None = None) -> None:
        super().__init__(session, directory)
        self.loaded: dict[int, tuple[PersonDraft, int]] = {}
        self.by_email: dict[str, list[int]] = defaultdict(list)
        self.by_place: dict[tuple[str, int | None, int | None], list[int]] = defaultdict(list)
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for i, name, email, unit_id, org_id in session.execute(
                select(Person.id, Person.name_zh, Person.email, Person.unit_id,
                       Person.organisation_id)):
            if email:
                self.by_email[email.strip().casefold()].append(i)
            self.by_place[(name, unit_id, org_id)].append(i)
            self.by_name[name].append(i)
        self.parsers = {
            "kind": lambda c: {"kind": cell.choice(c, PersonKind, KIND_ALIASES)},
            "unit": self._unit,
            "email": lambda c: {"email": cell.text(c).removeprefix("mailto:")},
            "languages": lambda c: {"languages": cell.languages(c)},
        }

    def _unit(self, text: str) -> dict[str, Any]:
        attr, ident = self.directory.unit_or_organisation(text)
        return {attr: ident}

    def find(self, values: dict[str, Any], cells: RowCells) -> int | None:
        name = values.get("name_zh", "")
        email = values.get("email", "").casefold()
        if email and self.by_email.get(email):
            return self._one(self.by_email[email], cells, "email",
                             f"名录中有多位人员使用邮箱 {email}",
                             f"More than one person has the e-mail {email}")
        if "unit_id" in values or "organisation_id" in values:
            place = (name, values.get("unit_id"), values.get("organisation_id"))
            return self._one(self.by_place.get(place, []), cells, "name_zh",
                             f"名录中同一单位有多位“{name}”，请填写邮箱以区分",
                             f"More than one '{name}' in this unit: give the e-mail to tell them apart")
        return self._one(self.by_name.get(name, []), cells, "name_zh",
                         f"名录中有多位“{name}”，请填写单位或邮箱以区分",
                         f"More than one person named '{name}': give the unit or e-mail")

    @staticmethod
    def _one(ids: list[int], cells: RowCells, key: str, zh: str, en: str) -> int | None:
        if len(ids) > 1:
            cells.fail(key, zh, en)
            return None
        return ids[0] if ids else None

    def new_draft(self, values: dict[str, Any]) -> PersonDraft:
        if values.get("unit_id") is not None:
            kind = PersonKind.UNIT_STAFF
        elif values.get("organisation_id") is not None:
            kind = PersonKind.EXTERNAL
        else:
            kind = PersonKind.DELEGATE
        return PersonDraft(name_zh="", kind=kind)

    def load_existing(self, record_ids: Collection[int]) -> None:
        # plain rows, no ORM object: the drafts read their fields by name
        rows = read_rows(self.session, Person, list(record_ids))
        self.loaded = {i: (draft_of_person(cast(Person, SimpleNamespace(**row))), row["revision"])
                       for i, row in rows.items()}

    def existing(self, record_id: int) -> tuple[PersonDraft, int]:
        return self.loaded[record_id]

    def check(self, drafts: Sequence[PersonDraft], record_ids: Sequence[int | None]
              ) -> list[tuple[int, PlannerError]]:
        return check_people(self.session, drafts)

    def identity(self, draft: PersonDraft, record_id: int | None) -> Hashable:
        if record_id is not None:
            return ("id", record_id)
        return (draft.name_zh, draft.unit_id, draft.organisation_id, draft.email.casefold())

    def label(self, draft: PersonDraft) -> str:
        return draft.name_zh

    @staticmethod
    def save(session: Session, creates: Sequence[Any], updates: Sequence[Update]
             ) -> tuple[list[int], list[int]]:
        return save_people(session, creates, updates).value
