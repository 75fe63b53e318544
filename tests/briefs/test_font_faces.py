"""The brief font's parsed metrics, kept in the cache folder: the same font, the same PDF."""

from __future__ import annotations

import os
import pickle
import shutil
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from briefs import font_faces
from briefs.font_faces import kept_file, load_ttfont

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_wqy = pytest.mark.skipif(not WQY.exists(), reason="fonts-wqy-microhei is not installed")
needs_dejavu = pytest.mark.skipif(not DEJAVU.exists(), reason="fonts-dejavu-core is not installed")


pytestmark = pytest.mark.usefixtures("own_cache")


class _Parses:
    """Counts the fonts ReportLab parses through ``load_ttfont``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        parse = font_faces._parse

        def counting(name: str, path: str, index: int) -> TTFont:
            self.count += 1
            return parse(name, path, index)

        monkeypatch.setattr(font_faces, "_parse", counting)


def _comparable(font: TTFont) -> tuple[dict[str, Any], dict[str, Any]]:
    face = {k: v for k, v in font.face.__dict__.items() if k not in ("_pdfScale", "_pos")}
    own = {k: v for k, v in font.__dict__.items() if k not in ("face", "state", "encoding")}
    return {**own, "encoding": vars(font.encoding)}, face


def _pdf(font: TTFont, text: str) -> bytes:
    """A page of ``text`` set in ``font`` (registered under its name for this page)."""
    pdfmetrics.registerFont(font)
    out = BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.setFont(font.fontName, 12)
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@needs_dejavu
def test_a_font_is_parsed_once_then_loaded_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    parses = _Parses(monkeypatch)
    first = load_ttfont("CacheTest", str(DEJAVU), 0)
    kept = kept_file(str(DEJAVU), 0)
    assert parses.count == 1 and kept is not None and kept.is_file()
    second = load_ttfont("CacheTest", str(DEJAVU), 0)
    assert parses.count == 1  # read from the cache folder, not parsed
    assert _comparable(second) == _comparable(first)
    assert second.face._ttf_data == DEJAVU.read_bytes()
    for units in (0, 1, 977, 2048):
        assert second.face._pdfScale(units) == first.face._pdfScale(units)
    assert second.stringWidth("Hello 123", 10) == first.stringWidth("Hello 123", 10)


@needs_wqy
def test_a_cached_font_prints_the_same_pdf_byte_for_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    parses = _Parses(monkeypatch)
    text = "东莞招商推介 Delegation brief 2023-03-18 09:30 «香港»"
    parsed = _pdf(load_ttfont("CacheTestCJK", str(WQY), 0), text)
    cached = _pdf(load_ttfont("CacheTestCJK", str(WQY), 0), text)
    assert parses.count == 1
    assert cached == parsed
    assert b"FontFile2" in cached  # embedded, as before


@needs_dejavu
def test_a_damaged_or_foreign_cache_file_is_parsed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    parses = _Parses(monkeypatch)
    expected = _comparable(load_ttfont("CacheTest", str(DEJAVU), 0))
    kept = kept_file(str(DEJAVU), 0)
    assert kept is not None
    whole = kept.read_bytes()
    for damage in (b"not a pickle", whole[:1000],
                   whole[:10] + b"\xff" + whole[11:],  # a frame's length: OverflowError
                   pickle.dumps({"font": {}, "face": {}}),
                   pickle.dumps(os.system),  # only a font's own types are let in
                   pickle.dumps([1, 2, 3])):
        kept.write_bytes(damage)
        before = parses.count
        font = load_ttfont("CacheTest", str(DEJAVU), 0)
        assert parses.count == before + 1
        assert _comparable(font) == expected
        assert _comparable(load_ttfont("CacheTest", str(DEJAVU), 0)) == expected  # rewritten
        assert parses.count == before + 1


@needs_dejavu
def test_a_changed_font_file_is_kept_anew(tmp_path: Path) -> None:
    copy = tmp_path / "font.ttf"
    shutil.copy(DEJAVU, copy)
    before = kept_file(str(copy), 0)
    os.utime(copy, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    assert kept_file(str(copy), 0) != before
    assert kept_file(str(copy), 1) != kept_file(str(copy), 0)
    assert kept_file(str(tmp_path / "missing.ttf"), 0) is None


@needs_dejavu
def test_a_changed_font_replaces_what_was_kept_for_it_alone(tmp_path: Path) -> None:
    """The face kept for the font file before it changed goes; another font's stays, even one
    with the same file name in another folder."""
    copy, namesake = tmp_path / "font.ttf", tmp_path / "other" / "font.ttf"
    namesake.parent.mkdir()
    shutil.copy(DEJAVU, copy)
    shutil.copy(DEJAVU, namesake)
    load_ttfont("KeptBefore", str(copy), 0)
    load_ttfont("Namesake", str(namesake), 0)
    before, other = kept_file(str(copy), 0), kept_file(str(namesake), 0)
    assert before is not None and other is not None and before.is_file() and other.is_file()
    os.utime(copy, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    unplaced = before.parent / f"font-0-{'ab12' * 6}.pickle"  # named as until 2026-12-03
    unplaced.write_bytes(b"kept before names held the place")
    another_face = before.parent / f"font-1-{'ab12' * 6}.pickle"
    another_face.write_bytes(b"kept for face 1")
    for kept_before in (before, other, unplaced, another_face):  # by an earlier run
        os.utime(kept_before, (1_600_000_000, 1_600_000_000))
    load_ttfont("KeptAfter", str(copy), 0)
    after = kept_file(str(copy), 0)
    assert after is not None and after.is_file() and after != before
    assert sorted(p.name for p in after.parent.iterdir()) == sorted(
        [after.name, other.name, another_face.name])


@needs_dejavu
def test_a_hidden_font_file_is_kept_under_a_plain_name(tmp_path: Path) -> None:
    """A font file whose name begins with a dot: its kept face is not a hidden file (one the
    cache's tidying takes for a file being written), and the font loads."""
    hidden = tmp_path / ".DejaVuSans.ttf"
    shutil.copy(DEJAVU, hidden)
    font = load_ttfont("HiddenFont", str(hidden), 0)
    kept = kept_file(str(hidden), 0)
    assert font.face.name and kept is not None and kept.is_file()
    assert kept.name.startswith("DejaVuSans-0-")


@needs_dejavu
def test_an_unwritable_cache_folder_only_means_parsing(
        own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own_cache.parent.mkdir(parents=True, exist_ok=True)
    own_cache.write_text("a file where the folder would be", encoding="utf-8")
    parses = _Parses(monkeypatch)
    for _ in range(2):
        font = load_ttfont("CacheTest", str(DEJAVU), 0)
        assert font.stringWidth("A", 10) > 0
    assert parses.count == 2


@needs_dejavu
def test_a_kept_font_takes_the_runs_own_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """What TTFont sets from ReportLab's settings is the run's, not the kept file's."""
    from reportlab import rl_config

    load_ttfont("CacheTest", str(DEJAVU), 0)  # kept with the default settings
    monkeypatch.setattr(rl_config, "ttfAsciiReadable", 0)
    fresh = TTFont("CacheTest", str(DEJAVU))
    kept = load_ttfont("CacheTest", str(DEJAVU), 0)
    assert kept._asciiReadable == fresh._asciiReadable == 0
    assert _comparable(kept) == _comparable(fresh)
