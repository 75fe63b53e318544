"""The campaign's own settings (本年度活动): names, slogan, the bureau's duty phone, the targets
and the flagship threshold. One operation edits them; the window undoes it by saving the
draft it read before."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from sqlalchemy.orm import Session

from models import rules
from models.campaign import Campaign
from models.changes import OpChanges, OpResult, RecordKind
from models.errors import ConcurrentEditError, ValidationError
from models.queries import current_campaign, current_campaign_row
from models.row_builders import campaign_row
from models.rows import CampaignRow

# digits with the separators a phone number is written with; an extension after "转" or "ext"
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{4,30}(?:\s*(?:转|ext\.?|x)\s*[0-9]{1,6})?$")


@dataclass(frozen=True)
class CampaignDraft:
    name_zh: str
    name_en: str = ""
    slogan: str = ""
    slogan_en: str = ""
    duty_phone: str = ""
    target_trips: int = 0
    target_events: int = 0
    target_hq_visits: int = 0
    target_investment_cny: int = 0
    flagship_threshold_cny: int = 0
    target_flagship_projects: int = 0


NUMBERS: dict[str, tuple[str, str]] = {
    "target_trips": ("推广活动目标", "Trips target"),
    "target_events": ("专题活动目标", "Events target"),
    "target_hq_visits": ("总部拜访目标", "HQ visits target"),
    "target_investment_cny": ("投资额目标", "Investment target"),
    "flagship_threshold_cny": ("重大项目门槛", "Flagship threshold"),
    "target_flagship_projects": ("重大项目目标", "Flagship projects target"),
}


def campaign_draft(session: Session, year: int | None = None) -> CampaignDraft:
    """The settings of the campaign of ``year`` (the newest one when not given)."""
    c = current_campaign_row(session, year)  # its row: reading it configures no mapper
    return CampaignDraft(**{f.name: getattr(c, f.name) for f in fields(CampaignDraft)})


def check_phone(field: str, value: str) -> str:
    text = " ".join((value or "").split())
    if text and not _PHONE.match(text):
        raise ValidationError(field, f"电话号码格式不正确：{text}（只可含数字、空格、+、-、括号）",
                              f"Not a phone number: {text} (digits, spaces, +, - and brackets "
                              "only)")
    return text


def _checked(d: CampaignDraft) -> CampaignDraft:
    numbers = {name: rules.non_negative(name, getattr(d, name), zh, en)
               for name, (zh, en) in NUMBERS.items()}
    return replace(
        d, **numbers,
        name_zh=rules.required_name("name_zh", d.name_zh, "活动名称", "Campaign name"),
        name_en=d.name_en.strip(), slogan=d.slogan.strip(), slogan_en=d.slogan_en.strip(),
        duty_phone=check_phone("duty_phone", d.duty_phone))


def update_campaign(session: Session, draft: CampaignDraft, year: int | None = None,
                    expected_revision: int | None = None) -> OpResult[CampaignRow]:
    """Save ``draft`` as the campaign's settings; all of them or, on a wrong value, none."""
    checked = _checked(draft)
    campaign: Campaign = current_campaign(session, year)
    if expected_revision is not None and campaign.revision != expected_revision:
        raise ConcurrentEditError(f"本年度活动 {campaign.name_zh}", expected_revision,
                                  campaign.revision)
    for f in fields(CampaignDraft):
        setattr(campaign, f.name, getattr(checked, f.name))
    session.flush()
    return OpResult(campaign_row(campaign), OpChanges.of(RecordKind.CAMPAIGN, campaign.id))
