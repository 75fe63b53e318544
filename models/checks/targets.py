"""Targets: a campaign whose plan falls short of its targets, by count, region and industry."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.changes import RecordKind
from models.checks.finding import Concern, Conflict
from models.enums import ConflictKind, EventStatus, RegionKind, Severity, TripStatus
from models.tables import CAMPAIGN, EVENT, INDUSTRY, REGION, TRIP, event_industries, trip_industries


def targets(session: Session, years: Sequence[int] | None = None) -> list[Conflict]:
    """Per campaign (of ``years``, or all): planned trips and events against the targets, and
    the regions and key industries the plan leaves out. Counted in the database: six
    statements however many campaigns and trips."""
    query = select(CAMPAIGN.id, CAMPAIGN.year, CAMPAIGN.target_trips,
                   CAMPAIGN.target_events).order_by(CAMPAIGN.year)
    if years is not None:
        query = query.where(CAMPAIGN.year.in_(years))
    campaigns = session.execute(query).all()
    if not campaigns:
        return []
    regions = session.execute(select(REGION.id, REGION.code, REGION.name_zh, REGION.name_en)
                              .where(REGION.kind != RegionKind.LOCAL)
                              .order_by(REGION.position, REGION.id)).all()
    industries = session.execute(select(INDUSTRY.id, INDUSTRY.code, INDUSTRY.name_zh,
                                        INDUSTRY.name_en)
                                 .order_by(INDUSTRY.position, INDUSTRY.id)).all()
    # only the campaigns asked for: ten years of history are not read for this year's
    ids = [campaign.id for campaign in campaigns]
    live_trips = (TRIP.status != TripStatus.CANCELLED) & TRIP.campaign_id.in_(ids)
    live_events = (EVENT.status != EventStatus.CANCELLED) & EVENT.campaign_id.in_(ids)
    trip_counts: dict[int, int] = defaultdict(int)
    visited: dict[int, set[int]] = defaultdict(set)
    for campaign_id, region_id, count in session.execute(
            select(TRIP.campaign_id, TRIP.region_id, func.count()).where(live_trips)
            .group_by(TRIP.campaign_id, TRIP.region_id)):
        trip_counts[campaign_id] += count
        visited[campaign_id].add(region_id)
    event_counts = {campaign_id: count for campaign_id, count in session.execute(
        select(EVENT.campaign_id, func.count()).where(live_events)
        .group_by(EVENT.campaign_id))}
    covered_by: dict[int, set[int]] = defaultdict(set)
    for campaign_id, industry_id in session.execute(
            select(TRIP.campaign_id, trip_industries.c.industry_id)
            .join(trip_industries, trip_industries.c.trip_id == TRIP.id).where(live_trips)
            .union(select(EVENT.campaign_id, event_industries.c.industry_id)
                   .join(event_industries, event_industries.c.event_id == EVENT.id)
                   .where(live_events))):
        covered_by[campaign_id].add(industry_id)
    out: list[Conflict] = []
    for campaign in campaigns:
        code = str(campaign.year)
        concern = Concern(RecordKind.CAMPAIGN, campaign.id, "target_trips")
        for count, target, what_zh, what_en, field in (
            (trip_counts.get(campaign.id, 0), campaign.target_trips, "推广活动（出访）",
             "promotion trips", "target_trips"),
            (event_counts.get(campaign.id, 0), campaign.target_events, "专题招商活动",
             "themed events", "target_events"),
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
        for region in regions:
            if region.id not in visited[campaign.id]:
                out.append(Conflict(
                    ConflictKind.REGION_UNCOVERED, Severity.WARNING, (code,), "regions",
                    f"{campaign.year} 年没有安排赴{region.name_zh}的推广活动",
                    f"{campaign.year}: no promotion trip to {region.name_en or region.name_zh}",
                    concerns=(concern,), key=f"region:{region.code}",
                ))
        covered = covered_by[campaign.id]
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
