"""The work a calendar export and a dump cannot skip, each as a process of its own: the floors
``bench.verbs`` pairs ``export-ics --all`` and ``dump`` with, beside their import floors (as
``bench.pdf_floor`` is a brief's: the issue's first table paired the brief with "ReportLab
building a 10-page CJK brief" and a sheet's import with "reading the file").

    python -m bench.work_floors ics EVENTS     # icalendar alone: EVENTS events of Chinese text
    python -m bench.work_floors dump URL       # every row of every table, as JSON lines

Neither imports anything of the program: ``ics`` imports SQLAlchemy's ORM (what the verb needs
besides icalendar) and builds plain events; ``dump`` reads the tables the database holds with
plain SQL through SQLAlchemy and writes each row with ``json.dumps``.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from io import StringIO


def ics_floor(events: int) -> bytes:
    """``events`` events in several zones, with Chinese summaries, places and descriptions,
    serialised by icalendar with their time zones."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    zones = [ZoneInfo(name) for name in ("Asia/Shanghai", "Asia/Tokyo", "Europe/Berlin",
                                         "America/Los_Angeles")]
    stamp = datetime(2023, 12, 31, 8, 0, tzinfo=UTC)
    cal = Calendar.new(prodid="-//bench//EN", uid="bench@campaign-planner")
    for n in range(events):
        zone = zones[n % len(zones)]
        start = datetime(2023, 1, 1, 9, 0, tzinfo=zone) + timedelta(hours=5 * n)
        cal.add_component(Event.new(
            uid=f"bench-{n}@campaign-planner", stamp=stamp, last_modified=stamp, sequence=0,
            start=start, end=start + timedelta(hours=2), summary=f"拜访企业总部 第{n}场 会见总经理",
            location="香港推介会场（港岛香格里拉酒店）",
            description="围绕新能源汽车、智能移动终端产业链精准招商，宣介东莞投资环境。",
            categories=["港澳", "新能源汽车"]))
    cal.add_missing_timezones()
    return cal.to_ical()


def dump_floor(url: str) -> str:
    """Every row of every table of the database at ``url``, one JSON line each."""
    import json

    from sqlalchemy import create_engine, inspect

    engine = create_engine(url)
    out = StringIO()
    with engine.connect() as conn:
        for name in inspect(conn).get_table_names():
            quoted = conn.dialect.identifier_preparer.quote(name)
            for row in conn.exec_driver_sql(f"SELECT * FROM {quoted}"):
                out.write(json.dumps(list(row), ensure_ascii=False, default=str))
                out.write("\n")
    engine.dispose()
    return out.getvalue()


def main(argv: list[str]) -> int:
    """``ics EVENTS [MODULE …]`` (MODULE: ``psycopg`` on PostgreSQL) or ``dump URL``."""
    import importlib

    import sqlalchemy.orm  # noqa: F401  (what both verbs import besides)

    what, arg = argv[0], argv[1]
    if what == "ics":
        for module in argv[2:]:
            importlib.import_module(module)
        ics_floor(int(arg))
    elif what == "dump":
        dump_floor(arg)
    else:
        raise SystemExit(f"ics EVENTS | dump URL, not {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
