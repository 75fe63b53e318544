"""Plain-text tables that line up with Chinese (double-width) characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def width(text: str) -> int:
    if text.isascii():  # codes, dates, most English: one column a character
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, size: int, known: int | None = None) -> str:
    """``text`` padded to ``size`` columns; ``known``: its width, when already worked out."""
    return text + " " * max(0, size - (width(text) if known is None else known))


def clip(text: str, size: int) -> str:
    if width(text) <= size:
        return text
    out: list[str] = []
    used = 0
    for ch in text:
        used += width(ch)
        if used > size - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_col: int = 40) -> str:
    """Each cell's width is worked out once (5,000 trips at ten years: 35,000 cells)."""
    cells = [[clip(str(c), max_col) for c in row] for row in rows]
    widths = [[width(c) for c in row] for row in cells]
    sizes = [width(h) for h in headers]
    for row_widths in widths:
        for i, w in enumerate(row_widths):
            sizes[i] = max(sizes[i], w)
    lines = ["  ".join(pad(h, sizes[i]) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("-" * s for s in sizes))
    for row, row_widths in zip(cells, widths, strict=True):
        lines.append("  ".join(pad(c, sizes[i], row_widths[i])
                               for i, c in enumerate(row)).rstrip())
    return "\n".join(lines)
