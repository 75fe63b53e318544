"""Importing people: matched by e-mail, or by name within their unit; units and organisations
found by name; languages and kinds as people write them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.enums import PersonKind
from models.language import Lang
from models.people import Person
from spreadsheets import Action, ImportPlan, apply_import, plan_import, read_table
from tests.spreadsheets.sheet_world import SheetWorld, count
from tests.spreadsheets.sheets import write_csv, write_xlsx

HEADER = ["姓名", "英文名", "职务", "单位", "电话", "邮箱", "语言"]


def plan_of(sessions: sessionmaker[Session], path: Path) -> ImportPlan:
    table = read_table(path)
    with sessions() as session:
        return plan_import(session, "people", table)


def test_people_are_created_in_units_and_organisations(sheet_db: sessionmaker[Session],
                                                        tmp_path: Path) -> None:
    rows = [HEADER,
            ["张珺", "Zhang Jun", "招商专员", "长安镇", "0769-85330000", "zhang@changan.gov.cn",
             "中文、英语"],
            ["Hans Müller", "Hans Müller", "Vice President", "Bosch", "+49 711 400", "", "German/English"],
            ["龘小明", "", "", "", "13800138000", "", ""]]
    path = write_xlsx(tmp_path / "people.xlsx", rows, title="人员")
    before = count(sheet_db, Person)
    table = read_table(path)
    with sheet_db.begin() as session:
        report = apply_import(session, plan_import(session, "people", table))
    assert len(report.created) == 3 and count(sheet_db, Person) == before + 3
    with sheet_db() as session:
        people = {p.name_zh: p for p in session.scalars(select(Person).where(Person.id.in_(report.created)))}
        zhang = people["张珺"]
        assert zhang.unit is not None and zhang.unit.name_zh == "长安镇"
        assert (zhang.kind, zhang.languages, zhang.phone) == (PersonKind.UNIT_STAFF, "zh,en",
                                                              "0769-85330000")
        hans = people["Hans Müller"]
        assert hans.organisation is not None and hans.organisation.name_zh == "博世集团"
        assert (hans.kind, hans.languages, hans.unit_id) == (PersonKind.EXTERNAL, "de,en", None)
        assert (people["龘小明"].kind, people["龘小明"].phone) == (PersonKind.DELEGATE, "13800138000")


def test_matched_by_email_even_under_a_new_name(sheet_db: sessionmaker[Session], tmp_path: Path,
                                                sw: SheetWorld) -> None:
    rows = [["姓名", "邮箱", "职务"], ["李晓敏（借调）", "LI@example.cn", "副科长"]]
    plan = plan_of(sheet_db, write_csv(tmp_path / "p.csv", rows))
    [planned] = plan.rows
    assert (planned.action, planned.record_id) == (Action.UPDATE, sw.world.staff_id)
    assert set(planned.changed) == {"name_zh", "title_zh", "email"}


def test_matched_by_name_within_the_unit(sheet_db: sessionmaker[Session], tmp_path: Path,
                                         sw: SheetWorld) -> None:
    rows = [HEADER,
            ["李晓敏", "", "科长", "松山湖高新区", "", "", ""],  # the staff member: updated
            ["李晓敏", "", "专员", "长安镇", "", "", ""],      # a namesake in another unit: new
            ["陈志强", "", "", "", "13900000000", "", "英语"]]   # no unit given: the only 陈志强
    path = write_csv(tmp_path / "p.csv", rows)
    plan = plan_of(sheet_db, path)
    assert [(r.action, r.record_id) for r in plan.rows] == [
        (Action.UPDATE, sw.world.staff_id), (Action.CREATE, None),
        (Action.UPDATE, sw.world.delegate_id)]
    table = read_table(path)
    with sheet_db.begin() as session:
        apply_import(session, plan_import(session, "people", table))
    with sheet_db() as session:  # the same sheet again changes nothing
        again = plan_import(session, "people", table)
    assert [r.action for r in again.rows] == [Action.UNCHANGED] * 3
    with sheet_db() as session:
        staff = session.get_one(Person, sw.world.staff_id)
        assert (staff.title_zh, staff.email) == ("科长", "li@example.cn")  # empty cells kept


def test_ambiguous_names_ask_for_a_unit_or_email(sheet_db: sessionmaker[Session], tmp_path: Path) -> None:
    write_csv(tmp_path / "first.csv", [["姓名", "单位"], ["张伟", "长安镇"], ["张伟", "松山湖高新区"]])
    table = read_table(tmp_path / "first.csv")
    with sheet_db.begin() as session:
        apply_import(session, plan_import(session, "people", table))
    plan = plan_of(sheet_db, write_csv(tmp_path / "p.csv", [["姓名", "电话"], ["张伟", "123"]]))
    [error] = plan.errors
    assert error.text(Lang.ZH) == "第 2 行“姓名”：名录中有多位“张伟”，请填写单位或邮箱以区分"


def test_unknown_units_languages_and_bad_emails(sheet_db: sessionmaker[Session], tmp_path: Path) -> None:
    rows = [HEADER,
            ["王五", "", "", "火星办事处", "", "", ""],
            ["赵六", "", "", "", "", "zhao@", "克林贡语"]]
    plan = plan_of(sheet_db, write_csv(tmp_path / "p.csv", rows))
    assert [e.text(Lang.ZH) for e in plan.errors] == [
        "第 2 行“单位”：“火星办事处”既不是责任单位，也不是名录中的机构（请先导入机构）",
        "第 3 行“语言”：无法识别的语言“克林贡语”（例如 中文、英语、日语，或 zh、en、ja）",
        "第 3 行“邮箱”：电子邮箱格式不正确：zhao@",  # every problem of the row at once
    ]
    rows = [HEADER, ["赵六", "", "", "", "", "zhao@", ""]]
    plan = plan_of(sheet_db, write_csv(tmp_path / "p.csv", rows))
    assert [e.text(Lang.ZH) for e in plan.errors] == ["第 2 行“邮箱”：电子邮箱格式不正确：zhao@"]


def test_the_same_person_twice(sheet_db: sessionmaker[Session], tmp_path: Path) -> None:
    rows = [HEADER, ["周七", "", "", "长安镇", "", "", ""], ["周七", "", "副镇长", "长安镇", "", "", ""]]
    plan = plan_of(sheet_db, write_csv(tmp_path / "p.csv", rows))
    assert [e.text(Lang.ZH) for e in plan.errors] == ["第 3 行：“周七”与第 2 行重复"]
