"""The delegation brief: what it prints, in which language, and how the page is built."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from briefs import BriefOptions, TripBrief, collect_trip, render_trip
from briefs.styles import CJK_CANNOT_START
from models.errors import NotFoundError
from models.language import Lang
from tests.briefs.pdf_helpers import check_pdf, flat, fonts, lines, page_texts, reader, squash
from tests.briefs.world import LONG_PURPOSE, MARKUP_NOTE, MARKUP_ORG, MARKUP_ORG_EN, BriefWorld

ZH = BriefOptions(generated_on=date(2023, 3, 1))
EN = BriefOptions(generated_on=date(2023, 3, 1), lang=Lang.EN)
World = tuple[sessionmaker[Session], BriefWorld]


def _collect(world: World, code: str | None = None) -> TripBrief:
    sessions, w = world
    with sessions() as session:
        return collect_trip(session, code or w.trip_code)


@pytest.fixture(scope="module")
def trip(brief_world: World) -> TripBrief:
    return _collect(brief_world)


@pytest.fixture(scope="module")
def zh_pdf(trip: TripBrief) -> bytes:
    return render_trip(trip, ZH)


def test_collect_gathers_profiles_history_leads_and_conflicts(trip: TripBrief) -> None:
    names = [p.organisation.name_zh for p in trip.organisations]
    assert names == ["博世集团", MARKUP_ORG, "法兰克福中国商会"]
    bosch = trip.organisations[0]
    assert [(r.on, r.kind_zh) for r in bosch.history] == [
        (date(2023, 1, 11), "企业拜访"), (date(2023, 2, 15), "总部拜访"),
        (date(2023, 2, 20), "受邀活动")]
    assert bosch.history[0].result_zh == "同意来莞考察"
    assert [x.code for x in bosch.leads] == ["LEAD-2023-001"]
    assert bosch.leads[0].is_flagship
    assert {c.kind for c in trip.conflicts} == {"person_double_booked", "leader_away"}
    assert [i.name_zh for i in trip.pitch.industries] == ["新能源汽车"]
    assert {m.key: m.target for m in trip.pitch.measures}["investment_cny"] == 160_000_000_000


def test_unknown_trip_is_not_found(brief_world: World) -> None:
    with pytest.raises(NotFoundError):
        _collect(brief_world, "TRIP-1999-001")


def test_cover_overview_roster_and_contents(zh_pdf: bytes) -> None:
    pages = page_texts(zh_pdf)
    cover = squash(pages[0])
    for text in ("出访工作手册", "欧洲新能源汽车推介", "EuropeNEVroadshow", "TRIP-2023-007",
                 "2023年3月23日—3月30日", "欧美·法兰克福", "王建国副市长", "东莞市投资促进局",
                 "内部资料注意保密", "生成日期2023年3月1日"):
        assert text in cover
    assert "目录" in squash(pages[1])
    # a real table of contents: each entry ends with the page its section starts on
    toc = lines(zh_pdf, 1)
    for title in ("一、概况", "四、日程安排", "博世集团 Bosch", "十、冲突与提醒核对清单"):
        entry = next(line for line in toc if squash(title) in squash(line))
        page = next(n for n, t in enumerate(pages[2:], start=3) if squash(title) in squash(t))
        assert entry.endswith(f". {page}"), entry
    text = flat(zh_pdf)
    for name in ("王建国", "WangJianguo", "李晓敏", "陈志强", "周安娜", "+861380000000" "1"):
        assert name in text
    assert squash(LONG_PURPOSE) in text


def test_itinerary_in_local_time_with_beijing_time_beside(zh_pdf: bytes) -> None:
    text = flat(zh_pdf)
    # 24 March, winter time in Frankfurt: Beijing is 7 hours ahead
    assert "第2天·3月24日星期五·法兰克福·中欧标准时间UTC+1" in text
    assert "09:00–11:00UTC+116:00–18:00" in text
    # 27 March, after the change to summer time: 6 hours ahead
    assert "第5天·3月27日星期一·法兰克福·中欧夏令时间UTC+2" in text
    assert "10:00–12:00UTC+216:00–18:00" in text
    # the hotel stay ends on another day, which is named
    assert "15:00–3月30日11:00" in text
    # every day of the trip is there, empty days too
    assert "第3天·3月25日星期六（无）当日无安排" in text
    assert "第8天·3月30日星期四" in text


def test_organisation_profiles_pitch_logistics_emergency_and_checklist(zh_pdf: bytes) -> None:
    text = flat(zh_pdf)
    for fragment in ("博世集团Bosch", "世界500强第95位", "Stuttgart，德国", "汉斯·穆勒",
                     "hans.mueller@example.de", "初次拜访博世同意来莞考察", "第12队",
                     "LEAD-2023-001博世新能源汽车零部件项目60亿元签约",
                     "3月24日星期五09:00拜访博世", "中国500强第321位"):
        assert fragment in text
    # the city's pitch: targets from the campaign, the trip's industry marked
    assert "实际投资（元）1,600亿元60亿元" in text
    assert "1新能源汽车New-energyvehicles★" in text
    # logistics and emergency contacts
    assert "CA931北京—法兰克福" in text
    assert "法兰克福洲际酒店" in text
    assert "全团统一购买境外意外保险" in text
    assert "+496975385890" in text
    # the checklist holds what the conflict finder found
    assert "系统发现2项" in text
    assert "陈志强同时安排在" in text
    assert "带队领导王建国率团出访" in text


def test_markup_characters_print_literally(zh_pdf: bytes) -> None:
    text = flat(zh_pdf)
    assert squash(MARKUP_ORG) in text
    assert squash(MARKUP_NOTE) in text
    assert "Leopoldstraße1<HausB>" in text
    assert "R&D<lab>inMunich" in text


def test_english_brief_uses_english_names(trip: TripBrief) -> None:
    pdf = render_trip(trip, EN)
    text = flat(pdf)
    for fragment in ("Delegationbrief", "EuropeNEVroadshow", "23–30Mar2023", "WangJianguo",
                     "ViceMayor", "Day2·Fri24Mar·Frankfurt·CentralEuropeanStandardTimeUTC+1", "VisitBosch",
                     "09:00–11:00UTC+116:00–18:00", squash(MARKUP_ORG_EN),
                     "FortuneGlobal500#95", "Investment(CNY)CNY160bnCNY6bn", "Page3of",
                     "DongguanInvestmentPromotionBureau", "Internal—Confidential"):
        assert fragment in text
    assert "团组名单" not in text


def test_fonts_are_embedded_and_pages_are_sensible(zh_pdf: bytes) -> None:
    used = fonts(zh_pdf)
    assert used and all(used.values()), used
    pages = reader(zh_pdf).pages
    assert 6 <= len(pages) <= 14
    for page in pages:
        assert [round(float(x)) for x in page.mediabox[2:]] == [595, 842]  # A4
    footers = [squash(t) for t in page_texts(zh_pdf)[1:]]
    assert all(f"第{n}页/共{len(pages)}页" in t for n, t in enumerate(footers, start=2))


def test_same_input_gives_the_same_bytes(trip: TripBrief, zh_pdf: bytes) -> None:
    assert render_trip(trip, ZH) == zh_pdf
    later = render_trip(trip, dataclasses.replace(ZH, generated_on=date(2023, 3, 2)))
    assert later != zh_pdf
    assert "生成日期2023年3月2日" in flat(later)


def test_no_line_starts_with_full_width_punctuation(trip: TripBrief) -> None:
    purpose = "".join(("东莞" * (i % 7 + 1)) + "，有空间：" for i in range(120))
    data = dataclasses.replace(trip, trip=dataclasses.replace(trip.trip, purpose=purpose))
    lines = [line.strip() for t in page_texts(render_trip(data, ZH)) for line in t.splitlines()]
    # the long purpose now continues across a page break: leave out the pages' header and footer
    body = [line for line in lines
            if not any(x in line for x in ("出访工作手册", "内部资料", "生成日期", "页 / 共"))]
    assert squash(purpose) in squash("".join(body))
    starts = [line for line in lines if line[:1] in CJK_CANNOT_START]
    assert starts == []


def test_an_empty_trip_shows_empty_sections(brief_world: World) -> None:
    data = _collect(brief_world, brief_world[1].empty_trip_code)
    pdf = render_trip(data, ZH)
    text = flat(pdf)
    assert text.count("（无）") >= 8
    assert "（无）系统未发现冲突或提醒。" in text
    assert "第1天·11月6日星期一（无）当日无安排" in text
    assert 4 <= len(reader(pdf).pages) <= 6
    assert "None—nothingplannedthisday" in flat(render_trip(data, EN))


def test_check_pdf_accepts_the_brief(zh_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(zh_pdf)
    result = check_pdf(path, "欧洲新能源汽车推介", "16:00–18:00", MARKUP_ORG, "王建国")
    if result is None:
        pytest.skip("check-pdf or its tools (qpdf, poppler-utils) are not installed")
    assert result.returncode == 0, result.stdout + result.stderr


def test_bookmarks_and_contents_links_lead_to_the_sections(zh_pdf: bytes) -> None:
    pdf = reader(zh_pdf)
    pages = page_texts(zh_pdf)

    def titles(items: list[object]) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        for item in items:
            if isinstance(item, list):
                out += titles(item)
            else:
                out.append((item.title, pdf.get_destination_page_number(item) + 1))  # type: ignore[attr-defined]
        return out

    outline = titles(pdf.outline)
    assert [t for t, _ in outline][:3] == ["一、概况 Overview", "二、行程一览 Itinerary at a glance",
                                          "三、团组名单 Delegation roster"]
    assert "博世集团 Bosch" in [t for t, _ in outline]  # organisations sit under their section
    for title, page in outline:
        assert squash(title) in squash(pages[page - 1]), title
    links = [a.get_object() for a in pdf.pages[1].get("/Annots", [])]
    targets = [pdf.get_page_number(link["/Dest"][0].get_object()) + 1 for link in links]
    assert targets == [page for _, page in outline]
