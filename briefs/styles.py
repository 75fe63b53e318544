"""The typographic scale, colours and paragraph styles of every brief, for one font.

Scale (pt): 8 small · 9 table · 10 body · 11.5 h3 · 13.5 h2 · 17 h1 · 26 cover title.
All styles wrap the CJK way, and ReportLab's rule of which characters may not start a line is
completed with the full-width punctuation it lacks (so no line starts with "，").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph

INK = colors.HexColor("#1F2933")
NAVY = colors.HexColor("#1F3A5F")
ACCENT = colors.HexColor("#B3261E")  # confidentiality, errors
AMBER = colors.HexColor("#B7791F")  # warnings
MUTED = colors.HexColor("#5F6B7A")
RULE = colors.HexColor("#C5CFDB")
HEAD_FILL = colors.HexColor("#E6ECF3")
ZEBRA = colors.HexColor("#F6F8FA")
DAY_FILL = colors.HexColor("#D7E1EC")
SERIES = (colors.HexColor("#1F3A5F"), colors.HexColor("#6F9BC8"), colors.HexColor("#C9A227"),
          colors.HexColor("#8C5A8C"))

# Full-width and closing punctuation that must never begin a line in Chinese typesetting.
CJK_CANNOT_START = "，。、：；！？）》〉」』】〕］｝”’％…·．"


def install_cjk_line_rules() -> None:
    """Add the missing closing punctuation to ReportLab's no-line-start set (idempotent)."""
    missing = "".join(ch for ch in CJK_CANNOT_START if ch not in textsplit.ALL_CANNOT_START)
    if missing:
        textsplit.ALL_CANNOT_START += missing
    # paragraph.py imported its own copy of the name
    paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START


@dataclass(frozen=True)
class Styles:
    font: str
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    note: ParagraphStyle  # a muted line that introduces what follows (kept with it)
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    day: ParagraphStyle
    cover_kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_meta: ParagraphStyle
    cover_issuer: ParagraphStyle
    mark: ParagraphStyle
    toc: tuple[ParagraphStyle, ...]
    toc_title: ParagraphStyle
    bullet: ParagraphStyle


@functools.lru_cache(maxsize=8)
def make_styles(font: str) -> Styles:
    install_cjk_line_rules()

    def style(name: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = dict(fontName=font, bulletFontName=font, fontSize=size,
                                       leading=leading,
                                       textColor=INK, wordWrap="CJK", alignment=TA_LEFT)
        base.update(kw)
        return ParagraphStyle(name, **base)

    return Styles(
        font=font,
        body=style("body", 10, 15.5, spaceAfter=5),
        small=style("small", 8, 11),
        muted=style("muted", 8.5, 12, textColor=MUTED),
        note=style("note", 8.5, 12, textColor=MUTED, spaceAfter=3, keepWithNext=1),
        cell=style("cell", 9, 12.5),
        cell_right=style("cell_right", 9, 12.5, alignment=TA_RIGHT),
        cell_head=style("cell_head", 8.5, 11.5, textColor=NAVY),
        cell_head_right=style("cell_head_right", 8.5, 11.5, textColor=NAVY, alignment=TA_RIGHT),
        h1=style("h1", 17, 23, textColor=NAVY, spaceBefore=14, spaceAfter=10, keepWithNext=1),
        h2=style("h2", 13.5, 19, textColor=NAVY, spaceBefore=12, spaceAfter=6, keepWithNext=1),
        h3=style("h3", 11.5, 16, textColor=NAVY, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        day=style("day", 10.5, 15, textColor=NAVY, spaceBefore=8, spaceAfter=3, keepWithNext=1),
        cover_kicker=style("cover_kicker", 12, 18, textColor=MUTED),
        cover_title=style("cover_title", 26, 36, textColor=NAVY, spaceAfter=8),
        cover_subtitle=style("cover_subtitle", 14, 20, textColor=MUTED, spaceAfter=6),
        cover_meta=style("cover_meta", 11, 17),
        cover_issuer=style("cover_issuer", 14, 21, textColor=NAVY, alignment=TA_CENTER),
        mark=style("mark", 11, 15, textColor=ACCENT, alignment=TA_CENTER),
        toc=(
            style("toc1", 11, 18, leftIndent=0, firstLineIndent=0),
            style("toc2", 9.5, 14, leftIndent=18, firstLineIndent=0, textColor=MUTED),
        ),
        toc_title=style("toc_title", 17, 23, textColor=NAVY, spaceAfter=12),
        bullet=style("bullet", 10, 15.5, leftIndent=14, bulletIndent=2, spaceAfter=2),
    )
