"""Building blocks shared by the documents: text, tables, key-value lists, check boxes.

Plain ``str`` given to these helpers is user text and is escaped; wrap ready-made markup in
:class:`Markup` to pass it through.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TypeAlias

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from briefs.geometry import FRAME_WIDTH
from briefs.styles import HEAD_FILL, MUTED, NAVY, RULE, ZEBRA, Styles
from briefs.words import Words, esc


class Markup(str):
    """Paragraph markup built by the renderer itself (user parts already escaped)."""


CELL_PAD = 4
CJK_START = 0x2E80  # CJK radicals; everything Chinese (and full-width punctuation) is above
Cell: TypeAlias = str | Flowable
Header: TypeAlias = tuple[str, str]  # (zh, en)


def text(value: str, style: ParagraphStyle) -> Paragraph:
    """User text as a paragraph, printed literally.

    Text without Chinese wraps at spaces (the CJK rule would cut "InterContinental" anywhere);
    text with Chinese wraps between characters.
    """
    if isinstance(value, Markup):
        return Paragraph(value, style)
    latin = all(ord(ch) < CJK_START for ch in value)
    return Paragraph(esc(value), _latin(style) if latin else style)


@functools.lru_cache(maxsize=64)
def _latin(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-latin", parent=style, wordWrap=None, splitLongWords=1)


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
    """Free text (purpose, notes, talking points): paragraphs split on blank lines."""
    blocks = [b for b in value.replace("\r\n", "\n").split("\n\n") if b.strip()]
    if not blocks:
        return [empty(s, w)]
    return [text(b, s.body) for b in blocks]


def empty(s: Styles, w: Words, note: str = "") -> Paragraph:
    """What an empty section shows: "（无）" / "None", with an optional reason."""
    tail = (f" — {esc(note)}" if w.en else esc(note)) if note else ""
    return Paragraph(f'<font color="{MUTED.hexval()}">{w.none}{tail}</font>', s.body)


def _cell(value: Cell, style: ParagraphStyle) -> Flowable:
    if isinstance(value, Flowable):
        return value
    return text(value, style)


def _grid_cell(value: Cell, style: ParagraphStyle, width: float) -> Flowable | str:
    """A short one-line text stays a plain string: the table draws it without wrapping it as
    a paragraph, which is most of the time a brief takes. Anything longer wraps."""
    if (isinstance(value, str) and not isinstance(value, Markup) and "\n" not in value
            and stringWidth(value, style.fontName, style.fontSize) <= width - 2 * CELL_PAD):
        return value.strip()
    return _cell(value, style)


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
    head = [Paragraph(bilingual(zh, en, w), s.cell_head_right if i in right else s.cell_head)
            for i, (zh, en) in enumerate(headers)]
    total = sum(widths)
    columns = [FRAME_WIDTH * x / total for x in widths]
    body = [
        [_grid_cell(value, s.cell_right if i in right else s.cell, columns[i])
         for i, value in enumerate(row)]
        for row in rows
    ]
    table = Table([head, *body], colWidths=columns, repeatRows=1, hAlign="LEFT")
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
        rows.append([Paragraph(label, s.cell_head), _cell(shown, s.cell)])
    table = Table(rows, colWidths=[FRAME_WIDTH * label_width, FRAME_WIDTH * (1 - label_width)],
                  hAlign="LEFT")
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
    return [Paragraph(item if isinstance(item, Markup) else esc(item), s.bullet,
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
