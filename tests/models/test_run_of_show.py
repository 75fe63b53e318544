"""An event's run-of-show: staff posts, guests of honour with their seats and duties by unit;
kept in order, checked, moved with the event, refused half-applied, loaded for every sample
event, upgraded in place."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from models import queries
from models.changes import RecordKind
from models.database import alembic_config, create_db_engine, open_database
from models.enums import EventKind
from models.errors import ValidationError
from models.language import Lang
from models.operations.directory import delete_person, delete_unit
from models.operations.events import (
    EventDraft,
    InvitationDraft,
    SessionDraft,
    StaffPostDraft,
    UnitDutyDraft,
    VipSeatDraft,
    create_event,
    event_draft,
    move_event,
    update_event,
)
from models.sample import load_sample
from tests.factories import World, at, make_world

DAY = date(2023, 4, 12)
ZONE = "Asia/Shanghai"


def new_event(w: World, **overrides: object) -> EventDraft:
    values: dict[str, object] = dict(
        kind=EventKind.INDUSTRY_SUMMIT, title_zh="新能源汽车产业峰会",
        starts_at=at(DAY, "09:00", ZONE), ends_at=at(DAY, "17:30", ZONE), timezone=ZONE,
        city_id=w.dongguan_id, host_unit_id=w.unit_id,
        sessions=[SessionDraft("开幕致辞", at(DAY, "09:00", ZONE), at(DAY, "09:30", ZONE),
                               speaker_ids=[w.leader_id])],
        invitations=[InvitationDraft(w.org_id, guests=3)],
    )
    values.update(overrides)
    return EventDraft(**values)  # type: ignore[arg-type]


def _run_of_show(w: World) -> dict[str, object]:
    return dict(
        staff_posts=[
            StaffPostDraft("签到接待", at(DAY, "08:00", ZONE), at(DAY, "09:30", ZONE),
                           "一楼大堂签到处", w.staff_id, "核对来宾名单，发放胸牌"),
            StaffPostDraft("会场统筹", at(DAY, "07:30", ZONE), at(DAY, "17:30", ZONE), "主会场"),
        ],
        vip_seats=[VipSeatDraft(w.leader_id, "1", "1"),
                   VipSeatDraft(w.delegate_id, "1", "2", w.org_id, "董事长 Chairman")],
        unit_duties=[UnitDutyDraft(w.unit_id, "会场布置与安保", w.staff_id)],
    )


def test_the_run_of_show_is_kept_in_order_with_the_directory_filling_in(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        code = create_event(s, new_event(w, **_run_of_show(w))).value.code
    with sessions() as s:
        e = queries.event_detail(s, code)
    assert [(p.post, p.room, p.person.id if p.person else None) for p in e.staff_posts] == [
        ("签到接待", "一楼大堂签到处", w.staff_id), ("会场统筹", "主会场", None)]
    assert e.staff_posts[0].starts_at == at(DAY, "08:00", ZONE)
    assert e.staff_posts[0].duty == "核对来宾名单，发放胸牌"
    leader, guest = e.vip_seats
    # organisation and title left blank come from the directory
    assert (leader.table_no, leader.seat_no, leader.title) == ("1", "1", leader.person.title_zh)
    assert guest.organisation is not None and guest.organisation.id == w.org_id
    assert guest.title == "董事长 Chairman"
    (duty,) = e.unit_duties
    assert (duty.unit.id, duty.duty, duty.contact.id if duty.contact else None) == (
        w.unit_id, "会场布置与安保", w.staff_id)


def test_editing_rewrites_the_rows_and_moving_the_event_moves_the_posts(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        code = create_event(s, new_event(w, **_run_of_show(w))).value.code
    with sessions.begin() as s:
        d = event_draft(s, code)
        assert d.staff_posts is not None and d.vip_seats is not None
        update_event(s, code, replace(d, staff_posts=d.staff_posts[1:],
                                      vip_seats=list(reversed(d.vip_seats))))
    with sessions.begin() as s:
        moved = move_event(s, code, days=2)
    assert moved.value.id in moved.changes.ids_of(RecordKind.EVENT)
    with sessions() as s:
        e = queries.event_detail(s, code)
    assert [p.post for p in e.staff_posts] == ["会场统筹"]
    assert e.staff_posts[0].starts_at == at(date(2023, 4, 14), "07:30", ZONE)
    assert [v.person.id for v in e.vip_seats] == [w.delegate_id, w.leader_id]


@pytest.mark.parametrize(("field", "change"), [
    ("staff_posts", lambda w: dict(staff_posts=[StaffPostDraft(
        "签到接待", at(date(2023, 4, 11), "18:00", ZONE), at(DAY, "09:00", ZONE))])),
    ("staff_posts", lambda w: dict(staff_posts=[StaffPostDraft(
        " ", at(DAY, "08:00", ZONE), at(DAY, "09:00", ZONE))])),
    ("vip_seats", lambda w: dict(vip_seats=[VipSeatDraft(w.leader_id, "1", "1"),
                                            VipSeatDraft(w.delegate_id, "1", "1")])),
    ("vip_seats", lambda w: dict(vip_seats=[VipSeatDraft(w.leader_id, "1", "1"),
                                            VipSeatDraft(w.leader_id, "2", "1")])),
    ("unit_duties", lambda w: dict(unit_duties=[UnitDutyDraft(w.unit_id, "安保"),
                                                UnitDutyDraft(w.unit_id, "布展")])),
    ("unit_duties", lambda w: dict(unit_duties=[UnitDutyDraft(w.unit_id, "")])),
])
def test_a_wrong_row_is_refused_and_nothing_is_half_applied(
        sessions: sessionmaker[Session], field: str, change: object) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        code = create_event(s, new_event(w, **_run_of_show(w))).value.code
    with pytest.raises(ValidationError) as caught, sessions.begin() as s:
        update_event(s, code, replace(event_draft(s, code), title_zh="改名",
                                      **change(w)))  # type: ignore[operator]
    assert caught.value.field == field
    assert caught.value.message_zh and caught.value.message_en
    with sessions() as s:
        e = queries.event_detail(s, code)
    assert e.title_zh != "改名" and len(e.staff_posts) == 2 and len(e.vip_seats) == 2


def test_people_and_units_on_a_run_of_show_are_not_deleted(
        sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        create_event(s, new_event(w, sessions=[], **_run_of_show(w)))
    for delete, ident in ((delete_person, w.delegate_id), (delete_unit, w.unit_id)):
        with pytest.raises(ValidationError, match="不能删除"), sessions.begin() as s:
            delete(s, ident)


def test_every_sample_event_has_its_run_of_show(loaded_sample: sessionmaker[Session]) -> None:
    with loaded_sample() as s:
        details = [queries.event_detail(s, e.code) for e in queries.list_events(s)]
    assert len(details) == 34
    for e in details:
        assert len(e.staff_posts) >= 5 and e.vip_seats and len(e.unit_duties) >= 2, e.code
        assert e.vip_seats[0].person.id == (e.lead_person.id if e.lead_person else None)
        seats = [(v.table_no, v.seat_no) for v in e.vip_seats]
        assert len(seats) == len(set(seats))
        local = e.local_start.date()
        assert all(p.starts_at.astimezone(e.local_start.tzinfo).date() == local
                   for p in e.staff_posts)


def test_a_database_before_the_run_of_show_upgrades_and_keeps_its_events(db_url: str) -> None:
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
        with engine.begin() as conn:  # back to the schema before the run-of-show records
            cfg.attributes["connection"] = conn
            before = ScriptDirectory.from_config(cfg).get_revision("0009").down_revision
            command.downgrade(cfg, str(before))
            events = conn.execute(text("SELECT count(*) FROM themed_events")).scalar_one()
    finally:
        engine.dispose()
    assert events == counts["events"]
    engine, sessions = open_database(db_url)  # upgrades in place
    try:
        with sessions() as s:
            e = queries.event_detail(s, "EVT-2023-001")
            assert len(queries.list_events(s)) == counts["events"]
        assert (e.staff_posts, e.vip_seats, e.unit_duties) == ((), (), ())
        assert e.invitations and e.sessions
    finally:
        engine.dispose()


def test_a_post_keeps_its_english_post_room_and_duty(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        post = StaffPostDraft("签到接待", at(DAY, "08:00", ZONE), at(DAY, "09:30", ZONE),
                              "一楼大堂", w.staff_id, "核对来宾名单", " Registration desk ",
                              "Ground-floor lobby", "Checks the guest list")
        code = create_event(s, new_event(w, staff_posts=[post])).value.code
    with sessions() as s:
        (p,) = queries.event_detail(s, code).staff_posts
        d = event_draft(s, code)
    assert (p.post_en, p.room_en, p.duty_en) == (
        "Registration desk", "Ground-floor lobby", "Checks the guest list")
    assert (p.post_name(Lang.EN), p.room_name(Lang.ZH), p.duty_text(Lang.EN)) == (
        "Registration desk", "一楼大堂", "Checks the guest list")
    assert d.staff_posts is not None and d.staff_posts[0].post_en == "Registration desk"
    bare = replace(p, post_en="", room_en="", duty_en="")  # empty English: the Chinese
    assert (bare.post_name(Lang.EN), bare.room_name(Lang.EN), bare.duty_text(Lang.EN)) == (
        "签到接待", "一楼大堂", "核对来宾名单")


def test_every_sample_post_has_its_english(loaded_sample: sessionmaker[Session]) -> None:
    with loaded_sample() as s:
        e = queries.event_detail(s, "EVT-2023-001")
    assert e.staff_posts
    for p in e.staff_posts:
        assert p.post_en and p.room_en and p.duty_en, p.post
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in p.post_en + p.room_en + p.duty_en)


def test_a_database_before_the_english_posts_upgrades_and_keeps_its_posts(db_url: str) -> None:
    engine = create_db_engine(db_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    engine.dispose()
    engine, sessions = open_database(db_url)
    try:
        with sessions.begin() as s:
            load_sample(s)
        with engine.begin() as conn:  # back to the schema before the English posts
            cfg.attributes["connection"] = conn
            ours = next(r for r in ScriptDirectory.from_config(cfg).walk_revisions()
                        if r.path.endswith("_english_staff_posts_and_slogan.py"))
            command.downgrade(cfg, str(ours.down_revision))
            posts = conn.execute(text("SELECT count(*) FROM event_staff_posts")).scalar_one()
    finally:
        engine.dispose()
    assert posts > 0
    engine, sessions = open_database(db_url)  # upgrades in place
    try:
        with sessions() as s:
            e = queries.event_detail(s, "EVT-2023-001")
            campaign = queries.current_campaign(s)
        assert e.staff_posts and all(p.post and not p.post_en for p in e.staff_posts)
        assert campaign.slogan and campaign.slogan_en == ""
    finally:
        engine.dispose()
