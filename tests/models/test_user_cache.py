"""What the program keeps in its cache folder between runs: made once, read after, never trusted
when damaged."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from models import user_cache, wording
from models.language import Lang
from models.user_cache import cache_folder, drop_older, kept_mapping, package_version

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
    assert kept_mapping("cities-1.pickle", make, family="cities-") == make()
    make.calls = 1
    assert kept_mapping("cities-1.pickle", make, family="cities-") == {
        "芝加哥": "Chicago", "斯图加特": "Stuttgart"}
    assert make.calls == 1
    assert "芝加哥".encode() in (own_cache / "cities-1.pickle").read_bytes()


@pytest.mark.parametrize("damage", [b"{not a pickle", pickle.dumps([1, 2]),
                                    pickle.dumps({"a": 1}), b"\xff\xfe"])
def test_a_damaged_file_is_made_again_and_rewritten(own_cache: Path, damage: bytes) -> None:
    own_cache.mkdir(parents=True)
    (own_cache / "cities-1.pickle").write_bytes(damage)
    make = _Maker()
    assert kept_mapping("cities-1.pickle", make, family="cities-")["芝加哥"] == "Chicago"
    assert kept_mapping("cities-1.pickle", make, family="cities-")["芝加哥"] == "Chicago"
    assert make.calls == 1


def test_an_unwritable_folder_only_means_making_again(own_cache: Path) -> None:
    own_cache.parent.mkdir(parents=True, exist_ok=True)
    own_cache.write_text("a file where the folder would be", encoding="utf-8")
    make = _Maker()
    for _ in range(2):
        assert kept_mapping("cities-1.pickle", make, family="cities-")["斯图加特"] == "Stuttgart"
    assert make.calls == 2


EARLIER_RUN = 1_700_000_000  # 2023-11-14: a file an earlier run of the program wrote


def _written_earlier(path: Path, data: bytes = b"kept before") -> Path:
    path.write_bytes(data)
    os.utime(path, (EARLIER_RUN, EARLIER_RUN))
    return path


def test_a_new_version_replaces_its_familys_older_files(own_cache: Path) -> None:
    own_cache.mkdir(parents=True)
    older = ["cities-0.pickle", "cities-0.json"]  # an older version's, an older format's
    others = ["citizens-1.pickle", "zone-names-1.json", ".cities-1.pickle.x1y2.tmp",
              "cities-2025.xlsx"]  # another family's, being written, not a kept file
    for name in older + others:
        _written_earlier(own_cache / name)
    (own_cache / "cities-old-folder").mkdir()  # not a file: left alone
    assert kept_mapping("cities-1.pickle", _Maker(), family="cities-")["芝加哥"] == "Chicago"
    assert sorted(p.name for p in own_cache.iterdir()) == sorted(
        ["cities-1.pickle", "cities-old-folder", *others])
    with pytest.raises(ValueError):
        drop_older(own_cache / "cities-1.pickle", "zone-")


def test_another_version_running_beside_keeps_its_file(own_cache: Path) -> None:
    """A file of the family written since this process started is another running version's
    (an old window left open after an upgrade): removing it, each would remove the other's."""
    own_cache.mkdir(parents=True)
    (own_cache / "cities-0.pickle").write_bytes(b"written a moment ago by the other version")
    assert kept_mapping("cities-1.pickle", _Maker(), family="cities-")["芝加哥"] == "Chicago"
    assert sorted(p.name for p in own_cache.iterdir()) == ["cities-0.pickle", "cities-1.pickle"]


def test_a_kept_text_file_replaces_its_familys_older_files(own_cache: Path) -> None:
    own_cache.mkdir(parents=True)
    _written_earlier(own_cache / "names-0.json", b'{"a": "older"}')
    _written_earlier(own_cache / "cities-0.pickle", b"another family")
    assert user_cache.kept_text("names-1.json", "k", lambda: "新", family="names-") == "新"
    assert sorted(p.name for p in own_cache.iterdir()) == ["cities-0.pickle", "names-1.json"]


