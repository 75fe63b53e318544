"""Only planners and admins confirm results, through the app and through raw SQL on each role's
own connection; a unit's change of a counted field still clears the confirmation (PostgreSQL,
migration 0012)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from models.accounts.names import AccountRole
from models.errors import PermissionDeniedError
from models.leads import HqVisit, Lead
from models.operations.confirmations import (
    confirm_lead,
    confirm_visit,
    unconfirm_lead,
    unconfirm_visit,
)
from models.operations.leads import lead_draft, update_lead
from models.operations.teams import update_visit, visit_draft
from tests.models.accounts.conftest import Shared

pytestmark = pytest.mark.backends("postgresql")

REASON = "只有计划员和管理员可以确认成果"


def _results(shared: Shared) -> None:
    """Both units' projects signed and both visits done (by the tables' owner)."""
    with shared.sessions.begin() as s:
        s.execute(text("UPDATE leads SET stage = 'signed', signed_on = '2023-05-08'"))
        s.execute(text("UPDATE hq_visits SET status = 'done'"))


def _confirmation(shared: Shared, model: type[Lead] | type[HqVisit],
                  ident: int) -> tuple[bool, str]:
    with shared.sessions() as s:
        record = s.get_one(model, ident)
        return record.confirmed_at is not None, record.confirmed_by


def _sql(engine: Engine, sql: str, **params: object) -> int:
    with engine.begin() as conn:
        return conn.execute(text(sql), params).rowcount


def _sql_refused(engine: Engine, sql: str, **params: object) -> str:
    with pytest.raises(DBAPIError) as caught:
        _sql(engine, sql, **params)
    assert getattr(caught.value.orig, "sqlstate", None) == "42501", caught.value
    return str(caught.value.orig)


def test_a_unit_or_viewer_confirming_gets_the_one_message_and_changes_nothing(
        shared: Shared) -> None:
    _results(shared)
    for role in (AccountRole.UNIT, AccountRole.VIEWER):
        factory = shared.login(role)
        for op, ident in ((confirm_lead, shared.own_lead), (confirm_visit, shared.own_visit)):
            with pytest.raises(PermissionDeniedError) as caught, factory.begin() as s:
                op(s, ident)
            message = str(caught.value)
            assert message.startswith("无权修改 ") and REASON in message, message
            assert "only planners and admins confirm results" in message
            assert "（负责单位：松山湖高新区）" in message
    assert _confirmation(shared, Lead, shared.own_lead) == (False, "")
    assert _confirmation(shared, HqVisit, shared.own_visit) == (False, "")


def test_planners_and_admins_confirm_and_the_database_records_who(shared: Shared) -> None:
    _results(shared)
    with shared.login(AccountRole.PLANNER).begin() as s:
        confirm_lead(s, shared.other_lead)
        confirm_visit(s, shared.other_visit)
    assert _confirmation(shared, Lead, shared.other_lead) == (True, shared.logins[AccountRole.PLANNER])
    assert _confirmation(shared, HqVisit, shared.other_visit) == (
        True, shared.logins[AccountRole.PLANNER])
    with shared.login(AccountRole.ADMIN).begin() as s:
        unconfirm_lead(s, shared.other_lead)
        unconfirm_visit(s, shared.other_visit)
        confirm_lead(s, shared.own_lead)
    assert _confirmation(shared, Lead, shared.other_lead) == (False, "")
    assert _confirmation(shared, HqVisit, shared.other_visit) == (False, "")
    assert _confirmation(shared, Lead, shared.own_lead) == (True, shared.logins[AccountRole.ADMIN])


def test_a_unit_cannot_take_a_confirmation_back(shared: Shared) -> None:
    _results(shared)
    with shared.login(AccountRole.PLANNER).begin() as s:
        confirm_lead(s, shared.own_lead)
        confirm_visit(s, shared.own_visit)
    unit = shared.login(AccountRole.UNIT)
    for op, ident in ((unconfirm_lead, shared.own_lead), (unconfirm_visit, shared.own_visit)):
        with pytest.raises(PermissionDeniedError, match=REASON), unit.begin() as s:
            op(s, ident)
    assert _confirmation(shared, Lead, shared.own_lead)[0]
    assert _confirmation(shared, HqVisit, shared.own_visit)[0]


def test_a_units_change_of_a_counted_field_clears_the_confirmation(shared: Shared) -> None:
    _results(shared)
    with shared.login(AccountRole.PLANNER).begin() as s:
        confirm_lead(s, shared.own_lead)
        confirm_visit(s, shared.own_visit)
    with shared.login(AccountRole.UNIT).begin() as s:
        update_lead(s, shared.own_lead, dataclasses.replace(
            lead_draft(s, shared.own_lead), notes="只改备注"))
    assert _confirmation(shared, Lead, shared.own_lead)[0]  # notes are not counted
    with shared.login(AccountRole.UNIT).begin() as s:
        update_lead(s, shared.own_lead, dataclasses.replace(
            lead_draft(s, shared.own_lead), amount_cny=900_000_000))
        update_visit(s, shared.own_visit, dataclasses.replace(
            visit_draft(s, shared.own_visit), visited_on=date(2023, 4, 10)))
    assert _confirmation(shared, Lead, shared.own_lead) == (False, "")
    assert _confirmation(shared, HqVisit, shared.own_visit) == (False, "")
    with shared.sessions() as s:
        assert s.get_one(Lead, shared.own_lead).amount_cny == 900_000_000


def test_raw_sql_of_a_unit_and_a_viewer_cannot_confirm(shared: Shared) -> None:
    _results(shared)
    unit = shared.engine(AccountRole.UNIT)
    message = _sql_refused(unit, "UPDATE leads SET confirmed_at = now() WHERE id = :i",
                           i=shared.own_lead)
    assert "只有计划员和管理员可以确认成果" in message
    _sql_refused(unit, "UPDATE leads SET confirmed_by = 'me' WHERE id = :i", i=shared.own_lead)
    _sql_refused(unit, "UPDATE hq_visits SET confirmed_at = now(), confirmed_by = 'me' "
                 "WHERE id = :i", i=shared.own_visit)
    _sql_refused(unit, "INSERT INTO leads (uuid, revision, created_at, updated_at, code, campaign_id,"
                 " title_zh, title_en, organisation_id, amount_cny, stage, unit_id, funds_in_cny,"
                 " notes, confirmed_at, confirmed_by) SELECT 'u-2', 1, now(), now(), 'LEAD-Y', "
                 "campaign_id, 'x', '', organisation_id, 1, 'signed', unit_id, 0, '', now(), 'me' "
                 "FROM leads WHERE id = :i", i=shared.own_lead)
    _sql_refused(shared.engine(AccountRole.VIEWER),
                 "UPDATE leads SET confirmed_at = now() WHERE id = :i", i=shared.own_lead)
    assert _confirmation(shared, Lead, shared.own_lead) == (False, "")
    assert _confirmation(shared, HqVisit, shared.own_visit) == (False, "")


def test_raw_sql_confirmations_of_planners_and_a_units_counted_change(shared: Shared) -> None:
    _results(shared)
    planner = shared.engine(AccountRole.PLANNER)
    assert _sql(planner, "UPDATE leads SET confirmed_at = now(), confirmed_by = 'someone else' "
                "WHERE id = :i", i=shared.own_lead) == 1
    assert _confirmation(shared, Lead, shared.own_lead) == (True, shared.logins[AccountRole.PLANNER])
    unit = shared.engine(AccountRole.UNIT)
    _sql_refused(unit, "UPDATE leads SET confirmed_at = NULL, confirmed_by = '' WHERE id = :i",
                 i=shared.own_lead)  # taking it back without a counted change
    assert _sql(unit, "UPDATE leads SET notes = 'x' WHERE id = :i", i=shared.own_lead) == 1
    assert _confirmation(shared, Lead, shared.own_lead)[0]
    # a counted field changed in psql: the database clears the confirmation itself
    assert _sql(unit, "UPDATE leads SET amount_cny = 1 WHERE id = :i", i=shared.own_lead) == 1
    assert _confirmation(shared, Lead, shared.own_lead) == (False, "")
    assert _sql(planner, "UPDATE hq_visits SET confirmed_at = now() WHERE id = :i",
                i=shared.own_visit) == 1
    # and so does the app's own clearing, sent with the counted change
    assert _sql(unit, "UPDATE hq_visits SET status = 'planned', confirmed_at = NULL, "
                "confirmed_by = '' WHERE id = :i", i=shared.own_visit) == 1
    assert _confirmation(shared, HqVisit, shared.own_visit) == (False, "")


def test_the_server_refuses_a_confirmation_the_app_did_not_check(shared: Shared) -> None:
    """Past the app's own check (here switched off), PostgreSQL refuses with a clear message."""
    from models.accounts.signed_in import INFO_KEY, SignedIn

    _results(shared)
    unit: sessionmaker[Session] = shared.login(AccountRole.UNIT)
    with pytest.raises(PermissionDeniedError) as caught, unit.begin() as s:
        s.info[INFO_KEY] = SignedIn("x", "x", AccountRole.PLANNER, shared=True)  # the app believes
        confirm_lead(s, shared.own_lead)
    assert str(caught.value).startswith("无权修改 ")
    assert _confirmation(shared, Lead, shared.own_lead) == (False, "")
