"""Building blocks shared by the documents: text, tables, key-value lists, check boxes.

Plain ``str`` given to these helpers is user text and is escaped; wrap ready-made markup in
:class:`Markup` to pass it through.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from briefs.fonts import active_coverage
from briefs.geometry import FRAME_WIDTH
from briefs.hyphenation import hyphenate
from briefs.paragraphs import Para
from briefs.styles import CJK_CANNOT_START, HEAD_FILL, MUTED, NAVY, RULE, ZEBRA, Styles
from briefs.words import Words, esc


class Markup(str):
    """Paragraph markup built by the renderer itself (user parts already escaped)."""


CELL_PAD = 4
CJK_START = 0x2E80  # CJK radicals; everything Chinese (and full-width punctuation) is above
Cell: TypeAlias = str | Flowable
Header: TypeAlias = tuple[str, str]  # (zh, en)


def text(value: str, style: ParagraphStyle, width: float | None = None) -> Paragraph:
    """User text as a paragraph, printed literally.

    Text without Chinese wraps at spaces, hyphenating long English words (the CJK rule would
    cut "InterContinental" anywhere). Text with Chinese wraps between characters, unless it is
    a few words that each fit the column ``width`` (when known): then it wraps at its spaces,
    so "3月24日 星期五" never leaves "日" alone and "(InterContinental" stays whole.
    """
    if isinstance(value, Markup):
        # a Latin name with its Chinese small beneath wraps as Latin ("Liang Yongkang")
        first = re.sub(r"<[^>]*>", "", value.split("<br/>")[0])
        latin_first = bool(first.strip()) and all(ord(ch) < CJK_START for ch in first)
        return Para(value, _latin(style) if latin_first else style)
    latin = all(ord(ch) < CJK_START for ch in value)
    if latin or (width is not None and _words_fit(value, style, width - 2 * CELL_PAD)):
        return Para(esc(value), _latin(style))
    return Para(esc(value), style)


def _words_fit(value: str, style: ParagraphStyle, width: float) -> bool:
    """True when ``value`` is short and each of its space-separated words fits ``width``."""
    words = value.split()
    return (1 < len(words) <= 8 and len(value) <= 120
            and all(stringWidth(x, style.fontName, style.fontSize) <= width for x in words))


@functools.lru_cache(maxsize=64)
def _latin(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-latin", parent=style, wordWrap=None, splitLongWords=1,
                          hyphenationLang=hyphenate, embeddedHyphenation=1,
                          uriWasteReduce=0.3)


def bilingual(zh: str, en: str, w: Words) -> Markup:
    """A label: Chinese with a small grey English line beneath, or the English alone."""
    if w.en:
        return Markup(esc(en))
    return Markup(f'{esc(zh)}<br/><font size="7" color="{MUTED.hexval()}">{esc(en)}</font>')


def name_with_other(primary: str, other: str) -> Markup:
    """A name in the chosen language with the other-language name small beneath it."""
    if not other or other == primary:
        return Markup(esc(primary))
    return Markup(f'{esc(primary)}<br/><font size="7.5" color="{MUTED.hexval()}">{esc(other)}'
                  "</font>")


def prose(value: str, s: Styles, w: Words) -> list[Flowable]:
    """Free text (purpose, notes, talking points): paragraphs split on blank lines; a very
    long paragraph is set in pieces so a heading above it never waits for a whole page."""
    blocks = [b for b in value.replace("\r\n", "\n").split("\n\n") if b.strip()]
    if not blocks:
        return [empty(s, w)]
    out: list[Flowable] = []
    for block in blocks:
        pieces = _pieces(block)
        for n, piece in enumerate(pieces, start=1):
            out.append(text(piece, s.body if n == len(pieces) else _joined(s.body)))
    return out


def _pieces(block: str) -> list[str]:
    """``block`` cut after a full stop (or a line) about every LONG_CELL characters."""
    pieces: list[str] = []
    rest = block
    while len(rest) > LONG_CELL:
        cut = max(rest.rfind(mark, 0, LONG_CELL) for mark in ("。", "\n", ". ", "！", "？"))
        cut = cut + 1 if cut > LONG_CELL // 3 else LONG_CELL
        while cut < len(rest) and rest[cut] in CJK_CANNOT_START:
            cut += 1  # a piece never starts with closing punctuation
        pieces.append(rest[:cut])
        rest = rest[cut:]
    return [*pieces, rest]


@functools.lru_cache(maxsize=16)
def _joined(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` for a piece that the next piece continues: no space after it."""
    return ParagraphStyle(f"{style.name}-joined", parent=style, spaceAfter=0)


def empty(s: Styles, w: Words, note: str = "") -> Paragraph:
    """What an empty section shows: "（无）" / "None", with an optional reason."""
    tail = (f" — {esc(note)}" if w.en else esc(note)) if note else ""
    return Para(f'<font color="{MUTED.hexval()}">{w.none}{tail}</font>', s.body)


def _cell(value: Cell, style: ParagraphStyle, width: float | None = None) -> Flowable:
    if isinstance(value, Flowable):
        return value
    return text(value, style, width)


