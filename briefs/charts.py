"""Charts of the campaign report, drawn with ReportLab's graphics in the brief's own font."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors

from briefs.geometry import FRAME_WIDTH
from briefs.styles import INK, MUTED, RULE, SERIES
from briefs.words import Words
from models.progress import Breakdown, Measure

LABEL_SIZE = 8


def _style_axis_labels(chart: HorizontalBarChart | VerticalBarChart, font: str) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = LABEL_SIZE
        axis.labels.fillColor = INK
        axis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.visibleGrid = True


def _legend(font: str, x: float, y: float, pairs: Sequence[tuple[colors.Color, str]]) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName = font
    legend.fontSize = LABEL_SIZE
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dxTextSpace = 4
    legend.deltax = 90
    legend.boxAnchor = "nw"
    legend.colorNamePairs = list(pairs)
    legend.strokeColor = None
    return legend


def _drawing(height: float, font: str) -> Drawing:
    d = Drawing(FRAME_WIDTH, height)
    d.initialFontName = font  # the renderer's starting font, else Helvetica enters the PDF
    return d


def _title(d: Drawing, font: str, text: str) -> None:
    d.add(String(0, d.height - 11, text, fontName=font, fontSize=9.5, fillColor=INK))


def progress_chart(measures: Sequence[Measure], font: str, w: Words) -> Drawing:
    """Done and planned as a share of each target, with the 100% line."""
    shown = [m for m in measures if m.target]
    height = 60 + 34 * max(1, len(shown))
    d = _drawing(height, font)
    _title(d, font, w("完成率（占全年目标）", "Share of the year's target"))
    chart = HorizontalBarChart()
    chart.x, chart.y = 118, 30
    chart.width, chart.height = FRAME_WIDTH - 140, height - 58
    rows = list(reversed(shown))  # the chart draws the first category at the bottom
    done = [min(150.0, m.done / m.target * 100) for m in rows] or [0.0]
    planned = [min(150.0, m.planned / m.target * 100) for m in rows] or [0.0]
    chart.data = [planned, done]
    chart.categoryAxis.categoryNames = [m.label(w.lang) for m in rows] or [""]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 150
    chart.valueAxis.valueStep = 25
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.bars[0].fillColor = SERIES[1]
    chart.bars[1].fillColor = SERIES[0]
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 8
    chart.barLabelFormat = "%.0f%%"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    _style_axis_labels(chart, font)
    d.add(chart)
    x100 = chart.x + chart.width * 100 / 150
    d.add(Line(x100, chart.y, x100, chart.y + chart.height, strokeColor=colors.HexColor("#B3261E"),
               strokeWidth=0.8, strokeDashArray=[3, 2]))
    d.add(_legend(font, chart.x, 14, [(SERIES[0], w("已完成", "Done")),
                                      (SERIES[1], w("已安排（含完成）", "Planned incl. done"))]))
    return d


def monthly_activity_chart(by_month: Sequence[tuple[int, int, int, int]], font: str,
                           w: Words) -> Drawing:
    """Trips and events starting each month."""
    d = _drawing(190, font)
    _title(d, font, w("每月推广活动与专题活动（场）", "Trips and events per month"))
    chart = VerticalBarChart()
    chart.x, chart.y = 30, 42
    chart.width, chart.height = FRAME_WIDTH - 40, 125
    chart.data = [[m[1] for m in by_month], [m[2] for m in by_month]]
    chart.categoryAxis.categoryNames = [w.month(m[0]) for m in by_month]
    chart.valueAxis.valueMin = 0
    top = max([*chart.data[0], *chart.data[1], 1])
    chart.valueAxis.valueMax = top + 1
    chart.valueAxis.valueStep = max(1, (top + 1) // 5)
    chart.bars[0].fillColor = SERIES[0]
    chart.bars[1].fillColor = SERIES[2]
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 6
    _style_axis_labels(chart, font)
    d.add(chart)
    d.add(_legend(font, chart.x, 16, [(SERIES[0], w("推广活动", "Trips")),
                                      (SERIES[2], w("专题活动", "Events"))]))
    return d


def _scale(w: Words) -> tuple[int, str]:
    return (1_000_000_000, "CNY bn") if w.en else (100_000_000, "亿元")


def monthly_money_chart(by_month: Sequence[tuple[int, int, int, int]], font: str,
                        w: Words) -> Drawing:
    """Investment signed each month."""
    unit, label = _scale(w)
    d = _drawing(170, font)
    _title(d, font, w(f"每月签约投资额（{label}）", f"Investment signed per month ({label})"))
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 22
    chart.width, chart.height = FRAME_WIDTH - 50, 125
    chart.data = [[m[3] / unit for m in by_month]]
    chart.categoryAxis.categoryNames = [w.month(m[0]) for m in by_month]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.bars[0].fillColor = SERIES[0]
    chart.bars.strokeColor = None
    chart.barLabelFormat = _short_number
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    _style_axis_labels(chart, font)
    d.add(chart)
    return d


def _short_number(value: float) -> str:
    return "" if not value else f"{value:,.1f}".rstrip("0").rstrip(".")


def industry_chart(rows: Sequence[Breakdown], font: str, w: Words) -> Drawing:
    """Investment signed per industry."""
    unit, label = _scale(w)
    shown = list(reversed(rows))
    height = 50 + 17 * max(1, len(shown))
    d = _drawing(height, font)
    _title(d, font, w(f"分产业签约投资额（{label}）", f"Investment signed by industry ({label})"))
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 18
    chart.width, chart.height = FRAME_WIDTH - 185, height - 40
    chart.data = [[r.signed_cny / unit for r in shown] or [0.0]]
    chart.categoryAxis.categoryNames = [r.ref.name(w.lang) for r in shown] or [""]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.forceZero = True
    chart.bars[0].fillColor = SERIES[1]
    chart.bars.strokeColor = None
    chart.barLabelFormat = _short_number
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    _style_axis_labels(chart, font)
    chart.categoryAxis.labels.fillColor = MUTED if not shown else INK
    d.add(chart)
    return d
