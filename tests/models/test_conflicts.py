"""The conflict finder explains double bookings, venue clashes, stray items and absent leaders."""

from __future__ import annotations

from datetime import date

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from models.conflicts import find_conflicts, open_conflicts
from models.enums import ConflictKind, EventKind, EventStatus, MemberRole, Severity, TripStatus
from models.language import Lang
from models.operations.events import EventDraft, create_event, set_event_status
from models.operations.trips import set_trip_status
from models.timeutil import at
from models.trips import ItineraryItem
from tests.factories import item_draft, make_trip, make_world


def _event(w_city: int, lead: int | None, day: int, venue: str = "东莞国际会展中心",
           month: int = 3) -> EventDraft:
    return EventDraft(
        kind=EventKind.VIP_MEETING, title_zh=f"投资东莞尊享会 {day} 日",
        starts_at=at(date(2023, month, day), "14:00", "Asia/Shanghai"),
        ends_at=at(date(2023, month, day), "17:00", "Asia/Shanghai"), timezone="Asia/Shanghai",
        venue=venue, city_id=w_city, lead_person_id=lead,
    )


def test_no_conflicts_in_a_clean_plan(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w, items=[item_draft(w)])
        create_event(s, _event(w.dongguan_id, w.leader_id, day=10, month=4))
    with sessions() as s:
        assert find_conflicts(s) == []


def test_person_in_two_overlapping_trips(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w)
        make_trip(s, w, title_zh="日韩半导体路演", start_date=date(2023, 3, 28),
                  end_date=date(2023, 4, 2), leader_id=None,
                  members=[(w.staff_id, MemberRole.MEMBER)])
    with sessions() as s:
        found = find_conflicts(s)
    assert [c.kind for c in found] == ["person_double_booked"]
    assert found[0].codes == ("TRIP-2023-001", "TRIP-2023-002")
    assert "李晓敏" in found[0].message_zh and "Li Xiaomin" in found[0].message_en


def test_venue_booked_twice(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        create_event(s, _event(w.dongguan_id, None, day=10, month=4))
        create_event(s, _event(w.dongguan_id, None, day=10, month=4))
        create_event(s, _event(w.dongguan_id, None, day=11, month=4))
    with sessions() as s:
        found = find_conflicts(s)
    assert [c.kind for c in found] == ["venue_double_booked"]
    assert found[0].codes == ("EVT-2023-001", "EVT-2023-002")


def test_item_outside_its_trip_written_behind_the_rules(sessions: sessionmaker[Session]) -> None:
    """Data from elsewhere (an old import, a bulk edit) can still put an item out of range."""
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w, items=[item_draft(w)])
        s.execute(update(ItineraryItem).values(
            starts_at=at(date(2023, 4, 2), "09:00", "Europe/Berlin"),
            ends_at=at(date(2023, 4, 2), "10:00", "Europe/Berlin")))
    with sessions() as s:
        found = find_conflicts(s)
    assert [c.kind for c in found] == ["item_outside_trip"]
    assert found[0].item_id is not None


def test_leader_hosting_an_event_at_home_during_the_trip(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w)
        create_event(s, _event(w.dongguan_id, w.leader_id, day=25))
    with sessions() as s:
        found = find_conflicts(s)
        only_trip = find_conflicts(s, trip_codes={"TRIP-2023-001"})
        unrelated = find_conflicts(s, trip_codes={"TRIP-2023-099"})
    assert [c.kind for c in found] == ["leader_away"]
    assert "王建国" in found[0].message_zh and "EVT-2023-001" in found[0].message_zh
    assert only_trip == found
    assert unrelated == []


def test_attendee_in_two_items_at_once(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w, items=[
            item_draft(w, start="09:00", end="11:00"),
            item_draft(w, start="10:00", end="12:00", title_zh="推介会"),
        ])
    with sessions() as s:
        found = find_conflicts(s)
    assert [(c.kind, c.severity) for c in found] == [("person_double_booked", "warning")]
    assert "推介会" in found[0].message_zh


def test_cancelled_records_do_not_conflict(sessions: sessionmaker[Session]) -> None:
    from models.operations.trips import cancel_trip

    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w)
        create_event(s, _event(w.dongguan_id, w.leader_id, day=25))
        cancel_trip(s, "TRIP-2023-001", "改期")
    with sessions() as s:
        assert find_conflicts(s) == []


def test_narrowed_search_finds_what_the_full_search_finds(
    sample_sessions: sessionmaker[Session],
) -> None:
    with sample_sessions() as s:
        everything = find_conflicts(s)
        codes = {code for c in everything for code in c.codes}
        assert 2 <= len(everything) <= 4
        for code in codes:
            wanted = {code}
            expected = [c for c in everything if wanted & set(c.codes)]
            if code.startswith("TRIP-"):
                assert find_conflicts(s, trip_codes=wanted) == expected
            else:
                assert find_conflicts(s, event_codes=wanted) == expected
        assert find_conflicts(s, trip_codes={"TRIP-1999-001"}) == []


