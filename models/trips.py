"""Promotion trips (推广活动), their delegation and their itinerary."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Column, Date, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Editable
from models.enums import ItemKind, MemberRole, TripStatus

if TYPE_CHECKING:
    from models.campaign import Campaign, City, Industry, Region, Unit
    from models.organisations import Organisation
    from models.people import Person

trip_cities = Table(
    "trip_cities",
    Base.metadata,
    Column("trip_id", ForeignKey("trips.id", ondelete="CASCADE"), primary_key=True),
    Column("city_id", ForeignKey("cities.id"), primary_key=True),
)
trip_industries = Table(
    "trip_industries",
    Base.metadata,
    Column("trip_id", ForeignKey("trips.id", ondelete="CASCADE"), primary_key=True),
    Column("industry_id", ForeignKey("industries.id"), primary_key=True),
)
trip_targets = Table(
    "trip_targets",
    Base.metadata,
    Column("trip_id", ForeignKey("trips.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_id", ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True),
)
item_attendees = Table(
    "item_attendees",
    Base.metadata,
    Column("item_id", ForeignKey("itinerary_items.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
)
# the people we meet at a meeting, visit, banquet or signing (from the people directory)
item_counterparts = Table(
    "item_counterparts",
    Base.metadata,
    Column("item_id", ForeignKey("itinerary_items.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
)


class Trip(Editable, Base):
    __tablename__ = "trips"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"), index=True)
    title_zh: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200), default="")
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date, index=True)
    end_date: Mapped[date] = mapped_column(Date)  # indexed with the start: models.indexes
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    host_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    status: Mapped[TripStatus] = mapped_column(default=TripStatus.DRAFT, index=True)
    purpose: Mapped[str] = mapped_column(Text, default="")
    key_messages: Mapped[str] = mapped_column(Text, default="")
    logistics: Mapped[str] = mapped_column(Text, default="")
    emergency_contacts: Mapped[str] = mapped_column(Text, default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    campaign: Mapped[Campaign] = relationship()
    region: Mapped[Region] = relationship()
    leader: Mapped[Person | None] = relationship()
    host_unit: Mapped[Unit | None] = relationship()
    cities: Mapped[list[City]] = relationship(secondary=trip_cities, order_by="City.id")
    industries: Mapped[list[Industry]] = relationship(
        secondary=trip_industries, order_by="Industry.position"
    )
    targets: Mapped[list[Organisation]] = relationship(
        secondary=trip_targets, order_by="Organisation.id"
    )
    members: Mapped[list[TripMember]] = relationship(
        back_populates="trip", cascade="all, delete-orphan", order_by="TripMember.position"
    )
    items: Mapped[list[ItineraryItem]] = relationship(
        back_populates="trip", cascade="all, delete-orphan", order_by="ItineraryItem.starts_at"
    )


class TripMember(Base):
    """A person in a trip's delegation, with a role."""

    __tablename__ = "trip_members"

    trip_id: Mapped[int] = mapped_column(
        ForeignKey("trips.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True, index=True)
    role: Mapped[MemberRole] = mapped_column(default=MemberRole.MEMBER)
    position: Mapped[int] = mapped_column(default=0)

    trip: Mapped[Trip] = relationship(back_populates="members")
    person: Mapped[Person] = relationship()


class ItineraryItem(Editable, Base):
    """One entry of a trip's day-by-day itinerary, in the local time zone of its place."""

    __tablename__ = "itinerary_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    trip_id: Mapped[int] = mapped_column(ForeignKey("trips.id", ondelete="CASCADE"))
    kind: Mapped[ItemKind]
    title_zh: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    timezone: Mapped[str] = mapped_column(String(64))
    city_id: Mapped[int | None] = mapped_column(ForeignKey("cities.id"), index=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    # an all-day entry: starts at local midnight of its first day, ends 23:59 of its last day
    all_day: Mapped[bool] = mapped_column(default=False)
    # the UID a partner's calendar gave the entry, kept for exports back to them ("" if ours)
    external_uid: Mapped[str] = mapped_column(String(500), default="")
    # a travel leg (flight, train, transfer): the arrival's own zone ("" = the departure's),
    # the service, both ends, the booking; a hotel stay: address and phone (check-in and
    # check-out are the item's start and end, who stays its attendees)
    arrival_timezone: Mapped[str] = mapped_column(String(64), default="", server_default="")
    carrier: Mapped[str] = mapped_column(String(100), default="", server_default="")
    service_number: Mapped[str] = mapped_column(String(20), default="", server_default="")
    from_place: Mapped[str] = mapped_column(String(200), default="", server_default="")
    from_code: Mapped[str] = mapped_column(String(10), default="", server_default="")
    from_terminal: Mapped[str] = mapped_column(String(40), default="", server_default="")
    to_place: Mapped[str] = mapped_column(String(200), default="", server_default="")
    to_code: Mapped[str] = mapped_column(String(10), default="", server_default="")
    to_terminal: Mapped[str] = mapped_column(String(40), default="", server_default="")
    booking_ref: Mapped[str] = mapped_column(String(60), default="", server_default="")
    seat_class: Mapped[str] = mapped_column(String(40), default="", server_default="")
    meeting_point: Mapped[str] = mapped_column(String(200), default="", server_default="")
    address: Mapped[str] = mapped_column(String(300), default="", server_default="")
    phone: Mapped[str] = mapped_column(String(50), default="", server_default="")
    # a meeting: what we ask of the organisation and what we offer it
    ask: Mapped[str] = mapped_column(Text, default="", server_default="")
    offer: Mapped[str] = mapped_column(Text, default="", server_default="")

    trip: Mapped[Trip] = relationship(back_populates="items")
    city: Mapped[City | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
    attendees: Mapped[list[Person]] = relationship(secondary=item_attendees, order_by="Person.id")
    counterparts: Mapped[list[Person]] = relationship(secondary=item_counterparts,
                                                      order_by="Person.id")
