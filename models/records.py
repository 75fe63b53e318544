"""Finding a record again by its UUID, which survives a delete and its undo (ids do not)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.errors import NotFoundError
from models.events import AgendaSession
from models.leads import HqVisit, Lead
from models.organisations import Organisation
from models.people import Person
from models.teams import Team
from models.trips import ItineraryItem

# the records undo finds by UUID
Lasting = type[Person | Organisation | ItineraryItem | Lead | AgendaSession | HqVisit | Team]


def id_by_uuid(session: Session, model: Lasting, uuid: str) -> int:
    """The id of the record of ``model`` with ``uuid``; NotFoundError when it is gone."""
    found = session.scalar(select(model.id).where(model.uuid == uuid))
    if found is None:
        raise NotFoundError("该记录已不存在（可能已被他人删除）",
                            "The record no longer exists (someone may have deleted it)")
    return found


def uuid_by_id(session: Session, model: Lasting, ident: int) -> str:
    """The UUID of the record of ``model`` with id ``ident``; NotFoundError when it is gone."""
    found = session.scalar(select(model.uuid).where(model.id == ident))
    if found is None:
        raise NotFoundError("该记录已不存在（可能已被他人删除）",
                            "The record no longer exists (someone may have deleted it)")
    return found
