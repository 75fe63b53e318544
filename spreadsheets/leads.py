"""Investment leads from a sheet. A row updates the lead with its code, else the lead of the
same title with the same organisation; any other row creates a lead (with the next code).
The organisation must already be in the directory: import organisations first."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Hashable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.enums import LeadStage
from models.errors import PlannerError
from models.leads import Lead
from models.operations.bulk import Update, check_leads, load_by_id, save_leads
from models.operations.leads import LeadDraft
from spreadsheets import values as cell
from spreadsheets.columns import LEAD_COLUMNS, ColumnMap
from spreadsheets.lookups import Directory, name_key
from spreadsheets.records import Records, RowCells

STAGE_ALIASES = {
    "初步接洽": LeadStage.CONTACT, "接触": LeadStage.CONTACT, "在谈": LeadStage.NEGOTIATION,
    "谈判": LeadStage.NEGOTIATION, "已签约": LeadStage.SIGNED, "签约": LeadStage.SIGNED,
    "在建": LeadStage.CONSTRUCTION, "开工": LeadStage.CONSTRUCTION, "动工": LeadStage.CONSTRUCTION,
    "已到资": LeadStage.FUNDS_IN, "到资": LeadStage.FUNDS_IN, "已投产": LeadStage.PRODUCTION,
    "投产": LeadStage.PRODUCTION, "终止": LeadStage.DROPPED, "放弃": LeadStage.DROPPED,
}


class LeadRecords(Records[LeadDraft]):
    columns = LEAD_COLUMNS
    model = Lead
    name_key = "title_zh"

    def __init__(self, session: Session, directory: Directory | None = None) -> None:
        super().__init__(session, directory)
        self.loaded: dict[int, tuple[LeadDraft, int]] = {}
        self.by_code: dict[str, int] = {}
        self.by_title: dict[tuple[str, int], list[int]] = defaultdict(list)
        for i, code, title, org_id in session.execute(
                select(Lead.id, Lead.code, Lead.title_zh, Lead.organisation_id)):
            self.by_code[name_key(code)] = i
            self.by_title[(title, org_id)].append(i)
        self.multipliers: dict[str, int] = {}
        self.parsers = {
            "code": lambda c: {"code": cell.text(c).upper()},
            "organisation": lambda c: {"organisation_id": self.directory.organisations.find(c).id},
            "amount_cny": lambda c: {"amount_cny": cell.amount(c, self.multipliers.get("amount_cny", 1))},
            "funds_in_cny": lambda c: {
                "funds_in_cny": cell.amount(c, self.multipliers.get("funds_in_cny", 1))},
            "stage": lambda c: {"stage": cell.choice(c, LeadStage, STAGE_ALIASES)},
            "industry": lambda c: {"industry_id": self.directory.industries.find(c).id},
            "unit": lambda c: {"unit_id": self.directory.units.find(c).id},
            "source": self._source,
            "first_contact_on": lambda c: {"first_contact_on": cell.day(c)},
            "signed_on": lambda c: {"signed_on": cell.day(c)},
        }

    def use_columns(self, columns: ColumnMap) -> None:
        """Amount columns headed "金额（万元）" count in units of 10,000 yuan."""
        self.multipliers = dict(columns.multipliers)

    def _source(self, text: str) -> dict[str, Any]:
        attr, ident = self.directory.source(text)
        return {attr: ident}

    def find(self, values: dict[str, Any], cells: RowCells) -> int | None:
        code = values.get("code")
        if code:
            return self.by_code.get(name_key(code))
        ids = self.by_title.get((values.get("title_zh", ""), values.get("organisation_id", 0)), [])
        if len(ids) > 1:
            cells.fail("title_zh", "该机构有多个同名项目，请填写项目编号以区分",
                       "The organisation has more than one lead of this title: give the code")
            return None
        return ids[0] if ids else None

    def new_draft(self, values: dict[str, Any]) -> LeadDraft:
        return LeadDraft(title_zh="", organisation_id=0, amount_cny=0)

    def load_existing(self, record_ids: Collection[int]) -> None:
        self.loaded = {}
        for i, lead in load_by_id(self.session, Lead, record_ids).items():
            self.loaded[i] = (LeadDraft(
                lead.title_zh, lead.organisation_id, lead.amount_cny, lead.stage, lead.title_en,
                lead.industry_id, lead.unit_id, lead.source_trip_id, lead.source_event_id,
                lead.first_contact_on, lead.signed_on, lead.funds_in_cny, lead.notes, lead.code,
                lead.uuid,
            ), lead.revision)

    def existing(self, record_id: int) -> tuple[LeadDraft, int]:
        return self.loaded[record_id]

    def check(self, drafts: Sequence[LeadDraft], record_ids: Sequence[int | None]
              ) -> list[tuple[int, PlannerError]]:
        return check_leads(self.session, drafts)

    def identity(self, draft: LeadDraft, record_id: int | None) -> Hashable:
        if draft.code:
            return ("code", name_key(draft.code))
        if record_id is not None:
            return ("id", record_id)
        return (draft.title_zh, draft.organisation_id)

    def label(self, draft: LeadDraft) -> str:
        return draft.title_zh

    @staticmethod
    def save(session: Session, creates: Sequence[Any], updates: Sequence[Update]
             ) -> tuple[list[int], list[int]]:
        return save_leads(session, creates, updates).value
