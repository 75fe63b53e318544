"""The records a delegation travels with: legs that land in their own zone, stays, the people
met and the ask, delegates' documents and organisations' dossiers; kept, checked, upgraded."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from models import queries
from models.database import alembic_config, create_db_engine, open_database
from models.enums import ItemKind, PersonKind
from models.errors import ValidationError
from models.operations.directory import (
    OrganisationDraft,
    PersonDraft,
    create_organisation,
    create_person,
    organisation_draft,
    person_draft,
)
from models.operations.items import TravelDetails, add_item
from models.operations.trips import trip_draft, update_trip
from models.sample import load_sample
from tests.factories import at, item_draft, make_trip, make_world

FLIGHT = TravelDetails(arrival_timezone="Europe/Berlin", carrier="中国国际航空 Air China",
                       service_number="CA931", from_place="北京首都国际机场", from_code="PEK",
                       from_terminal="T3", to_place="法兰克福机场", to_code="FRA",
                       to_terminal="T1", booking_ref="X7KQ2M", seat_class="公务舱",
                       meeting_point="T3 国际出发 F 岛")


def test_a_leg_lands_in_its_own_zone_and_keeps_every_detail(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        guest = create_person(s, PersonDraft("汉斯·穆勒", PersonKind.EXTERNAL, "Hans Müller",
                                             organisation_id=w.org_id)).value
        trip = make_trip(s, w, items=[])
        add_item(s, trip.code, item_draft(
            w, 23, kind=ItemKind.FLIGHT, title_zh="CA931 北京—法兰克福",
            timezone="Asia/Shanghai", starts_at=at(date(2023, 3, 23), "02:10", "Asia/Shanghai"),
            ends_at=at(date(2023, 3, 23), "07:15", "Europe/Berlin"), organisation_id=None,
            travel=FLIGHT, attendee_ids=[]))
        add_item(s, trip.code, item_draft(w, 24, counterpart_ids=[guest.id],
                                          ask="扩产项目落户松山湖", offer="成片产业用地"))
    with sessions() as s:
        detail = queries.trip_detail(s, trip.code)
        draft = trip_draft(s, trip.code)
    flight, visit = detail.items
    assert flight.end_zone == "Europe/Berlin" and flight.timezone == "Asia/Shanghai"
    assert f"{flight.local_start:%H:%M}" == "02:10" and f"{flight.local_arrival:%H:%M}" == "07:15"
    assert f"{flight.local_end:%H:%M}" == "14:15"  # the same instant on Beijing's clock
    assert (flight.carrier, flight.from_code, flight.to_terminal, flight.booking_ref) == (
        "中国国际航空 Air China", "PEK", "T1", "X7KQ2M")
    assert [p.name_zh for p in visit.counterparts] == ["汉斯·穆勒"]
    assert (visit.ask, visit.offer) == ("扩产项目落户松山湖", "成片产业用地")
    # read back as a draft and saved again: nothing changes
    assert draft.items is not None and draft.items[0].travel == FLIGHT
    with sessions.begin() as s:
        update_trip(s, trip.code, draft)
    with sessions() as s:
        assert queries.trip_detail(s, trip.code).items == detail.items


def test_a_wrong_arrival_zone_or_counterpart_is_refused(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        trip = make_trip(s, w, items=[])
    for travel, counterparts, field in (
            (replace(FLIGHT, arrival_timezone="Europe/Frankfurt"), [], "arrival_timezone"),
            (replace(FLIGHT, service_number="X" * 21), [], "service_number"),
            (FLIGHT, [999_999], "counterpart_ids")):
        with sessions.begin() as s, pytest.raises(ValidationError) as caught:
            add_item(s, trip.code, item_draft(w, 24, travel=travel,
                                              counterpart_ids=counterparts))
        assert caught.value.field == field
    with sessions() as s:
        assert queries.trip_detail(s, trip.code).items == ()


def test_delegate_details_and_dossiers_are_kept(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        person = create_person(s, PersonDraft(
            "李晓敏", PersonKind.BUREAU_STAFF, mobile_abroad="+86 139 0000 1234",
            passport_number="EA1234567", passport_expires=date(2027, 5, 1),
            visa_status="申根签证已签发", dietary="清真")).value
        org = create_organisation(s, OrganisationDraft(
            "博世集团", business="汽车零部件与工业技术", revenue_cny=700_000_000_000,
            employees=421_000, china_presence="在华 60 余家公司",
            gba_presence="深圳、广州设有工厂")).value
    with sessions() as s:
        p = person_draft(s, person.id)
        o = organisation_draft(s, org.id)
    assert (p.mobile_abroad, p.passport_number, p.passport_expires, p.visa_status, p.dietary) == (
        "+86 139 0000 1234", "EA1234567", date(2027, 5, 1), "申根签证已签发", "清真")
    assert (o.business, o.revenue_cny, o.employees, o.gba_presence) == (
        "汽车零部件与工业技术", 700_000_000_000, 421_000, "深圳、广州设有工厂")
    with sessions.begin() as s, pytest.raises(ValidationError):
        create_organisation(s, OrganisationDraft("负数公司", employees=-1))


def test_a_database_of_the_previous_schema_upgrades_and_keeps_its_data(db_url: str) -> None:
    engine = create_db_engine(db_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    engine.dispose()
    engine, sessions = open_database(db_url)
    try:
        with sessions.begin() as s:
            counts = load_sample(s)
        with engine.begin() as conn:  # back to the schema before the briefing records
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002")
            items = conn.execute(text("SELECT count(*) FROM itinerary_items")).scalar_one()
    finally:
        engine.dispose()
    assert items == counts["items"]
    engine, sessions = open_database(db_url)  # upgrades in place
    try:
        with sessions() as s:
            detail = queries.trip_detail(s, "TRIP-2023-005")
            assert len(queries.list_trips(s)) == counts["trips"]
        assert all(i.arrival_timezone == "" and i.counterparts == () for i in detail.items)
        assert detail.members[0].person.passport_number == ""
    finally:
        engine.dispose()


def test_the_sample_flies_into_the_arrival_zone(loaded_sample: sessionmaker[Session]) -> None:
    with loaded_sample() as s:
        detail = queries.trip_detail(s, "TRIP-2023-005")
        every = [queries.trip_detail(s, t.code) for t in queries.list_trips(s)]
    outbound = next(i for i in detail.items if i.service_number == "CX563")
    assert (outbound.from_code, outbound.to_code, outbound.end_zone) == ("HKG", "FRA",
                                                                        "Europe/Berlin")
    assert f"{outbound.local_arrival:%m-%d %H:%M}" == "03-24 04:45"
    hotel = next(i for i in detail.items if i.kind is ItemKind.HOTEL)
    assert hotel.address.startswith("Wilhelm-Leuschner-Straße 43") and hotel.phone
    assert all(i.ask and i.offer for i in detail.items if i.kind is ItemKind.COMPANY_VISIT)
    assert sum(1 for t in every for i in t.items if i.counterparts) >= 20
    assert all(m.person.passport_number for m in detail.members)
