"""The dashboard: targets as rings, the next fortnight, open conflicts, the month's board."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from desktop.context import AppContext
from desktop.pages.dashboard import DashboardView
from models.changes import OpChanges, RecordKind
from models.enums import LeadStage, MemberRole, TripStatus
from models.language import Lang
from models.operations.leads import LeadDraft, create_lead, record_hq_visit
from models.operations.trips import set_trip_status
from planning.dates import campaign_today
from tests.desktop.planning_world import Plan, context, make_plan
from tests.factories import confirm_results, make_trip


def open_dashboard(qtbot: QtBot, ctx: AppContext, today: date | None = None) -> DashboardView:
    view = DashboardView(ctx)
    qtbot.addWidget(view)
    view.resize(1280, 900)
    if today is not None:
        view.set_today(today)
    view.show()
    qtbot.waitExposed(view)
    return view


def texts(view: DashboardView, tree_name: str, column: int) -> list[str]:
    tree = getattr(view, tree_name)
    return [tree.topLevelItem(n).text(column) for n in range(tree.topLevelItemCount())]


def signed_lead(sessions: sessionmaker[Session], plan: Plan, amount: int, day: date) -> None:
    with sessions.begin() as s:
        create_lead(s, LeadDraft("电池工厂", plan.world.org_id, amount, LeadStage.SIGNED,
                                 unit_id=plan.world.unit_id, industry_id=plan.world.industry_id,
                                 first_contact_on=date(2023, 1, 10), signed_on=day))
        confirm_results(s)  # a planner confirms it: the board counts it


def test_rings_show_progress_against_each_target(qtbot: QtBot,
                                                sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    with sessions.begin() as s:
        set_trip_status(s, plan.trip_id, TripStatus.UNDERWAY)
        set_trip_status(s, plan.trip_id, TripStatus.DONE)
    signed_lead(sessions, plan, 6_000_000_000, date(2023, 3, 31))
    view = open_dashboard(qtbot, context(sessions), date(2023, 3, 20))
    assert view.heading.text() == "2023 招商年"
    titles = [card.title.text() for card in view.gauges]
    assert titles == ["推广活动", "专题招商活动", "拜访企业总部", "实际投资（元）", "战略性旗舰项目"]
    trips, _events, _visits, money, flagships = view.gauges
    assert trips.percent.text() == "3%"  # 1 of 30 done
    assert trips.shares() == (1, 1, 28)  # one done, one more planned, 28 still to find
    assert money.figures.text().startswith("60")  # 60 亿元 of 1,600 亿元
    assert flagships.shares()[0] == 1
    assert not view.grab().isNull()


def test_the_next_fortnight_follows_the_chosen_day(qtbot: QtBot,
                                                  sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    ctx = context(sessions)
    view = open_dashboard(qtbot, ctx, date(2023, 3, 20))
    titles = texts(view, "next_days", 1)
    assert titles == [f"欧洲新能源汽车推介 · {plan.trip_code}",
                      f"新能源汽车产业峰会 · {plan.event_code}"]
    assert "3月20日" in view.next_heading.text() and "4月2日" in view.next_heading.text()
    view.set_today(date(2023, 3, 25))  # the trip is under way
    assert texts(view, "next_days", 0)[0].startswith("under way")
    view.set_today(date(2023, 1, 1))
    assert texts(view, "next_days", 1) == ["Nothing planned in the next 14 days"]
    with qtbot.waitSignal(ctx.open_trip_requested) as opened:
        view.set_today(date(2023, 4, 10))
        item = view.next_days.topLevelItem(0)
        view.next_days.itemDoubleClicked.emit(item, 0)
    assert opened.args == [plan.april_id]


def test_a_past_campaign_is_seen_from_the_same_day_of_its_year(
        qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    make_plan(sessions)
    view = open_dashboard(qtbot, context(sessions))
    expected = campaign_today(date.today(), 2023)
    assert view.today == expected
    if date.today().year == 2023:
        assert view.note.isHidden()
    else:
        assert "2023" in view.note.text() and not view.note.isHidden()
    view.set_today(date(2023, 3, 20))
    assert view.today == date(2023, 3, 20)
    view.reset_today()
    assert view.today == expected


def test_open_conflicts_are_listed_and_open_their_trip(
        qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    with sessions.begin() as s:  # the same leader on a second trip that week
        clash = make_trip(s, plan.world, title_zh="日本半导体路演", start_date=date(2023, 3, 27),
                          end_date=date(2023, 3, 29),
                          members=[(plan.world.leader_id, MemberRole.LEADER)])
    ctx = context(sessions)
    view = open_dashboard(qtbot, ctx, date(2023, 3, 20))
    messages = texts(view, "conflict_list", 1)
    assert any("王建国" in m and clash.code in m for m in messages)
    # and 李晓敏, the trip's liaison, leads the summit at home that week
    assert any("李晓敏" in m and plan.event_code in m for m in messages)
    assert view.conflict_heading.text().endswith("(conflicts: 2, warnings: 0)")
    with qtbot.waitSignal(ctx.open_trip_requested) as opened:
        view.conflict_list.itemDoubleClicked.emit(view.conflict_list.topLevelItem(0), 1)
    assert messages[0].startswith("李晓敏") and plan.event_code in messages[0]
    assert opened.args == [plan.trip_id]
    # once the trips are over, the conflict is no longer open
    view.set_today(date(2023, 4, 5))
    assert texts(view, "conflict_list", 1)[0].startswith("No open conflicts")


def test_the_month_s_leaderboard(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    signed_lead(sessions, plan, 2_500_000_000, date(2023, 3, 10))
    with sessions.begin() as s:
        record_hq_visit(s, plan.world.org_id, date(2023, 3, 12), unit_id=plan.world.unit_id)
        confirm_results(s)
    view = open_dashboard(qtbot, context(sessions), date(2023, 3, 20))
    assert view.board_heading.text().endswith("2023年3月")
    first = view.board_list.topLevelItem(0)
    assert [first.text(n) for n in range(5)] == ["1", "松山湖高新区", "1", "25 亿元", "1"]
    view.set_today(date(2023, 4, 20))
    assert texts(view, "board_list", 0) == ["No signed projects or HQ visits this month yet"]


def test_an_empty_month_s_board_says_so_in_full(qtbot: QtBot,
                                                sessions: sessionmaker[Session]) -> None:
    """The message spans the board's row instead of squeezing into the unit column."""
    make_plan(sessions)
    view = open_dashboard(qtbot, context(sessions, Lang.EN), date(2023, 4, 20))
    tree = view.board_list
    item = tree.topLevelItem(0)
    text = "No signed projects or HQ visits this month yet"
    column = next(n for n in range(tree.columnCount()) if item.text(n))
    assert item.text(column) == text
    room = (tree.viewport().width() if item.isFirstColumnSpanned() and column == 0
            else tree.columnWidth(column))
    assert tree.fontMetrics().horizontalAdvance(text) + 12 <= room


