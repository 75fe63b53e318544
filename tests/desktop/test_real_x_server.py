"""The window on a real X server (Xvfb), driven by keyboard with xdotool as a person would:
focus and shortcuts behave otherwise there than offscreen. Skipped without Xvfb and xdotool
(``.ci/run`` installs both: packaging/debian-test.txt)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.trips import Trip
from tests.factories import make_trip, make_world

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")),
                                reason="needs Xvfb and xdotool")


TITLE = "招商年"  # the sample campaign's name, in the main window's title
EDITOR = "^新建推广活动"  # the new trip editor's title


def xdotool(env: dict[str, str], *args: str, seconds: float = 15) -> list[str]:
    """Run one xdotool command chain; its output's words (window ids)."""
    done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True,
                          timeout=seconds)
    return done.stdout.split()


def appear(env: dict[str, str], name: str, seconds: float = 30) -> str:
    """The id of the first visible window whose name matches ``name``, waiting for it: xdotool
    blocks until it shows (``--sync``), no sleeping between looks."""
    found = xdotool(env, "search", "--sync", "--onlyvisible", "--limit", "1", "--name", name,
                    seconds=seconds)
    assert found, f"no window named {name!r}"
    return found[0]


def gone(env: dict[str, str], name: str, seconds: float = 15) -> bool:
    """True once no visible window's name matches ``name`` (polled every 50 ms)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not xdotool(env, "search", "--onlyvisible", "--name", name):
            return True
        time.sleep(0.05)
    return False


def wait_for(condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the window never did it"
        time.sleep(0.05)


@pytest.fixture
def display(tmp_path: Path) -> Iterator[dict[str, str]]:
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24",
                               "-nolisten", "tcp"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    assert server.stdout is not None
    number = server.stdout.readline().strip()
    env = dict(os.environ, DISPLAY=f":{number}", CAMPAIGN_PLANNER_SETTINGS=str(
        tmp_path / "settings.ini"))
    env.pop("QT_QPA_PLATFORM", None)
    yield env
    server.terminate()
    server.wait(10)
    server.stdout.close()


def focused(env: dict[str, str], window: str, seconds: float = 10) -> None:
    """Wait until ``window`` has the X input focus (no window manager gives it: the app does)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if xdotool(env, "getwindowfocus") == [window]:
            return
        time.sleep(0.05)
    raise AssertionError(f"the keyboard never came to window {window}")


@pytest.fixture
def campaign_url(sessions: sessionmaker[Session], db_url: str) -> str:
    """A small campaign (``2023 招商年``, one trip of 2023-03-23 to 03-30 without items) on
    SQLite: the window opens on it sooner than on the whole sample, and the keys behave the
    same."""
    with sessions.begin() as session:
        make_trip(session, make_world(session))
    return db_url


def trip_days(sessions: sessionmaker[Session]) -> list[tuple[str, str]]:
    with sessions() as session:
        return [(t.start_date.isoformat(), t.end_date.isoformat())
                for t in session.query(Trip).all()]


def test_keyboard_on_a_real_display(display: dict[str, str], campaign_url: str,
                                    sessions: sessionmaker[Session]) -> None:
    """One start of the app; every step waits for what it expects (xdotool ``--sync``) rather
    than sleeping, so the test takes as long as the window needs."""
    app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", campaign_url,
                            "--lang", "zh"], env=display, cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        main = appear(display, TITLE)
        title = subprocess.run(["xdotool", "getwindowname", main], env=display,
                               capture_output=True, text=True, check=True).stdout.strip()
        # the system adds the program's name once, after the campaign and the database file
        assert title.startswith("2023") and title.count("招商活动规划") == 1, title
        # the trips page, then a new trip (Xvfb has no window manager: focus is given by hand)
        xdotool(display, "windowfocus", "--sync", main, "key", "ctrl+4", "ctrl+n")
        editor = appear(display, EDITOR)
        xdotool(display, "windowfocus", "--sync", editor, "key", "Escape")
        assert gone(display, EDITOR), "an untouched editor closes at once on Escape"
        # the keyboard came back to the window by itself: its shortcuts work at once.
        # Ctrl+4 puts the keyboard in the trips table, Enter opens the trip there
        focused(display, main)
        xdotool(display, "key", "ctrl+4", "Return")
        editor = appear(display, "TRIP-2023-")
        focused(display, editor)
        # code, two titles, region, then the first day: typed whole (the last day follows),
        # and Shift+Tab comes back to it from the last day
        xdotool(display, "key", "Tab", "Tab", "Tab", "Tab", "type", "2023-3-20")
        xdotool(display, "key", "Tab", "shift+Tab", "type", "3/21")
        xdotool(display, "key", "Tab", "ctrl+s")
        wait_for(lambda: trip_days(sessions) == [("2023-03-21", "2023-03-28")])
        # Ctrl+Z undoes the last field change inside the editor: the end typed is taken back
        xdotool(display, "type", "3/30")
        xdotool(display, "key", "Tab", "ctrl+z", "ctrl+s", "Escape")
        assert gone(display, "TRIP-2023-"), "saved and unchanged: Escape closes at once"
        assert trip_days(sessions) == [("2023-03-21", "2023-03-28")]
        # Delete asks; Escape keeps the trip, Shift+Tab to 删除 and Enter deletes it
        focused(display, main)
        xdotool(display, "key", "Delete")
        appear(display, "^删除推广活动")
        xdotool(display, "key", "Escape")
        assert gone(display, "^删除推广活动") and len(trip_days(sessions)) == 1
        focused(display, main)
        xdotool(display, "key", "Delete")
        appear(display, "^删除推广活动")
        xdotool(display, "key", "shift+Tab", "Return")
        wait_for(lambda: trip_days(sessions) == [])
        focused(display, main)
        xdotool(display, "key", "ctrl+z")  # the window's undo brings it back
        wait_for(lambda: len(trip_days(sessions)) == 1)
        # the search box: Ctrl+F, a code, Enter opens the record
        xdotool(display, "key", "ctrl+f", "type", "TRIP-2023")
        xdotool(display, "key", "Return")
        editor = appear(display, "TRIP-2023-")
        focused(display, editor)
        xdotool(display, "key", "Escape")
        assert gone(display, "TRIP-2023-")
        # the export's file dialog is in Chinese; Escape closes it
        focused(display, main)
        xdotool(display, "key", "ctrl+e")
        chooser = appear(display, "^导出日历")
        focused(display, chooser)  # visible a moment before the keyboard reaches it
        xdotool(display, "key", "Escape")
        assert gone(display, "^导出日历")
        # the calendar (Ctrl+2) and Ctrl+G: a day typed straight away, Enter goes
        focused(display, main)
        xdotool(display, "key", "ctrl+2", "ctrl+g")
        appear(display, "^转到日期")
        xdotool(display, "type", "11/20")
        xdotool(display, "key", "Return")
        assert gone(display, "^转到日期")
        # shortcuts still work after all those dialogs closed
        focused(display, main)
        xdotool(display, "key", "ctrl+4", "ctrl+n")
        assert appear(display, EDITOR)
    finally:
        app.terminate()
        _, errors = app.communicate(timeout=15)
    assert "Traceback" not in errors
