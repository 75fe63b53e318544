"""What each role may change, through the app's operations and through raw SQL on its own
connection: allowed changes work, refused ones change nothing (PostgreSQL)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from models.accounts.names import AccountRole
from models.errors import PermissionDeniedError
from models.leads import HqVisit, Lead
from models.operations.directory import (
    OrganisationDraft,
    create_organisation,
    delete_organisation,
    person_draft,
    update_person,
)
from models.operations.items import add_item, delete_item
from models.operations.leads import delete_lead, lead_draft, update_lead
from models.operations.teams import delete_visit
from models.operations.trips import create_trip, trip_draft, update_trip
from models.organisations import Organisation
from models.trips import ItineraryItem, Trip
from tests.factories import item_draft
from tests.factories import trip_draft as new_trip_draft
from tests.models.accounts.conftest import OTHER_UNIT, Shared

pytestmark = pytest.mark.backends("postgresql")


def _title(sessions: sessionmaker[Session], code: str) -> str:
    with sessions() as s:
        return s.scalars(select(Trip.title_zh).where(Trip.code == code)).one()


def _refused(factory: sessionmaker[Session], change: Callable[[Session], object]) -> PermissionDeniedError:
    with pytest.raises(PermissionDeniedError) as caught, factory.begin() as s:
        change(s)
    return caught.value


def _retitle(code: str, title: str) -> Callable[[Session], object]:
    def change(s: Session) -> object:
        return update_trip(s, code, dataclasses.replace(trip_draft(s, code), title_zh=title))
    return change


# --- through the app -----------------------------------------------------------------------------


def test_a_unit_changes_its_own_trips_items_leads_and_visits(shared: Shared) -> None:
    unit = shared.login(AccountRole.UNIT)
    w = shared.world
    with unit.begin() as s:
        _retitle(shared.own_trip, "欧洲新能源汽车推介（改）")(s)
        add_item(s, shared.own_trip, item_draft(w, day=25, title_zh="拜访宝马"))
        delete_item(s, shared.own_item)
        update_lead(s, shared.own_lead, dataclasses.replace(lead_draft(s, shared.own_lead), notes="已联系"))
        made = create_trip(s, new_trip_draft(w, title_zh="长三角推介")).value
        create_organisation(s, OrganisationDraft("宝马集团", name_en="BMW"))
        update_person(s, w.staff_id, dataclasses.replace(person_draft(s, w.staff_id), phone="0769-1"))
        delete_visit(s, shared.own_visit)
    assert _title(shared.sessions, shared.own_trip) == "欧洲新能源汽车推介（改）"
    assert _title(shared.sessions, made.code) == "长三角推介"


def test_a_unit_cannot_touch_another_units_trip_item_lead_or_visit(shared: Shared) -> None:
    unit = shared.login(AccountRole.UNIT)
    w = shared.world
    refusal = _refused(unit, _retitle(shared.other_trip, "改别人的"))
    assert str(refusal).startswith(f"无权修改 {shared.other_trip}（负责单位：{OTHER_UNIT}）")
    assert "(not allowed: changing" in str(refusal)
    _refused(unit, lambda s: add_item(s, shared.other_trip, item_draft(w, day=26)))
    item_refusal = _refused(unit, lambda s: delete_item(s, shared.other_item))
    assert shared.other_trip in str(item_refusal) and OTHER_UNIT in str(item_refusal)
    _refused(unit, lambda s: delete_lead(s, shared.other_lead))
    _refused(unit, lambda s: delete_visit(s, shared.other_visit))
    _refused(unit, lambda s: create_trip(s, new_trip_draft(w, host_unit_id=shared.other_unit_id)))
    # nor give its own trip away to another unit
    _refused(unit, lambda s: update_trip(s, shared.own_trip, dataclasses.replace(
        trip_draft(s, shared.own_trip), host_unit_id=shared.other_unit_id)))
    with shared.sessions() as s:
        assert s.scalar(select(Trip.title_zh).where(Trip.code == shared.other_trip)) == "日韩半导体推介"
        assert s.get(ItineraryItem, shared.other_item) is not None
        assert s.get(Lead, shared.other_lead) is not None
        assert s.get(HqVisit, shared.other_visit) is not None
        assert s.scalar(select(Trip.host_unit_id).where(Trip.code == shared.own_trip)) == w.unit_id


def test_only_planners_delete_organisations(shared: Shared) -> None:
    with shared.sessions.begin() as s:
        org_id = create_organisation(s, OrganisationDraft("待删机构")).value.id
    refusal = _refused(shared.login(AccountRole.UNIT), lambda s: delete_organisation(s, org_id))
    assert "只有计划员和管理员可以删除机构和人员" in str(refusal)
    with shared.login(AccountRole.PLANNER).begin() as s:
        delete_organisation(s, org_id)
    with shared.sessions() as s:
        assert s.get(Organisation, org_id) is None


def test_a_viewer_writes_nothing(shared: Shared) -> None:
    viewer = shared.login(AccountRole.VIEWER)
    refusal = _refused(viewer, _retitle(shared.own_trip, "只读改"))
    assert "只读账户" in str(refusal)
    _refused(viewer, lambda s: create_organisation(s, OrganisationDraft("只读机构")))
    with viewer() as s:  # and reads everything
        assert len(s.scalars(select(Trip)).all()) == 2
    assert _title(shared.sessions, shared.own_trip) == "欧洲新能源汽车推介"


def test_planners_and_admins_change_every_units_records(shared: Shared) -> None:
    for role in (AccountRole.PLANNER, AccountRole.ADMIN):
        with shared.login(role).begin() as s:
            _retitle(shared.other_trip, f"{role.value} 改")(s)
        assert _title(shared.sessions, shared.other_trip) == f"{role.value} 改"


# --- through raw SQL on the role's own connection ------------------------------------------------


def _sql(engine: Engine, sql: str, **params: object) -> int:
    with engine.begin() as conn:
        return conn.execute(text(sql), params).rowcount


def _sql_refused(engine: Engine, sql: str, **params: object) -> None:
    with pytest.raises(DBAPIError) as caught:
        _sql(engine, sql, **params)
    assert getattr(caught.value.orig, "sqlstate", None) == "42501", caught.value


def test_raw_sql_of_a_unit(shared: Shared) -> None:
    engine = shared.engine(AccountRole.UNIT)
    w = shared.world
    assert _sql(engine, "UPDATE trips SET notes = '自己的' WHERE code = :c", c=shared.own_trip) == 1
    # another unit's rows are out of reach: nothing matched, nothing changed
    assert _sql(engine, "UPDATE trips SET title_zh = 'x' WHERE code = :c", c=shared.other_trip) == 0
    assert _sql(engine, "DELETE FROM itinerary_items WHERE id = :i", i=shared.other_item) == 0
    assert _sql(engine, "DELETE FROM leads WHERE id = :i", i=shared.other_lead) == 0
    assert _sql(engine, "UPDATE hq_visits SET notes = 'x' WHERE id = :i", i=shared.other_visit) == 0
    _sql_refused(engine, "UPDATE trips SET host_unit_id = :u WHERE code = :c",
                 u=shared.other_unit_id, c=shared.own_trip)
    _sql_refused(engine, "INSERT INTO leads (uuid, revision, created_at, updated_at, code, campaign_id,"
                 " title_zh, title_en, organisation_id, amount_cny, stage, unit_id, funds_in_cny,"
                 " notes) SELECT 'u-1', 1, now(), now(), 'LEAD-X', campaign_id, 'x', '', "
                 "organisation_id, 1, 'contact', :u, 0, '' FROM leads LIMIT 1", u=shared.other_unit_id)
    _sql_refused(engine, "DELETE FROM organisations WHERE id = :i", i=w.org_id)
    _sql_refused(engine, "UPDATE units SET name_en = 'x'")
    _sql_refused(engine, "DELETE FROM audit_log")
    _sql_refused(engine, "UPDATE audit_log SET actor = 'someone'")
    _sql_refused(engine, "UPDATE accounts SET role = 'admin'")
    _sql_refused(engine, "SELECT cp_account_enable(:l, false)", l=shared.logins[AccountRole.ADMIN])
    with shared.sessions() as s:
        assert s.scalar(select(Trip.title_zh).where(Trip.code == shared.other_trip)) == "日韩半导体推介"
        assert s.get(ItineraryItem, shared.other_item) is not None
        assert s.scalar(select(Trip.host_unit_id).where(Trip.code == shared.own_trip)) == w.unit_id


def test_raw_sql_of_a_viewer_planner_and_admin(shared: Shared) -> None:
    viewer = shared.engine(AccountRole.VIEWER)
    with viewer.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM trips")).scalar() == 2
    _sql_refused(viewer, "UPDATE organisations SET notes = 'x'")
    _sql_refused(viewer, "INSERT INTO audit_log (actor) VALUES ('x')")
    for role in (AccountRole.PLANNER, AccountRole.ADMIN):
        engine = shared.engine(role)
        assert _sql(engine, "UPDATE trips SET notes = :n WHERE code = :c", n=role.value,
                    c=shared.other_trip) == 1
        _sql_refused(engine, "DELETE FROM audit_log")
        _sql_refused(engine, "UPDATE audit_log SET actor = 'someone'")
        _sql_refused(engine, "UPDATE accounts SET enabled = false")
    _sql_refused(shared.engine(AccountRole.PLANNER), "SELECT cp_account_enable(:l, false)",
                 l=shared.logins[AccountRole.UNIT])


def test_the_server_refusal_is_one_clear_message(shared: Shared) -> None:
    """Past the app's own check (here switched off), PostgreSQL's refusal reads the same way."""
    from models.accounts.signed_in import INFO_KEY, SignedIn

    unit = shared.login(AccountRole.UNIT)
    with pytest.raises(PermissionDeniedError) as caught, unit.begin() as s:
        s.info[INFO_KEY] = SignedIn("x", "x", AccountRole.ADMIN, shared=True)  # the app believes
        _retitle(shared.other_trip, "绕过")(s)
    assert str(caught.value).startswith("无权修改 推广活动 " + shared.other_trip)
    assert _title(shared.sessions, shared.other_trip) == "日韩半导体推介"


def test_each_account_signs_in_as_itself_from_the_tables(shared: Shared) -> None:
    """Who is signed in is read from the accounts table (asked as the window opens, before its
    first paint): the login, name, role and the unit's name, as the record has them."""
    from models.accounts.signed_in import signed_in

    for role, login in shared.logins.items():
        with shared.login(role)() as session:
            who = signed_in(session)
            assert (who.login, who.role, who.shared) == (login, role, True)
            assert who.name == f"测试{role.labels[0]}"
            if role is AccountRole.UNIT:
                assert (who.unit_id, who.unit_name) == (shared.world.unit_id, "松山湖高新区")
                assert "松山湖高新区" in who.describe()
            else:
                assert (who.unit_id, who.unit_name) == (None, "")
