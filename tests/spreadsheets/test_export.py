"""Spreadsheets both ways: every list exports to .xlsx and CSV (UTF-8 with BOM), the
importable kinds import back unchanged, and formula-like text never runs as a formula."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session, sessionmaker

from models.enums import LeadStage, PersonKind
from models.errors import ValidationError
from models.language import Lang
from models.operations.directory import (
    OrganisationDraft,
    PersonDraft,
    create_organisation,
    create_person,
)
from models.operations.leads import LeadDraft, create_lead
from spreadsheets import plan_import, read_table
from spreadsheets.export import (
    IMPORTABLE,
    SheetFilters,
    SheetKind,
    collect_sheet,
    neutralise,
    render_sheet,
)
from tests.factories import World, item_draft, make_trip, make_world

FORMULAS = ("=HYPERLINK(\"http://evil.example\",\"点击\")", "+SUM(1,2)", "-2+3", "@cmd",
            "\tTAB", "\rCR")


@pytest.fixture
def world(sessions: sessionmaker[Session]) -> World:
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w, items=[item_draft(w)])
        org = create_organisation(s, OrganisationDraft(
            name_zh="公式测试公司", name_en="Formula Test GmbH", fortune_global_500_rank=321,
            hq_city="斯图加特", hq_country="DE", website="https://example.de",
            talking_points=FORMULAS[0], notes=FORMULAS[1], industry_id=w.industry_id)).value
        create_person(s, PersonDraft(
            name_zh="钱八", name_en="Qian Ba", kind=PersonKind.EXTERNAL, title_zh=FORMULAS[3],
            organisation_id=org.id, phone="+49 711 400 40990", email="qian@example.de",
            languages="zh,de", notes=FORMULAS[2]))
        create_lead(s, LeadDraft(
            title_zh="𠮷储能工厂", organisation_id=org.id, amount_cny=600_000_000,
            stage=LeadStage.NEGOTIATION, unit_id=w.unit_id, industry_id=w.industry_id,
            first_contact_on=date(2023, 3, 5), funds_in_cny=0, notes=FORMULAS[4]))
        return w


def _plan(sessions: sessionmaker[Session], kind: SheetKind, path: Path) -> tuple[int, int, int]:
    table = read_table(path)
    with sessions() as s:
        plan = plan_import(s, kind.value, table)
    assert plan.ok, plan.error_text(Lang.EN)
    return len(plan.creates), len(plan.updates), len(plan.unchanged)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("lang", [Lang.ZH, Lang.EN])
def test_export_then_import_changes_nothing(sessions: sessionmaker[Session], world: World,
                                            tmp_path: Path, fmt: str, lang: Lang) -> None:
    for kind in IMPORTABLE:
        with sessions() as s:
            sheet = collect_sheet(s, kind, lang)
        assert sheet.rows, kind
        path = tmp_path / f"{kind.value}.{fmt}"
        path.write_bytes(render_sheet(sheet, fmt))
        creates, updates, unchanged = _plan(sessions, kind, path)
        assert (creates, updates, unchanged) == (0, 0, len(sheet.rows)), kind


def test_csv_is_utf8_with_bom_and_neutralised(sessions: sessionmaker[Session], world: World) -> None:
    with sessions() as s:
        data = render_sheet(collect_sheet(s, SheetKind.ORGANISATIONS), "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["名称", "英文名称", "类型"]
    test_row = next(r for r in rows if r[0] == "公式测试公司")
    assert "'" + FORMULAS[0] in test_row and "'" + FORMULAS[1] in test_row
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r)


def test_xlsx_cells_are_strings_never_formulas(sessions: sessionmaker[Session], world: World,
                                               tmp_path: Path) -> None:
    for kind in SheetKind:
        with sessions() as s:
            sheet = collect_sheet(s, kind, Lang.ZH)
        path = tmp_path / f"{kind.value}.xlsx"
        path.write_bytes(render_sheet(sheet, "xlsx"))
        book = load_workbook(path)
        cells = [c for row in book.active.iter_rows() for c in row]  # type: ignore[union-attr]
        assert cells, kind
        assert all(c.data_type in ("s", "n") and c.data_type != "f" for c in cells), kind
        values = [str(c.value) for c in cells if c.value is not None]
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in values), kind
        assert [c.value for c in next(book.active.iter_rows())] == list(sheet.headers)  # type: ignore[union-attr]
    with sessions() as s:
        people = collect_sheet(s, SheetKind.PEOPLE)
    assert ("钱八" in people.rows[-1]) and "'@cmd" in render_sheet(people, "csv").decode("utf-8")


def test_every_list_exports_with_filters(sessions: sessionmaker[Session], world: World) -> None:
    with sessions() as s:
        trips = collect_sheet(s, SheetKind.TRIPS, Lang.EN)
        code = trips.rows[0][0]
        items = collect_sheet(s, SheetKind.ITINERARIES, Lang.ZH, SheetFilters(codes=(code,)))
        members = collect_sheet(s, SheetKind.DELEGATIONS, Lang.ZH, SheetFilters(codes=(code,)))
        none = collect_sheet(s, SheetKind.TRIPS, Lang.ZH, SheetFilters(statuses=("cancelled",)))
        board = collect_sheet(s, SheetKind.LEADERBOARD, Lang.ZH, SheetFilters(year=2023, month=3))
        for kind in (SheetKind.EVENTS, SheetKind.INVITATIONS, SheetKind.HQ_VISITS):
            assert collect_sheet(s, kind, Lang.ZH).headers
        with pytest.raises(ValidationError) as refused:
            collect_sheet(s, SheetKind.LEADS, Lang.ZH, SheetFilters(statuses=("maybe",)))
    assert trips.headers[:2] == ("Code", "Title") and trips.title == "Trips"
    assert len(items.rows) == 1 and items.rows[0][0] == code and items.rows[0][9] == "拜访博世"
    assert len(members.rows) == 2 and {r[0] for r in members.rows} == {code}
    assert [r[4] for r in members.rows] == ["团长", "联络员"]
    assert none.rows == ()
    assert board.headers[0] == "名次"
    assert "未知状态“maybe”" in refused.value.message_zh


def test_neutralise() -> None:
    assert [neutralise(v) for v in FORMULAS] == ["'" + v for v in FORMULAS]
    assert neutralise("博世 =") == "博世 =" and neutralise("") == ""


def test_formula_like_cells_are_reported_and_stored_as_text(sessions: sessionmaker[Session],
                                                            world: World, tmp_path: Path) -> None:
    path = tmp_path / "orgs.csv"
    path.write_bytes("名称,备注,洽谈要点\r\n新公式公司,=1+2,'=3+4\r\n电话公司,+86 769 2233 4455,@x\r\n"
                     .encode("utf-8-sig"))
    table = read_table(path)
    with sessions() as s:
        plan = plan_import(s, "organisations", table)
    assert plan.ok
    assert [(w.row, w.column) for w in plan.warnings] == [(2, "备注"), (3, "洽谈要点")]
    assert "公式" in plan.summary(Lang.ZH) and "formula" in plan.summary(Lang.EN)
    drafts = {r.draft.name_zh: r.draft for r in plan.creates}
    assert drafts["新公式公司"].notes == "=1+2"  # kept as text, exactly
    assert drafts["新公式公司"].talking_points == "=3+4"  # an export's apostrophe removed
    assert drafts["电话公司"].notes == "+86 769 2233 4455"
