"""Investment leads and projects, and the headquarters visits of the 100 teams (百队千企)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Editable
from models.enums import LeadStage

if TYPE_CHECKING:
    from models.campaign import Campaign, Industry, Unit
    from models.events import ThemedEvent
    from models.organisations import Organisation
    from models.trips import Trip


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
    first_contact_on: Mapped[date | None] = mapped_column(Date)
    signed_on: Mapped[date | None] = mapped_column(Date)
    funds_in_cny: Mapped[int] = mapped_column(BigInteger, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    campaign: Mapped[Campaign] = relationship()
    organisation: Mapped[Organisation] = relationship()
    industry: Mapped[Industry | None] = relationship()
    unit: Mapped[Unit | None] = relationship()
    source_trip: Mapped[Trip | None] = relationship()
    source_event: Mapped[ThemedEvent | None] = relationship()


class HqVisit(Editable, Base):
    """A headquarters visit by one of the small teams of the 百队千企 campaign."""

    __tablename__ = "hq_visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date, index=True)
    team: Mapped[str] = mapped_column(String(100), default="")
    trip_id: Mapped[int | None] = mapped_column(
        ForeignKey("trips.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    campaign: Mapped[Campaign] = relationship()
    organisation: Mapped[Organisation] = relationship()
    unit: Mapped[Unit | None] = relationship()
