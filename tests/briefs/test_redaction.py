"""Free-text redaction: phone numbers, e-mail addresses, passport and ID-card numbers typed
into notes, purposes, asks and duties are masked in a redacted brief by one rule; dates,
times, amounts, codes and bookings stay; Chinese around them is untouched."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from briefs import BriefOptions, EventBrief, TripBrief, collect_event, collect_trip, render_event, render_trip
from briefs.redaction import public_numbers, redact_free_text, redact_text
from models.language import Lang
from tests.briefs.pdf_helpers import flat
from tests.briefs.world import BriefWorld

ZH = BriefOptions(generated_on=date(2023, 3, 1))
REDACTED = BriefOptions(generated_on=date(2023, 3, 1), redact=True)
World = tuple[sessionmaker[Session], BriefWorld]
MEETING = 2  # the visit to Bosch: its note and ask print


@pytest.mark.parametrize(("typed", "printed"), [
    # a Chinese mobile and a landline keep their last four digits; an e-mail its domain
    ("请联系王经理13900001111或0769-2283 6515，邮箱wang.li@example.cn",
     "请联系王经理*******1111或****-**** 6515，邮箱w***@example.cn"),
    ("电话：+86 139 0000 1234（微信同号）", "电话：+** *** **** 1234（微信同号）"),
    ("Call +49 69 7538 5890 or (415) 555-0100.", "Call +** ** **** 5890 or (***) ***-0100."),
    # passport and ID-card numbers go entirely
    ("护照号E12345678，身份证44190019850312123X。", "护照号*********，身份证******************。"),
    ("护照EA1234567已交；passport no. C98765432", "护照*********已交；passport no. *********"),
    ("公务护照 SE1234567 由外办统一保管", "公务护照 ********* 由外办统一保管"),
    # what is not personal stays: dates, times, amounts, codes, bookings, seats
    ("2023-03-28 09:00 在 T3 集合，航班 CA931，订座 X7KQ2M，TRIP-2023-007",
     "2023-03-28 09:00 在 T3 集合，航班 CA931，订座 X7KQ2M，TRIP-2023-007"),
    ("投资 60 亿元（6000000000 元），到位 1,361 亿元，第 1 桌 2 号，邮编 523000",
     "投资 60 亿元（6000000000 元），到位 1,361 亿元，第 1 桌 2 号，邮编 523000"),
    ("2023-03-28 13900001111 到场", "2023-03-28 *******1111 到场"),
    ("", ""),
])
def test_the_rule_on_chinese_text_with_mixed_numbers(typed: str, printed: str) -> None:
    assert redact_text(typed) == printed


@pytest.fixture(scope="module")
def trip(brief_world: World) -> TripBrief:
    sessions, w = brief_world
    with sessions() as session:
        brief = collect_trip(session, w.trip_code)
    t = brief.trip
    items = list(t.items)
    items[MEETING] = dataclasses.replace(items[MEETING], notes="接机司机李师傅 13800138000，护照E87654321",
                                   ask="请对方发邮件至 hans.m@example.de 确认")
    return dataclasses.replace(brief, trip=dataclasses.replace(
        t, items=tuple(items), purpose="联系人陈科长 0769-2283 1234"))


def test_a_redacted_trip_brief_masks_what_was_typed(trip: TripBrief) -> None:
    plain = flat(render_trip(trip, ZH))
    assert "13800138000" in plain and "E87654321" in plain and "hans.m@example.de" in plain
    redacted = flat(render_trip(trip, REDACTED))
    for secret in ("13800138000", "E87654321", "hans.m@example.de", "0769-22831234"):
        assert secret not in redacted, secret
    assert "接机司机李师傅*******8000，护照*********" in redacted
    assert "h***@example.de" in redacted and "联系人陈科长****-****1234" in redacted
    # the rest of the brief is the same data
    assert "法兰克福" in redacted and "出行前核对清单" in redacted


def test_redaction_leaves_the_rows_it_does_not_change_as_they_are(trip: TripBrief) -> None:
    masked = redact_free_text(trip)
    assert masked.trip.items[0] is trip.trip.items[0]  # untouched rows are not copied
    assert masked.organisations is trip.organisations
    assert masked.trip.items[MEETING].notes == "接机司机李师傅 *******8000，护照*********"


def test_a_redacted_run_of_show_masks_duties_and_notes(brief_world: World) -> None:
    sessions, w = brief_world
    with sessions() as session:
        brief: EventBrief = collect_event(session, w.event_code)
    e = dataclasses.replace(brief.event, notes="现场负责人手机 13912345678",
                            responsibilities="松山湖高新区：会场布置，联系 zhang@example.cn")
    redacted = flat(render_event(dataclasses.replace(brief, event=e),
                                 dataclasses.replace(REDACTED, lang=Lang.EN)))
    assert "13912345678" not in redacted and "*******5678" in redacted
    assert "zhang@example.cn" not in redacted and "z***@example.cn" in redacted


def test_public_numbers_stay_in_a_redacted_text() -> None:
    keep = public_numbers("+86 769 2283 0000")
    typed = ("团组联络员：莫若兰 +86 137 4378 2748；外交部全球领事保护与服务应急热线 +86 10 12308；"
             "驻日本使馆 +81 3 6450 2195；值班室 +86 769 2283 0000")
    assert redact_text(typed, keep) == (
        "团组联络员：莫若兰 +** *** **** 2748；外交部全球领事保护与服务应急热线 +86 10 12308；"
        "驻日本使馆 +81 3 6450 2195；值班室 +86 769 2283 0000")
