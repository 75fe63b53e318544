"""The window on a real X server (Xvfb), driven by keyboard with xdotool as a person would:
focus and shortcuts behave otherwise there than offscreen. Skipped without Xvfb and xdotool
(``.ci/run`` installs both: packaging/debian-test.txt)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.factories import make_world

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


@pytest.fixture
def campaign_url(sessions: sessionmaker[Session], db_url: str) -> str:
    """A small campaign (``2023 招商年``) on SQLite: the window opens on it sooner than on the
    whole sample, and the keys behave the same."""
    with sessions.begin() as session:
        make_world(session)
    return db_url


def test_keyboard_on_a_real_display(display: dict[str, str], campaign_url: str) -> None:
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
        # shortcuts still work after the dialog closed
        xdotool(display, "windowfocus", "--sync", main, "key", "ctrl+n")
        assert appear(display, EDITOR)
    finally:
        app.terminate()
        _, errors = app.communicate(timeout=15)
    assert "Traceback" not in errors
