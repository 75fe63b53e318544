"""``screenshots DIR``: one PNG per main view and per editor, through the command line."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from cli.app import run
from cli.context import Context
from cli.screenshots_cmd import ScreenshotsCommand
from desktop.screenshots import take_screenshots
from tests.desktop.conftest import Small


def test_screenshots_of_every_view_and_editor(small: Small, db_url: str, tmp_path: Path,
                                              qtbot: QtBot) -> None:
    out, err = io.StringIO(), io.StringIO()
    folder = tmp_path / "shots"
    code = run(["--db", db_url, "screenshots", str(folder), "--lang", "en"],
               extra=[ScreenshotsCommand(take_screenshots)],
               ctx=Context(db_url=db_url, out=out, err=err))
    assert code == 0, err.getvalue()
    names = sorted(p.name for p in folder.glob("*.png"))
    for view in ("dashboard", "calendar", "timeline", "trips", "events", "organisations",
                 "people", "units", "trip-editor-1", "itinerary-item", "event-editor-1",
                 "organisation-editor", "person-editor", "settings", "brief-preview"):
        assert any(f"-{view}-en.png" in n for n in names), view
    image = QImage(str(folder / names[0]))
    assert image.width() >= 1000 and image.height() >= 600
    assert str(folder) in out.getvalue()


def test_a_folder_that_cannot_be_made_is_a_usage_error(small: Small, db_url: str,
                                                       tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    err = io.StringIO()
    code = run(["--db", db_url, "screenshots", str(blocker / "shots")],
               extra=[ScreenshotsCommand(take_screenshots)],
               ctx=Context(db_url=db_url, out=io.StringIO(), err=err))
    assert code == 2 and "shots" in err.getvalue()
