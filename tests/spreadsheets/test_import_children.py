"""A trip's delegation and itinerary and an event's invitations from a sheet: new rows add,
known rows update, exported sheets import back unchanged, bad rows refuse the whole file."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.enums import EventKind, ItemKind, MemberRole, RsvpState
from models.events import ThemedEvent
from models.language import Lang
from models.operations.events import EventDraft, create_event
from models.timeutil import at
from models.trips import Trip
from spreadsheets import read_table
from spreadsheets.children import ChildImportRefusedError, apply_children, plan_children
from spreadsheets.export import SheetFilters, SheetKind, collect_sheet, render_sheet
from tests.factories import World, item_draft, make_trip, make_world
from tests.spreadsheets.sheets import write_csv


@pytest.fixture
def world(sessions: sessionmaker[Session]) -> tuple[World, str, str]:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=[item_draft(w)])
        event = create_event(s, EventDraft(
            kind=EventKind.INDUSTRY_SUMMIT, title_zh="新能源汽车产业峰会",
            starts_at=at(date(2023, 5, 18), "09:00", "Asia/Shanghai"),
            ends_at=at(date(2023, 5, 18), "17:00", "Asia/Shanghai"), timezone="Asia/Shanghai")).value
    return w, trip.code, event.code


def _import(sessions: sessionmaker[Session], kind: str, path: Path, code: str) -> tuple[int, ...]:
    table = read_table(path)
    with sessions.begin() as s:
        plan = plan_children(s, kind, table, code)
        assert plan.ok, plan.error_text(Lang.EN)
        apply_children(s, plan)
    return plan.created, plan.updated, plan.unchanged


def test_delegation_itinerary_and_invitations_from_sheets(
        sessions: sessionmaker[Session], world: tuple[World, str, str], tmp_path: Path) -> None:
    _w, trip, event = world
    members = write_csv(tmp_path / "d.csv", [["姓名", "角色", "邮箱"], ["陈志强", "翻译", ""],
                                             ["李晓敏", "秘书", "li@example.cn"]])
    assert _import(sessions, "delegation", members, trip) == (1, 1, 0)
    items = write_csv(tmp_path / "i.csv", [
        ["开始日期", "开始时间", "结束时间", "类别", "名称", "城市", "机构", "参加人员"],
        ["2023-03-25", "10:00", "11:30", "签约", "与博世签约", "法兰克福", "Bosch", "王建国、陈志强"],
        ["2023/3/28", "", "", "", "汉诺威工业博览会", "", "", ""]], encoding="utf-8-sig")
    assert _import(sessions, "itinerary", items, trip) == (2, 0, 0)
    invitations = write_csv(tmp_path / "v.csv", [["机构", "回复", "人数", "备注"],
                                                 ["博世集团", "确认出席", "3", "=董事会"]])
    assert _import(sessions, "invitations", invitations, event) == (1, 0, 0)
    with sessions() as s:
        t = s.scalars(select(Trip).where(Trip.code == trip)).one()
        assert {(m.person.name_zh, m.role) for m in t.members} >= {
            ("陈志强", MemberRole.INTERPRETER), ("李晓敏", MemberRole.SECRETARY)}
        signing = next(i for i in t.items if i.title_zh == "与博世签约")
        assert signing.kind is ItemKind.SIGNING and signing.timezone == "Europe/Berlin"
        assert signing.starts_at == datetime(2023, 3, 25, 9, 0, tzinfo=UTC)
        assert sorted(p.name_zh for p in signing.attendees) == ["王建国", "陈志强"]
        assert signing.organisation is not None and signing.organisation.name_zh == "博世集团"
        e = s.scalars(select(ThemedEvent).where(ThemedEvent.code == event)).one()
        assert [(i.organisation.name_zh, i.rsvp, i.guests, i.notes) for i in e.invitations] == [
            ("博世集团", RsvpState.ACCEPTED, 3, "=董事会")]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("lang", [Lang.ZH, Lang.EN])
def test_exported_sheets_import_back_unchanged(sessions: sessionmaker[Session],
                                               world: tuple[World, str, str], tmp_path: Path,
                                               fmt: str, lang: Lang) -> None:
    _w, trip, event = world
    invitations = write_csv(tmp_path / "v.csv", [["机构", "回复"], ["博世集团", "待定"]])
    _import(sessions, "invitations", invitations, event)
    for kind, sheet_kind, code in (("delegation", SheetKind.DELEGATIONS, trip),
                                   ("itinerary", SheetKind.ITINERARIES, trip),
                                   ("invitations", SheetKind.INVITATIONS, event)):
        with sessions() as s:
            sheet = collect_sheet(s, sheet_kind, lang, SheetFilters(codes=(code,)))
        path = tmp_path / f"{kind}.{fmt}"
        path.write_bytes(render_sheet(sheet, fmt))
        assert _import(sessions, kind, path, code) == (0, 0, len(sheet.rows)), kind


def test_bad_rows_refuse_the_file_with_every_problem(sessions: sessionmaker[Session],
                                                     world: tuple[World, str, str],
                                                     tmp_path: Path) -> None:
    _w, trip, _ = world
    path = write_csv(tmp_path / "i.csv", [
        ["推广活动", "开始日期", "开始时间", "名称", "类别"],
        ["TRIP-2099-001", "2023-03-25", "10:00", "别的活动", ""],
        [trip, "2023-03-25", "25:00", "坏时间", "宇宙飞行"],
        [trip, "2023-04-25", "10:00", "在活动之外", ""],
        [trip, "2023-03-26", "02:30", "夏令时缺口", ""]])
    table = read_table(path)
    with sessions() as s:
        plan = plan_children(s, "itinerary", table, trip)
    assert [e.row for e in plan.errors] == [2, 3, 4, 5]
    text = plan.error_text(Lang.ZH)
    assert "属于 TRIP-2099-001" in text and "25:00" in text and "超出了推广活动" in text
    assert "不存在（夏令时调整跳过了这一小时）" in text
    with sessions.begin() as s, pytest.raises(ChildImportRefusedError):
        apply_children(s, plan)
    people = write_csv(tmp_path / "d.csv", [["姓名", "角色"], ["无名氏", "团长"], ["陈志强", "厨师"]])
    with sessions() as s:
        plan = plan_children(s, "delegation", read_table(people), trip)
    assert [(e.row, e.message_zh[:7]) for e in plan.errors] == [(2, "人员名录中没有"),
                                                                (3, "无法识别“厨师")]
