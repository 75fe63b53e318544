"""The floor of a brief: ReportLab alone setting as many pages of Chinese with the same font.

Imported by ``bench.documents`` (in process) and run by ``bench.verbs`` as a process of its
own (``python -m bench.pdf_floor PAGES FONT [MODULE …]``): it loads ReportLab, SQLAlchemy's ORM and
the driver a database needs, nothing of the program."""

from __future__ import annotations

import re
import sys
from io import BytesIO
from typing import Any


def reportlab_floor(pages: int, font_path: str | None) -> bytes:
    """ReportLab alone: ``pages`` pages of Chinese paragraphs and a table, with the CJK font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    name = "BenchCJK"
    if name not in pdfmetrics.getRegisteredFontNames():
        if font_path:
            path, _, index = font_path.partition("#")
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=int(index or 0)))
        else:
            pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
            name = "STSong-Light"
    style = ParagraphStyle("body", fontName=name, fontSize=10.5, leading=15)
    story: list[Any] = []
    for page in range(max(1, pages)):
        story.append(Paragraph(f"第 {page + 1} 页：东莞招商推介活动工作手册", style))
        story += [Paragraph("围绕新能源汽车、智能移动终端产业链精准招商，拜访目标企业，"
                            "宣介东莞投资环境，推动重点项目签约落地。" * 2, style)
                  for _ in range(10)]  # and the table: one A4 page
        story.append(Table([[Paragraph(f"09:{k:02d}", style), Paragraph("拜访企业 会见总经理", style)]
                            for k in range(8)], style=[("FONT", (0, 0), (-1, -1), name)]))
        story.append(PageBreak())
    out = BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story)
    return out.getvalue()


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def main(argv: list[str]) -> int:
    """``PAGES [FONT [MODULE …]]``: the whole-process floor of a ``brief`` that wrote PAGES
    pages. The verb also imports what every verb needs, SQLAlchemy's ORM (the records are
    declared with it: ``bench.verbs``, as ``bench.work_floors`` does for the other verbs), and
    the MODULEs named (``psycopg`` on PostgreSQL). Until 2026-12-03 17:00 this floor imported
    ``sqlalchemy`` alone: ~0.05 s less."""
    import importlib

    import sqlalchemy.orm  # noqa: F401  (what the verb needs besides ReportLab)

    pages, font = int(argv[0]), (argv[1] if len(argv) > 1 else None)
    for module in argv[2:]:
        importlib.import_module(module)
    reportlab_floor(pages, font or None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
