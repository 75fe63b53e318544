"""Travel legs: time to get there, late arrivals, overnight flights, the date line, city changes
without transport and nights without a stay."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from models.checks import Conflict, run_checks
from models.enums import ConflictKind, ItemKind, Severity
from tests.factories import make_trip, make_world
from tests.models.checks.places import add_city, item

LEGS = (ConflictKind.TOO_TIGHT, ConflictKind.LANDS_LATE, ConflictKind.CITY_CHANGE,
        ConflictKind.NIGHT_WITHOUT_STAY, ConflictKind.ITEM_OUTSIDE_TRIP)
BERLIN = "Europe/Berlin"


def _legs(sessions: sessionmaker[Session], code: str) -> list[Conflict]:
    with sessions() as s:
        return [c for c in run_checks(s, trip_codes=[code]) if c.kind in LEGS]


def test_not_enough_time_between_cities(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        munich = add_city(s, w, "慕尼黑", "Munich", "DE", BERLIN)
        trip = make_trip(s, w, city_ids=[w.berlin_id, munich], items=[
            item(w, date(2023, 3, 24), "09:00", "10:00", BERLIN, w.berlin_id, place="A"),
            item(w, date(2023, 3, 24), "10:10", "11:00", BERLIN, w.berlin_id, place="B"),
            item(w, date(2023, 3, 24), "11:30", "12:00", BERLIN, munich, place="C",
                 kind=ItemKind.TRANSFER, title="乘车"),
            item(w, date(2023, 3, 24), "13:00", "14:00", BERLIN, munich, place="D"),
            item(w, date(2023, 3, 24), "14:00", "15:00", BERLIN, munich, place="D 会议室")])
    legs = _legs(sessions, trip.code)
    found = [c for c in legs if c.kind is ConflictKind.TOO_TIGHT]
    assert [(c.severity, "10 min" in c.message_en) for c in found] == [(Severity.WARNING, True)]
    assert "至少需要 30 分钟" in found[0].message_zh
    # no hotel at all: the seven nights make one finding
    assert [c.message_zh for c in legs if c.kind is ConflictKind.NIGHT_WITHOUT_STAY] == [
        f"{trip.code}：3月23日至3月29日晚（7 晚）没有安排住宿（酒店）"]


def test_an_overnight_flight_landing_after_the_first_meeting(
        sessions: sessionmaker[Session]) -> None:
    """CX from Hong Kong at 23:45 on 25 March lands in Frankfurt the next morning, the night
    summer time begins: 15 hours later is 08:45 CEST (07:45 had it stayed winter time)."""
    with sessions.begin() as s:
        w = make_world(s)
        hk = add_city(s, w, "香港", "Hong Kong", "HK", "Asia/Hong_Kong")
        trip = make_trip(s, w, start_date=date(2023, 3, 25), end_date=date(2023, 3, 28), items=[
            item(w, date(2023, 3, 25), "23:45", "14:45", "Asia/Hong_Kong", hk,
                 end_day=date(2023, 3, 26), kind=ItemKind.FLIGHT, title="CX289 香港—法兰克福",
                 title_en="CX289 Hong Kong–Frankfurt"),
            item(w, date(2023, 3, 26), "07:30", "09:00", BERLIN, w.berlin_id, title="早会",
                 title_en="Early meeting"),
            item(w, date(2023, 3, 26), "10:00", "10:30", BERLIN, w.berlin_id,
                 kind=ItemKind.HOTEL, title="入住酒店"),
            item(w, date(2023, 3, 27), "10:00", "11:00", BERLIN, w.berlin_id, place="X"),
            item(w, date(2023, 3, 28), "10:00", "11:00", BERLIN, w.berlin_id, place="Y")])
    found = _legs(sessions, trip.code)
    late = [c for c in found if c.kind is ConflictKind.LANDS_LATE]
    assert [c.severity for c in late] == [Severity.ERROR]
    assert "arrives at 03-26 08:45 local time, after 'Early meeting' begins at 03-26 07:30" \
        in late[0].message_en
    # the night of the 25th is spent on the plane; the 26th and 27th in the hotel
    assert not [c for c in found if c.kind is ConflictKind.NIGHT_WITHOUT_STAY]


def test_across_the_date_line(sessions: sessionmaker[Session]) -> None:
    """Tokyo 17:00 on 25 March to San Francisco lands at 10:00 the same calendar day."""
    with sessions.begin() as s:
        w = make_world(s)
        tokyo = add_city(s, w, "东京", "Tokyo", "JP", "Asia/Tokyo")
        sf = add_city(s, w, "旧金山", "San Francisco", "US", "America/Los_Angeles")
        trip = make_trip(s, w, start_date=date(2023, 3, 24), end_date=date(2023, 3, 25),
                         city_ids=[tokyo, sf], items=[
                             item(w, date(2023, 3, 24), "15:00", "16:00", "Asia/Tokyo", tokyo),
                             item(w, date(2023, 3, 24), "18:00", "18:30", "Asia/Tokyo", tokyo,
                                  kind=ItemKind.HOTEL),
                             item(w, date(2023, 3, 25), "17:00", "18:00", "Asia/Tokyo", tokyo,
                                  end_day=date(2023, 3, 25), kind=ItemKind.FLIGHT,
                                  title="UA838"),
                             item(w, date(2023, 3, 25), "14:00", "15:00", "America/Los_Angeles",
                                  sf, title="下午拜访", title_en="Afternoon visit")])
    # the flight is entered in Tokyo time: 17:00 JST to 18:00 JST is not its real end; use the
    # landing instant instead: 10:00 PDT on the 25th is 02:00 JST on the 26th
    with sessions.begin() as s:
        from models.timeutil import at
        from models.trips import ItineraryItem
        flight = s.query(ItineraryItem).filter_by(title_zh="UA838").one()
        flight.ends_at = at(date(2023, 3, 25), "10:00", "America/Los_Angeles")
    found = _legs(sessions, trip.code)
    assert [c.kind for c in found] == []  # lands 10:00, visit at 14:00; the 25th is in the trip
    with sessions.begin() as s:
        visit = s.query(ItineraryItem).filter_by(title_zh="下午拜访").one()
        visit.starts_at = at(date(2023, 3, 25), "09:00", "America/Los_Angeles")
    found = _legs(sessions, trip.code)
    assert [c.kind for c in found] == [ConflictKind.LANDS_LATE]
    assert "arrives at 03-25 10:00 local time" in found[0].message_en


def test_a_city_change_without_transport_and_a_night_without_a_stay(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        munich = add_city(s, w, "慕尼黑", "Munich", "DE", BERLIN)
        trip = make_trip(s, w, start_date=date(2023, 3, 24), end_date=date(2023, 3, 26),
                         city_ids=[w.berlin_id, munich], items=[
                             item(w, date(2023, 3, 24), "09:00", "10:00", BERLIN, w.berlin_id),
                             item(w, date(2023, 3, 24), "18:00", "18:30", BERLIN, w.berlin_id,
                                  kind=ItemKind.HOTEL),
                             item(w, date(2023, 3, 25), "14:00", "15:00", BERLIN, munich,
                                  title="拜访宝马", title_en="Visit BMW")])
    found = _legs(sessions, trip.code)
    assert [c.kind for c in found] == [ConflictKind.CITY_CHANGE, ConflictKind.NIGHT_WITHOUT_STAY]
    assert "with no flight, train or transfer" in found[0].message_en
    assert "Visit BMW" in found[0].message_en
    assert found[1].message_zh.endswith("3月25日晚没有安排住宿（酒店）")