def test_changes_refresh_the_dashboard(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    plan = make_plan(sessions)
    ctx = context(sessions)
    view = open_dashboard(qtbot, ctx, date(2023, 3, 20))
    signed_lead(sessions, plan, 2_000_000_000, date(2023, 3, 11))
    ctx.notify(OpChanges.of(RecordKind.LEAD))
    assert view.board_list.topLevelItem(0).text(3) == "20 亿元"


@pytest.mark.parametrize("lang", [Lang.EN])
def test_english_names_and_amounts(qtbot: QtBot, sessions: sessionmaker[Session],
                                   lang: Lang) -> None:
    plan = make_plan(sessions)
    signed_lead(sessions, plan, 2_500_000_000, date(2023, 3, 10))
    view = open_dashboard(qtbot, context(sessions, lang), date(2023, 3, 20))
    assert view.heading.text() == "2023 Year of Investment Promotion"
    assert view.gauges[0].title.text() == "Promotion trips"
    assert view.board_list.topLevelItem(0).text(3) == "CNY 2.5 bn"
    assert view.board_heading.text().endswith("Mar 2023")


def test_an_empty_database_says_so(qtbot: QtBot, sessions: sessionmaker[Session]) -> None:
    view = open_dashboard(qtbot, context(sessions))
    assert view.heading.text() == "No campaign yet"
    assert "init --sample" in view.slogan.text()


def test_the_sample_campaign(qtbot: QtBot, sample_sessions: sessionmaker[Session]) -> None:
    view = open_dashboard(qtbot, context(sample_sessions), date(2023, 11, 10))
    assert view.heading.text() == "2023 招商年"
    trips = view.gauges[0]
    assert trips.figures.text().endswith("30")
    assert sum(trips.shares()) == 30
    assert len(view.upcoming) >= 2
    assert view.board, "November has signed projects in the sample"
