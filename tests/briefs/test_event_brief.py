"""The run-of-show of a themed event."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from briefs import BriefOptions, EventBrief, collect_event, render_event
from models.errors import NotFoundError
from models.language import Lang
from tests.briefs.pdf_helpers import check_pdf, flat, fonts, lines, reader, squash
from tests.briefs.world import MARKUP_NOTE, MARKUP_ORG, MARKUP_ORG_EN, BriefWorld

ZH = BriefOptions(generated_on=date(2023, 3, 1))
EN = BriefOptions(generated_on=date(2023, 3, 1), lang=Lang.EN)
World = tuple[sessionmaker[Session], BriefWorld]


@pytest.fixture(scope="module")
def event(brief_world: World) -> EventBrief:
    sessions, w = brief_world
    with sessions() as session:
        return collect_event(session, w.event_code)


@pytest.fixture(scope="module")
def zh_pdf(event: EventBrief) -> bytes:
    return render_event(event, ZH)


def test_collect_gathers_invited_organisations_and_conflicts(event: EventBrief) -> None:
    assert [p.organisation.name_zh for p in event.organisations] == [
        "博世集团", MARKUP_ORG, "法兰克福中国商会"]
    bosch = event.organisations[0]
    # contacts before 28 March: the January visit, the HQ visit, the February meeting and
    # the visit of 24 March on the European trip
    assert [r.code for r in bosch.history] == ["TRIP-2023-001", "", "EVT-2023-001",
                                               "TRIP-2023-007"]
    assert [c.kind for c in event.conflicts] == ["leader_away"]


def test_unknown_event_is_not_found(brief_world: World) -> None:
    sessions, _ = brief_world
    with sessions() as session, pytest.raises(NotFoundError):
        collect_event(session, "EVT-1999-001")


def test_overview_agenda_invitations_responsibilities_contacts(zh_pdf: bytes) -> None:
    text = flat(zh_pdf)
    for fragment in (
        "活动工作方案", "2023新能源汽车产业峰会", "EVT-2023-012", "产业峰会",
        "2023年3月28日（星期二）09:00–17:30(中国标准时间UTC+8)", "松山湖国际会议中心",
        "确认出席3人（邀请3家机构）",
        # agenda with rooms and speakers
        "09:00–09:30开幕致辞主会场A厅王建国副市长",
        "09:30–10:30主旨演讲：汽车电子的未来同声传译主会场A厅汉斯·穆勒中国区总裁博世集团",
        # RSVP states and guests
        "确认出席：1家，3人", "待定：1家，2人", "谢绝：1家，1人",
        "博世集团Bosch企业新能源汽车世界500强第95位确认出席3",
        # responsibilities per unit
        "松山湖高新区会场布置与安保", "市投资促进局嘉宾邀请、签约安排",
        # contacts and the checklist
        "hans.mueller@example.de", "带队领导王建国率团出访",
    ):
        assert fragment in text, fragment
    assert squash(MARKUP_NOTE) in text
    # the declined chamber has no profile, the others do
    toc = squash(" ".join(lines(zh_pdf, 1)))
    assert "博世集团Bosch" in toc
    assert squash(MARKUP_ORG) in toc
    assert "法兰克福中国商会" not in toc


def test_capacity_overrun_is_flagged(event: EventBrief) -> None:
    small = dataclasses.replace(event, event=dataclasses.replace(event.event, capacity=2))
    assert "注意：确认来宾3人，超出场地容量2人。" in flat(render_event(small, ZH))


def test_responsibilities_in_clauses_become_rows(event: EventBrief) -> None:
    duties = "主办：市投资促进局；承办：松山湖高新区负责会务；市外事局协助外宾接待。"
    clauses = dataclasses.replace(event, event=dataclasses.replace(
        event.event, responsibilities=duties))
    text = flat(render_event(clauses, ZH))
    assert "职责Responsibility主办市投资促进局承办松山湖高新区负责会务市外事局协助外宾接待。" in text


def test_free_text_responsibilities_print_as_written(event: EventBrief) -> None:
    loose = dataclasses.replace(event, event=dataclasses.replace(
        event.event, responsibilities="全体工作人员提前一小时到场 & 签到"))
    assert "全体工作人员提前一小时到场&签到" in flat(render_event(loose, ZH))


def test_an_event_abroad_shows_beijing_time(event: EventBrief) -> None:
    e = event.event
    abroad = dataclasses.replace(event, event=dataclasses.replace(e, timezone="Europe/Berlin"))
    text = flat(render_event(abroad, ZH))
    # 09:00 in Dongguan is 03:00 in Frankfurt (summer time since 26 March)
    assert "03:00–03:3009:00–09:30开幕致辞" in text
    assert "北京时间2023年3月28日09:00" in text


def test_english_run_of_show(event: EventBrief) -> None:
    text = flat(render_event(event, EN))
    for fragment in ("Run-of-show", "2023New-EnergyVehicleSummit", "Tue28Mar2023",
                     "Keynote:thefutureofautomotiveelectronics", "HansMüller", "Accepted",
                     squash(MARKUP_ORG_EN), "Page3of"):
        assert fragment in text, fragment


def test_page_is_sound_and_deterministic(event: EventBrief, zh_pdf: bytes, tmp_path: Path) -> None:
    assert render_event(event, ZH) == zh_pdf
    assert all(fonts(zh_pdf).values())
    assert 4 <= len(reader(zh_pdf).pages) <= 10
    path = tmp_path / "event.pdf"
    path.write_bytes(zh_pdf)
    result = check_pdf(path, "2023 新能源汽车产业峰会", "09:00–09:30", MARKUP_ORG)
    if result is None:
        pytest.skip("check-pdf or its tools (qpdf, poppler-utils) are not installed")
    assert result.returncode == 0, result.stdout + result.stderr