def _grid_cell(value: Cell, style: ParagraphStyle, width: float
               ) -> Flowable | str | list[Flowable]:
    """A short one-line text stays a plain string: the table draws it without wrapping it as
    a paragraph, which is most of the time a brief takes. Anything longer wraps."""
    cov = active_coverage()
    if (isinstance(value, str) and not isinstance(value, Markup) and len(value) < 300
            and (cov is None or cov.covers(value))
            and all(stringWidth(line, style.fontName, style.fontSize) <= width - 2 * CELL_PAD
                    for line in value.strip().split("\n"))):
        return value.strip()  # lines that fit: the table draws them as they are
    if isinstance(value, str) and not isinstance(value, Markup) and (
            len(value) > LONG_CELL or "\n" in value.strip()):
        # line by line: each line wraps its own way (a passport number, then a Chinese note)
        return _long_cell(value, style, width)
    return _cell(value, style, width)


LONG_CELL = 600  # characters: longer text in a cell is set as several paragraphs


def _long_cell(value: str, style: ParagraphStyle, width: float) -> list[Flowable]:
    """A long text as a list of paragraphs (one per line or per ~LONG_CELL characters): a
    table splits such a cell between paragraphs, or inside one, onto the next page."""
    parts: list[Flowable] = []
    for line in value.replace("\r\n", "\n").split("\n"):
        for piece in _pieces(line):
            if piece.strip():
                parts.append(text(piece, style, width))
    return parts


def grid(
    headers: Sequence[Header],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    s: Styles,
    w: Words,
    *,
    right: Sequence[int] = (),
    extra: Sequence[tuple[object, ...]] = (),
) -> Flowable:
    """A table with a repeated header row that splits across pages; (无) when there are no rows.

    ``widths`` are fractions of the text width; ``right`` lists right-aligned columns
    (numbers); ``extra`` adds TableStyle commands (row indexes count the header as 0).
    """
    if not rows:
        return empty(s, w)
    head_styles = [s.cell_head_right if i in right else s.cell_head for i in range(len(headers))]
    if w.en:  # English headers wrap at spaces (hyphenated), never inside a word
        head_styles = [_latin(x) for x in head_styles]
    head = [Para(bilingual(zh, en, w), head_styles[i])
            for i, (zh, en) in enumerate(headers)]
    total = sum(widths)
    columns = [FRAME_WIDTH * x / total for x in widths]
    body = [
        [_grid_cell(value, s.cell_right if i in right else s.cell, columns[i])
         for i, value in enumerate(row)]
        for row in rows
    ]
    # splitInRow: a row taller than what is left of the page continues on the next one
    table = Table([head, *body], colWidths=columns, repeatRows=1, hAlign="LEFT", splitInRow=1)
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), s.font),  # else the table names Helvetica in the PDF
        ("FONTSIZE", (0, 1), (-1, -1), s.cell.fontSize),
        ("LEADING", (0, 1), (-1, -1), s.cell.leading),
        ("TEXTCOLOR", (0, 1), (-1, -1), s.cell.textColor),
        *[("ALIGN", (i, 1), (i, -1), "RIGHT") for i in right],
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("LINEABOVE", (0, 0), (-1, 0), 1, NAVY),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, NAVY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ZEBRA]),
    ]
    table.setStyle(TableStyle([*commands, *extra]))
    return table


def facts(pairs: Sequence[tuple[str, str, Cell]], s: Styles, w: Words,
          label_width: float = 0.24) -> Flowable:
    """A two-column list of labelled facts (label with its English small beside it, so most
    facts take one line); empty values show (无)."""
    rows = []
    for zh, en, value in pairs:
        shown: Cell = value
        if isinstance(value, str) and not value.strip():
            shown = Markup(f'<font color="{MUTED.hexval()}">{w.none}</font>')
        label = esc(en) if w.en else (
            f'{esc(zh)} <font size="7" color="{MUTED.hexval()}">{esc(en)}</font>')
        value_width = FRAME_WIDTH * (1 - label_width)
        cell: Flowable | list[Flowable] = (_long_cell(shown, s.cell, value_width)
                if isinstance(shown, str) and not isinstance(shown, Markup)
                and len(shown) > LONG_CELL else _cell(shown, s.cell, value_width))
        rows.append([Para(label, s.cell_head), cell])
    table = Table(rows, colWidths=[FRAME_WIDTH * label_width, FRAME_WIDTH * (1 - label_width)],
                  hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), s.font),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def bullets(items: Sequence[str], s: Styles, w: Words) -> list[Flowable]:
    if not items:
        return [empty(s, w)]
    return [Para(item if isinstance(item, Markup) else esc(item), s.bullet,
                 bulletText="•") for item in items]


class CheckBox(Flowable):
    """An empty square to tick by hand (drawn, so it never depends on a font's glyphs)."""

    def __init__(self, size: float = 9) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size + 2

    def draw(self) -> None:
        self.canv.setStrokeColor(NAVY)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 1, self.size, self.size, stroke=1, fill=0)
