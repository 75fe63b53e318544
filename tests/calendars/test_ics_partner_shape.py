"""Partners' calendars keep their shape: all-day entries, their UIDs and zones, the kind each
entry suggests; UTF-16 files and times in a spring-forward gap get the right message; the work
per imported entry does not grow with the itinerary."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from calendars import ExportScope, export_ics, import_ics
from models.enums import EventKind, ItemKind
from models.errors import ValidationError
from models.events import ThemedEvent
from models.language import Lang
from models.trips import ItineraryItem, Trip
from tests.calendars.calendar_world import CalendarWorld, make_calendar_world
from tests.calendars.ics_checks import assert_valid
from tests.statements import recorded

CHECK_ICS = Path("/work/shared/checks/check-ics")


def ics(*events: list[str], extra: tuple[str, ...] = ()) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Partner//Planner//DE", *extra]
    for body in events:
        lines += ["BEGIN:VEVENT", "DTSTAMP:20230301T000000Z", *body, "END:VEVENT"]
    return "\r\n".join([*lines, "END:VCALENDAR", ""]).encode()


FAIR = ["UID:messe-2023@partner.de", "DTSTART;VALUE=DATE:20230328",
        "DTEND;VALUE=DATE:20230330", "SUMMARY:Hannover Messe 汉诺威工业博览会"]
CALL = ["UID:040000008200E00074C5B7101A82E0080000@outlook",
        "DTSTART;TZID=China Standard Time:20230327T160000",
        "DTEND;TZID=China Standard Time:20230327T163000",
        "SUMMARY:与总部电话沟通", "CATEGORIES:Phone call"]
FLIGHT = ["UID:pnr-ABC123-1@airline.example", "DTSTART:20230323T020000Z",
          "DTEND:20230323T140000Z", "SUMMARY:CA931 PEK-FRA"]
PARTNER = ics(FAIR, CALL, FLIGHT)


@pytest.fixture
def cw(sessions: sessionmaker[Session]) -> CalendarWorld:
    with sessions.begin() as s:
        return make_calendar_world(s)


def by_title(sessions: sessionmaker[Session], code: str) -> dict[str, ItineraryItem]:
    with sessions() as s:
        trip = s.scalars(select(Trip).where(Trip.code == code)).one()
        items = {i.title_zh: i for i in trip.items}
        s.expunge_all()
        return items


def vevent(data: bytes, uid: str) -> dict[str, object]:
    cal = Calendar.from_ical(data)
    for component in cal.walk("VEVENT"):
        if str(component["UID"]) == uid:
            return dict(component)
    raise AssertionError(f"no VEVENT with UID {uid}")


def test_all_day_foreign_zone_and_partner_uid_survive_import_export_import(
        sessions: sessionmaker[Session], cw: CalendarWorld, tmp_path: Path) -> None:
    with sessions.begin() as s:
        report = import_ics(s, PARTNER, trip_code=cw.trip_code)
    assert (report.created, report.skipped) == (3, 0)
    items = by_title(sessions, cw.trip_code)
    fair, call, flight = (items["Hannover Messe 汉诺威工业博览会"], items["与总部电话沟通"],
                          items["CA931 PEK-FRA"])
    assert fair.all_day and fair.external_uid == "messe-2023@partner.de"
    assert fair.timezone == "Europe/Berlin"
    assert fair.kind is ItemKind.TRADE_FAIR
    assert call.timezone == "Asia/Shanghai"  # "China Standard Time" kept, as its IANA name
    assert call.starts_at == datetime(2023, 3, 27, 8, 0, tzinfo=UTC)
    assert call.kind is ItemKind.MEETING and not call.all_day
    assert flight.kind is ItemKind.FLIGHT

    exported = export_ics(sessions, ExportScope(trip_codes=(cw.trip_code,)))
    assert_valid(exported)
    path = tmp_path / "back-to-partner.ics"
    path.write_bytes(exported)
    if CHECK_ICS.exists() and shutil.which("bash"):
        result = subprocess.run([str(CHECK_ICS), str(path)], capture_output=True, text=True,
                                timeout=300, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
    out_fair = vevent(exported, "messe-2023@partner.de")  # the partner's own UID
    assert out_fair["DTSTART"].to_ical() == b"20230328"  # type: ignore[attr-defined]
    assert out_fair["DTEND"].to_ical() == b"20230330"  # type: ignore[attr-defined]
    assert out_fair["DTSTART"].params.get("VALUE") == "DATE"  # type: ignore[attr-defined]
    out_call = vevent(exported, "040000008200E00074C5B7101A82E0080000@outlook")
    assert out_call["DTSTART"].params["TZID"] == "Asia/Shanghai"  # type: ignore[attr-defined]
    assert b"campaign-planner" not in b"".join(
        line for line in exported.split(b"\r\n") if line.startswith(b"UID:messe"))

    before = by_title(sessions, cw.trip_code)
    with sessions.begin() as s:
        again = import_ics(s, exported, trip_code=cw.trip_code)
    assert (again.created, again.updated, again.deleted) == (0, 0, 0)
    after = by_title(sessions, cw.trip_code)
    assert {t: (i.uuid, i.revision, i.all_day, i.timezone, i.external_uid)
            for t, i in after.items()} == {
        t: (i.uuid, i.revision, i.all_day, i.timezone, i.external_uid) for t, i in before.items()}


def test_a_partner_update_finds_the_entry_by_its_uid(sessions: sessionmaker[Session],
                                                     cw: CalendarWorld) -> None:
    with sessions.begin() as s:
        import_ics(s, PARTNER, trip_code=cw.trip_code)
    moved = ics([*FAIR[:1], "DTSTART;VALUE=DATE:20230327", "DTEND;VALUE=DATE:20230330",
                 "SUMMARY:Hannover Messe 汉诺威工业博览会", "SEQUENCE:1"])
    with sessions.begin() as s:
        report = import_ics(s, moved, trip_code=cw.trip_code)
    assert (report.created, report.updated) == (0, 1)
    fair = by_title(sessions, cw.trip_code)["Hannover Messe 汉诺威工业博览会"]
    assert fair.all_day and fair.starts_at == datetime(2023, 3, 26, 22, 0, tzinfo=UTC)  # CEST


def test_kinds_from_categories_flight_numbers_words_and_the_default(
        sessions: sessionmaker[Session], cw: CalendarWorld) -> None:
    data = ics(
        ["UID:a@p", "DTSTART;TZID=Europe/Berlin:20230324T090000", "DURATION:PT1H",
         "SUMMARY:Abstimmung", "CATEGORIES:Hotel,Intern"],
        ["UID:b@p", "DTSTART;TZID=Europe/Berlin:20230324T110000", "DURATION:PT1H",
         "SUMMARY:LH 1234 nach München"],
        ["UID:c@p", "DTSTART;TZID=Europe/Berlin:20230324T130000", "DURATION:PT1H",
         "SUMMARY:视频会议：合同条款"],
        ["UID:d@p", "DTSTART;TZID=Europe/Berlin:20230324T150000", "DURATION:PT1H",
         "SUMMARY:Abstimmung intern"],
    )
    with sessions() as s:
        report = import_ics(s, data, trip_code=cw.trip_code, default_kind="自由活动")
        kinds = [e.kind for e in report.entries]
    assert kinds == [ItemKind.HOTEL, ItemKind.FLIGHT, ItemKind.MEETING, ItemKind.FREE_TIME]
    assert report.entries[1].text(Lang.ZH).endswith("类别：航班（Europe/Berlin）")
    assert report.entries[1].text(Lang.EN).endswith("as Flight (Europe/Berlin)")
    with sessions() as s, pytest.raises(ValidationError) as refused:
        import_ics(s, data, trip_code=cw.trip_code, default_kind="lunch")
    assert "未知的类别“lunch”" in refused.value.message_zh
    assert "company_visit" in (refused.value.message_en or "")


def test_event_kinds_from_categories_and_the_default(sessions: sessionmaker[Session],
                                                     cw: CalendarWorld) -> None:
    data = ics(["UID:e1@p", "DTSTART;TZID=Asia/Shanghai:20230612T090000", "DURATION:PT8H",
                "SUMMARY:年度大会", "CATEGORIES:Industry summit"],
               ["UID:e2@p", "DTSTART;TZID=Asia/Shanghai:20230613T090000", "DURATION:PT8H",
                "SUMMARY:年度见面", "CATEGORIES:Intern"])
    with sessions.begin() as s:
        import_ics(s, data, as_events=True, default_kind="vip_meeting")
    with sessions() as s:
        kinds = {e.title_zh: (e.kind, e.external_uid) for e in s.scalars(
            select(ThemedEvent).where(ThemedEvent.external_uid != ""))}
    assert kinds == {"年度大会": (EventKind.INDUSTRY_SUMMIT, "e1@p"),
                     "年度见面": (EventKind.VIP_MEETING, "e2@p")}


def test_a_utf16_file_is_read(sessions: sessionmaker[Session], cw: CalendarWorld) -> None:
    text = PARTNER.decode("utf-8")
    for encoded in (text.encode("utf-16"), text.encode("utf-16-le"), text.encode("utf-16-be")):
        with sessions() as s:
            report = import_ics(s, encoded, trip_code=cw.trip_code)
        assert report.created == 3
        assert "Hannover Messe 汉诺威工业博览会" in report.entries[0].label_zh


def test_a_time_in_the_spring_forward_gap_is_named(sessions: sessionmaker[Session],
                                                   cw: CalendarWorld) -> None:
    gap = ics(["UID:gap@p", "DTSTART;TZID=Europe/Berlin:20230326T023000",
               "DTEND;TZID=Europe/Berlin:20230326T033000", "SUMMARY:Frühstück"])
    with sessions() as s, pytest.raises(ValidationError) as refused:
        import_ics(s, gap, trip_code=cw.trip_code)
    assert "DTSTART 2023-03-26 02:30 在时区 Europe/Berlin 中不存在" in refused.value.message_zh
    assert "does not exist in Europe/Berlin" in (refused.value.message_en or "")
    assert "结束" not in refused.value.message_zh


def _entries(first: int, count: int) -> bytes:
    return ics(*[[f"UID:n{n}@p", f"DTSTART;TZID=Europe/Berlin:202303{24 + n % 6:02d}T"
                  f"{8 + (n // 6) % 10:02d}{(n // 60) % 60:02d}00", "DURATION:PT5M",
                  f"SUMMARY:Termin {n}"] for n in range(first, first + count)])


def _work(sessions: sessionmaker[Session], code: str, data: bytes) -> tuple[int, int]:
    """Statements and flushes one import takes."""
    flushes = [0]
    with sessions.begin() as s:

        def on_flush(*_args: object) -> None:
            flushes[0] += 1

        event.listen(s, "before_flush", on_flush)
        try:
            with recorded(s) as statements:
                import_ics(s, data, trip_code=code)
        finally:
            event.remove(s, "before_flush", on_flush)
    return len(statements), flushes[0]


def test_import_work_does_not_grow_with_the_itinerary(sessions: sessionmaker[Session],
                                                      cw: CalendarWorld) -> None:
    """Twenty new entries cost the same into a trip of 4 items as into one of 304, and the
    flushes do not grow with the number of entries (each flush walks the trip's items)."""
    small = _work(sessions, cw.trip_code, _entries(10_000, 20))
    with sessions.begin() as s:
        import_ics(s, _entries(0, 300), trip_code=cw.trip_code)
    large = _work(sessions, cw.trip_code, _entries(20_000, 20))
    assert large == small
    more = _work(sessions, cw.trip_code, _entries(30_000, 200))
    assert more[1] == small[1]  # ten times the entries, the same flushes
