"""The big tables' rows read as columns (projects, HQ visits, organisations): the same rows as
the ORM row builders give, no mapped object made, and the same statements for one record or for
every one, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import pytest
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, joinedload, sessionmaker

from models import list_columns, queries
from models.campaign import Campaign, Unit
from models.enums import VisitStatus
from models.errors import NotFoundError
from models.events import AgendaSession, ThemedEvent
from models.leads import HqVisit, Lead
from models.organisations import Organisation
from models.people import Person
from models.row_builders import hq_visit_row, lead_row, organisation_row, person_row
from models.rows import HqVisitRow, LeadRow, OrganisationRow
from models.trips import ItineraryItem, Trip
from models.visits import city_names, list_visits, target_regions
from tests.statements import recorded

T = TypeVar("T")


def _counted(session: Session, read: Callable[[], Sequence[T]]) -> tuple[int, Sequence[T]]:
    with recorded(session) as seen:
        result = read()
    return len(seen), result


@pytest.fixture
def sample(loaded_sample: sessionmaker[Session]) -> sessionmaker[Session]:
    """The sample campaign, with what it lacks of what the rows show: projects from an
    itinerary meeting and from an agenda session, a visit on a trip that led to a project, a
    contact of an organisation who belongs to a unit."""
    with loaded_sample.begin() as s:
        leads = list(s.scalars(select(Lead).order_by(Lead.code).limit(3)))
        item = s.scalars(select(ItineraryItem).order_by(ItineraryItem.id)).first()
        agenda = s.scalars(select(AgendaSession).order_by(AgendaSession.id)).first()
        assert item is not None and agenda is not None and len(leads) == 3
        leads[0].source_item_id, leads[0].source_trip_id = item.id, item.trip_id
        leads[1].source_session_id, leads[1].source_trip_id = agenda.id, None
        leads[1].source_event_id = agenda.event_id
        leads[2].source_trip_id = leads[2].source_event_id = None
        visit = s.scalars(select(HqVisit).order_by(HqVisit.id)).first()
        assert visit is not None
        visit.follow_up_lead_id = leads[0].id
        visit.trip_id = s.scalar(select(Trip.id).order_by(Trip.id).limit(1))
        visit.team_id = None
        contact = s.scalars(select(Person).where(Person.organisation_id.is_not(None))
                            .order_by(Person.id)).first()
        assert contact is not None
        contact.unit_id = s.scalar(select(Unit.id).order_by(Unit.id).limit(1))
    return loaded_sample


def _orm_leads(s: Session, *where: ColumnElement[bool]) -> list[LeadRow]:
    campaign = s.scalars(select(Campaign).order_by(Campaign.year.desc())).first()
    threshold = campaign.flagship_threshold_cny if campaign else 0
    return [lead_row(x, threshold) for x in s.scalars(select(Lead).where(*where)
                                                      .order_by(Lead.code))]


def _orm_visits(s: Session, *where: ColumnElement[bool]) -> list[HqVisitRow]:
    targets, cities = target_regions(s), city_names(s)
    return [hq_visit_row(v, targets, cities) for v in s.scalars(
        select(HqVisit).where(*where).order_by(HqVisit.visited_on, HqVisit.id))]


def _orm_organisations(s: Session) -> list[OrganisationRow]:
    cities = city_names(s)
    return [organisation_row(o, with_contacts=True, cities=cities)
            for o in s.scalars(select(Organisation).order_by(Organisation.id))]


def test_the_projects_are_the_orm_builders_rows(sample: sessionmaker[Session]) -> None:
    with sample() as s:
        orm = _orm_leads(s)
        trip_code = next(r.source_trip_code for r in orm if r.source_trip_code)
        event_code = next(r.source_event_code for r in orm if r.source_event_code)
        unit_id = next(r.unit.id for r in orm if r.unit)
        org_id = orm[0].organisation.id
        from_trip = _orm_leads(s, Lead.source_trip.has(Trip.code == trip_code)
                               | Lead.source_event.has(ThemedEvent.code == event_code))
        of_unit = _orm_leads(s, Lead.unit_id == unit_id)
        of_org = _orm_leads(s, Lead.organisation_id == org_id)
    with sample() as s:
        rows = queries.list_leads(s)
        assert len(s.identity_map) == 0  # not one mapped object was made
        assert queries.list_leads(s, source_trip_code=trip_code,
                                  source_event_code=event_code) == from_trip
        assert queries.list_leads(s, unit_id=unit_id) == of_unit
        assert queries.list_leads(s, organisation_id=org_id) == of_org
        assert queries.list_leads(s, organisation_id=-1) == []
    assert rows == orm and len(rows) >= 60
    for shown in ("history", "leader", "region", "source_meeting", "source_item_id",
                  "source_session_id", "is_flagship", "industry", "unit"):
        assert any(getattr(r, shown) for r in rows), shown
    assert {r.source_meeting for r in rows[:2]} == {orm[0].source_meeting, orm[1].source_meeting}
    assert any(r.region is None for r in rows)


def test_the_visits_are_the_orm_builders_rows(sample: sessionmaker[Session]) -> None:
    with sample() as s:
        orm = _orm_visits(s)
        planned = _orm_visits(s, HqVisit.status.in_([VisitStatus.PLANNED]))
        org_id, team_id = orm[1].organisation.id, next(v.team_id for v in orm if v.team_id)
        of_org = _orm_visits(s, HqVisit.organisation_id == org_id)
        of_team = _orm_visits(s, HqVisit.team_id == team_id)
    with sample() as s:
        rows = list_visits(s)
        assert len(s.identity_map) == 0
        assert list_visits(s, statuses=(VisitStatus.PLANNED,)) == planned
        assert list_visits(s, organisation_id=org_id) == of_org
        assert list_visits(s, team_id=team_id) == of_team
        assert queries.list_hq_visits(s, organisation_id=org_id) == of_org
    assert rows == orm and len(rows) >= 1000
    for shown in ("follow_up_code", "trip_code", "team", "team_en", "region", "is_target",
                  "industry", "unit", "place_en", "confirmed_at"):
        assert any(getattr(v, shown) for v in rows), shown
    assert any(not v.team for v in rows)


def test_the_organisations_are_the_orm_builders_rows(sample: sessionmaker[Session]) -> None:
    with sample() as s:
        orm = _orm_organisations(s)
    with sample() as s:
        rows = queries.list_organisations(s)
        assert len(s.identity_map) == 0
    assert rows == orm and len(rows) >= 1000
    assert any(c.unit for o in rows for c in o.contacts)
    assert any(o.hq_city_en for o in rows) and any(o.industry for o in rows)


def test_the_people_are_the_orm_builders_rows(sample: sessionmaker[Session]) -> None:
    with sample() as s:
        orm = [person_row(p) for p in s.scalars(
            select(Person).options(joinedload(Person.unit), joinedload(Person.organisation))
            .order_by(Person.kind, Person.id)).unique()]
    with sample() as s:
        with recorded(s) as seen:
            rows = queries.list_people(s)
        assert len(s.identity_map) == 0 and len(seen) == 1
    assert rows == orm and len(rows) >= 400
    assert any(p.unit for p in rows) and any(p.organisation for p in rows)


def test_the_pickers_trips_and_events_are_the_lists_codes_and_titles(
        sample: sessionmaker[Session]) -> None:
    """A project's source trip and event pickers: every trip and event, in the lists' order,
    each in one statement of four columns (no mapped object)."""
    with sample() as s:
        trips, events = queries.list_trips(s), queries.list_events(s)
    with sample() as s:
        with recorded(s) as seen:
            trip_refs, event_refs = queries.trip_refs(s), queries.event_refs(s)
        assert len(s.identity_map) == 0 and len(seen) == 2
    assert [(r.id, r.code, r.name_zh, r.name_en) for r in trip_refs] == [
        (t.id, t.code, t.title_zh, t.title_en) for t in trips]
    assert [(r.id, r.code, r.name_zh, r.name_en) for r in event_refs] == [
        (e.id, e.code, e.title_zh, e.title_en) for e in events]
    assert len(trip_refs) >= 30 and len(event_refs) >= 30


def test_the_follow_up_picker_lists_every_project_of_the_list(
        sample: sessionmaker[Session]) -> None:
    with sample() as s:
        rows = queries.list_leads(s)
        with recorded(s) as seen:
            choices = queries.lead_choices(s)
    assert len(seen) == 1 and len(choices) == len(rows) >= 20
    assert [(c.id, c.code, c.title_zh, c.title_en, c.organisation_id) for c in choices] == [
        (r.id, r.code, r.title_zh, r.title_en, r.organisation.id) for r in rows]


def test_one_projects_row_is_its_row_of_the_list(sample: sessionmaker[Session]) -> None:
    with sample() as s:
        rows = queries.list_leads(s)
        some = rows[:: max(1, len(rows) // 7)]
        for row in some:
            with recorded(s) as seen:
                assert queries.get_lead_row(s, row.id) == row
            assert len(seen) < 10  # the same few statements, not the whole list
        with pytest.raises(NotFoundError):
            queries.get_lead_row(s, max(r.id for r in rows) + 1)
    assert len(some) >= 5


def test_the_rows_are_the_same_whatever_the_chunk(sample: sessionmaker[Session],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with sample() as s:
        whole = (queries.list_leads(s), list_visits(s), queries.list_organisations(s))
    monkeypatch.setattr(list_columns, "ROWS_PER_CHUNK", 7)
    with sample() as s:
        assert (queries.list_leads(s), list_visits(s), queries.list_organisations(s)) == whole


def test_the_same_statements_for_one_row_or_every_one(sample: sessionmaker[Session]) -> None:
    with sample() as s:
        org_id = s.scalar(select(Lead.organisation_id).order_by(Lead.id).limit(1))
        visited = s.scalar(select(HqVisit.organisation_id).order_by(HqVisit.id).limit(1))
        assert org_id is not None and visited is not None
        counts: dict[str, tuple[tuple[int, Sequence[object]], tuple[int, Sequence[object]]]] = {
            "leads": (_counted(s, lambda: queries.list_leads(s, organisation_id=org_id)),
                      _counted(s, lambda: queries.list_leads(s))),
            "visits": (_counted(s, lambda: list_visits(s, organisation_id=visited)),
                       _counted(s, lambda: list_visits(s))),
            "organisations": (
                _counted(s, lambda: list_columns.organisation_rows(s, [Organisation.id == org_id])),
                _counted(s, lambda: queries.list_organisations(s))),
        }
    # visits: the newest campaign's targets are read in one statement with their regions
    expected = {"leads": 6, "visits": 5, "organisations": 4}
    for kind, ((few, some), (every, rows)) in counts.items():
        assert len(some) < len(rows), kind
        assert few == every == expected[kind], kind


def test_a_change_not_yet_flushed_is_read(sample: sessionmaker[Session]) -> None:
    """As ``session.execute`` would, the column reads flush the session's pending changes."""
    with sample() as s:
        lead = s.scalars(select(Lead).order_by(Lead.code)).first()
        visit = s.scalars(select(HqVisit).order_by(HqVisit.visited_on, HqVisit.id)).first()
        org = s.get(Organisation, lead.organisation_id) if lead else None
        assert lead is not None and visit is not None and org is not None
        lead.title_zh, visit.notes, org.notes = "改过的标题", "改过的备注", "改过的机构备注"
        assert queries.list_leads(s)[0].title_zh == "改过的标题"
        assert list_visits(s)[0].notes == "改过的备注"
        assert next(o for o in queries.list_organisations(s) if o.id == org.id).notes == "改过的机构备注"
        s.rollback()
