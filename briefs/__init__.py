"""Briefing packs (PDF): delegation briefs, event run-of-show and the campaign report.

The desktop's print/preview actions and the ``brief`` command call exactly this::

    from briefs import BriefOptions, collect_trip, render_trip

    with Session() as session:                      # the caller owns the session
        data = collect_trip(session, "TRIP-2023-007")  # plain frozen data, relations in bulk
    pdf = render_trip(data, BriefOptions(generated_on=date.today(), lang="zh"))
    write_bytes_atomic(path, pdf)                   # models.atomic_write

- ``collect_trip(session, code) -> TripBrief``, ``collect_event(session, code) -> EventBrief``,
  ``collect_campaign(session, year=None) -> CampaignReport``: read-only, inside the caller's
  session; raise ``models.errors.NotFoundError`` for an unknown code or year. The data holds
  the conflicts the model finds for that trip or event, the organisations' earlier contacts and
  leads, and the campaign's targets, progress and key industries (the city's pitch).
- ``render_trip(data, options) -> bytes``, ``render_event(...)``, ``render_campaign(...)``:
  pure; the same data and options give byte-identical PDFs (``invariant=1``). They never read
  the clock: ``BriefOptions.generated_on`` is the date printed in every footer.
- ``BriefOptions(generated_on=..., lang="zh"|"en", font_path=None, issuer_zh=...,
  issuer_en=..., confidentiality=...)``.
- ``collect_leaderboard(session, year, month) -> MonthlyLeaderboard`` and
  ``render_leaderboard(data, options)``: the units' leaderboard of one month (英雄榜).
- ``BriefKind`` (TRIP, EVENT, CAMPAIGN, LEADERBOARD) and ``prepare(session, kind, code="", year=None)``:
  the collect step of any kind, returning a ``PreparedBrief`` (``render(options)`` gives the
  PDF; ``render.glyph_warnings(font_path)`` names the records holding characters no font has,
  which print as 〓; other characters the main font lacks print in a fallback font).
- ``find_cjk_font(configured) -> FontInfo``: the font used for ``font_path``. When no
  embeddable TrueType Chinese font is found, ``FontInfo.warning`` says so (the document then
  uses ReportLab's built-in, non-embedded STSong-Light): show it to the user.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from briefs.data import (
    CampaignReport,
    EventBrief,
    MonthlyLeaderboard,
    TripBrief,
    collect_campaign,
    collect_event,
    collect_leaderboard,
    collect_trip,
)
from briefs.fonts import FontInfo, find_cjk_font
from briefs.glyphs import GlyphWarning
from briefs.kinds import BriefKind, PreparedBrief, prepare
from briefs.options import BriefOptions

if TYPE_CHECKING:
    from briefs.campaign_report import render_campaign
    from briefs.event_brief import render_event
    from briefs.leaderboard import render_leaderboard
    from briefs.trip_brief import render_trip

# each kind's renderer, imported on first use (a trip's brief needs no chart of the campaign's)
_RENDERERS = {"render_campaign": "briefs.campaign_report", "render_event": "briefs.event_brief",
              "render_leaderboard": "briefs.leaderboard", "render_trip": "briefs.trip_brief"}


def __getattr__(name: str) -> Any:
    module = _RENDERERS.get(name)
    if module is None:
        raise AttributeError(f"module 'briefs' has no attribute {name!r}")
    return getattr(import_module(module), name)

__all__ = [
    "BriefKind",
    "BriefOptions",
    "CampaignReport",
    "EventBrief",
    "FontInfo",
    "GlyphWarning",
    "MonthlyLeaderboard",
    "PreparedBrief",
    "TripBrief",
    "collect_campaign",
    "collect_event",
    "collect_leaderboard",
    "collect_trip",
    "find_cjk_font",
    "prepare",
    "render_campaign",
    "render_event",
    "render_leaderboard",
    "render_trip",
]
