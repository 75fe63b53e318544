"""The three kinds of briefing pack, and the one way to prepare any of them.

The ``brief`` command and the window's preview both call :func:`prepare`: it reads the document's
data inside the caller's session and returns the renderer bound to it, to run after the session is
closed (rendering does not touch the database). Each kind's renderer is imported when a brief
of that kind is prepared: a trip's brief loads neither the campaign report's charts nor the
run-of-show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from briefs.data import collect_campaign, collect_event, collect_leaderboard, collect_trip
from briefs.glyphs import GlyphWarning, unprintable
from briefs.options import BriefOptions
from models.errors import ValidationError


class BriefKind(StrEnum):
    TRIP = "trip"  # the delegation brief of a trip
    EVENT = "event"  # the run-of-show of a themed event
    CAMPAIGN = "campaign"  # the campaign progress report
    LEADERBOARD = "leaderboard"  # the units' leaderboard of one month (英雄榜)


@dataclass(frozen=True)
class PreparedBrief:
    """The data of one brief with its renderer: call it with the options to get the PDF."""

    data: object
    renderer: Callable[[Any, BriefOptions], bytes]

    def __call__(self, options: BriefOptions) -> bytes:
        return self.renderer(self.data, options)

    def glyph_warnings(self, font_path: str | None = None) -> tuple[GlyphWarning, ...]:
        """The records whose characters no font prints (they print as the marker 〓)."""
        return unprintable(self.data, font_path)


def prepare(session: Session, kind: BriefKind, code: str = "", year: int | None = None,
            month: int | None = None) -> PreparedBrief:
    """Read the data of one brief (``code`` of the trip or event; ``year`` of the campaign, else
    the newest; ``year`` and ``month`` of a leaderboard) and return its renderer. Raises
    ``NotFoundError`` for an unknown code or year."""
    if kind is BriefKind.LEADERBOARD:
        if year is None or month is None:
            raise ValidationError("month", "英雄榜需要年份和月份（YYYY-MM）",
                                  "a leaderboard needs a year and a month (YYYY-MM)")
        from briefs.leaderboard import render_leaderboard

        return PreparedBrief(collect_leaderboard(session, year, month), render_leaderboard)
    if kind is BriefKind.TRIP:
        from briefs.trip_brief import render_trip

        return PreparedBrief(collect_trip(session, code), render_trip)
    if kind is BriefKind.EVENT:
        from briefs.event_brief import render_event

        return PreparedBrief(collect_event(session, code), render_event)
    from briefs.campaign_report import render_campaign

    return PreparedBrief(collect_campaign(session, year), render_campaign)
