"""The 100 teams of 百队千企 and the campaign's target headquarters (the investment map,
招商图谱), and the chain leaders (链长) of the key industries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Editable

if TYPE_CHECKING:
    from models.campaign import Campaign, Industry, Region, Unit
    from models.organisations import Organisation
    from models.people import Person

team_members = Table(
    "team_members",
    Base.metadata,
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True,
           index=True),
    Column("position", Integer, nullable=False, default=0),
)


class Team(Editable, Base):
    """A small team (小分队) led by a city or unit leader, with a target number of visits."""

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), index=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    name_en: Mapped[str] = mapped_column(String(100), default="")
    leader_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    target_visits: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    campaign: Mapped[Campaign] = relationship()
    leader: Mapped[Person | None] = relationship()
    unit: Mapped[Unit | None] = relationship()
    members: Mapped[list[Person]] = relationship(
        secondary=team_members, order_by=team_members.c.position)


class TargetHq(Base):
    """An organisation on the campaign's target list (千企) for an industry chain."""

    __tablename__ = "target_headquarters"
    __table_args__ = (UniqueConstraint("campaign_id", "organisation_id",
                                       name="uq_target_headquarters_campaign_organisation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    industry_id: Mapped[int | None] = mapped_column(ForeignKey("industries.id"), index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"), index=True)

    organisation: Mapped[Organisation] = relationship()
    industry: Mapped[Industry | None] = relationship()
    region: Mapped[Region | None] = relationship()


class ChainLeader(Base):
    """The chain leader (链长) of a key industry in a campaign: a city leader."""

    __tablename__ = "chain_leaders"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    industry_id: Mapped[int] = mapped_column(ForeignKey("industries.id"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"),
                                           index=True)

    industry: Mapped[Industry] = relationship()
    person: Mapped[Person] = relationship()
