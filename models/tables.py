"""The records' tables, for the reads that want plain rows rather than records.

A statement written on these (``trips.c.start_date``) is SQLAlchemy Core: running it does not
make SQLAlchemy configure the mappers, and its rows are tuples. A statement on the mapped
attributes (``Trip.start_date``) configures every mapper on its first use: the 70 relationships
of the schema, ~45 ms, the largest cost left between the window's first paint and a filled
dashboard, and a sixth of a short command's run. What the dashboard and the read-only commands
read goes through these tables, so configuring waits for the first record that is loaded.

Each name is the mapped class's own ``Table`` (the same object), so the two kinds of statement
can be mixed; a relationship (``Team.members``) has no column here: join its table.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table
from sqlalchemy.orm import configure_mappers

from models.audit.table import AuditEntry
from models.base import Base
from models.campaign import Campaign, City, Industry, Region, Unit
from models.events import (
    AgendaSession,
    Invitation,
    StaffPost,
    ThemedEvent,
    UnitDuty,
    VipSeat,
    event_industries,
    session_speakers,
)
from models.leads import HqVisit, Lead, LeadStageChange
from models.organisations import Organisation
from models.people import Person
from models.teams import ChainLeader, TargetHq, Team, team_members
from models.trips import (
    ItineraryItem,
    Trip,
    TripMember,
    item_attendees,
    item_counterparts,
    trip_cities,
    trip_industries,
    trip_targets,
)


def table_of(record: type[Base]) -> Table:
    """The table a record class is mapped to."""
    return cast(Table, record.__table__)


def configure_records() -> None:
    """Configure every mapper now, as the first record loaded would: the window does it on a
    worker thread once its first view is filled, so that no later click pays for it."""
    configure_mappers()


campaigns = table_of(Campaign)
regions = table_of(Region)
cities = table_of(City)
units = table_of(Unit)
industries = table_of(Industry)
trips = table_of(Trip)
trip_members = table_of(TripMember)
itinerary_items = table_of(ItineraryItem)
themed_events = table_of(ThemedEvent)
agenda_sessions = table_of(AgendaSession)
invitations = table_of(Invitation)
staff_posts = table_of(StaffPost)
vip_seats = table_of(VipSeat)
unit_duties = table_of(UnitDuty)
leads = table_of(Lead)
lead_stage_changes = table_of(LeadStageChange)
hq_visits = table_of(HqVisit)
organisations = table_of(Organisation)
people = table_of(Person)
teams = table_of(Team)
target_hqs = table_of(TargetHq)
chain_leaders = table_of(ChainLeader)
audit_log = table_of(AuditEntry)

# Their columns, as the reads name them (``TRIP.start_date``): one home, not a copy a module.
CAMPAIGN = campaigns.c
REGION = regions.c
CITY = cities.c
UNIT = units.c
INDUSTRY = industries.c
TRIP = trips.c
MEMBER = trip_members.c
ITEM = itinerary_items.c
EVENT = themed_events.c
AGENDA = agenda_sessions.c
INVITATION = invitations.c
POST = staff_posts.c
SEAT = vip_seats.c
DUTY = unit_duties.c
LEAD = leads.c
STEP = lead_stage_changes.c
VISIT = hq_visits.c
ORGANISATION = organisations.c
PERSON = people.c
TEAM = teams.c
TARGET = target_hqs.c
AUDIT = audit_log.c

__all__ = [
    "AGENDA",
    "AUDIT",
    "CAMPAIGN",
    "CITY",
    "DUTY",
    "EVENT",
    "INDUSTRY",
    "INVITATION",
    "ITEM",
    "LEAD",
    "MEMBER",
    "ORGANISATION",
    "PERSON",
    "POST",
    "REGION",
    "SEAT",
    "STEP",
    "TARGET",
    "TEAM",
    "TRIP",
    "UNIT",
    "VISIT",
    "agenda_sessions",
    "audit_log",
    "campaigns",
    "chain_leaders",
    "cities",
    "configure_records",
    "event_industries",
    "hq_visits",
    "industries",
    "invitations",
    "item_attendees",
    "item_counterparts",
    "itinerary_items",
    "lead_stage_changes",
    "leads",
    "organisations",
    "people",
    "regions",
    "session_speakers",
    "staff_posts",
    "table_of",
    "target_hqs",
    "team_members",
    "teams",
    "themed_events",
    "trip_cities",
    "trip_industries",
    "trip_members",
    "trip_targets",
    "trips",
    "unit_duties",
    "units",
    "vip_seats",
]
