"""``list leads`` with --unit/--stage, ``show LEAD-…`` with its stage history."""

from __future__ import annotations

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
