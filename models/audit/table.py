"""The ``audit_log`` table: one row per change of one record."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base

CREATE, UPDATE, DELETE = "create", "update", "delete"


class AuditEntry(Base):
    """One change of one record. ``record_type`` and ``parent_type`` hold
    :class:`models.record_types.RecordType` values (table names)."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_record", "record_type", "record_id"),
        Index("ix_audit_log_parent", "parent_type", "parent_id"),
        # ix_audit_log_unhashed is in models.indexes
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(10))
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    record_uuid: Mapped[str] = mapped_column(String(36), default="")
    record_label: Mapped[str] = mapped_column(String(300), default="", index=True)
    parent_type: Mapped[str | None] = mapped_column(String(40))
    parent_id: Mapped[int | None] = mapped_column(Integer)
    revision: Mapped[int | None] = mapped_column(Integer)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # sha256(previous row's hash || this row's content): see models.audit.chain
    row_hash: Mapped[str | None] = mapped_column(String(64))



class AuditChainHead(Base):
    """The hash chain's head: the id and hash of the newest history row, one row (``id`` 1).
    :func:`models.audit.chain.verify_chain` compares the chain's last row with it, so removing
    the newest rows is found too. On PostgreSQL only the chain trigger writes it (migration
    0014); on SQLite the program does where it hashes the rows. Not dumped: a load sets it."""

    __tablename__ = "audit_chain_head"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str | None] = mapped_column(String(64))
