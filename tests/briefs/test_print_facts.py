"""What a delegation leader reads must be true and complete: hotel nights, text of any length,
characters the font lacks, names instead of codes, the whole delegation said once, and totals
that reconcile."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from briefs import (
    BriefKind,
    BriefOptions,
    CampaignReport,
    TripBrief,
    collect_campaign,
    collect_trip,
    prepare,
    render_campaign,
    render_trip,
)
from briefs.fonts import MISSING_MARKER, coverage, fallback_fonts, find_cjk_font
from briefs.glyphs import unprintable
from briefs.trip_brief import attending, hotel_nights
from briefs.words import Words
from models.enums import ItemKind
from models.language import Lang
from tests.briefs.pdf_helpers import flat, fonts, reader
from tests.briefs.world import BriefWorld

ROOT = Path(__file__).resolve().parents[2]

ZH = BriefOptions(generated_on=date(2023, 3, 1))
EN = BriefOptions(generated_on=date(2023, 3, 1), lang=Lang.EN)
World = tuple[sessionmaker[Session], BriefWorld]
LONG = ("东莞松山湖科学城可提供连片产业用地，配套人才公寓与研发平台。InterContinental "
        "Frankfurt, Wilhelm-Leuschner-Straße 43. ") * 40  # about 3,000 characters


@pytest.fixture(scope="module")
def trip(brief_world: World) -> TripBrief:
    sessions, w = brief_world
    with sessions() as session:
        return collect_trip(session, w.trip_code)


@pytest.fixture(scope="module")
def report(brief_world: World) -> CampaignReport:
    sessions, _ = brief_world
    with sessions() as session:
        return collect_campaign(session)


def _with_item_notes(trip: TripBrief, notes: str) -> TripBrief:
    items = list(trip.trip.items)
    items[2] = dataclasses.replace(items[2], notes=notes)
    return dataclasses.replace(trip, trip=dataclasses.replace(trip.trip, items=tuple(items)))


def test_a_hotel_stay_runs_from_check_in_to_check_out(trip: TripBrief) -> None:
    hotels = [i for i in trip.trip.items if i.kind is ItemKind.HOTEL]
    (stay,) = hotel_nights(hotels, trip.trip.end_date)
    assert (stay.check_in, stay.check_out, stay.nights) == (date(2023, 3, 23), date(2023, 3, 30), 7)
    assert stay.name(Words(Lang.EN)) == "InterContinental Frankfurt"
    assert stay.address == "Wilhelm-Leuschner-Str. 43"
    text = flat(render_trip(trip, ZH))
    assert "3月23日星期四3月30日星期四7法兰克福洲际酒店" in text
    assert "Wilhelm-Leuschner-Str.43" in text


def test_check_in_items_of_one_day_end_at_the_next_hotel_or_the_last_day(trip: TripBrief) -> None:
    first = next(i for i in trip.trip.items if i.kind is ItemKind.HOTEL)
    short = dataclasses.replace(first, title_zh="入住法兰克福洲际酒店", title_en="Hotel check-in",
                                place="法兰克福洲际酒店 (InterContinental Frankfurt)",
                                ends_at=first.starts_at)
    later = dataclasses.replace(short, id=first.id + 1000, title_zh="入住慕尼黑酒店",
                                place="慕尼黑酒店 (Hotel Munich)",
                                starts_at=first.starts_at.replace(day=26),
                                ends_at=first.starts_at.replace(day=26))
    stays = hotel_nights([later, short], date(2023, 3, 30))
    assert [(s.check_in.day, s.check_out.day, s.nights) for s in stays] == [(23, 26, 3),
                                                                             (26, 30, 4)]
    # the hotel's name, not "Hotel check-in", and no address that repeats the name
    assert stays[0].name(Words(Lang.EN)) == "InterContinental Frankfurt"
    assert stays[0].name(Words(Lang.ZH)) == "法兰克福洲际酒店 (InterContinental Frankfurt)"
    assert stays[0].address == ""


def test_text_of_any_length_with_emoji_prints_across_pages(trip: TripBrief) -> None:
    data = _with_item_notes(trip, LONG + "\n" + LONG + " 🎉⚠")
    data = dataclasses.replace(data, trip=dataclasses.replace(
        data.trip, purpose=LONG * 2, key_messages="有空间、进莞来 😀"))
    pdf = render_trip(data, ZH)
    short = render_trip(trip, ZH)
    assert len(reader(pdf).pages) > len(reader(short).pages) + 3
    text = flat(pdf)
    assert "Wilhelm-Leuschner-Straße43" in text and "⚠" in text
    used = fonts(pdf)
    # the emoji and the warning sign come from a fallback font, embedded like the main font
    assert any("Symbola" in name or "DejaVu" in name for name in used), used
    assert all(used.values())


def test_a_character_no_font_has_prints_a_marker_and_names_the_record(trip: TripBrief) -> None:
    data = _with_item_notes(trip, "联系人：吉田 𠮷野")
    cov = coverage(find_cjk_font(None).name)
    if cov.main is None:
        pytest.skip("no TrueType Chinese font on this machine")
    assert "𠮷" in cov.unprintable("𠮷野")
    text = flat(render_trip(data, ZH))
    assert f"联系人：吉田{MISSING_MARKER}野" in text
    warnings = unprintable(data)
    assert len(warnings) == 1
    assert warnings[0].record == f"{trip.trip.code} {data.trip.items[2].title_zh}"
    assert "U+20BB7" in warnings[0].text(Lang.ZH) and "〓" in warnings[0].text(Lang.EN)
    assert unprintable(trip) == ()


def test_fallback_fonts_cover_emoji_and_symbols() -> None:
    fallbacks = fallback_fonts()
    if not fallbacks:
        pytest.skip("no fallback font (fonts-symbola, fonts-dejavu-core) on this machine")
    cov = coverage(find_cjk_font(None).name)
    assert cov.font_for("⚠") and cov.font_for("😀")
    assert cov.font_for("中") == "" and cov.font_for("A") == ""
    assert cov.markup("a😀b").startswith('a<font name="Fallback-')


FALLBACKS_ON_DEMAND = """
from briefs.fonts import coverage, fallback_fonts, find_cjk_font
cov = coverage(find_cjk_font(None).name)
cov.markup("东莞 Dongguan 2023")
print(fallback_fonts.cache_info().currsize)
cov.markup("会场 ⚠ 😀")
print(fallback_fonts.cache_info().currsize)
"""


def test_the_fallback_fonts_are_opened_only_for_a_character_the_main_font_lacks() -> None:
    if find_cjk_font(None).path == "":
        pytest.skip("no TrueType Chinese font on this machine: the CID font has no coverage")
    done = subprocess.run([sys.executable, "-c", FALLBACKS_ON_DEMAND], cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.split() == ["0", "1"]


def test_names_of_zones_countries_and_languages_not_codes(trip: TripBrief) -> None:
    zh = flat(render_trip(trip, ZH))
    en = flat(render_trip(trip, EN))
    assert "Europe/Berlin" not in zh and "Europe/Berlin" not in en
    assert "法兰克福（中欧时间）" in zh and "Frankfurt(CentralEuropeanTime)" in en
    assert "München，德国" in zh and "München,Germany" in en
    assert "德语、英语" in zh and "German,English" in en


def test_the_whole_delegation_is_said_once(trip: TripBrief) -> None:
    t = trip.trip
    everyone = dataclasses.replace(t.items[2], attendees=tuple(m.person for m in t.members))
    assert attending(everyone, t, Words(Lang.ZH)) == "全体"
    assert attending(everyone, t, Words(Lang.EN)) == "All"
    but_one = dataclasses.replace(everyone, attendees=everyone.attendees[:-1])
    absent = t.members[-1].person
    assert attending(but_one, t, Words(Lang.ZH)) == f"全体，除{absent.name_zh}"
    assert attending(but_one, t, Words(Lang.EN)) == f"All except {absent.name_en}"
    one = dataclasses.replace(everyone, attendees=everyone.attendees[:1])
    assert attending(one, t, Words(Lang.ZH)) == everyone.attendees[0].name_zh


def test_breakdowns_reconcile_with_the_campaign_totals(report: CampaignReport) -> None:
    totals = report.totals
    measures = {m.key: m for m in report.progress.measures}
    assert totals.signed_cny == measures["investment_cny"].done
    assert totals.trips == measures["trips"].planned
    by_region = report.progress.by_region
    text = flat(render_campaign(report, ZH))
    rest_leads = totals.leads - sum(r.leads for r in by_region)
    rest_signed = totals.signed_cny - sum(r.signed_cny for r in by_region)
    if rest_leads or rest_signed:
        assert "未归入任何区域" in text
    by_industry = report.progress.by_industry
    if sum(r.trips for r in by_industry) > totals.trips:
        assert "分别计入各产业" in text
    # the total row prints the campaign's own figures
    assert f"合计{totals.trips}{totals.events}{totals.leads}" in text


def test_event_leads_count_under_the_region_of_the_event(report: CampaignReport) -> None:
    assert sum(r.leads for r in report.progress.by_region) <= report.totals.leads
    assert sum(r.signed_cny for r in report.progress.by_region) == report.totals.signed_cny


def test_prepared_briefs_name_unprintable_records(brief_world: World) -> None:
    sessions, w = brief_world
    with sessions() as session:
        prepared = prepare(session, BriefKind.TRIP, w.trip_code)
    assert prepared.glyph_warnings() == ()
    assert prepared(ZH).startswith(b"%PDF")


def _with_travel_facts(trip: TripBrief) -> TripBrief:
    """The world's CA931 as it really flies (lands 07:15 Frankfurt time), a passport, a diet,
    a counterpart with the ask, and a dossier."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    t = trip.trip
    items = list(t.items)
    flight = items[0]
    items[0] = dataclasses.replace(
        flight, arrival_timezone="Europe/Berlin",
        ends_at=datetime(2023, 3, 23, 7, 15, tzinfo=ZoneInfo("Europe/Berlin")),
        carrier="中国国际航空", service_number="CA931", from_place="北京首都国际机场",
        from_code="PEK", from_terminal="T3", to_place="法兰克福机场", to_code="FRA",
        to_terminal="T1", booking_ref="X7KQ2M", seat_class="公务舱", meeting_point="T3 F 岛")
    contact = trip.organisations[0].organisation.contacts[0]
    items[2] = dataclasses.replace(items[2], counterparts=(contact,), ask="扩产项目落户松山湖",
                                   offer="成片产业用地")
    members = list(t.members)
    members[0] = dataclasses.replace(members[0], person=dataclasses.replace(
        members[0].person, passport_number="EA1234567", passport_expires=date(2027, 5, 1),
        visa_status="申根签证已签发", dietary="清真", mobile_abroad="+49 151 0000 0001"))
    profiles = list(trip.organisations)
    profiles[0] = dataclasses.replace(profiles[0], organisation=dataclasses.replace(
        profiles[0].organisation, business="汽车零部件", revenue_cny=700_000_000_000,
        employees=421_000, gba_presence="深圳设有工厂"))
    return dataclasses.replace(trip, trip=dataclasses.replace(t, items=tuple(items),
                                                              members=tuple(members)),
                               organisations=tuple(profiles))