def test_the_older_files_are_looked_for_once_a_process(own_cache: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A text file is written anew for each new key: its folder is listed the first time."""
    listed: list[object] = []
    scandir = os.scandir

    def listing(folder: Path) -> Iterator[os.DirEntry[str]]:
        listed.append(folder)
        return scandir(folder)

    monkeypatch.setattr(user_cache.os, "scandir", listing)
    for key in ("a", "b", "c"):
        assert user_cache.kept_text("names-1.json", key, lambda: "文", family="names-") == "文"
    assert len(listed) == 1


def test_cldr_cities_are_kept_per_babel_version(own_cache: Path) -> None:
    wording._cldr_cities.cache_clear()
    try:
        assert wording.city_in_english("芝加哥") == "Chicago"
        name = f"cldr-cities-{package_version('babel')}-{wording.KEPT_FORMAT}.pickle"
        assert [p.name for p in own_cache.glob("cldr-cities-*")] == [name]
        wording._cldr_cities.cache_clear()
        assert wording._cldr_cities() == wording._read_cldr_cities()
    finally:
        wording._cldr_cities.cache_clear()
    assert package_version("no-such-package-here") == "unknown"


def test_a_package_without_metadata_is_named_after_its_file(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """As a frozen build may install it: a new version of it is told apart all the same."""
    module = tmp_path / "bare_package_here" / "__init__.py"
    module.parent.mkdir()
    module.write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    package_version.cache_clear()
    first = package_version("bare_package_here")
    assert first.startswith("unknown-")
    module.write_text("VALUE = 2  # the next version\n", encoding="utf-8")
    package_version.cache_clear()
    assert package_version("bare_package_here") not in (first, "unknown")
    package_version.cache_clear()


ZONES = ("Europe/Berlin", "America/New_York", "Asia/Tokyo", "Asia/Shanghai", "UTC",
         "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns", "Antarctica/Troll",
         "Etc/GMT+5", "Europe/Moscow", "Africa/Casablanca", "No/Such_Zone")


def test_zone_names_are_kept_and_read_as_babel_gives_them(own_cache: Path) -> None:
    moments: list[datetime | None] = [None, datetime(2023, 1, 15, 12, tzinfo=UTC),
                                      datetime(2023, 7, 15, 12, tzinfo=UTC),
                                      datetime(1995, 7, 1, tzinfo=UTC)]
    asked = [(z, lang, m) for z in ZONES for lang in (Lang.ZH, Lang.EN) for m in moments]
    first = [wording.zone_name(z, lang, m) for z, lang, m in asked]
    kept = list(own_cache.glob("zone-names-*.json"))
    assert len(kept) == 1 and "中欧夏令时间" in kept[0].read_text(encoding="utf-8")
    user_cache._texts.clear()  # as a new process: read from the file
    assert [wording.zone_name(z, lang, m) for z, lang, m in asked] == first
    for (z, lang, m), name in zip(asked, first, strict=True):
        if z == "No/Such_Zone":
            assert name == z
            continue
        tz = ZoneInfo(z)
        assert name == wording._cldr_zone_name(z, tz, lang, m.astimezone(tz) if m else None)
    assert wording.zone_name("Europe/Berlin", Lang.ZH, moments[2]) == "中欧夏令时间"
    assert wording.zone_name("Europe/Berlin", Lang.EN, moments[1]) == "Central European Standard Time"


def test_country_and_language_names_are_kept_as_cldr_gives_them(own_cache: Path) -> None:
    from babel import Locale

    countries = ("DE", "JP", "US", "HK", "FR", "XK", "ZZ9")
    languages = "zh,en,de,ja,yue,pt-BR,xx"
    first = ([wording.country_name(c, lang) for c in countries for lang in (Lang.ZH, Lang.EN)],
             [wording.language_names(languages, lang) for lang in (Lang.ZH, Lang.EN)])
    assert list(own_cache.glob("cldr-names-*.json"))
    user_cache._texts.clear()  # as a new process: read from the file
    again = ([wording.country_name(c, lang) for c in countries for lang in (Lang.ZH, Lang.EN)],
             [wording.language_names(languages, lang) for lang in (Lang.ZH, Lang.EN)])
    assert again == first
    zh, en = Locale.parse("zh_Hans_CN"), Locale.parse("en_GB")
    assert first[0][0:2] == [zh.territories["DE"], en.territories["DE"]] == ["德国", "Germany"]
    assert first[0][-2:] == ["ZZ9", "ZZ9"]  # an unknown code stays as written
    kept = next(own_cache.glob("cldr-names-*.json")).read_text(encoding="utf-8")
    assert "ZZ9" not in kept and "|xx" not in kept and "|de" in kept  # typed codes stay out
    assert first[1][1].split(", ") == [str(en.languages.get(c.replace("-", "_").lower(), c))
                                       for c in languages.split(",")]
    assert first[1][0].startswith("中文、英语、德语、日语")


def test_the_country_list_writes_nothing(own_cache: Path) -> None:
    """The editor's list of every country reads CLDR whole: hundreds of names, no file."""
    names = dict((code, name) for name, code in wording.countries(Lang.ZH))
    assert names["DE"] == "德国" and names["HK"] == "中国香港" and len(names) > 200
    assert [n for n, _ in wording.countries(Lang.EN)][:1] and not list(own_cache.glob("*"))
