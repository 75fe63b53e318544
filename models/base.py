"""Declarative base, the UTC datetime column type and the mixin every editable record uses."""

from __future__ import annotations

import enum
import uuid as uuid_module
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Enum, Integer, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Stores instants as naive UTC and returns them aware (UTC).

    Naive datetimes are refused on the way in: every instant must say where it is.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: instants must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def _enum_values(enum_cls: type[enum.Enum]) -> list[str]:
    return [str(member.value) for member in enum_cls]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012
        datetime: UTCDateTime(),
        enum.Enum: Enum(enum.Enum, native_enum=False, length=32, values_callable=_enum_values),
    }

    def __repr__(self) -> str:
        fields = []
        for key in ("id", "code", "name_zh", "title_zh"):
            if key in self.__dict__:
                fields.append(f"{key}={self.__dict__[key]!r}")
        return f"<{type(self).__name__} {' '.join(fields)}>"


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


class Editable:
    """A record a user edits: a stable UUID (calendar UIDs) and a revision counter.

    ``revision`` is SQLAlchemy's version counter: an UPDATE that finds another revision in the
    row raises ``StaleDataError`` instead of overwriting someone else's change.
    """

    # the UUID, given here, is also the "sentinel" that lets SQLite insert many records in
    # one INSERT ... RETURNING (PostgreSQL needs none): imports add thousands per statement
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid,
                                      insert_sentinel=True)
    revision: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        return {"version_id_col": cls.__table__.c.revision}  # type: ignore[attr-defined]
