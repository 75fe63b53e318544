"""The page: header and footer (title, page X of Y, generation date), the cover page, PDF
bookmarks; and :func:`build_pdf`, which turns a story into bytes in one layout pass.

Page X of Y needs the page count before the first page is finished, so the canvas keeps
every page and draws the header, the footer and the contents when the document is saved.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from briefs.blocks import text
from briefs.contents import ContentsEntry, Heading, draw_contents, reserve
from briefs.geometry import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    fit,
)
from briefs.paragraphs import Para
from briefs.styles import ACCENT, MUTED, NAVY, RULE, Styles
from briefs.words import Words, esc

SECTION_REST = 70 * mm  # a section starts on a new page unless this much room is left


def sections(*parts: Sequence[Flowable], rest: float = SECTION_REST) -> list[Flowable]:
    """The parts one after another, each on a new page unless ``rest`` is left on the page."""
    return [flowable for part in parts for flowable in (CondPageBreak(rest), *part)]


@dataclass(frozen=True)
class DocMeta:
    """What the header, footer, cover frame and PDF properties say."""

    title: str  # plain text: header, PDF title
    subject: str
    issuer: str
    mark: str  # confidentiality mark, "" for none
    generated: str  # e.g. "生成日期 2023年3月1日"
    words: Words
    font: str


@dataclass(frozen=True)
class CoverFact:
    label_zh: str
    label_en: str
    value: str  # plain text


def cover(
    styles: Styles,
    words: Words,
    kicker: str,
    title: str,
    subtitle: str,
    facts: Sequence[CoverFact],
    banner: str = "",
) -> list[Flowable]:
    """The cover page's flowables (the page itself draws the mark, issuer and date); the
    subtitle (the title in the other language) is left out when it says the title again."""
    story: list[Flowable] = [Spacer(1, 38 * mm), Para(esc(kicker), styles.cover_kicker),
                             Spacer(1, 4 * mm), text(title, styles.cover_title)]
    if subtitle and subtitle != title:
        story.append(text(subtitle, styles.cover_subtitle))
    if banner:
        story += [Spacer(1, 3 * mm), text(banner, styles.mark)]
    story.append(Spacer(1, 12 * mm))
    rows = []
    for fact in facts:
        label = fact.label_en if words.en else (
            f'{esc(fact.label_zh)}<br/><font size="8" color="{MUTED.hexval()}">'
            f"{esc(fact.label_en)}</font>")
        rows.append([Para(label, styles.cell_head),
                     text(fact.value or words.none, styles.cover_meta)])
    table = Table(rows, colWidths=[38 * mm, FRAME_WIDTH - 38 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.font),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, NAVY),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    story += [table, NextPageTemplate("body"), PageBreak()]
    return story


def _draw_chrome(canvas: Canvas, meta: DocMeta, page: int, total: int) -> None:
    font = meta.font
    left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
    top = PAGE_HEIGHT - 14 * mm
    canvas.saveState()
    mark_width = stringWidth(meta.mark, font, 8.5) if meta.mark else 0
    canvas.setFont(font, 8.5)
    canvas.setFillColor(MUTED)
    canvas.drawString(left, top, fit(meta.title, font, 8.5, right - left - mark_width - 12))
    if meta.mark:
        canvas.setFillColor(ACCENT)
        canvas.drawRightString(right, top, meta.mark)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 4, right, top - 4)
    bottom = 12 * mm
    canvas.line(left, bottom + 10, right, bottom + 10)
    canvas.setFillColor(MUTED)
    number = f"Page {page} of {total}" if meta.words.en else f"第 {page} 页 / 共 {total} 页"
    canvas.drawRightString(right, bottom, number)
    canvas.drawString(left, bottom, fit(f"{meta.issuer} · {meta.generated}", font, 8.5,
                                         right - left - stringWidth(number, font, 8.5) - 12))
    canvas.restoreState()


def _draw_cover_frame(canvas: Canvas, meta: DocMeta) -> None:
    font = meta.font
    canvas.saveState()
    canvas.setFillColor(NAVY)
    canvas.rect(0, PAGE_HEIGHT - 16 * mm, PAGE_WIDTH, 16 * mm, stroke=0, fill=1)
    if meta.mark:
        size = 12
        width = stringWidth(meta.mark, font, size) + 8 * mm
        x = PAGE_WIDTH - MARGIN_X - width
        y = PAGE_HEIGHT - 34 * mm
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.4)
        canvas.rect(x, y, width, 10 * mm, stroke=1, fill=0)
        canvas.setFillColor(ACCENT)
        canvas.setFont(font, size)
        canvas.drawCentredString(x + width / 2, y + 3.4 * mm, meta.mark)
    canvas.setFillColor(NAVY)
    canvas.setFont(font, 14)
    canvas.drawCentredString(PAGE_WIDTH / 2, 34 * mm, meta.issuer)
    canvas.setFillColor(MUTED)
    canvas.setFont(font, 10)
    canvas.drawCentredString(PAGE_WIDTH / 2, 26 * mm, meta.generated)
    canvas.setStrokeColor(NAVY)
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN_X, 44 * mm, PAGE_WIDTH - MARGIN_X, 44 * mm)
    canvas.restoreState()


def _canvas_class(meta: DocMeta) -> type[Canvas]:
    class ChromeCanvas(Canvas):
        """Keeps each page until the end, then adds what needs the whole document: header
        and footer with the page count, and the contents with every heading's page."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._kept_pages: list[dict[str, Any]] = []
            self.contents_entries: list[ContentsEntry] = []
            self.with_chrome = True
            self.contents_slot: int | None = None

        def showPage(self) -> None:  # noqa: N802  (ReportLab's name)
            self._kept_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._kept_pages)
            entries = self.contents_entries
            for number, state in enumerate(self._kept_pages, start=1):
                self.__dict__.update(state)
                # bookmarks now, when the page really is page ``number`` of the document
                for entry in (e for e in entries if e.page == number):
                    self.bookmarkPage(entry.key)
                    self.addOutlineEntry(f"{entry.main} {entry.aside}".strip(), entry.key,
                                         entry.level, closed=entry.level > 0)
                if state["contents_slot"] is not None:
                    draw_contents(self, entries, state["contents_slot"], meta.font, meta.words)
                if state["with_chrome"]:
                    _draw_chrome(self, meta, number, total)
                else:
                    _draw_cover_frame(self, meta)
                Canvas.showPage(self)
            Canvas.save(self)

    return ChromeCanvas


