"""The campaign progress report (招商工作进展报告): targets, charts, breakdowns, leaderboards."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from briefs.blocks import empty, grid
from briefs.charts import industry_chart, monthly_activity_chart, monthly_money_chart, progress_chart
from briefs.contents import contents_page
from briefs.data import CampaignReport, Totals
from briefs.layout import CoverFact, build_pdf, cover, sections
from briefs.options import BriefOptions, Kit, kit
from briefs.paragraphs import Para
from briefs.profiles import conflict_section, measure_value
from briefs.styles import MUTED
from briefs.words import esc, unconfirmed_cell
from models.enums import UnitKind
from models.progress import Breakdown, LeaderboardRow
from models.wording import board_count, board_money

PAGE_REST = 80 * mm  # a section starts on a new page unless this much room is left
MONTH_TOP = 10  # units shown per monthly leaderboard


def render_campaign(data: CampaignReport, options: BriefOptions) -> bytes:
    """The campaign report as PDF bytes (same data and options, same bytes)."""
    k = kit(options)
    c, w = data.progress.campaign, k.w
    title = f"{c.name(w.lang)} · {w('招商工作进展报告', 'Progress report')}"
    story: list[Flowable] = [
        *_cover(data, k),
        *contents_page(),
        *sections(
            _targets(data, k),
            _months(data, k),
            _breakdown(data.progress.by_region, k, ("分区域情况", "By region"),
                       ("区域", "Region"), data.totals),
            [*_breakdown(data.progress.by_industry, k, ("分产业情况", "By industry"),
                         ("产业", "Industry"), data.totals, overlapping=True),
             Spacer(1, 4 * mm),
             industry_chart(data.progress.by_industry, k.font.name, w)],
            _leaderboards(data, k),
            _flagships(data, k),
            _trips(data, k),
            _events(data, k),
            conflict_section(data.conflicts, k),
            rest=PAGE_REST,
        ),
    ]
    return build_pdf(story, k.meta(title, f"{c.year} {c.name_zh} {c.name_en}".strip()))


def _cover(data: CampaignReport, k: Kit) -> list[Flowable]:
    c, w = data.progress.campaign, k.w
    done = {m.key: m for m in data.progress.measures}
    money = done.get("investment_cny")
    return cover(
        k.s, w, w("招商工作进展报告", "Campaign progress report"),
        c.name(w.lang), w.other(c.name_zh, c.name_en),
        [
            CoverFact("年度", "Year", str(c.year)),
            CoverFact("口号", "Slogan", c.slogan_text(w.lang)),
            CoverFact("推广活动", "Promotion trips", w(f"{len(data.trips)} 场", str(len(data.trips)))),
            CoverFact("专题活动", "Themed events", w(f"{len(data.events)} 场", str(len(data.events)))),
            CoverFact("已签约投资", "Investment signed",
                      f"{w.money(money.done)} / {w.money(money.target)}" if money else ""),
            CoverFact("数据截至", "Data as of", w.day(k.options.generated_on)),
        ],
    )


def _targets(data: CampaignReport, k: Kit) -> list[Flowable]:
    s, w = k.s, k.w
    c = data.progress.campaign
    rows = []
    for m in data.progress.measures:
        label = m.label(w.lang)
        if m.key == "flagship_projects" and c.flagship_threshold_cny:
            label += w(f"（单个 ≥ {w.money(c.flagship_threshold_cny)}）",
                       f" (each ≥ {w.money(c.flagship_threshold_cny)})")
        rows.append([label, measure_value(m, m.target, k), measure_value(m, m.done, k),
                     measure_value(m, m.planned, k),
                     measure_value(m, m.unconfirmed, k) if m.unconfirmed else "",
                     w.percent(m.ratio) if m.target else "",
                     w.percent(m.planned / m.target) if m.target else ""])
    return [
        k.outline.section("全年目标完成情况", "Progress against the targets"),
        Para(esc(w("“已完成”指已办结的活动和已签约（含动工、资金到位、投产）的项目；"
                   "签约项目和总部拜访须经规划人员确认才计入，未确认的列在“待确认”；"
                   "“已安排”另含计划中、未取消的活动和在谈项目。",
                   "'Done' counts completed trips and events and signed projects "
                   "(including construction, funds in and production); signed projects "
                   "and HQ visits count once a planner confirms them, and those not yet "
                   "confirmed are shown apart as 'unconfirmed'; 'planned' adds "
                   "everything scheduled or under negotiation that is not cancelled.")),
             s.note),
        grid([("目标项", "Measure"), ("全年目标", "Target"), ("已完成", "Done"),
              ("已安排", "Planned"), ("待确认", "Unconfirmed"), ("完成率", "Done %"),
              ("安排率", "Planned %")],
             rows, [2.3, 1.2, 1.2, 1.2, 1.2, 0.9, 0.9], s, w, right=(1, 2, 3, 4, 5, 6)),
        Spacer(1, 5 * mm),
        progress_chart(data.progress.measures, k.font.name, w),
    ]


def _months(data: CampaignReport, k: Kit) -> list[Flowable]:
    s, w = k.s, k.w
    by_month = data.progress.by_month
    rows = [[w.month(m), str(trips), str(events), w.money(signed) if signed else "—"]
            for m, trips, events, signed in by_month]
    undated = data.totals.signed_cny - sum(m[3] for m in by_month)
    if undated:  # signed leads without a signing date have no month
        rows.append([w("签约日期未填", "No signing date"), "", "", w.money(undated)])
    total = ["合计" if not w.en else "Total", str(sum(m[1] for m in by_month)),
             str(sum(m[2] for m in by_month)), w.money(data.totals.signed_cny)]
    return [
        k.outline.section("月度走势", "Month by month"),
        monthly_activity_chart(by_month, k.font.name, w),
        Spacer(1, 3 * mm),
        monthly_money_chart(by_month, k.font.name, w),
        Spacer(1, 3 * mm),
        grid([("月份", "Month"), ("推广活动", "Trips"), ("专题活动", "Events"),
              ("签约投资额", "Investment signed")], [*rows, total], [1.2, 1.2, 1.2, 2.4], s, w,
             right=(1, 2, 3), extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, MUTED)]),
    ]


def _breakdown(rows: Sequence[Breakdown], k: Kit, title: tuple[str, str],
               column: tuple[str, str], totals: Totals, *, overlapping: bool = False
               ) -> list[Flowable]:
    """A breakdown whose total row is the campaign's own total: what no row counts shows in a
    row of its own, and a record counted under several rows (a trip of two industries) is
    said in a note, so every figure reconciles."""
    s, w = k.s, k.w
    body = [[r.ref.name(w.lang), str(r.trips), str(r.events), str(r.leads), w.money(r.signed_cny)]
            for r in rows]
    rest = _remainder(rows, totals, overlapping)
    if rest is not None:
        body.append([w(f"未归入任何{column[0]}", f"No {column[1].lower()}"), str(rest.trips),
                     str(rest.events), str(rest.leads), w.money(rest.signed_cny)])
    body.append([w("合计", "Total"), str(totals.trips), str(totals.events), str(totals.leads),
                 w.money(totals.signed_cny)])
    story: list[Flowable] = [k.outline.section(*title)]
    if overlapping:
        story.append(Para(esc(w(
            f"一场活动可涉及多个{column[0]}，分别计入各{column[0]}，因此各行之和可大于合计；"
            "合计按每场活动、每个项目计一次。",
            f"A trip or event of several {column[1].lower()} entries counts under each, so the "
            "rows may add up to more than the total, which counts each record once.")), s.note))
    if rest is not None:
        story.append(Para(esc(w(
            f"项目线索按来源推广活动的{column[0]}归类；"
            f"“未归入任何{column[0]}”一行为未关联或无法归类的活动与项目，合计与全年目标一致。"
            if column[0] == "区域" else
            f"“未归入任何{column[0]}”一行为未标注{column[0]}的活动与项目，合计与全年目标一致。",
            f"Leads count under the {column[1].lower()} of their source trip; the row "
            f"'No {column[1].lower()}' holds what cannot be placed, so the total matches the "
            "campaign's." if column[0] == "区域" else
            f"The row 'No {column[1].lower()}' holds records without one, so the total "
            "matches the campaign's.")), s.note))
    story.append(grid(
        [column, ("推广活动", "Trips"), ("专题活动", "Events"), ("项目线索", "Leads"),
         ("签约投资额", "Investment signed")], body, [2.8, 1, 1, 1, 1.8],
        s, w, right=(1, 2, 3, 4), extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, MUTED)]))
    return story


def _remainder(rows: Sequence[Breakdown], totals: Totals, overlapping: bool) -> Totals | None:
    """What the rows do not count (None when they count everything). With overlapping rows
    only what no row counts can be known for leads (a lead has one industry)."""
    trips = totals.trips - sum(r.trips for r in rows)
    events = totals.events - sum(r.events for r in rows)
    leads = totals.leads - sum(r.leads for r in rows)
    signed = totals.signed_cny - sum(r.signed_cny for r in rows)
    if overlapping:
        trips, events = max(trips, 0), max(events, 0)
    if not (trips or events or leads or signed):
        return None
    return Totals(trips, events, leads, signed)


def _board(rows: Sequence[LeaderboardRow], k: Kit) -> Flowable:
    w = k.w
    return grid(
        [("名次", "Rank"), ("责任单位", "Unit"), ("类别", "Kind"), ("签约项目", "Signed"),
         ("签约投资额", "Investment signed"), ("总部拜访", "HQ visits"),
         ("待确认", "Unconfirmed"), ("资金到位", "Funds in")],
        [[str(r.rank), r.unit.name(w.lang), UnitKind(r.kind).label(w.lang),
          board_count(r.signed_leads), board_money(r.signed_cny, w.lang), board_count(r.hq_visits),
          unconfirmed_cell(r.unconfirmed_leads, r.unconfirmed_cny, r.unconfirmed_visits, w),
          board_money(r.funds_in_cny, w.lang)] for r in rows],
        [0.55, 2.1, 1.2, 0.85, 1.3, 0.85, 1.3, 1.2], k.s, w, right=(0, 3, 4, 5, 6, 7),
    )


def _leaderboards(data: CampaignReport, k: Kit) -> list[Flowable]:
    s, w = k.s, k.w
    scoring = [r for r in data.year_board if r.signed_leads or r.hq_visits
               or r.unconfirmed_leads or r.unconfirmed_visits]
    rest = len(data.year_board) - len(scoring)
    story: list[Flowable] = [
        k.outline.section("责任单位英雄榜", "Leaderboard of responsible units"),
        Para(esc(w("按签约投资额排名，其次为签约项目数、总部拜访数。",
                   "Ranked by investment signed, then projects signed, then HQ visits.")),
             s.note),
        k.outline.sub(w(f"{data.progress.campaign.year} 年全年", f"The year {data.progress.campaign.year}")),
        _board(scoring, k),
    ]
    if rest:
        story.append(Para(esc(w(f"其余 {rest} 个责任单位本年度暂无签约或总部拜访记录。",
                                f"The other {rest} units have no signed project or HQ "
                                "visit this year.")), s.muted))
    quiet = [board.month for board in data.months if not board.rows]
    for board in data.months:
        if not board.rows:
            continue
        story += [k.outline.sub(w(f"{board.month} 月", f"{w.month(board.month)} "
                                  f"{data.progress.campaign.year}")),
                  _board(board.rows[:MONTH_TOP], k)]
        if len(board.rows) > MONTH_TOP:
            story.append(Para(esc(w(f"另有 {len(board.rows) - MONTH_TOP} 个单位有成绩，未列出。",
                                    f"{len(board.rows) - MONTH_TOP} more units scored.")),
                              s.muted))
    if quiet:
        story.append(Para(esc(w("暂无成绩的月份：", "Months without results: ")
                              + w("、", ", ").join(w.month(m) for m in quiet)), s.muted))
    return story


def _flagships(data: CampaignReport, k: Kit) -> list[Flowable]:
    s, w = k.s, k.w
    c = data.progress.campaign
    story: list[Flowable] = [k.outline.section("旗舰项目", "Flagship projects")]
    if c.flagship_threshold_cny:
        story.append(Para(esc(w(f"单个项目投资额 ≥ {w.money(c.flagship_threshold_cny)}。",
                                f"Projects of {w.money(c.flagship_threshold_cny)} or more.")),
                          s.note))
    else:
        return [*story, empty(s, w, w("未设定旗舰项目门槛。", "no flagship threshold is set."))]
    story.append(grid(
        [("编号", "Code"), ("项目", "Project"), ("机构", "Organisation"), ("金额", "Amount"),
         ("阶段", "Stage"), ("责任单位", "Unit"), ("签约日期", "Signed on")],
        [[x.code, x.title(w.lang), x.organisation.name(w.lang), w.money(x.amount_cny),
          x.stage.label(w.lang), x.unit.name(w.lang) if x.unit else "",
          w.day(x.signed_on, False) if x.signed_on else ""] for x in data.flagship_leads],
        [1.4, 1.9, 1.5, 1.0, 0.8, 1.3, 1.3], s, w, right=(3,),
    ))
    return story


def _trips(data: CampaignReport, k: Kit) -> list[Flowable]:
    w = k.w
    return [k.outline.section("推广活动一览", "Promotion trips"), grid(
        [("编号", "Code"), ("名称", "Title"), ("日期", "Dates"), ("区域", "Region"),
         ("带队领导", "Leader"), ("状态", "Status")],
        [[t.code, t.title(w.lang), w.span(t.start_date, t.end_date, year=False),
          t.region.name(w.lang),
          t.leader.name(w.lang) if t.leader else "", t.status.label(w.lang)] for t in data.trips],
        [1.35, 2.75, 1.5, 0.8, 1.0, 0.8], k.s, w,
    )]


def _events(data: CampaignReport, k: Kit) -> list[Flowable]:
    w = k.w
    return [k.outline.section("专题活动一览", "Themed events"), grid(
        [("编号", "Code"), ("名称", "Title"), ("日期", "Date"), ("城市", "City"),
         ("主办单位", "Host unit"), ("状态", "Status")],
        [[e.code, e.title(w.lang), w.day_month(e.local_start.date()),
          e.city.name(w.lang) if e.city else "", e.host_unit.name(w.lang) if e.host_unit else "",
          e.status.label(w.lang)] for e in data.events],
        [1.35, 2.75, 1.0, 0.8, 1.6, 0.8], k.s, w,
    )]
