"""Campaign, regions and their cities, responsible units and industries: the reference data."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Editable
from models.enums import RegionKind, UnitKind


class Campaign(Editable, Base):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    slogan: Mapped[str] = mapped_column(String(200), default="")
    slogan_en: Mapped[str] = mapped_column(String(200), default="")
    target_trips: Mapped[int] = mapped_column(default=0)
    target_events: Mapped[int] = mapped_column(default=0)
    target_hq_visits: Mapped[int] = mapped_column(default=0)
    target_investment_cny: Mapped[int] = mapped_column(BigInteger, default=0)
    flagship_threshold_cny: Mapped[int] = mapped_column(BigInteger, default=0)
    target_flagship_projects: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    # the bureau's 24-hour duty phone (值班电话), printed in every delegation brief
    duty_phone: Mapped[str] = mapped_column(String(50), default="")


class Region(Base):
    __tablename__ = "regions"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name_zh: Mapped[str] = mapped_column(String(100), unique=True)
    name_en: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[RegionKind]
    position: Mapped[int] = mapped_column(default=0)

    cities: Mapped[list[City]] = relationship(
        back_populates="region", order_by="City.id", cascade="all, delete-orphan"
    )


class City(Base):
    __tablename__ = "cities"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    name_zh: Mapped[str] = mapped_column(String(100), unique=True)
    name_en: Mapped[str] = mapped_column(String(100), default="")
    country_code: Mapped[str] = mapped_column(String(2))
    timezone: Mapped[str] = mapped_column(String(64))

    region: Mapped[Region] = relationship(back_populates="cities")


class Unit(Base):
    """A responsible unit (责任单位): town/street, park, department or city-owned enterprise."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(100), unique=True)
    name_en: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[UnitKind]


class Industry(Base):
    __tablename__ = "industries"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name_zh: Mapped[str] = mapped_column(String(100), unique=True)
    name_en: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(default=0)
