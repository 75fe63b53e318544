"""Where things go: lanes for bars that overlap, columns for timed blocks, calendar grids.

Pure functions over numbers and dates, shared by the month and week views and the timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

WEEK_DAYS = 7
MONTH_WEEKS = 6


def assign_lanes(spans: Sequence[tuple[float, float]]) -> list[int]:
    """A lane per span ``(start, end)`` (end exclusive) so that spans in a lane never overlap.

    Spans are placed earliest first, longer first at equal starts, each into the lowest free
    lane: the classic interval partitioning, which uses as few lanes as the busiest moment
    needs. The result is in the order of ``spans``.
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], spans[i][0] - spans[i][1], i))
    lane_ends: list[float] = []
    lanes = [0] * len(spans)
    for i in order:
        start, end = spans[i]
        for lane, lane_end in enumerate(lane_ends):
            if lane_end <= start:
                lane_ends[lane] = max(end, start)
                lanes[i] = lane
                break
        else:
            lanes[i] = len(lane_ends)
            lane_ends.append(max(end, start))
    return lanes


@dataclass(frozen=True)
class Column:
    """A timed block's place among those it overlaps: column ``index`` of ``count``."""

    index: int
    count: int


def overlap_columns(spans: Sequence[tuple[float, float]]) -> list[Column]:
    """Side-by-side columns for timed blocks of one day, as calendars draw overlapping meetings.

    Blocks that overlap, directly or through a chain, form a cluster; each cluster is split
    into as many equal columns as it needs lanes.
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], spans[i][0] - spans[i][1], i))
    result = [Column(0, 1)] * len(spans)
    cluster: list[int] = []
    cluster_end = float("-inf")

    def close() -> None:
        if not cluster:
            return
        lanes = assign_lanes([spans[i] for i in cluster])
        count = max(lanes) + 1
        for i, lane in zip(cluster, lanes, strict=True):
            result[i] = Column(lane, count)

    for i in order:
        start, end = spans[i]
        if cluster and start >= cluster_end:
            close()
            cluster = []
            cluster_end = float("-inf")
        cluster.append(i)
        cluster_end = max(cluster_end, end, start)
    close()
    return result


def week_start(day: date) -> date:
    """The Monday of ``day``'s week (weeks start on Monday in China)."""
    return day - timedelta(days=day.weekday())


def month_grid(year: int, month: int) -> list[date]:
    """The 42 days (six Monday-to-Sunday weeks) a month view shows for ``year``-``month``."""
    first = week_start(date(year, month, 1))
    return [first + timedelta(days=n) for n in range(MONTH_WEEKS * WEEK_DAYS)]


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), clamped to the end of shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, days_in_month(year, month)))


def days_in_month(year: int, month: int) -> int:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return (following - date(year, month, 1)).days


@dataclass(frozen=True)
class Segment:
    """The part of a multi-day bar inside one week row: columns ``first``..``last``."""

    index: int  # position of the bar in the list given to ``week_segments``
    first: int
    last: int
    lane: int
    starts_here: bool  # the bar begins in this row (draw its rounded start and label)
    ends_here: bool


def week_segments(row_start: date, spans: Sequence[tuple[date, date]],
                  columns: int = WEEK_DAYS) -> list[Segment]:
    """Cut inclusive day spans into the ``columns`` days (7, or 5 for a work week) starting
    ``row_start``, in lanes."""
    row_end = row_start + timedelta(days=columns - 1)
    visible = [(i, a, b) for i, (a, b) in enumerate(spans) if a <= row_end and b >= row_start]
    cols = [
        (max((a - row_start).days, 0), min((b - row_start).days, columns - 1))
        for _, a, b in visible
    ]
    lanes = assign_lanes([(c0, c1 + 1) for c0, c1 in cols])
    return [
        Segment(i, c0, c1, lane, a >= row_start, b <= row_end)
        for (i, a, b), (c0, c1), lane in zip(visible, cols, lanes, strict=True)
    ]
