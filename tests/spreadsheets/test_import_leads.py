"""Importing leads: amounts in 元, 万元 and 亿元, stages, dates, units, source trips; codes and
titles find the leads of an earlier import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.enums import LeadStage
from models.language import Lang
from models.leads import Lead
from spreadsheets import Action, ImportPlan, apply_import, plan_import, read_table
from tests.spreadsheets.sheet_world import SheetWorld, count
from tests.spreadsheets.sheets import write_csv, write_xlsx

HEADER = ["项目名称", "机构", "金额", "阶段", "产业", "责任单位", "来源", "首次接洽", "签约日期"]


def plan_of(sessions: sessionmaker[Session], path: Path) -> ImportPlan:
    table = read_table(path)
    with sessions() as session:
        return plan_import(session, "leads", table)


def imported(sessions: sessionmaker[Session], path: Path) -> tuple[int, ...]:
    table = read_table(path)
    with sessions.begin() as session:
        return apply_import(session, plan_import(session, "leads", table)).created


def leads(session: Session, ids: tuple[int, ...]) -> list[Lead]:
    return list(session.scalars(select(Lead).where(Lead.id.in_(ids)).order_by(Lead.id)))


def test_amounts_in_yuan_wan_and_yi(sheet_db: sessionmaker[Session], tmp_path: Path,
                                    sw: SheetWorld) -> None:
    rows = [HEADER,
            ["博世储能电池工厂", "博世集团", "6亿", "洽谈", "新型储能", "松山湖高新区", sw.trip_code,
             "2023/3/24", ""],
            ["博世半导体封测", "Bosch", "60,000万元", "已签约", "SEMI", "长安镇", "", "2023-01-05",
             "2023年6月18日"],
            ["博世研发中心", "博世集团", "6000000000", "contact", "", "", "", "", ""]]
    ids = imported(sheet_db, write_csv(tmp_path / "leads.csv", rows))
    with sheet_db() as session:
        assert [(lead.title_zh, lead.amount_cny) for lead in leads(session, ids)] == [
            ("博世储能电池工厂", 600_000_000), ("博世半导体封测", 600_000_000),
            ("博世研发中心", 6_000_000_000)]
        check_details(leads(session, ids), sw)


def check_details(found: list[Lead], sw: SheetWorld) -> None:
    battery, chips, lab = found
    assert battery.code.startswith("LEAD-2023-")
    assert battery.source_trip is not None and battery.source_trip.code == sw.trip_code
    assert (battery.stage, battery.first_contact_on) == (LeadStage.NEGOTIATION, date(2023, 3, 24))
    assert battery.unit is not None and battery.unit.name_zh == "松山湖高新区"
    assert (chips.stage, chips.signed_on) == (LeadStage.SIGNED, date(2023, 6, 18))
    assert chips.industry is not None and chips.industry.code == "SEMI"
    assert (lab.stage, lab.industry_id, lab.unit_id) == (LeadStage.CONTACT, None, None)


def test_a_header_in_wan_yuan_from_xlsx(sheet_db: sessionmaker[Session], tmp_path: Path) -> None:
    rows: list[list[object]] = [["项目名称", "机构", "计划总投资（万元）", "到位资金（亿元）"],
                                ["博世氢能项目", "博世集团", 60000, 1.5],
                                ["博世龘项目", "博世集团", "8亿", ""]]
    ids = imported(sheet_db, write_xlsx(tmp_path / "leads.xlsx", rows))
    with sheet_db() as session:
        found = [(lead.title_zh, lead.amount_cny, lead.funds_in_cny) for lead in leads(session, ids)]
    assert found == [
        ("博世氢能项目", 600_000_000, 150_000_000), ("博世龘项目", 800_000_000, 0)]


def test_reimport_by_title_and_by_code(sheet_db: sessionmaker[Session], tmp_path: Path) -> None:
    path = write_csv(tmp_path / "leads.csv",
                     [["项目名称", "机构", "金额"], ["博世储能电池工厂", "博世集团", "6亿"]])
    [lead_id] = imported(sheet_db, path)
    with sheet_db() as session:
        [lead] = leads(session, (lead_id,))
    before = count(sheet_db, Lead)
    # 洽谈, not 签约: a signed project needs its signing date (models.operations.leads)
    write_csv(path, [["项目名称", "机构", "金额", "阶段"], ["博世储能电池工厂", "博世集团", "8亿", "洽谈"]])
    plan = plan_of(sheet_db, path)
    [planned] = plan.rows
    assert (planned.action, planned.record_id, planned.changed) == (Action.UPDATE, lead.id,
                                                                     ("amount_cny", "stage"))
    write_csv(path, [["编号", "项目名称", "机构"],
                     [lead.code.lower(), "博世储能电池工厂（一期）", "博世集团"]])
    plan = plan_of(sheet_db, path)
    [planned] = plan.rows
    assert (planned.action, planned.record_id, planned.changed) == (Action.UPDATE, lead.id, ("title_zh",))
    table = read_table(path)
    with sheet_db.begin() as session:
        apply_import(session, plan_import(session, "leads", table))
    assert count(sheet_db, Lead) == before
    with sheet_db() as session:
        assert session.get_one(Lead, lead.id).title_zh == "博世储能电池工厂（一期）"


@pytest.mark.parametrize(("row", "message"), [
    (["电池工厂", "不存在的公司", "1亿"], "第 2 行“机构”：名录中没有名为“不存在的公司”的机构"),
    (["电池工厂", "博世集团", "六个亿"], "第 2 行“金额”：无法识别的金额“六个亿”"),
    (["电池工厂", "博世集团", "-1亿"], "第 2 行“金额”：投资金额不能为负数"),
    (["", "博世集团", "1亿"], "第 2 行“项目名称”：项目名称不能为空"),
])
def test_bad_lead_rows(sheet_db: sessionmaker[Session], tmp_path: Path, row: list[str],
                       message: str) -> None:
    plan = plan_of(sheet_db, write_csv(tmp_path / "l.csv", [["项目名称", "机构", "金额"], row]))
    assert plan.errors[0].text(Lang.ZH).startswith(message)


def test_dates_in_the_wrong_order_and_unknown_sources(sheet_db: sessionmaker[Session],
                                                      tmp_path: Path) -> None:
    rows = [HEADER,
            ["甲项目", "博世集团", "1亿", "签约", "", "", "", "2023-05-01", "2023-04-01"],
            ["乙项目", "博世集团", "1亿", "", "", "", "TRIP-2023-999", "", ""],
            ["丙项目", "博世集团", "1亿", "", "储", "", "", "", ""]]
    before = count(sheet_db, Lead)
    plan = plan_of(sheet_db, write_csv(tmp_path / "l.csv", rows))
    assert [e.text(Lang.ZH) for e in plan.errors] == [
        "第 2 行“签约日期”：签约日期不能早于首次接洽日期",
        "第 3 行“来源”：没有编号为“TRIP-2023-999”的推广活动或专题活动（例如 TRIP-2023-007、EVT-2023-012）",
        "第 4 行“产业”：没有名为“储”的产业"
        "（可选：新能源汽车、智能移动终端、半导体及集成电路、新型储能、预制菜）",
    ]
    assert count(sheet_db, Lead) == before
