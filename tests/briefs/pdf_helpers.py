"""Reading generated PDFs back the way a reader would: text, page count, fonts."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import DictionaryObject

CHECK_PDF = Path(__file__).resolve().parents[3] / "shared" / "checks" / "check-pdf"


def reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in reader(pdf).pages]


def flat(pdf: bytes) -> str:
    """All the text with whitespace removed (table cells may wrap anywhere)."""
    return re.sub(r"\s+", "", "".join(page_texts(pdf)))


def lines(pdf: bytes, page: int) -> list[str]:
    """The text lines of one page, top to bottom: pieces grouped by height, in drawing order."""
    rows: dict[int, list[str]] = {}

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            rows.setdefault(round(cm[5] + tm[5] * cm[3]), []).append(text.strip())

    reader(pdf).pages[page].extract_text(visitor_text=visit)
    return [" ".join(row) for _, row in sorted(rows.items(), key=lambda item: -item[0])]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def fonts(pdf: bytes) -> dict[str, bool]:
    """Every font used on any page -> whether its program is embedded (FontFile/2/3)."""
    found: dict[str, bool] = {}
    for page in reader(pdf).pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        font_dict = resources.get_object().get("/Font")
        if font_dict is None:
            continue
        for ref in font_dict.get_object().values():
            font = ref.get_object()
            descriptors = [font.get("/FontDescriptor")]
            for descendant in font.get("/DescendantFonts") or []:
                descriptors.append(descendant.get_object().get("/FontDescriptor"))
            embedded = False
            for descriptor in descriptors:
                if descriptor is None:
                    continue
                d: DictionaryObject = descriptor.get_object()
                embedded |= any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found


def check_pdf_available() -> bool:
    """Whether the shared ``check-pdf`` script and its tools (qpdf, poppler-utils) are here."""
    return CHECK_PDF.exists() and all(shutil.which(t) for t in ("qpdf", "pdffonts", "pdftotext",
                                                                "pdfinfo"))


needs_check_pdf = pytest.mark.skipif(not check_pdf_available(),
                                     reason="check-pdf or its tools (qpdf, poppler-utils) are "
                                            "not installed")


def check_pdf(path: Path, *expect: str) -> subprocess.CompletedProcess[str] | None:
    """Run the shared ``check-pdf`` script when it and its tools are on this machine."""
    if not check_pdf_available():
        return None
    args = [str(CHECK_PDF), str(path)]
    for text in expect:
        args += ["--expect", text]
    return subprocess.run(args, capture_output=True, text=True, check=False, timeout=60)
