"""The campaign's data, rules and operations: plain Python, no Qt, no ReportLab.

Importing the package maps the records (trips, events, people…) and nothing else: the
operations, the history's listeners, the checks and the accounts are imported by what uses them
(a command that lists trips loads none of them). A planner session's first flush installs the
listeners every write relies on (the history, confirmations cleared by a counted change:
:func:`models.concurrency.install_write_listeners`); :func:`every_table` puts every table of the schema on
``Base.metadata`` for those that need them all (migrations, dump and load).
"""

from sqlalchemy import MetaData

from models.base import Base
from models.campaign import Campaign, City, Industry, Region, Unit
from models.events import AgendaSession, Invitation, StaffPost, ThemedEvent, UnitDuty, VipSeat
from models.leads import HqVisit, Lead, LeadStageChange
from models.organisations import Organisation
from models.people import Person
from models.teams import ChainLeader, TargetHq, Team
from models.trips import ItineraryItem, Trip, TripMember


def every_table() -> MetaData:
    """``Base.metadata`` with every table and index of the schema on it, not only the records'."""
    import models.accounts.table  # the accounts table
    import models.audit.table  # the audit_log table
    import models.checks.records  # the check_settings and check_acks tables
    import models.indexes  # the indexes of the date-range and filter queries
    import models.operations.codes  # noqa: F401  (the code_counters table)

    return Base.metadata


__all__ = [
    "AgendaSession",
    "Base",
    "Campaign",
    "ChainLeader",
    "City",
    "HqVisit",
    "Industry",
    "Invitation",
    "ItineraryItem",
    "Lead",
    "LeadStageChange",
    "Organisation",
    "Person",
    "Region",
    "StaffPost",
    "TargetHq",
    "Team",
    "ThemedEvent",
    "Trip",
    "TripMember",
    "Unit",
    "UnitDuty",
    "VipSeat",
    "every_table",
]
