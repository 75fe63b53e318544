"""The run-of-show's own sections: the rundown (staff posts and agenda in one timeline), the
staff posts, the guests of honour by table and seat, the duties by unit; phones redacted."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from briefs import BriefOptions, EventBrief, collect_event, render_event
from models.enums import PersonKind
from models.language import Lang
from models.rows import PersonRow, Ref, StaffPostRow, UnitDutyRow, VipSeatRow
from models.timeutil import at
from tests.briefs.pdf_helpers import check_pdf, flat
from tests.briefs.world import BriefWorld

ZH = BriefOptions(generated_on=date(2023, 3, 1))
EN = BriefOptions(generated_on=date(2023, 3, 1), lang=Lang.EN)
DAY = date(2023, 3, 28)
ZONE = "Asia/Shanghai"


def _person(n: int, zh: str, en: str, title_zh: str, title_en: str, phone: str) -> PersonRow:
    return PersonRow(n, f"u{n}", 1, zh, en, PersonKind.BUREAU_STAFF, title_zh, title_en,
                     Ref(1, "市投资促进局", "Investment Promotion Bureau"), None, phone,
                     f"p{n}@example.cn", "zh")


CLERK = _person(901, "刘碧云", "Liu Biyun", "综合科科员", "Officer", "+86 139 0000 1111")
GUEST = _person(902, "山本 健一", "Kenichi Yamamoto", "中国区总监", "China Director",
                "+81 3 0000 2222")


@pytest.fixture(scope="module")
def event(brief_world: tuple[sessionmaker[Session], BriefWorld]) -> EventBrief:
    sessions, w = brief_world
    with sessions() as session:
        brief = collect_event(session, w.event_code)
    e = brief.event
    return dataclasses.replace(brief, event=dataclasses.replace(
        e,
        staff_posts=(
            StaffPostRow("签到接待", "一楼大堂签到处", CLERK, at(DAY, "08:00", ZONE),
                         at(DAY, "09:30", ZONE), "核对来宾名单 <A/B 表>", "Registration desk",
                         "Lobby desk", "Checks the guest list <A/B>"),
            StaffPostRow("会场统筹", "主会场 A厅", None, at(DAY, "07:30", ZONE),
                         at(DAY, "17:30", ZONE), ""),
        ),
        vip_seats=(
            VipSeatRow(GUEST, Ref(7, "索尼集团", "Sony Group"), "中国区总监", "1", "2"),
            VipSeatRow(e.lead_person or CLERK, None, "", "1", "1"),
            VipSeatRow(CLERK, None, "", "2", "1"),
        ),
        unit_duties=(UnitDutyRow(Ref(1, "松山湖高新区", "Songshan Lake"), "会场布置与安保", CLERK),),
    ))


def test_the_rundown_puts_posts_and_sessions_in_one_timeline(event: EventBrief) -> None:
    text = flat(render_event(event, ZH))
    # 07:30 the hall manager (not yet named), 08:00 registration, 09:00 the opening
    first = text.index("07:30–17:30会场统筹到岗主会场A厅（待定）")
    second = text.index("08:00–09:30签到接待到岗一楼大堂签到处刘碧云")
    third = text.index("09:00–09:30开幕致辞主会场A厅王建国")
    assert first < second < third
    # the posts' own table: the duty printed literally, the phone beside the name
    assert "签到接待一楼大堂签到处刘碧云+8613900001111" in text
    assert "核对来宾名单<A/B表>" in text


def test_guests_of_honour_by_table_and_seat_and_duties_by_unit(event: EventBrief) -> None:
    text = flat(render_event(event, ZH))
    assert "共3位贵宾。每桌1号为主人位，2号为主宾位。" in text
    leader = event.event.lead_person
    assert leader is not None
    host = text.index(f"11{leader.name_zh}")
    guest = text.index("12山本健一KenichiYamamoto中国区总监索尼集团")
    other = text.index("21刘碧云")
    assert host < guest < other
    assert f"第1桌1{leader.name_zh}、2山本健一" in text
    assert "松山湖高新区会场布置与安保刘碧云+8613900001111" in text
    # the free-text responsibilities follow as further instructions
    assert "其他分工说明" in text and "松山湖高新区：会场布置与安保" in text


def test_english_and_redacted(event: EventBrief) -> None:
    text = flat(render_event(event, dataclasses.replace(EN, redact=True)))
    assert "Minute-by-minuterundown" in text and "Guestsofhonourandseating" in text
    assert "1 2KenichiYamamoto".replace(" ", "") in text and "ChinaDirector" in text
    assert "SonyGroup" in text
    assert "+8613900001111" not in text and "(withheld)" in text


def test_the_run_of_show_passes_check_pdf(event: EventBrief, tmp_path: Path) -> None:
    path = tmp_path / "run-of-show.pdf"
    path.write_bytes(render_event(event, ZH))
    result = check_pdf(path, "贵宾名单与座次", "签到接待", "山本 健一")
    if result is None:
        pytest.skip("check-pdf or its tools (qpdf, poppler-utils) are not installed")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_english_run_of_show_prints_the_posts_in_english(event: EventBrief) -> None:
    text = flat(render_event(event, EN))
    # in the rundown and in the posts' table: post, room and duty in English
    assert "08:00–09:30Registrationdesk:onpostLobbydeskLiuBiyun" in text
    assert "RegistrationdeskLobbydeskLiuBiyun" in text
    assert "Checkstheguestlist<A/B>" in text
    assert "签到接待" not in text and "一楼大堂签到处" not in text and "核对来宾名单" not in text
    # a post without English prints its Chinese rather than nothing
    assert "会场统筹:onpost主会场A厅" in text


def test_the_english_run_of_show_passes_check_pdf(event: EventBrief, tmp_path: Path) -> None:
    path = tmp_path / "run-of-show-en.pdf"
    path.write_bytes(render_event(event, EN))
    result = check_pdf(path, "Guests of honour and seating", "Registration desk", "Lobby desk")
    if result is None:
        pytest.skip("check-pdf or its tools (qpdf, poppler-utils) are not installed")
    assert result.returncode == 0, result.stdout + result.stderr
