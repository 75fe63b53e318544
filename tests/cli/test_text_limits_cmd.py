"""An import with one over-long title is refused whole: exit 2, one line, nothing written."""

from __future__ import annotations

import io
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from cli.app import run
from cli.context import Context
from models.organisations import Organisation
from models.trips import ItineraryItem
from tests.calendars.calendar_world import make_calendar_world
from tests.calendars.partner_calendars import PARTNER
from tests.spreadsheets.sheets import write_csv


def cli(db_url: str, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--db", db_url, *argv], ctx=Context(db_url=None, out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_an_ics_with_an_over_long_title_is_refused_whole(db_url: str, tmp_path: Path,
                                                          sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        trip_code = make_calendar_world(s).trip_code
    before = count(sessions, ItineraryItem)
    source = tmp_path / "partner.ics"
    source.write_bytes(PARTNER.replace(b"SUMMARY:Hannover Messe",
                                       ("SUMMARY:" + "汉" * 300).encode()))
    code, out, err = cli(db_url, "import-ics", str(source), "--trip", trip_code)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "过长" in err and "300" in err and "Traceback" not in err
    assert count(sessions, ItineraryItem) == before


def test_a_sheet_with_an_over_long_name_is_refused_whole(db_url: str, tmp_path: Path,
                                                          sessions: sessionmaker[Session]) -> None:
    cli(db_url, "init", "--year", "2024")
    path = write_csv(tmp_path / "orgs.csv", [["机构名称", "英文名称"], ["大疆创新", "DJI"],
                                             ["公" * 201, "Too long"]])
    code, out, err = cli(db_url, "import-sheet", "organisations", str(path))
    assert code == 2 and "新建" not in out
    assert err.startswith("导入被拒绝，未写入任何数据") and "第 3 行" in err and "201" in err
    assert count(sessions, Organisation) == 0
