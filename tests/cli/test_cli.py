"""The command line: output, JSON shape and exit codes (0 ok, 2 bad input, 1 anything else)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from cli.app import run
from cli.context import Context

ROOT = Path(__file__).resolve().parents[2]


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), ctx=Context(db_url=None, out=out, err=err))
    return code, out.getvalue(), err.getvalue()


def cli_json(*argv: str) -> Any:
    code, out, err = cli(*argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_init_creates_a_database_and_sample_loads_once(db_url: str) -> None:
    code, out, _ = cli("--db", db_url, "init")
    assert code == 0 and "campaign.db" in out
    code, out, err = cli("--db", db_url, "init", "--sample")
    assert code == 0, err
    assert "trips" in out
    code, _, err = cli("--db", db_url, "init", "--sample")
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    code, out, err = cli("--db", db_url, "init", "--sample", "--if-empty")
    assert code == 0, err


def test_init_year_creates_an_empty_campaign(db_url: str) -> None:
    code, _, err = cli("--db", db_url, "init", "--year", "2024")
    assert code == 0, err
    assert cli_json("--db", db_url, "list", "trips") == []
    code, out, _ = cli("--db", db_url, "list", "trips", "--region", "EUUS")
    assert code == 0 and "无记录" in out


def test_list_trips_json(sample_url: str) -> None:
    trips = cli_json("--db", sample_url, "list", "trips")
    assert len(trips) >= 32
    for key in ("code", "title", "region", "start", "end", "status"):
        assert all(key in t for t in trips), key
    assert {t["region"] for t in trips} >= {"HKMO", "JPKR", "EUUS", "JJJ", "YRD"}
    assert trips == sorted(trips, key=lambda t: (t["start"], t["code"]))


def test_list_filters_by_region_and_status(sample_url: str) -> None:
    by_code = cli_json("--db", sample_url, "list", "trips", "--region", "EUUS")
    by_name = cli_json("--db", sample_url, "list", "trips", "--region", "欧美")
    assert by_code == by_name and by_code and all(t["region"] == "EUUS" for t in by_code)
    done = cli_json("--db", sample_url, "list", "trips", "--status", "done")
    assert done and all(t["status"] == "done" for t in done)
    events = cli_json("--db", sample_url, "list", "events", "--status", "已完成")
    assert events and all(e["status"] == "done" for e in events)


@pytest.mark.parametrize("what,key,label", [("events", "code", "title"), ("people", "id", "name"),
                                            ("organisations", "id", "name"),
                                            ("leads", "code", "title")])
def test_list_other_records(sample_url: str, what: str, key: str, label: str) -> None:
    rows = cli_json("--db", sample_url, "list", what)
    assert rows and all(r[key] for r in rows)
    assert all(r[label] for r in rows)


def test_list_text_table_lines_up_chinese(sample_url: str) -> None:
    code, out, _ = cli("--db", sample_url, "list", "trips")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("编号 code") and set(lines[1]) <= {"-", " "}
    assert "TRIP-2023-001" in out


def test_show_trip_text_and_json(sample_url: str) -> None:
    trips = cli_json("--db", sample_url, "list", "trips", "--region", "EUUS")
    code = trips[0]["code"]
    status, out, err = cli("--db", sample_url, "show", code.lower())
    assert status == 0, err
    assert code in out and "北京时间" in out
    data = cli_json("--db", sample_url, "show", code)
    assert data["code"] == code and data["itinerary"] and data["delegation"]
    for item in data["itinerary"]:
        local = datetime.fromisoformat(item["start"])
        beijing = datetime.fromisoformat(item["start_beijing"])
        assert local == beijing, item  # one moment, on two clocks
        assert local.utcoffset() == local.astimezone(ZoneInfo(item["timezone"])).utcoffset(), item
        assert beijing.utcoffset() == timedelta(hours=8), item
    assert any(i["start"] != i["start_beijing"] for i in data["itinerary"])  # Europe's clocks


def test_show_event_json(sample_url: str) -> None:
    events = cli_json("--db", sample_url, "list", "events")
    conference = next(e for e in events if e["type"] == "global_conference")
    data = cli_json("--db", sample_url, "show", conference["code"])
    assert data["agenda"] and data["invitations"]
    assert data["title"] == conference["title"]
    assert data["vip_seats"][0]["person"] == data["lead_person"]
    assert (data["vip_seats"][0]["table"], data["vip_seats"][0]["seat"]) == ("1", "1")
    assert {p["post"] for p in data["staff_posts"]} >= {"签到接待", "贵宾接待", "会场统筹"}
    assert all(d["unit"] and d["duty"] and d["contact"] for d in data["unit_duties"])


def test_show_event_lists_its_run_of_show(sample_url: str) -> None:
    code, out, err = cli("--db", sample_url, "show", "EVT-2023-001")
    assert code == 0, err
    posts = out[out.index("工作岗位 staff posts (7):"):out.index("贵宾座次")]
    assert "08:00–12:00  会场统筹  @ 东莞会展国际大酒店  郭晓东" in posts
    assert posts.index("会场统筹") < posts.index("签到接待") < posts.index("项目对接")
    assert "第 1 桌 1 号 table 1 seat 1  卢嘉欣  市委书记" in out
    assert "塘厦镇: 项目对接与现场参观路线  联系人 contact: 叶丽娟" in out


def test_check_reports_conflicts_with_explanations(sample_url: str) -> None:
    code, out, _ = cli("--db", sample_url, "check", "--json")
    found = json.loads(out)
    assert isinstance(found, list)
    assert all(c["message"] and c["codes"] for c in found)
    code, out, _ = cli("--db", sample_url, "check")
    assert code == 3 and out.strip()  # the sample has open errors (issue 14: exit 3)


@pytest.mark.parametrize("argv", [
    ("list",),
    ("list", "flights"),
    ("list", "trips", "--status", "sleeping"),
    ("list", "people", "--region", "EUUS"),
    ("list", "trips", "--region", "火星"),
    ("show", "TRIP-2023-999"),
    ("frobnicate",),
    ("init", "--year", "soon"),
])
def test_bad_input_exits_2_with_one_line(sample_url: str, argv: tuple[str, ...]) -> None:
    code, _, err = cli("--db", sample_url, *argv)
    assert code == 2
    assert err.strip() and "\n" not in err.strip() and "Traceback" not in err


def test_database_trouble_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "a folder"
    folder.mkdir()
    code, _, err = cli("--db", f"sqlite:///{folder}", "list", "trips")
    assert code == 1 and "Traceback" not in err and err.strip()


def test_main_py_end_to_end_keeps_chinese_in_a_pipe(sample_url: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "gbk"}  # a Chinese Windows console code page
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", sample_url, "list", "trips", "--json"],
        capture_output=True, env=env, check=False, timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    trips = json.loads(done.stdout.decode("utf-8"))
    assert trips == cli_json("--db", sample_url, "list", "trips")  # as printed in-process
    titles = {t["code"]: t["title"] for t in trips}
    assert titles["TRIP-2023-001"] == "赴香港开展“有空间、进莞来”招商推介活动"
    bad = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", sample_url, "show", "NOPE"],
        capture_output=True, check=False, timeout=120,
    )
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr


def test_environment_variable_chooses_the_database(
    sample_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAMPAIGN_PLANNER_DB", sample_url)
    code, out, _ = cli("list", "trips", "--json")
    assert code == 0 and json.loads(out)


@pytest.mark.parametrize("argv", [
    ("export-ics", "--all", "-o", "{tmp}/no such folder/x.ics"),
    ("export-ics", "--all", "-o", "{tmp}"),
    ("import-ics", "{tmp}/missing.ics", "--as-events"),
    ("import-ics", "{tmp}", "--as-events"),
    ("brief", "--campaign", "-o", "{tmp}/report.txt"),
])
def test_mistyped_paths_are_bad_input(sample_url: str, tmp_path: Path,
                                      argv: tuple[str, ...]) -> None:
    code, _, err = cli("--db", sample_url, *(a.format(tmp=tmp_path) for a in argv))
    assert code == 2, err
    assert err.strip() and "\n" not in err.strip() and ".tmp" not in err
    assert list(tmp_path.glob("*.ics")) == []


def test_malformed_database_url_is_bad_input() -> None:
    code, _, err = cli("--db", "bogus://x", "list", "trips")
    assert code == 2 and "bogus://x" in err


@pytest.mark.parametrize("verb", [["list", "trips"], ["show", "TRIP-2023-007"], ["check"],
                                  ["export-ics", "--all"], ["history", "TRIP-2023-007"],
                                  ["dump", "out.json"]])
def test_only_init_creates_a_database(tmp_path: Path, verb: list[str]) -> None:
    missing = tmp_path / "typo" / "x.db"
    code, out, err = cli("--db", f"sqlite:///{missing}", *verb)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(missing) in err and "init" in err
    assert not missing.parent.exists()
    code, _, err = cli("--db", str(missing), "init")
    assert code == 0, err
    assert missing.is_file()
    code, out, err = cli("--db", str(missing), "list", "trips")
    assert code == 0 and "无记录" in out


def test_show_event_in_english_prints_the_posts_in_english(sample_url: str) -> None:
    code, out, err = cli("--db", sample_url, "--lang", "en", "show", "EVT-2023-001")
    assert code == 0, err
    posts = out[out.index("工作岗位 staff posts (7):"):out.index("贵宾座次")]
    assert "Registration desk  @ Registration desk, ground-floor lobby  Liu Biyun" in posts
    assert "签到接待" not in posts
