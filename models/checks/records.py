"""The two tables of the checks: their settings and the warnings someone acknowledged."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class CheckSetting(Base):
    """One setting of the checks (transfer times, business hours, blackout dates...), as JSON."""

    __tablename__ = "check_settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class CheckAck(Base):
    """A warning someone looked at and accepted, with why; void once its records change.

    ``fingerprint`` is a digest of the revisions of the records the finding concerns when it was
    acknowledged: a later edit of any of them gives another digest and the warning opens again.
    """

    __tablename__ = "check_acks"

    finding_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    acked_by: Mapped[str] = mapped_column(String(200))
    acked_at: Mapped[datetime] = mapped_column(default=utcnow)
    summary: Mapped[str] = mapped_column(Text, default="")