def test_a_leg_prints_both_local_times_each_in_its_zone(trip: TripBrief) -> None:
    data = _with_travel_facts(trip)
    text = flat(render_trip(data, ZH))
    # departs 02:10 Beijing, lands 07:15 in Frankfurt: both local, Beijing time beside
    assert "02:10–07:15UTC+8→UTC+1" in text
    assert "中国国际航空CA931" in text
    assert "从北京首都国际机场(PEK)T3" in text and "至法兰克福机场(FRA)T1" in text
    assert "订座X7KQ2M" in text
    en = flat(render_trip(data, EN))
    assert "From北京首都国际机场(PEK)T3" in en


def test_roster_dossier_and_meeting_print_the_new_records(trip: TripBrief) -> None:
    text = flat(render_trip(_with_travel_facts(trip), ZH))
    assert "护照EA1234567" in text and "有效期至2027-05-01" in text and "清真" in text
    assert "境外+4915100000001" in text
    assert "营业收入7,000亿元；员工421,000人" in text and "深圳设有工厂" in text
    assert "我方诉求Whatweask扩产项目落户松山湖" in text and "成片产业用地" in text


def test_redaction_leaves_out_passports_phones_and_bookings(trip: TripBrief) -> None:
    data = _with_travel_facts(trip)
    redacted = dataclasses.replace(ZH, redact=True)
    text = flat(render_trip(data, redacted))
    for secret in ("EA1234567", "+4915100000001", "X7KQ2M", "+861380000000"):
        assert secret not in text
    assert "（已隐去）" in text
    assert "王建国" in text and "清真" in text  # names and diets stay


def test_the_calendar_ends_a_leg_in_its_arrival_zone(brief_world: World) -> None:
    from calendars import ExportScope, collect, render

    sessions, w = brief_world
    with sessions() as session:
        data = collect(session, ExportScope(trip_codes=(w.trip_code,)))
    trip = data.trips[0]
    items = list(trip.items)
    items[0] = _with_travel_facts_item(items[0])
    data = dataclasses.replace(data, trips=(dataclasses.replace(trip, items=tuple(items)),))
    ics = render(data, Lang.ZH).decode() if isinstance(render(data, Lang.ZH), bytes) else str(
        render(data, Lang.ZH))
    unfolded = ics.replace("\r\n ", "")
    assert "DTSTART;TZID=Asia/Shanghai:20230323T021000" in unfolded
    assert "DTEND;TZID=Europe/Berlin:20230323T071500" in unfolded
    assert "TZID:Europe/Berlin" in unfolded


def _with_travel_facts_item(flight: object) -> object:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return dataclasses.replace(
        flight, arrival_timezone="Europe/Berlin",  # type: ignore[type-var]
        ends_at=datetime(2023, 3, 23, 7, 15, tzinfo=ZoneInfo("Europe/Berlin")))
