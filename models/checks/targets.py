"""Targets: a campaign whose plan falls short of its targets, by count, region and industry."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.campaign import Campaign, Industry, Region
from models.changes import RecordKind
from models.checks.finding import Concern, Conflict
from models.enums import ConflictKind, EventStatus, RegionKind, Severity, TripStatus
from models.events import ThemedEvent
from models.trips import Trip


def targets(session: Session, years: Sequence[int] | None = None) -> list[Conflict]:
    """Per campaign (of ``years``, or all): planned trips and events against the targets, and
    the regions and key industries the plan leaves out."""
    query = select(Campaign).order_by(Campaign.year)
    if years is not None:
        query = query.where(Campaign.year.in_(years))
    regions = session.scalars(select(Region).where(Region.kind != RegionKind.LOCAL)
                              .order_by(Region.position, Region.id)).all()
    industries = session.scalars(select(Industry).order_by(Industry.position, Industry.id)).all()
    out: list[Conflict] = []
    for campaign in session.scalars(query):
        trips = session.scalars(select(Trip).where(
            Trip.campaign_id == campaign.id, Trip.status != TripStatus.CANCELLED)
            .options(selectinload(Trip.industries))).all()  # one statement, not one a trip
        events = session.scalars(select(ThemedEvent).where(
            ThemedEvent.campaign_id == campaign.id,
            ThemedEvent.status != EventStatus.CANCELLED)
            .options(selectinload(ThemedEvent.industries))).all()
        code = str(campaign.year)
        concern = Concern(RecordKind.CAMPAIGN, campaign.id, "target_trips")
        for count, target, what_zh, what_en, field in (
            (len(trips), campaign.target_trips, "推广活动（出访）", "promotion trips", "target_trips"),
            (len(events), campaign.target_events, "专题招商活动", "themed events", "target_events"),
        ):
            if count < target:
                out.append(Conflict(
                    ConflictKind.TARGET_SHORT, Severity.WARNING, (code,), field,
                    f"{campaign.year} 年已安排{what_zh} {count} 次，少于目标 {target} 次（差 "
                    f"{target - count} 次）",
                    f"{campaign.year}: {count} {what_en} planned, short of the target of "
                    f"{target} ({target - count} to go)",
                    concerns=(Concern(RecordKind.CAMPAIGN, campaign.id, field),), key=field,
                ))
        per_region = Counter(t.region_id for t in trips)
        for region in regions:
            if per_region[region.id] == 0:
                out.append(Conflict(
                    ConflictKind.REGION_UNCOVERED, Severity.WARNING, (code,), "regions",
                    f"{campaign.year} 年没有安排赴{region.name_zh}的推广活动",
                    f"{campaign.year}: no promotion trip to {region.name_en or region.name_zh}",
                    concerns=(concern,), key=f"region:{region.code}",
                ))
        covered = {i.id for t in trips for i in t.industries} | {
            i.id for e in events for i in e.industries}
        for industry in industries:
            if industry.id not in covered:
                out.append(Conflict(
                    ConflictKind.INDUSTRY_UNCOVERED, Severity.WARNING, (code,), "industries",
                    f"{campaign.year} 年没有面向“{industry.name_zh}”产业的出访或专题活动",
                    f"{campaign.year}: no trip or event for the "
                    f"{industry.name_en or industry.name_zh} industry",
                    concerns=(concern,), key=f"industry:{industry.code}",
                ))
    return out
