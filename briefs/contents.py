"""Headings, section numbering and the table of contents, laid out in one pass.

The contents page is reserved while the document is laid out (the number of headings is known
beforehand, so the number of contents pages is too) and filled in when the document is saved,
once every heading's page is known. That saves ReportLab's second layout pass (``multiBuild``)
and so half the time of every brief.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph

from briefs.geometry import FRAME_HEIGHT, MARGIN_TOP, MARGIN_X, PAGE_HEIGHT, PAGE_WIDTH, fit
from briefs.paragraphs import Para
from briefs.styles import INK, MUTED, NAVY, Styles
from briefs.words import Words, esc

ZH_NUMERALS = "一二三四五六七八九十"
TITLE_HEIGHT = 44.0
LINE_HEIGHT = (22.0, 16.0)  # per level
TEXT_SIZE = (11.0, 9.5)
INDENT = (0.0, 18.0)


@dataclass(frozen=True)
class ContentsEntry:
    level: int
    main: str  # plain text
    aside: str  # plain text printed small and grey after ``main`` (the English words)
    page: int
    key: str


class Heading(Para):
    """A heading that enters the table of contents and the PDF outline."""

    def __init__(self, markup: str, main: str, aside: str, level: int, key: str,
                 style: Any) -> None:
        super().__init__(markup, style)
        self.toc_level = level
        self.toc_main = main
        self.toc_aside = aside
        self.toc_key = key

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # a heading moves to the next page whole

    def entry(self, page: int) -> ContentsEntry:
        return ContentsEntry(self.toc_level, self.toc_main, self.toc_aside, page, self.toc_key)


class Outline:
    """Numbers the sections of one document and hands out headings with stable keys."""

    def __init__(self, styles: Styles, words: Words) -> None:
        self.styles = styles
        self.words = words
        self._sections = 0
        self._keys = 0

    def _key(self) -> str:
        self._keys += 1
        return f"sec{self._keys}"

    def section(self, zh: str, en: str) -> Heading:
        """A numbered top-level section: "三、行程安排 Itinerary" / "3. Itinerary"."""
        self._sections += 1
        n = self._sections
        if self.words.en:
            main, aside = f"{n}. {en}", ""
            markup = esc(main)
        else:
            number = ZH_NUMERALS[n - 1] if n <= len(ZH_NUMERALS) else str(n)
            main, aside = f"{number}、{zh}", en
            markup = f'{esc(main)} <font size="10" color="{MUTED.hexval()}">{esc(en)}</font>'
        return Heading(markup, main, aside, 0, self._key(), self.styles.h1)

    def sub(self, main: str, aside: str = "") -> Heading:
        """A second-level heading in the contents (e.g. an organisation's name), escaped."""
        markup = esc(main) + (f'  <font color="{MUTED.hexval()}">{esc(aside)}</font>'
                              if aside else "")
        return Heading(markup, main, aside, 1, self._key(), self.styles.h2)

    def minor(self, zh: str, en: str) -> Paragraph:
        """A third-level heading (not in the contents), English small beside the Chinese."""
        if self.words.en:
            return Para(esc(en), self.styles.h3)
        return Para(f'{esc(zh)} <font size="8.5" color="{MUTED.hexval()}">{esc(en)}</font>',
                    self.styles.h3)


class ContentsSlot(Flowable):
    """Marks the page it stands on as contents page ``index`` (filled in when saved)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.contents_slot = self.index


class Contents(Flowable):
    """Where the contents go; :func:`reserve` turns it into pages before layout."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        raise RuntimeError("briefs.contents.reserve() must replace Contents before layout")


def plan(levels: Sequence[int]) -> list[range]:
    """Which entries go on which contents page."""
    usable = FRAME_HEIGHT - TITLE_HEIGHT
    pages: list[range] = []
    start, used = 0, 0.0
    for i, level in enumerate(levels):
        if used + LINE_HEIGHT[level] > usable and i > start:
            pages.append(range(start, i))
            start, used = i, 0.0
        used += LINE_HEIGHT[level]
    pages.append(range(start, len(levels)))
    return pages


def reserve(story: list[Flowable]) -> list[Flowable]:
    """``story`` with its :class:`Contents` replaced by as many pages as the headings need."""
    pages = plan([f.toc_level for f in story if isinstance(f, Heading)])
    out: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, Contents):
            for index in range(len(pages)):
                out += [ContentsSlot(index), PageBreak()]
        else:
            out.append(flowable)
    return out


def draw_contents(canvas: Canvas, entries: Sequence[ContentsEntry], index: int, font: str,
                  words: Words) -> None:
    """Contents page ``index``: its entries with dot leaders, page numbers and links."""
    pages = plan([e.level for e in entries])
    top = PAGE_HEIGHT - MARGIN_TOP
    right = PAGE_WIDTH - MARGIN_X
    canvas.saveState()
    canvas.setFillColor(NAVY)
    canvas.setFont(font, 17)
    title = words("目 录", "Contents") + (words("（续）", " (continued)") if index else "")
    canvas.drawString(MARGIN_X, top - 17, title)
    if not words.en:
        canvas.setFont(font, 10)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X + stringWidth(title, font, 17) + 6, top - 17, "Contents")
    y = top - TITLE_HEIGHT
    for entry in (entries[i] for i in pages[index] if i < len(entries)):
        y -= LINE_HEIGHT[entry.level]
        _draw_entry(canvas, entry, y, right, font)
    canvas.restoreState()


def _draw_entry(canvas: Canvas, entry: ContentsEntry, y: float, right: float, font: str) -> None:
    size = TEXT_SIZE[entry.level]
    x = MARGIN_X + INDENT[entry.level]
    number = str(entry.page)
    room = right - x - stringWidth(number, font, size) - 24
    main = fit(entry.main, font, size, room)
    canvas.setFillColor(INK if entry.level == 0 else MUTED)
    canvas.setFont(font, size)
    canvas.drawString(x, y, main)
    end = x + stringWidth(main, font, size)
    aside_room = room - (end - x) - 6
    if entry.aside and aside_room > 20:
        aside = fit(entry.aside, font, size - 1.5, aside_room)
        canvas.setFillColor(MUTED)
        canvas.setFont(font, size - 1.5)
        canvas.drawString(end + 5, y, aside)
        end += 5 + stringWidth(aside, font, size - 1.5)
    canvas.setFillColor(MUTED)
    canvas.setFont(font, size)
    number_x = right - stringWidth(number, font, size)
    dot = stringWidth(" .", font, size)
    dots = int((number_x - end - 8) // dot)
    if dots > 0:
        canvas.drawRightString(number_x - 4, y, " ." * dots)
    canvas.setFillColor(INK)
    canvas.drawString(number_x, y, number)
    canvas.linkRect("", entry.key, (x, y - 4, right, y + size), relative=0, thickness=0)


def contents_page() -> list[Flowable]:
    """The contents' place in a story (right after the cover)."""
    return [Contents()]
