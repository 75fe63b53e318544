"""What the program keeps in its cache folder between runs: made once, read after, never trusted
when damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import wording
from models.user_cache import cache_folder, kept_mapping, package_version

pytestmark = pytest.mark.usefixtures("own_cache")


class _Maker:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, str]:
        self.calls += 1
        return {"芝加哥": "Chicago", "斯图加特": "Stuttgart"}


def test_a_mapping_is_made_once_and_read_after(own_cache: Path) -> None:
    make = _Maker()
    assert cache_folder() == own_cache
    assert kept_mapping("cities-1.json", make) == make()
    make.calls = 1
    assert kept_mapping("cities-1.json", make) == {"芝加哥": "Chicago", "斯图加特": "Stuttgart"}
    assert make.calls == 1
    assert "芝加哥" in (own_cache / "cities-1.json").read_text(encoding="utf-8")  # not escaped


@pytest.mark.parametrize("damage", [b"{not json", b"[1, 2]", b'{"a": 1}', b"\xff\xfe"])
def test_a_damaged_file_is_made_again_and_rewritten(own_cache: Path, damage: bytes) -> None:
    own_cache.mkdir(parents=True)
    (own_cache / "cities-1.json").write_bytes(damage)
    make = _Maker()
    assert kept_mapping("cities-1.json", make)["芝加哥"] == "Chicago"
    assert kept_mapping("cities-1.json", make)["芝加哥"] == "Chicago"
    assert make.calls == 1


def test_an_unwritable_folder_only_means_making_again(own_cache: Path) -> None:
    own_cache.parent.mkdir(parents=True, exist_ok=True)
    own_cache.write_text("a file where the folder would be", encoding="utf-8")
    make = _Maker()
    for _ in range(2):
        assert kept_mapping("cities-1.json", make)["斯图加特"] == "Stuttgart"
    assert make.calls == 2


def test_cldr_cities_are_kept_per_babel_version(own_cache: Path) -> None:
    wording._cldr_cities.cache_clear()
    try:
        assert wording.city_in_english("芝加哥") == "Chicago"
        assert (own_cache / f"cldr-cities-{package_version('babel')}.json").is_file()
        wording._cldr_cities.cache_clear()
        assert wording._cldr_cities() == wording._read_cldr_cities()
    finally:
        wording._cldr_cities.cache_clear()
    assert package_version("no-such-package-here") == "unknown"
