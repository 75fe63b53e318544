"""The accounts table: who may sign in to a shared database, and as what."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.accounts.names import AccountRole
from models.base import Base, utcnow
from models.campaign import Unit


class Account(Base):
    """A person signing in to the shared PostgreSQL database: one login role each.

    ``login`` is the PostgreSQL login role's name. A ``unit`` account has its ``unit``; the
    other roles have none. A disabled account's role cannot log in (NOLOGIN).
    """

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[AccountRole]
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    enabled: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    unit: Mapped[Unit | None] = relationship()
