"""The monthly leaderboard of the responsible units (招商引资英雄榜): a pure function to PDF.

As the bureau publishes it: towns, streets and parks ranked together, departments and
city-owned enterprises together ("三比三看" compares like with like), each by the investment
signed that month, then projects signed and HQ visits; the month's totals, and the year to date.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from briefs.blocks import empty, grid
from briefs.data import BoardRow, MonthlyLeaderboard
from briefs.layout import CoverFact, build_pdf, cover
from briefs.options import BriefOptions, Kit, kit
from briefs.paragraphs import Para
from briefs.styles import MUTED
from briefs.words import esc, unconfirmed_cell
from models.enums import UnitKind
from models.wording import NIL, board_count, board_money

GROUPS = (
    ("镇街园区", "Towns, streets and parks", (UnitKind.TOWN_STREET, UnitKind.PARK)),
    ("市直部门及市属国企", "Departments and city-owned enterprises",
     (UnitKind.DEPARTMENT, UnitKind.SOE)),
)

# the columns' shares of the width: a header keeps its word on one line in either language
# (名次, "Signed", "Events"), and an English unit's name has room for two words a line
ZH_WIDTHS = (0.55, 1.35, 0.55, 1.05, 0.68, 0.5, 0.55, 1.0, 1.45, 1.32)
EN_WIDTHS = (0.5, 1.75, 0.65, 1.05, 0.65, 0.55, 0.65, 1.0, 1.4, 0.8)


def render_leaderboard(data: MonthlyLeaderboard, options: BriefOptions) -> bytes:
    """The month's leaderboard as PDF bytes (same data and options, same bytes)."""
    k = kit(options)
    w = k.w
    month = w(f"{data.year}年{data.month}月", f"{w.month(data.month)} {data.year}")
    title = w(f"{month}招商引资英雄榜", f"Investment leaderboard, {month}")
    scoring = data.scoring
    signed = sum(r.signed_cny for r in data.rows)
    story: list[Flowable] = [
        *cover(k.s, w, w("招商引资英雄榜", "Leaderboard of the responsible units"), title,
               data.campaign.name(w.lang), [
                   CoverFact("月份", "Month", month),
                   CoverFact("上榜单位", "Units with results",
                             w(f"{len(scoring)} 个（共 {len(data.rows)} 个）",
                               f"{len(scoring)} of {len(data.rows)}")),
                   CoverFact("签约项目", "Projects signed",
                             str(sum(r.signed_leads for r in data.rows))),
                   CoverFact("签约投资额", "Investment signed", w.money(signed)),
                   CoverFact("总部拜访", "HQ visits", str(sum(r.hq_visits for r in data.rows))),
                   CoverFact("待确认", "Unconfirmed", unconfirmed_cell(
                       sum(r.unconfirmed_leads for r in data.rows),
                       sum(r.unconfirmed_cny for r in data.rows),
                       sum(r.unconfirmed_visits for r in data.rows), w) or w.none),
                   CoverFact("数据截至", "Data as of", w.day(k.options.generated_on)),
               ]),
        Para(esc(w("按当月签约投资额排名，其次为签约项目数、总部拜访数。“签约”为当月签约项目数，"
                   "“拜访”为总部拜访数，“出访”“活动”为本单位负责的推广活动和主办的专题活动；"
                   "“全年累计”为 1 月至当月签约投资额及其在全市的名次。签约项目和总部拜访须经规划人员"
                   "确认才计入排名，未确认的列在“待确认”。",
                   "Ranked by the investment signed in the month, then projects signed, "
                   "then HQ visits; 'year to date' is the investment signed from January "
                   "to this month and its rank. Signed projects and HQ visits count once "
                   "a planner confirms them; those not yet confirmed are shown apart "
                   "('unconfirmed').")), k.s.note),
    ]
    for zh, en, kinds in GROUPS:
        rows = [r for r in scoring if r.kind in kinds]
        story += [k.outline.section(zh, en), _table(rows, k)]
        quiet = sum(1 for r in data.rows if r.kind in kinds) - len(rows)
        if quiet:
            story.append(Para(esc(w(f"其余 {quiet} 个单位本月暂无成绩。",
                                    f"The other {quiet} units have no result this month.")),
                              k.s.muted))
    return build_pdf(story, k.meta(title, f"{data.campaign.name_zh} {title}"))


def _table(rows: Sequence[BoardRow], k: Kit) -> Flowable:
    w = k.w
    if not rows:
        return empty(k.s, w, w("本月暂无成绩", "no results this month"))
    body: list[list[str | Flowable]] = [
        [str(n), r.unit.name(w.lang), board_count(r.signed_leads),
         board_money(r.signed_cny, w.lang), board_count(r.hq_visits), board_count(r.trips_hosted),
         board_count(r.events_hosted), board_money(r.funds_in_cny, w.lang),
         f"{w.money(r.year_signed_cny)} · {w(f'第 {r.year_rank} 名', f'#{r.year_rank}')}"
         if r.year_signed_cny else "—",
         unconfirmed_cell(r.unconfirmed_leads, r.unconfirmed_cny, r.unconfirmed_visits, w) or "—"]
        for n, r in _ranked(rows)
    ]
    body.append([w("合计", "Total"), "", board_count(sum(r.signed_leads for r in rows)),
                 board_money(sum(r.signed_cny for r in rows), w.lang),
                 board_count(sum(r.hq_visits for r in rows)),
                 board_count(sum(r.trips_hosted for r in rows)),
                 board_count(sum(r.events_hosted for r in rows)),
                 board_money(sum(r.funds_in_cny for r in rows), w.lang),
                 board_money(sum(r.year_signed_cny for r in rows), w.lang),
                 unconfirmed_cell(sum(r.unconfirmed_leads for r in rows),
                                  sum(r.unconfirmed_cny for r in rows),
                                  sum(r.unconfirmed_visits for r in rows), w) or NIL])
    return grid(
        [("名次", "Rank"), ("责任单位", "Unit"), ("签约", "Signed"),
         ("签约投资额", "Investment"), ("拜访", "HQ visits"), ("出访", "Trips"),
         ("活动", "Events"), ("资金到位", "Funds in"), ("全年累计", "Year to date"),
         ("待确认", "Unconfirmed")],
        body, list(EN_WIDTHS if w.en else ZH_WIDTHS), k.s, w,
        right=(0, 2, 3, 4, 5, 6, 7, 8), extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, MUTED),
                                               ("SPAN", (0, -1), (1, -1)),
                                               ("ALIGN", (0, -1), (1, -1), "LEFT")])


def _ranked(rows: Sequence[BoardRow]) -> list[tuple[int, BoardRow]]:
    """The rows of a group in the city-wide order with their rank in the group (equal results,
    equal rank)."""
    out: list[tuple[int, BoardRow]] = []
    previous: tuple[int, int, int] | None = None
    rank = 0
    for position, r in enumerate(sorted(rows, key=lambda r: (r.rank, r.unit.name_zh)), start=1):
        key = (r.signed_cny, r.signed_leads, r.hq_visits)
        if key != previous:
            rank, previous = position, key
        out.append((rank, r))
    return out
