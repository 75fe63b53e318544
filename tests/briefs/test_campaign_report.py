"""The campaign progress report: targets with charts, breakdowns and the leaderboard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from briefs import BriefOptions, CampaignReport, collect_campaign, render_campaign
from models.errors import NotFoundError
from models.language import Lang
from tests.briefs.pdf_helpers import check_pdf, flat, fonts, lines, page_texts, reader, squash
from tests.briefs.world import BriefWorld

ZH = BriefOptions(generated_on=date(2023, 4, 3))
EN = BriefOptions(generated_on=date(2023, 4, 3), lang=Lang.EN)
World = tuple[sessionmaker[Session], BriefWorld]


@pytest.fixture(scope="module")
def report(brief_world: World) -> CampaignReport:
    sessions, _ = brief_world
    with sessions() as session:
        return collect_campaign(session)


@pytest.fixture(scope="module")
def zh_pdf(report: CampaignReport) -> bytes:
    return render_campaign(report, ZH)


def test_collect(report: CampaignReport) -> None:
    assert report.progress.campaign.year == 2023
    assert [t.code for t in report.trips] == ["TRIP-2023-001", "TRIP-2023-007", "TRIP-2023-008",
                                              "TRIP-2023-009"]
    assert [e.code for e in report.events] == ["EVT-2023-001", "EVT-2023-012"]
    assert [x.code for x in report.flagship_leads] == ["LEAD-2023-001"]
    assert [b.month for b in report.months if b.rows] == [2, 3]
    assert report.year_board[0].unit.name_zh == "松山湖高新区"
    assert len(report.conflicts) == 2


def test_unknown_year_is_not_found(brief_world: World) -> None:
    sessions, _ = brief_world
    with sessions() as session, pytest.raises(NotFoundError):
        collect_campaign(session, 1999)


def test_progress_against_every_target(zh_pdf: bytes) -> None:
    text = flat(zh_pdf)
    for fragment in (
        "招商工作进展报告", "2023招商年", "数据截至Dataasof2023年4月3日（星期一）",
        # measure, target, done, planned, done %, planned %
        "推广活动30143%13%", "专题招商活动30123%7%", "拜访企业总部1,000240%0%",
        "实际投资（元）1,600亿元60亿元68亿元4%4%", "战略性旗舰项目（单个≥50亿元）101110%10%",
    ):
        assert fragment in text, fragment


def test_charts_are_drawn_with_their_labels(zh_pdf: bytes) -> None:
    text = flat(zh_pdf)
    for fragment in ("完成率（占全年目标）", "0%25%50%75%100%125%150%",
                     "每月推广活动与专题活动（场）", "1月2月3月4月5月6月7月8月9月10月11月12月",
                     "每月签约投资额（亿元）", "分产业签约投资额（亿元）"):
        assert fragment in text, fragment
    # the chart's bars carry their values
    assert "13%" in text and "60" in text


def test_tables_by_month_region_industry(zh_pdf: bytes) -> None:
    text = flat(zh_pdf)
    assert "3月2160亿元" in text  # two trips and one event start in March, 60 亿 signed
    assert "合计4260亿元" in text
    assert "欧美40160亿元" in text
    assert "新能源汽车31260亿元" in text


def test_leaderboard_for_the_year_and_each_month(zh_pdf: bytes) -> None:
    text = flat(zh_pdf)
    assert "2023年全年" in text
    assert "1松山湖高新区园区160亿元15亿元" in text
    assert "2月名次" in text
    assert "Fundsin1松山湖高新区园区——1—" in text  # February: one HQ visit, nothing signed (—)
    assert "暂无成绩的月份：1月、4月、5月" in text
    toc = squash(" ".join(lines(zh_pdf, 1)))
    assert "2023年全年" in toc and "3月" in toc


def test_lists_of_trips_events_flagships_and_conflicts(zh_pdf: bytes) -> None:
    text = flat(zh_pdf)
    for fragment in ("LEAD-2023-001博世新能源汽车零部件项目博世集团60亿元签约松山湖高新区2023年3月1日",
                     "TRIP-2023-007欧洲新能源汽车推介3月23日—3月30日欧美王建国已批准",
                     "EVT-2023-012", "系统发现2项"):
        assert fragment in text, fragment


def test_english_report(report: CampaignReport) -> None:
    text = flat(render_campaign(report, EN))
    for fragment in ("Campaignprogressreport", "2023YearofInvestmentPromotion",
                     "Investment(CNY)CNY160bnCNY6bnCNY6.8bn4%4%", "JanFebMarAprMay",
                     "Investmentsignedpermonth(CNYbn)", "SongshanLakeHi-techZone",
                     "Monthswithoutresults:Jan,Apr,May"):
        assert fragment in text, fragment


def test_page_is_sound_and_deterministic(report: CampaignReport, zh_pdf: bytes,
                                         tmp_path: Path) -> None:
    assert render_campaign(report, ZH) == zh_pdf
    assert all(fonts(zh_pdf).values())
    pages = page_texts(zh_pdf)
    assert 4 <= len(pages) <= 10
    assert f"第2页/共{len(pages)}页" in squash(pages[1])
    assert len(reader(zh_pdf).pages) == len(pages)
    path = tmp_path / "report.pdf"
    path.write_bytes(zh_pdf)
    result = check_pdf(path, "实际投资（元）", "1,600 亿元", "松山湖高新区")
    if result is None:
        pytest.skip("check-pdf or its tools (qpdf, poppler-utils) are not installed")
    assert result.returncode == 0, result.stdout + result.stderr
