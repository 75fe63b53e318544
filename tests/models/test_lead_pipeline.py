"""Projects (招商项目): stage rules, the stage history, moves and their undo, meeting drafts."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.audit.actor import set_actor
from models.changes import RecordKind
from models.enums import EventKind, ItemKind, LeadStage, PersonKind, RsvpState
from models.errors import ValidationError
from models.events import AgendaSession
from models.operations.directory import (
    OrganisationDraft,
    PersonDraft,
    create_organisation,
    create_person,
)
from models.operations.events import EventDraft, InvitationDraft, SessionDraft, create_event
from models.operations.items import add_item
from models.operations.leads import (
    LeadDraft,
    create_lead,
    delete_lead,
    lead_draft,
    meeting_draft,
    meeting_organisations,
    move_lead,
    unmove_lead,
    update_lead,
)
from models.queries import list_leads
from models.timeutil import at
from tests.factories import World, item_draft, make_trip, make_world

YI = 100_000_000


@pytest.fixture
def world(sessions: sessionmaker[Session]) -> World:
    with sessions.begin() as s:
        return make_world(s)


def _create(sessions: sessionmaker[Session], w: World, **kw: object) -> int:
    values: dict[str, object] = dict(title_zh="博世新能源汽车零部件项目", organisation_id=w.org_id,
                                     amount_cny=60 * YI, unit_id=w.unit_id,
                                     first_contact_on=date(2023, 3, 1))
    values.update(kw)
    with sessions.begin() as s:
        return create_lead(s, LeadDraft(**values)).value.id  # type: ignore[arg-type]


def test_signed_needs_a_date_and_an_amount(sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s, pytest.raises(ValidationError) as no_date:
        create_lead(s, LeadDraft("项目甲", world.org_id, 10 * YI, stage=LeadStage.SIGNED))
    assert no_date.value.field == "signed_on"
    lead_id = _create(sessions, world, amount_cny=0)
    with sessions.begin() as s, pytest.raises(ValidationError) as no_amount:
        move_lead(s, lead_id, LeadStage.SIGNED, signed_on=date(2023, 4, 2))
    assert no_amount.value.field == "amount_cny"
    with sessions.begin() as s:
        row = move_lead(s, lead_id, LeadStage.SIGNED, signed_on=date(2023, 4, 2),
                        amount_cny=8 * YI).value
    assert (row.stage, row.signed_on, row.amount_cny) == (LeadStage.SIGNED, date(2023, 4, 2),
                                                          8 * YI)
    assert row.history[-1].stage is LeadStage.SIGNED
    assert row.history[-1].on == date(2023, 4, 2)


def test_funds_in_needs_the_funds(sessions: sessionmaker[Session], world: World) -> None:
    lead_id = _create(sessions, world, stage=LeadStage.SIGNED, signed_on=date(2023, 4, 2))
    with sessions.begin() as s, pytest.raises(ValidationError) as err:
        move_lead(s, lead_id, LeadStage.FUNDS_IN)
    assert err.value.field == "funds_in_cny"
    with sessions.begin() as s:
        row = move_lead(s, lead_id, LeadStage.FUNDS_IN, funds_in_cny=12 * YI,
                        on=date(2023, 9, 1)).value
    assert row.funds_in_cny == 12 * YI


def test_going_back_from_funds_in_needs_a_reason(sessions: sessionmaker[Session],
                                                 world: World) -> None:
    lead_id = _create(sessions, world, stage=LeadStage.FUNDS_IN, signed_on=date(2023, 4, 2),
                      funds_in_cny=5 * YI)
    for stage in (LeadStage.SIGNED, LeadStage.DROPPED):
        with sessions.begin() as s, pytest.raises(ValidationError) as err:
            move_lead(s, lead_id, stage)
        assert err.value.field == "stage_reason"
    with sessions.begin() as s, pytest.raises(ValidationError):
        draft = lead_draft(s, lead_id)
        draft.stage = LeadStage.CONSTRUCTION
        update_lead(s, lead_id, draft)
    with sessions.begin() as s:
        row = move_lead(s, lead_id, LeadStage.CONSTRUCTION, reason="资金退回重新核算").value
    assert row.stage is LeadStage.CONSTRUCTION
    assert row.history[-1].reason == "资金退回重新核算"
    # going back before 资金到位 needs none
    with sessions.begin() as s:
        assert move_lead(s, lead_id, LeadStage.NEGOTIATION).value.stage is LeadStage.NEGOTIATION


def test_history_records_who_and_when_and_undo_removes_the_step(
        sessions: sessionmaker[Session], world: World) -> None:
    lead_id = _create(sessions, world)
    set_actor("张伟")
    try:
        with sessions.begin() as s:
            before = lead_draft(s, lead_id)
            moved = move_lead(s, lead_id, LeadStage.NEGOTIATION, on=date(2023, 3, 20))
    finally:
        set_actor(None)
    step = moved.value.history[-1]
    assert (step.stage, step.on, step.by) == (LeadStage.NEGOTIATION, date(2023, 3, 20), "张伟")
    assert moved.changes.ids_of(RecordKind.LEAD) == {lead_id}
    with sessions.begin() as s:
        row = unmove_lead(s, lead_id, before).value
    assert row.stage is LeadStage.CONTACT
    assert [h.stage for h in row.history] == [LeadStage.CONTACT]
    assert row.history[0].on == date(2023, 3, 1)


def test_nothing_half_applied_when_a_move_is_refused(sessions: sessionmaker[Session],
                                                     world: World) -> None:
    lead_id = _create(sessions, world, amount_cny=0)
    with sessions.begin() as s, pytest.raises(ValidationError):
        move_lead(s, lead_id, LeadStage.SIGNED, signed_on=date(2023, 5, 1))
    with sessions() as s:
        row = next(x for x in list_leads(s) if x.id == lead_id)
    assert (row.stage, row.signed_on, len(row.history)) == (LeadStage.CONTACT, None, 1)


def test_delete_and_recreate_keeps_the_history(sessions: sessionmaker[Session],
                                               world: World) -> None:
    lead_id = _create(sessions, world)
    with sessions.begin() as s:
        move_lead(s, lead_id, LeadStage.NEGOTIATION, on=date(2023, 3, 9))
    with sessions.begin() as s:
        draft = delete_lead(s, lead_id).value
    with sessions.begin() as s:
        row = create_lead(s, draft).value
    assert [(h.stage, h.on) for h in row.history] == [
        (LeadStage.CONTACT, date(2023, 3, 1)), (LeadStage.NEGOTIATION, date(2023, 3, 9))]


def test_project_from_a_meeting(sessions: sessionmaker[Session], world: World) -> None:
    with sessions.begin() as s:
        trip = make_trip(s, world)
        item_id = add_item(s, trip.id, item_draft(world, kind=ItemKind.COMPANY_VISIT,
                                                  organisation_id=world.org_id)).value
    with sessions.begin() as s:
        draft = meeting_draft(s, item_id=item_id)
        assert (draft.organisation_id, draft.source_trip_id, draft.source_item_id) == (
            world.org_id, trip.id, item_id)
        assert draft.industry_id == world.industry_id
        assert draft.first_contact_on is not None
        draft.amount_cny = 20 * YI
        row = create_lead(s, draft).value
    assert row.source_trip_code == trip.code
    assert row.source_meeting == "拜访博世"
    assert row.source_item_id == item_id
    assert row.region is not None and row.region.code == "EUUS"


def test_the_organisations_of_a_meeting(sessions: sessionmaker[Session], world: World) -> None:
    """An agenda session names no one organisation: its speakers' and the invitees (those who
    came first) are offered, and the project takes the one chosen."""
    with sessions.begin() as s:
        came = create_organisation(s, OrganisationDraft("宁德时代")).value.id
        guest = create_person(s, PersonDraft("曾毓群", PersonKind.DELEGATE,
                                             organisation_id=came)).value.id
        invited = create_organisation(s, OrganisationDraft("比亚迪")).value.id
        zone = "Asia/Shanghai"
        day = date(2023, 4, 12)
        event = create_event(s, EventDraft(
            kind=EventKind.INDUSTRY_SUMMIT, title_zh="新能源汽车产业峰会",
            starts_at=at(day, "09:00", zone), ends_at=at(day, "17:00", zone), timezone=zone,
            host_unit_id=world.unit_id,
            sessions=[SessionDraft("圆桌对话", at(day, "10:00", zone), at(day, "11:00", zone),
                                   speaker_ids=[guest])],
            invitations=[InvitationDraft(invited),
                         InvitationDraft(world.org_id, rsvp=RsvpState.ATTENDED)])).value
    with sessions() as s:
        agenda_id = s.scalars(select(AgendaSession.id).where(
            AgendaSession.event_id == event.id)).one()
        offered = meeting_organisations(s, agenda_session_id=agenda_id)
        assert [o.id for o in offered] == [came, world.org_id, invited]
        with pytest.raises(ValidationError) as refused:
            meeting_draft(s, agenda_session_id=agenda_id)
        assert refused.value.field == "organisation_id"
        draft = meeting_draft(s, agenda_session_id=agenda_id, organisation_id=invited)
    assert (draft.organisation_id, draft.source_event_id, draft.source_session_id) == (
        invited, event.id, agenda_id)
    assert draft.title_zh == "比亚迪项目"
