"""Importing organisations: GB18030 CSV and .xlsx with rare characters, updates instead of
duplicates, and all or nothing when a row is bad."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.language import Lang
from models.operations.directory import organisation_draft, update_organisation
from models.organisations import Organisation
from models.queries import list_organisations
from spreadsheets import Action, ImportRefusedError, apply_import, plan_import, read_table
from tests.spreadsheets.sheet_world import SheetWorld, count
from tests.spreadsheets.sheets import RARE_NAMES, write_csv, write_garbled_csv, write_xlsx

HEADER: list[object] = ["序号", "机构名称", "英文名称", "类型", "产业", "世界500强排名", "中国500强排名",
                        "总部城市", "国家/地区", "网址", "备注"]
GOOD = [
    [1, RARE_NAMES[0], "Yoshinoya Dongguan", "企业", "预制菜", "", "", "东莞", "中国", "", "𠮷 不是 吉"],
    [2, RARE_NAMES[1], "Dada Tech", "企业", "半导体", "第 321 位", "12", "深圳", "CN", "", ""],
    [3, RARE_NAMES[2], "Wang Jun Equipment", "行业协会", "STORAGE", "", "", "苏州", "中国", "", ""],
    [4, "日本贸易振兴机构", "JETRO", "驻华机构", "", "", "", "東京", "日本", "https://www.jetro.go.jp", ""],
]


def sheet(*rows: list[object]) -> list[list[object]]:
    return [HEADER, *rows]


def import_file(sessions: sessionmaker[Session], path: Path, kind: str = "organisations") -> None:
    table = read_table(path)
    with sessions.begin() as session:
        apply_import(session, plan_import(session, kind, table))


def by_name(sessions: sessionmaker[Session]) -> dict[str, object]:
    with sessions() as session:
        return {o.name_zh: o for o in list_organisations(session)}


@pytest.mark.parametrize("fmt", ["gb18030", "utf-8-sig", "xlsx"])
def test_rare_characters_survive_import_unchanged(sheet_db: sessionmaker[Session], tmp_path: Path,
                                                  fmt: str) -> None:
    path = (write_xlsx(tmp_path / "orgs.xlsx", sheet(*GOOD)) if fmt == "xlsx"
            else write_csv(tmp_path / "orgs.csv", sheet(*GOOD), fmt))
    before = count(sheet_db, Organisation)
    import_file(sheet_db, path)
    assert count(sheet_db, Organisation) == before + 4
    with sheet_db() as session:
        stored = session.scalars(select(Organisation).where(Organisation.name_zh.in_(RARE_NAMES))).all()
        assert sorted(o.name_zh for o in stored) == sorted(RARE_NAMES)
        yoshinoya = next(o for o in stored if o.name_zh == RARE_NAMES[0])
        assert yoshinoya.notes == "𠮷 不是 吉"
        assert yoshinoya.industry is not None and yoshinoya.industry.code == "FOOD"
        assert yoshinoya.hq_country == "CN"
        dada = next(o for o in stored if o.name_zh == RARE_NAMES[1])
        assert (dada.fortune_global_500_rank, dada.china_top_500_rank) == (321, 12)
        assert dada.industry is not None and dada.industry.code == "SEMI"  # "半导体" finds it
        wang = next(o for o in stored if o.name_zh == RARE_NAMES[2])
        assert wang.kind.value == "industry_body"
        jetro = session.scalars(select(Organisation).where(Organisation.name_en == "JETRO")).one()
        assert (jetro.kind.value, jetro.hq_country, jetro.hq_city) == ("foreign_mission", "JP", "東京")


def test_a_second_import_updates_instead_of_duplicating(sheet_db: sessionmaker[Session],
                                                        tmp_path: Path) -> None:
    path = write_csv(tmp_path / "orgs.csv", sheet(*GOOD))
    import_file(sheet_db, path)
    total = count(sheet_db, Organisation)
    table = read_table(path)
    with sheet_db() as session:
        again = plan_import(session, "organisations", table)
    assert (len(again.creates), len(again.updates), len(again.unchanged)) == (0, 0, 4)

    changed = [list(row) for row in GOOD]
    changed[1][10] = "已签约"
    changed[3][5] = "未上榜"
    write_csv(path, sheet(*changed))
    table = read_table(path)
    with sheet_db.begin() as session:
        plan = plan_import(session, "organisations", table)
        assert [(r.row, r.action, r.changed) for r in plan.rows if r.action is Action.UPDATE] == \
            [(3, Action.UPDATE, ("notes",))]
        report = apply_import(session, plan)
    assert (len(report.created), len(report.updated), report.unchanged) == (0, 1, 3)
    assert count(sheet_db, Organisation) == total
    assert by_name(sheet_db)[RARE_NAMES[1]].notes == "已签约"  # type: ignore[attr-defined]


def test_an_existing_organisation_is_updated_and_empty_cells_keep_its_values(
        sheet_db: sessionmaker[Session], tmp_path: Path, sw: SheetWorld) -> None:
    path = write_csv(tmp_path / "bosch.csv", [["机构名称", "世界500强排名", "备注", "网址"],
                                              ["博世集团", "", "2023 年已拜访", "https://bosch.com"]])
    import_file(sheet_db, path)
    with sheet_db() as session:
        bosch = session.get_one(Organisation, sw.world.org_id)
        assert (bosch.name_en, bosch.fortune_global_500_rank, bosch.hq_country) == ("Bosch", 95, "DE")
        assert (bosch.notes, bosch.website, bosch.revision) == ("2023 年已拜访", "https://bosch.com", 2)


def test_one_bad_row_among_good_ones_writes_nothing(sheet_db: sessionmaker[Session],
                                                    tmp_path: Path) -> None:
    rows = sheet(*GOOD[:2],
                 [5, "", "No Chinese name", "", "", "", "", "", "", "", ""],
                 [6, "坏数据公司", "", "外星机构", "航天", "600", "", "", "火星", "", ""],
                 GOOD[2])
    path = write_csv(tmp_path / "orgs.csv", rows)
    before = count(sheet_db, Organisation)
    table = read_table(path)
    with sheet_db() as session:
        plan = plan_import(session, "organisations", table)
    assert count(sheet_db, Organisation) == before  # planning wrote nothing
    assert not plan.ok
    # every problem of row 5 at once: three cells, and the rank the model's rules refuse
    assert [(e.row, e.column) for e in plan.errors] == [
        (4, "机构名称"), (5, "类型"), (5, "产业"), (5, "国家/地区"), (5, "世界500强排名")]
    text = plan.error_text(Lang.ZH)
    assert text.startswith("导入被拒绝，未写入任何数据：orgs.csv：")
    assert "共 2 行有 5 处错误" in text
    assert "第 4 行“机构名称”：机构名称不能为空" in text
    assert "第 5 行“产业”：没有名为“航天”的产业" in text
    assert "row 5, '国家/地区': Unknown country '火星'" in plan.error_text(Lang.EN)
    with sheet_db.begin() as session, pytest.raises(ImportRefusedError) as refused:
        apply_import(session, plan)
    assert len(refused.value.errors) == 5
    assert count(sheet_db, Organisation) == before


def test_the_model_rules_apply_to_every_row(sheet_db: sessionmaker[Session], tmp_path: Path) -> None:
    rows = sheet([1, "甲公司", "", "", "", "501", "", "", "", "", ""],
                 [2, "乙公司", "", "", "", "", "", "", "Deutschland", "", ""],
                 [3, "丙" * 201, "", "", "", "", "", "", "", "", ""])
    table = read_table(write_csv(tmp_path / "orgs.csv", rows))
    with sheet_db() as session:
        plan = plan_import(session, "organisations", table)
    assert [e.text(Lang.ZH) for e in plan.errors] == [
        "第 2 行“世界500强排名”：500 强排名应在 1 到 500 之间",
        "第 4 行“机构名称”：太长（201 字，最多 200 字）",
    ]
    assert [r.label for r in plan.creates] == ["乙公司"]
    assert plan.creates[0].draft.hq_country == "DE"


def test_garbled_text_is_refused_with_what_it_probably_said(sheet_db: sessionmaker[Session],
                                                            tmp_path: Path) -> None:
    path = write_garbled_csv(tmp_path / "garbled.csv",
                             [["机构名称", "备注"], ["博世集团", "拜访"], ["东莞招商", "签约"]])
    before = count(sheet_db, Organisation)
    table = read_table(path)
    assert table.encoding == "UTF-8"  # the bytes are fine: the text inside is not
    with sheet_db() as session:
        plan = plan_import(session, "organisations", table)
    assert not plan.ok
    messages = plan.error_text(Lang.ZH)
    assert "表头“鏈烘瀯鍚嶇О”是编码错乱造成的乱码" in messages
    assert "原文可能是“机构名称”" in messages
    assert count(sheet_db, Organisation) == before


def test_garbled_cells_under_a_clean_header(sheet_db: sessionmaker[Session], tmp_path: Path) -> None:
    rows = [["机构名称", "英文名称"], ["鍗氫笘闆嗗洟", "Bosch"], ["博世中国", "SociÃ©tÃ© GÃ©nÃ©rale"],
            ["东莞??局", ""]]
    table = read_table(write_csv(tmp_path / "mixed.csv", rows, "utf-8"))
    with sheet_db() as session:
        plan = plan_import(session, "organisations", table)
    assert [(e.row, e.column) for e in plan.errors] == [(2, "机构名称"), (3, "英文名称"), (4, "机构名称")]
    assert "原文可能是“博世集团”" in plan.errors[0].message_zh
    assert "probably 'Société Générale'" in plan.errors[1].message_en


def test_a_name_twice_in_one_file_is_an_error(sheet_db: sessionmaker[Session], tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "twice.csv", sheet(GOOD[0], GOOD[1], GOOD[0])))
    with sheet_db() as session:
        plan = plan_import(session, "organisations", table)
    assert [e.text(Lang.ZH) for e in plan.errors] == [f"第 4 行：“{RARE_NAMES[0]}”与第 2 行重复"]


def test_total_lines_are_skipped_and_stray_cells_refused(sheet_db: sessionmaker[Session],
                                                         tmp_path: Path) -> None:
    rows = [["机构名称", "备注"], ["甲公司", "", "多出来的"], ["合计", "2 家"]]
    table = read_table(write_csv(tmp_path / "t.csv", rows))
    with sheet_db() as session:
        plan = plan_import(session, "organisations", table)
    assert plan.skipped == [3]
    [error] = plan.errors
    assert error.row == 2 and "第 3 列有内容“多出来的”但没有表头" in error.message_zh


def test_a_sheet_without_a_name_column(sheet_db: sessionmaker[Session], tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "n.csv", [["英文名称", "备注"], ["Bosch", "x"]]))
    with sheet_db() as session:
        plan = plan_import(session, "organisations", table)
    [error] = plan.errors
    assert error.row == 1 and "找不到“名称”列" in error.message_zh


def test_a_record_changed_after_the_check_is_not_overwritten(sheet_db: sessionmaker[Session],
                                                             tmp_path: Path, sw: SheetWorld) -> None:
    table = read_table(write_csv(tmp_path / "b.csv", [["机构名称", "备注"], ["博世集团", "导入的备注"]]))
    with sheet_db() as session:
        plan = plan_import(session, "organisations", table)
    with sheet_db.begin() as session:  # someone saves Bosch meanwhile
        draft = organisation_draft(session, sw.world.org_id)
        draft.talking_points = "新的洽谈要点"
        update_organisation(session, sw.world.org_id, draft)
    with sheet_db.begin() as session, pytest.raises(ImportRefusedError) as refused:
        apply_import(session, plan)
    assert "已被他人修改" in refused.value.errors[0].message_zh
    with sheet_db() as session:
        assert session.get_one(Organisation, sw.world.org_id).notes == ""


def test_summary_says_what_will_happen(sheet_db: sessionmaker[Session], tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "orgs.csv", sheet(*GOOD, ["", "合计", "", "", "", "", "",
                                                                      "", "", "", ""])))
    with sheet_db() as session:
        plan = plan_import(session, "organisations", table)
    assert plan.summary(Lang.ZH).splitlines() == [
        "orgs.csv：GB18030 编码，逗号分隔，表头在第 1 行，数据 5 行",
        "未识别的列（已忽略）：序号",
        "机构：新建 4，更新 0，未变 0，跳过合计行 1",
    ]
    assert plan.summary(Lang.EN).splitlines()[-1] == \
        "organisations: 4 to create, 0 to update, 0 unchanged, 1 total line skipped"
    assert ("机构名称", "名称", "Name") in plan.columns
