"""The campaign's data, rules and operations: plain Python, no Qt, no ReportLab."""

import models.accounts.table  # the accounts table
import models.audit.recording  # the audit_log table and its listeners
import models.checks.records  # the check_settings and check_acks tables
import models.indexes  # the indexes of the date-range and filter queries
import models.operations.codes  # the code_counters table
import models.operations.confirmations  # noqa: F401  (confirmations cleared by a counted change)
from models.base import Base
from models.campaign import Campaign, City, Industry, Region, Unit
from models.events import AgendaSession, Invitation, StaffPost, ThemedEvent, UnitDuty, VipSeat
from models.leads import HqVisit, Lead, LeadStageChange
from models.organisations import Organisation
from models.people import Person
from models.teams import ChainLeader, TargetHq, Team
from models.trips import ItineraryItem, Trip, TripMember

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
]
