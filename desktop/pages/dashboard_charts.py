"""The dashboard's charts (QtCharts): a ring per campaign target, and activity by month."""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop.calendar.style import MUTED_TEXT
from desktop.formatting import fmt_cny, fmt_int
from models.language import Lang
from models.progress import Measure
from planning.dates import short_month

DONE = QColor("#2f6fdb")
PLANNED = QColor("#a9c4f2")
REST = QColor("#e6e9ee")
MEASURE_COLOURS = {
    "trips": "#2f6fdb",
    "events": "#d9721f",
    "hq_visits": "#2e9461",
    "investment_cny": "#c47a12",
    "flagship_projects": "#7b4fc9",
}


def _quiet_chart() -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setBackgroundVisible(False)
    chart.setMargins(QMargins(0, 0, 0, 0))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    return chart


class GaugeCard(QFrame):
    """One target: a ring (done, planned but not done yet, still to find) with the share
    done in its middle, the figures under it. A click on it asks for the details (``clicked``
    with the measure's key)."""

    clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = ""
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setObjectName("gaugeCard")
        self.setStyleSheet("#gaugeCard { background: #ffffff; border: 1px solid #dde2e8; "
                           "border-radius: 6px; }")
        self.title = QLabel()
        bold = QFont(self.title.font())
        bold.setBold(True)
        self.title.setFont(bold)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.series = QPieSeries()
        self.series.setHoleSize(0.64)
        self.series.setPieSize(0.95)
        self._done = self.series.append("", 0)
        self._planned = self.series.append("", 0)
        self._rest = self.series.append("", 1)
        for piece, colour in ((self._done, DONE), (self._planned, PLANNED), (self._rest, REST)):
            piece.setColor(colour)
            piece.setBorderColor(QColor("#ffffff"))
            piece.setLabelVisible(False)
        chart = _quiet_chart()
        chart.addSeries(self.series)
        chart.legend().hide()
        self.view = QChartView(chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(130, 130)
        self.view.setStyleSheet("background: transparent")
        self.view.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the card's
        self.percent = QLabel()
        big = QFont(self.percent.font())
        big.setPointSizeF(big.pointSizeF() + 6)
        big.setBold(True)
        self.percent.setFont(big)
        self.percent.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.percent.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        ring = QGridLayout()
        ring.setContentsMargins(0, 0, 0, 0)
        ring.addWidget(self.view, 0, 0)
        ring.addWidget(self.percent, 0, 0, Qt.AlignmentFlag.AlignCenter)
        self.figures = QLabel()
        self.figures.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.figures.setWordWrap(True)
        self.planned = QLabel()
        self.planned.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.planned.setStyleSheet(f"color: {MUTED_TEXT.name()}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(ring, 1)
        layout.addWidget(self.figures)
        layout.addWidget(self.planned)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.key:
            self.clicked.emit(self.key)

    def show_measure(self, m: Measure, lang: Lang) -> None:
        self.key = m.key
        colour = QColor(MEASURE_COLOURS.get(m.key, DONE.name()))
        self._done.setColor(colour)
        tint = QColor(colour)
        tint.setAlphaF(0.35)
        self._planned.setColor(tint)
        target = max(m.target, 1)
        done = min(m.done, target)
        planned = min(max(m.planned - m.done, 0), target - done)
        self._done.setValue(done)
        self._planned.setValue(planned)
        self._rest.setValue(max(target - done - planned, 0) or (0.0001 if not done else 0))
        self.title.setText(m.label(lang))
        self.percent.setText(f"{m.ratio:.0%}" if m.target else "–")
        self.percent.setStyleSheet(f"color: {colour.name()}")
        fmt = (lambda v: fmt_cny(v, lang)) if m.key == "investment_cny" else (
            lambda v: fmt_int(v, lang))
        self.figures.setText(self.tr("{done} of {target}").format(done=fmt(m.done),
                                                                  target=fmt(m.target)))
        planned_text = self.tr("{planned} planned").format(planned=fmt(m.planned))
        if m.unconfirmed:
            planned_text += " · " + self.tr("{n} unconfirmed").format(n=fmt(m.unconfirmed))
        self.planned.setText(planned_text)
        tip = self.tr("{label}: {done} done, {planned} planned (cancelled not counted), "
                      "target {target}").format(label=m.label(lang), done=fmt(m.done),
                                                planned=fmt(m.planned), target=fmt(m.target))
        if m.unconfirmed:
            tip += "\n" + self.tr("{n} signed or done but not yet confirmed by a planner: not "
                                  "counted as done").format(n=fmt(m.unconfirmed))
        self.setToolTip(tip)

    def shares(self) -> tuple[float, float, float]:
        """The ring's three values: done, planned (not done yet), still to find."""
        return (self._done.value(), self._planned.value(), self._rest.value())


class MonthChart(QChartView):
    """Trips and themed events per month of the campaign year."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = _quiet_chart()
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.trips = QBarSet("")
        self.events = QBarSet("")
        self.trips.setColor(QColor("#2f6fdb"))
        self.events.setColor(QColor("#d9721f"))
        self.series = QBarSeries()
        self.series.append(self.trips)
        self.series.append(self.events)
        chart.addSeries(self.series)
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.x_axis)
        self.series.attachAxis(self.y_axis)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)

    def show_months(self, by_month: tuple[tuple[int, int, int, int], ...], lang: Lang) -> None:
        self.trips.setLabel(self.tr("Promotion trips"))
        self.events.setLabel(self.tr("Themed events"))
        self.trips.remove(0, self.trips.count())
        self.events.remove(0, self.events.count())
        for _month, trips, events, _signed in by_month:
            self.trips.append(trips)
            self.events.append(events)
        self.x_axis.clear()
        self.x_axis.append([short_month(m, lang) for m, *_ in by_month])
        top = max([t for _, t, _, _ in by_month] + [e for _, _, e, _ in by_month] + [1])
        step = max(1, math.ceil(top / 4))
        self.y_axis.setRange(0, step * math.ceil((top + 1) / step))
        self.y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.y_axis.setTickAnchor(0)
        self.y_axis.setTickInterval(step)
