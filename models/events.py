"""Themed investment events (专题招商活动): agenda sessions and invitations."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Editable
from models.enums import EventKind, EventStatus, RsvpState

if TYPE_CHECKING:
    from models.campaign import Campaign, City, Industry, Unit
    from models.organisations import Organisation
    from models.people import Person

event_industries = Table(
    "event_industries",
    Base.metadata,
    Column("event_id", ForeignKey("themed_events.id", ondelete="CASCADE"), primary_key=True),
    Column("industry_id", ForeignKey("industries.id"), primary_key=True),
)
session_speakers = Table(
    "session_speakers",
    Base.metadata,
    Column("session_id", ForeignKey("agenda_sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
)


class ThemedEvent(Editable, Base):
    __tablename__ = "themed_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), index=True)
    kind: Mapped[EventKind]
    title_zh: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200), default="")
    venue: Mapped[str] = mapped_column(String(300), default="")
    city_id: Mapped[int | None] = mapped_column(ForeignKey("cities.id"), index=True)
    timezone: Mapped[str] = mapped_column(String(64))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    host_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    lead_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    capacity: Mapped[int | None]
    status: Mapped[EventStatus] = mapped_column(default=EventStatus.DRAFT, index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    responsibilities: Mapped[str] = mapped_column(Text, default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # the UID a partner's calendar gave the event, kept for exports back to them ("" if ours)
    external_uid: Mapped[str] = mapped_column(String(500), default="")

    campaign: Mapped[Campaign] = relationship()
    city: Mapped[City | None] = relationship()
    host_unit: Mapped[Unit | None] = relationship()
    lead_person: Mapped[Person | None] = relationship()
    industries: Mapped[list[Industry]] = relationship(
        secondary=event_industries, order_by="Industry.position"
    )
    sessions: Mapped[list[AgendaSession]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="AgendaSession.starts_at"
    )
    invitations: Mapped[list[Invitation]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="Invitation.organisation_id"
    )
    staff_posts: Mapped[list[StaffPost]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="StaffPost.position"
    )
    vip_seats: Mapped[list[VipSeat]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="VipSeat.position"
    )
    unit_duties: Mapped[list[UnitDuty]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="UnitDuty.position"
    )


class AgendaSession(Editable, Base):
    __tablename__ = "agenda_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("themed_events.id", ondelete="CASCADE"), index=True
    )
    title_zh: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    room: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[ThemedEvent] = relationship(back_populates="sessions")
    speakers: Mapped[list[Person]] = relationship(secondary=session_speakers, order_by="Person.id")


class Invitation(Base):
    __tablename__ = "invitations"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("themed_events.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    rsvp: Mapped[RsvpState] = mapped_column(default=RsvpState.INVITED)
    guests: Mapped[int] = mapped_column(default=1)
    notes: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[ThemedEvent] = relationship(back_populates="invitations")
    organisation: Mapped[Organisation] = relationship()


class StaffPost(Base):
    """A staff post of the run-of-show (工作岗位): who stands where, from when to when, doing what."""

    __tablename__ = "event_staff_posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("themed_events.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    post: Mapped[str] = mapped_column(String(100))
    post_en: Mapped[str] = mapped_column(String(100), default="")
    room: Mapped[str] = mapped_column(String(200), default="")
    room_en: Mapped[str] = mapped_column(String(200), default="")
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    duty: Mapped[str] = mapped_column(Text, default="")
    duty_en: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[ThemedEvent] = relationship(back_populates="staff_posts")
    person: Mapped[Person | None] = relationship()


class VipSeat(Base):
    """A guest of honour (贵宾) and the seat kept for them: table and seat number."""

    __tablename__ = "event_vip_seats"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("themed_events.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    table_no: Mapped[str] = mapped_column(String(20), default="")
    seat_no: Mapped[str] = mapped_column(String(20), default="")

    event: Mapped[ThemedEvent] = relationship(back_populates="vip_seats")
    person: Mapped[Person] = relationship()
    organisation: Mapped[Organisation | None] = relationship()


class UnitDuty(Base):
    """What one responsible unit does for the event (职责分工), and whom to call there."""

    __tablename__ = "event_unit_duties"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(
        ForeignKey("themed_events.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    duty: Mapped[str] = mapped_column(Text, default="")
    contact_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)

    event: Mapped[ThemedEvent] = relationship(back_populates="unit_duties")
    unit: Mapped[Unit] = relationship()
    contact: Mapped[Person | None] = relationship()
