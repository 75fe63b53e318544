"""Investment leads and projects, and the headquarters visits of the 100 teams (百队千企)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Editable, utcnow
from models.enums import LeadStage, VisitStatus

# The pipeline in order; 终止 (dropped) stands apart from it.
PIPELINE: tuple[LeadStage, ...] = (
    LeadStage.CONTACT, LeadStage.NEGOTIATION, LeadStage.SIGNED, LeadStage.CONSTRUCTION,
    LeadStage.FUNDS_IN, LeadStage.PRODUCTION,
)
SIGNED_STAGES = frozenset(PIPELINE[PIPELINE.index(LeadStage.SIGNED):])
FUNDED_STAGES = frozenset(PIPELINE[PIPELINE.index(LeadStage.FUNDS_IN):])


def is_backwards(before: LeadStage, after: LeadStage) -> bool:
    """Whether moving from ``before`` to ``after`` goes back (dropping counts as going back)."""
    if before is LeadStage.DROPPED or before == after:
        return False
    return after is LeadStage.DROPPED or PIPELINE.index(after) < PIPELINE.index(before)

if TYPE_CHECKING:
    from models.campaign import Campaign, Industry, Unit
    from models.events import AgendaSession, ThemedEvent
    from models.organisations import Organisation
    from models.people import Person
    from models.teams import Team
    from models.trips import ItineraryItem, Trip


class Lead(Editable, Base):
    __tablename__ = "leads"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), index=True)
    title_zh: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200), default="")
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    industry_id: Mapped[int | None] = mapped_column(ForeignKey("industries.id"), index=True)
    amount_cny: Mapped[int] = mapped_column(BigInteger, default=0)
    stage: Mapped[LeadStage] = mapped_column(default=LeadStage.CONTACT, index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    source_trip_id: Mapped[int | None] = mapped_column(
        ForeignKey("trips.id", ondelete="SET NULL"), index=True
    )
    source_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("themed_events.id", ondelete="SET NULL"), index=True
    )
    source_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("itinerary_items.id", ondelete="SET NULL"), index=True
    )
    source_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_sessions.id", ondelete="SET NULL"), index=True
    )
    leader_id: Mapped[int | None] = mapped_column(  # 挂点领导: the city leader linked to it
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    first_contact_on: Mapped[date | None] = mapped_column(Date)
    signed_on: Mapped[date | None] = mapped_column(Date)
    funds_in_cny: Mapped[int] = mapped_column(BigInteger, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    # a planner's confirmation of what the leaderboard counts (cleared when that changes)
    confirmed_at: Mapped[datetime | None] = mapped_column()
    confirmed_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    campaign: Mapped[Campaign] = relationship()
    organisation: Mapped[Organisation] = relationship()
    industry: Mapped[Industry | None] = relationship()
    unit: Mapped[Unit | None] = relationship()
    source_trip: Mapped[Trip | None] = relationship()
    source_event: Mapped[ThemedEvent | None] = relationship()
    leader: Mapped[Person | None] = relationship()
    source_item: Mapped[ItineraryItem | None] = relationship()
    source_session: Mapped[AgendaSession | None] = relationship()
    stage_changes: Mapped[list[LeadStageChange]] = relationship(
        back_populates="lead", cascade="all, delete-orphan",
        order_by="(LeadStageChange.changed_on, LeadStageChange.id)",
    )


class LeadStageChange(Base):
    """One step of a project's stage history: the stage, the day, who moved it there, why."""

    __tablename__ = "lead_stage_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("leads.id", ondelete="CASCADE"), index=True)
    stage: Mapped[LeadStage]
    changed_on: Mapped[date] = mapped_column(Date)
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    lead: Mapped[Lead] = relationship(back_populates="stage_changes")


class HqVisit(Editable, Base):
    """A headquarters visit by one of the small teams of the 百队千企 campaign."""

    __tablename__ = "hq_visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date, index=True)  # the day, planned or done
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("teams.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[VisitStatus] = mapped_column(default=VisitStatus.DONE, index=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    trip_id: Mapped[int | None] = mapped_column(
        ForeignKey("trips.id", ondelete="SET NULL"), index=True
    )
    outcome: Mapped[str] = mapped_column(Text, default="")
    follow_up_lead_id: Mapped[int | None] = mapped_column(
        ForeignKey("leads.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    # a planner's confirmation of what the leaderboard counts (cleared when that changes)
    confirmed_at: Mapped[datetime | None] = mapped_column()
    confirmed_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    campaign: Mapped[Campaign] = relationship()
    organisation: Mapped[Organisation] = relationship()
    unit: Mapped[Unit | None] = relationship()
    team: Mapped[Team | None] = relationship()
    trip: Mapped[Trip | None] = relationship()
    follow_up: Mapped[Lead | None] = relationship()

    @property
    def team_name(self) -> str:
        return self.team.name if self.team is not None else ""