class BriefDocument(BaseDocTemplate):
    """A4 with a cover template (no header/footer) and a body template."""

    def __init__(self, out: BytesIO, meta: DocMeta) -> None:
        super().__init__(
            out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=meta.title, subject=meta.subject,
            author=meta.issuer, creator="Campaign Planner 招商活动规划", invariant=1,
            lang="en" if meta.words.en else "zh-CN", displayDocTitle=1,
            initialFontName=meta.font,
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [frame], onPage=_page_start(False)),
            PageTemplate("body", [frame], onPage=_page_start(True)),
        ])

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802  (ReportLab's name)
        if isinstance(flowable, Heading):
            self.canv.contents_entries.append(flowable.entry(self.page))


def _page_start(chrome: bool) -> Callable[[Canvas, BaseDocTemplate], None]:
    """A page callback: header and footer or not, and no contents unless a slot says so."""

    def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.with_chrome = chrome
        canvas.contents_slot = None

    return on_page


def build_pdf(story: list[Flowable], meta: DocMeta) -> bytes:
    """Lay out ``story`` (which starts with the cover) and return the PDF's bytes.

    Python's cycle collector is paused while ReportLab lays out: the layout makes hundreds of
    thousands of small objects, and the collector walking them again and again took about a
    sixth of a brief's time (the objects are freed after, as before)."""
    out = BytesIO()
    doc = BriefDocument(out, meta)
    collecting = gc.isenabled()
    gc.disable()
    try:
        doc.build(reserve(story), canvasmaker=_canvas_class(meta))
    finally:
        if collecting:
            gc.enable()
    return out.getvalue()
