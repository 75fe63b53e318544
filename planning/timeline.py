"""The year timeline's rows: one per region (or per leader), its bars packed into lanes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from models.language import Lang
from models.rows import RegionRow, pick
from planning.entries import CalendarEntry, EntryKind, TimeMode, sort_key
from planning.layout import assign_lanes


class Grouping(StrEnum):
    REGION = "region"
    LEADER = "leader"


@dataclass(frozen=True)
class Bar:
    entry: CalendarEntry
    first: date  # first day shown (inclusive)
    last: date  # last day shown (inclusive)
    lane: int


@dataclass(frozen=True)
class TimelineRow:
    key: str  # "region:3", "leader:17", "none"
    label_zh: str
    label_en: str
    bars: tuple[Bar, ...]
    lanes: int  # at least 1, so an empty row still shows

    def label(self, lang: Lang = Lang.ZH) -> str:
        return pick(self.label_zh, self.label_en, lang)


NO_REGION = ("未定区域", "No region")
NO_LEADER = ("未定带队领导", "No leader")


def timeline_rows(
    entries: Sequence[CalendarEntry],
    grouping: Grouping,
    regions: Sequence[RegionRow],
    mode: TimeMode = TimeMode.LOCAL,
    label_reach: Callable[[CalendarEntry], tuple[float, float]] | None = None,
) -> list[TimelineRow]:
    """Rows of bars for trips and events (items are not on the timeline).

    Every region gets a row, busy or not, in the order given (a planner looks for empty
    regions too); leaders get a row each when they lead something, in name order. Records
    without a region or a leader share a last row. ``label_reach(entry)`` is how many days
    before its start and after its end a bar's label reaches when it does not fit inside the
    bar: packing keeps labels apart from other bars.
    """
    groups: dict[str, tuple[str, str, list[CalendarEntry]]] = {}
    if grouping is Grouping.REGION:
        for region in regions:
            groups[f"region:{region.id}"] = (region.name_zh, region.name_en, [])
    for entry in sorted(entries, key=lambda e: sort_key(e, mode)):
        if entry.kind is EntryKind.ITEM:
            continue
        if grouping is Grouping.REGION:
            ref = entry.region
            key = f"region:{ref.id}" if ref else "none"
            names = (ref.name_zh, ref.name_en) if ref else NO_REGION
        else:
            person = entry.leader
            key = f"leader:{person.id}" if person else "none"
            names = (person.name_zh, person.name_en) if person else NO_LEADER
        groups.setdefault(key, (*names, []))[2].append(entry)

    keys = list(groups)
    if grouping is Grouping.LEADER:
        keys.sort(key=lambda k: (k == "none", groups[k][0], k))
    elif "none" in groups:
        keys.remove("none")
        keys.append("none")
    rows = []
    for key in keys:
        zh, en, members = groups[key]
        spans = [(e.first_day(mode), e.last_day(mode)) for e in members]
        reach = [label_reach(e) if label_reach else (0.0, 0.0) for e in members]
        lanes = assign_lanes([
            (a.toordinal() - before, b.toordinal() + 1 + after)
            for (a, b), (before, after) in zip(spans, reach, strict=True)
        ])
        bars = tuple(Bar(e, a, b, lane)
                     for e, (a, b), lane in zip(members, spans, lanes, strict=True))
        rows.append(TimelineRow(key, zh, en, bars, max(lanes, default=0) + 1))
    return rows
