"""Lanes, overlap columns and calendar grids."""

from __future__ import annotations

from datetime import date

from planning.layout import (
    Column,
    add_months,
    assign_lanes,
    month_grid,
    overlap_columns,
    week_segments,
    week_start,
)


def test_lanes_reuse_the_lowest_free_lane() -> None:
    # a: 0-5, b: 2-4 overlaps a, c: 5-7 fits after a, d: 4-6 overlaps a and c but not b
    lanes = assign_lanes([(0, 5), (2, 4), (5, 7), (4, 6)])
    assert lanes == [0, 1, 0, 1]


def test_lanes_put_longer_spans_first_at_equal_starts() -> None:
    assert assign_lanes([(0, 1), (0, 10)]) == [1, 0]


def test_lanes_of_nothing() -> None:
    assert assign_lanes([]) == []


def test_overlap_columns_split_only_clusters_that_overlap() -> None:
    cols = overlap_columns([(9, 11), (10, 12), (13, 14), (10.5, 11.5)])
    assert cols[2] == Column(0, 1)  # alone in the afternoon: full width
    assert {c.count for c in (cols[0], cols[1], cols[3])} == {3}
    assert sorted(c.index for c in (cols[0], cols[1], cols[3])) == [0, 1, 2]


def test_chained_overlaps_share_one_cluster() -> None:
    # a overlaps b, b overlaps c, a and c do not overlap: two columns suffice
    cols = overlap_columns([(9, 10), (9.5, 11), (10, 12)])
    assert [c.count for c in cols] == [2, 2, 2]
    assert cols[0].index == cols[2].index != cols[1].index


def test_month_grid_starts_on_monday_and_covers_the_month() -> None:
    grid = month_grid(2023, 3)
    assert len(grid) == 42
    assert grid[0] == date(2023, 2, 27) and grid[0].weekday() == 0
    assert date(2023, 3, 1) in grid and date(2023, 3, 31) in grid
    assert week_start(date(2023, 3, 26)) == date(2023, 3, 20)


def test_add_months_clamps_to_shorter_months() -> None:
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2023, 12, 15), 1) == date(2024, 1, 15)
    assert add_months(date(2023, 1, 15), -1) == date(2022, 12, 15)


def test_week_segments_cut_bars_at_the_row_edges() -> None:
    row = date(2023, 3, 20)  # Monday
    spans = [(date(2023, 3, 18), date(2023, 3, 21)),  # from the week before
             (date(2023, 3, 21), date(2023, 3, 23)),
             (date(2023, 3, 25), date(2023, 4, 2)),  # into the next week
             (date(2023, 4, 5), date(2023, 4, 6))]  # not in this row
    segs = week_segments(row, spans)
    assert [(s.index, s.first, s.last) for s in segs] == [(0, 0, 1), (1, 1, 3), (2, 5, 6)]
    assert [(s.starts_here, s.ends_here) for s in segs] == [(False, True), (True, True),
                                                          (True, False)]
    assert segs[0].lane != segs[1].lane  # both on Tuesday
    assert segs[2].lane == 0
