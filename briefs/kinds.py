"""The three kinds of briefing pack, and the one way to prepare any of them.

The ``brief`` command and the window's preview both call :func:`prepare`: it reads the document's
data inside the caller's session and returns the renderer bound to it, to run after the session is
closed (rendering does not touch the database).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import partial

from sqlalchemy.orm import Session

from briefs.campaign_report import render_campaign
from briefs.data import collect_campaign, collect_event, collect_trip
from briefs.event_brief import render_event
from briefs.options import BriefOptions
from briefs.trip_brief import render_trip


class BriefKind(StrEnum):
    TRIP = "trip"  # the delegation brief of a trip
    EVENT = "event"  # the run-of-show of a themed event
    CAMPAIGN = "campaign"  # the campaign progress report


def prepare(session: Session, kind: BriefKind, code: str = "", year: int | None = None
            ) -> Callable[[BriefOptions], bytes]:
    """Read the data of one brief (``code`` of the trip or event; ``year`` of the campaign, else
    the newest) and return its renderer. Raises ``NotFoundError`` for an unknown code or year."""
    if kind is BriefKind.TRIP:
        return partial(render_trip, collect_trip(session, code))
    if kind is BriefKind.EVENT:
        return partial(render_event, collect_event(session, code))
    return partial(render_campaign, collect_campaign(session, year))
