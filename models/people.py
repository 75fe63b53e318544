"""People: city leaders, bureau and unit staff, delegates and external contacts."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Editable
from models.enums import PersonKind

if TYPE_CHECKING:
    from models.campaign import Unit
    from models.organisations import Organisation


class Person(Editable, Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(100), index=True)
    name_en: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[PersonKind]
    title_zh: Mapped[str] = mapped_column(String(200), default="")
    title_en: Mapped[str] = mapped_column(String(200), default="")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    languages: Mapped[str] = mapped_column(String(100), default="")  # comma-separated, "zh,en"
    notes: Mapped[str] = mapped_column(Text, default="")
    # a delegate abroad: a number that works there, travel documents, what they eat
    mobile_abroad: Mapped[str] = mapped_column(String(50), default="", server_default="")
    passport_number: Mapped[str] = mapped_column(String(30), default="", server_default="")
    passport_expires: Mapped[date | None]
    visa_status: Mapped[str] = mapped_column(String(200), default="", server_default="")
    dietary: Mapped[str] = mapped_column(String(200), default="", server_default="")

    unit: Mapped[Unit | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship(back_populates="contacts")
