"""A calendar written to a file as it is rendered: the same bytes as ``render``, and nothing
half-written when the export fails part of the way (the old file stays, no temporary file)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

import calendars.build
from calendars import ExportScope, collect, render, render_parts, write_calendar
from calendars.collect import CalendarData
from models.errors import ValidationError
from models.language import Lang
from tests.calendars.calendar_world import CalendarWorld, make_calendar_world
from tests.calendars.test_ics_cmd import cli


@pytest.fixture
def everything(sample_sessions: sessionmaker[Session]) -> CalendarData:
    with sample_sessions() as s:
        return collect(s, ExportScope(all_=True))


@pytest.mark.parametrize(("lang", "alarms"), [(Lang.ZH, None), (Lang.EN, 30)])
def test_the_file_holds_the_rendered_bytes(everything: CalendarData, out: Path,
                                           lang: Lang, alarms: int | None) -> None:
    target = write_calendar(out / "all.ics", everything, lang, alarms_minutes=alarms)
    expected = render(everything, lang, alarms_minutes=alarms)
    assert target.read_bytes() == expected
    pieces = list(render_parts(everything, lang, alarms_minutes=alarms))
    assert len(pieces) > everything.entry_count // 100  # written a batch at a time
    assert b"".join(pieces) == expected


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the calendar (the test's database is in ``tmp_path``)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "all.ics")


def test_an_error_part_of_the_way_leaves_the_old_file(everything: CalendarData,
                                                      out: Path) -> None:
    target = out / "all.ics"
    target.write_bytes(b"old calendar")
    seen: list[int] = []

    def cancel_half_way(done: int, total: int) -> None:
        seen.append(done)
        if done > total // 2:
            raise KeyboardInterrupt  # as the window's cancel button or Ctrl+C

    with pytest.raises(KeyboardInterrupt):
        write_calendar(target, everything, progress=cancel_half_way)
    assert seen and seen[-1] < everything.entry_count
    assert target.read_bytes() == b"old calendar"
    assert _leftovers(out) == []


def test_nothing_to_export_opens_no_file(out: Path) -> None:
    empty = CalendarData(name_zh="空", name_en="Empty", trips=(), events=())
    with pytest.raises(ValidationError):
        write_calendar(out / "all.ics", empty)
    with pytest.raises(ValidationError):
        render_parts(empty)  # checked before the first piece is asked for
    assert list(out.iterdir()) == []


def test_a_disk_filling_up_during_export_ics_leaves_the_old_file(
        db_url: str, sessions: sessionmaker[Session], out: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with sessions.begin() as s:
        make_calendar_world(s)
    target = out / "all.ics"
    target.write_bytes(b"old calendar")
    real = calendars.build.item_component
    built: list[int] = []

    def fills_the_disk(*args: object, **kwargs: object) -> object:
        built.append(1)
        if len(built) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(calendars.build, "item_component", fills_the_disk)
    code, _, err, _ = cli(db_url, "export-ics", "--all", "-o", str(target))
    assert code == 1 and "No space left" in err
    assert target.read_bytes() == b"old calendar"
    assert _leftovers(out) == []


def test_export_to_stdout_is_the_file_s_bytes(db_url: str, sessions: sessionmaker[Session],
                                              out: Path) -> None:
    with sessions.begin() as s:
        world: CalendarWorld = make_calendar_world(s)
    code, _, err, raw = cli(db_url, "export-ics", "--trip", world.trip_code)
    assert code == 0, err
    code, _, err, _ = cli(db_url, "export-ics", "--trip", world.trip_code, "-o",
                          str(out / "all.ics"))
    assert code == 0, err
    assert raw == (out / "all.ics").read_bytes()


def test_an_error_half_way_writes_nothing_to_stdout(db_url: str, sessions: sessionmaker[Session],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """``export-ics > file``: a calendar that fails while rendering leaves no half of it."""
    with sessions.begin() as s:
        make_calendar_world(s)
    real = calendars.build.item_component
    built: list[int] = []

    def breaks(*args: object, **kwargs: object) -> object:
        built.append(1)
        if len(built) == 3:
            raise RuntimeError("broken entry")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(calendars.build, "item_component", breaks)
    code, _, err, raw = cli(db_url, "export-ics", "--all")
    assert code == 1 and "broken entry" in err
    assert len(built) == 3 and raw == b""
