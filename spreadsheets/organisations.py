"""Organisations from a sheet: a row whose Chinese name is already in the directory updates
that organisation; any other row creates one."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit.bulk import read_rows
from models.enums import OrganisationKind
from models.errors import PlannerError
from models.operations.bulk import Update, check_organisations, save_organisations
from models.operations.directory import OrganisationDraft, draft_of_organisation
from models.organisations import Organisation
from spreadsheets import values as cell
from spreadsheets.columns import ORGANISATION_COLUMNS
from spreadsheets.lookups import Directory
from spreadsheets.records import Records, RowCells

KIND_ALIASES = {
    "公司": OrganisationKind.COMPANY, "企业": OrganisationKind.COMPANY,
    "集团": OrganisationKind.COMPANY, "corporation": OrganisationKind.COMPANY,
    "商会": OrganisationKind.CHAMBER, "协会": OrganisationKind.CHAMBER,
    "chamber": OrganisationKind.CHAMBER, "chamberofcommerce": OrganisationKind.CHAMBER,
    "领事馆": OrganisationKind.FOREIGN_MISSION, "总领事馆": OrganisationKind.FOREIGN_MISSION,
    "大使馆": OrganisationKind.FOREIGN_MISSION, "使领馆": OrganisationKind.FOREIGN_MISSION,
    "consulate": OrganisationKind.FOREIGN_MISSION, "embassy": OrganisationKind.FOREIGN_MISSION,
    "友城": OrganisationKind.SISTER_CITY, "友好城市": OrganisationKind.SISTER_CITY,
    "行业协会": OrganisationKind.INDUSTRY_BODY, "行业组织": OrganisationKind.INDUSTRY_BODY,
    "合作机构": OrganisationKind.PARTNER,
}


class OrganisationRecords(Records[OrganisationDraft]):
    columns = ORGANISATION_COLUMNS
    model = Organisation
    name_key = "name_zh"

    def __init__(self, session: Session, directory: Directory | None = None) -> None:
        super().__init__(session, directory)
        self.loaded: dict[int, tuple[OrganisationDraft, int]] = {}
        self.by_name = {name: i for i, name in session.execute(
            select(Organisation.id, Organisation.name_zh))}
        self.parsers = {
            "kind": lambda c: {"kind": cell.choice(c, OrganisationKind, KIND_ALIASES)},
            "industry": lambda c: {"industry_id": self.directory.industries.find(c).id},
            "fortune_global_500_rank": lambda c: {"fortune_global_500_rank": cell.rank(c)},
            "china_top_500_rank": lambda c: {"china_top_500_rank": cell.rank(c)},
            "hq_country": lambda c: {"hq_country": cell.country(c)},
        }

    def find(self, values: dict[str, Any], cells: RowCells) -> int | None:
        return self.by_name.get(values.get("name_zh", ""))

    def new_draft(self, values: dict[str, Any]) -> OrganisationDraft:
        return OrganisationDraft(name_zh="")

    def load_existing(self, record_ids: Collection[int]) -> None:
        # plain rows, no ORM object: the drafts read their fields by name
        rows = read_rows(self.session, Organisation, list(record_ids))
        self.loaded = {i: (draft_of_organisation(cast(Organisation, SimpleNamespace(**row))), row["revision"])
                       for i, row in rows.items()}

    def existing(self, record_id: int) -> tuple[OrganisationDraft, int]:
        return self.loaded[record_id]

    def check(self, drafts: Sequence[OrganisationDraft], record_ids: Sequence[int | None]
              ) -> list[tuple[int, PlannerError]]:
        return check_organisations(self.session, drafts, record_ids)

    def identity(self, draft: OrganisationDraft, record_id: int | None) -> Hashable:
        return draft.name_zh

    def label(self, draft: OrganisationDraft) -> str:
        return draft.name_zh

    @staticmethod
    def save(session: Session, creates: Sequence[Any], updates: Sequence[Update]
             ) -> tuple[list[int], list[int]]:
        return save_organisations(session, creates, updates).value
