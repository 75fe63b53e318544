"""What the dashboard shows, read in one go: the campaign's progress, the next fortnight, the
conflicts still open and the month's leaderboard, as seen from one day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from models.conflicts import Conflict, open_checks
from models.progress import LeaderboardRow, Progress, campaign_progress, leaderboard
from models.queries import current_campaign_row
from planning.dates import campaign_today
from planning.entries import CalendarEntry, TimeMode, sort_key
from planning.feed import Filters, load_entries

FORTNIGHT = 14
BOARD_ROWS = 10


@dataclass(frozen=True)
class DashboardData:
    year: int  # the campaign's
    today: date  # the day it is seen from
    progress: Progress
    upcoming: tuple[CalendarEntry, ...]  # trips and events of the fortnight from today, not cancelled
    conflicts: tuple[Conflict, ...]  # clashes open from today to the end of the year, errors first
    board: tuple[LeaderboardRow, ...]  # today's month: units with signed projects or HQ visits
    # every check's findings nobody acknowledged, from today to the year's end, by severity
    findings: tuple[Conflict, ...] = ()


def upcoming_entries(session: Session, today: date, days: int = FORTNIGHT) -> list[CalendarEntry]:
    """Trips and events (no itinerary items) of ``days`` days from ``today`` (Beijing time),
    those under way included, not cancelled, in calendar order."""
    found = load_entries(session, today, today + timedelta(days=days - 1), Filters(items=False))
    return sorted((e for e in found if e.last_day(TimeMode.BEIJING) >= today and not e.cancelled),
                  key=lambda e: sort_key(e, TimeMode.BEIJING))


def read_dashboard(session: Session, real_today: date, chosen: date | None = None) -> DashboardData:
    """The newest campaign seen from ``chosen``, or from ``real_today`` moved into the campaign's
    year (``planning.dates.campaign_today``). No campaign: ``NotFoundError``."""
    campaign = current_campaign_row(session)
    year = campaign.year
    today = chosen if chosen is not None else campaign_today(real_today, year)
    board = [row for row in leaderboard(session, year, today.month)
             if row.signed_leads or row.hq_visits or row.unconfirmed_leads
             or row.unconfirmed_visits]
    conflicts, findings = open_checks(session, today, date(year, 12, 31))
    return DashboardData(
        year=year,
        today=today,
        progress=campaign_progress(session, breakdowns=False, campaign=campaign),  # none shown
        upcoming=tuple(upcoming_entries(session, today)),
        conflicts=tuple(conflicts),
        findings=tuple(findings),
        board=tuple(board[:BOARD_ROWS]),
    )
