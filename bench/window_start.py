"""The desktop's cold start, as a whole process the runner times (``bench.run``).

    python -m bench.window_start app   --db URL [--visit-all]
    python -m bench.window_start floor --db URL

``app`` starts the real program (``main.py`` run as a script, offscreen), prints ``SHOWN`` on
the first paint of the main window (the chrome, the first view maybe still loading) and
``READY`` on the first paint once its first view is filled (the dashboard and the table pages
when their worker thread's rows have arrived). With ``--visit-all`` it then shows every
view in turn, each filled and painted, prints ``VISITED`` and quits: the runner reads the
peak memory of the process. ``floor`` does the least the same stack can: a PySide6 window
showing the result of one query through a SQLAlchemy engine on the same database.

The runner sets QT_QPA_PLATFORM=offscreen and a throw-away settings folder.
"""

from __future__ import annotations

import argparse
import runpy
import sys
from collections.abc import Sequence
from pathlib import Path

MAIN = Path(__file__).resolve().parents[1] / "main.py"


def _say(word: str) -> None:
    sys.stdout.write(word + "\n")
    sys.stdout.flush()


def run_app(db: str, visit_all: bool) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: TID251
    from PySide6.QtWidgets import QApplication, QWidget  # noqa: TID251

    from desktop import app as desktop_app  # noqa: TID251
    from desktop.pages.dashboard import DashboardView  # noqa: TID251
    from desktop.pages.entity_page import EntityPage  # noqa: TID251

    real_window = desktop_app.MainWindow

    def filled(window: QWidget) -> bool:
        page = window.stack.currentWidget()  # type: ignore[attr-defined]
        if isinstance(page, DashboardView):
            return not page.loading
        return not (isinstance(page, EntityPage) and (page.loading or page.stale))

    class FirstPaint(QObject):
        def __init__(self, window: QWidget) -> None:
            super().__init__(window)
            self.window = window
            self.done = False
            self.shown = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if (not self.shown and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QWidget) and watched.window() is self.window
                    and self.window.isVisible()):
                self.shown = True
                _say("SHOWN")
            if (not self.done and event.type() == QEvent.Type.Paint
                    and isinstance(watched, QWidget) and watched.window() is self.window
                    and self.window.isVisible() and filled(self.window)):
                self.done = True
                _say("READY")
                QTimer.singleShot(0, self.after_ready)
            return False

        def after_ready(self) -> None:
            if visit_all:
                visit(self.window)
                _say("VISITED")
            self.window.close()
            app = QApplication.instance()
            if app is not None:
                app.quit()

    def visit(window: QWidget) -> None:
        app = QApplication.instance()
        assert app is not None
        for page in window.pages:  # type: ignore[attr-defined]
            window.show_page(page.key)  # type: ignore[attr-defined]
            app.processEvents()
            while not filled(window):
                app.processEvents()
            page.widget.grab()

    class TimedWindow(real_window):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            app = QApplication.instance()
            assert app is not None
            self.first_paint = FirstPaint(self)
            app.installEventFilter(self.first_paint)

    desktop_app.MainWindow = TimedWindow  # type: ignore[misc]
    # the program exactly as `python main.py --db URL` runs it (main.py is never imported)
    sys.argv = [str(MAIN), "--db", db]
    try:
        runpy.run_path(str(MAIN), run_name="__main__")
    except SystemExit as done:
        return int(done.code or 0)
    return 0


def run_floor(db: str) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: TID251
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: TID251
    from sqlalchemy import create_engine, text

    from models.database import resolve_url

    app = QApplication(sys.argv[:1])
    engine = create_engine(resolve_url(db))
    with engine.connect() as conn:
        count = conn.scalar(text("SELECT count(*) FROM trips"))
    window = QMainWindow()
    window.setCentralWidget(QLabel(f"推广活动 {count}"))
    window.resize(1440, 900)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                _say("READY")
                QTimer.singleShot(0, app.quit)
            return False

    probe = FirstPaint()
    app.installEventFilter(probe)
    window.show()
    code = app.exec()
    engine.dispose()
    return int(code)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("mode", choices=("app", "floor"))
    parser.add_argument("--db", required=True)
    parser.add_argument("--visit-all", action="store_true")
    args = parser.parse_args(argv)
    if args.mode == "floor":
        return run_floor(args.db)
    return run_app(args.db, args.visit_all)


if __name__ == "__main__":
    sys.exit(main())
