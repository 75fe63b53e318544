"""Finding a TrueType Chinese font, and falling back with a warning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from briefs import BriefOptions, collect_trip, find_cjk_font, render_trip
from briefs import fonts as fonts_module
from briefs.fonts import CID_FALLBACK
from models.language import Lang
from tests.briefs.pdf_helpers import flat, fonts
from tests.briefs.world import BriefWorld

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_wqy = pytest.mark.skipif(not WQY.exists(), reason="fonts-wqy-microhei is not installed")


@pytest.fixture(autouse=True)
def _fresh_search() -> Iterator[None]:
    find_cjk_font.cache_clear()
    yield
    find_cjk_font.cache_clear()


@needs_wqy
def test_a_system_font_is_found_and_embeds() -> None:
    font = find_cjk_font(None)
    assert font.embedded
    assert font.warning == ""
    assert Path(font.path).exists()


@needs_wqy
def test_the_configured_font_comes_first(tmp_path: Path) -> None:
    copy = tmp_path / "my font.ttc"
    copy.write_bytes(WQY.read_bytes())
    font = find_cjk_font(f"{copy}#0")
    assert (font.path, font.subfont_index, font.warning) == (str(copy), 0, "")


@needs_wqy
def test_an_unusable_configured_font_is_reported_and_a_system_font_used(tmp_path: Path) -> None:
    missing = find_cjk_font(str(tmp_path / "nope.ttf"))
    assert missing.embedded
    assert "nope.ttf" in missing.warning and "无法使用" in missing.warning_zh
    assert "cannot be used" in missing.warning_en
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    assert "broken.ttf" in find_cjk_font(str(broken)).warning


@needs_wqy
@pytest.mark.skipif(not DEJAVU.exists(), reason="fonts-dejavu-core is not installed")
def test_a_latin_only_font_is_reported_and_a_chinese_one_used() -> None:
    latin = find_cjk_font(str(DEJAVU))  # it would print Chinese as boxes
    assert latin.path != str(DEJAVU) and "DejaVuSans" in latin.warning


def test_without_any_font_the_builtin_cid_font_is_used_with_a_warning(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts_module, "candidate_fonts", lambda: [])
    font = find_cjk_font(None)
    assert (font.name, font.embedded) == (CID_FALLBACK, False)
    assert "STSong-Light" in font.warning_zh and "fonts-wqy-microhei" in font.warning_en
    assert font.warning_text(Lang.EN) == font.warning_en


def test_the_fallback_still_prints_a_brief(
        monkeypatch: pytest.MonkeyPatch,
        brief_world: tuple[sessionmaker[Session], BriefWorld]) -> None:
    sessions, world = brief_world
    with sessions() as session:
        data = collect_trip(session, world.trip_code)
    monkeypatch.setattr(fonts_module, "candidate_fonts", lambda: [])
    pdf = render_trip(data, BriefOptions(generated_on=date(2023, 3, 1)))
    assert fonts(pdf) == {f"/{CID_FALLBACK}": False}
    assert "欧洲新能源汽车推介" in flat(pdf)
