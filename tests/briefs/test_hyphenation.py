"""English words in narrow columns are hyphenated; pyphen's dictionary is read only when a word
needs it."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pyphen
import pytest
from reportlab.lib.styles import ParagraphStyle

from briefs import hyphenation
from briefs.blocks import text
from briefs.hyphenation import HYPHENATION, hyphenate

STYLE = ParagraphStyle("hyphenation-test", fontName="Helvetica", fontSize=10, leading=12)


@pytest.fixture(autouse=True)
def _unread() -> Iterator[None]:
    hyphenation._hyphenator.cache_clear()
    yield
    hyphenation._hyphenator.cache_clear()


def _lines(paragraph: object) -> list[str]:
    return [" ".join(line[1]) for line in paragraph.blPara.lines]  # type: ignore[attr-defined]


def test_a_long_english_word_is_hyphenated_in_a_narrow_column() -> None:
    para = text("InterContinental representatives", STYLE)
    para.wrap(60, 500)
    lines = _lines(para)
    assert len(lines) > 1 and any(line.endswith("-") for line in lines)
    assert "".join(x.rstrip("-") for x in " ".join(lines).split()) == \
        "InterContinentalrepresentatives"
    assert hyphenation._hyphenator.cache_info().currsize == 1  # read for that word
    pairs = list(hyphenate("representatives"))
    assert pairs and all(head + tail == "representatives" for head, tail in pairs)


def test_text_that_fits_never_reads_the_dictionary() -> None:
    for value in ("Hong Kong Convention and Exhibition Centre", "东莞招商推介活动工作手册，拜访目标企业",
                  "3月24日 星期五"):
        text(value, STYLE, width=300).wrap(300, 500)
    assert hyphenation._hyphenator.cache_info().currsize == 0


def test_the_parsed_patterns_are_kept_and_hyphenate_as_pyphen_does(
        own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = pyphen.LANGUAGES[HYPHENATION]
    monkeypatch.setattr(pyphen, "hdcache", {})
    words = ("representatives", "InterContinental", "internationalisation", "Guangdong")
    ours = [list(hyphenate(w)) for w in words]
    parsed = pyphen.HyphDict(path)
    expected = [list(pyphen.Pyphen(filename=path, cache=False).iterate(w)) for w in words]
    assert ours == expected
    kept = list(own_cache.glob(f"hyphenation-{HYPHENATION}-*.pickle"))
    assert len(kept) == 1

    hyphenation._hyphenator.cache_clear()
    monkeypatch.setattr(pyphen, "hdcache", {})

    def no_parsing(_path: object) -> None:
        raise AssertionError("the kept patterns should have been read")

    monkeypatch.setattr(hyphenation, "_parsed", no_parsing)
    assert [list(hyphenate(w)) for w in words] == expected
    loaded = pyphen.hdcache[path]
    assert loaded.patterns == parsed.patterns and loaded.maxlen == parsed.maxlen


def test_damaged_patterns_are_parsed_again(own_cache: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    folder = own_cache
    monkeypatch.setattr(pyphen, "hdcache", {})
    folder.mkdir()
    name = f"hyphenation-{HYPHENATION}-{pyphen.__version__}.pickle"
    damaged = {"maxlen": 3, "patterns": {"ab": (0, ("x",))}}
    (folder / name).write_bytes(pickle.dumps(damaged))
    ours = list(hyphenate("representatives"))
    assert ours == list(pyphen.Pyphen(filename=pyphen.LANGUAGES[HYPHENATION], cache=False)
                        .iterate("representatives"))
    assert pickle.loads((folder / name).read_bytes()) != damaged  # written anew
