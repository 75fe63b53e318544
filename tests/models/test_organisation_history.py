"""An organisation's history: the trips that target or visit it, its invitations, leads, visits."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from models.enums import EventKind, LeadStage, RsvpState
from models.operations.directory import OrganisationDraft, create_organisation
from models.operations.events import EventDraft, InvitationDraft, create_event
from models.operations.leads import LeadDraft, create_lead, record_hq_visit
from models.organisation_history import organisation_history
from models.timeutil import at
from tests.factories import item_draft, make_trip, make_world


def test_an_organisation_s_trips_events_leads_and_visits(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        other = create_organisation(s, OrganisationDraft("西门子", name_en="Siemens")).value.id
        targeted = make_trip(s, w, start_date=date(2023, 5, 2), end_date=date(2023, 5, 6),
                             title_zh="五月推介")
        visiting = make_trip(s, w, target_ids=[other], title_zh="三月推介",
                             items=[item_draft(w, organisation_id=w.org_id)])
        make_trip(s, w, target_ids=[other], title_zh="无关推介", start_date=date(2023, 6, 1),
                  end_date=date(2023, 6, 3))
        event = create_event(s, EventDraft(
            kind=EventKind.VIP_MEETING, title_zh="投资东莞尊享会",
            starts_at=at(date(2023, 4, 10), "14:00", "Asia/Shanghai"),
            ends_at=at(date(2023, 4, 10), "17:00", "Asia/Shanghai"), timezone="Asia/Shanghai",
            city_id=w.dongguan_id,
            invitations=[InvitationDraft(w.org_id, RsvpState.ACCEPTED, guests=3),
                         InvitationDraft(other)])).value
        lead = create_lead(s, LeadDraft("电池工厂", w.org_id, 2_000_000_000, LeadStage.SIGNED,
                                        signed_on=date(2023, 3, 31))).value
        create_lead(s, LeadDraft("电机工厂", other, 1_000_000_000))
        record_hq_visit(s, w.org_id, date(2023, 3, 12), unit_id=w.unit_id)
        record_hq_visit(s, other, date(2023, 3, 13))

    with sessions() as s:
        history = organisation_history(s, w.org_id)
    assert [t.code for t in history.trips] == [visiting.code, targeted.code]  # by start date
    assert [(e.code, rsvp, guests) for e, rsvp, guests in history.events] == [
        (event.code, RsvpState.ACCEPTED, 3)]
    assert [lead_row.code for lead_row in history.leads] == [lead.code]
    assert [(v.organisation.id, v.visited_on) for v in history.visits] == [
        (w.org_id, date(2023, 3, 12))]


def test_an_organisation_with_no_history(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        w = make_world(s)
        make_trip(s, w, target_ids=[])
        org = create_organisation(s, OrganisationDraft("新机构")).value.id
    with sessions() as s:
        history = organisation_history(s, org)
    assert (history.trips, history.events, history.leads, history.visits) == ((), (), (), ())
