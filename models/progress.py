"""Campaign progress against its targets, breakdowns, and the monthly leaderboard of units."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Column, case, extract, func, literal, select
from sqlalchemy.orm import Session

from models import tables
from models.enums import EventStatus, ItemKind, LeadStage, TripStatus, VisitStatus
from models.language import Lang
from models.queries import current_campaign_row
from models.rows import CampaignRow, Ref
from models.tables import CITY, EVENT, ITEM, LEAD, TRIP, VISIT

COUNTED_STAGES = (LeadStage.SIGNED, LeadStage.CONSTRUCTION, LeadStage.FUNDS_IN,
                  LeadStage.PRODUCTION)


@dataclass(frozen=True)
class Measure:
    key: str  # trips | events | hq_visits | investment_cny | flagship_projects
    label_zh: str
    label_en: str
    target: int
    done: int  # completed / signed, and confirmed where a planner confirms it (see below)
    planned: int  # everything not cancelled (done included)
    # signed or done but not yet confirmed by a planner: not in ``done``, shown apart
    unconfirmed: int = 0

    @property
    def ratio(self) -> float:
        return self.done / self.target if self.target else 0.0

    def label(self, lang: Lang = Lang.ZH) -> str:
        return lang.pick(self.label_zh, self.label_en)


@dataclass(frozen=True)
class Breakdown:
    ref: Ref
    trips: int
    events: int
    leads: int
    signed_cny: int


@dataclass(frozen=True)
class LeaderboardRow:
    rank: int
    unit: Ref
    kind: str
    signed_leads: int
    signed_cny: int
    hq_visits: int
    funds_in_cny: int
    # results reported but not yet confirmed by a planner: not counted above, shown apart
    unconfirmed_leads: int = 0
    unconfirmed_cny: int = 0
    unconfirmed_visits: int = 0


@dataclass(frozen=True)
class Progress:
    campaign: CampaignRow
    measures: tuple[Measure, ...]
    by_region: tuple[Breakdown, ...]  # () when not asked for (campaign_progress)
    by_industry: tuple[Breakdown, ...]
    by_month: tuple[tuple[int, int, int, int], ...]  # (month, trips, events, signed_cny)


def _by_status_and_month(session: Session, status: Column[Any], day: Column[Any],
                         campaign: Column[int], cid: int, cancelled: object,
                         months: dict[int, list[int]], slot: int) -> dict[Any, int]:
    """Records of the campaign counted by status; those not ``cancelled`` added to
    ``months[month][slot]`` (one statement, grouped by status and the month of ``day``)."""
    counts: dict[Any, int] = defaultdict(int)
    month_of = extract("month", day)
    for state, month, n in session.execute(
            select(status, month_of, func.count()).where(campaign == cid)
            .group_by(status, month_of)):
        counts[state] += n
        if state is not cancelled:
            months[int(month)][slot] += n
    return counts


def campaign_progress(session: Session, year: int | None = None,
                      breakdowns: bool = True, *, campaign: CampaignRow | None = None
                      ) -> Progress:
    """The campaign's measures against its targets and its months; ``breakdowns``: its
    regions and industries too (the campaign report's; the dashboard shows none: nine
    statements fewer). ``campaign``: the campaign's row when the caller has read it (the
    dashboard), not read again."""
    c = campaign if campaign is not None else current_campaign_row(session, year)
    cid = c.id
    # one statement a table, each counting by status (or stage) and month at once: a few
    # dozen rows whatever the number of records, and six statements to compile, not eleven
    months = {m: [0, 0, 0] for m in range(1, 13)}  # trips, events, signed CNY
    trip_counts = _by_status_and_month(session, TRIP.status, TRIP.start_date, TRIP.campaign_id,
                                       cid, TripStatus.CANCELLED, months, 0)
    # events by the month of their start instant in UTC, as stored
    event_counts = _by_status_and_month(session, EVENT.status, EVENT.starts_at,
                                        EVENT.campaign_id, cid, EventStatus.CANCELLED, months, 1)
    visit_counts: dict[VisitStatus, int] = {}
    visits_unconfirmed = 0
    for status, n, unconfirmed in session.execute(
        select(VISIT.status, func.count(), func.count(case((VISIT.confirmed_at.is_(None), 1))))
        .where(VISIT.campaign_id == cid).group_by(VISIT.status)
    ):
        visit_counts[status] = n
        if status is VisitStatus.DONE:
            visits_unconfirmed = unconfirmed
    visits = visit_counts.get(VisitStatus.DONE, 0) - visits_unconfirmed
    visits_live = visit_counts.get(VisitStatus.DONE, 0) + visit_counts.get(VisitStatus.PLANNED, 0)
    # company visits of the trips' itineraries, by the trip's status
    trip_visits: dict[TripStatus, int] = dict(session.execute(
        select(TRIP.status, func.count()).select_from(tables.itinerary_items)
        .join(tables.trips)
        .where(TRIP.campaign_id == cid, ITEM.kind == ItemKind.COMPANY_VISIT)
        .group_by(TRIP.status)
    ).all())
    trip_visits_done = trip_visits.get(TripStatus.DONE, 0)
    trip_visits_planned = sum(n for s, n in trip_visits.items() if s is not TripStatus.CANCELLED)
    flag = c.flagship_threshold_cny
    # by stage, confirmation and month signed, summed in the database: a few rows whatever the
    # number of projects; (stage, confirmed, amount, flagship count)
    confirmed_col = LEAD.confirmed_at.is_not(None)
    signed_month = extract("month", LEAD.signed_on)
    by_stage: list[tuple[LeadStage, bool, int, int]] = []
    for s, k, month, a, f in session.execute(
        select(LEAD.stage, confirmed_col, signed_month,
               func.coalesce(func.sum(LEAD.amount_cny), 0),
               func.count(case((LEAD.amount_cny >= flag, 1))) if flag else literal(0))
        .where(LEAD.campaign_id == cid).group_by(LEAD.stage, confirmed_col, signed_month)
    ):
        by_stage.append((s, bool(k), int(a), int(f)))
        if month is not None and k and s in COUNTED_STAGES:
            months[int(month)][2] += int(a)
    signed = sum(a for s, k, a, _f in by_stage if k and s in COUNTED_STAGES)
    waiting_cny = sum(a for s, k, a, _f in by_stage if not k and s in COUNTED_STAGES)
    pipeline = sum(a for s, _k, a, _f in by_stage if s is not LeadStage.DROPPED)
    flagship_done = sum(f for s, k, _a, f in by_stage if k and s in COUNTED_STAGES)
    flagship_waiting = sum(f for s, k, _a, f in by_stage if not k and s in COUNTED_STAGES)
    flagship_all = sum(f for s, _k, _a, f in by_stage if s is not LeadStage.DROPPED)

    def live(counts: dict[TripStatus, int] | dict[EventStatus, int]) -> int:
        return sum(n for s, n in counts.items() if s.value != "cancelled")

    measures = (
        Measure("trips", "推广活动", "Promotion trips", c.target_trips,
                trip_counts.get(TripStatus.DONE, 0), live(trip_counts)),
        Measure("events", "专题招商活动", "Themed events", c.target_events,
                event_counts.get(EventStatus.DONE, 0), live(event_counts)),
        Measure("hq_visits", "拜访企业总部", "HQ visits", c.target_hq_visits,
                visits + trip_visits_done, visits_live + trip_visits_planned, visits_unconfirmed),
        Measure("investment_cny", "实际投资（元）", "Investment (CNY)",
                c.target_investment_cny, signed, pipeline, waiting_cny),
        Measure("flagship_projects", "战略性旗舰项目", "Flagship projects",
                c.target_flagship_projects, flagship_done, flagship_all, flagship_waiting),
    )
    return Progress(c, measures, _by_region(session, cid) if breakdowns else (),
                    _by_industry(session, cid) if breakdowns else (),
                    tuple((m, *v) for m, v in months.items()))  # type: ignore[misc]


def _by_region(session: Session, cid: int) -> tuple[Breakdown, ...]:
    trips: dict[int, int] = dict(session.execute(
        select(TRIP.region_id, func.count()).where(
            TRIP.campaign_id == cid, TRIP.status != TripStatus.CANCELLED
        ).group_by(TRIP.region_id)
    ).all())
    events: dict[int, int] = dict(session.execute(
        select(CITY.region_id, func.count()).select_from(tables.themed_events)
        .join(tables.cities)
        .where(EVENT.campaign_id == cid, EVENT.status != EventStatus.CANCELLED)
        .group_by(CITY.region_id)
    ).all())
    lead_rows = list(session.execute(
        select(TRIP.region_id, LEAD.amount_cny, LEAD.stage, LEAD.confirmed_at)
        .join(tables.trips, LEAD.source_trip_id == TRIP.id)
        .where(LEAD.campaign_id == cid)
    ).all())
    # a lead from a themed event counts under the region of the event's city
    lead_rows += session.execute(
        select(CITY.region_id, LEAD.amount_cny, LEAD.stage, LEAD.confirmed_at)
        .join(tables.themed_events, LEAD.source_event_id == EVENT.id)
        .join(tables.cities, EVENT.city_id == CITY.id)
        .where(LEAD.campaign_id == cid, LEAD.source_trip_id.is_(None))
    ).all()
    leads: dict[int, int] = defaultdict(int)
    signed: dict[int, int] = defaultdict(int)
    for rid, amount, stage, confirmed_at in lead_rows:
        leads[rid] += 1
        if stage in COUNTED_STAGES and confirmed_at is not None:
            signed[rid] += amount
    out = []
    region = tables.regions.c
    for r in session.execute(select(region.id, region.name_zh, region.name_en, region.code)
                             .order_by(region.position, region.id)):
        out.append(Breakdown(Ref(r.id, r.name_zh, r.name_en, r.code), trips.get(r.id, 0),
                             events.get(r.id, 0), leads[r.id], signed[r.id]))
    return tuple(out)


def _by_industry(session: Session, cid: int) -> tuple[Breakdown, ...]:
    industry = tables.industries.c
    trips: dict[int, int] = dict(session.execute(
        select(tables.trip_industries.c.industry_id, func.count()).join(tables.trips)
        .where(TRIP.campaign_id == cid, TRIP.status != TripStatus.CANCELLED)
        .group_by(tables.trip_industries.c.industry_id)
    ).all())
    events: dict[int, int] = dict(session.execute(
        select(tables.event_industries.c.industry_id, func.count())
        .join(tables.themed_events)
        .where(EVENT.campaign_id == cid, EVENT.status != EventStatus.CANCELLED)
        .group_by(tables.event_industries.c.industry_id)
    ).all())
    leads: dict[int, int] = defaultdict(int)
    signed: dict[int, int] = defaultdict(int)
    for iid, amount, stage, confirmed_at in session.execute(
        select(LEAD.industry_id, LEAD.amount_cny, LEAD.stage, LEAD.confirmed_at)
        .where(LEAD.campaign_id == cid)
    ):
        if iid is None:
            continue
        leads[iid] += 1
        if stage in COUNTED_STAGES and confirmed_at is not None:
            signed[iid] += amount
    return tuple(
        Breakdown(Ref(i.id, i.name_zh, i.name_en, i.code), trips.get(i.id, 0),
                  events.get(i.id, 0), leads[i.id], signed[i.id])
        for i in session.execute(select(industry.id, industry.name_zh, industry.name_en,
                                        industry.code)
                                 .order_by(industry.position, industry.id))
    )


def leaderboard(session: Session, year: int, month: int | None = None) -> list[LeaderboardRow]:
    """Units ranked by investment signed in ``month`` of ``year`` (the whole year when None).

    Only results a planner confirmed count; signed projects and done visits not yet confirmed
    are counted apart (``unconfirmed_*``). Ties are broken by the number of signed projects,
    then HQ visits, then the unit's name.
    """
    start = date(year, month or 1, 1)
    end = date(year + (1 if (month or 12) == 12 else 0), ((month or 12) % 12) + 1, 1)
    stats = _unit_results(session, start, end, by_month=False).get(None, {})
    return _ranked(_units(session), stats)


def leaderboards(session: Session, year: int
                 ) -> tuple[list[LeaderboardRow], dict[int, list[LeaderboardRow]]]:
    """The leaderboard of ``year`` and of each of its twelve months (as :func:`leaderboard`
    gives them), from one read of the year's signed projects and done visits: three
    statements, where thirteen leaderboards took thirty-nine (the campaign report)."""
    by_month = _unit_results(session, date(year, 1, 1), date(year + 1, 1, 1), by_month=True)
    units = _units(session)
    whole: dict[int, list[int]] = defaultdict(lambda: [0] * 7)
    for stats in by_month.values():
        for unit_id, figures in stats.items():
            whole[unit_id] = [a + b for a, b in zip(whole[unit_id], figures, strict=True)]
    months = {m: _ranked(units, by_month.get(m, {})) for m in range(1, 13)}
    return _ranked(units, whole), months


def _units(session: Session) -> list[Any]:
    unit = tables.units.c
    return list(session.execute(select(unit.id, unit.name_zh, unit.name_en, unit.kind)))


def _unit_results(session: Session, start: date, end: date, by_month: bool
                  ) -> dict[int | None, dict[int, list[int]]]:
    """Each unit's figures for the days ``start`` .. ``end`` (excluded), by month when
    ``by_month`` (else under None): signed projects and their amount, confirmed HQ visits,
    funds in, unconfirmed signed projects and their amount, unconfirmed visits."""
    out: dict[int | None, dict[int, list[int]]] = defaultdict(
        lambda: defaultdict(lambda: [0] * 7))
    for unit_id, amount, funds, stage, confirmed_at, signed_on in session.execute(
        select(LEAD.unit_id, LEAD.amount_cny, LEAD.funds_in_cny, LEAD.stage, LEAD.confirmed_at,
               LEAD.signed_on)
        .where(LEAD.signed_on >= start, LEAD.signed_on < end)
    ):
        if unit_id is None or stage not in COUNTED_STAGES:
            continue
        figures = out[signed_on.month if by_month else None][unit_id]
        if confirmed_at is None:
            figures[4] += 1
            figures[5] += amount
            continue
        figures[0] += 1
        figures[1] += amount
        figures[3] += funds
    keys = [VISIT.unit_id, VISIT.confirmed_at.is_not(None)]
    if by_month:
        keys.append(extract("month", VISIT.visited_on))
    for unit_id, confirmed, *month, n in session.execute(
        select(*keys, func.count())
        .where(VISIT.visited_on >= start, VISIT.visited_on < end,
               VISIT.status == VisitStatus.DONE)
        .group_by(*keys)
    ):
        if unit_id is not None:
            out[int(month[0]) if month else None][unit_id][2 if confirmed else 6] += n
    return out


NO_RESULTS = [0] * 7  # a unit's figures when it has none (read only)


def _ranked(units: list[Any], stats: dict[int, list[int]]) -> list[LeaderboardRow]:
    def by_results(u: Any) -> tuple[int, int, int, str]:
        s = stats.get(u.id, NO_RESULTS)
        return -s[1], -s[0], -s[2], u.name_zh

    ordered = sorted(units, key=by_results)
    rows = []
    rank = 0
    previous: tuple[int, int, int] | None = None
    for position, u in enumerate(ordered, start=1):
        s = stats.get(u.id, NO_RESULTS)
        key = (s[1], s[0], s[2])
        if key != previous:
            rank = position
            previous = key
        rows.append(LeaderboardRow(rank, Ref(u.id, u.name_zh, u.name_en), u.kind.value,
                                   s[0], s[1], s[2], s[3], s[4], s[5], s[6]))
    return rows
