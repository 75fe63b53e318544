"""Factory helpers with sensible defaults for tests that need a few records, not the sample."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.campaign import Campaign, City, Industry, Region, Unit
from models.enums import ItemKind, MemberRole, PersonKind, RegionKind, UnitKind
from models.operations.directory import (
    OrganisationDraft,
    PersonDraft,
    create_organisation,
    create_person,
)
from models.operations.items import ItemDraft
from models.operations.trips import TripDraft, create_trip
from models.rows import TripRow
from models.timeutil import at


@dataclass
class World:
    campaign_id: int
    region_id: int
    home_region_id: int
    berlin_id: int
    dongguan_id: int
    unit_id: int
    industry_id: int
    leader_id: int
    staff_id: int
    delegate_id: int
    org_id: int


def make_world(session: Session) -> World:
    campaign = Campaign(year=2023, name_zh="2023 招商年", name_en="2023 Year of Investment Promotion",
                        target_trips=30, target_events=30, target_hq_visits=1000,
                        target_investment_cny=160_000_000_000,
                        flagship_threshold_cny=5_000_000_000, target_flagship_projects=10)
    eu = Region(code="EUUS", name_zh="欧美", name_en="Europe & US", kind=RegionKind.OVERSEAS)
    home = Region(code="LOCAL", name_zh="本地", name_en="Local", kind=RegionKind.LOCAL,
                  position=9)
    berlin = City(region=eu, name_zh="法兰克福", name_en="Frankfurt", country_code="DE",
                  timezone="Europe/Berlin")
    dongguan = City(region=home, name_zh="东莞", name_en="Dongguan", country_code="CN",
                    timezone="Asia/Shanghai")
    unit = Unit(name_zh="松山湖高新区", name_en="Songshan Lake Hi-tech Zone", kind=UnitKind.PARK)
    industry = Industry(code="NEV", name_zh="新能源汽车", name_en="New-energy vehicles")
    session.add_all([campaign, eu, home, berlin, dongguan, unit, industry])
    session.flush()
    leader = create_person(session, PersonDraft("王建国", PersonKind.CITY_LEADER, "Wang Jianguo",
                                                "副市长", "Vice Mayor")).value
    staff = create_person(session, PersonDraft("李晓敏", PersonKind.BUREAU_STAFF, "Li Xiaomin",
                                               unit_id=unit.id, email="li@example.cn")).value
    delegate = create_person(session, PersonDraft("陈志强", PersonKind.DELEGATE, "Chen Zhiqiang")).value
    org = create_organisation(session, OrganisationDraft("博世集团", name_en="Bosch",
                                                         industry_id=industry.id,
                                                         fortune_global_500_rank=95,
                                                         hq_city="Stuttgart", hq_country="DE")).value
    return World(campaign.id, eu.id, home.id, berlin.id, dongguan.id, unit.id, industry.id,
                 leader.id, staff.id, delegate.id, org.id)


def trip_draft(w: World, **overrides: Any) -> TripDraft:
    values: dict[str, Any] = dict(
        title_zh="欧洲新能源汽车推介", title_en="Europe NEV roadshow", region_id=w.region_id,
        start_date=date(2023, 3, 23), end_date=date(2023, 3, 30), leader_id=w.leader_id,
        host_unit_id=w.unit_id, city_ids=[w.berlin_id], industry_ids=[w.industry_id],
        target_ids=[w.org_id],
        members=[(w.leader_id, MemberRole.LEADER), (w.staff_id, MemberRole.LIAISON)],
        purpose="拜访博世总部，推介松山湖。",
    )
    values.update(overrides)
    return TripDraft(**values)


def item_draft(w: World, day: int = 24, start: str = "09:00", end: str = "11:00",
               **overrides: Any) -> ItemDraft:
    zone = overrides.pop("timezone", "Europe/Berlin")
    values: dict[str, Any] = dict(
        kind=ItemKind.COMPANY_VISIT, title_zh="拜访博世", title_en="Visit Bosch",
        starts_at=at(date(2023, 3, day), start, zone), ends_at=at(date(2023, 3, day), end, zone),
        timezone=zone, city_id=w.berlin_id, place="Robert-Bosch-Platz 1",
        organisation_id=w.org_id, attendee_ids=[w.leader_id],
    )
    values.update(overrides)
    return ItemDraft(**values)


def make_trip(session: Session, w: World, **overrides: Any) -> TripRow:
    return create_trip(session, trip_draft(w, **overrides)).value


def confirm_results(session: Session) -> None:
    """A planner confirms every signed project and every done HQ visit (what the leaderboard,
    the report and the dashboard count)."""
    from models.enums import VisitStatus
    from models.leads import SIGNED_STAGES, HqVisit, Lead
    from models.operations.confirmations import confirm_lead, confirm_visit

    for lead_id in list(session.scalars(select(Lead.id).where(Lead.stage.in_(SIGNED_STAGES),
                                                              Lead.confirmed_at.is_(None)))):
        confirm_lead(session, lead_id)
    for visit_id in list(session.scalars(select(HqVisit.id).where(HqVisit.status == VisitStatus.DONE,
                                                                  HqVisit.confirmed_at.is_(None)))):
        confirm_visit(session, visit_id)
