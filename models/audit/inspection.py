"""Reading a record's mapping and its values before and after a flush, for the history."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Mapper, RelationshipProperty
from sqlalchemy.orm.attributes import History

from models.base import Editable


@cache  # a mapping does not change once configured: read it once per class
def many_to_one(mapper: Mapper[Any]) -> dict[str, RelationshipProperty[Any]]:
    """Foreign-key column key -> the relationship that reads it (leader_id -> leader)."""
    found: dict[str, RelationshipProperty[Any]] = {}
    for rel in mapper.relationships:
        if rel.direction.name == "MANYTOONE" and len(rel.local_columns) == 1:
            column = next(iter(rel.local_columns))
            prop = mapper.get_property_by_column(column)
            found[prop.key] = rel
    return found


@cache
def composition_parent(mapper: Mapper[Any]) -> RelationshipProperty[Any] | None:
    """The relationship to the record this one is part of (an item's trip), if any."""
    for rel in mapper.relationships:
        if rel.direction.name != "MANYTOONE" or not rel.back_populates:
            continue
        if not issubclass(rel.mapper.class_, Editable):
            continue
        back = rel.mapper.get_property(rel.back_populates)
        if isinstance(back, RelationshipProperty) and back.cascade.delete_orphan:
            return rel
    return None


@cache
def tracked_collections(mapper: Mapper[Any]) -> list[RelationshipProperty[Any]]:
    """Collections recorded as fields: many-to-many links and parts that are not records."""
    return [rel for rel in mapper.relationships
            if rel.uselist and not rel.viewonly
            and (rel.secondary is not None or not issubclass(rel.mapper.class_, Editable))]


@cache
def part_collections(mapper: Mapper[Any]) -> list[RelationshipProperty[Any]]:
    """Collections of records that are parts of this one (a trip's itinerary items)."""
    return [rel for rel in mapper.relationships
            if rel.uselist and rel.cascade.delete_orphan and rel.secondary is None
            and issubclass(rel.mapper.class_, Editable)]


def attribute_history(obj: object, key: str) -> History:
    return inspect(obj).attrs[key].history


def old_value(obj: object, key: str) -> Any:
    hist = attribute_history(obj, key)
    if hist.deleted:
        return hist.deleted[0]
    if hist.unchanged:
        return hist.unchanged[0]
    return getattr(obj, key) if not hist.added else None


def current_value(obj: object, key: str) -> Any:
    """The value now; for a record not yet inserted, the column's default where none is set."""
    value = getattr(obj, key)
    if value is None and not inspect(obj).persistent:
        column = inspect(obj).mapper.columns.get(key)
        default = getattr(column, "default", None)
        if default is not None and default.is_scalar:
            return default.arg
    return value

