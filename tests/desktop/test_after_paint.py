"""Work started once a filled view has been painted, not before (desktop/after_paint.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.after_paint import after_next_paint


class PaintLog(QObject):
    """Notes each paint of the widget it watches in ``order``."""

    def __init__(self, widget: QWidget, order: list[str]) -> None:
        super().__init__(widget)
        self.order = order
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.order.append("paint")
        return False


def test_the_work_runs_once_after_the_paint_a_zero_timer_would_precede(qtbot: QtBot) -> None:
    window = QLabel("招商活动 Campaign")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    order: list[str] = []
    PaintLog(window, order)
    window.setText("已载入 loaded")  # the rows arrive: Qt posts the repaint, low priority
    QTimer.singleShot(0, lambda: order.append("zero timer"))
    after_next_paint(window, lambda: order.append("work"), fallback_ms=5_000)
    qtbot.waitUntil(lambda: "work" in order)
    assert order.index("zero timer") < order.index("paint") < order.index("work")
    window.setText("again")  # later paints start nothing more
    qtbot.wait(100)
    assert order.count("work") == 1


def test_the_work_still_runs_when_nothing_is_painted(qtbot: QtBot) -> None:
    hidden = QWidget()
    qtbot.addWidget(hidden)
    done: list[bool] = []
    after_next_paint(hidden, lambda: done.append(True), fallback_ms=50)
    qtbot.waitUntil(lambda: bool(done), timeout=2_000)
    qtbot.wait(100)
    assert done == [True]


def test_a_table_repainting_only_its_viewport_counts_as_the_paint(qtbot: QtBot) -> None:
    """A table's opaque viewport repaints without a paint event for the table or the window:
    the window's repaint request is what is watched (watching paint events, the work waited
    for the fallback)."""
    window = QWidget()
    table = QTableWidget(3, 2)
    QVBoxLayout(window).addWidget(table)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    done: list[bool] = []
    table.setItem(1, 1, QTableWidgetItem("东莞 TRIP-2023-001"))  # the rows arrive
    after_next_paint(window, lambda: done.append(True), fallback_ms=60_000)
    qtbot.waitUntil(lambda: bool(done), timeout=3_000)  # long before the fallback
    assert done == [True]


def test_a_window_closed_before_its_paint_starts_nothing(qtbot: QtBot) -> None:
    """The watcher belongs to the window: deleted with it, it neither runs the work nor fails
    (the fallback timer goes with it)."""
    window = QWidget()
    window.show()
    qtbot.waitExposed(window)
    done: list[bool] = []
    after_next_paint(window, lambda: done.append(True), fallback_ms=50)
    window.deleteLater()
    qtbot.wait(200)
    assert done == []