def test_kinds_and_severities_are_enums_with_labels_and_their_old_strings(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w)
        create_event(s, _event(w.dongguan_id, w.leader_id, day=25))
    with sessions() as s:
        (found,) = find_conflicts(s)
    assert found.kind is ConflictKind.LEADER_AWAY and found.severity is Severity.WARNING
    assert (found.kind.value, found.severity.value) == ("leader_away", "warning")
    # the four clashes keep their old strings; the scheduling checks (issue 14) follow them
    assert [k.value for k in ConflictKind][:4] == [
        "person_double_booked", "venue_double_booked", "item_outside_trip", "leader_away"]
    assert {"holiday", "outside_hours", "too_tight", "trips_per_month", "target_short"} <= {
        k.value for k in ConflictKind}
    assert (Severity.ERROR.label(Lang.ZH), Severity.ERROR.label(Lang.EN)) == ("冲突", "Conflict")
    assert (Severity.WARNING.zh, Severity.WARNING.en) == ("提醒", "Warning")
    assert ConflictKind.PERSON_DOUBLE_BOOKED.zh == "人员重复安排"
    assert all(k.zh and k.en for k in ConflictKind)


def test_open_conflicts_come_errors_first_and_end_with_the_trips(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        first = make_trip(s, w)  # 23–30 March, led by 王建国
        second = make_trip(s, w, title_zh="日本半导体路演", start_date=date(2023, 3, 27),
                           end_date=date(2023, 3, 29), members=[(w.leader_id, MemberRole.LEADER)])
        summit = create_event(s, _event(w.dongguan_id, w.leader_id, day=25)).value
    with sessions() as s:
        found = open_conflicts(s, date(2023, 3, 20), date(2023, 12, 31))
        over = open_conflicts(s, date(2023, 3, 31), date(2023, 12, 31))
        not_yet = open_conflicts(s, date(2023, 1, 1), date(2023, 3, 22))
    assert [(c.kind, c.severity) for c in found] == [
        (ConflictKind.PERSON_DOUBLE_BOOKED, Severity.ERROR),
        (ConflictKind.LEADER_AWAY, Severity.WARNING)]
    assert [c.codes for c in found] == [(first.code, second.code), (first.code, summit.code)]
    assert over == [] and not_yet == []


def test_done_and_cancelled_records_no_longer_matter(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        a = create_event(s, _event(w.dongguan_id, None, day=10, month=4)).value
        b = create_event(s, _event(w.dongguan_id, None, day=10, month=4)).value
        trip = make_trip(s, w, items=[item_draft(w, start="09:00", end="11:00"),
                                      item_draft(w, start="10:00", end="12:00")])
    window = (date(2023, 3, 1), date(2023, 12, 31))
    with sessions() as s:  # the finder lists the warning first; open conflicts put errors first
        assert [c.severity for c in find_conflicts(s)] == [Severity.WARNING, Severity.ERROR]
        assert [(c.kind, c.severity) for c in open_conflicts(s, *window)] == [
            (ConflictKind.VENUE_DOUBLE_BOOKED, Severity.ERROR),
            (ConflictKind.PERSON_DOUBLE_BOOKED, Severity.WARNING)]
    with sessions.begin() as s:
        set_event_status(s, a.code, EventStatus.DONE)
        for status in (TripStatus.PLANNED, TripStatus.APPROVED, TripStatus.UNDERWAY,
                       TripStatus.DONE):
            set_trip_status(s, trip.id, status)
    with sessions() as s:  # one event of the clash is still open
        assert [c.codes for c in open_conflicts(s, *window)] == [(a.code, b.code)]
    with sessions.begin() as s:
        set_event_status(s, b.code, EventStatus.CANCELLED, "改期")
    with sessions() as s:
        assert open_conflicts(s, *window) == []


def test_the_window_is_in_beijing_time(sessions: sessionmaker[Session]) -> None:
    """Events at half past midnight in Beijing on 10 April: 9 April in UTC."""
    with sessions.begin() as s:
        w = make_world(s)
        for _ in range(2):
            draft = _event(w.dongguan_id, None, day=10, month=4)
            draft.starts_at = at(date(2023, 4, 10), "00:30", "Asia/Shanghai")
            draft.ends_at = at(date(2023, 4, 10), "02:00", "Asia/Shanghai")
            create_event(s, draft)
    with sessions() as s:
        assert open_conflicts(s, date(2023, 4, 1), date(2023, 4, 9)) == []
        assert len(open_conflicts(s, date(2023, 4, 1), date(2023, 4, 10))) == 1
        assert len(open_conflicts(s, date(2023, 4, 10), date(2023, 4, 10))) == 1
        assert open_conflicts(s, date(2023, 4, 11), date(2023, 4, 30)) == []
