"""Targets: fewer trips or events than the campaign's targets, regions and industries left out."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from models.campaign import Industry
from models.checks import run_checks
from models.enums import ConflictKind
from tests.factories import make_trip, make_world
from tests.models.checks.places import add_region

TARGETS = (ConflictKind.TARGET_SHORT, ConflictKind.REGION_UNCOVERED,
           ConflictKind.INDUSTRY_UNCOVERED)


def test_plan_short_of_targets_by_region_and_industry(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w)  # Europe, new-energy vehicles
        add_region(s, "JPKR", "日韩", "Japan & Korea")
        s.add(Industry(code="SEMI", name_zh="半导体及集成电路", name_en="Semiconductors",
                       position=2))
    with sessions() as s:
        found = [c for c in run_checks(s) if c.kind in TARGETS]
        scoped = [c for c in run_checks(s, trip_codes=["TRIP-2023-001"]) if c.kind in TARGETS]
    assert sorted(c.message_zh for c in found) == sorted([
        "2023 年已安排推广活动（出访） 1 次，少于目标 30 次（差 29 次）",
        "2023 年已安排专题招商活动 0 次，少于目标 30 次（差 30 次）",
        "2023 年没有安排赴日韩的推广活动",
        "2023 年没有面向“半导体及集成电路”产业的出访或专题活动",
    ])
    assert any("no promotion trip to Japan & Korea" in c.message_en for c in found)
    assert scoped == []  # a trip's own check leaves the campaign's targets out


def test_the_targets_check_reads_the_industries_in_bulk(sessions: sessionmaker[Session]) -> None:
    """The same statements for one trip or five (the dashboard runs this check at start): the
    trips' and events' industries are not loaded one record at a time."""
    from models.checks.targets import targets
    from tests.statements import recorded

    def statements() -> int:
        with sessions() as s, recorded(s) as seen:
            found = targets(s)
        assert any(c.kind is ConflictKind.TARGET_SHORT for c in found)
        return len(seen)

    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w)
    one = statements()
    with sessions.begin() as s:
        for _ in range(4):
            make_trip(s, w)
    assert statements() == one
