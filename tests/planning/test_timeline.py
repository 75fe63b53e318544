"""The year timeline's rows: every region, leaders by name, lanes that keep labels apart."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from models.enums import RegionKind
from models.language import Lang
from models.rows import Ref, RegionRow
from planning.entries import CalendarEntry, EntryKind
from planning.timeline import Grouping, timeline_rows

EU = RegionRow(1, "EUUS", "欧美", "Europe & US", RegionKind.OVERSEAS)
JP = RegionRow(2, "JPKR", "日韩", "Japan & Korea", RegionKind.OVERSEAS)
HOME = RegionRow(3, "LOCAL", "本地", "Local", RegionKind.LOCAL)
WANG = Ref(7, "王建国", "Wang Jianguo")
LI = Ref(8, "李晓敏", "Li Xiaomin")


def trip(ident: int, first: date, last: date, region: RegionRow | None,
         leader: Ref | None = None) -> CalendarEntry:
    start = datetime.combine(first, datetime.min.time(), UTC)
    end = datetime.combine(last + timedelta(days=1), datetime.min.time(), UTC)
    return CalendarEntry(EntryKind.TRIP, ident, f"u{ident}", 1, f"TRIP-2023-{ident:03d}", f"推广{ident}",
                 "", "trip", "planned", region, leader, None, None, "", "UTC", start, end,
                 trip_id=ident, all_day=True)


def event(ident: int, day: date, region: RegionRow | None, leader: Ref | None) -> CalendarEntry:
    start = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=9)
    return CalendarEntry(EntryKind.EVENT, ident, f"e{ident}", 1, f"EVT-2023-{ident:03d}", f"活动{ident}",
                 "", "industry_summit", "planned", region, leader, None, None, "", "UTC", start,
                 start + timedelta(hours=8))


def test_every_region_has_a_row_even_an_empty_one() -> None:
    entries = [trip(1, date(2023, 3, 23), date(2023, 3, 30), EU),
               event(2, date(2023, 3, 28), HOME, LI),
               event(3, date(2023, 5, 1), None, None)]
    rows = timeline_rows(entries, Grouping.REGION, [EU, JP, HOME])
    assert [r.label(Lang.ZH) for r in rows] == ["欧美", "日韩", "本地", "未定区域"]
    assert [len(r.bars) for r in rows] == [1, 0, 1, 1]
    assert rows[1].lanes == 1  # an empty row still shows
    assert rows[0].bars[0].first == date(2023, 3, 23) and rows[0].bars[0].last == date(2023, 3, 30)


def test_rows_by_leader_in_name_order_with_the_leaderless_last() -> None:
    entries = [trip(1, date(2023, 3, 23), date(2023, 3, 30), EU, WANG),
               event(2, date(2023, 3, 28), HOME, LI),
               trip(3, date(2023, 4, 1), date(2023, 4, 3), JP)]
    rows = timeline_rows(entries, Grouping.LEADER, [EU, JP, HOME])
    assert [r.label(Lang.ZH) for r in rows] == ["李晓敏", "王建国", "未定带队领导"]
    assert [r.label(Lang.EN) for r in rows][-1] == "No leader"
    assert [len(r.bars) for r in rows] == [1, 1, 1]


def test_overlapping_bars_and_labels_take_separate_lanes() -> None:
    a = trip(1, date(2023, 3, 1), date(2023, 3, 5), EU)
    b = trip(2, date(2023, 3, 4), date(2023, 3, 8), EU)  # overlaps a
    c = trip(3, date(2023, 3, 10), date(2023, 3, 12), EU)  # free of both bars
    rows = timeline_rows([a, b, c], Grouping.REGION, [EU])
    lanes = {bar.entry.id: bar.lane for bar in rows[0].bars}
    assert lanes[1] != lanes[2] and lanes[3] == 0 and rows[0].lanes == 2
    # a's label runs ten days past its end: c must move out of its way
    rows = timeline_rows([a, b, c], Grouping.REGION, [EU],
                         label_reach=lambda e: (0.0, 10.0) if e.id == 1 else (0.0, 0.0))
    lanes = {bar.entry.id: bar.lane for bar in rows[0].bars}
    assert lanes[3] != lanes[1]
    # a label placed before its bar pushes away what ends just before it
    rows = timeline_rows([a, c], Grouping.REGION, [EU],
                         label_reach=lambda e: (7.0, 0.0) if e.id == 3 else (0.0, 0.0))
    lanes = {bar.entry.id: bar.lane for bar in rows[0].bars}
    assert lanes[1] != lanes[3]


def test_items_are_not_on_the_timeline() -> None:
    item = CalendarEntry(EntryKind.ITEM, 5, "i5", 1, "TRIP-2023-001", "拜访", "", "company_visit",
                 "planned", EU, None, None, None, "", "Europe/Berlin",
                 datetime(2023, 3, 24, 8, tzinfo=UTC), datetime(2023, 3, 24, 10, tzinfo=UTC),
                 trip_id=1)
    rows = timeline_rows([item], Grouping.REGION, [EU])
    assert rows[0].bars == ()
