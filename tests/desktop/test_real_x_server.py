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

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")),
                                reason="needs Xvfb and xdotool")


def wait_for(check: Callable[[], bool], seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
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


def windows(env: dict[str, str]) -> dict[str, str]:
    """The visible top-level windows: id → name."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "."], env=env,
                           capture_output=True, text=True).stdout.split()
    names = {}
    for ident in found:
        name = subprocess.run(["xdotool", "getwindowname", ident], env=env,
                              capture_output=True, text=True).stdout.strip()
        if name:
            names[ident] = name
    return names


def focus_window(env: dict[str, str], prefix: str) -> None:
    """Give the keyboard to the window whose name starts with ``prefix`` (Xvfb has no window
    manager to do it)."""
    ident = next(i for i, n in windows(env).items() if n.startswith(prefix))
    subprocess.run(["xdotool", "windowfocus", "--sync", ident], env=env, check=True)


def key(env: dict[str, str], *keys: str) -> None:
    subprocess.run(["xdotool", "key", *keys], env=env, check=True)


def test_keyboard_on_a_real_display(display: dict[str, str], sample_url: str) -> None:
    app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", sample_url,
                            "--lang", "zh"], env=display, cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert wait_for(lambda: any("招商年" in n for n in windows(display).values())), (
            "the window did not appear")
        ident, title = next((i, n) for i, n in windows(display).items() if "招商年" in n)
        # the system adds the program's name once, after the campaign and the database file
        assert title.startswith("2023") and title.count("招商活动规划") == 1, title
        subprocess.run(["xdotool", "windowfocus", "--sync", ident], env=display, check=True)
        key(display, "ctrl+4")  # the trips page
        key(display, "ctrl+n")  # a new trip
        assert wait_for(lambda: any(n.startswith("新建推广活动") for n in
                                    windows(display).values())), windows(display)
        focus_window(display, "新建推广活动")
        key(display, "Escape")  # an untouched editor closes at once
        assert wait_for(lambda: not any(n.startswith("新建推广活动") for n in
                                        windows(display).values())), windows(display)
        subprocess.run(["xdotool", "windowfocus", "--sync", ident], env=display, check=True)
        key(display, "ctrl+n")  # shortcuts still work after the dialog closed
        assert wait_for(lambda: any(n.startswith("新建推广活动") for n in
                                    windows(display).values())), windows(display)
    finally:
        app.terminate()
        _, errors = app.communicate(timeout=15)
    assert "Traceback" not in errors
