"""``list leads`` with --unit/--stage, ``show LEAD-…`` with its stage history."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import cli, cli_json


def test_list_leads_by_unit_and_stage(sample_url: str) -> None:
    every = cli_json("--db", sample_url, "list", "leads")
    signed = cli_json("--db", sample_url, "list", "leads", "--stage", "签约")
    assert signed and {x["stage"] for x in signed} == {"signed"}
    assert len(signed) == sum(1 for x in every if x["stage"] == "signed")
    park = cli_json("--db", sample_url, "list", "leads", "--unit", "松山湖高新区")
    assert park and {x["unit"] for x in park} == {"松山湖高新区"}
    both = cli_json("--db", sample_url, "list", "leads", "--unit", "松山湖高新区",
                    "--stage", "signed")
    assert both == [x for x in park if x["stage"] == "signed"]


def test_list_leads_rejects_unknown_units_and_misplaced_options(sample_url: str) -> None:
    for argv in (("list", "leads", "--unit", "火星镇"), ("list", "leads", "--unit", "松山湖"),
                 ("list", "trips", "--stage", "signed"), ("list", "leads", "--stage", "完工")):
        code, out, err = cli("--db", sample_url, *argv)
        assert code == 2, argv
        assert out == "" and err.count("\n") == 1 and "Traceback" not in err


def test_show_lead_prints_its_stage_history(sample_url: str) -> None:
    data = cli_json("--db", sample_url, "show", "LEAD-2023-007")
    assert data["stage"] == "funds_in"
    assert [h["stage"] for h in data["history"]] == [
        "contact", "negotiation", "signed", "construction", "funds_in"]
    assert data["history"][2]["on"] == data["signed_on"]
    code, out, _ = cli("--db", sample_url, "show", "lead-2023-007")
    assert code == 0
    assert "阶段记录" in out and "资金到位" in out and "瑞萨电子" in out


def test_list_teams_and_visits(sample_url: str) -> None:
    teams = cli_json("--db", sample_url, "list", "teams")
    assert len(teams) == 100 and teams[0]["name"] == "第1小分队"
    assert all(t["leader"] and t["members"] for t in teams)
    park = cli_json("--db", sample_url, "list", "teams", "--unit", "松山湖高新区")
    assert park and {t["unit"] for t in park} == {"松山湖高新区"}
    visits = cli_json("--db", sample_url, "list", "visits", "--team", "第7小分队")
    assert visits and {v["team"] for v in visits} == {"第7小分队"}
    planned = cli_json("--db", sample_url, "list", "visits", "--team", "第7小分队",
                       "--status", "planned")
    assert planned == [v for v in visits if v["status"] == "planned"]
    team7 = next(t for t in teams if t["name"] == "第7小分队")
    assert team7["done_visits"] == sum(1 for v in visits if v["status"] == "done")
    code, out, err = cli("--db", sample_url, "list", "visits", "--team", "第999小分队")
    assert out == ""
    assert code == 2 and "第999小分队" in err and err.count("\n") == 1


def test_show_a_team_a_leader_and_a_chain(sample_url: str) -> None:
    team = cli_json("--db", sample_url, "show", "第7小分队")
    assert team["name"] == "第7小分队" and team["visits"]
    code, out, _ = cli("--db", sample_url, "show", "第 7 小分队")
    assert code == 0 and "带队" in out and "计划" in out
    chain = cli_json("--db", sample_url, "show", "NEV")
    assert chain["kind"] == "chain" and chain["chain_leader"]
    assert chain["projects"] and all(p["industry"] == "新能源汽车" for p in chain["projects"])
    leader = cli_json("--db", sample_url, "show", chain["chain_leader"])
    assert leader["kind"] == "leader" and "新能源汽车" in leader["chains"]
    assert all(p["leader"] == chain["chain_leader"] for p in leader["projects"])


def test_every_city_leader_is_linked_to_a_key_project(sample_url: str) -> None:
    leaders = [p["name"] for p in cli_json("--db", sample_url, "list", "people")
               if p["kind"] == "city_leader"]
    linked = {x["leader"] for x in cli_json("--db", sample_url, "list", "leads")}
    assert set(leaders) <= linked


def test_export_a_teams_visits(sample_url: str, tmp_path: Path) -> None:
    target = tmp_path / "team.ics"
    code, out, err = cli("--db", sample_url, "export-ics", "--team", "第7小分队", "-o",
                         str(target))
    assert code == 0, err
    assert str(target) in out
    text = target.read_text(encoding="utf-8")
    visits = cli_json("--db", sample_url, "list", "visits", "--team", "第7小分队")
    shown = [v for v in visits if v["status"] in ("planned", "done")]
    assert text.count("BEGIN:VEVENT") == len(shown)
    assert "X-CAMPAIGN-PLANNER-KIND:hq_visit" in text and "第7小分队" in text
    leader = cli_json("--db", sample_url, "show", "第7小分队")["leader"]
    code, _, err = cli("--db", sample_url, "export-ics", "--person", leader, "-o",
                       str(tmp_path / "leader.ics"))
    assert code == 0, err
    assert (tmp_path / "leader.ics").read_text(encoding="utf-8").count(
        "X-CAMPAIGN-PLANNER-KIND:hq_visit") == len(shown)


def test_teams_have_english_names_in_english(sample_url: str, tmp_path: Path) -> None:
    teams = cli_json("--db", sample_url, "list", "teams")
    assert (teams[38]["name"], teams[38]["name_en"]) == ("第39小分队", "Team 39")
    code, out, err = cli("--db", sample_url, "--lang", "en", "list", "teams")
    assert code == 0, err
    assert "Team 39" in out and "第39小分队" not in out
    code, out, err = cli("--db", sample_url, "--lang", "en", "list", "visits", "--team", "Team 7")
    assert code == 0, err
    assert "Team 7" in out and "第7小分队" not in out
    code, out, err = cli("--db", sample_url, "--lang", "en", "show", "team 7")
    assert code == 0, err
    assert out.splitlines()[0] == "Team 7"
    target = tmp_path / "team-en.ics"
    code, _, err = cli("--db", sample_url, "export-ics", "--team", "Team 7", "--lang", "en",
                       "-o", str(target))
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    assert "(Team 7)" in text and "HQ visits of Team 7" in text and "第7小分队" not in text
