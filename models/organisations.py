"""Organisations: target companies, partners, chambers, foreign missions, sister cities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Editable
from models.enums import OrganisationKind

if TYPE_CHECKING:
    from models.campaign import Industry
    from models.people import Person


class Organisation(Editable, Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(200), unique=True)
    name_en: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[OrganisationKind]
    industry_id: Mapped[int | None] = mapped_column(ForeignKey("industries.id"), index=True)
    fortune_global_500_rank: Mapped[int | None]
    china_top_500_rank: Mapped[int | None]
    hq_city: Mapped[str] = mapped_column(String(100), default="")
    hq_country: Mapped[str] = mapped_column(String(2), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    talking_points: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # the dossier: what it does, how big it is, where it is in China and the Greater Bay Area
    business: Mapped[str] = mapped_column(Text, default="", server_default="")
    revenue_cny: Mapped[int | None] = mapped_column(BigInteger)
    employees: Mapped[int | None]
    china_presence: Mapped[str] = mapped_column(Text, default="", server_default="")
    gba_presence: Mapped[str] = mapped_column(Text, default="", server_default="")

    industry: Mapped[Industry | None] = relationship()
    contacts: Mapped[list[Person]] = relationship(
        back_populates="organisation", order_by="Person.id"
    )
